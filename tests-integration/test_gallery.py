"""Every visual control, rendered by the real 0.21.2 client in Chromium (gallery_app.py).

One server and one browser serve the whole module; each route of the gallery opens in a fresh
tab (a fresh session). After the route's marker text appears and the popups have settled, the
test fails on any sign that the client could not render what our server sent:

* a Flet error box: the client's ``ErrorControl`` texts (``Unknown control: ...``, ``... must
  have ...``; the full 0.21.2 list is ``CLIENT_ERROR_TEXTS``);
* Flutter's release-mode error widget (the grey ``rgba(192, 192, 192, 0.94)`` box that replaces
  a widget whose build threw), seen in the DOM of the HTML renderer;
* an ``error`` page event from the client (the gallery prints it as ``GALLERY-CLIENT-ERROR``);
* a traceback in the server's output;
* a ``pageerror`` (uncaught exception) or a console message of type ``error``, and any HTTP
  response >= 400 from our own server. Ignored: console errors whose source is outside
  127.0.0.1 (this machine has no network, so a request to the internet fails by design; none
  were seen with the 0.21.2 client and the HTML renderer). Warnings are not errors (the
  client's index.html draws one about a deprecated apple-mobile-web-app meta tag).

A screenshot of every route is saved to ``artifacts/gallery/`` (pass or fail).
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
CHROMIUM = Path("/usr/bin/chromium")
TIMEOUT_MS = 30_000
SETTLE_MS = 1_500  # dialogs, sheets and the drawer animate in; late errors arrive


def _load(name: str, path: Path) -> ModuleType:
    """A module of this folder by path (importlib mode puts none of them on sys.path)."""
    for module in list(sys.modules.values()):  # the conftest pytest already imported
        if getattr(module, "__file__", None) == str(path):
            return module
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


gallery = _load("gallery_app", HERE / "gallery_app.py")
helpers = _load("integration_conftest", HERE / "conftest.py")  # free_port, stop, ...

# The messages of the 0.21.2 client's ErrorControl (the red box a control shows instead of
# itself when it cannot be built from what it was sent), as its main.dart.js spells them.
CLIENT_ERROR_PREFIXES = (
    "Unknown control: ",
    "Error displaying ",
    "Error decoding base64: ",
    "CupertinoDatePicker Error: ",
)
CLIENT_ERROR_TEXTS = frozenset(
    {
        "AlertDialog does not have any content.",
        "Banner does not have any content.",
        "Banner should have at least one action.",
        "BottomSheet does not have a content.",
        "Chip cannot have both on_select and on_click events specified.",
        "Chip must have label specified.",
        "Content control must be specified and be visible.",
        "Content is not set.",
        "CupertinoActionSheetAction must have a content control!",
        "CupertinoAlertDialog does not have any content.",
        "CupertinoButton has no content control. Please specify one.",
        "CupertinoContextMenu.actions list must have at least one action control",
        "CupertinoContextMenu.content must be provided",
        "CupertinoRadio control must be enclosed with RadioGroup.",
        "Dismissible does not have a content.",
        "DragTarget should have content.",
        "Draggable should have content.",
        "ExpansionTile requires a title!",
        "FAB doesn't have a text, nor icon, nor content.",
        "FAB doesn't have a text, nor icon.",
        "GestureDetector should have at least one event handler defined.",
        "Icon button does not have an icon neither content specified.",
        "MenuBar must have at least one child control",
        "Pagelet must have content specified.",
        "Radio control must be enclosed with RadioGroup.",
        "RadioGroup control does not have any content.",
        "SafeArea has no content.",
        "Shader property is not set.",
        "SnackBar does not have a content.",
        "The Elevation of the BottomAppBar must be greater than or equal to 0 !",
        "The length of the selected property must be less than or equal to the number of segments.",
        "WebView control is not supported on this platform yet.",
        "WebView.url cannot be empty.",
        "When allow_empty_selection is False, the selected property must contain at least one value.",
        "When allow_multiple_selection is False, the selected property must contain exactly one value.",
        "WindowDragArea should have content.",
        'Audio must have either "src" or "src_base64" specified.',
        'Image must have either "src" or "src_base64" specified.',
        'Lottie must have either "src" or "src_base64" specified.',
    }
)
ERROR_WIDGET_GREY = "rgba(192, 192, 192, 0.94)"  # Flutter's release ErrorWidget, as the HTML renderer paints it

_PARAGRAPHS = """() => Array.from(
    document.querySelector('flt-glass-pane')?.shadowRoot?.querySelectorAll('flt-paragraph') ?? []
).map(p => p.textContent)"""
_ERROR_WIDGETS = f"""() => Array.from(
    document.querySelector('flt-glass-pane')?.shadowRoot?.querySelectorAll('*') ?? []
).filter(e => e.style && e.style.backgroundColor === {ERROR_WIDGET_GREY!r}).length"""
_HAS_TEXT = f"text => ({_PARAGRAPHS})().some(t => t.trim() === text)"


@dataclass
class Gallery:
    url: str
    log: Path
    context: Any
    shots: Path = field(default_factory=lambda: helpers.ARTIFACTS / "gallery")

    def output(self, start: int = 0) -> str:
        return self.log.read_bytes()[start:].decode(errors="replace")


@pytest.fixture(scope="module")
def running_gallery(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Gallery]:
    if not CHROMIUM.exists():
        pytest.fail("/usr/bin/chromium is absent (apt-get install chromium; .ci/run installs it)")
    from playwright import sync_api  # nox -s integration installs it; absent, the test fails

    folder = tmp_path_factory.mktemp("gallery")
    port = helpers.free_port()
    log = folder / "server.log"
    env = helpers.app_environment(FLET_SERVER_PORT=str(port), FLET_SERVER_IP="127.0.0.1")
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, str(HERE / "gallery_app.py")], cwd=folder, env=env, stdout=output, stderr=subprocess.STDOUT
        )
    try:
        try:
            helpers.wait_for_port(port, process)
        except Exception as error:
            raise RuntimeError(f"{error}; its output:\n{log.read_text(errors='replace')}") from None
        with sync_api.sync_playwright() as playwright:
            context = playwright.chromium.launch_persistent_context(
                str(folder / "chromium-profile"),  # a fresh --user-data-dir
                executable_path=str(CHROMIUM),
                headless=True,
                args=[
                    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                ],
                viewport={"width": 1280, "height": 960},
            )  # fmt: skip
            context.set_default_timeout(TIMEOUT_MS)
            try:
                yield Gallery(f"http://127.0.0.1:{port}", log, context)
            finally:
                context.close()
    finally:
        helpers.stop(process)


@dataclass
class Problems:
    console: list[str] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    http: list[str] = field(default_factory=list)

    def on_console(self, message: Any) -> None:
        if message.type != "error":
            return
        source = (message.location or {}).get("url", "")
        entry = f"{message.text} ({source})"
        local = source.startswith(("http://127.0.0.1", "ws://127.0.0.1")) or not source.startswith(("http", "ws"))
        (self.console if local else self.ignored).append(entry)

    def on_response(self, response: Any) -> None:
        if response.status >= 400 and response.url.startswith("http://127.0.0.1"):
            self.http.append(f"{response.status} {response.url}")


def client_error_texts(texts: list[str]) -> list[str]:
    found = []
    for text in (t.strip() for t in texts):
        if text in CLIENT_ERROR_TEXTS or text.startswith(CLIENT_ERROR_PREFIXES) or gallery.ERROR_LINE in text:
            found.append(text)
    return found


@pytest.mark.parametrize("route", list(gallery.ROUTES))
def test_the_client_renders_the_route_without_errors(running_gallery: Gallery, route: str) -> None:
    name = route.strip("/")
    problems = Problems()
    start = running_gallery.log.stat().st_size
    page = running_gallery.context.new_page()
    page.on("console", problems.on_console)
    page.on("pageerror", lambda error: problems.page_errors.append(str(error)))
    page.on("response", problems.on_response)
    try:
        page.goto(running_gallery.url + route)
        marker = gallery.MARKER + name
        try:
            page.wait_for_function(_HAS_TEXT, arg=marker, timeout=TIMEOUT_MS)
        except Exception as error:
            raise AssertionError(f"{marker!r} never appeared; the page shows {page.evaluate(_PARAGRAPHS)}") from error
        page.wait_for_timeout(SETTLE_MS)
        running_gallery.shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(running_gallery.shots / f"{name}.png"))
        error_boxes = client_error_texts(page.evaluate(_PARAGRAPHS))
        error_widgets = page.evaluate(_ERROR_WIDGETS)
    finally:
        page.close()
    output = running_gallery.output(start)
    reported = sorted({line for line in output.splitlines() if gallery.ERROR_LINE in line or "Traceback" in line})
    assert not error_boxes, f"the client showed error boxes on {route}: {error_boxes}"
    assert not error_widgets, f"{error_widgets} Flutter error widget(s) on {route}"
    assert not reported, f"the client reported errors on {route}: {reported}\n{output}"
    assert not problems.page_errors, f"uncaught exceptions in the page on {route}: {problems.page_errors}"
    assert not problems.console, f"console errors on {route}: {problems.console}"
    if problems.ignored:
        print(f"ignored console errors from outside this machine on {route}: {problems.ignored}")
    assert not problems.http, f"failed requests to our server on {route}: {problems.http}"


def test_an_unknown_control_is_detected(running_gallery: Gallery) -> None:
    """The checks above do see a failure: the gallery's self-test route sends a broken control."""
    page = running_gallery.context.new_page()
    try:
        page.goto(running_gallery.url + gallery.BROKEN_ROUTE)
        page.wait_for_function(_HAS_TEXT, arg=gallery.MARKER + gallery.BROKEN_ROUTE.strip("/"), timeout=TIMEOUT_MS)
        page.wait_for_timeout(SETTLE_MS)
        texts = page.evaluate(_PARAGRAPHS)
        widgets = page.evaluate(_ERROR_WIDGETS)
    finally:
        page.close()
    boxes = client_error_texts(texts)
    assert f"Unknown control: {gallery.BrokenControl()._get_control_name()}" in boxes  # noqa: SLF001  0.21's name
    assert any(text.startswith(gallery.ERROR_LINE) for text in boxes)  # on_error's text on the page
    assert widgets >= 1  # the Container with an unparsable padding failed to build
    deadline = time.monotonic() + 5
    while gallery.ERROR_LINE not in running_gallery.output() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert f"{gallery.ERROR_LINE} {gallery.BROKEN_ROUTE}: FormatException" in running_gallery.output()


# -- coverage ----------------------------------------------------------------------------------


def _classes(control: Any, found: set[type]) -> None:
    # the model as the engine walks it: flet_core's private update seam (_fields, _update_state)
    from flet_core._fields import children
    from flet_core._update_state import record
    from flet_core.control import Control

    found.add(type(control))
    for child, _ in children(control):
        _classes(child, found)
    for value in record(control).values.values():  # controls held in JSON attributes (spans)
        for item in value if isinstance(value, list) else [value]:
            if isinstance(item, Control) and type(item) not in found:
                _classes(item, found)


def _resolve(api_name: str) -> Any:
    import flet as ft

    parts = api_name.split(".")
    if parts[0] == "ft":
        target: Any = ft
        parts = parts[1:]
    else:
        target = importlib.import_module(".".join(parts[:-1]))
        parts = parts[-1:]
    for part in parts:
        target = getattr(target, part)
    return target


@pytest.mark.filterwarnings("ignore:.*UserControl is deprecated:DeprecationWarning")  # the gallery shows one
def test_every_visual_control_is_in_the_gallery() -> None:
    # the control catalog of Flet 0.21.2, kept as flet-core's test data (a missing file fails)
    spec = HERE.parent / "packages" / "flet-core" / "tests" / "data" / "controls.json"
    catalog = json.loads(spec.read_text(encoding="utf-8"))["controls"]
    found: set[type] = set()
    for name in [*gallery.ROUTES, "/"]:
        view, route = gallery.build_view(name)
        for root in [view, *route.roots()]:
            _classes(root, found)
    # A class of the gallery's own (a UserControl subclass) stands for the class it extends.
    own = {base for seen in found if seen.__module__ == gallery.__name__ for base in seen.__mro__[1:2]}
    missing = []
    for entry in catalog:
        if entry["abstract"] or entry["key"] in gallery.EXCLUDED:
            continue
        if _resolve(entry["api_names"][0]) not in found | own:
            missing.append(entry["key"])
    stale = [key for key in gallery.EXCLUDED if key not in {entry["key"] for entry in catalog}]
    assert not missing, f"controls in no gallery route (add them, or to EXCLUDED with a reason): {missing}"
    assert not stale, f"EXCLUDED names controls that controls.json does not have: {stale}"
