"""Frames in both directions, against frames captured from the real 0.21.2 client."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from flet_core import protocol
from flet_core.encoding import as_json, as_plain, dumps
from flet_core.errors import ProtocolError

REGISTER = (
    '{"action":"registerWebClient","payload":{"pageName":"","pageRoute":"/","pageWidth":"800","pageHeight":"457",'
    '"windowWidth":"","windowHeight":"","windowTop":"","windowLeft":"","isPWA":"false","isWeb":"true",'
    '"isDebug":"false","platform":"android","platformBrightness":"light","media":"{}","sessionId":""}}'
)


def test_registration_request_is_parsed() -> None:
    request = protocol.decode_client_frame(REGISTER)
    assert isinstance(request, protocol.RegisterRequest)
    assert request.page_route == "/" and request.page_width == "800" and request.session_id == ""
    assert request.page_attrs()["platformbrightness"] == "light"


def test_null_session_id_is_accepted() -> None:
    frame = json.loads(REGISTER)
    frame["payload"]["sessionId"] = None
    request = protocol.decode_client_frame(json.dumps(frame))
    assert isinstance(request, protocol.RegisterRequest) and request.session_id == ""


def test_events_and_props_are_parsed() -> None:
    event = protocol.decode_client_frame(
        '{"action":"pageEventFromWeb","payload":{"eventTarget":"_5","eventName":"click","eventData":""}}'
    )
    assert event == protocol.PageEvent("_5", "click", "")
    props = protocol.decode_client_frame(
        '{"action":"updateControlProps","payload":{"props":[{"i":"_4","value":"5-1"}]}}'
    )
    assert props == protocol.UpdateProps([{"i": "_4", "value": "5-1"}])


@pytest.mark.parametrize(
    "frame",
    [
        "not json",
        "[]",
        '{"action":"registerWebClient","payload":[]}',
        '{"action":"nope","payload":{}}',
        '{"action":"pageEventFromWeb","payload":{"eventName":"click"}}',
        '{"action":"updateControlProps","payload":{"props":[{"value":"x"}]}}',
        '{"action":"updateControlProps","payload":{"props":"x"}}',
    ],
)
def test_malformed_frames_raise_protocol_error(frame: str) -> None:
    with pytest.raises(ProtocolError):
        protocol.decode_client_frame(frame)


def test_server_frames_are_compact_and_ascii_escaped() -> None:
    frame = protocol.encode(protocol.update_props([{"i": "_1", "value": "é"}]))
    assert frame == '{"action":"updateControlProps","payload":{"props":[{"i":"_1","value":"\\u00e9"}]}}'
    assert json.loads(protocol.encode(protocol.register_response(None, None, error="x")))["payload"] == {
        "session": None,
        "appInactive": False,
        "error": "x",
    }


def test_the_desktop_answer_writes_the_page_as_upstreams_socket_path_does() -> None:
    page = {"t": "page", "i": "page", "p": "", "c": ["_1"], "route": "/", "pwa": "false", "web": "false"}
    page |= {"platformbrightness": "dark", "media": "{}", "width": "800", "height": "600", "title": "T"}
    controls = {"page": page, "_1": {"t": "view", "i": "_1", "p": "page", "c": []}}
    frame = protocol.encode(protocol.desktop_register_response("", controls))
    assert frame == (
        '{"action":"registerWebClient","payload":{"session":{"id":"","controls":{"page":{"i":"page","t":"page",'
        '"p":"","c":["_1"],"route":"/","width":"800","height":"600","pwa":"false","web":"false",'
        '"platformBrightness":"dark","media":"{}","title":"T"},"_1":{"t":"view","i":"_1","p":"page","c":[]}}},'
        '"error":"","appInactive":false}}'
    )
    assert "platformbrightness" in controls["page"]  # the tree given is left as it was


def test_value_encoding_rules() -> None:
    assert as_plain(True) == "true" and as_plain(100) == "100" and as_plain(200.5) == "200.5"
    assert as_plain(None) is None
    assert as_json("abc") == '"abc"' and as_json({"sm": 0.5}) == '{"sm":0.5}' and as_json(0.5) == "0.5"
    assert as_json([0.5, 0.5]) == "[0.5,0.5]"


# -- the hand-written encoders write exactly what json.dumps writes ------------------------------

# every code point, lone surrogates included: the escaping must match json's for all of them
any_text = st.text(st.characters(codec=None, exclude_categories=()), max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | any_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(any_text, inner, max_size=3),
    max_leaves=8,
)


def _reference(data: Any) -> str:
    return json.dumps(data, separators=(",", ":"))


@settings(max_examples=300)
@given(json_values)
def test_dumps_is_compact_ascii_json(data: Any) -> None:
    assert dumps(data) == _reference(data)


@settings(max_examples=300)
@given(any_text, st.dictionaries(any_text, any_text, max_size=4))
def test_update_props_text_is_the_encoded_message(control_id: str, changes: dict[str, str]) -> None:
    assert protocol.update_props_text(control_id, changes) == _reference(
        protocol.update_props([{"i": control_id, **changes}])
    )


wire_controls = st.dictionaries(
    any_text,
    any_text | st.lists(any_text, max_size=3) | json_values,
    max_size=6,
)


@settings(max_examples=300)
@given(st.lists(wire_controls, max_size=6))  # up to 3 written by hand, more through json
def test_add_controls_text_is_the_encoded_message(controls: list[dict[str, Any]]) -> None:
    assert protocol.add_controls_text(controls) == _reference(protocol.add_controls(controls))


@settings(max_examples=100)
@given(st.lists(st.dictionaries(any_text, json_values, max_size=3), max_size=4))
def test_batch_frame_is_the_encoded_batch(messages: list[dict[str, Any]]) -> None:
    assert protocol.batch_frame([_reference(m) for m in messages]) == _reference(protocol.batch(messages))


def test_an_attribute_named_i_replaces_the_id_as_in_the_message_dict() -> None:
    assert protocol.update_props_text("_1", {"value": "a", "i": "x"}) == (
        '{"action":"updateControlProps","payload":{"props":[{"i":"x","value":"a"}]}}'
    )


# -- event frames: the regex fast path decodes exactly what json.loads reads ---------------------


def _event_by_json(frame: str) -> protocol.PageEvent:
    """The reference: an event frame read with json.loads."""
    try:
        payload = json.loads(frame)["payload"]
    except ValueError:
        raise ProtocolError("not JSON") from None
    return protocol.PageEvent(payload["eventTarget"], payload["eventName"], payload["eventData"])


def _raw_event_frame(target: str, name: str, data: str, separator: str) -> str:
    # the values pasted in unescaped: quotes, backslashes and control characters make it invalid
    comma, colon = "," + separator, ":" + separator
    members = comma.join(
        f'"{key}"{colon}"{value}"' for key, value in (("eventTarget", target), ("eventName", name), ("eventData", data))
    )
    return f'{{"action"{colon}"pageEventFromWeb"{comma}"payload"{colon}{{{members}}}}}'


@settings(max_examples=400)
@given(any_text, any_text, any_text, st.sampled_from(["", " ", "  ", "\t", "\n"]))
def test_event_frames_decode_as_json_reads_them(target: str, name: str, data: str, separator: str) -> None:
    message = {"action": "pageEventFromWeb", "payload": {"eventTarget": target, "eventName": name, "eventData": data}}
    frames = [
        _raw_event_frame(target, name, data, separator),  # mostly the fast path (or invalid JSON)
        json.dumps(message),
        dumps(message),
    ]
    for frame in frames:
        try:
            expected = _event_by_json(frame)
        except ProtocolError:
            with pytest.raises(ProtocolError):
                protocol.decode_client_frame(frame)
        else:
            assert protocol.decode_client_frame(frame) == expected


@pytest.mark.parametrize(
    "frame",
    [
        '{"action":"pageEventFromWeb","payload":{"eventTarget":"_5","eventName":"click","eventData":"a\nb"}}',
        '{"action":"pageEventFromWeb","payload":{"eventTarget":"_5","eventName":"click","eventData":"}}"}}}',
        '{"action":"pageEventFromWeb","payload":{"eventTarget":"_5","eventName":"click","eventData":""}}}',
        '{"action":"pageEventFromWeb","payload":{"eventTarget":"_5","eventName":"click","eventData":""}} x',
        '{"action":"pageEventFromWeb","payload":{"eventTarget":"_5","eventData":""}}',
        '\ufeff{"action":"pageEventFromWeb","payload":{"eventTarget":"_5","eventName":"click","eventData":""}}',
    ],
)
def test_malformed_event_frames_raise_protocol_error(frame: str) -> None:
    with pytest.raises(ProtocolError):
        protocol.decode_client_frame(frame)


def test_event_frames_in_other_shapes_take_the_general_path() -> None:
    expected = protocol.PageEvent("_5", "click", 'x"y')
    for frame in [
        '{"payload":{"eventName":"click","eventTarget":"_5","eventData":"x\\"y"},"action":"pageEventFromWeb"}',
        ' {"action" : "pageEventFromWeb" , "payload" : '
        '{"eventTarget":"\\u005f5","eventName":"click","eventData":"x\\"y"}} ',
    ]:
        assert protocol.decode_client_frame(frame) == expected
