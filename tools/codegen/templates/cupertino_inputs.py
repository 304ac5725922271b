"""Cupertino (iOS-style) inputs: checkbox, radio, switch, slider, text field, pickers, segments."""

from __future__ import annotations

from flet_core._aliases import alias
from flet_core._fields import prop
from flet_core.border import Border


class CupertinoTextField:
    # not positional here: upstream's first parameter is placeholder_text
    value: str | None = prop(default="")
    # an iOS field draws a box border, where a Material field takes an input border style
    border: Border | None = prop(default=None, json=True)  # type: ignore[assignment]  # narrower field type


class CupertinoSlider:
    # the client has no rounding; upstream sent the text of Python's `round` function by default
    round: int | None = None


class CupertinoDatePicker:
    # the client reads `minimumyear` and `maximumyear`; upstream sent `minyear` and `maxyear`
    min_year: int | None = prop(default=1, wire="minimumyear")
    max_year: int | None = prop(default=None, wire="maximumyear")
    # 0.21's constructor names them minimum_year and maximum_year
    minimum_year: int | None = alias("min_year")
    maximum_year: int | None = alias("max_year")
