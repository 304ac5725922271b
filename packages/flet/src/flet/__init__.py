"""Flet for Python: ``import flet as ft`` gives the whole public API of Flet 0.21.

Everything flet_core exports is reachable here; like flet_core, names load on first use.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import flet_core
from flet import version as _version

if TYPE_CHECKING:
    from flet_core import *  # noqa: F403  # the same names, for type checkers

__version__ = _version.version


def __getattr__(name: str) -> Any:
    value = getattr(flet_core, name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(flet_core.__all__))


__all__ = list(flet_core.__all__)
