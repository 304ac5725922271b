"""ClientStorage over the in-memory connection: the calls it makes and how it reads answers."""

from __future__ import annotations

import json

import pytest

from flet_core.client_storage import ClientStorage
from flet_core.connection import InMemoryConnection
from flet_core.errors import FletTypeError
from flet_core.page import Page


def storage_page() -> tuple[ClientStorage, InMemoryConnection]:
    conn = InMemoryConnection()
    page = Page(conn, "s")
    return ClientStorage(page), conn


def test_set_encodes_the_value_as_json() -> None:
    storage, conn = storage_page()
    conn.answers["clientStorage:set"] = "true"
    assert storage.set("k", {"a": 1, "b": [True, None]})
    assert conn.calls[-1].arguments == {"key": "k", "value": '{"a":1,"b":[true,null]}'}
    with pytest.raises(FletTypeError, match="got None"):
        storage.set("k", None)


def test_get_decodes_twice_as_the_client_answers() -> None:
    storage, conn = storage_page()
    conn.answers["clientStorage:get"] = json.dumps(json.dumps({"a": 1, "b": "x"}))
    assert storage.get("k1") == {"a": 1, "b": "x"}
    conn.answers["clientStorage:get"] = None
    assert storage.get("nope") is None


def test_other_methods() -> None:
    storage, conn = storage_page()
    conn.answers.update(
        {
            "clientStorage:containskey": "true",
            "clientStorage:getkeys": '["k1","k2"]',
            "clientStorage:remove": "false",
            "clientStorage:clear": "true",
        }
    )
    assert storage.contains_key("k1") is True
    assert storage.get_keys("k") == ["k1", "k2"]
    assert conn.calls[-1].arguments == {"key_prefix": "k"}
    assert storage.remove("x") is False
    assert storage.clear() is True
    assert conn.calls[-1].arguments == {}
    assert all(call.wait and call.control_id == "" for call in conn.calls)


def test_no_answer_is_a_timeout() -> None:
    storage, _ = storage_page()
    with pytest.raises(TimeoutError):
        storage.get("k")
