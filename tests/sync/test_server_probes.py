"""The server probed again from outside, beyond /v1/events (issue 13, a second pair of eyes):
EPCIS capture and query, the console's pages and login, nesting, NUL and out-of-range values on
both databases. A bad value is a client error with a reason in plain words, never a 500 (a
station retries a 5xx forever), never a traceback, never the input sent back.

Each test here failed on the server before the fix it names; the last ones record what was
probed and found sound."""

from __future__ import annotations

import base64
import copy
import hashlib
import json
import threading

import pytest
import requests

from app.domain.rules.evidence import MAX_PHOTOS_PER_CASE
from sync.server import admin
from sync.server.console import accounts
from tests.support.epcis import EXAMPLES
from tests.support.sync_data import Api, enroll_station, seed_sample, ship
from tests.support.sync_data import event as event_of

PASSWORD = "correct horse battery"
DEEP = "[" * 100_000 + "]" * 100_000  # deeper than any JSON reader's recursion


def _document() -> dict:
    return json.loads(EXAMPLES[0].read_text(encoding="utf-8"))


def _with(change) -> dict:
    """GS1's first example document with its first event changed by ``change``."""
    document = _document()
    change(document["epcisBody"]["eventList"][0])
    return document


def _set(name: str, value: object):
    return lambda event: event.__setitem__(name, value)


def _no_server_error(answer: requests.Response, *forbidden: str) -> None:
    assert answer.status_code < 500, answer.text
    assert "Traceback" not in answer.text
    for text in forbidden:
        assert text not in answer.text


def _capture(api, body: str) -> requests.Response:
    return api.session.post(api.url + "/epcis/capture", data=body, timeout=30,
                            headers={"Content-Type": "application/json"})  # fmt: skip


def test_a_capture_the_database_cannot_store_is_refused_with_a_reason(central):
    """PostgreSQL refused a NUL in eventID, bizStep or an EPC (500); both databases failed on a
    lone surrogate (500) and on a time that leaves the calendar when put in UTC (500)."""
    api = enroll_station(central, "st-1")
    bodies = {
        "nul id": json.dumps(_with(_set("eventID", "ni:x\x00"))),
        "nul step": json.dumps(_with(_set("bizStep", "shipping\x00"))),
        "nul epc": json.dumps(_with(_set("epcList", ["urn:epc:id:sgtin:0614141.107346.1\x00"]))),
        "nul extension": json.dumps(_with(_set("example:note", "a\x00b"))),
        "surrogate id": json.dumps(_with(_set("eventID", "ni:SURR"))).replace("SURR", "\\ud800"),
        "surrogate text": json.dumps(_with(_set("example:n", "SURR"))).replace("SURR", "\\udc00"),
        "not finite": json.dumps(_with(_set("example:n", "NANX"))).replace('"NANX"', "NaN"),
        "off the calendar": json.dumps(_with(_set("eventTime", "9999-12-31T23:59:59-23:59"))),
        "nested": json.dumps(_with(_set("example:deep", "DEEP"))).replace('"DEEP"', DEEP),
        "nested document": DEEP,
    }
    for name, body in bodies.items():
        answer = _capture(api, body)
        assert answer.status_code == 400, (name, answer.text)
        problem = answer.json()
        assert problem["type"] == "epcisException:ValidationException", name
        _no_server_error(answer, "\\u0000", "\\ud800", "\\udc00", "[[[[")
    assert _capture(api, json.dumps(_document())).status_code == 202  # the rest still captures


def test_a_refused_capture_names_the_field_not_the_value(central):
    """The refusal repeated the whole offending value (a 100 kB type or URI came back)."""
    api = enroll_station(central, "st-1")
    secret = "Q" * 100_000
    for change in (_set("type", secret), _set("epcList", [secret]), _set("eventTime", secret),
                   _set("readPoint", {"id": secret})):  # fmt: skip
        answer = _capture(api, json.dumps(_with(change)))
        assert answer.status_code == 400 and "QQQQ" not in answer.text, answer.text[:200]
        assert answer.json()["title"].startswith("Not captured: event 1")
    answer = api.get("/epcis/events", params={"GE_eventTime": secret})
    assert answer.status_code == 400 and "QQQQ" not in answer.text
    assert "GE_eventTime" in answer.json()["title"]


def _token(value: object) -> str:
    return base64.urlsafe_b64encode(json.dumps(value).encode()).decode()


def test_an_epcis_query_with_a_bad_value_is_a_client_error(central):
    """A NUL in a query parameter or the capture job's id (PostgreSQL), a page token holding
    numbers, lists or a NUL, and a time before year 1 in UTC each answered 500."""
    api = enroll_station(central, "st-1")
    for params in (
        {"EQ_action": "ADD\x00"},
        {"MATCH_epc": "urn:epc:id:sgtin:0614141.107346.1\x00"},
        {"nextPageToken": _token([1, 2])},
        {"nextPageToken": _token([[1], [2]])},
        {"nextPageToken": _token([10**30, "x"])},
        {"nextPageToken": _token(["2020-01-01T00:00:00.000000Z\x00", "x"])},
        {"nextPageToken": _token({"a": 1})},
        {"GE_eventTime": "0001-01-01T00:00:00+23:59"},
    ):
        answer = api.get("/epcis/events", params=params)
        assert 400 <= answer.status_code < 500, (params, answer.text)
        _no_server_error(answer)
    answer = api.get("/epcis/capture/job%00x")
    assert answer.status_code == 422 and answer.json()["error"] == "request.invalid"


def test_a_push_nested_past_any_reader_is_a_client_error(central):
    """A push body (or one event's payload) nested deeper than Python's JSON reader can go
    answered 500 server.error, which a station retries forever."""
    api = enroll_station(central, "st-1")
    event = ship("st-1", 1, ["sgtin:06901234567892.000000000001"])
    payload = json.dumps({"events": [dict(event, payload={"x": "DEEP"})]})
    for body in ('{"events": [], "x": %s}' % DEEP, payload.replace('"DEEP"', DEEP)):  # noqa: UP031
        answer = api.session.post(central.url + "/v1/events", data=body, timeout=30,
                                  headers={"Content-Type": "application/json"})  # fmt: skip
        assert answer.status_code == 422, answer.text[:200]
        assert answer.json()["error"] == "request.invalid"
        assert "nested" in answer.json()["message"] and "[[[[" not in answer.text


def _console(central) -> requests.Session:
    accounts.create_user(central.server.db, central.server.clock(), "boss", PASSWORD, "admin")
    session = requests.Session()
    answer = session.post(central.url + "/console/login", timeout=10, allow_redirects=False,
                          data={"username": "boss", "password": PASSWORD})  # fmt: skip
    assert answer.status_code == 303
    return session


def test_the_console_answers_a_bad_value_without_failing(central):
    """Logging in as a name with a NUL, a NUL in a list filter, a case id or any form field,
    answered 500 on PostgreSQL; a page number or count of '²' (a digit to str.isdigit, not to
    int), a price of 1e400 and a setting nested past any reader answered 500 on both."""
    console = _console(central)
    url = central.url + "/console"
    answer = requests.post(url + "/login", data={"username": "boss\x00", "password": "x"},
                           timeout=10)  # fmt: skip
    assert answer.status_code == 422 and "NUL" in answer.text, answer.text[:200]
    for path, params in (
        ("/list/events", {"page": "²"}),
        ("/list/events", {"station": "st\x00"}),
        ("/cases/k%00", {}),
        ("/cases/k%00/pack.pdf", {}),
    ):
        answer = console.get(url + path, params=params, timeout=10)
        assert answer.status_code < 500, (path, params, answer.text[:200])
    csrf = accounts.session(
        central.server.db, central.server.clock(), console.cookies["yima_console"]
    ).csrf
    for path, form in (
        ("/users", {"username": "x\x00", "password": PASSWORD, "role": "viewer"}),
        ("/enroll", {"name": "till\x00"}),
        ("/settings/deny", {"kind": "card", "value": "c\x00", "reason": "r"}),
        ("/cases/k1/status", {"status": "closed", "note": "\x00"}),
    ):
        answer = console.post(url + path, data={**form, "csrf": csrf}, timeout=10)
        assert answer.status_code == 422 and "NUL" in answer.text, (path, answer.text[:200])
    for path, form in (
        ("/settings/vouchers", {"prize": "p", "value": "1e400", "count": "1"}),
        ("/settings/rebate-rule", {"amount": "1e400"}),
        ("/settings/batch", {"product": "P1", "count": "²"}),
        ("/settings/value", {"key": "counter.offline_caps", "value": DEEP}),
    ):
        answer = console.post(url + path, data={**form, "csrf": csrf}, timeout=10)
        assert answer.status_code < 500, (path, answer.text[:200])
    with central.server.db.read() as tx:
        names = [row["username"] for row in tx.all("SELECT username FROM console_users")]
    assert names == ["boss"]


def test_a_rebate_month_must_be_a_month(central):
    """``/v1/rebates/{card}/9999-99`` answered 200 with an empty statement for a month that
    does not exist."""
    api = enroll_station(central, "st-1")
    for month in ("9999-99", "2026-00", "2026-13"):
        answer = api.get(f"/v1/rebates/c1/{month}")
        assert answer.status_code == 422 and answer.json()["error"] == "request.invalid"
    assert api.get("/v1/rebates/c1/2026-12").status_code != 422


# --- probed and found sound -----------------------------------------------------------------


def test_one_enrollment_code_enrolls_one_station_however_many_ask_at_once(central):
    open_code = admin.create_enrollment_code(central.server, site="W1")
    bound_code = admin.create_enrollment_code(central.server, station_id="st-bound")
    answers: list[tuple[str, int]] = []

    def enroll(code: str, station_id: str) -> None:
        answer = requests.post(central.url + "/v1/enroll", timeout=30,
                               json={"enrollment_code": code, "station_id": station_id})  # fmt: skip
        answers.append((code, answer.status_code))

    threads = [threading.Thread(target=enroll, args=(open_code, f"st-{n}")) for n in range(8)]
    threads += [threading.Thread(target=enroll, args=(bound_code, "st-bound")) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for code in (open_code, bound_code):
        statuses = sorted(status for sent, status in answers if sent == code)
        assert statuses == [200] + [403] * 7


def test_a_station_revoked_between_pushes_is_refused_at_the_next(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    assert api.push([ship("st-1", 1, [sample.items[0]])])[0]["status"] == "accepted"
    admin.set_station_revoked(central.server, "st-1", True)
    answer = api.post("/v1/events", {"events": [ship("st-1", 2, [sample.items[1]])]})
    assert answer.status_code == 403 and answer.json()["error"] == "station.revoked"
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT COUNT(*) FROM events") == 1


@pytest.mark.parametrize("field", ["epcList", "childEPCs"])
def test_a_list_past_postgresql_parameter_limit_is_judged(central, field):
    """70,000 codes in one event: over PostgreSQL's 65,535 statement parameters."""
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    keys = [f"sgtin:06901234567892.{n:012d}" for n in range(70_000)]
    if field == "epcList":
        sent = ship("st-1", 1, keys, order=None)
    else:
        sent = copy.deepcopy(ship("st-1", 1, []))
        sent.update(type="AggregationEvent",
                    payload={"action": "ADD", "parentID": sample.cases[0], "childEPCs": keys,
                             "bizStep": "packing"})  # fmt: skip
    results = api.push([sent])
    assert results[0]["status"] == "rejected" and results[0]["reason"] == "code.unknown"


def test_an_epcis_list_field_of_the_wrong_shape_is_judged_not_a_server_error(central):
    """``bizTransactionList: 1`` (any event type) or ``destinationList: [{"type": 1}]`` failed
    the batch, which was then judged event by event and the event recorded server.error."""
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    sent = [
        ship("st-1", 1, [sample.items[0]], order=None, bizTransactionList=1),
        ship("st-1", 2, [sample.items[1]], dealer=None, destinationList=1),
        ship("st-1", 3, [sample.items[2]], dealer=None, destinationList=[{"type": 1}]),
        ship(
            "st-1",
            4,
            [sample.items[3]],
            order=None,
            bizTransactionList=[{"type": "po", "bizTransaction": "SO-1"}],
        ),
    ]
    for one in sent[1:3]:
        del one["payload"]["dealer_id"]
    results = api.push(sent)
    assert "server.error" not in {r.get("reason") for r in results}, results
    assert results[3]["status"] == "accepted"


def test_a_capture_cannot_take_the_event_id_of_a_station_event(central):
    """A station that learnt another's event id (trace answers carry them) captured an EPCIS
    event under ``urn:uuid:<that id>`` before the query table had copied the real one; the
    copy then kept the capture (first wins) and every EPCIS query served the forgery as the
    station's event."""
    sample = seed_sample(central.server, items=3)
    honest = enroll_station(central, "st-honest")
    other = enroll_station(central, "st-other")
    payload = {"action": "OBSERVE", "bizStep": "inspecting", "epcList": [sample.items[0]]}
    sent = event_of("st-honest", 1, "ObjectEvent", payload)
    assert honest.push([sent])[0]["status"] == "accepted"
    forged = {
        "type": "EPCISDocument",
        "@context": ["x:y"],
        "epcisBody": {"eventList": [{
            "type": "ObjectEvent", "eventID": f"urn:uuid:{sent['event_id']}", "action": "DELETE",
            "eventTime": "2020-01-01T00:00:00Z", "eventTimeZoneOffset": "+08:00",
            "bizStep": "destroying", "epcList": ["urn:epc:id:sgtin:0614141.107346.2018"],
        }]},
    }  # fmt: skip
    assert other.post("/epcis/capture", forged).status_code == 202
    answer = other.get("/epcis/events", params={"EQ_eventID": f"urn:uuid:{sent['event_id']}"})
    got = answer.json()["epcisBody"]["queryResults"]["resultsBody"]["eventList"]
    assert len(got) == 1
    assert got[0]["action"] == "OBSERVE" and got[0]["bizStep"].endswith("inspecting")
    assert got[0]["readPoint"] == {"id": "urn:yima-scan:station:st-honest"}


def test_an_inspector_traces_a_code_the_brand_never_issued(central):
    """An inspector tracing an unknown code (a counterfeit, the reason inspectors trace) got
    500 on SQLite: the full trace opened a second read inside the first on the same thread's
    connection ("cannot start a transaction within a transaction")."""
    seed_sample(central.server)
    code = admin.create_enrollment_code(central.server, station_id="st-insp", kind="inspector",
                                        region_id="R-SH")  # fmt: skip
    enrolled = requests.post(central.url + "/v1/enroll", timeout=10,
                             json={"enrollment_code": code, "station_id": "st-insp"})  # fmt: skip
    inspector = Api(central.url, enrolled.json()["credential"])
    for key in ("sgtin:06901234567892.999999999999", "x"):
        answer = inspector.get(f"/v1/trace/{key}")
        assert answer.status_code == 200, answer.text
        assert answer.json()["known"] is False


def test_a_case_naming_its_region_or_store_by_a_number_or_list_is_invalid(central):
    """``store_id: [1]`` or ``region_id: {"a": 1}`` in a diversion case went into a statement
    as a parameter: the batch failed and the event was recorded ``server.error`` (both
    databases); ``region_id: [1]`` was even accepted on PostgreSQL."""
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    odd = ({"store_id": [1]}, {"store_id": {"a": 1}}, {"store_id": 5},
           {"region_id": [1]}, {"region_id": {"a": 1}}, {"region_id": 5})  # fmt: skip
    sent = [
        event_of("st-1", n + 1, "DiversionCaseEvent",
                 {"bizStep": "inspecting", "case_id": f"k{n}", "code": sample.items[n], **extra})
        for n, extra in enumerate(odd)
    ]  # fmt: skip
    results = api.push(sent)
    assert {(r["status"], r["reason"]) for r in results} == {("rejected", "event.invalid")}


def _photos_case(sample, n: int, photos: object) -> dict:
    return event_of("insp", n, "DiversionCaseEvent",
                    {"bizStep": "inspecting", "case_id": f"k{n}", "code": sample.items[n],
                     "region_id": "R-GD", "photos": photos})  # fmt: skip


def test_a_case_keeps_at_most_ten_photos_and_the_rest_are_refused_at_upload(central):
    """One case named any number of photos of up to 8 MB each, so one credential could fill the
    brand's store. The case still counts (an older station had no limit); it keeps the first
    MAX_PHOTOS_PER_CASE distinct photos, says how many it left out, and a photo it left out is
    refused at upload as one no case names (404, so the station records it, never re-enrolls)."""
    sample = seed_sample(central.server)
    inspector = enroll_station(central, "insp")
    pictures = [f"photo {n}".encode() for n in range(MAX_PHOTOS_PER_CASE + 1)]
    names = [hashlib.sha256(p).hexdigest() for p in pictures]
    named = [{"sha256": sha, "name": f"{n}.jpg"} for n, sha in enumerate(names)]
    [result] = inspector.push([_photos_case(sample, 1, [named[0], *named])])  # one repeated
    assert result["status"] == "accepted", result
    assert result["detail"]["photos_left_out"] == 1
    with central.server.db.read() as tx:
        kept = json.loads(tx.scalar("SELECT photos FROM diversion_cases WHERE case_id = 'k1'"))
    assert [p["sha256"] for p in kept] == names[:MAX_PHOTOS_PER_CASE]

    def put(picture: bytes, sha: str) -> requests.Response:
        return inspector.session.put(
            f"{inspector.url}/v1/evidence/{sha}", params={"offset": 0, "total": len(picture)},
            data=picture, headers={"Content-Type": "application/octet-stream"}, timeout=30,
        )  # fmt: skip

    assert put(pictures[0], names[0]).json()["complete"] is True
    last = put(pictures[-1], names[-1])
    assert last.status_code == 404 and last.json()["error"] == "evidence.not_named"
    assert inspector.get(f"/v1/evidence/{names[-1]}").status_code == 404
    [small] = inspector.push([_photos_case(sample, 2, named[:2])])
    assert small["status"] == "accepted" and "photos_left_out" not in small["detail"]


def test_a_case_naming_a_photo_by_anything_but_its_sha256_is_invalid(central):
    """A photo is named by the SHA-256 of its bytes; anything else in ``photos`` was stored as
    given (and matched by ``LIKE`` at upload). It is ``event.invalid`` in plain words, with
    nothing of the input sent back."""
    sample = seed_sample(central.server)
    inspector = enroll_station(central, "insp")
    sha = hashlib.sha256(b"x").hexdigest()
    odd = ("x" * 64, ["%"], [sha], [{"sha256": sha.upper()}], [{"sha256": "%" * 64}],
           [{"name": "shelf.jpg"}], [{"sha256": 5}], {"sha256": sha})  # fmt: skip
    results = inspector.push([_photos_case(sample, n + 1, p) for n, p in enumerate(odd)])
    assert {(r["status"], r["reason"]) for r in results} == {("rejected", "event.invalid")}
    assert {r["detail"]["error"] for r in results} == {"each photo must be named by its SHA-256"}


def test_a_station_past_its_days_share_of_the_store_is_refused_413(central):
    """Ten photos a case still let many cases fill the store: a station may start at most
    ``server.evidence.station_mb_per_day`` of photos in 24 hours (its announced sizes)."""
    sample = seed_sample(central.server)
    inspector = enroll_station(central, "insp")
    admin.set_setting_value(central.server, "server.evidence.station_mb_per_day", 1)
    pictures = [bytes([n]) * 600_000 for n in range(2)]
    names = [hashlib.sha256(p).hexdigest() for p in pictures]
    named = [{"sha256": sha, "name": "shelf.jpg"} for sha in names]
    assert inspector.push([_photos_case(sample, 1, named)])[0]["status"] == "accepted"
    answers = [
        inspector.session.put(
            f"{inspector.url}/v1/evidence/{sha}", params={"offset": 0, "total": len(picture)},
            data=picture, headers={"Content-Type": "application/octet-stream"}, timeout=30,
        )
        for picture, sha in zip(pictures, names, strict=True)
    ]  # fmt: skip
    assert answers[0].json()["complete"] is True
    assert answers[1].status_code == 413
    assert answers[1].json()["error"] == "evidence.quota_full"
    assert inspector.get(f"/v1/evidence/{names[1]}").json()["received"] == 0
