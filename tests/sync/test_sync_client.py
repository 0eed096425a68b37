"""The station's sync client against the real server on loopback (SQLite and PostgreSQL servers)."""

from __future__ import annotations

import json
import logging

import pytest

from app.domain.store import journal
from sync.client import apply as apply_module
from sync.client import credentials
from sync.client.client import NotEnrolled
from sync.client.transport import AuthRequired
from sync.server import admin
from tests.support.sync_data import seed_sample
from tests.support.sync_station import Station


@pytest.fixture
def station(tmp_path, memory_keyring):
    st = Station(tmp_path / "station")
    yield st
    st.close()


def test_enroll_keeps_the_credential_in_the_keyring_only(central, station, memory_keyring, caplog):
    caplog.set_level(logging.DEBUG)
    seed_sample(central.server)
    with pytest.raises(NotEnrolled):
        station.client.sync_once()
    code = admin.create_enrollment_code(central.server, site="W1", dealer_id="D1")
    me = station.client.enroll(central.url, code, station_name="仓库一号")
    assert me.station_id == station.id and me.dealer_id == "D1"
    secret = credentials.load(station.client.setting("sync.server_id"), station.id)
    assert secret and secret.startswith("ys1_")
    # nowhere in the database or the logs
    raw = (
        station.path.read_bytes() + station.path.with_name(station.path.name + "-wal").read_bytes()
    )
    assert secret.encode() not in raw
    station.client.sync_once()
    assert secret not in caplog.text
    assert station.client.setting("sync.whoami")["site"] == "W1"


def test_events_pushed_results_recorded_reference_pulled(central, station):
    sample = seed_sample(central.server)
    station.enroll(central, site="W1", dealer_id="D1")
    report = station.client.sync_once()
    assert report.pulled_changes > 0
    conn = station.reader()
    assert conn.execute("SELECT count(*) FROM codes").fetchone()[0] == len(
        sample.items + sample.cases + sample.pallets
    )
    assert (
        conn.execute("SELECT status FROM codes WHERE key = ?", (sample.items[0],)).fetchone()[0]
        == "known"
    )
    assert conn.execute("SELECT regions FROM dealers WHERE id = 'D2'").fetchone()[0] == '["R-ZJ"]'
    assert conn.execute("SELECT qty FROM order_lines WHERE order_id = 'SO-1'").fetchone()[0] == 100

    good = station.ship([sample.items[0]], "D1", "SO-1")
    bad = station.ship(["sgtin:06901234567892.000000999999"], "D1", "SO-1")
    report = station.client.sync_once()
    assert (report.accepted, report.rejected) == (1, 1)
    assert station.state(good) == ("accepted", None)
    assert station.state(bad) == ("rejected", "code.unknown")
    issue = conn.execute(
        "SELECT reason, detail, codes FROM sync_issues WHERE event_id = ?", (bad,)
    ).fetchone()
    assert issue[0] == "code.unknown" and json.loads(issue[1])["code"].endswith("999999")
    assert json.loads(issue[2]) == ["sgtin:06901234567892.000000999999"]
    assert journal.count_pending(conn) == 0
    # the station's own change comes back by pull without undoing its local state
    station.writer.call(
        lambda c: c.execute(
            "UPDATE codes SET status = 'allocated' WHERE key = ?", (sample.items[1],)
        )
    )
    station.client.sync_once()
    assert (
        conn.execute("SELECT status FROM codes WHERE key = ?", (sample.items[1],)).fetchone()[0]
        == "allocated"
    )


def test_another_stations_shipment_reaches_this_station(central, station, tmp_path, memory_keyring):
    sample = seed_sample(central.server)
    station.enroll(central, site="W1")
    other = Station(tmp_path / "other")
    try:
        other.enroll(central, site="W1")
        station.client.sync_once()
        other.client.sync_once()
        other.ship([sample.cases[0]], "D2", "SO-2")
        other.client.sync_once()
        station.client.sync_once()
        row = station.reader().execute(
            "SELECT status, dealer_id FROM codes WHERE key = ?", (sample.cases[0],)
        )
        assert tuple(row.fetchone()) == ("shipped", "D2")
    finally:
        other.close()


def test_two_stations_ship_the_same_code_offline_and_the_second_shows_the_rejection(central, station, tmp_path, memory_keyring):  # fmt: skip
    sample = seed_sample(central.server)
    station.enroll(central, site="W1")
    other = Station(tmp_path / "other")
    try:
        other.enroll(central, site="W1")
        first = station.ship([sample.pallets[0]], "D1", "SO-1")  # both offline: nothing synced yet
        second = other.ship([sample.pallets[0]], "D2", "SO-2")
        station.client.sync_once()
        other.client.sync_once()
        assert station.state(first) == ("accepted", None)
        assert other.state(second) == ("rejected", "code.already_shipped")
        detail = json.loads(
            other.reader()
            .execute("SELECT detail FROM sync_issues WHERE event_id = ?", (second,))
            .fetchone()[0]
        )
        assert detail["station"] == station.id and detail["dealer"] == "D1"
        with central.server.db.read() as tx:
            assert tx.rows("SELECT dealer_id FROM shipments WHERE standing = 1") == [("D1",)]
    finally:
        other.close()


def test_an_interrupted_pull_resumes_exactly(
    central, station, tmp_path, memory_keyring, monkeypatch
):
    seed_sample(central.server, items=120)
    admin.set_setting_value(central.server, "server.pull_page_limit", 25)
    station.enroll(central, site="W1")

    # a page whose apply fails half-way is rolled back whole: the cursor stays with it
    real = apply_module._apply_one
    calls = {"n": 0}

    def flaky(conn, change, ctx):
        calls["n"] += 1
        if calls["n"] == 60:  # in the middle of the third page
            raise RuntimeError("power cut")
        return real(conn, change, ctx)

    monkeypatch.setattr(apply_module, "_apply_one", flaky)
    with pytest.raises(RuntimeError):
        station.client.pull()
    cursor_after_fault = station.reader().execute("SELECT cursor FROM sync_cursors").fetchone()[0]
    assert station.client.pull(max_pages=1).pulled_pages == 1  # and a restart goes on from there
    monkeypatch.setattr(apply_module, "_apply_one", real)
    station.close_client()  # the station restarts
    station.client.pull()

    reference = Station(tmp_path / "reference")
    try:
        reference.enroll(central, site="W1")
        reference.client.pull()
        for table in ("products", "dealers", "regions", "orders", "order_lines", "codes"):
            assert station.dump(table) == reference.dump(table), table
        assert cursor_after_fault > 0
        assert (
            station.reader()
            .execute("SELECT cursor FROM sync_cursors WHERE stream = 'ref'")
            .fetchone()[0]
            == (
                reference.reader()
                .execute("SELECT cursor FROM sync_cursors WHERE stream = 'ref'")
                .fetchone()[0]
            )
        )
    finally:
        reference.close()


def test_a_revoked_station_stops_and_asks_for_enrollment(central, station):
    seed_sample(central.server)
    station.enroll(central)
    station.client.sync_once()
    admin.set_station_revoked(central.server, station.id, True)
    with pytest.raises(AuthRequired):
        station.client.sync_once()
    status = station.client.status()
    assert status.needs_enrollment and status.last_error["code"] == "sync.auth"
    admin.set_station_revoked(central.server, station.id, False)
    station.enroll(central)
    station.client.sync_once()
    assert not station.client.status().needs_enrollment


def test_keys_deny_lists_settings_and_other_counters_redemptions_arrive(
    central, station, tmp_path, memory_keyring
):
    seed_sample(central.server)
    station.enroll(central, dealer_id="D1")
    other = Station(tmp_path / "other")
    try:
        other.enroll(central, dealer_id="D1")
        (vid, token), (vid2, _) = admin.issue_vouchers(
            central.server, 2, prize="滤芯", value_cents=990, dealer_id="D1"
        )
        admin.deny(central.server, "voucher", vid2, "lost")
        admin.set_setting_value(
            central.server, "counter.offline_caps", {"vouchers": 3, "value_cents": 100, "hours": 4}
        )
        admin.set_rebate_rule(central.server, 300)
        other.append("RedemptionEvent", {"action": "ADD", "bizStep": "redeeming", "voucher": token})
        other.client.sync_once()
        station.client.sync_once()
        conn = station.reader()
        keyset = station.client.setting("sync.keyset")
        assert keyset["keys"] and keyset["keys"][0]["status"] == "active"
        assert station.client.setting("sync.deny") == {"voucher": [vid2]}
        assert station.client.setting("counter.offline_caps")["vouchers"] == 3
        assert station.client.setting("rebate.rules")["rules"][0]["amount_cents"] == 300
        row = conn.execute(
            "SELECT station_id FROM sync_redemptions WHERE voucher_id = ?", (vid,)
        ).fetchone()
        assert row[0] == other.id
        admin.deny(central.server, "voucher", vid2, remove=True)
        station.client.sync_once()
        assert station.client.setting("sync.deny") == {"voucher": []}
    finally:
        other.close()


def test_the_demo_round_trip_enrolls_and_syncs_with_the_in_process_server(tmp_path):
    from app.demo import registry
    from sync.client.demo import connect_demo_station
    from sync.server.embedded import start_demo

    demo = start_demo(tmp_path / "demo-server.sqlite3", registry())
    station = Station(tmp_path / "demo-station")
    try:
        report = connect_demo_station(station.path, station.writer, demo.url, demo.enrollment_code)
        assert report.pulled_changes > 500
        conn = station.reader()
        assert conn.execute("SELECT count(*) FROM products").fetchone()[0] == 5
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 5
        assert station.client.setting("sync.keyset")["keys"]
        assert station.client.setting("sync.whoami")["dealer_id"] == "D001"
    finally:
        station.close()
        demo.stop()
