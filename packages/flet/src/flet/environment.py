"""Host detection for ``ft.app``; the FLET_* variables themselves live in :mod:`flet_runtime.config`.

Precedence (COMPAT with Flet 0.21): a set variable wins over the matching argument, except
``FLET_WEB_APP_PATH``, which is used only when the ``name`` argument is empty. An empty value
counts as unset. A value that cannot be parsed raises :class:`EnvironmentVariableError`, which
names the variable, the value and what was expected.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from flet_runtime import config
from flet_runtime.errors import EnvironmentVariableError

__all__ = ["EnvironmentVariableError", "has_display", "is_linux_server"]


def _is_wsl() -> bool:
    try:
        return "microsoft" in Path("/proc/version").read_text(encoding="utf-8", errors="replace").lower()
    except OSError:
        return False


def has_display() -> bool:
    """Whether a browser window could be shown: always off Linux, else X11 or Wayland is set."""
    if not sys.platform.startswith("linux"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) or _is_wsl()


def is_linux_server() -> bool:
    """A Linux host without a display (and not WSL, iOS or Android): web mode is forced there."""
    if (config.PLATFORM.get() or "").lower() in {"ios", "android"}:
        return False
    return sys.platform.startswith("linux") and not has_display()
