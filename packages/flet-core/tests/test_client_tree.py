"""The client-side tree applies messages as the 0.21.2 client does, and rejects what it would."""

from __future__ import annotations

import pytest

from flet_core import protocol
from flet_core.client_tree import ClientTree
from flet_core.errors import ClientRejectedError


def view(i: str, at: str | None = None) -> dict[str, object]:
    wire: dict[str, object] = {"t": "view", "i": i, "p": "page", "c": []}
    if at is not None:
        wire["at"] = at
    return wire


def test_add_links_roots_at_their_index_and_keeps_old_children() -> None:
    tree = ClientTree()
    tree.apply(protocol.add_controls([view("_1")]))
    tree.apply(protocol.add_controls([view("_2", at="0")]))
    assert tree["page"]["c"] == ["_2", "_1"]
    tree.apply(protocol.add_controls([{"t": "text", "i": "_3", "p": "_1", "c": []}]))
    tree.apply(protocol.add_controls([{"t": "view", "i": "_1", "p": "page", "c": [], "x": "y"}]))
    assert tree["_1"]["c"] == ["_3"] and tree["_1"]["x"] == "y"


def test_a_failing_batch_is_lost_whole() -> None:
    tree = ClientTree()
    with pytest.raises(ClientRejectedError):
        tree.apply(protocol.batch([protocol.add_controls([view("_1")]), protocol.remove_controls(["_9"])]))
    assert tree["page"]["c"] == []


@pytest.mark.parametrize(
    "message",
    [
        protocol.add_controls([{"t": "text", "i": "_1", "p": "nope", "c": []}]),
        protocol.add_controls([{"t": "text", "i": "_1", "p": "page"}]),
        protocol.add_controls([{"t": "text", "i": "_1", "p": "page", "c": [], "size": 30}]),
        protocol.add_controls([{"t": "text", "i": "_1", "p": "page", "c": [], "at": "5"}]),
        protocol.update_props([{"i": "page", "title": None}]),  # type: ignore[dict-item]  # what the client rejects
        protocol.clean_controls(["_7"]),
    ],
)
def test_messages_the_client_would_drop_are_rejected(message: dict[str, object]) -> None:
    with pytest.raises(ClientRejectedError):
        ClientTree().apply(message)


def test_update_of_unknown_id_is_ignored_and_empty_string_deletes() -> None:
    tree = ClientTree()
    tree.apply(protocol.update_props([{"i": "_42", "x": "1"}, {"i": "page", "title": "t"}]))
    assert tree["page"]["title"] == "t"
    tree.apply(protocol.update_props([{"i": "page", "title": ""}]))
    assert "title" not in tree["page"]


def test_registration_replaces_the_whole_map() -> None:
    tree = ClientTree()
    tree.apply(protocol.add_controls([view("_1")]))
    tree.apply(protocol.register_response("abc", {"page": {"t": "page", "i": "page", "p": "", "c": []}}))
    assert tree.session_id == "abc" and list(tree.controls) == ["page"]
