"""Public names loaded on first use: name -> defining module ("module:" marks a module)."""

from __future__ import annotations

EXPORTS: dict[str, str] = {}
