"""A station that was offline for a week drains 100,000 events on reconnect, with bounded memory
and visible progress, and every event is answered."""

from __future__ import annotations

import tracemalloc

import pytest

from sync.server import admin
from sync.server.db import open_database
from sync.server.embedded import ServerThread
from sync.server.service import Server
from tests.sync_station import Station

EVENTS = 100_000
ITEMS = 20_000


@pytest.mark.slow
def test_a_week_offline_drains_with_bounded_memory_and_progress(tmp_path, memory_keyring):
    db = open_database(str(tmp_path / "server.sqlite3"))
    server = Server(db, snapshot_dir=tmp_path / "snaps")
    thread = ServerThread(server).start()
    station = Station(tmp_path / "station")
    try:
        admin.upsert_master(server, "regions", [{"id": "R1", "name": "一区"}])
        admin.upsert_master(server, "dealers", [{"id": "D1", "name": "经销商", "regions": ["R1"]}])
        admin.upsert_master(server, "products", [{"id": "P1", "gtin": "06901234567892", "name": "滤芯"}])
        batch, _ = admin.issue_batch(server, "P1", ITEMS, site="W1")
        items = list(admin.batch_codes(server, batch))
        code = admin.create_enrollment_code(server, site="W1")
        station.client.enroll(thread.url, code)

        # a week of work, recorded offline: every item shipped once, then scanned at counters
        work = [("ObjectEvent", {"bizStep": "shipping", "epcList": [k], "yima:dealer": "D1"}) for k in items]
        work += [("ObjectEvent", {"bizStep": "inspecting", "epcList": [items[n % ITEMS]]})
                 for n in range(EVENTS - ITEMS)]  # fmt: skip
        for start in range(0, EVENTS, 10_000):
            station.append_many(work[start : start + 10_000])
        del work
        assert station.client.status().pending == EVENTS

        seen: list[tuple[int, int | None]] = []
        station.client.progress = lambda phase, done, total: phase == "push" and seen.append((done, total))
        tracemalloc.start()
        report = station.client.push()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

        assert report.accepted == EVENTS and report.rejected == 0
        assert station.client.status().pending == 0
        assert peak < 64 * 2**20, f"peak {peak / 2**20:.0f} MiB while draining"
        assert len(seen) >= EVENTS // 500 and seen[-1] == (EVENTS, EVENTS)
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)
        with db.read() as tx:
            assert tx.scalar("SELECT COUNT(*) FROM events") == EVENTS
            assert tx.scalar("SELECT COUNT(*) FROM shipments WHERE standing = 1") == ITEMS
    finally:
        station.close()
        thread.stop()
        db.close()
