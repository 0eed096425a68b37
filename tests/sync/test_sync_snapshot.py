"""Inspector snapshots end to end: built by the server, downloaded (resumed after a cut),
verified, imported beside the live table, swapped atomically, then brought up to date."""

from __future__ import annotations

import time

import pytest

from sync.client import snapshot as snapshot_module
from sync.client import state
from sync.client.snapshot import SnapshotCorrupt
from sync.server import admin
from tests.support.fault_proxy import FaultProxy
from tests.support.sync_data import enroll_station, seed_sample, ship
from tests.support.sync_station import Station


@pytest.fixture
def inspector(tmp_path, memory_keyring):
    st = Station(tmp_path / "inspector")
    yield st
    st.close()


def _shipped_world(central, extra: int = 0):
    sample = seed_sample(central.server, items=300)
    if extra:  # random serials: a file big enough to be cut in the middle of its body
        admin.issue_batch(central.server, "P2", extra, site="W9")
    api = enroll_station(central, "warehouse", site="W1")
    results = api.push([ship("warehouse", 1, sample.items[:100], dealer="D1", order="SO-1"),
                        ship("warehouse", 2, sample.items[100:150], dealer="D2", order="SO-2")])  # fmt: skip
    assert [r["status"] for r in results] == ["accepted", "accepted"]
    return sample, api


def _snapshot(conn):
    return {r[0]: tuple(r[1:]) for r in conn.execute("SELECT * FROM sync_snapshot")}


def test_snapshot_downloaded_resumed_verified_swapped_and_caught_up(
    central, inspector, monkeypatch
):
    sample, warehouse = _shipped_world(central, extra=20000)
    info = central.server.build_snapshot()
    total = len(sample.items + sample.cases + sample.pallets) + 20000
    assert info.size > 100_000
    assert info.rows == total
    inspector.enroll(central, region_id="R-SH")

    plan = {"n": 0}

    def cut_the_download_once(number: int, head: bytes) -> str:
        if b"/v1/snapshots/snap-" in head:
            plan["n"] += 1
            return "truncate" if plan["n"] == 1 else "pass"
        return "pass"

    seen_during_import: list[int] = []
    monkeypatch.setattr(snapshot_module, "CHUNK_ROWS", 2500)
    progress: list[tuple[str, int, int | None]] = []

    def on_progress(phase, done, total_):
        progress.append((phase, done, total_))
        if phase == "snapshot.import" and 0 < done < total:
            # the live table is untouched while the new one is built beside it
            seen_during_import.append(len(_snapshot(inspector.reader())))

    with FaultProxy(central.url, cut_the_download_once) as proxy:
        inspector.writer.call(lambda c: state.put(c, "sync.server_url", proxy.url))
        inspector.close_client()
        inspector.client.progress = on_progress
        report = inspector.client.sync_once(snapshot=True)
        ranges = [h for h in proxy.heads if b"/v1/snapshots/snap-" in h]
    inspector.writer.call(lambda c: state.put(c, "sync.server_url", central.url))
    inspector.close_client()
    assert report.snapshot_rows == total
    assert len(ranges) == 2 and b"range: bytes=" in ranges[1].lower()  # resumed, not restarted
    assert seen_during_import and set(seen_during_import) == {0}
    phases = {p for p, _, _ in progress}
    assert {"snapshot.download", "snapshot.import", "pull"} <= phases

    rows = _snapshot(inspector.reader())
    assert len(rows) == total
    assert rows[sample.items[0]][:2] == ("D1", "R-SH") and rows[sample.items[0]][3] == "SO-1"
    assert rows[sample.items[120]][:2] == ("D2", "R-ZJ")
    assert rows[sample.items[200]] == (None, None, None, None)  # issued, not shipped
    held = inspector.client.setting("sync.snapshot")
    assert held["snapshot_id"] == info.snapshot_id and held["rows"] == total and held["synced_at"]
    assert (
        not inspector.reader()
        .execute("SELECT 1 FROM sqlite_master WHERE name LIKE 'sync_snapshot_%'")
        .fetchall()
    )

    # brought up to date by the shipments stream, without downloading again
    warehouse.push([ship("warehouse", 3, [sample.items[250]], dealer="D3", order=None)])
    warehouse.push([ship("warehouse", 4, [sample.cases[0]], dealer="D1", order="SO-1")])
    inspector.client.sync_once()
    rows = _snapshot(inspector.reader())
    assert rows[sample.items[250]][:2] == ("D3", "R-GD")
    assert rows[sample.cases[0]][0] == "D1"

    # a newer snapshot replaces the table whole, and the cursor moves with it
    central.server.build_snapshot()
    assert inspector.client.sync_once(snapshot=True).snapshot_rows == total
    assert _snapshot(inspector.reader()) == rows


def test_a_snapshot_that_does_not_match_its_checksum_is_refused(central, inspector):
    _shipped_world(central)
    info = central.server.build_snapshot()
    inspector.enroll(central)
    path = central.server.snapshot_path(info.snapshot_id)
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(SnapshotCorrupt):
        inspector.client.sync_once(snapshot=True)
    assert not _snapshot(inspector.reader())
    assert inspector.client.setting("sync.snapshot") is None
    assert not list((inspector.path.parent / "sync").glob("*.part"))


def test_the_server_builds_a_missing_snapshot_in_the_background(central):
    """No snapshot yet: 503 with Retry-After while it is built, then the snapshot."""
    seed_sample(central.server)
    api = enroll_station(central, "inspector-1")
    answer = api.get("/v1/snapshots/latest")
    if answer.status_code == 503:  # the build may already be done on a fast machine
        assert answer.headers["Retry-After"] == "5" and answer.json()["error"] == "server.busy"
    deadline = time.monotonic() + 20
    while answer.status_code != 200 and time.monotonic() < deadline:
        time.sleep(0.05)
        answer = api.get("/v1/snapshots/latest")
    assert answer.status_code == 200 and answer.json()["rows"] > 0
    whole = api.get(answer.json()["url"])
    part = api.get(answer.json()["url"], headers={"Range": "bytes=10-"})
    assert part.status_code == 206 and part.content == whole.content[10:]
