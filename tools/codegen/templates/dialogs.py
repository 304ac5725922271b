"""Dialogs and overlays that open and close: alert dialogs, banners, sheets, snack bars, pickers."""

from __future__ import annotations

from flet_core._deprecation import deprecated_twin


class DatePicker:
    def pick_date(self) -> None:
        """Open the date picker dialog."""
        self.open = True
        self.update()

    pick_date_async = deprecated_twin(pick_date)


class TimePicker:
    def pick_time(self) -> None:
        """Open the time picker dialog."""
        self.open = True
        self.update()

    pick_time_async = deprecated_twin(pick_time)
