"""`DataTable` and its columns, rows and cells."""

from __future__ import annotations

from typing import Any

from flet_core._typed_events import JsonEvent, to_int


class DataColumnSortEvent(JsonEvent):
    """The user asked to sort by a column: its index and the direction."""

    def __init__(self, i: Any = 0, a: Any = True) -> None:
        super().__init__("sort")
        self.column_index = to_int(i)
        self.ascending = bool(a)
