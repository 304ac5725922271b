"""Static view of the lazily loaded names of flet_core, for type checkers and IDEs.

flet_core/__init__.py and flet/__init__.py star-import this module under `TYPE_CHECKING` only;
at run time the lazy loader serves the same names from `_exports.EXPORTS` (the two are checked
against each other by tests/test_static_exports.py). The names that are another module under a
second name (`ft.tooltip` is `flet_core.display`) are plain assignments at the end, because type
checkers do not carry `import a.b as c` through a star import.
"""

from __future__ import annotations

from flet_core import adaptive_control as adaptive_control
from flet_core import alert_dialog as alert_dialog
from flet_core import alignment as alignment
from flet_core import animation as animation
from flet_core import blur as blur
from flet_core import border as border
from flet_core import border_radius as border_radius
from flet_core import buttons as buttons
from flet_core import canvas as canvas
from flet_core import charts as charts
from flet_core import client_storage as client_storage
from flet_core import colors as colors
from flet_core import column as column
from flet_core import connection as connection
from flet_core import constrained_control as constrained_control
from flet_core import container as container

# -- modules under a second name --------------------------------------------------------------
from flet_core import control as _control
from flet_core import control as control
from flet_core import control_event as _control_event
from flet_core import control_event as control_event
from flet_core import cupertino as _cupertino
from flet_core import cupertino_colors as cupertino_colors
from flet_core import cupertino_icons as cupertino_icons
from flet_core import cupertino_inputs as _cupertino_inputs
from flet_core import datatable as datatable
from flet_core import dialogs as _dialogs
from flet_core import display as _display
from flet_core import dropdown as dropdown
from flet_core import effects as _effects
from flet_core import elevated_button as elevated_button
from flet_core import file_picker as file_picker
from flet_core import form_fields as _form_fields
from flet_core import gesture_detector as gesture_detector
from flet_core import gradients as gradients
from flet_core import icon_button as icon_button
from flet_core import icons as icons
from flet_core import inputs as _inputs
from flet_core import interaction as _interaction
from flet_core import layout as _layout
from flet_core import list_view as list_view
from flet_core import margin as margin
from flet_core import material as _material
from flet_core import material_buttons as _material_buttons
from flet_core import matplotlib_chart as matplotlib_chart
from flet_core import menus as _menus
from flet_core import navigation_bars as _navigation_bars
from flet_core import padding as padding
from flet_core import page as page
from flet_core import painting as painting
from flet_core import players as _players
from flet_core import plotly_chart as plotly_chart
from flet_core import protocol as protocol
from flet_core import pubsub as pubsub
from flet_core import query_string as _query_string
from flet_core import row as row
from flet_core import scrollable_control as scrollable_control
from flet_core import semantics as _semantics
from flet_core import semantics as semantics
from flet_core import services as _services
from flet_core import session_storage as session_storage
from flet_core import shadow as shadow
from flet_core import stack as stack
from flet_core import template_route as template_route
from flet_core import text as _text
from flet_core import text as text
from flet_core import text_style as text_style
from flet_core import textfield as textfield
from flet_core import theme as theme
from flet_core import transform as transform
from flet_core import types as types
from flet_core import user_control as user_control
from flet_core import view as view
from flet_core import web_views as _web_views
from flet_core.accessibility import Assertiveness as Assertiveness
from flet_core.alignment import Alignment as Alignment
from flet_core.animation import AnimatedSwitcherTransition as AnimatedSwitcherTransition
from flet_core.animation import Animation as Animation
from flet_core.animation import AnimationCurve as AnimationCurve
from flet_core.blur import Blur as Blur
from flet_core.blur import BlurTileMode as BlurTileMode
from flet_core.border import Border as Border
from flet_core.border import BorderSide as BorderSide
from flet_core.border_radius import BorderRadius as BorderRadius
from flet_core.buttons import BeveledRectangleBorder as BeveledRectangleBorder
from flet_core.buttons import ButtonStyle as ButtonStyle
from flet_core.buttons import CircleBorder as CircleBorder
from flet_core.buttons import ContinuousRectangleBorder as ContinuousRectangleBorder
from flet_core.buttons import MenuStyle as MenuStyle
from flet_core.buttons import OutlinedBorder as OutlinedBorder
from flet_core.buttons import RoundedRectangleBorder as RoundedRectangleBorder
from flet_core.buttons import StadiumBorder as StadiumBorder
from flet_core.chart_styles import ChartCirclePoint as ChartCirclePoint
from flet_core.chart_styles import ChartCrossPoint as ChartCrossPoint
from flet_core.chart_styles import ChartGridLines as ChartGridLines
from flet_core.chart_styles import ChartPointLine as ChartPointLine
from flet_core.chart_styles import ChartPointShape as ChartPointShape
from flet_core.chart_styles import ChartSquarePoint as ChartSquarePoint
from flet_core.charts.bar_chart import BarChart as BarChart
from flet_core.charts.bar_chart import BarChartEvent as BarChartEvent
from flet_core.charts.bar_chart import BarChartGroup as BarChartGroup
from flet_core.charts.bar_chart import BarChartRod as BarChartRod
from flet_core.charts.bar_chart import BarChartRodStackItem as BarChartRodStackItem
from flet_core.charts.chart_axis import ChartAxis as ChartAxis
from flet_core.charts.chart_axis import ChartAxisLabel as ChartAxisLabel
from flet_core.charts.line_chart import LineChart as LineChart
from flet_core.charts.line_chart import LineChartData as LineChartData
from flet_core.charts.line_chart import LineChartDataPoint as LineChartDataPoint
from flet_core.charts.line_chart import LineChartEvent as LineChartEvent
from flet_core.charts.line_chart import LineChartEventSpot as LineChartEventSpot
from flet_core.charts.pie_chart import PieChart as PieChart
from flet_core.charts.pie_chart import PieChartEvent as PieChartEvent
from flet_core.charts.pie_chart import PieChartSection as PieChartSection
from flet_core.container import Container as Container
from flet_core.container import ContainerTapEvent as ContainerTapEvent
from flet_core.cupertino import CupertinoActionSheet as CupertinoActionSheet
from flet_core.cupertino import CupertinoActionSheetAction as CupertinoActionSheetAction
from flet_core.cupertino import CupertinoActivityIndicator as CupertinoActivityIndicator
from flet_core.cupertino import CupertinoAlertDialog as CupertinoAlertDialog
from flet_core.cupertino import CupertinoAppBar as CupertinoAppBar
from flet_core.cupertino import CupertinoBottomSheet as CupertinoBottomSheet
from flet_core.cupertino import CupertinoButton as CupertinoButton
from flet_core.cupertino import CupertinoContextMenu as CupertinoContextMenu
from flet_core.cupertino import CupertinoContextMenuAction as CupertinoContextMenuAction
from flet_core.cupertino import CupertinoDialogAction as CupertinoDialogAction
from flet_core.cupertino import CupertinoFilledButton as CupertinoFilledButton
from flet_core.cupertino import CupertinoListTile as CupertinoListTile
from flet_core.cupertino import CupertinoNavigationBar as CupertinoNavigationBar
from flet_core.cupertino_inputs import CupertinoCheckbox as CupertinoCheckbox
from flet_core.cupertino_inputs import CupertinoDatePicker as CupertinoDatePicker
from flet_core.cupertino_inputs import CupertinoPicker as CupertinoPicker
from flet_core.cupertino_inputs import CupertinoRadio as CupertinoRadio
from flet_core.cupertino_inputs import CupertinoSegmentedButton as CupertinoSegmentedButton
from flet_core.cupertino_inputs import CupertinoSlider as CupertinoSlider
from flet_core.cupertino_inputs import CupertinoSlidingSegmentedButton as CupertinoSlidingSegmentedButton
from flet_core.cupertino_inputs import CupertinoSwitch as CupertinoSwitch
from flet_core.cupertino_inputs import CupertinoTextField as CupertinoTextField
from flet_core.cupertino_inputs import CupertinoTimerPicker as CupertinoTimerPicker
from flet_core.datatable import DataCell as DataCell
from flet_core.datatable import DataColumn as DataColumn
from flet_core.datatable import DataColumnSortEvent as DataColumnSortEvent
from flet_core.datatable import DataRow as DataRow
from flet_core.datatable import DataTable as DataTable
from flet_core.dialogs import AlertDialog as AlertDialog
from flet_core.dialogs import Banner as Banner
from flet_core.dialogs import BottomSheet as BottomSheet
from flet_core.dialogs import DatePicker as DatePicker
from flet_core.dialogs import SnackBar as SnackBar
from flet_core.dialogs import TimePicker as TimePicker
from flet_core.display import Badge as Badge
from flet_core.display import CircleAvatar as CircleAvatar
from flet_core.display import Icon as Icon
from flet_core.display import Image as Image
from flet_core.display import Markdown as Markdown
from flet_core.display import ProgressBar as ProgressBar
from flet_core.display import ProgressRing as ProgressRing
from flet_core.display import Tooltip as Tooltip
from flet_core.effects import AnimatedSwitcher as AnimatedSwitcher
from flet_core.effects import ShaderMask as ShaderMask
from flet_core.form_fields import Dropdown as Dropdown
from flet_core.form_fields import TextField as TextField
from flet_core.gesture_events import DragEndEvent as DragEndEvent
from flet_core.gesture_events import DragStartEvent as DragStartEvent
from flet_core.gesture_events import DragUpdateEvent as DragUpdateEvent
from flet_core.gesture_events import HoverEvent as HoverEvent
from flet_core.gesture_events import LongPressEndEvent as LongPressEndEvent
from flet_core.gesture_events import LongPressStartEvent as LongPressStartEvent
from flet_core.gesture_events import MultiTapEvent as MultiTapEvent
from flet_core.gesture_events import ScaleEndEvent as ScaleEndEvent
from flet_core.gesture_events import ScaleStartEvent as ScaleStartEvent
from flet_core.gesture_events import ScaleUpdateEvent as ScaleUpdateEvent
from flet_core.gesture_events import ScrollEvent as ScrollEvent
from flet_core.gesture_events import TapEvent as TapEvent
from flet_core.gestures import DismissDirection as DismissDirection
from flet_core.gestures import MouseCursor as MouseCursor
from flet_core.gradients import GradientTileMode as GradientTileMode
from flet_core.gradients import LinearGradient as LinearGradient
from flet_core.gradients import RadialGradient as RadialGradient
from flet_core.gradients import SweepGradient as SweepGradient
from flet_core.inputs import Checkbox as Checkbox
from flet_core.inputs import Radio as Radio
from flet_core.inputs import RadioGroup as RadioGroup
from flet_core.inputs import RangeSlider as RangeSlider
from flet_core.inputs import SearchBar as SearchBar
from flet_core.inputs import Segment as Segment
from flet_core.inputs import SegmentedButton as SegmentedButton
from flet_core.inputs import Slider as Slider
from flet_core.inputs import Switch as Switch
from flet_core.interaction import Dismissible as Dismissible
from flet_core.interaction import DismissibleDismissEvent as DismissibleDismissEvent
from flet_core.interaction import DismissibleUpdateEvent as DismissibleUpdateEvent
from flet_core.interaction import Draggable as Draggable
from flet_core.interaction import DragTarget as DragTarget
from flet_core.interaction import DragTargetAcceptEvent as DragTargetAcceptEvent
from flet_core.interaction import GestureDetector as GestureDetector
from flet_core.interaction import TransparentPointer as TransparentPointer
from flet_core.interaction import WindowDragArea as WindowDragArea
from flet_core.layout import Column as Column
from flet_core.layout import Divider as Divider
from flet_core.layout import GridView as GridView
from flet_core.layout import ListView as ListView
from flet_core.layout import Pagelet as Pagelet
from flet_core.layout import ResponsiveRow as ResponsiveRow
from flet_core.layout import Row as Row
from flet_core.layout import SafeArea as SafeArea
from flet_core.layout import Stack as Stack
from flet_core.layout import VerticalDivider as VerticalDivider
from flet_core.margin import Margin as Margin
from flet_core.markdown_syntax import MarkdownExtensionSet as MarkdownExtensionSet
from flet_core.material import Card as Card
from flet_core.material import Chip as Chip
from flet_core.material import ExpansionPanel as ExpansionPanel
from flet_core.material import ExpansionPanelList as ExpansionPanelList
from flet_core.material import ExpansionTile as ExpansionTile
from flet_core.material import ListTile as ListTile
from flet_core.material_buttons import ElevatedButton as ElevatedButton
from flet_core.material_buttons import FilledButton as FilledButton
from flet_core.material_buttons import FilledTonalButton as FilledTonalButton
from flet_core.material_buttons import FloatingActionButton as FloatingActionButton
from flet_core.material_buttons import IconButton as IconButton
from flet_core.material_buttons import OutlinedButton as OutlinedButton
from flet_core.material_buttons import TextButton as TextButton
from flet_core.media import AudioEncoder as AudioEncoder
from flet_core.media import FilterQuality as FilterQuality
from flet_core.media import PlaylistMode as PlaylistMode
from flet_core.media import VideoMedia as VideoMedia
from flet_core.media import VideoSubtitleConfiguration as VideoSubtitleConfiguration
from flet_core.menus import MenuBar as MenuBar
from flet_core.menus import MenuItemButton as MenuItemButton
from flet_core.menus import PopupMenuButton as PopupMenuButton
from flet_core.menus import PopupMenuItem as PopupMenuItem
from flet_core.menus import SubmenuButton as SubmenuButton
from flet_core.navigation import NavigationBarLabelBehavior as NavigationBarLabelBehavior
from flet_core.navigation import NavigationRailLabelType as NavigationRailLabelType
from flet_core.navigation_bars import AppBar as AppBar
from flet_core.navigation_bars import BottomAppBar as BottomAppBar
from flet_core.navigation_bars import NavigationBar as NavigationBar
from flet_core.navigation_bars import NavigationDestination as NavigationDestination
from flet_core.navigation_bars import NavigationDrawer as NavigationDrawer
from flet_core.navigation_bars import NavigationDrawerDestination as NavigationDrawerDestination
from flet_core.navigation_bars import NavigationRail as NavigationRail
from flet_core.navigation_bars import NavigationRailDestination as NavigationRailDestination
from flet_core.navigation_bars import Tab as Tab
from flet_core.navigation_bars import Tabs as Tabs
from flet_core.padding import Padding as Padding
from flet_core.painting import Paint as Paint
from flet_core.painting import PaintingStyle as PaintingStyle
from flet_core.painting import PaintLinearGradient as PaintLinearGradient
from flet_core.painting import PaintRadialGradient as PaintRadialGradient
from flet_core.painting import PaintSweepGradient as PaintSweepGradient
from flet_core.painting import StrokeCap as StrokeCap
from flet_core.painting import StrokeJoin as StrokeJoin
from flet_core.pickers import CupertinoDatePickerDateOrder as CupertinoDatePickerDateOrder
from flet_core.pickers import CupertinoDatePickerMode as CupertinoDatePickerMode
from flet_core.pickers import CupertinoTimerPickerMode as CupertinoTimerPickerMode
from flet_core.pickers import DatePickerEntryMode as DatePickerEntryMode
from flet_core.pickers import DatePickerMode as DatePickerMode
from flet_core.pickers import FilePickerFileType as FilePickerFileType
from flet_core.pickers import FilePickerUploadFile as FilePickerUploadFile
from flet_core.pickers import TimePickerEntryMode as TimePickerEntryMode
from flet_core.placement import PopupMenuPosition as PopupMenuPosition
from flet_core.placement import SnackBarBehavior as SnackBarBehavior
from flet_core.placement import TileAffinity as TileAffinity
from flet_core.players import Audio as Audio
from flet_core.players import Lottie as Lottie
from flet_core.players import Video as Video
from flet_core.pubsub import PubSubClient as PubSubClient
from flet_core.pubsub import PubSubHub as PubSubHub
from flet_core.query_string import QueryString as QueryString
from flet_core.semantics import SelectionArea as SelectionArea
from flet_core.semantics import Semantics as Semantics
from flet_core.services import AudioRecorder as AudioRecorder
from flet_core.services import FilePicker as FilePicker
from flet_core.services import FilePickerResultEvent as FilePickerResultEvent
from flet_core.services import FilePickerUploadEvent as FilePickerUploadEvent
from flet_core.services import HapticFeedback as HapticFeedback
from flet_core.services import SemanticsService as SemanticsService
from flet_core.services import ShakeDetector as ShakeDetector
from flet_core.shadow import BoxShadow as BoxShadow
from flet_core.shadow import ShadowBlurStyle as ShadowBlurStyle
from flet_core.template_route import TemplateRoute as TemplateRoute
from flet_core.text import Text as Text
from flet_core.text import TextSpan as TextSpan
from flet_core.text_input import InputBorder as InputBorder
from flet_core.text_input import InputFilter as InputFilter
from flet_core.text_input import KeyboardType as KeyboardType
from flet_core.text_input import NumbersOnlyInputFilter as NumbersOnlyInputFilter
from flet_core.text_input import TextCapitalization as TextCapitalization
from flet_core.text_input import TextOnlyInputFilter as TextOnlyInputFilter
from flet_core.text_input import VisibilityMode as VisibilityMode
from flet_core.text_style import TextDecoration as TextDecoration
from flet_core.text_style import TextDecorationStyle as TextDecorationStyle
from flet_core.text_style import TextOverflow as TextOverflow
from flet_core.text_style import TextStyle as TextStyle
from flet_core.text_style import TextThemeStyle as TextThemeStyle
from flet_core.theme import ColorScheme as ColorScheme
from flet_core.theme import PageTransitionsTheme as PageTransitionsTheme
from flet_core.theme import PageTransitionTheme as PageTransitionTheme
from flet_core.theme import ScrollbarTheme as ScrollbarTheme
from flet_core.theme import SystemOverlayStyle as SystemOverlayStyle
from flet_core.theme import TabsTheme as TabsTheme
from flet_core.theme import TextTheme as TextTheme
from flet_core.theme import Theme as Theme
from flet_core.theme import ThemeVisualDensity as ThemeVisualDensity
from flet_core.transform import Offset as Offset
from flet_core.transform import Rotate as Rotate
from flet_core.transform import Scale as Scale
from flet_core.types import FLET_APP as FLET_APP
from flet_core.types import FLET_APP_HIDDEN as FLET_APP_HIDDEN
from flet_core.types import FLET_APP_WEB as FLET_APP_WEB
from flet_core.types import WEB_BROWSER as WEB_BROWSER
from flet_core.types import AppView as AppView
from flet_core.types import BlendMode as BlendMode
from flet_core.types import BoxShape as BoxShape
from flet_core.types import Brightness as Brightness
from flet_core.types import ClipBehavior as ClipBehavior
from flet_core.types import CrossAxisAlignment as CrossAxisAlignment
from flet_core.types import FloatingActionButtonLocation as FloatingActionButtonLocation
from flet_core.types import FontWeight as FontWeight
from flet_core.types import ImageFit as ImageFit
from flet_core.types import ImageRepeat as ImageRepeat
from flet_core.types import LabelPosition as LabelPosition
from flet_core.types import MainAxisAlignment as MainAxisAlignment
from flet_core.types import MaterialState as MaterialState
from flet_core.types import NotchShape as NotchShape
from flet_core.types import PaddingValue as PaddingValue
from flet_core.types import PagePlatform as PagePlatform
from flet_core.types import ScrollMode as ScrollMode
from flet_core.types import TabAlignment as TabAlignment
from flet_core.types import TextAlign as TextAlign
from flet_core.types import ThemeMode as ThemeMode
from flet_core.types import VerticalAlignment as VerticalAlignment
from flet_core.types import WebRenderer as WebRenderer
from flet_core.user_control import UserControl as UserControl
from flet_core.web_views import FletApp as FletApp
from flet_core.web_views import WebView as WebView

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
