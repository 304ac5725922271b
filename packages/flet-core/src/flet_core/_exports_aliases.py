"""Public names of flet_core that are another module under a second name, for type checkers.

`ft.tooltip` is `flet_core.display`, as 0.21's `flet_core.tooltip` module became part of a family
module here. flet_core and flet star-import this module under `TYPE_CHECKING` only, so
`ft.tooltip.Tooltip` is typed; at run time the lazy loader serves these names from `EXPORTS`
(tests/test_exports.py checks the two agree). Plain assignments, because type checkers do not
carry `import a.b as c` through a star import.
"""

from __future__ import annotations

from flet_core import control as _control
from flet_core import control_event as _control_event
from flet_core import cupertino as _cupertino
from flet_core import cupertino_inputs as _cupertino_inputs
from flet_core import dialogs as _dialogs
from flet_core import display as _display
from flet_core import effects as _effects
from flet_core import form_fields as _form_fields
from flet_core import inputs as _inputs
from flet_core import interaction as _interaction
from flet_core import layout as _layout
from flet_core import material as _material
from flet_core import material_buttons as _material_buttons
from flet_core import menus as _menus
from flet_core import navigation_bars as _navigation_bars
from flet_core import players as _players
from flet_core import query_string as _query_string
from flet_core import semantics as _semantics
from flet_core import services as _services
from flet_core import text as _text
from flet_core import web_views as _web_views

animated_switcher = _effects
app_bar = _navigation_bars
audio = _players
audio_recorder = _services
badge = _display
banner = _dialogs
bottom_app_bar = _navigation_bars
bottom_sheet = _dialogs
card = _material
checkbox = _inputs
chip = _material
circle_avatar = _display
cupertino_action_sheet = _cupertino
cupertino_action_sheet_action = _cupertino
cupertino_activity_indicator = _cupertino
cupertino_alert_dialog = _cupertino
cupertino_app_bar = _cupertino
cupertino_bottom_sheet = _cupertino
cupertino_button = _cupertino
cupertino_checkbox = _cupertino_inputs
cupertino_context_menu = _cupertino
cupertino_context_menu_action = _cupertino
cupertino_date_picker = _cupertino_inputs
cupertino_dialog_action = _cupertino
cupertino_filled_button = _cupertino
cupertino_list_tile = _cupertino
cupertino_navigation_bar = _cupertino
cupertino_picker = _cupertino_inputs
cupertino_radio = _cupertino_inputs
cupertino_segmented_button = _cupertino_inputs
cupertino_slider = _cupertino_inputs
cupertino_sliding_segmented_button = _cupertino_inputs
cupertino_switch = _cupertino_inputs
cupertino_textfield = _cupertino_inputs
cupertino_timer_picker = _cupertino_inputs
date_picker = _dialogs
dismissible = _interaction
divider = _layout
drag_target = _interaction
draggable = _interaction
event = _control_event
event_handler = _control_event
expansion_panel = _material
expansion_tile = _material
filled_button = _material_buttons
filled_tonal_button = _material_buttons
flet_app = _web_views
floating_action_button = _material_buttons
form_field_control = _form_fields
grid_view = _layout
haptic_feedback = _services
icon = _display
image = _display
inline_span = _text
list_tile = _material
lottie = _players
markdown = _display
menu_bar = _menus
menu_item_button = _menus
navigation_bar = _navigation_bars
navigation_drawer = _navigation_bars
navigation_rail = _navigation_bars
outlined_button = _material_buttons
pagelet = _layout
popup_menu_button = _menus
progress_bar = _display
progress_ring = _display
querystring = _query_string
radio = _inputs
radio_group = _inputs
range_slider = _inputs
ref = _control
responsive_row = _layout
safe_area = _layout
search_bar = _inputs
segmented_button = _inputs
selection_area = _semantics
semantics_service = _services
shader_mask = _effects
shake_detector = _services
slider = _inputs
snack_bar = _dialogs
submenu_button = _menus
switch = _inputs
tabs = _navigation_bars
text_button = _material_buttons
text_span = _text
time_picker = _dialogs
tooltip = _display
transparent_pointer = _interaction
vertical_divider = _layout
video = _players
webview = _web_views
window_drag_area = _interaction
