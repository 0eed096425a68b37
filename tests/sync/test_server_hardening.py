"""The server probed from outside (issue 13): no station can take over another, stall its own
queue with one bad event, or make the server read, mirror or build without bound.

Each test here failed on the server before the fix it names."""

from __future__ import annotations

import json
import os
import socket
import threading
import time

import requests

from sync.server import admin
from sync.server.snapshots import claim_build, file_sha256, path_of, release_build
from tests.support.sync_data import enroll_station, event, seed_sample, ship


def test_an_open_enrollment_code_cannot_take_over_an_enrolled_station(central):
    station = enroll_station(central, "st-1", site="W1")
    code = admin.create_enrollment_code(central.server, site="W99")
    answer = requests.post(central.url + "/v1/enroll",
                           json={"enrollment_code": code, "station_id": "st-1"}, timeout=10)  # fmt: skip
    assert answer.status_code == 403
    assert answer.json()["error"] == "enrollment.station_exists"
    assert station.get("/v1/whoami").status_code == 200  # the real station keeps its credential
    # the same code still enrolls a new station (it was not spent on the refusal)
    fresh = requests.post(central.url + "/v1/enroll",
                          json={"enrollment_code": code, "station_id": "st-new"}, timeout=10)  # fmt: skip
    assert fresh.status_code == 200


def _raw_request(url: str, head: str, chunks) -> tuple[int, bytes, int]:
    """Send a request by hand (chunked bodies); return status, answer body and bytes sent."""
    host, port = url.removeprefix("http://").split(":")
    sent = 0
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head.encode())
        try:
            for chunk in chunks:
                sock.sendall(f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n")
                sent += len(chunk)
            sock.sendall(b"0\r\n\r\n")
        except OSError:
            pass  # the server answered and closed while we were still sending
        answer = b""
        while data := sock.recv(65536):
            answer += data
            if b"\r\n\r\n" in answer and len(answer.split(b"\r\n\r\n", 1)[1]) >= _length(answer):
                break
    status = int(answer.split(b" ", 2)[1])
    return status, answer.split(b"\r\n\r\n", 1)[1], sent


def _length(answer: bytes) -> int:
    for line in answer.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 1 << 30


def _rss() -> int:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_a_chunked_body_is_cut_off_at_the_limit_and_never_echoed(central):
    head = ("POST /v1/enroll HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n")  # fmt: skip
    filler = b"A" * (1 << 20)
    chunks = [b'{"enrollment_code": "', *([filler] * 100), b'"}']  # 100 MB, over the 16 MB limit
    base, peak, done = _rss(), [0], threading.Event()

    def watch() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _rss() - base)
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        status, body, _ = _raw_request(central.url, head, chunks)
    finally:
        done.set()
        watcher.join()
    assert status == 413
    assert json.loads(body)["error"] == "request.too_large"
    assert b"AAAA" not in body
    assert peak[0] < 60 * (1 << 20)  # the server (in this process) never held the body


def test_events_without_a_credential_are_refused_before_the_body_is_read(central):
    head = ("POST /v1/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            "Transfer-Encoding: chunked\r\n\r\n")  # fmt: skip
    status, body, _ = _raw_request(central.url, head, iter([b'{"events": [', b"x" * 100]))
    assert status == 401 and json.loads(body)["error"] == "auth.missing"


def test_a_validation_error_names_the_field_without_repeating_the_input(central):
    secret = "Z" * 5000
    answer = requests.post(central.url + "/v1/enroll",
                           json={"enrollment_code": secret, "station_id": ""}, timeout=10)  # fmt: skip
    assert answer.status_code == 422
    assert answer.json()["error"] == "request.invalid"
    assert "ZZZZ" not in answer.text and "enrollment_code" in answer.json()["message"]
    assert requests.post(central.url + "/v1/enroll", data="x=1", timeout=10,
                         headers={"Content-Type": "text/plain"}).status_code == 415  # fmt: skip


def test_one_malformed_event_is_rejected_and_the_rest_of_the_batch_judged(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    good = ship("st-1", 1, [sample.items[0]])
    overflow = dict(ship("st-1", 2, [sample.items[1]]), seq=2**63)
    surrogate = '{"events": [%s, %s, %s, %s]}' % (  # noqa: UP031 - raw JSON with escapes
        json.dumps(good),
        json.dumps(overflow),
        json.dumps(dict(ship("st-1", 3, [sample.items[2]]), event_id="lone-op"))
        .replace('"operator": "op1"', '"operator": "\\ud800"'),
        json.dumps(dict(ship("st-1", 4, [sample.items[3]]), event_id="nan-one"))
        .replace('"action": "OBSERVE"', '"action": "OBSERVE", "weight": NaN'),
    )  # fmt: skip
    nul = dict(ship("st-1", 5, [sample.items[4]]), operator="op\x00")
    nul_id = dict(ship("st-1", 6, [sample.items[5]]), event_id="id\x00")
    answer = api.session.post(central.url + "/v1/events", data=surrogate, timeout=30,
                              headers={"Content-Type": "application/json"})  # fmt: skip
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["status"] for r in results] == ["accepted", "rejected", "rejected", "rejected"]
    assert {r["reason"] for r in results[1:]} == {"event.invalid"}
    assert "seq" in results[1]["detail"]["error"]
    assert "operator" in results[2]["detail"]["error"]
    assert "not finite" in results[3]["detail"]["error"]
    more = api.push([nul, nul_id, ship("st-1", 7, [sample.items[6]])])
    assert [r["status"] for r in more] == ["rejected", "rejected", "accepted"]
    assert more[1]["event_id"] == "id\x00"  # answered under the id it came with
    # the queue moves: the same bad events again get the same answers, never a 5xx
    assert [r["status"] for r in api.push([nul, overflow])] == ["rejected", "rejected"]


def test_a_huge_epc_list_is_judged_not_taken_for_an_outage(central):
    seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    keys = [f"sgtin:06901234567892.{n:012d}" for n in range(40_000)]  # over SQLite's 32,766
    results = api.push([ship("st-1", 1, keys, order=None)])
    assert results[0]["status"] == "rejected" and results[0]["reason"] == "code.unknown"


def test_a_cursor_past_64_bits_is_a_client_error(central):
    api = enroll_station(central, "st-1", site="W1")
    answer = api.get("/v1/changes", params={"cursor": "99999999999999999999999"})
    assert answer.status_code == 422 and answer.json()["error"] == "request.invalid"


def test_a_nul_in_the_address_or_the_enrollment_is_a_client_error(central):
    api = enroll_station(central, "st-1", site="W1")
    for path in ("/v1/trace/sgtin%00x", "/v1/vouchers/v%001", "/v1/changes?stream=ref%00"):
        answer = api.get(path)
        assert answer.status_code == 422, (path, answer.text)
    code = admin.create_enrollment_code(central.server)
    answer = requests.post(central.url + "/v1/enroll",
                           json={"enrollment_code": code, "station_id": "st\x00x"}, timeout=10)  # fmt: skip
    assert answer.status_code == 422 and "\x00" not in answer.text


def test_snapshots_only_for_known_scopes_with_ids_that_never_collide(central):
    seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1", region_id="R-SH")
    for scope in ("../../etc", "R-ZJ", "region:R-ZJ", "x" * 100):
        answer = api.get("/v1/snapshots/latest", params={"scope": scope})
        assert answer.status_code == 422, scope
        assert answer.json()["error"] == "snapshot.unknown_scope"
    # builds of the same second and cursor, of two scopes, at once: each file matches its hash
    infos = []
    threads = [threading.Thread(target=lambda s=s: infos.append(central.server.build_snapshot(s)))
               for s in ("all", "region:R-SH", "all", "region:R-SH")]  # fmt: skip
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({i.snapshot_id for i in infos}) == 4

    for info in infos:
        path = path_of(central.server.db, info.snapshot_id)
        if path is not None:  # older ones of a scope may already be pruned
            assert file_sha256(path) == info.sha256
    assert not list(central.server.snapshot_dir.glob("*.part"))
    # one build per scope at a time, whichever worker or host asks
    now = central.server.clock()
    assert claim_build(central.server.db, "all", now)
    assert not claim_build(central.server.db, "all", now)
    release_build(central.server.db, "all")
    assert claim_build(central.server.db, "all", now)


def test_a_reused_case_id_has_its_own_reason(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    enroll_station(central, "st-2", site="W1")

    def case(seq, event_id):
        return event("st-1", seq, "DiversionCaseEvent", {"bizStep": "inspecting", "case_id": "k1",
                     "code": sample.items[0], "region_id": "R-ZJ"}, event_id=event_id)  # fmt: skip

    assert api.push([case(1, "e-1")])[0]["status"] == "accepted"
    results = api.push([case(2, "e-2"), case(3, "e-3")])
    assert [r["reason"] for r in results] == ["case.id_reused", "case.id_reused"]
    assert results[0]["detail"] == {"case": "k1"}


def test_a_reused_claim_number_has_its_own_reason(central):
    """Claim numbers are made on the stations, offline (FL-…): two counters that drew the same
    one must hear why the second claim is refused, not server.error with a database traceback."""
    from sync.server import admin
    from tests.support.sync_data import claim, ship

    sample = seed_sample(central.server)
    warehouse = enroll_station(central, "wh", site="W1")
    api = enroll_station(central, "counter-1", dealer_id="D1")
    other = enroll_station(central, "counter-2", dealer_id="D1")
    assert warehouse.push([ship("wh", 1, sample.items[:4])])[0]["status"] == "accepted"
    _, card = admin.issue_card(central.server, "王师傅")
    number = "FL-ABC-DEF-GHJ-KLM"
    assert api.push([claim("counter-1", 1, card, [sample.items[0]], number)])[0]["status"] == (
        "accepted"
    )
    results = other.push([
        claim("counter-2", 1, card, [sample.items[1]], number),  # after the first, in its own batch
        claim("counter-2", 2, card, [sample.items[2]], "FL-NEW-NUM-BER-ONE"),
        claim("counter-2", 3, card, [sample.items[3]], "FL-NEW-NUM-BER-ONE"),  # twice in a batch
    ])  # fmt: skip
    assert [r["reason"] for r in results] == ["claim.id_reused", None, "claim.id_reused"]
    assert results[0]["detail"] == {"claim": number}


def test_the_server_never_writes_into_the_working_folder(tmp_path, monkeypatch, postgres_url):
    from sync.server.db import open_database
    from sync.server.service import Server

    monkeypatch.chdir(tmp_path)
    db = open_database(postgres_url)
    try:
        server = Server(db)
        seed_sample(server)
        server.build_snapshot()
    finally:
        db.close()
    assert list(tmp_path.iterdir()) == []


def test_a_push_body_is_checked_in_one_pass_and_answered_like_any_other(central):
    """The push body is parsed from its bytes by the route itself (one pass): a wrong field is
    named without the input, text that is not JSON is a client error, and the OpenAPI document
    still says what the body is."""
    api = enroll_station(central, "st-1", site="W1")
    secret = "Q" * 3000
    wrong = {"events": [dict(ship("st-1", 1, ["sgtin:06901234567892.1"]), seq=secret)]}
    answer = api.post("/v1/events", wrong)
    assert answer.status_code == 422 and answer.json()["error"] == "request.invalid"
    assert "body.events.0.seq" in answer.json()["message"] and "QQQQ" not in answer.text
    for body in (b'{"events": [', b"\xff\xfe", b""):
        answer = api.session.post(central.url + "/v1/events", data=body, timeout=10,
                                  headers={"Content-Type": "application/json"})  # fmt: skip
        assert answer.status_code == 422 and answer.json()["error"] == "request.invalid", body
    schema = requests.get(central.url + "/openapi.json", timeout=10).json()
    push = schema["paths"]["/v1/events"]["post"]["requestBody"]
    event_schema = push["content"]["application/json"]["schema"]["properties"]["events"]["items"]
    assert push["required"] and {"event_id", "seq", "payload"} <= set(event_schema["required"])
