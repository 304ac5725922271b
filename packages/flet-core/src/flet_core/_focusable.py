"""``focus()`` for the controls that can take the keyboard focus, written once."""

from __future__ import annotations

import time

from flet_core._deprecation import deprecated_twin
from flet_core.control import Control
from flet_core.encoding import dumps

__all__ = ["Focusable"]


class Focusable(Control):
    """Mixin of controls that can take the keyboard focus (text fields, buttons, menu buttons)."""

    def focus(self) -> None:
        """Move the keyboard focus to this control."""
        # a new value each time, so that the client sees a change even when focusing twice
        self._set_attr("focus", dumps(str(time.time())))
        self.update()

    focus_async = deprecated_twin(focus)
