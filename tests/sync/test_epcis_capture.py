"""EPCIS 2.0 capture and query on the reference server (issue 14): GS1's own example documents
posted to /epcis/capture are stored and come back from /epcis/events in the REST binding's
shape, beside the stations' own events; what cannot be captured is refused with a reason."""

from __future__ import annotations

import json
from urllib.parse import parse_qsl, urlsplit

import pytest
import requests

from sync.server.epcis import HEADERS
from tests.support.epcis import EXAMPLES, schema_errors
from tests.support.sync_data import enroll_station, event, seed_sample


@pytest.fixture
def api(central):
    return enroll_station(central, "ST-EPCIS")


def _examples() -> list[dict]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES]


def _events(api, **params) -> tuple[list[dict], requests.Response]:
    response = api.get("/epcis/events", params=params)
    assert response.status_code == 200, response.text
    document = response.json()
    assert document["type"] == "EPCISQueryDocument"
    assert schema_errors(document) == []
    return document["epcisBody"]["queryResults"]["resultsBody"]["eventList"], response


def test_gs1_examples_are_captured_and_returned_by_a_query(api):
    sent = []
    for document in _examples():
        response = api.post("/epcis/capture", document)
        assert response.status_code == 202, response.text
        assert response.headers["GS1-EPCIS-Version"] == HEADERS["GS1-EPCIS-Version"]
        job = api.get(response.headers["Location"]).json()
        assert job["success"] is True and job["running"] is False and job["errors"] == []
        sent += document["epcisBody"]["eventList"]
    got, _ = _events(api)
    assert len(got) == len(sent) == 5
    by_id = {e["eventID"]: e for e in got}
    for original in sent:
        back = by_id[original["eventID"]]
        # the event as captured, with the sender's prefixes kept beside it
        assert {k: v for k, v in back.items() if k != "@context"} == original
        assert back["@context"] == {"example": "http://ns.example.com/epcis/"}


def test_a_repeated_capture_stores_each_event_once(api):
    document = _examples()[0]
    for _ in range(2):
        assert api.post("/epcis/capture", document).status_code == 202
    got, _ = _events(api)
    assert len(got) == len(document["epcisBody"]["eventList"])


def test_queries_filter_by_the_standard_parameters(api):
    for document in _examples():
        assert api.post("/epcis/capture", document).status_code == 202
    dl_item = "https://id.gs1.org/01/70614141123451/21/2018"
    got, _ = _events(api, MATCH_epc=dl_item)
    assert {e["bizStep"] for e in got} == {"shipping", "receiving"}
    got, _ = _events(api, EQ_bizStep="https://ref.gs1.org/cbv/BizStep-receiving")
    assert got and {e["bizStep"] for e in got} == {"receiving"}
    got, _ = _events(api, eventType="AggregationEvent")
    assert [e["parentID"] for e in got] == ["urn:epc:id:sscc:0614141.1234567890"]
    got, _ = _events(api, MATCH_anyEPC="urn:epc:id:sscc:0614141.1234567890")
    assert len(got) == 1
    got, _ = _events(api, GE_eventTime="2005-04-04T00:00:00Z", LT_eventTime="2006-01-01T00:00:00Z")
    assert got and all("2005-04-0" in e["eventTime"] for e in got)
    got, _ = _events(api, EQ_readPoint="urn:epc:id:sgln:0012345.11111.400")
    assert {e["readPoint"]["id"] for e in got} == {"urn:epc:id:sgln:0012345.11111.400"}


def test_pages_follow_the_link_header(api):
    for document in _examples():
        assert api.post("/epcis/capture", document).status_code == 202
    seen, params = [], {"perPage": 2}
    while True:
        page, response = _events(api, **params)
        seen += [e["eventID"] for e in page]
        link = response.headers.get("Link")
        if not link:
            break
        assert link.endswith('rel="next"')
        params = dict(parse_qsl(urlsplit(link[1 : link.index(">")]).query))
    assert len(seen) == len(set(seen)) == 5


def test_station_events_are_queried_in_the_export_shape(central, api):
    sample = seed_sample(central.server, items=3)
    payload = {"action": "OBSERVE", "bizStep": "inspecting", "epcList": [sample.items[0]]}
    results = api.push([event("ST-EPCIS", 1, "ObjectEvent", payload)])
    assert results[0]["status"] == "accepted", results
    got, _ = _events(api, EQ_bizStep="inspecting")
    assert len(got) == 1
    assert got[0]["readPoint"] == {"id": "urn:yima-scan:station:ST-EPCIS"}
    assert got[0]["epcList"][0].startswith("https://id.gs1.org/01/")
    assert _events(api, EQ_bizStep="inspecting")[0] == got  # converted once, not again


def _one(**fields) -> dict:
    event = {"type": "ObjectEvent", "eventTime": "2020-01-01T00:00:00Z", "action": "ADD"}
    body = {"eventList": [{**event, "eventTimeZoneOffset": "+08:00", **fields}]}
    return {"type": "EPCISDocument", "@context": ["x:y"], "epcisBody": body}


@pytest.mark.parametrize(
    ("body", "words"),
    [
        ({"type": "ObjectEvent"}, "not an EPCISDocument"),
        ({"type": "EPCISDocument", "@context": ["x:y"], "epcisBody": {}}, "eventList"),
        (_one(eventTimeZoneOffset="+08"), "event 1: eventTimeZoneOffset"),
        (_one(eventTime="2020-01-01T00:00:00"), "has no offset"),
        (_one(epcList=["sgtin 1"]), "not a URI"),
        (_one(bizLocation="MAIN"), "bizLocation must be an object"),
    ],
)
def test_what_cannot_be_captured_is_refused_with_a_reason(api, body, words):
    response = api.post("/epcis/capture", body)
    assert response.status_code == 400
    problem = response.json()
    assert problem["type"] == "epcisException:ValidationException" and words in problem["title"]
    got, _ = _events(api)
    assert got == []


def test_capture_and_query_need_a_station_credential(central):
    anonymous = requests.post(central.url + "/epcis/capture", json=_examples()[0], timeout=30)
    assert anonymous.status_code == 401
    assert requests.get(central.url + "/epcis/events", timeout=30).status_code == 401


def test_an_unknown_query_parameter_is_refused(api):
    response = api.get("/epcis/events", params={"EQ_colour": "red"})
    assert response.status_code == 400
    assert response.json()["type"] == "epcisException:QueryParameterException"


def test_a_query_with_too_many_values_is_too_complex_not_a_database_error(api, central):
    """EPCIS 2.0's QueryTooComplexException (413), before the databases' own limit on a
    statement's parameters (SQLite's 32,766) turns a long list into a server error; the
    limit is the same however the values are spread over the list parameters."""
    from sync.server.epcis import MAX_QUERY_VALUES

    epcs = [f"urn:epc:id:sgtin:0690123.456789.{n}" for n in range(MAX_QUERY_VALUES)]
    fits = api.get("/epcis/events", params={"MATCH_epc": "|".join(epcs)})
    assert fits.status_code == 200
    spread = {"MATCH_epc": "|".join(epcs[:-1]), "EQ_bizStep": "shipping|receiving"}
    refused = api.get("/epcis/events", params=spread)
    assert refused.status_code == 413
    assert refused.json()["type"] == "epcisException:QueryTooComplexException"
    assert str(MAX_QUERY_VALUES) in refused.json()["title"]
    assert "urn:epc" not in refused.text  # nothing of the query comes back
    documented = requests.get(central.url + "/openapi.json", timeout=30).json()
    assert {"400", "413"} <= set(documented["paths"]["/epcis/events"]["get"]["responses"])


def _inspect(n: int, key: str) -> dict:
    return event("ST-EPCIS", n, "ObjectEvent", {"action": "OBSERVE", "bizStep": "inspecting", "epcList": [key]})  # fmt: skip


def test_station_events_reach_the_query_in_batches_each_once(central, api, monkeypatch):
    from sync.server import epcis

    monkeypatch.setattr(epcis, "_CONVERT_BATCH", 2)
    sample = seed_sample(central.server, items=5)
    pushed = [_inspect(n, key) for n, key in enumerate(sample.items, start=1)]
    assert {r["status"] for r in api.push(pushed)} == {"accepted"}
    got, _ = _events(api)
    assert sorted(e["eventID"] for e in got) == sorted(f"urn:uuid:{e['event_id']}" for e in pushed)
    assert api.push([_inspect(6, sample.cases[0])])[0]["status"] == "accepted"
    assert len(_events(api)[0]) == 6
