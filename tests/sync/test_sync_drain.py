"""A station that was offline for a week drains 100,000 events on reconnect, with bounded memory
and visible progress, and every event is answered."""

from __future__ import annotations

import resource

import pytest

from sync.server import admin
from sync.server.db import open_database
from sync.server.embedded import ServerThread
from sync.server.service import Server
from tests.support.sync_station import Station

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
        admin.upsert_master(
            server, "products", [{"id": "P1", "gtin": "06901234567892", "name": "滤芯"}]
        )
        batch, _ = admin.issue_batch(server, "P1", ITEMS, site="W1")
        items = list(admin.batch_codes(server, batch))
        code = admin.create_enrollment_code(server, site="W1")
        station.client.enroll(thread.url, code)

        # a week of work, recorded offline: every item shipped once, then scanned at counters
        def work(n: int) -> tuple[str, dict]:
            if n < ITEMS:
                return "ObjectEvent", {
                    "bizStep": "shipping",
                    "epcList": [items[n]],
                    "yima:dealer": "D1",
                }
            return "ObjectEvent", {"bizStep": "inspecting", "epcList": [items[n % ITEMS]]}

        for start in range(0, EVENTS, 10_000):
            station.append_many([work(n) for n in range(start, start + 10_000)])
        assert station.client.status().pending == EVENTS

        seen: list[tuple[int, int | None]] = []
        station.client.progress = lambda phase, done, total: (
            phase == "push" and seen.append((done, total))
        )
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
        report = station.client.push()
        grown = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) / 1024

        assert report.accepted == EVENTS and report.rejected == 0
        assert station.client.status().pending == 0
        # the whole backlog as Python objects would be hundreds of MiB; draining holds one batch
        assert grown < 80, f"peak memory grew by {grown:.0f} MiB while draining"
        assert len(seen) >= EVENTS // 1000 and seen[-1] == (EVENTS, EVENTS)  # a step per batch
        assert [d for d, _ in seen] == sorted(d for d, _ in seen)
        with db.read() as tx:
            assert tx.scalar("SELECT COUNT(*) FROM events") == EVENTS
            assert tx.scalar("SELECT COUNT(*) FROM shipments WHERE standing = 1") == ITEMS
    finally:
        station.close()
        thread.stop()
        db.close()
