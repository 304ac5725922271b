"""Frames in both directions, against frames captured from the real 0.21.2 client."""

from __future__ import annotations

import json

import pytest

from flet_core import protocol
from flet_core.encoding import as_json, as_plain
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


def test_value_encoding_rules() -> None:
    assert as_plain(True) == "true" and as_plain(100) == "100" and as_plain(200.5) == "200.5"
    assert as_plain(None) is None
    assert as_json("abc") == '"abc"' and as_json({"sm": 0.5}) == '{"sm":0.5}' and as_json(0.5) == "0.5"
    assert as_json([0.5, 0.5]) == "[0.5,0.5]"
