"""Material surfaces and tiles: cards, chips, list tiles and expansion panels."""

from __future__ import annotations

from flet_core._aliases import alias


class ExpansionPanelList:
    # 0.21's constructor names it expand_icon_color
    expand_icon_color: str | None = alias("expanded_icon_color")
