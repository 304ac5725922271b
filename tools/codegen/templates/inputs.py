"""Selection inputs: checkboxes, radios, switches, sliders, search bars and segmented buttons."""

from __future__ import annotations

import time

from flet_core._deprecation import deprecated_twin
from flet_core._fields import prop
from flet_core.buttons import ButtonStyle
from flet_core.encoding import dumps


class SearchBar:
    def open_view(self) -> None:
        """Open the search view (the full list of suggestions)."""
        self._set_attr("method", dumps({"n": "openView", "i": str(time.time()), "p": {}}))
        self.update()

    def close_view(self, text: str = "") -> None:
        """Close the search view and put `text` in the bar."""
        self.value = text
        self._set_attr("method", dumps({"n": "closeView", "i": str(time.time()), "p": {"text": text}}))
        self.update()

    open_view_async = deprecated_twin(open_view)
    close_view_async = deprecated_twin(close_view)


class SegmentedButton:
    # upstream always sends a style, `{}` when none is set
    style: ButtonStyle | None = prop(default=ButtonStyle(), json=True, eager=True)
