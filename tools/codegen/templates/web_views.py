"""Embedded web content: a web page, or another Flet app."""

from __future__ import annotations

from flet_core._fields import prop


class WebView:
    # the client reads `preventlink`; upstream sent `prevent_link`, which it ignored
    prevent_link: str | None = prop(default="none", wire="preventlink", eager=True)
