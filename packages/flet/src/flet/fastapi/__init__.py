"""Serving Flet apps with FastAPI: the home of FletApp, FletStaticFiles, FletUpload and app().

Empty for now; the server arrives with its own issue. The deprecated `flet_fastapi` package
re-exports whatever this module lists in `__all__`.
"""

from __future__ import annotations

__all__: list[str] = []
