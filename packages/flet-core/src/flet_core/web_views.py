"""Embedded web content: a web page, or another Flet app."""

from __future__ import annotations

from flet_core._fields import control, event, prop
from flet_core.constrained_control import ConstrainedControl
from flet_core.control_event import ControlEvent, EventHandler

__all__ = ["FletApp", "WebView"]


@control(
    "webview",
    positional=(
        "url javascript_enabled prevent_link bgcolor on_page_started on_page_ended on_web_resource_error "
        "ref key width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class WebView(ConstrainedControl):
    """Shows a web page."""

    url: str | None = prop(default=None, kw_only=False)
    javascript_enabled: bool = prop(default=True, eager=True)
    # the client reads `preventlink`; upstream sent `prevent_link`, which it ignored
    prevent_link: str | None = prop(default="none", wire="preventlink", eager=True)
    bgcolor: str | None = None
    on_page_started: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_page_ended: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    on_web_resource_error: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "fletapp",
    positional=(
        "url reconnect_interval_ms reconnect_timeout_ms on_error ref width height left top right bottom "
        "expand expand_loose opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class FletApp(ConstrainedControl):
    """Shows another Flet app, served at `url`, inside this one."""

    url: str | None = prop(default=None, kw_only=False)
    reconnect_interval_ms: int | None = None
    reconnect_timeout_ms: int | None = None
    on_error: EventHandler[ControlEvent] | None = event(flag=False, default=None)
