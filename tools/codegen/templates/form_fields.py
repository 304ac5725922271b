"""Text entry and drop-down fields, which share the decoration of `FormFieldControl`."""

from __future__ import annotations


class FormFieldControl:
    def before_update(self) -> None:
        super().before_update()
        # a background colour only shows on a filled field
        if self.bgcolor is not None and self.filled is None:
            self.filled = True
