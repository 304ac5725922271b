"""One finder for every test harness: criteria, page order, hidden controls, the root, texts."""

from __future__ import annotations

import re

from flet_core import client_query, protocol
from flet_core.client_tree import ClientTree


def screen() -> ClientTree:
    """page > view _1 > column _2 > [text _3 "Hello", textfield _4 (value "Hello", hidden), text _5 key "k"]."""
    tree = ClientTree()
    tree.apply(
        protocol.add_controls(
            [
                {"t": "view", "i": "_1", "p": "page", "c": ["_2"]},
                {"t": "column", "i": "_2", "p": "_1", "c": ["_3", "_4", "_5"]},
                {"t": "text", "i": "_3", "p": "_2", "c": [], "value": "Hello"},
                {
                    "t": "textfield",
                    "i": "_4",
                    "p": "_2",
                    "c": [],
                    "label": "Name",
                    "value": "Hello",
                    "visible": "false",
                },
                {"t": "text", "i": "_5", "p": "_2", "c": [], "key": "k", "value": "Hello world"},
            ]
        )
    )
    return tree


def ids(nodes: list[dict[str, object]]) -> list[object]:
    return [node["i"] for node in nodes]


def test_find_keeps_page_order_and_skips_hidden_controls_unless_asked() -> None:
    tree = screen()
    assert ids(client_query.find(tree, text="Hello")) == ["_3"]
    assert ids(client_query.find(tree, text="Hello", hidden=True)) == ["_3", "_4"]
    assert ids(client_query.find(tree, type="text")) == ["_3", "_5"]


def test_find_criteria_all_hold() -> None:
    tree = screen()
    assert ids(client_query.find(tree, contains="world")) == ["_5"]
    assert ids(client_query.find(tree, text=re.compile("^Hel"), key="k")) == ["_5"]
    assert ids(client_query.find(tree, text="Name", hidden=True)) == ["_4"]
    assert client_query.find(tree, text="Name", hidden=True, attrs=("value", "text")) == []
    assert ids(client_query.find(tree, where=lambda node: node["t"] == "column")) == ["_2"]


def test_find_counts_the_root_only_when_asked() -> None:
    tree = screen()
    assert ids(client_query.find(tree, "_2", type="column")) == []
    assert ids(client_query.find(tree, "_2", type="column", include_root=True)) == ["_2"]
    assert ids(client_query.find(tree, type="page", include_root=True)) == ["page"]


def test_hidden_reason_and_walk_say_why_a_control_is_not_shown() -> None:
    tree = screen()
    assert client_query.hidden_reason(tree, tree["_4"]) == "visible=false"
    visits = {v.node["i"]: v for v in client_query.walk(tree, hidden=True)}
    assert not visits["_4"].shown and visits["_3"].shown and visits["_3"].depth == 3


def test_texts_every_attribute_or_the_first_one() -> None:
    tree = screen()
    assert client_query.texts(tree) == ["Hello", "Hello world"]
    assert client_query.texts(tree, hidden=True) == ["Hello", "Hello", "Name", "Hello world"]
    assert client_query.texts(tree, hidden=True, attrs=("label", "value"), first_only=True) == [
        "Hello",
        "Name",
        "Hello world",
    ]
    assert client_query.texts(tree, type="textfield", hidden=True) == ["Hello", "Name"]
