"""Differential check of behaviour after interaction: the same actions on upstream 0.21.2 and ours.

For each app (a module with ``main(page)``, optionally ``path.py:/route`` to open another
route), both servers are started; a protocol-level client registers with each like the 0.21.2
web client, then performs the same deterministic actions, chosen from the client tree after
the first render, in tree order:

* a click on every control that takes clicks: buttons, checkboxes, switches, radios and
  navigation destinations by control type (0.21 sends no ``onclick``/``onchange`` flag for
  them, the client fires those events anyway); containers, list tiles, chips and gesture
  detectors only where their flag (``onclick``, ``ontap``) is set;
* a fixed value for every other input (sliders: their midpoint; dropdowns: their last option);
* typing ``"flet 42"`` into every text field, then submitting it.

Actions are found again in each tree by their position (the path of child indexes and types),
so control ids may differ. After every step, the client trees are compared by structure: types,
slot names, attributes (times masked) and children in order. An app whose two runs on upstream
itself differ (clocks, random, network) is left out: that A/A check excludes it, not a list.

    python tools/compare/behaviour.py --upstream /tmp/upstream/bin/python --suite
    python tools/compare/behaviour.py --upstream /tmp/upstream/bin/python app.py 'gallery.py:/inputs'
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import re
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import websockets
from frames import _IGNORED, _RENAMED, REGISTER, ServerExited, _untime, served

from flet.testing import actions
from flet.testing.actions import Event, Props, Step
from flet.testing.errors import ControlNotInteractableError
from flet.testing.query import Element
from flet_core.client_tree import ClientTree

ROOT = Path(__file__).resolve().parents[2]
TYPED_TEXT = "flet 42"
REGISTER_TIMEOUT = 15.0
# Control types clicked without a flag (the client fires their events anyway).
CLICK_BY_TYPE = frozenset(
    {
        "checkbox",
        "chip",
        "cupertinoactionsheetaction",
        "cupertinobutton",
        "cupertinocheckbox",
        "cupertinodialogaction",
        "cupertinoradio",
        "cupertinoswitch",
        "elevatedbutton",
        "filledbutton",
        "filledtonalbutton",
        "floatingactionbutton",
        "iconbutton",
        "navigationdestination",
        "navigationdrawerdestination",
        "navigationraildestination",
        "outlinedbutton",
        "popupmenuitem",
        "radio",
        "switch",
        "tab",
        "textbutton",
    }
)
# Control types clicked only when their flag says a handler is set.
CLICK_BY_FLAG = {
    "container": "onclick",
    "listtile": "onclick",
    "cupertinolisttile": "onclick",
    "menuitembutton": "onclick",
    "textspan": "onclick",
    "gesturedetector": "ontap",
}
SET_VALUE = frozenset({"slider", "cupertinoslider", "dropdown"})


@dataclass(frozen=True)
class Action:
    """One step of the plan: what to do with the control found at ``path`` (child indexes from the page)."""

    kind: str  # "click", "set", "type", "submit"
    path: tuple[int, ...]
    type: str

    def label(self) -> str:
        return f"{self.kind} {self.type} at {'/'.join(map(str, self.path))}"


# -- the plan -----------------------------------------------------------------------------------


def walk(
    tree: ClientTree, control_id: str = "page", path: tuple[int, ...] = ()
) -> Iterator[tuple[dict[str, Any], tuple[int, ...]]]:
    node = tree.controls[control_id]
    yield node, path
    for index, child_id in enumerate(node["c"]):
        if child_id in tree.controls:
            yield from walk(tree, child_id, (*path, index))


def plan(tree: ClientTree) -> list[Action]:
    """Every action the app offers on screen, in tree order."""
    out: list[Action] = []
    for node, path in walk(tree):
        kind = node["t"]
        if node.get("visible") == "false":
            continue
        if kind in CLICK_BY_TYPE or (kind in CLICK_BY_FLAG and node.get(CLICK_BY_FLAG[kind]) == "true"):
            out.append(Action("click", path, kind))
        elif kind in SET_VALUE:
            out.append(Action("set", path, kind))
        elif kind in actions.TEXT_INPUT_TYPES:
            out.append(Action("type", path, kind))
            out.append(Action("submit", path, kind))
    return out


def find(tree: ClientTree, path: tuple[int, ...], kind: str) -> str | None:
    """The id of the control at ``path`` when it is still of type ``kind``."""
    node = tree.controls["page"]
    for index in path:
        if index >= len(node["c"]) or node["c"][index] not in tree.controls:
            return None
        node = tree.controls[node["c"][index]]
    return str(node["i"]) if node["t"] == kind else None


def fixed_value(tree: ClientTree, control_id: str) -> object:
    node = tree.controls[control_id]
    if node["t"] == "dropdown":
        options = [c for c in tree.children(control_id) if c["t"] == "dropdownoption"]
        return options[-1].get("key", "") if options else ""
    low, high = float(node.get("min", "0")), float(node.get("max", "1"))
    return low + (high - low) / 2


def steps_for(tree: ClientTree, action: Action) -> list[Step] | None:
    """The client messages of ``action`` on this tree; None when it cannot be done here."""
    control_id = find(tree, action.path, action.type)
    if control_id is None:
        return None
    element = Element(tree, control_id)
    try:
        if action.kind == "click":
            return actions.click(tree, element)[1]
        if action.kind == "set":
            return actions.set_value(tree, element, fixed_value(tree, control_id))
        if action.kind == "type":
            return [Event(control_id, "focus"), *actions.type_text(tree, element, TYPED_TEXT)]
        return actions.submit(tree, element)
    except ControlNotInteractableError:
        return None


# -- one session ---------------------------------------------------------------------------------


@dataclass
class Session:
    """A protocol-level 0.21.2 web client: keeps the tree it is sent, sends what a user's actions send."""

    ws: Any
    settle: float
    tree: ClientTree = field(default_factory=ClientTree)
    route: str = "/"

    async def drain(self, first: float | None = None) -> None:
        """Apply frames until ``settle`` seconds pass without one (the first may take ``first``)."""
        wait = first or self.settle
        while True:
            try:
                frame = await asyncio.wait_for(self.ws.recv(), wait)
            except TimeoutError:
                break
            self.tree.apply(json.loads(frame))
            wait = self.settle
        await self.react()

    async def react(self) -> None:
        """The client follows a route the server set and echoes it back (protocol §5.3)."""
        route = self.tree.controls["page"].get("route")
        if route is not None and route != self.route:
            self.route = route
            await self.send([Props("page", {"route": route}), Event("page", "route_change", route)])

    async def send(self, steps: list[Step]) -> None:
        for step in steps:
            if isinstance(step, Props):
                props = {"i": step.control_id, **step.attrs}
                await self.ws.send(json.dumps({"action": "updateControlProps", "payload": {"props": [props]}}))
                self.tree.update([props])
            else:
                payload = {"eventTarget": step.target, "eventName": step.name, "eventData": step.data}
                await self.ws.send(json.dumps({"action": "pageEventFromWeb", "payload": payload}))
        await self.drain()


@contextlib.asynccontextmanager
async def session(port: int, route: str, settle: float) -> Any:
    register = json.loads(json.dumps(REGISTER))
    register["payload"]["pageRoute"] = route
    async with websockets.connect(f"ws://127.0.0.1:{port}/ws", max_size=None) as ws:
        client = Session(ws, settle, route=route)
        await ws.send(json.dumps(register))
        await client.drain(first=REGISTER_TIMEOUT)  # a cold server may take a while to answer
        yield client


def structure(tree: ClientTree, upstream: bool, control_id: str = "page") -> Any:
    """A control subtree without ids: type, slot name, attributes and children in order."""
    node = tree.controls[control_id]
    kind = node["t"]
    attrs = {}
    for key, value in node.items():
        if key in ("i", "p", "c", "at") or key.startswith("client") or (kind, key) in _IGNORED:
            continue
        attrs[_RENAMED.get((kind, key), key) if upstream else key] = value
    children = [structure(tree, upstream, c) for c in node["c"] if c in tree.controls]
    return _untime({"attrs": attrs, "children": children})


def differences(a: Any, b: Any, path: str = "page") -> list[str]:
    """Where two structures differ, by path of types and indexes (first 12)."""
    out: list[str] = []
    if a["attrs"] != b["attrs"]:
        for key in sorted(set(a["attrs"]) | set(b["attrs"])):
            x, y = a["attrs"].get(key, "<absent>"), b["attrs"].get(key, "<absent>")
            if x != y:
                out.append(f"{path}.{key}: upstream {x!r} / ours {y!r}")
    if len(a["children"]) != len(b["children"]):
        kinds = [[c["attrs"].get("t") for c in x["children"]] for x in (a, b)]
        out.append(f"{path}: children upstream {kinds[0]} / ours {kinds[1]}")
    for index, (x, y) in enumerate(zip(a["children"], b["children"], strict=False)):
        if x != y:
            out.extend(differences(x, y, f"{path}/{index}:{y['attrs'].get('t')}"))
    return out[:12]


# -- one app -------------------------------------------------------------------------------------


@dataclass
class Outcome:
    name: str
    steps: int = 0
    nondeterministic: str = ""
    differences: list[str] = field(default_factory=list)


History = list[tuple[str, Any]]
"""(what was just done, the tree's structure after it), from the first render on."""


async def drive(
    port: int, route: str, settle: float, todo: list[Action] | None, steps: int, upstream: bool
) -> tuple[History, list[Action]]:
    """One session: the first render, then actions. The leader (``todo=None``) plans from its
    first render and skips what it cannot do; a follower does the leader's actions, in order."""
    async with session(port, route, settle) as client:
        history: History = [("the first render", structure(client.tree, upstream))]
        leader = todo is None
        queue = plan(client.tree) if todo is None else list(todo)
        done: list[Action] = []
        for action in queue:
            if len(done) == steps:
                break
            moves = steps_for(client.tree, action)
            if moves is None:
                if leader:
                    continue
                history.append((action.label(), "<not possible here>"))
                break
            await client.send(moves)
            done.append(action)
            history.append((f"step {len(done)} ({action.label()})", structure(client.tree, upstream)))
        return history, done


def first_difference(a: History, b: History) -> tuple[str, list[str]] | None:
    for (label, x), (_, y) in zip(a, b, strict=False):
        if x != y:
            if isinstance(x, str) or isinstance(y, str):
                return label, [
                    f"upstream {x if isinstance(x, str) else 'did it'} / ours {y if isinstance(y, str) else 'did it'}"
                ]
            return label, differences(x, y)
    if len(a) != len(b):
        return a[min(len(a), len(b)) - 1][0], [f"upstream did {len(a) - 1} steps, ours {len(b) - 1}"]
    return None


async def run_app(
    ports: dict[str, int], route: str, steps: int, settle: float, second_upstream: Callable[[], int]
) -> tuple[int, str, list[str]]:
    """Upstream and ours side by side; when they differ, upstream once more (A/A).

    Both plan from their first render: while their trees are equal, so are their plans and the
    actions they can do. The A/A run goes to a second upstream process (``second_upstream``
    starts it), so what differs per process (a pid, a start time) counts as nondeterministic
    too. Returns (steps done, why the app is nondeterministic or "", differences).
    """
    (theirs, done), (ours, _) = await asyncio.gather(
        drive(ports["upstream"], route, settle, None, steps, True),
        drive(ports["ours"], route, settle, None, steps, False),
    )
    found = first_difference(theirs, ours)
    if found is None:
        return len(done), "", []
    for port in (ports["upstream"], second_upstream()):
        again, _ = await drive(port, route, settle, done, steps, True)
        unstable = first_difference(theirs, again)
        if unstable is not None:
            return len(done), f"upstream differs from itself after {unstable[0]}", []
    label, lines = found
    return len(done), "", [f"after {label}:", *lines]


def targets(specs: list[str]) -> list[tuple[Path, str]]:
    out = []
    for spec in specs:
        file, _, route = spec.partition(":")
        out.append((Path(file), route or "/"))
    return out


def suite() -> list[tuple[Path, str]]:
    """Our test apps: tests-integration/apps, every gallery route, the testing kit's apps."""
    apps = ROOT / "tests-integration" / "apps"
    out = [
        (path, "/") for path in sorted(apps.glob("*.py")) if re.search(r"^(async )?def main\(", path.read_text(), re.M)
    ]
    gallery = ROOT / "tests-integration" / "gallery_app.py"
    routes = [
        line.split('"')[1] for line in gallery.read_text().splitlines() if line.startswith('    "/') and '": ' in line
    ]
    out += [(gallery, route) for route in ["/", *routes]]
    out += [(path, "/") for path in sorted((ROOT / "packages" / "flet" / "tests" / "apps").glob("*.py"))]
    return out


def report(outcome: Outcome) -> None:
    if outcome.nondeterministic:
        print(f"{outcome.name}: excluded, {outcome.nondeterministic}", flush=True)
    elif outcome.differences:
        print(f"{outcome.name}: DIFFERS", *("  " + line for line in outcome.differences), sep="\n", flush=True)
    else:
        print(f"{outcome.name}: same over {outcome.steps} steps", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--upstream", required=True, help="python of a venv with upstream flet 0.21.2")
    parser.add_argument("--ours", default=sys.executable)
    parser.add_argument("--steps", type=int, default=10, help="actions per app at most (K)")
    parser.add_argument("--settle", type=float, default=0.8, help="seconds of silence that end a step")
    parser.add_argument("--suite", action="store_true", help="run our test apps (see suite())")
    parser.add_argument("apps", nargs="*", help="app.py or app.py:/route")
    args = parser.parse_args()
    chosen = (suite() if args.suite else []) + targets(args.apps)
    if not chosen:
        parser.error("name apps, or --suite")
    outcomes: list[Outcome] = []
    by_file: dict[Path, list[str]] = {}
    for file, route in chosen:
        by_file.setdefault(file, []).append(route)
    env = {"FLET_SERVER_PORT": "8000"}  # apps that print their own URL print the same one
    for file, routes in by_file.items():
        names = [f"{file.relative_to(ROOT) if file.is_relative_to(ROOT) else file}:{route}" for route in routes]
        try:
            with contextlib.ExitStack() as servers:
                upstream_port = servers.enter_context(served(args.upstream, file, env))
                our_port = servers.enter_context(served(args.ours, file, env))
                second: list[int] = []

                def second_upstream(
                    file: Path = file, servers: contextlib.ExitStack = servers, second: list[int] = second
                ) -> int:
                    if not second:  # started on first need, stopped with the others
                        second.append(servers.enter_context(served(args.upstream, file, env)))
                    return second[0]

                for name, route in zip(names, routes, strict=True):
                    outcome = Outcome(name)
                    try:
                        outcome.steps, outcome.nondeterministic, outcome.differences = asyncio.run(
                            run_app(
                                {"upstream": upstream_port, "ours": our_port},
                                route,
                                args.steps,
                                args.settle,
                                second_upstream,
                            )
                        )
                    except Exception as error:  # one app's failure is reported, the run goes on
                        outcome.differences = [f"the run failed: {type(error).__name__}: {error}"]
                    outcomes.append(outcome)
                    report(outcome)
        except RuntimeError as error:  # the app is no 0.21 app (it does not start on upstream) or ours fails
            for name in names:
                outcome = Outcome(name)
                if isinstance(error, ServerExited) and error.python == args.upstream:
                    outcome.nondeterministic = f"does not start on upstream ({error})"
                else:
                    outcome.differences = [str(error)]
                outcomes.append(outcome)
                report(outcome)
    compared = [o for o in outcomes if not o.nondeterministic]
    same = [o for o in compared if not o.differences]
    excluded = len(outcomes) - len(compared)
    print(f"{len(same)}/{len(compared)} apps behave identically over {args.steps} steps ({excluded} excluded)")
    return 0 if len(same) == len(compared) else 1


if __name__ == "__main__":
    sys.exit(main())
