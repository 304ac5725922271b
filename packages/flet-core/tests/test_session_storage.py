"""SessionStorage: per-session values on the server."""

from __future__ import annotations

import pytest

from flet_core.session_storage import SessionStorage


def test_set_get_keys_remove_clear() -> None:
    storage = SessionStorage()
    storage.set("b", [1])
    storage.set("a", {"x": 1})
    assert storage.get("a") == {"x": 1}
    assert storage.get("missing") is None
    assert storage.contains_key("b") and not storage.contains_key("c")
    assert storage.get_keys() == ["b", "a"]
    storage.remove("b")
    assert storage.get_keys() == ["a"]
    with pytest.raises(KeyError):
        storage.remove("b")  # 0.21 behaviour, kept
    storage.clear()
    assert storage.get_keys() == []
