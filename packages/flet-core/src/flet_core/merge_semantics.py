"""Compatibility path: `flet_core.merge_semantics` re-exports `MergeSemantics` from `flet_core.semantics`."""

from __future__ import annotations

from flet_core.semantics import MergeSemantics

__all__ = ["MergeSemantics"]
