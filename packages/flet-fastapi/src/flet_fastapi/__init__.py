"""Deprecated alias of `flet.fastapi`; use `import flet.fastapi as flet_fastapi` instead."""

from __future__ import annotations

import warnings

warnings.warn(
    "the flet_fastapi package is deprecated since Flet 0.21.0: "
    "use flet.fastapi instead (import flet.fastapi as flet_fastapi)",
    DeprecationWarning,
    stacklevel=2,
)

from flet.fastapi import *  # noqa: E402, F403  (the warning must come first; re-export is the point)
