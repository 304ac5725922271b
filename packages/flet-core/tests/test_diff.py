"""The update engine: what the client ends up holding always equals a fresh render of the model.

The property test drives the engine directly, on bare controls and an
:class:`~flet_core._update_state.UpdateState` (no ``Page``); the examples go through a page.
"""

from __future__ import annotations

import dataclasses
import gc
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flet_core import protocol
from flet_core._fields import control, prop, slot
from flet_core._update_state import UpdateState
from flet_core.client_tree import ClientTree
from flet_core.connection import InMemoryConnection
from flet_core.control import Control
from flet_core.diff import compute_update, render_tree
from flet_core.errors import FletError
from flet_core.page import Page


@control("box")
class Box(Control):
    label: str | None = None
    size: int | None = None
    style: Any = prop(default=None, json=True)
    content: Control | None = slot(n="content")
    controls: list[Control] = slot(many=True)


@control("page")
class Root(Control):
    """A bare root control: the client tree starts with a ``page`` node, so it is typed ``page``."""

    controls: list[Control] = slot(many=True)


@dataclasses.dataclass
class Style:
    color: str | None = None
    weight: int | None = None


def new_page() -> tuple[Page, InMemoryConnection]:
    conn = InMemoryConnection()
    page = Page(conn, session_id="s")
    conn.register(page)
    return page, conn


def assert_client_matches(page: Page, conn: InMemoryConnection) -> None:
    assert conn.client.controls == render_tree(page)
    assert set(page.index) == set(conn.client.controls)


def test_insert_at_counts_slot_children() -> None:
    page, conn = new_page()
    box = Box(content=Box(label="c"), controls=[Box(label="a")])
    page.add(box)
    box.controls.insert(0, Box(label="zero"))
    box.update()
    add = conn.messages[-1]["payload"][0]
    assert add["action"] == "addPageControls"
    # the content child comes first in `c`, so list index 0 is wire index 1
    assert add["payload"]["controls"][0]["at"] == "1"
    assert_client_matches(page, conn)


def test_an_attribute_named_at_gives_way_to_the_insertion_index() -> None:
    page, conn = new_page()
    page.add(Box(label="a"))
    box = Box(label="b")
    box._set_attr("at", "x")  # noqa: SLF001  # 0.21's raw attribute API, as custom controls use it
    page.add(box)
    assert conn.frames[-1].count('"at":') == 1
    assert conn.messages[-1]["payload"][0]["payload"]["controls"][0]["at"] == "1"
    assert "at" not in conn.client.controls[box.uid or ""]


def test_an_update_leaves_the_cyclic_collector_as_it_was() -> None:
    page, conn = new_page()
    assert gc.isenabled()
    page.add(Box(label="on"))
    assert gc.isenabled()
    gc.disable()
    try:
        page.add(Box(label="off"))
        assert not gc.isenabled()
    finally:
        gc.enable()
    assert_client_matches(page, conn)


def test_unchanged_assignment_sends_nothing() -> None:
    page, conn = new_page()
    box = Box(label="x")
    page.add(box)
    sent = len(conn.frames)
    box.label = "x"
    page.update()
    assert len(conn.frames) == sent


def test_value_set_and_reset_before_update_sends_nothing() -> None:
    page, conn = new_page()
    box = Box(label="x")
    page.add(box)
    sent = len(conn.frames)
    box.label = "y"
    box.label = "x"
    page.update()
    assert len(conn.frames) == sent


def test_none_clears_attribute_with_empty_string() -> None:
    page, conn = new_page()
    box = Box(label="x")
    page.add(box)
    box.label = None
    page.update()
    assert conn.messages[-1]["payload"] == [
        {"action": "updateControlProps", "payload": {"props": [{"i": box.uid, "label": ""}]}}
    ]
    assert "label" not in conn.client[box.uid or ""]


def test_in_place_mutation_of_a_value_object_is_sent() -> None:
    page, conn = new_page()
    style = Style(color="red")
    box = Box(style=style)
    page.add(box)
    style.weight = 700
    page.update()
    assert conn.client[box.uid or ""]["style"] == '{"color":"red","weight":700}'


def test_callers_own_list_stays_in_step() -> None:
    page, conn = new_page()
    items: list[Control] = [Box(label="a")]
    box = Box(controls=items)
    page.add(box)
    items.append(Box(label="b"))  # 0.21 apps append to the list they passed in
    box.update()
    assert [conn.client[c]["label"] for c in conn.client[box.uid or ""]["c"]] == ["a", "b"]
    box.controls.append(Box(label="c"))
    assert len(items) == 3
    page.update()
    assert_client_matches(page, conn)


def test_moving_a_control_under_a_scoped_update() -> None:
    page, conn = new_page()
    moved = Box(label="m", controls=[Box(label="inner")])
    left, right = Box(controls=[moved]), Box()
    page.add(left, right)
    left.controls.remove(moved)
    right.controls.append(moved)
    right.update()  # only `right` is in scope: the old place must still be cleared
    assert conn.client[moved.uid or ""]["p"] == right.uid
    page.update()
    assert_client_matches(page, conn)


def test_isolated_controls_keep_their_subtree_for_their_own_update() -> None:
    @control("box")
    class Island(Box):
        def is_isolated(self) -> bool:
            return True

    page, conn = new_page()
    inner = Box(label="a")
    island = Island(label="x", controls=[inner])
    page.add(island)
    island.label = "y"  # its own attributes go with the ancestors' updates (as in 0.21)
    inner.label = "b"  # its subtree waits for island.update()
    island.controls.append(Box(label="new"))
    page.update()
    assert conn.client[island.uid or ""]["label"] == "y"
    assert conn.client[inner.uid or ""]["label"] == "a"
    assert len(conn.client[island.uid or ""]["c"]) == 1
    island.update()
    assert conn.client[inner.uid or ""]["label"] == "b"
    assert len(conn.client[island.uid or ""]["c"]) == 2
    assert_client_matches(page, conn)


def test_in_place_changes_are_sent_only_by_updates_that_cover_them() -> None:
    # the engine compares watched values and callers' lists before it asks whether the update
    # covers their control: the answer must be the same as asking first
    @control("box")
    class Island(Box):
        def is_isolated(self) -> bool:
            return True

    page, conn = new_page()
    style, items = Style(color="red"), [Box(label="a")]
    inner = Box(style=style, controls=items)
    island = Island(controls=[inner])
    outside_style = Style(color="blue")
    outside = Box(style=outside_style)
    page.add(island, outside)
    style.weight = 700
    items.append(Box(label="b"))
    outside_style.weight = 100
    sent = len(conn.frames)
    page.update()  # covers `outside` only: the island's subtree waits for island.update()
    assert conn.client[outside.uid or ""]["style"] == '{"color":"blue","weight":100}'
    assert conn.client[inner.uid or ""]["style"] == '{"color":"red"}'
    assert len(conn.client[inner.uid or ""]["c"]) == 1
    outside.update()  # covers nothing of the island either
    assert conn.client[inner.uid or ""]["style"] == '{"color":"red"}'
    island.update()
    assert conn.client[inner.uid or ""]["style"] == '{"color":"red","weight":700}'
    assert [conn.client[c]["label"] for c in conn.client[inner.uid or ""]["c"]] == ["a", "b"]
    assert len(conn.frames) == sent + 2
    page.update()  # nothing left to send
    assert len(conn.frames) == sent + 2
    assert_client_matches(page, conn)


def test_lifecycle_hooks_and_build_once() -> None:
    calls: list[str] = []

    @control("box")
    class Hooked(Box):
        def build(self) -> None:
            calls.append("build")
            self.controls.append(Box(label="built"))

        def did_mount(self) -> None:
            calls.append("mount")

        def will_unmount(self) -> None:
            calls.append("unmount")

    page, conn = new_page()
    hooked = Hooked()
    page.add(hooked)
    page.remove(hooked)
    assert hooked.page is None
    page.add(hooked)  # re-adding does not build again (upstream defect #27)
    assert calls == ["build", "mount", "unmount", "mount"]
    assert len(hooked.controls) == 1
    assert_client_matches(page, conn)


def test_before_update_runs_on_every_update() -> None:
    @control("box")
    class Derived(Box):
        def __init__(self) -> None:
            super().__init__()
            self.selected = False

        def before_update(self) -> None:
            self.label = "on" if self.selected else "off"

    page, conn = new_page()
    derived = Derived()
    page.add(derived)
    derived.selected = True  # a plain attribute: only before_update turns it into a change
    derived.update()
    assert conn.client[derived.uid or ""]["label"] == "on"


def test_clean_sends_clean_control_standalone() -> None:
    page, conn = new_page()
    box = Box(controls=[Box(), Box()])
    page.add(box)
    box.clean()
    assert conn.messages[-1] == {"action": "cleanControl", "payload": {"ids": [box.uid]}}
    assert box.controls == []
    assert_client_matches(page, conn)


# -- property test ----------------------------------------------------------------------------

POOL = 8


def _detach(item: Control) -> None:
    parent = item.parent
    if parent is None:
        return
    if any(c is item for c in getattr(parent, "controls", [])):
        parent.controls.remove(item)  # type: ignore[attr-defined]  # boxes and views
    elif getattr(parent, "content", None) is item:
        parent.content = None  # type: ignore[attr-defined]  # boxes


def _ancestors(item: Control) -> list[Control]:
    out = []
    node: Control | None = item
    while node is not None:
        out.append(node)
        node = node.parent
    return out


operation = st.tuples(
    st.sampled_from(
        [
            "label",
            "size",
            "style",
            "append",
            "insert",
            "pop",
            "clear",
            "assign",
            "content",
            "reverse",
            "slice",
            "update",
        ]
    ),
    st.integers(0, POOL - 1),
    st.integers(0, POOL - 1),
    st.integers(0, 5),
)


def test_controls_ask_the_page_through_the_state() -> None:
    # clean() and client method calls go to what the page passed to its UpdateState
    root, box = Root(), Box(label="b")
    cleaned: list[Control] = []
    conn = InMemoryConnection()
    state = UpdateState(root, clean=cleaned.append, connection_for_calls=lambda: conn)
    root.controls.append(box)
    compute_update(state)
    box.clean()
    box.invoke_method("focus")
    assert cleaned == [box]
    assert [(call.control_id, call.name) for call in conn.calls] == [(box.uid, "focus")]


def test_a_bare_state_has_no_page_to_ask() -> None:
    root, box = Root(), Box(label="b")
    state = UpdateState(root)
    root.controls.append(box)
    compute_update(state)
    with pytest.raises(FletError, match="no page sends the updates of this control tree"):
        box.clean()
    with pytest.raises(FletError, match="no page sends the updates of this control tree"):
        box.invoke_method("focus")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(operation, min_size=1, max_size=40))
def test_random_changes_keep_the_client_equal_to_the_model(ops: list[tuple[str, int, int, int]]) -> None:
    root = Root()
    state = UpdateState(root)
    client = ClientTree()

    def update(*roots: Control) -> None:
        # what Page.update() does around the engine: send the batch, then unlink what left
        result = compute_update(state, roots or None)
        for message in result.messages:  # written by hand: exactly what json.dumps writes for it
            assert protocol.encode(json.loads(message)) == message
        if result.messages:
            client.apply_frame(protocol.batch_frame(result.messages))
        for gone in result.unmounted:
            state.forget(gone)

    boxes = [Box(label=f"b{i}") for i in range(POOL)]
    root.controls.append(boxes[0])
    update()
    for name, a, b, n in ops:
        target, other = boxes[a], boxes[b]
        if name == "label":
            target.label = None if n == 0 else f'l{n} "é\\\ud800'  # escapes on the wire
        elif name == "size":
            target.size = n or None
        elif name == "style":
            target.style = Style(color=f"c{n}") if n else None
        elif name == "content" or name in ("append", "insert", "assign", "slice"):
            if other in _ancestors(target):
                continue
            _detach(other)
            if name == "content":
                old = target.content
                target.content = other
                assert old is None or old is other or old.parent is None
            elif name == "append":
                target.controls.append(other)
            elif name == "insert":
                target.controls.insert(n, other)
            elif name == "assign":
                for item in list(target.controls):
                    _detach(item)
                target.controls = [other]
            else:
                target.controls[0:n] = [other]
        elif name == "pop" and target.controls:
            target.controls.pop(n % len(target.controls))
        elif name == "clear":
            target.controls.clear()
        elif name == "reverse":
            target.controls.reverse()
        elif name == "update" and target.page is not None:
            update(target)
    update()
    assert client.controls == render_tree(root)
    assert set(state.index) == set(client.controls)
    assert client.controls == state.tree.controls
    for box in boxes:
        assert (box.page is root) == (box.uid in client.controls)


@control("box")
class _Island(Box):
    def is_isolated(self) -> bool:
        return True


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 11), st.booleans()), min_size=12, max_size=12),
    st.none() | st.lists(st.integers(0, 12), max_size=3),
)
def test_the_scope_of_one_pending_control_is_the_cached_one(shape: list[tuple[int, bool]], roots: Any) -> None:
    # an update claims a lone pending control with a walk up from it, several through the
    # _Scopes cache: both must say the same for every control, isolated ancestors included
    from flet_core._update_state import record
    from flet_core.diff import _scope, _Scopes

    root = Root()
    nodes: list[Control] = [root]
    for index, (parent, isolated) in enumerate(shape):
        node = (_Island if isolated else Box)()
        owner = nodes[parent % len(nodes)] if parent < 10 else None  # some are off the tree
        if owner is not None:
            owner.controls.append(node)
        nodes.append(node)
        assert len(nodes) == index + 2
    chosen = None if roots is None else [nodes[i] for i in roots]
    scopes = _Scopes(root, chosen)
    for node in nodes:
        assert scopes.of(node, record(node)) == _scope(node, root, chosen)
