"""Sync through a fault-injecting proxy: cut requests, lost answers, 5xx, stalls, repeated and
concurrent deliveries. When the faults stop and the queue drains, the server holds exactly one
row per event and every event is accepted, duplicate or rejected with a reason."""

from __future__ import annotations

import threading

import pytest
import requests

from sync.client import state
from sync.client.transport import Offline, RetryPolicy
from sync.server import admin
from tests.support.fault_proxy import FaultProxy, random_plan
from tests.support.sync_data import enroll_station, event, seed_sample, ship
from tests.support.sync_station import Station


@pytest.fixture
def station(tmp_path, memory_keyring):
    st = Station(
        tmp_path / "station",
        connect_timeout=0.5,
        read_timeout=1.0,
        policy=RetryPolicy(attempts=3, base=0.01, cap=0.05, retry_after_cap=0.05),
    )
    yield st
    st.close()


def _through(station: Station, url: str) -> None:
    station.writer.call(lambda c: state.put(c, "sync.server_url", url))
    station.close_client()


def test_faults_lose_nothing_and_double_nothing(central, station):
    sample = seed_sample(central.server, items=110)
    admin.set_setting_value(central.server, "server.push_batch_limit", 8)
    admin.set_setting_value(central.server, "server.pull_page_limit", 40)
    station.enroll(central, site="W1")
    items = sample.items
    plan = [("ObjectEvent", {"bizStep": "shipping", "epcList": [k], "yima:dealer": "D1", "yima:order": "SO-1"})
            for k in items[:100]]  # fmt: skip
    plan += [("ObjectEvent", {"bizStep": "shipping", "epcList": [k], "yima:dealer": "D2", "yima:order": "SO-2"})
             for k in items[:10]]  # fmt: skip
    plan += [("ObjectEvent", {"bizStep": "shipping", "epcList": [f"sgtin:06901234567892.9{n:011d}"],
                              "yima:dealer": "D1"}) for n in range(10)]  # fmt: skip
    plan += [("ObjectEvent", {"bizStep": "inspecting", "epcList": [k]}) for k in items[100:105]]
    station.append_many(plan)

    with FaultProxy(central.url, random_plan(seed=7, faults_until=30), stall_seconds=1.5) as proxy:
        _through(station, proxy.url)
        for _attempt in range(200):
            try:
                station.client.sync_once()
            except Offline:
                continue
            if station.client.status().pending == 0:
                break
        assert station.client.status().pending == 0
        assert proxy.count > 30
        seen = {name for name, n in proxy.actions.items() if n}
        assert {"cut_request", "cut_after_commit", "error", "stall", "repeat"} <= seen, (
            proxy.actions
        )

    conn = station.reader()
    local = {
        r[0]: (r[1], r[2]) for r in conn.execute("SELECT event_id, sync_state, reason FROM journal")
    }
    with central.server.db.read() as tx:
        server = {
            r[0]: (r[1], r[2]) for r in tx.rows("SELECT event_id, status, reason FROM events")
        }
        standing = tx.rows(
            "SELECT code_key, COUNT(*) FROM shipments WHERE standing = 1 GROUP BY code_key"
        )
        total_shipments = tx.scalar("SELECT COUNT(*) FROM shipments")
    assert set(server) == set(local) and len(server) == len(plan) == 125  # one row per event
    for event_id, (sync_state, reason) in local.items():
        status, server_reason = server[event_id]
        assert sync_state in ("accepted", "duplicate", "rejected")
        if sync_state == "rejected":
            assert reason and reason == server_reason == status_reason(server[event_id])
        else:
            assert status == "accepted"
    reasons = sorted(r for _, (s, r) in server.items() if s == "rejected")
    assert reasons == ["code.already_shipped"] * 10 + ["code.unknown"] * 10
    assert len(standing) == 100 and all(n == 1 for _, n in standing) and total_shipments == 100
    assert conn.execute("SELECT count(*) FROM sync_issues").fetchone()[0] == 20


def status_reason(row: tuple[str, str | None]) -> str | None:
    return row[1] if row[0] == "rejected" else None


def test_the_same_batch_delivered_concurrently_is_judged_once(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-1", site="W1")
    batch = [ship("st-1", n, [k]) for n, k in enumerate(sample.items[:12])]
    batch.append(
        event(
            "st-1",
            99,
            "ObjectEvent",
            {"bizStep": "shipping", "epcList": ["brand:nope"], "dealer_id": "D1"},
        )
    )
    answers: list[list[dict]] = []
    errors: list[BaseException] = []

    def deliver() -> None:
        try:
            response = requests.post(api.url + "/v1/events", json={"events": batch},
                                     headers=dict(api.session.headers), timeout=60)  # fmt: skip
            answers.append(response.json()["results"])
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=deliver) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors and len(answers) == 6
    for answer in answers:
        assert [r["status"] in ("accepted", "duplicate") for r in answer[:12]] == [True] * 12
        assert answer[12]["reason"] == "code.unknown"
    firsts = [sum(r["status"] == "accepted" for r in a) for a in answers]
    assert sorted(firsts) == [0] * 5 + [
        12
    ]  # exactly one delivery was judged, the others were duplicates
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT COUNT(*) FROM events") == 13
        assert tx.scalar("SELECT COUNT(*) FROM shipments") == 12


def test_413_halves_the_batch_until_the_server_takes_it(central, tmp_path, memory_keyring):
    sample = seed_sample(central.server)
    admin.set_setting_value(central.server, "server.push_batch_limit", 3)
    station = Station(tmp_path / "big-batches", push_batch=10)
    try:
        station.enroll(central, site="W1")
        station.append_many([("ObjectEvent", {"bizStep": "shipping", "epcList": [k], "yima:dealer": "D1"})
                             for k in sample.items[:11]])  # fmt: skip
        report = station.client.push()
        assert report.accepted == 11 and station.client.status().pending == 0
        assert station.client.push_batch == 10  # the option stays; the halving lives for one push
    finally:
        station.close()
