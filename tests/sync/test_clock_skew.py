"""Clock skew (issue 12, item 6), against the real server on loopback: every answer carries the
server's time, the server flags events dated after they arrived, and the counter's offline cap
and voucher expiry count on the server's time carried by a clock the PC's owner cannot set.

Each of these failed before: the +1 year event was accepted unflagged, the voucher was refused
as expired at +1 year, and the cap let a voucher through three days after the last sync because
that sync had been made with the clock a year ahead.
"""

from __future__ import annotations

import datetime as dt

import pytest
import requests

from app.domain import clock
from app.domain.workflows.base import Actor
from app.domain.workflows.counter.session import CounterSession
from sync.protocol import SERVER_TIME_HEADER
from sync.server import admin
from tests.support.fake_clock import FakeClock
from tests.support.sync_data import enroll_station, event, seed_sample
from tests.support.sync_station import Station

pytestmark = pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)

YEAR = dt.timedelta(days=365)
CLERK = Actor("op-1", "小张")


def test_every_answer_carries_the_server_time(central):
    before = dt.datetime.now(dt.UTC)
    answers = [
        requests.get(f"{central.url}/v1/info", timeout=10),
        requests.get(f"{central.url}/v1/whoami", timeout=10),  # refused: no credential
    ]
    after = dt.datetime.now(dt.UTC)
    assert answers[1].status_code == 401
    for answer in answers:
        stamp = dt.datetime.fromisoformat(answer.headers[SERVER_TIME_HEADER])
        assert before - dt.timedelta(seconds=1) <= stamp <= after + dt.timedelta(seconds=1)


def test_events_dated_after_they_arrived_are_flagged(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "st-ahead")
    now = dt.datetime.now(dt.UTC)
    payload = {"bizStep": "inspecting", "epcList": [sample.items[0]]}
    results = api.push(
        [
            event("st-ahead", 1, "ObjectEvent", payload, at=now.isoformat()),
            event("st-ahead", 2, "ObjectEvent", payload, at=(now + YEAR).isoformat()),
        ]
    )
    assert [r["status"] for r in results] == ["accepted", "accepted"]  # flagged, never refused
    with central.server.db.read() as tx:
        flags = tx.rows("SELECT kind, event_id, detail FROM anomalies WHERE kind = 'clock_ahead'")
    assert [(kind, event_id) for kind, event_id, _ in flags] == [
        ("clock_ahead", results[1]["event_id"])
    ]


@pytest.fixture
def counter(central, tmp_path, memory_keyring):
    """A counter whose clocks the test holds, enrolled for dealer D001, with a voucher."""
    admin.upsert_master(central.server, "regions", [{"id": "CN-SH", "name": "上海"}])
    admin.upsert_master(
        central.server, "dealers", [{"id": "D001", "name": "上海一码经销", "regions": ["CN-SH"]}]
    )
    admin.rotate_key(central.server)
    fake = FakeClock()
    station = Station(tmp_path / "counter", machine=fake.machine())
    station.enroll(central, dealer_id="D001")
    [(_vid, voucher)] = admin.issue_vouchers(
        central.server, 1, prize="滤芯一支", value_cents=9900, dealer_id="D001", days=30
    )
    yield station, fake, voucher
    station.close()


def _scan(station: Station, fake: FakeClock, text: str, *, online: bool):
    session = CounterSession(clock=fake.wall, machine=fake.machine())
    return station.writer.call(lambda c: session.handle(c, text, CLERK, online=online))


def test_a_valid_voucher_is_not_expired_by_a_clock_a_year_ahead(counter):
    station, fake, voucher = counter
    fake.set_wall(dt.datetime.now(dt.UTC) + YEAR)
    station.client.sync_once()  # the server's time is known from here on
    reply = _scan(station, fake, voucher, online=False)
    assert reply.decision.reason == "voucher.valid", reply.decision
    skew = station.writer.call(lambda c: clock.read(c, fake.machine()).skew)
    assert abs(skew - YEAR) < dt.timedelta(minutes=1)  # what the status bar shows


def test_the_offline_cap_counts_on_time_the_wall_clock_cannot_move(counter):
    station, fake, voucher = counter
    fake.set_wall(dt.datetime.now(dt.UTC) + YEAR)
    station.client.sync_once()  # synced with the clock a year ahead
    fake.advance(3 * 24 * 3600)  # three days offline...
    fake.set_wall(dt.datetime.now(dt.UTC) + dt.timedelta(days=3))  # ...with the clock put right
    reply = _scan(station, fake, voucher, online=False)
    assert reply.decision.reason == "voucher.offline_cap_hours", reply.decision
    assert reply.decision.args["hours"] == "72"


def test_after_a_restart_a_clock_set_back_uses_the_offline_cap_up(counter):
    station, fake, voucher = counter
    station.client.sync_once()
    assert _scan(station, fake, voucher, online=False).decision.reason == "voucher.valid"
    fake.reboot(off_for=3600, wall=dt.datetime.now(dt.UTC) - dt.timedelta(days=2))
    reply = _scan(station, fake, voucher, online=False)
    assert reply.decision.reason == "voucher.offline_cap_hours"
    assert reply.decision.args["hours"] == "∞"  # unknown time: the worst is assumed
