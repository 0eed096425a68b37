"""A first pull from the registry snapshot: the same station as a replay of every change, cut
anywhere without losing or doubling a code, and only ever this station's own view."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from sync.client import registry as registry_module
from sync.client import state
from sync.client.client import SyncClient
from sync.server import admin
from tests.support import ROOT
from tests.support.sync_data import enroll_station, seed_sample, ship
from tests.support.sync_station import Station


@pytest.fixture
def station(tmp_path, memory_keyring):
    st = Station(tmp_path / "station")
    yield st
    st.close()


TABLES = ("products", "dealers", "regions", "stores", "orders", "order_lines", "codes")


def _world(central):
    """Codes of two sites, some shipped and packed by a warehouse: changes on top of issues."""
    server = central.server
    sample = seed_sample(server, items=60, site="W1")
    admin.issue_batch(server, "P1", 300, site="W1")  # random serials
    admin.issue_batch(server, "P2", 50, site="W9")  # another site's: never in W1's registry
    admin.issue_batch(server, "P1", 40, site=None)  # every station's
    warehouse = enroll_station(central, "wh-1", kind="brand_warehouse", site="W1")
    results = warehouse.push([ship("wh-1", 1, sample.items[:10], dealer="D1", order="SO-1"),
                              ship("wh-1", 2, sample.items[10:15], dealer="D2", order="SO-2")])  # fmt: skip
    assert {r["status"] for r in results} == {"accepted"}
    admin.set_setting_value(server, "server.registry.min_codes", 1)
    return sample, warehouse


def _station_row(central, station_id):
    with central.server.db.read() as tx:
        return tx.one("SELECT * FROM stations WHERE id = ?", (station_id,))


def _build_registry(central, station):
    server = central.server
    return server.build_snapshot(server.registry_scope(_station_row(central, station.id)))


def _replayed(central, tmp_path, name, **options):
    """What a station that replays every change holds (a registry is never offered to it)."""
    reference = Station(tmp_path / name)
    admin.set_setting_value(central.server, "server.registry.min_codes", 10**9)
    try:
        reference.enroll(central, **options)
        report = reference.client.pull()
        assert report.registry_codes == 0
        return {table: reference.dump(table) for table in TABLES}
    finally:
        admin.set_setting_value(central.server, "server.registry.min_codes", 1)
        reference.close()


def _holds(station):
    return {table: station.dump(table) for table in TABLES}


@pytest.mark.parametrize(
    "options",
    [
        {"kind": "brand_warehouse", "site": "W1"},
        {"kind": "dealer_warehouse", "dealer_id": "D1", "site": "W1"},
    ],
    ids=["brand-warehouse", "dealer-view"],
)
def test_a_first_pull_from_the_registry_holds_what_a_replay_holds(
    central, station, tmp_path, memory_keyring, options
):
    sample, warehouse = _world(central)
    station.enroll(central, **options)
    info = _build_registry(central, station)
    # changes after the registry was made: the pull brings them on top
    warehouse.push([ship("wh-1", 3, sample.items[20:25], dealer="D1", order="SO-1")])
    admin.upsert_master(central.server, "products", [{"id": "P9", "gtin": "06901234567847",
                                                      "name": "新品"}])  # fmt: skip
    admin.issue_batch(central.server, "P1", 7, site="W1")

    report = station.client.pull()

    assert report.registry_codes == info.rows > 300
    assert report.pulled_changes < 100  # masters, and the codes changed since: not every code
    assert _holds(station) == _replayed(central, tmp_path, "replayed", **options)
    held = state.get(station.reader(), "sync.registry")
    assert held["snapshot_id"] == info.snapshot_id and held["as_of"] == info.as_of
    cursor = state.cursor(station.reader(), "ref")
    assert cursor >= info.as_of
    assert not station.client.pull().pulled_changes  # nothing more, nothing twice
    keys = {row[0] for row in station.reader().execute("SELECT key FROM codes")}
    w9 = set(admin.batch_codes(central.server, _batch_of(central, "W9")))
    assert w9 and not keys & w9


def _batch_of(central, site):
    with central.server.db.read() as tx:
        return tx.scalar("SELECT id FROM batches WHERE site = ?", (site,))


def test_a_registry_load_cut_anywhere_loses_and_doubles_nothing(
    central, station, tmp_path, memory_keyring, monkeypatch
):
    sample, warehouse = _world(central)
    station.enroll(central, site="W1")
    _build_registry(central, station)
    warehouse.push([ship("wh-1", 3, sample.items[20:25], dealer="D1", order="SO-1")])
    monkeypatch.setattr(registry_module, "CHUNK_ROWS", 100)

    # 1. stopped half-way through the load: nothing the station uses has changed
    def stop_after_two_chunks(phase, done, total):
        if phase == "pull" and done >= 200:  # rows of the registry loaded
            station.client.stop.set()

    station.client.progress = stop_after_two_chunks
    with pytest.raises(Exception, match="stopped"):
        station.client.pull()
    reader = station.reader()
    assert reader.execute("SELECT count(*) FROM codes").fetchone()[0] == 0
    assert not state.cursor(reader, "ref") and not state.get(reader, "sync.registry")

    # 2. the station restarts; this time it dies after the swap, before a page is applied
    station.close_client()
    real_page = SyncClient._page

    def offline_after_the_swap(self, *args, **kwargs):
        raise ConnectionError("cable pulled")

    monkeypatch.setattr(SyncClient, "_page", offline_after_the_swap)
    with pytest.raises(ConnectionError):
        station.client.pull()
    assert state.get(station.reader(), "sync.registry")["rows"] > 300
    assert not state.cursor(station.reader(), "ref")

    # 3. restarted again: the registry is not loaded twice, the pull goes on from its as_of
    monkeypatch.setattr(SyncClient, "_page", real_page)
    station.close_client()
    report = station.client.pull()
    assert report.registry_codes == 0 and report.pulled_changes < 100
    assert _holds(station) == _replayed(central, tmp_path, "replayed", site="W1")


def test_a_station_with_work_of_its_own_replays_instead(
    central, station, tmp_path, memory_keyring, monkeypatch
):
    """Codes or events already on the station: the registry would drop them, so it is not used
    (and what a cut load left beside the codes is dropped)."""
    sample, _ = _world(central)
    station.enroll(central, site="W1")
    _build_registry(central, station)
    monkeypatch.setattr(registry_module, "CHUNK_ROWS", 100)

    def stop_in_the_load(phase, done, total):
        if phase == "pull" and done >= 100:
            station.client.stop.set()

    station.client.progress = stop_in_the_load
    with pytest.raises(Exception, match="stopped"):
        station.client.pull()
    station.close_client()
    assert _tables(station) == {"codes", "codes_next"}
    station.writer.call(  # a code of its own, as receiving an unknown label makes one
        lambda conn: conn.execute("INSERT INTO codes (key, level, status, updated_at)"
                                  " VALUES ('sgtin:06901234567892.777', 'item', 'in_stock', 'now')")
    )  # fmt: skip
    station.ship(sample.items[30:32], "D1", "SO-1")  # waits to be pushed
    report = station.client.pull()
    assert report.registry_codes == 0 and report.pulled_changes > 300
    assert not state.get(station.reader(), "sync.registry")
    assert _tables(station) == {"codes"}


def _tables(station):
    rows = station.reader().execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'codes%'"
    )
    return {row[0] for row in rows}


def test_a_station_reads_its_own_registry_only(central, memory_keyring):
    _world(central)
    w1 = enroll_station(central, "st-w1", kind="brand_warehouse", site="W1")
    w9 = enroll_station(central, "st-w9", kind="brand_warehouse", site="W9")
    server = central.server
    info = server.build_snapshot(server.registry_scope(_station_row(central, "st-w1")))
    assert w1.get("/v1/snapshots/latest", params={"scope": "registry"}).json()["snapshot_id"] == (
        info.snapshot_id
    )
    assert w1.get(info.url).status_code == 200
    refused = w9.get(info.url)
    assert refused.status_code == 403 and refused.json()["error"] == "access.not_yours"
    admin.set_setting_value(server, "server.registry.min_codes", 10**9)
    small = w1.get("/v1/snapshots/latest", params={"scope": "registry"})
    assert small.status_code == 404 and small.json()["error"] == "snapshot.not_needed"


def test_a_station_killed_in_the_middle_of_the_registry_load_loses_and_doubles_nothing(
    central, tmp_path, memory_keyring
):
    """SIGKILL while the registry fills ``codes_next``; the station started again (enrolled again
    under its own id, as IT would) ends up with what a replay holds."""
    _world(central)
    admin.issue_batch(central.server, "P1", 4000, site="W1")
    first = Station(tmp_path / "killed")
    first.enroll(central, site="W1")
    _build_registry(central, first)
    folder, me = first.path.parent, first.id
    first.close()
    code = admin.create_enrollment_code(central.server, station_id=me, site="W1")
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.support.registry_pull", str(folder), central.url, code,
         "500", "1500"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("loaded") and int(line.split()[1]) >= 1500:
                child.send_signal(signal.SIGKILL)
                break
        else:
            pytest.fail("the station finished its pull before it could be killed")
    finally:
        child.kill()
        child.wait(30)
    station = Station(folder)
    try:
        reader = station.reader()
        assert reader.execute("SELECT count(*) FROM codes").fetchone()[0] == 0
        assert not state.get(reader, "sync.registry") and not state.cursor(reader, "ref")
        station.enroll(central, site="W1")
        report = station.client.pull()
        assert report.registry_codes > 4000
        assert _holds(station) == _replayed(central, tmp_path, "replayed", site="W1")
    finally:
        station.close()
