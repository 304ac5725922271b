"""``flet_runtime.app``: where 0.21 kept ``app`` and ``app_async``; they now live in ``flet.app``.

flet-runtime does not depend on flet (imports go downwards), so the names are looked up in
``flet.app`` when first used, which needs the ``flet`` package installed.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["app", "app_async"]  # noqa: F822  # provided by the module __getattr__ below


def __getattr__(name: str) -> Any:
    if name not in __all__:
        raise AttributeError(f"module 'flet_runtime.app' has no attribute {name!r}")
    try:
        module = importlib.import_module("flet.app")
    except ImportError as error:
        raise ImportError(f"flet_runtime.app.{name} is provided by the flet package: pip install flet") from error
    return getattr(module, name)
