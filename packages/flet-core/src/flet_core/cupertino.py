"""Cupertino (iOS-style) bars, dialogs, sheets, buttons, list tiles and context menus."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flet_core._fields import control, event, prop, slot
from flet_core.adaptive_control import AdaptiveControl
from flet_core.alignment import Alignment
from flet_core.border import Border
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.text_style import TextStyle
from flet_core.types import BorderRadiusValue, PaddingValue

if TYPE_CHECKING:
    from flet_core.navigation_bars import NavigationDestination


__all__ = [
    "CupertinoActionSheet",
    "CupertinoActionSheetAction",
    "CupertinoActivityIndicator",
    "CupertinoAlertDialog",
    "CupertinoAppBar",
    "CupertinoBottomSheet",
    "CupertinoButton",
    "CupertinoContextMenu",
    "CupertinoContextMenuAction",
    "CupertinoDialogAction",
    "CupertinoFilledButton",
    "CupertinoListTile",
    "CupertinoNavigationBar",
]


@control(
    "cupertinoappbar",
    positional=(
        "leading middle trailing bgcolor automatically_imply_leading automatically_imply_middle border "
        "padding transition_between_routes previous_page_title ref"
    ).split(),
)
class CupertinoAppBar(Control):
    """An iOS-style navigation bar at the top of a view."""

    leading: Control | None = slot(n="leading", default=None, kw_only=False)
    middle: Control | None = slot(n="middle", default=None)
    trailing: Control | None = slot(n="trailing", default=None)
    bgcolor: str | None = None
    automatically_imply_leading: bool | None = True
    automatically_imply_middle: bool | None = True
    border: Border | None = prop(default=None, json=True)
    padding: PaddingValue = prop(default=None, json=True)
    transition_between_routes: bool | None = True
    previous_page_title: str | None = None


@control(
    "cupertinonavigationbar",
    positional=(
        "destinations selected_index bgcolor active_color inactive_color border icon_size on_change ref "
        "width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end visible disabled data"
    ).split(),
)
class CupertinoNavigationBar(ConstrainedControl):
    """An iOS-style tab bar at the bottom of a view."""

    destinations: list[NavigationDestination] = slot(many=True, default=None, kw_only=False)
    selected_index: int | None = 0
    bgcolor: str | None = None
    active_color: str | None = None
    inactive_color: str | None = None
    border: Border | None = prop(default=None, json=True)
    icon_size: int | float | None = None
    on_change: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinoalertdialog",
    positional="open modal title content actions on_dismiss ref disabled visible data".split(),
)
class CupertinoAlertDialog(Control):
    """An iOS-style alert dialog; shown while `open` is true."""

    open: bool = prop(default=False, eager=True, kw_only=False)
    modal: bool = prop(default=False, eager=True)
    title: Control | None = slot(n="title", default=None)
    content: Control | None = slot(n="content", default=None)
    actions: list[Control] = slot(n="action", many=True, default=None)
    on_dismiss: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinodialogaction",
    positional=(
        "text content is_default_action is_destructive_action text_style on_click ref opacity visible data"
    ).split(),
)
class CupertinoDialogAction(Control):
    """One button of a Cupertino alert dialog."""

    text: str | None = prop(default=None, kw_only=False)
    content: Control | None = slot(n="content", default=None)
    is_default_action: bool | None = None
    is_destructive_action: bool | None = None
    text_style: TextStyle | None = prop(default=None, json=True)
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinoactionsheet",
    positional=(
        "title message actions cancel ref key width height left top right bottom expand expand_loose col "
        "opacity rotate scale offset aspect_ratio animate_opacity animate_size animate_position "
        "animate_rotation animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class CupertinoActionSheet(ConstrainedControl):
    """An iOS-style sheet of actions that slides up from the bottom."""

    cancel: Control | None = slot(n="cancel", default=None)
    title: Control | None = slot(n="title", default=None, kw_only=False)
    message: Control | None = slot(n="message", default=None)
    actions: list[Control] = slot(n="action", many=True, default=None)


@control(
    "cupertinoactionsheetaction",
    positional=(
        "text content is_default_action is_destructive_action on_click ref key width height left top "
        "right bottom expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data"
    ).split(),
)
class CupertinoActionSheetAction(ConstrainedControl):
    """One button of a Cupertino action sheet."""

    text: str | None = prop(default=None, kw_only=False)
    content: Control | None = slot(n="content", default=None)
    is_default_action: bool | None = None
    is_destructive_action: bool | None = None
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinobottomsheet",
    positional="content open modal bgcolor height padding on_dismiss ref disabled visible data".split(),
)
class CupertinoBottomSheet(Control):
    """An iOS-style modal sheet that slides up from the bottom."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    open: bool = prop(default=False, eager=True)
    modal: bool = prop(default=False, eager=True)
    bgcolor: str | None = None
    height: int | float | None = None
    padding: PaddingValue = prop(default=None, json=True)
    on_dismiss: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinobutton",
    positional=(
        "text icon icon_color content bgcolor color disabled_color opacity_on_click min_size padding "
        "alignment border_radius url url_target on_click ref key width height left top right bottom "
        "expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity animate_size "
        "animate_position animate_rotation animate_scale animate_offset on_animation_end tooltip visible "
        "disabled data"
    ).split(),
)
class CupertinoButton(ConstrainedControl):
    """An iOS-style button."""

    text: str | None = prop(default=None, kw_only=False)
    icon: str | None = None
    icon_color: str | None = None
    content: Control | None = slot(n="content", default=None)
    bgcolor: str | None = None
    color: str | None = None
    disabled_color: str | None = None
    opacity_on_click: int | float | None = 0.4
    min_size: int | float | None = 44.0
    padding: PaddingValue = prop(default=None, json=True)
    alignment: Alignment | None = prop(default=None, json=True)
    border_radius: BorderRadiusValue = prop(default=None, json=True)
    url: str | None = None
    url_target: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "cupertinobutton",
    positional=(
        "text disabled_color opacity_on_click min_size padding alignment border_radius ref key width "
        "height expand expand_loose col opacity tooltip visible disabled data icon icon_color content url "
        "url_target on_click"
    ).split(),
)
class CupertinoFilledButton(CupertinoButton):
    """An iOS-style button filled with the primary colour."""

    bgcolor: str | None = prop(default="primary", eager=True)
    color: str | None = prop(default="onPrimary", eager=True)


@control(
    "cupertinolisttile",
    positional=(
        "title subtitle leading trailing bgcolor bgcolor_activated padding url url_target toggle_inputs "
        "additional_info leading_size leading_to_title notched on_click ref key width height left top "
        "right bottom expand expand_loose col opacity rotate scale offset aspect_ratio animate_opacity "
        "animate_size animate_position animate_rotation animate_scale animate_offset on_animation_end "
        "tooltip visible disabled data"
    ).split(),
)
class CupertinoListTile(ConstrainedControl):
    """An iOS-style list row with a title, subtitle and leading and trailing controls."""

    leading: Control | None = slot(n="leading", default=None)
    title: Control | None = slot(n="title", default=None, kw_only=False)
    subtitle: Control | None = slot(n="subtitle", default=None)
    trailing: Control | None = slot(n="trailing", default=None)
    bgcolor: str | None = None
    bgcolor_activated: str | None = None
    padding: PaddingValue = prop(default=None, wire="contentpadding", json=True)
    url: str | None = None
    url_target: str | None = None
    toggle_inputs: bool | None = False
    additional_info: Control | None = slot(n="additionalInfo", default=None)
    leading_size: int | float | None = None
    leading_to_title: int | float | None = None
    notched: bool | None = False
    on_click: EventHandler[ControlEvent] | None = event(default=None)


@control(
    "cupertinocontextmenu",
    positional="content actions enable_haptic_feedback ref disabled visible data adaptive".split(),
)
class CupertinoContextMenu(AdaptiveControl):
    """Shows a menu of actions over an enlarged copy of its content on long press."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    actions: list[Control] = slot(n="action", many=True, default=None)
    enable_haptic_feedback: bool | None = False
    adaptive: bool | None = prop(default=False, eager=True)


@control(
    "cupertinocontextmenuaction",
    positional=(
        "text content is_default_action is_destructive_action trailing_icon on_click ref disabled visible data adaptive"
    ).split(),
)
class CupertinoContextMenuAction(AdaptiveControl):
    """One action of a Cupertino context menu."""

    text: str | None = prop(default=None, kw_only=False)
    content: Control | None = slot(default=None)
    is_default_action: bool | None = False
    is_destructive_action: bool | None = False
    trailing_icon: str | None = None
    on_click: EventHandler[ControlEvent] | None = event(flag=False, default=None)
    adaptive: bool | None = prop(default=False, eager=True)


@control(
    "cupertinoactivityindicator",
    positional=(
        "radius color animating ref key expand expand_loose col opacity rotate scale offset aspect_ratio "
        "animate_opacity animate_size animate_position animate_rotation animate_scale animate_offset "
        "on_animation_end tooltip visible disabled data"
    ).split(),
)
class CupertinoActivityIndicator(ConstrainedControl):
    """An iOS-style spinning activity indicator."""

    radius: int | float | None = prop(default=None, kw_only=False)
    color: str | None = None
    animating: bool | None = None
