"""Layout controls: rows, columns, stacks, scrolling lists and grids, dividers and page bodies."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flet_core._aliases import alias
from flet_core._deprecation import deprecated_twin

if TYPE_CHECKING:
    from flet_core.navigation_bars import BottomAppBar, NavigationDrawer


class Pagelet:
    # 0.21 accepts the bottom app bar under both names
    bottom_app_bar: BottomAppBar | None = alias("bottom_appbar")

    def show_drawer(self, drawer: NavigationDrawer) -> None:
        """Open `drawer` as this pagelet's start drawer."""
        self.drawer = drawer
        drawer.open = True
        self.update()

    def close_drawer(self) -> None:
        """Close the start drawer, if one is open."""
        if self.drawer is not None:
            self.drawer.open = False
            self.drawer.update()

    def show_end_drawer(self, end_drawer: NavigationDrawer) -> None:
        """Open `end_drawer` as this pagelet's end drawer."""
        self.end_drawer = end_drawer
        end_drawer.open = True
        self.update()

    def close_end_drawer(self) -> None:
        """Close the end drawer, if one is open."""
        if self.end_drawer is not None:
            self.end_drawer.open = False
            self.end_drawer.update()

    show_drawer_async = deprecated_twin(show_drawer)
    close_drawer_async = deprecated_twin(close_drawer)
    show_end_drawer_async = deprecated_twin(show_end_drawer)
    close_end_drawer_async = deprecated_twin(close_end_drawer)
