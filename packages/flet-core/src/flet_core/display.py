"""Controls that show something: icons, images, markdown, progress indicators, badges and tooltips."""

from __future__ import annotations

from flet_core._fields import control, event, prop, slot
from flet_core.alignment import Alignment
from flet_core.border import Border
from flet_core.constrained_control import ConstrainedControl
from flet_core.control import Control
from flet_core.control_event import ControlEvent, EventHandler
from flet_core.gradients import Gradient
from flet_core.markdown_syntax import MarkdownExtensionSet
from flet_core.text_style import TextStyle
from flet_core.types import (
    BlendMode,
    BorderRadiusValue,
    BoxShape,
    ImageFit,
    ImageRepeat,
    MarginValue,
    OffsetValue,
    PaddingValue,
    TextAlign,
)

__all__ = ["Badge", "CircleAvatar", "Icon", "Image", "Markdown", "ProgressBar", "ProgressRing", "Tooltip"]


@control(
    "icon",
    positional=(
        "name color size semantics_label ref key expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class Icon(ConstrainedControl):
    """A Material or Cupertino icon."""

    name: str | None = prop(default=None, kw_only=False)
    color: str | None = None
    size: int | float | None = None
    semantics_label: str | None = None


@control(
    "image",
    positional=(
        "src src_base64 error_content repeat fit border_radius color color_blend_mode gapless_playback "
        "semantics_label ref key width height left top right bottom expand expand_loose col opacity "
        "rotate scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class Image(ConstrainedControl):
    """An image from a URL, an asset or base64 data."""

    src: str | None = prop(default=None, kw_only=False)
    src_base64: str | None = None
    error_content: Control | None = slot(n="error_content", default=None)
    repeat: ImageRepeat | None = None
    fit: ImageFit | None = None
    border_radius: BorderRadiusValue = prop(default=None, json=True)
    color: str | None = None
    color_blend_mode: BlendMode = BlendMode.NONE
    gapless_playback: bool | None = False
    semantics_label: str | None = None


@control(
    "markdown",
    positional=(
        "value selectable extension_set code_theme code_style auto_follow_links auto_follow_links_target "
        "on_tap_link ref key width height left top right bottom expand expand_loose col opacity rotate "
        "scale offset aspect_ratio animate_opacity animate_size animate_position animate_rotation "
        "animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class Markdown(ConstrainedControl):
    """Renders Markdown text."""

    value: str | None = prop(default=None, kw_only=False)
    selectable: bool | None = False
    extension_set: MarkdownExtensionSet | None = None
    code_theme: str | None = None
    code_style: TextStyle | None = prop(default=None, json=True)
    auto_follow_links: bool | None = False
    auto_follow_links_target: str | None = None
    on_tap_link: EventHandler[ControlEvent] | None = event(flag=False, default=None)


@control(
    "progressbar",
    positional=(
        "value bar_height color bgcolor ref key width height left top right bottom expand expand_loose "
        "col opacity rotate scale offset aspect_ratio animate_opacity animate_size animate_position "
        "animate_rotation animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class ProgressBar(ConstrainedControl):
    """A Material linear progress indicator."""

    value: int | float | None = prop(default=None, kw_only=False)
    bar_height: int | float | None = None
    color: str | None = None
    bgcolor: str | None = None


@control(
    "progressring",
    positional=(
        "value stroke_width color bgcolor ref key width height left top right bottom expand expand_loose "
        "col opacity rotate scale offset aspect_ratio animate_opacity animate_size animate_position "
        "animate_rotation animate_scale animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class ProgressRing(ConstrainedControl):
    """A Material circular progress indicator."""

    value: int | float | None = prop(default=None, kw_only=False)
    stroke_width: int | float | None = None
    color: str | None = None
    bgcolor: str | None = None


@control(
    "badge",
    positional=(
        "content text offset alignment bgcolor label_visible large_size padding small_size text_color "
        "text_style ref opacity visible data"
    ).split(),
)
class Badge(Control):
    """A small label over another control, such as a count of new items."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    text: str | None = prop(default=None, wire="labeltext")
    offset: OffsetValue = prop(default=None, json=True)
    alignment: Alignment | None = prop(default=None, json=True)
    bgcolor: str | None = None
    label_visible: bool | None = prop(default=None, wire="islabelvisible")
    large_size: int | float | None = None
    padding: PaddingValue = prop(default=None, json=True)
    small_size: int | float | None = None
    text_color: str | None = None
    text_style: TextStyle | None = prop(default=None, json=True)


@control(
    "circleavatar",
    positional=(
        "content foreground_image_url background_image_url color bgcolor radius min_radius max_radius key "
        "ref width height left top right bottom expand expand_loose col opacity rotate scale offset "
        "aspect_ratio animate_opacity animate_size animate_position animate_rotation animate_scale "
        "animate_offset on_animation_end tooltip visible disabled data"
    ).split(),
)
class CircleAvatar(ConstrainedControl):
    """A circle with an image, initials or an icon, representing a user."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    foreground_image_url: str | None = None
    background_image_url: str | None = None
    color: str | None = None
    bgcolor: str | None = None
    radius: int | float | None = None
    min_radius: int | float | None = None
    max_radius: int | float | None = None


@control(
    "tooltip",
    positional=(
        "content enable_feedback height vertical_offset margin padding bgcolor gradient border "
        "border_radius shape message text_style text_align prefer_below show_duration wait_duration ref "
        "visible disabled data"
    ).split(),
)
class Tooltip(Control):
    """Shows a message when its content is hovered or long-pressed."""

    content: Control | None = slot(n="content", default=None, kw_only=False)
    enable_feedback: bool | None = False
    height: int | float | None = None
    vertical_offset: int | float | None = None
    margin: MarginValue = prop(default=None, json=True)
    padding: PaddingValue = prop(default=None, json=True)
    bgcolor: str | None = None
    gradient: Gradient | None = prop(default=None, json=True)
    border: Border | None = prop(default=None, json=True)
    border_radius: BorderRadiusValue = prop(default=None, json=True)
    shape: BoxShape | None = None
    message: str | None = None
    text_style: TextStyle | None = prop(default=None, json=True)
    text_align: TextAlign = TextAlign.NONE
    prefer_below: bool | None = False
    show_duration: int | None = None
    wait_duration: int | None = None
