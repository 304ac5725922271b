"""``Page``: the root control of a session, its views and overlay, and its update entry point.

The page owns the session's :class:`~flet_core._update_state.UpdateState` (the registry of dirty
controls, the id counter, the ``uid -> control`` index, the snapshot of what the client holds and
the update lock) and hands it to :mod:`flet_core.diff` on every update. Sending, waiting for
client answers and running handlers go through the page's :class:`~flet_core.connection.Connection`,
which the runtime implements (and an in-memory one for tests).
"""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Awaitable, Callable, Coroutine, Mapping
from typing import TYPE_CHECKING, Any, Generic, Protocol, Self, TypeVar, overload

from flet_core import protocol
from flet_core._deprecation import deprecated_twin
from flet_core._fields import apply_client_attr, control, field_table, prop, slot
from flet_core._update_state import UpdateState, record
from flet_core.adaptive_control import AdaptiveControl
from flet_core.client_storage import ClientStorage
from flet_core.control import Control
from flet_core.control_event import ControlEvent
from flet_core.diff import Update, compute_clean, compute_update
from flet_core.errors import FletError, PageDisconnectedException
from flet_core.login import LoginRequest
from flet_core.page_events import (
    AppLifecycleStateChangeEvent,
    KeyboardEvent,
    LoginEvent,
    PageEvent,
    PageMediaData,
    RouteChangeEvent,
    ViewPopEvent,
)
from flet_core.query_string import QueryString
from flet_core.session_storage import SessionStorage
from flet_core.view import Offstage, View

if TYPE_CHECKING:
    import asyncio
    import threading
    from concurrent.futures import Executor, Future

    from flet_core.animation import AnimationCurve
    from flet_core.connection import Connection

    # (noqa F401: names used only in the page proxies' type arguments, strings ruff does not read)
    from flet_core.control_event import EventHandler  # noqa: F401
    from flet_core.cupertino import CupertinoAlertDialog, CupertinoAppBar, CupertinoBottomSheet, CupertinoNavigationBar  # noqa: F401
    from flet_core.dialogs import AlertDialog, Banner, BottomSheet, SnackBar
    from flet_core.login import AuthorizationInfo, OAuthProviderInfo
    from flet_core.material_buttons import FloatingActionButton  # noqa: F401
    from flet_core.navigation_bars import AppBar, BottomAppBar, NavigationBar, NavigationDrawer  # noqa: F401
    from flet_core.pubsub import PubSubClient
    from flet_core.scrollable_control import OnScrollEvent  # noqa: F401
    from flet_core.theme import Theme
    from flet_core.types import (  # noqa: F401
        Brightness,
        CrossAxisAlignment,
        FloatingActionButtonLocation,
        MainAxisAlignment,
        OffsetValue,
        PaddingValue,
        PagePlatform,
        ScrollMode,
        ThemeMode,
    )

__all__ = [
    "AppLifecycleStateChangeEvent",
    "KeyboardEvent",
    "LoginEvent",
    "Page",
    "PageDisconnectedException",
    "PageMediaData",
    "RouteChangeEvent",
    "ViewPopEvent",
]


_T = TypeVar("_T")


class _ViewProxy(Generic[_T]):
    """A page property that lives on the page's first (default) view; ``_T`` is its type."""

    def __init__(self, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, page: None, owner: type) -> Self: ...
    @overload
    def __get__(self, page: Page, owner: type) -> _T: ...
    def __get__(self, page: Page | None, owner: type) -> Any:
        if page is None:
            return self
        return getattr(self._holder(page), self.name)

    def __set__(self, page: Page, value: _T) -> None:
        setattr(self._holder(page), self.name, value)

    def _holder(self, page: Page) -> Control:
        return page._default_view  # noqa: SLF001  # the page's property proxies, in the page's module


class _OffstageProxy(_ViewProxy[_T]):
    """A page property that lives on the page's offstage control."""

    def _holder(self, page: Page) -> Control:
        return page._offstage  # noqa: SLF001  # the page's property proxies, in the page's module


def _platform(text: str) -> PagePlatform:
    from flet_core.types import PagePlatform

    return PagePlatform(text)


def _brightness(text: str) -> Brightness:
    from flet_core.types import Brightness

    return Brightness(text)


class LoginHandler(Protocol):
    """How a host signs users in: ``Page.login``/``logout`` and their async forms call it.

    It lives beside ``Page`` (its methods take one), so ``flet_core.login`` stays a leaf module.
    """

    def login(self, page: Page, request: LoginRequest) -> AuthorizationInfo: ...

    def login_async(self, page: Page, request: LoginRequest) -> Awaitable[AuthorizationInfo]: ...

    def logout(self, page: Page) -> None: ...

    def logout_async(self, page: Page) -> Awaitable[None]: ...


_MAKING = threading.Lock()  # a page's lazily made helpers are made once, whichever thread asks first

_SHARED_TEXT_MAX = 1024
"""Longest text of a client's registration that pages share (see :func:`_shared`)."""


@functools.lru_cache(maxsize=256)
def _shared(text: str) -> str:
    """``text``, or an equal string returned before.

    Most clients register with the same texts (platform, brightness, media, sizes, user agent):
    the pages of idle sessions then hold one copy of each instead of one per session (~0.6 KB
    less per session). A bounded cache, not ``sys.intern``: clients choose these texts.
    """
    return text


@control("page")
class Page(AdaptiveControl):
    """One session's page: views, overlay, page attributes, and the client's reported state."""

    title: str | None = None
    route: str | None = None
    theme_mode: ThemeMode | None = None
    theme: Theme | None = prop(default=None, json=True)
    dark_theme: Theme | None = prop(default=None, json=True)
    fonts: dict[str, str] | None = prop(default=None, json=True)
    rtl: bool | None = None
    show_semantics_debugger: bool | None = None
    platform: PagePlatform | None = prop(default=None, decode=_platform)
    # reported by the client at registration and on changes
    width: float = prop(default=0.0)
    height: float = prop(default=0.0)
    pwa: bool = False
    web: bool = False
    debug: bool = False
    platform_brightness: Brightness | None = prop(default=None, decode=_brightness)
    media_text: str | None = prop(default=None, wire="media")
    client_ip: str | None = prop(default=None, wire="clientip")
    client_user_agent: str | None = prop(default=None, wire="clientuseragent")
    # desktop window (ignored by the web client)
    window_width: float | None = 0  # 0, not None, while the client reports none (the web), as in 0.21
    window_height: float | None = 0
    window_top: float | None = 0
    window_left: float | None = 0
    window_min_width: float | None = None
    window_min_height: float | None = None
    window_max_width: float | None = None
    window_max_height: float | None = None
    window_opacity: float | None = 1.0
    window_bgcolor: str | None = None
    window_progress_bar: float | None = None
    window_maximized: bool | None = False
    window_minimized: bool | None = False
    window_full_screen: bool | None = False
    window_always_on_top: bool | None = False
    window_prevent_close: bool | None = False
    window_title_bar_hidden: bool | None = False
    window_title_bar_buttons_hidden: bool | None = False
    window_skip_task_bar: bool | None = False
    window_frameless: bool | None = False
    window_minimizable: bool | None = True
    window_maximizable: bool | None = True
    window_resizable: bool | None = True
    window_movable: bool | None = True
    window_focused: bool | None = True
    window_visible: bool | None = None
    # children: the views, then the offstage
    views: list[View] = slot(many=True)
    _offstage: Offstage = slot(default=None)

    # proxies to the default view and to the offstage (not annotated: annotations are wire fields;
    # the type argument, a string evaluated by type checkers only, is what the page property holds)
    controls = _ViewProxy["list[Control]"]("controls")
    appbar = _ViewProxy["AppBar | CupertinoAppBar | None"]("appbar")
    bottom_appbar = _ViewProxy["BottomAppBar | None"]("bottom_appbar")
    navigation_bar = _ViewProxy["NavigationBar | CupertinoNavigationBar | None"]("navigation_bar")
    drawer = _ViewProxy["NavigationDrawer | None"]("drawer")
    end_drawer = _ViewProxy["NavigationDrawer | None"]("end_drawer")
    floating_action_button = _ViewProxy["FloatingActionButton | None"]("floating_action_button")
    floating_action_button_location = _ViewProxy["FloatingActionButtonLocation | OffsetValue"](
        "floating_action_button_location"
    )
    horizontal_alignment = _ViewProxy["CrossAxisAlignment"]("horizontal_alignment")
    vertical_alignment = _ViewProxy["MainAxisAlignment"]("vertical_alignment")
    spacing = _ViewProxy["int | float | None"]("spacing")
    padding = _ViewProxy["PaddingValue"]("padding")
    bgcolor = _ViewProxy["str | None"]("bgcolor")
    scroll = _ViewProxy["ScrollMode | None"]("scroll")
    auto_scroll = _ViewProxy["bool | None"]("auto_scroll")
    on_scroll_interval = _ViewProxy["int | float | None"]("on_scroll_interval")
    on_scroll = _ViewProxy["EventHandler[OnScrollEvent] | None"]("on_scroll")
    overlay = _OffstageProxy["list[Control]"]("controls")
    dialog = _OffstageProxy["Control | None"]("dialog")
    snack_bar = _OffstageProxy["SnackBar | None"]("snack_bar")
    banner = _OffstageProxy["Banner | None"]("banner")
    bottom_sheet = _OffstageProxy["BottomSheet | CupertinoBottomSheet | None"]("bottom_sheet")
    splash = _OffstageProxy["Control | None"]("splash")

    # page events: assigning subscribes (0.21 semantics)
    on_route_change = PageEvent("route_change", RouteChangeEvent)
    on_view_pop = PageEvent("view_pop", ViewPopEvent)
    on_keyboard_event = PageEvent("keyboard_event", KeyboardEvent, flag="onkeyboardevent")
    on_resize = PageEvent("resize")
    on_platform_brightness_change = PageEvent("platformBrightnessChange")
    on_app_lifecycle_state_change = PageEvent("app_lifecycle_state_change", AppLifecycleStateChangeEvent)
    on_media_change = PageEvent("mediaChange", PageMediaData)
    on_window_event = PageEvent("window_event")
    on_connect = PageEvent("connect")
    on_disconnect = PageEvent("disconnect")
    on_close = PageEvent("close")
    on_error = PageEvent("error")
    on_login = PageEvent("login", LoginEvent)
    on_logout = PageEvent("logout")

    def __init__(
        self,
        conn: Connection | None = None,
        session_id: str = "",
        loop: asyncio.AbstractEventLoop | None = None,
        executor: Executor | None = None,
    ) -> None:
        super().__init__()
        self._connection = conn
        self._session_id = session_id
        self._loop = loop
        self._executor = executor
        self._updates = UpdateState(self, clean=self._clean, connection_for_calls=self._connection_for_calls)
        self._last_route: str | None = None
        self._closed = False
        # made on first use (most pages use none of them): ~0.5 KB less per idle session
        self._query: QueryString | None = None
        self._query_route: str | None = None  # the route of the last re-read while there is no _query
        self._session: SessionStorage | None = None
        self._client_storage: ClientStorage | None = None
        self._pubsub: PubSubClient | None = None
        self.auth: AuthorizationInfo | None = None
        """The sign-in of ``login()`` (``flet.auth.Authorization``), or None when signed out."""
        self.login_handler: LoginHandler | None = None
        """How ``login()``/``logout()`` sign in: set by the host that runs the page."""
        self.name = ""
        self.url = ""
        self.expires_at: float | None = None
        self._default_view = View()
        self.views = [self._default_view]
        self._offstage = Offstage()

    # -- session-level state ---------------------------------------------------------------

    @property
    def session_id(self) -> str:
        return self._session_id

    @property
    def query(self) -> QueryString:
        """The route's path and query parameters."""
        if self._query is None:
            with _MAKING:
                if self._query is None:
                    query = QueryString(self)
                    if self._query_route is not None:
                        query.read(self._query_route)
                    self._query = query
        return self._query

    def _reread_query(self) -> None:
        if self._query is not None:
            self._query()
        else:  # parsed when first used
            self._query_route = self.route or ""

    @property
    def session(self) -> SessionStorage:
        """Values kept on the server for this session (lost when it ends)."""
        if self._session is None:
            with _MAKING:
                if self._session is None:
                    self._session = SessionStorage()
        return self._session

    @session.setter
    def session(self, storage: SessionStorage) -> None:
        self._session = storage

    @property
    def client_storage(self) -> ClientStorage:
        """Persistent key/value storage kept by the client (the browser's local storage)."""
        if self._client_storage is None:
            with _MAKING:
                if self._client_storage is None:
                    self._client_storage = ClientStorage(self)
        return self._client_storage

    @client_storage.setter
    def client_storage(self, storage: ClientStorage) -> None:
        self._client_storage = storage

    @property
    def pubsub(self) -> PubSubClient:
        """Messages between the sessions of this app (set by the host that runs the page)."""
        if self._pubsub is None:
            raise FletError("page.pubsub is set when the page runs in an app (ft.app, flet.fastapi); this one is not")
        return self._pubsub

    @pubsub.setter
    def pubsub(self, client: PubSubClient) -> None:
        self._pubsub = client

    @property
    def connection(self) -> Connection | None:
        return self._connection

    @connection.setter
    def connection(self, conn: Connection | None) -> None:
        self._connection = conn

    @property
    def update_lock(self) -> threading.RLock:
        """Held while an update is computed and sent; hold it to keep a snapshot and a send together."""
        return self._updates.lock

    @property
    def snapshot(self) -> dict[str, dict[str, Any]]:
        """What the client holds (the controls of a registration response)."""
        with self._updates.lock:
            return self._updates.tree.snapshot()

    @property
    def index(self) -> dict[str, Control]:
        return self._updates.index

    @property
    def media(self) -> PageMediaData | None:
        return PageMediaData.parse(self.media_text)

    @property
    def loop(self) -> asyncio.AbstractEventLoop | None:
        if self._loop is None and self._connection is not None:
            return self._connection.loop
        return self._loop

    @property
    def executor(self) -> Executor | None:
        if self._executor is None and self._connection is not None:
            return self._connection.executor
        return self._executor

    def get_next_control_id(self) -> str:
        return self._updates.next_uid()

    def get_control(self, id: str) -> Control | None:  # 0.21 parameter name
        return self._updates.index.get(id)

    def client_control(self, control_id: str) -> Mapping[str, Any] | None:
        """The control as the client holds it (wire attributes, ``t``, ``p``), or None; not a copy.

        Read it while holding :attr:`update_lock`, and never change it.
        """
        return self._updates.tree.controls.get(control_id)

    def client_controls(self) -> Mapping[str, Mapping[str, Any]]:
        """Every control as the client holds it, by id (what :meth:`client_control` looks in); not a copy.

        Read it while holding :attr:`update_lock`, and never change it.
        """
        return self._updates.tree.controls

    def _connection_for_calls(self) -> Connection:
        if self._connection is None or self._closed:
            raise PageDisconnectedException("Page is disconnected")
        return self._connection

    # -- updates ----------------------------------------------------------------------------

    def update(self, *controls: Control) -> None:
        """Send what changed: on the whole page, or only in the given controls' subtrees."""
        if self._closed:
            raise PageDisconnectedException("Page is disconnected")
        with self._updates.lock:
            update = compute_update(self._updates, controls or None)
            if update.messages and self._connection is not None:
                self._connection.send(protocol.batch_frame(update.messages))
        self._run_hooks(update)

    def _clean(self, control: Control) -> None:
        with self._updates.lock:
            update = compute_clean(self._updates, control)
            for frame in update.messages:
                if self._connection is not None:
                    self._connection.send(frame)
        self._run_hooks(update)

    def _send(self, message: dict[str, Any]) -> None:
        if self._connection is not None:
            self._connection.send(protocol.encode(message))

    def _run_hooks(self, update: Update) -> None:
        for gone in update.unmounted:
            gone.will_unmount()
            self._updates.forget(gone)
        for added in update.mounted:
            if added.page is self:
                added.did_mount()

    def add(self, *controls: Control) -> None:
        self.controls.extend(controls)
        self.update()

    def insert(self, at: int, *controls: Control) -> None:
        for offset, item in enumerate(controls):
            self.controls.insert(at + offset, item)
        self.update()

    def remove(self, *controls: Control) -> None:
        for item in controls:
            self.controls.remove(item)
        self.update()

    def remove_at(self, index: int) -> None:
        self.controls.pop(index)
        self.update()

    def clean(self) -> None:
        """Remove the default view's controls (and only those)."""
        self.controls.clear()
        self.update()

    def error(self, message: str = "") -> None:
        """Show the client an error screen with ``message``."""
        self._send(protocol.session_crashed(message))

    def go(self, route: str, skip_route_change_event: bool = False, **kwargs: Any) -> None:
        """Navigate: set the route (``kwargs`` become the query), run route handlers, update."""
        if kwargs:
            route = route + self.query.post(kwargs)
        self.route = route
        self._reread_query()
        if not skip_route_change_event:
            self._last_route = route
            event = RouteChangeEvent(route)
            event.control, event.page = self, self
            for handler in self.on_route_change:
                self._dispatch(handler, event)
        self.update()

    # -- dialogs, sheets and drawers --------------------------------------------------------

    def _show(self, name: str, item: Control) -> None:
        setattr(self._offstage, name, item)
        item.open = True  # type: ignore[attr-defined]  # dialogs, sheets and bars have `open`
        self.update()

    def _close(self, name: str) -> None:
        item = getattr(self._offstage, name)
        if item is not None:
            item.open = False
            self.update()

    def show_dialog(self, dialog: AlertDialog | CupertinoAlertDialog) -> None:
        self._show("dialog", dialog)

    def close_dialog(self) -> None:
        self._close("dialog")

    def show_snack_bar(self, snack_bar: SnackBar) -> None:
        self._show("snack_bar", snack_bar)

    def show_banner(self, banner: Banner) -> None:
        self._show("banner", banner)

    def close_banner(self) -> None:
        self._close("banner")

    def show_bottom_sheet(self, bottom_sheet: BottomSheet | CupertinoBottomSheet) -> None:
        self._show("bottom_sheet", bottom_sheet)

    def close_bottom_sheet(self) -> None:
        self._close("bottom_sheet")

    def show_drawer(self, drawer: NavigationDrawer) -> None:
        self.drawer = drawer
        drawer.open = True
        self.update()

    def close_drawer(self) -> None:
        if self.drawer is not None:
            self.drawer.open = False
            self.update()

    def show_end_drawer(self, end_drawer: NavigationDrawer) -> None:
        self.end_drawer = end_drawer
        end_drawer.open = True
        self.update()

    def close_end_drawer(self) -> None:
        if self.end_drawer is not None:
            self.end_drawer.open = False
            self.update()

    def scroll_to(
        self,
        offset: float | None = None,
        delta: float | None = None,
        key: str | None = None,
        duration: int | None = None,
        curve: AnimationCurve | None = None,
    ) -> None:
        self._default_view.scroll_to(offset=offset, delta=delta, key=key, duration=duration, curve=curve)

    # -- window (desktop clients) -----------------------------------------------------------

    def window_center(self) -> None:
        self._set_attr("windowcenter", str(time.time()))
        self.update()

    def window_close(self) -> None:
        self._set_attr("windowclose", str(time.time()))
        self.update()

    def window_destroy(self) -> None:
        self._set_attr("windowdestroy", "true")
        self.update()
        self._set_attr("windowdestroy", None, dirty=False)  # so the next call is sent again

    def window_to_front(self) -> None:
        self._invoke("windowToFront")

    # -- client methods ---------------------------------------------------------------------

    def _invoke(
        self, name: str, arguments: dict[str, str] | None = None, *, wait: bool = False, timeout: float | None = 5
    ) -> str | None:
        return self._connection_for_calls().invoke_method("", name, arguments, wait, timeout)

    async def _invoke_async(
        self, name: str, arguments: dict[str, str] | None = None, *, timeout: float | None = 5
    ) -> str | None:
        return await self._connection_for_calls().invoke_method_async("", name, arguments, True, timeout)

    def launch_url(
        self,
        url: str,
        web_window_name: str | None = None,
        web_popup_window: bool | None = False,
        window_width: int | None = None,
        window_height: int | None = None,
    ) -> None:
        """Open ``url`` in the browser (a named tab or a centred popup on the web)."""
        arguments = {"url": url}
        if web_window_name is not None:
            arguments["web_window_name"] = web_window_name
        if web_popup_window is not None:
            arguments["web_popup_window"] = str(web_popup_window)  # "False" too, as 0.21 sent it
        if window_width is not None:
            arguments["window_width"] = str(window_width)
        if window_height is not None:
            arguments["window_height"] = str(window_height)
        self._invoke("launchUrl", arguments)

    def can_launch_url(self, url: str) -> bool:
        return self._invoke("canLaunchUrl", {"url": url}, wait=True) == "true"

    async def can_launch_url_async(self, url: str) -> bool:
        return await self._invoke_async("canLaunchUrl", {"url": url}) == "true"

    def close_in_app_web_view(self) -> None:
        self._invoke("closeInAppWebView")

    def set_clipboard(self, value: str, wait_timeout: float | None = 10) -> None:
        del wait_timeout  # the client never answers setClipboard
        self._invoke("setClipboard", {"data": value})

    def get_clipboard(self, wait_timeout: float | None = 10) -> str | None:
        return self._invoke("getClipboard", wait=True, timeout=wait_timeout)

    async def get_clipboard_async(self, wait_timeout: float | None = 10) -> str | None:
        return await self._invoke_async("getClipboard", timeout=wait_timeout)

    def get_upload_url(self, file_name: str, expires: int) -> str:
        """A signed URL the file picker uploads ``file_name`` to, valid for ``expires`` seconds."""
        return self._connection_for_calls().get_upload_url(file_name, expires)

    # -- sign-in (the host's login handler does the work) ------------------------------------

    def _login_handler_or_raise(self) -> LoginHandler:
        if self.login_handler is None:
            raise FletError(
                "page.login() and page.logout() need a host that signs users in (ft.app or flet.fastapi); "
                "this page has no login_handler"
            )
        return self.login_handler

    def login(
        self,
        provider: OAuthProviderInfo,
        fetch_user: bool = True,
        fetch_groups: bool = False,
        scope: list[str] | None = None,
        saved_token: str | None = None,
        on_open_authorization_url: Callable[[str], Any] | None = None,
        complete_page_html: str | None = None,
        redirect_to_page: bool | None = False,
        authorization: Callable[..., AuthorizationInfo] | None = None,
    ) -> AuthorizationInfo:
        """Start signing in with ``provider`` (``flet.auth``); ``on_login`` fires when it is done.

        With ``saved_token`` (a saved ``page.auth.token.to_json()``) the user is signed in again
        without visiting the provider. ``authorization`` is an ``Authorization`` subclass to use.
        """
        request = LoginRequest(
            provider,
            fetch_user,
            fetch_groups,
            scope,
            saved_token,
            on_open_authorization_url,
            complete_page_html,
            bool(redirect_to_page),
            authorization,
        )
        return self._login_handler_or_raise().login(self, request)

    async def login_async(
        self,
        provider: OAuthProviderInfo,
        fetch_user: bool = True,
        fetch_groups: bool = False,
        scope: list[str] | None = None,
        saved_token: str | None = None,
        on_open_authorization_url: Callable[[str], Awaitable[Any] | Any] | None = None,
        complete_page_html: str | None = None,
        redirect_to_page: bool | None = False,
        authorization: Callable[..., AuthorizationInfo] | None = None,
    ) -> AuthorizationInfo:
        """``login`` for async code: the provider's HTTP calls do not block the event loop."""
        request = LoginRequest(
            provider,
            fetch_user,
            fetch_groups,
            scope,
            saved_token,
            on_open_authorization_url,
            complete_page_html,
            bool(redirect_to_page),
            authorization,
        )
        return await self._login_handler_or_raise().login_async(self, request)

    def logout(self) -> None:
        """Forget the sign-in (``page.auth`` becomes None) and fire ``on_logout``."""
        self._login_handler_or_raise().logout(self)

    async def logout_async(self) -> None:
        await self._login_handler_or_raise().logout_async(self)

    # -- background work ----------------------------------------------------------------------

    def run_task(self, handler: Callable[..., Coroutine[Any, Any, Any]], *args: Any, **kwargs: Any) -> Future[Any]:
        """Run ``handler(*args)`` (an ``async def`` function) as a task on the page's loop."""
        return self._connection_for_calls().run_task(handler, *args, **kwargs)

    def run_thread(self, handler: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        """Run ``handler(*args)`` in the page's thread pool."""
        self._connection_for_calls().run_thread(handler, *args, **kwargs)

    # -- what the client sends --------------------------------------------------------------

    def apply_client_details(self, attrs: dict[str, str], *, unsent: Mapping[str, str] | None = None) -> None:
        """Store what the client reported at registration (no dirty marks, no echo).

        ``unsent`` (by wire name) are details the page gives the app as they are, which the
        client is never told of: on the desktop socket, the empty client address and user agent.
        """
        attrs = {name: _shared(text) if len(text) <= _SHARED_TEXT_MAX else text for name, text in attrs.items()}
        self.apply_client_props([{"i": "page", **attrs}])
        if unsent:
            fields, values = field_table(type(self)).by_wire, record(self).values
            with self._updates.lock:
                for wire, text in unsent.items():
                    values[fields[wire].name] = text
        with self._updates.lock:
            # upstream echoes the empty window fields of a web client back as "" attributes
            self._updates.tree.controls["page"].update({k: v for k, v in attrs.items() if v == ""})
        self._reread_query()

    def apply_client_props(self, props: list[dict[str, str]]) -> None:
        """``updateControlProps`` from the client: update the model and the snapshot, silently."""
        with self._updates.lock:
            for item in props:
                target = self._updates.index.get(item.get("i", ""))
                if target is None:
                    continue
                for wire, text in item.items():
                    if wire != "i":
                        apply_client_attr(target, wire, text)
                self._updates.tree.update([item])

    def resolve_event(self, target: str, name: str, data: str) -> list[tuple[Callable[..., Any], ControlEvent]]:
        """The handlers to run for a client event, each with its event object."""
        if target == "page":
            return self._page_event(name, data)
        control = self._updates.index.get(target)
        if control is None:
            return []
        handlers = record(control).handlers
        handler = None if handlers is None else handlers.get(name)
        if handler is None:
            return []
        field = field_table(type(control)).events.get(name)
        event_class = field.event_class if field is not None and field.event_class is not None else ControlEvent
        return [(handler, event_class.from_wire(target, name, data, control, self))]

    def _page_event(self, name: str, data: str) -> list[tuple[Callable[..., Any], ControlEvent]]:
        descriptor = _PAGE_EVENTS.get(name)
        if descriptor is None:
            return []
        event: ControlEvent
        if name == "route_change":
            if data == self._last_route:
                return []  # the client's echo of a route the server set
            self._last_route = data
            with self._updates.lock:
                self._rec.values["route"] = data
                self._updates.tree.update([{"i": "page", "route": data}])
            self._reread_query()
            event = RouteChangeEvent(data)
        elif name == "view_pop":
            by_id = self._updates.index.get(data)
            view = next((v for v in self.views if v.route == data), None)
            event = ViewPopEvent(view or (by_id if isinstance(by_id, View) else None))
        elif name == "login":
            raw = ControlEvent.json_data(data)
            event = LoginEvent(str(raw.get("error") or ""), str(raw.get("error_description") or ""))
        else:
            event = descriptor.event_class.from_wire("page", name, data, self, self)
        event.target, event.name, event.data = "page", name, data
        event.control, event.page = self, self
        return [(handler, event) for handler in descriptor.handlers(self)]

    def dispatch_event(self, target: str, name: str, data: str) -> None:
        """Resolve a client event and hand each handler to the connection to run."""
        for handler, event in self.resolve_event(target, name, data):
            self._dispatch(handler, event)

    def _dispatch(self, handler: Callable[..., Any], event: ControlEvent) -> None:
        if self._connection is None:
            raise FletError("this page has no connection to run handlers on")
        self._connection.dispatch(handler, event)

    def close(self) -> None:
        """End the page: every control gets will_unmount, on_close runs, nothing more is sent."""
        if self._closed:
            return
        with self._updates.lock:
            controls = self._updates.reset()
        for gone in controls:
            gone.will_unmount()
            gone.page = None
        for handler, event in self._page_event("close", ""):
            self._dispatch(handler, event)
        self._closed = True

    # -- deprecated async twins of 0.21 ------------------------------------------------------

    update_async = deprecated_twin(update)  # type: ignore[arg-type]  # Page.update also takes controls
    add_async = deprecated_twin(add)
    insert_async = deprecated_twin(insert)
    remove_async = deprecated_twin(remove)
    remove_at_async = deprecated_twin(remove_at)
    clean_async = deprecated_twin(clean)  # type: ignore[arg-type]  # Page.clean cleans the default view
    error_async = deprecated_twin(error)
    go_async = deprecated_twin(go)
    get_upload_url_async = deprecated_twin(get_upload_url)
    set_clipboard_async = deprecated_twin(set_clipboard)
    launch_url_async = deprecated_twin(launch_url)
    close_in_app_web_view_async = deprecated_twin(close_in_app_web_view)
    window_to_front_async = deprecated_twin(window_to_front)
    scroll_to_async = deprecated_twin(scroll_to)
    show_snack_bar_async = deprecated_twin(show_snack_bar)
    show_dialog_async = deprecated_twin(show_dialog)
    close_dialog_async = deprecated_twin(close_dialog)
    show_banner_async = deprecated_twin(show_banner)
    close_banner_async = deprecated_twin(close_banner)
    show_bottom_sheet_async = deprecated_twin(show_bottom_sheet)
    close_bottom_sheet_async = deprecated_twin(close_bottom_sheet)
    show_drawer_async = deprecated_twin(show_drawer)
    close_drawer_async = deprecated_twin(close_drawer)
    show_end_drawer_async = deprecated_twin(show_end_drawer)
    close_end_drawer_async = deprecated_twin(close_end_drawer)
    window_destroy_async = deprecated_twin(window_destroy)
    window_center_async = deprecated_twin(window_center)
    window_close_async = deprecated_twin(window_close)


_PAGE_EVENTS: dict[str, PageEvent[Any]] = {d.event: d for d in vars(Page).values() if isinstance(d, PageEvent)}
"""The page's events by wire name (``route_change``, ``resize``, ...)."""
