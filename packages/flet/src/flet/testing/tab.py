"""``Tab``: one simulated browser tab of an app under test, what its user sees and does; and ``App``.

``App`` (the app under test, :mod:`flet.testing.app` re-exports it) lives in this module
because it drives its tabs: it connects each one, waits for the frames in transit, sends the
browser's own reactions and collects the frames the client rejected.

A tab is a :class:`~flet_runtime.MemoryClient` (the 0.21.2 client's side of the protocol over
an in-memory connection) plus the user: queries over the client-side tree, and actions that
send exactly the frames the web client sends for them (protocol §4), after which the tab
waits until the app is idle (:meth:`App.settle`).

Functions that raise for the test set ``__tracebackhide__``: pytest then leaves their frames
out of the report, which points at the test's own line and the message (with the screen).
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import Enum
from types import TracebackType
from typing import Any

from flet.testing import actions
from flet.testing.actions import Event, Props, Step
from flet.testing.client_calls import Answer, BrowserState, ClientCall
from flet.testing.errors import (
    AmbiguousControlError,
    AppError,
    ClientRejectedFrameError,
    ControlNotFoundError,
    ControlNotInteractableError,
    FletTestError,
    WaitTimeoutError,
)
from flet.testing.query import ControlType, Element, Query, TextMatch, not_found_message, screen
from flet.testing.snapshot import render
from flet.upload_signature import sign_upload_url
from flet_core import protocol
from flet_core.client_tree import ClientTree
from flet_core.page import Page
from flet_runtime import AppHost, MemoryClient

__all__ = ["App", "Main", "PickedFile", "Tab", "Target", "Upload"]

Main = Callable[[Page], Any]
"""An app's session handler: ``main(page)``, plain or ``async``."""

DEFAULT_USER_AGENT = "Mozilla/5.0 (flet.testing)"
_TEST_SECRET_KEY = "flet.testing upload signing key"

Target = Element | TextMatch
"""What an action acts on: an :class:`Element`, or a text to find it by (as ``find`` does)."""


@dataclass(frozen=True, slots=True)
class PickedFile:
    """A file the user picks in a file dialog (``path`` is ``None`` on the web)."""

    name: str
    size: int = 0
    path: str | None = None


@dataclass(frozen=True, slots=True)
class Upload:
    """A file the browser was asked to upload (``FilePicker.upload``); the tab sends no HTTP."""

    file_name: str
    url: str
    method: str


class Tab:
    """A browser tab connected to the app: find controls, act on them, read what changed."""

    def __init__(
        self,
        app: App,
        *,
        route: str,
        width: float,
        height: float,
        platform: str,
        client_ip: str,
        user_agent: str,
        browser: BrowserState,
        answers: dict[str, Answer] | None,
    ) -> None:
        self.app = app
        """The app this tab is connected to (open more tabs with ``app.open_tab()``)."""
        self.browser = browser
        """The browser's local storage and clipboard, as the app's client calls left them."""
        self._client = MemoryClient(
            app.host, client_ip=client_ip, user_agent=user_agent, answers=browser.answers(answers)
        )
        self._route = route
        self._size = (width, height)
        self._platform = platform
        self._focused: str | None = None
        self._focus_marks: dict[str, str] = {}
        self._picked: dict[str, list[PickedFile]] = {}
        self._upload_marks: dict[str, str] = {}
        self._errors_reported = 0
        self.uploads: list[Upload] = []
        """Files the app asked the browser to upload, in order."""

    def __repr__(self) -> str:
        state = "connected" if self.connected else "disconnected"
        return f"<Tab session={self.session_id} {state} route={self.route!r}>"

    # -- the connection -------------------------------------------------------------------------

    @property
    def session_id(self) -> str | None:
        """The session id the server gave this tab."""
        return self._client.session_id

    @property
    def connected(self) -> bool:
        return self._client.connected

    @property
    def tree(self) -> ClientTree:
        """The controls as the client holds them (all of them, shown or not)."""
        return self._client.tree

    @property
    def frames(self) -> list[str]:
        """Every frame the server sent this tab, as JSON text, in order."""
        return self._client.frames

    @property
    def page(self) -> Page:
        """The server-side :class:`Page` of this tab's session, to inspect the app's state."""
        for session in self.app.host.sessions():
            if session.id == self.session_id and session.page is not None:
                return session.page
        raise FletTestError(f"session {self.session_id} of this tab has ended on the server")

    async def _connect(self) -> None:
        width, height = self._size
        await self._client.connect(route=self._route, width=width, height=height, platform=self._platform)
        self._route = self.tree["page"].get("route", self._route)

    async def disconnect(self) -> None:
        """Lose the connection (a closed laptop lid): the session waits on the server."""
        __tracebackhide__ = True
        await self._client.disconnect()
        self._focused = None
        await self.app.settle()

    async def reconnect(self, route: str | None = None) -> None:
        """Connect again with this tab's session id (a reload): the page comes back as it was.

        If the session expired meanwhile, the server starts a new one and runs ``main`` again.
        """
        __tracebackhide__ = True
        if self.connected:
            await self._client.disconnect()
        if route is not None:
            self._route = route
        await self._connect()
        await self.app.settle()

    # -- client method calls --------------------------------------------------------------------

    @property
    def calls(self) -> list[ClientCall]:
        """Every client method the app called on this tab (launch_url, client storage, ...), in order."""
        return [ClientCall.from_wire(payload) for payload in self._client.calls]

    def calls_to(self, method: str) -> list[ClientCall]:
        """The calls of one method by its wire name, e.g. ``calls_to("launchUrl")``."""
        return [call for call in self.calls if call.method == method]

    # -- looking at the page ----------------------------------------------------------------------

    @property
    def route(self) -> str:
        """The route the browser shows."""
        return str(self.tree["page"].get("route", self._route))

    @property
    def title(self) -> str | None:
        """The browser tab's title (``page.title``)."""
        title = self.tree["page"].get("title")
        return None if title is None else str(title)

    def find(
        self,
        text: TextMatch | None = None,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
        hidden: bool = False,
    ) -> Element:
        """The one control on screen that matches; raises, showing the screen, if none or several do.

        ``text`` is a whole text or a ``re.compile(...)`` pattern, compared with the control's text
        attributes (``text``, ``value``, ``label``, ``hinttext``, ``errortext``, ``title``, ...,
        see :mod:`flet.testing.query`); ``contains`` a part of one; ``type`` a control class or
        wire type name; ``key`` the control's key; ``where`` a predicate on the element.
        """
        __tracebackhide__ = True
        return Query(text, contains, type, key, where, hidden).one(self.tree)

    def find_all(
        self,
        text: TextMatch | None = None,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
        hidden: bool = False,
    ) -> list[Element]:
        """Every control on screen that matches, in page order (maybe none)."""
        return Query(text, contains, type, key, where, hidden).run(self.tree)

    def sees(
        self,
        text: TextMatch | None = None,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
    ) -> bool:
        """Whether at least one control on screen matches (``sees("Saved")``)."""
        return bool(Query(text, contains, type, key).run(self.tree))

    def should_see(
        self,
        text: TextMatch | None = None,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
    ) -> None:
        """Fail, showing the screen, unless a control on screen matches."""
        __tracebackhide__ = True
        query = Query(text, contains, type, key)
        if not query.run(self.tree):
            raise ControlNotFoundError(not_found_message(query, self.tree, "page"))

    def should_not_see(
        self,
        text: TextMatch | None = None,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
    ) -> None:
        """Fail, showing the screen, if a control on screen matches."""
        __tracebackhide__ = True
        query = Query(text, contains, type, key)
        found = query.run(self.tree)
        if found:
            listing = "\n".join(f"  {element.describe()}" for element in found[:10])
            raise FletTestError(
                f"expected to see nothing matching {query.describe()}, saw:\n{listing}\n\n{screen(self.tree)}"
            )

    def snapshot(self, *, hidden: bool = False, details: bool = False) -> str:
        """What is on screen as an indented text tree, for snapshot tests.

        ``hidden=True`` adds the controls the browser holds but does not show (marked
        ``[hidden: why]``); ``details=True`` shows every attribute, not only the telling ones.
        """
        return render(self.tree, hidden=hidden, details=details)

    # -- acting -----------------------------------------------------------------------------------

    def _resolve(self, target: Target | None, query: Query, prefer: Callable[[Element], bool]) -> Element:
        __tracebackhide__ = True
        if isinstance(target, Element):
            return target
        if target is not None:
            query = Query(target, query.contains, query.type, query.key, query.where, query.hidden)
        found = query.run(self.tree)
        if len(found) > 1:
            preferred = [element for element in found if prefer(element)]
            if len(preferred) == 1:
                return preferred[0]
        return query.one(self.tree)  # raises, showing the screen, unless exactly one matched

    async def _send(self, steps: Sequence[Step]) -> None:
        __tracebackhide__ = True
        for step in steps:
            if isinstance(step, Props):
                self._client.update_props(step.control_id, **step.attrs)
            else:
                self._client.event(step.target, step.name, step.data)
        await self.app.settle()

    def _focus_steps(self, element: Element) -> list[Step]:
        if self._focused == element.id:
            return []
        steps: list[Step] = []
        if self._focused is not None and self._focused in self.tree:
            steps.append(Event(self._focused, "blur"))
        self._focused = element.id
        steps.append(Event(element.id, "focus"))
        return steps

    async def click(
        self,
        target: Target | None = None,
        /,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
    ) -> None:
        """Click a control: a button, a clickable container or tile, a checkbox, a radio, a tab...

        Given a text (``click("Save")``) the control is found as by :meth:`find`; when the
        control itself takes no clicks (a text inside a button), the nearest parent that does
        gets it. Then waits until the app is idle.
        """
        __tracebackhide__ = True
        tree = self.tree
        element = self._resolve(target, Query(None, contains, type, key, where), lambda e: _takes_clicks(tree, e))
        handler, steps = actions.click(self.tree, element)
        if handler.type in actions.TEXT_INPUT_TYPES:
            steps = self._focus_steps(handler)
        await self._send(steps)

    async def long_press(
        self,
        target: Target | None = None,
        /,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
    ) -> None:
        """Long-press a control whose ``on_long_press`` is set (or one inside it)."""
        __tracebackhide__ = True
        element = self._resolve(target, Query(None, contains, type, key, where), _long_pressable)
        _, steps = actions.long_press(self.tree, element)
        await self._send(steps)

    async def type(
        self,
        target: Target | None,
        text: str,
        /,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
    ) -> None:
        """Type ``text`` into a text field, replacing its content (found by label, hint, value...).

        Sends what the client sends: ``focus`` (when the field did not have it), the new
        ``value``, then ``change`` if the field has ``on_change``.
        """
        __tracebackhide__ = True
        field = self._resolve(target, Query(None, contains, type, key, where), _is_text_input)
        steps = actions.type_text(self.tree, field, text)
        await self._send([*self._focus_steps(field), *steps])

    async def submit(
        self,
        target: Target | None = None,
        /,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
    ) -> None:
        """Press Enter in a text field (the focused one when no target is given)."""
        __tracebackhide__ = True
        if target is None and contains is None and type is None and key is None and where is None:
            if self._focused is None or self._focused not in self.tree:
                raise ControlNotInteractableError(
                    f"no text field has the focus; pass the field to submit\n\n{screen(self.tree)}"
                )
            field = Element(self.tree, self._focused)
        else:
            field = self._resolve(target, Query(None, contains, type, key, where), _is_text_input)
        steps = [*self._focus_steps(field), *actions.submit(self.tree, field)]
        if steps and isinstance(steps[-1], Event) and steps[-1].name == "blur":
            self._focused = None
        await self._send(steps)

    async def set_value(
        self,
        target: Target | None,
        value: Any,
        /,
        *,
        contains: str | None = None,
        type: ControlType | None = None,
        key: str | None = None,
        where: Callable[[Element], bool] | None = None,
    ) -> None:
        """Change an input as its widget reports it: checkbox/switch (bool), slider (number),
        dropdown (an option key or text), radio group (value), tabs and navigation bars (index),
        text fields (text)."""
        __tracebackhide__ = True
        element = self._resolve(target, Query(None, contains, type, key, where), _has_value)
        await self._send(actions.set_value(self.tree, element, value))

    async def dismiss(self, target: Target | None = None, /) -> None:
        """Close the open dialog, sheet or drawer by tapping outside it (``on_dismiss`` runs)."""
        __tracebackhide__ = True
        if target is None:
            opened = [e for e in self.find_all(where=lambda e: e.get("open") == "true")]
            if len(opened) != 1:
                what = "nothing is open" if not opened else f"{len(opened)} are open; pass the one to dismiss"
                raise ControlNotInteractableError(f"no dialog to dismiss: {what}\n\n{screen(self.tree)}")
            element = opened[-1]
        else:
            element = self._resolve(target, Query(), lambda e: e.get("open") == "true")
        await self._send(actions.dismiss(self.tree, element))

    async def send_event(self, target: Element | str, name: str, data: str = "") -> None:
        """Send any event as the client would (``"hover"``, ``"focus"``, ...); ``"page"`` targets the page."""
        __tracebackhide__ = True
        target_id = target.id if isinstance(target, Element) else target
        await self._send([Event(target_id, name, data)])

    # -- the page as a whole ------------------------------------------------------------------------

    async def go(self, route: str) -> None:
        """Navigate as the browser does (address bar, history): the new ``route``, then ``route_change``."""
        __tracebackhide__ = True
        self._route = route
        await self._send([Props("page", {"route": route}), Event("page", "route_change", route)])

    async def back(self) -> None:
        """Press the back button of the top view's app bar: ``view_pop`` with that view's route."""
        __tracebackhide__ = True
        views = [node for node in self.tree.children("page") if node["t"] == "view" and node.get("visible") != "false"]
        if len(views) < 2:
            raise ControlNotInteractableError(
                f"there is no back button: {len(views)} view(s) on the page, so nothing to pop\n\n{screen(self.tree)}"
            )
        top = views[-1]
        await self._send([Event("page", "view_pop", str(top.get("route", top["i"])))])

    async def resize(self, width: float, height: float) -> None:
        """Resize the browser window: page ``width``/``height`` (window fields empty), then ``resize``."""
        __tracebackhide__ = True
        self._size = (width, height)
        attrs = {"width": f"{width:g}", "height": f"{height:g}", **dict.fromkeys(protocol.WINDOW_FIELDS, "")}
        await self._send([Props("page", attrs), Event("page", "resize", f"{width:g},{height:g}")])

    async def lifecycle(self, state: Enum | str) -> None:
        """Report an app lifecycle change (``ft.AppLifecycleState.RESUME``, ``"hide"``...)."""
        __tracebackhide__ = True
        value = state.value if isinstance(state, Enum) else state
        await self._send([Event("page", "app_lifecycle_state_change", str(value))])

    async def set_platform_brightness(self, brightness: Enum | str) -> None:
        """Switch the system's light/dark preference (``"dark"``)."""
        __tracebackhide__ = True
        value = str(brightness.value if isinstance(brightness, Enum) else brightness)
        await self._send(
            [Props("page", {"platformbrightness": value}), Event("page", "platformBrightnessChange", value)]
        )

    async def press(
        self, key: str, *, shift: bool = False, ctrl: bool = False, alt: bool = False, meta: bool = False
    ) -> None:
        """Press a key (Flutter's label: ``"A"``, ``"Enter"``, ``"Escape"``).

        Like the client, sends nothing unless the page has ``on_keyboard_event`` set.
        """
        __tracebackhide__ = True
        await self.app.settle()  # the flag may be on its way
        if self.tree["page"].get("onkeyboardevent") != "true":
            return
        data = json.dumps({"key": key, "shift": shift, "ctrl": ctrl, "alt": alt, "meta": meta}, separators=(",", ":"))
        await self._send([Event("page", "keyboard_event", data)])

    # -- file dialogs ---------------------------------------------------------------------------------

    def _open_dialog(self, picker: Element | None, states: tuple[str, ...], action: str) -> Element:
        __tracebackhide__ = True
        if picker is not None:
            if picker.get("state") in states:
                return picker
            raise ControlNotInteractableError(
                f"{picker.describe()} has no open dialog to {action} (its state is {picker.get('state')!r})"
            )
        waiting = [
            Element(self.tree, node["i"])
            for node in self.tree.walk()
            if node["t"] == "filepicker" and node.get("state") in states
        ]
        if len(waiting) == 1:
            return waiting[0]
        if not waiting:
            wanted = " or ".join(f"{s!r}" for s in states)
            raise ControlNotInteractableError(
                f"no file dialog is open to {action}: no FilePicker has state {wanted} "
                f"(has the app called pick_files()? was the dialog answered already?)\n\n{screen(self.tree)}"
            )
        raise AmbiguousControlError(f"{len(waiting)} file dialogs are open; pass picker=")

    async def _answer_dialog(self, picker: Element, path: str | None, files: list[PickedFile] | None) -> None:
        __tracebackhide__ = True
        listed = None if files is None else [{"name": f.name, "path": f.path, "size": f.size} for f in files]
        data = json.dumps({"path": path, "files": listed}, separators=(",", ":"))
        self._picked[picker.id] = list(files or [])
        await self._send([Props(picker.id, {"state": ""}), Event(picker.id, "result", data)])

    async def pick_files(self, *files: str | PickedFile, picker: Element | None = None) -> None:
        """Choose files in the open ``pick_files()`` dialog (names, or :class:`PickedFile`); ``on_result`` runs."""
        __tracebackhide__ = True
        chosen = [f if isinstance(f, PickedFile) else PickedFile(f) for f in files]
        await self._answer_dialog(self._open_dialog(picker, ("pickFiles",), "pick files in"), None, chosen)

    async def choose_path(self, path: str, *, picker: Element | None = None) -> None:
        """Choose a path in an open ``save_file()`` or ``get_directory_path()`` dialog (desktop clients)."""
        __tracebackhide__ = True
        dialog = self._open_dialog(picker, ("saveFile", "getDirectoryPath"), "choose a path in")
        await self._answer_dialog(dialog, path, None)

    async def cancel_file_dialog(self, *, picker: Element | None = None) -> None:
        """Cancel the open file dialog: ``on_result`` gets no files and no path."""
        __tracebackhide__ = True
        dialog = self._open_dialog(picker, ("pickFiles", "saveFile", "getDirectoryPath"), "cancel")
        await self._answer_dialog(dialog, None, None)

    # -- waiting ----------------------------------------------------------------------------------------

    async def wait_for(self, condition: Callable[[], Any], *, timeout: float = 5.0, what: str = "") -> None:
        """Wait until ``condition()`` is true, for work the app does in the background.

        Actions already wait for the handlers they start; this is for timers, ``run_task``
        loops and threads. A condition raising a lookup error (``lambda: app.find("Done")``)
        counts as false.
        """
        __tracebackhide__ = True
        await self.app.settle()
        last_error: list[BaseException] = []

        def holds() -> bool:
            try:
                return bool(condition())
            except LookupError as error:
                last_error[:] = [error]
                return False

        try:
            await self._client.wait_for(holds, timeout=timeout, what=what)
        except TimeoutError:
            described = what or getattr(condition, "__qualname__", repr(condition))
            detail = f" (last: {str(last_error[0]).splitlines()[0]})" if last_error else ""
            raise WaitTimeoutError(
                f"waited {timeout} s for {described}; it did not happen{detail}\n\n{screen(self.tree)}"
            ) from None
        except AssertionError as error:
            raise ClientRejectedFrameError(str(error)) from None

    async def settle(self) -> None:
        """Wait until the app is idle: every handler finished and every frame reached its tab."""
        __tracebackhide__ = True
        await self.app.settle()

    # -- the browser's own reactions (run by App.settle) ------------------------------------------------

    def _problems(self) -> list[BaseException]:
        """Frames the client rejected since the last call."""
        errors = self._client.errors[self._errors_reported :]
        self._errors_reported = len(self._client.errors)
        return list(errors)

    def _reactions(self) -> list[Step]:
        """What the browser sends by itself after the frames it got (route echo, focus, uploads...)."""
        if not self.connected:
            return []
        steps: list[Step] = []
        tree = self.tree
        route = tree["page"].get("route")
        if route is not None and route != self._route:
            # the client follows a route the server set and echoes it back (protocol §5.3)
            self._route = route
            steps += [Props("page", {"route": route}), Event("page", "route_change", route)]
        for node in tree.controls.values():
            control_id = node["i"]
            if "method" in node:  # scroll_to ran: the client clears the attribute (protocol §7.5)
                steps.append(Props(control_id, {"method": ""}))
            mark = node.get("focus")
            if mark is not None and self._focus_marks.get(control_id) != mark:
                self._focus_marks[control_id] = mark
                steps += self._focus_steps(Element(tree, control_id))
            if node["t"] == "filepicker":
                steps += self._upload_steps(node)
        return steps

    def _upload_steps(self, node: dict[str, Any]) -> list[Step]:
        control_id, listing = node["i"], node.get("upload", "[]")
        if self._upload_marks.get(control_id) == listing:
            return []
        self._upload_marks[control_id] = listing
        picked = self._picked.get(control_id, [])
        try:
            entries = json.loads(listing)
        except ValueError:
            return []
        steps: list[Step] = []
        for entry in entries if isinstance(entries, list) else []:
            name = entry.get("name")
            file = next((f for f in picked if f.name == name), None)
            if file is None:
                continue  # the client skips entries that name no picked file
            picked.remove(file)
            self.uploads.append(Upload(str(name), str(entry.get("upload_url")), str(entry.get("method", "PUT"))))
            for progress in (0, 1):
                data = json.dumps({"file_name": name, "progress": progress, "error": None}, separators=(",", ":"))
                steps.append(Event(control_id, "upload", data))
        return steps

    def _react(self) -> bool:
        """Send the browser's own reactions; whether there were any."""
        steps = self._reactions()
        for step in steps:
            if isinstance(step, Props):
                self._client.update_props(step.control_id, **step.attrs)
            else:
                self._client.event(step.target, step.name, step.data)
        return bool(steps)

    @property
    def _in_transit(self) -> int:
        transport = self._client.transport
        return transport.in_transit if transport is not None and self.connected else 0


def _takes_clicks(tree: ClientTree, element: Element) -> bool:
    try:
        target, _ = actions.click(tree, element)
    except FletTestError:
        return False
    return target == element


def _long_pressable(element: Element) -> bool:
    return element.get("onlongpress") == "true"


def _is_text_input(element: Element) -> bool:
    return element.type in actions.TEXT_INPUT_TYPES


def _has_value(element: Element) -> bool:
    return "value" in element.node or "selectedindex" in element.node


# -- the app: one module with its tabs, which it opens, settles and closes -----------------------


class _ErrorLog(logging.Handler):
    """Collects the errors the runtime logs (an exception in main, a handler, a subscriber)."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.errors: list[tuple[str, BaseException | None]] = []

    def emit(self, record: logging.LogRecord) -> None:
        error = record.exc_info[1] if record.exc_info else None
        self.errors.append((record.getMessage(), error))


class App:
    """A Flet app running in this process, and the browser tabs connected to it.

    Use it as an async context manager, or call :meth:`close`::

        async with App(main) as app:
            alice = await app.open_tab()
            bob = await app.open_tab()

    Args:
        main: the session handler, as given to ``ft.app``.
        timeout: how long actions wait for the app to become idle, in seconds.
        session_timeout: how long a disconnected session waits for its tab to come back.
        raise_app_errors: raise :class:`AppError` in the test when the app raises an
            exception; with ``False`` they are only collected in :attr:`errors`.
    """

    def __init__(
        self,
        main: Main,
        *,
        timeout: float = 5.0,
        session_timeout: float = 3600.0,
        raise_app_errors: bool = True,
    ) -> None:
        self.main = main
        self.timeout = timeout
        self.raise_app_errors = raise_app_errors
        self.host = AppHost(main, session_timeout=session_timeout, upload_signer=_sign_upload)
        """The runtime's host of the app's sessions."""
        self.tabs: list[Tab] = []
        """Every tab opened, in order."""
        self.errors: list[BaseException] = []
        """Every exception the app raised (in ``main``, handlers, subscribers), in order."""
        self._log = _ErrorLog()
        self._reported = 0
        self._started = False
        self._closed = False

    def __repr__(self) -> str:
        return f"<App {getattr(self.main, '__qualname__', self.main)} tabs={len(self.tabs)}>"

    async def __aenter__(self) -> App:
        await self.start()
        return self

    async def __aexit__(
        self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None
    ) -> None:
        await self.close(raise_errors=error is None)

    async def start(self) -> None:
        """Start the host (``open_tab`` does it too)."""
        if self._started:
            return
        if self._closed:
            raise RuntimeError("this App was closed; make a new one")
        self._started = True
        logging.getLogger("flet").addHandler(self._log)
        await self.host.start()

    async def open_tab(
        self,
        route: str = "/",
        *,
        width: float = 800,
        height: float = 600,
        platform: str = "linux",
        client_ip: str = "127.0.0.1",
        user_agent: str = DEFAULT_USER_AGENT,
        client_storage: dict[str, Any] | None = None,
        clipboard: str | None = None,
        answers: dict[str, Answer] | None = None,
    ) -> Tab:
        """Open a new browser tab on ``route``: a new session runs ``main``; returns once it is idle.

        Args:
            route: the route in the address bar.
            width: the page width the browser reports (also ``height``, ``platform``).
            client_storage: the browser's local storage (a dict of stored values); pass the same
                dict to several tabs to share it as tabs of one browser do.
            clipboard: the clipboard's text.
            answers: scripted answers to client method calls by method name, replacing the
                browser's behaviour (see :mod:`flet.testing.client_calls`).
        """
        __tracebackhide__ = True
        await self.start()
        browser = BrowserState({} if client_storage is None else client_storage, clipboard)
        tab = Tab(
            self,
            route=route,
            width=width,
            height=height,
            platform=platform,
            client_ip=client_ip,
            user_agent=user_agent,
            browser=browser,
            answers=answers,
        )
        self.tabs.append(tab)
        await tab._connect()  # noqa: SLF001  # App drives its tabs' connection: why App lives here
        await self.settle()
        return tab

    async def settle(self, timeout: float | None = None) -> None:
        """Wait until every handler has finished and every frame has reached its tab.

        The tabs' own reactions (the route echo, upload progress, ...) are sent and waited
        for too. Then the app's exceptions and rejected frames are raised, if any.
        """
        __tracebackhide__ = True
        limit = self.timeout if timeout is None else timeout
        deadline = time.monotonic() + limit
        while True:
            try:
                await self.host.wait_idle(max(deadline - time.monotonic(), 0.0))
            except TimeoutError as error:
                raise WaitTimeoutError(
                    f"{error}. Actions wait for the handlers they start; run endless loops with "
                    f"page.run_task() and use wait_for() for them.\n\n{self._screens()}"
                ) from None
            if any(tab._in_transit for tab in self.tabs):  # noqa: SLF001  # App settles its tabs (same module)
                if time.monotonic() > deadline:
                    raise WaitTimeoutError(f"frames were still in transit after {limit} s\n\n{self._screens()}")
                await asyncio.sleep(0)
                continue
            if not any([tab._react() for tab in self.tabs]):  # noqa: SLF001  # App settles its tabs (same module)
                break
        self._check()

    def _check(self) -> None:
        __tracebackhide__ = True
        rejected = [error for tab in self.tabs for error in tab._problems()]  # noqa: SLF001  # App settles its tabs (same module)
        if rejected:
            raise ClientRejectedFrameError(
                "the server sent frames the 0.21.2 client would throw away:\n"
                + "\n".join(f"  {error!r}" for error in rejected)
            )
        fresh = self._log.errors[self._reported :]
        self._reported = len(self._log.errors)
        self.errors.extend(error if error is not None else AppError(message) for message, error in fresh)
        if fresh and self.raise_app_errors:
            message, error = fresh[0]
            more = f" (and {len(fresh) - 1} more error(s), see app.errors)" if len(fresh) > 1 else ""
            text = f"{message}: {error!r}" if error is not None else message
            raise AppError(
                f"the app raised an exception{more}: {text}\n"
                f"(pass raise_app_errors=False to check on_error handling instead)\n\n{self._screens()}"
            ) from error

    def _screens(self) -> str:
        shown = [tab for tab in self.tabs if tab.connected] or self.tabs[:1]
        if len(shown) == 1:
            return screen(shown[0].tree)
        return "\n\n".join(
            f"Tab {index} (session {tab.session_id}): {screen(tab.tree)}" for index, tab in enumerate(shown)
        )

    async def close(self, *, raise_errors: bool = True) -> None:
        """End every session (``on_close`` handlers run) and disconnect every tab."""
        __tracebackhide__ = True
        if self._closed or not self._started:
            self._closed = True
            return
        self._closed = True
        try:
            await self.host.shutdown()
            for tab in self.tabs:
                await tab._client.disconnect()  # noqa: SLF001  # App settles its tabs (same module)
        finally:
            logging.getLogger("flet").removeHandler(self._log)
        if raise_errors:
            self._check()


def _sign_upload(file_name: str, expires: int) -> str:
    """Upload URLs as ``ft.app`` makes them for an app at ``/`` (the tab records them, sends no HTTP)."""
    return sign_upload_url("/upload", file_name, expires, _TEST_SECRET_KEY)
