"""Sync benchmark: push events/s (SQLite and PostgreSQL servers), pull pages/s, snapshot import.

The server runs as its own process (``main.py server``) on loopback, as in a deployment; the
station is a real store with its writer and the sync client. Each push figure comes with the
server's own judging rate, measured in the same run in-process without HTTP, as a baseline:
the gap is what HTTP, JSON and the station's bookkeeping cost. PostgreSQL runs with fsync on.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import requests

from tests.bench import Row, Scale
from tests.support import ROOT
from tests.support.pg_cluster import free_port, pg_bin, running_cluster

AREA = "sync"


def _master(server) -> None:
    from sync.server import admin

    admin.upsert_master(server, "regions", [{"id": "R1", "name": "一区"}])
    admin.upsert_master(server, "dealers", [{"id": "D1", "name": "经销商", "regions": ["R1"]}])
    admin.upsert_master(
        server, "products", [{"id": "P1", "gtin": "06901234567892", "name": "滤芯"}]
    )


@contextlib.contextmanager
def _server_process(db_url: str) -> Iterator[str]:
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "server", "--db", db_url, "--port", str(port), "--log-level", "warning"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                requests.get(url + "/health", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(30)


@contextlib.contextmanager
def _station(folder: Path) -> Iterator[object]:
    import keyring

    from sync.client.credentials import MemoryKeyring
    from tests.support.sync_station import Station

    keyring.set_keyring(MemoryKeyring())
    station = Station(folder)
    try:
        yield station
    finally:
        station.close()


def _prepare(db_url: str, codes: int) -> tuple[list[str], str]:
    """Master data and ``codes`` issued items; returns the item keys and an enrollment code."""
    from sync.server import admin
    from sync.server.db import open_database
    from sync.server.service import Server

    db = open_database(db_url)
    try:
        server = Server(db)
        _master(server)
        batch, _ = admin.issue_batch(server, "P1", codes, site="W1")
        items = list(admin.batch_codes(server, batch))
        return items, admin.create_enrollment_code(server, site="W1")
    finally:
        db.close()


def _server_only_rate(db_url: str, items: list[str]) -> float:
    """Baseline: the server judging and committing the same kind of events, no HTTP."""
    from sync.protocol import EventIn
    from sync.server.db import open_database
    from sync.server.service import Server

    db = open_database(db_url)
    try:
        server = Server(db)
        with db.transaction() as tx:
            tx.execute("INSERT INTO stations (id, name) VALUES ('bench-direct', 'bench')")
        now = dt.datetime.now(dt.UTC).isoformat()
        events = [
            EventIn(event_id=str(uuid.uuid4()), seq=n, type="ObjectEvent", occurred_at=now, operator="op",
                    station="bench-direct", payload={"bizStep": "inspecting", "epcList": [key]})
            for n, key in enumerate(items)
        ]  # fmt: skip
        started = time.perf_counter()
        for start in range(0, len(events), 1000):
            server.push("bench-direct", events[start : start + 1000])
        return len(events) / (time.perf_counter() - started)
    finally:
        db.close()


def _push(db_url: str, label: str, count: int, folder: Path) -> list[Row]:
    items, code = _prepare(db_url, count)
    with _server_process(db_url) as url, _station(folder) as station:
        station.client.enroll(url, code)
        work = [
            ("ObjectEvent", {"bizStep": "shipping", "epcList": [k], "yima:dealer": "D1"})
            for k in items
        ]
        for start in range(0, len(work), 10_000):
            station.append_many(work[start : start + 10_000])
        started = time.perf_counter()
        report = station.client.push()
        elapsed = time.perf_counter() - started
        assert report.accepted == count, report
    baseline = _server_only_rate(db_url, items)
    rate = count / elapsed
    return [
        Row(AREA, f"push events/s, {label} server", rate, "events/s", "≥ 5,000",
            f"{count:,} shipping events, batches of 1000, loopback HTTP"),
        Row(AREA, f"server-only judge+commit, {label}", baseline, "events/s", "",
            f"baseline: same server, no HTTP; end-to-end is {rate / baseline:.0%} of it"),
    ]  # fmt: skip


def _registry(db_url: str, station_id: str) -> float:
    """The server writes the station's registry snapshot (as it does in the background when the
    first station of a site asks); returns the seconds it took."""
    from sync.server.db import open_database
    from sync.server.service import Server

    db = open_database(db_url)
    try:
        server = Server(db)
        with db.read() as tx:
            station = tx.one("SELECT * FROM stations WHERE id = ?", (station_id,))
        started = time.perf_counter()
        server.build_snapshot(server.registry_scope(station))
        return time.perf_counter() - started
    finally:
        db.close()


def _pull(folder: Path, changes: int, *, snapshot_rate: float) -> list[Row]:
    """A first pull; its baseline, measured in the same run, is the snapshot import's rate
    (both write code rows through the writer: the gap is what the change stream costs)."""
    db_url = str(folder / "pull-server.sqlite3")
    _, code = _prepare(db_url, changes)
    with _server_process(db_url) as url, _station(folder / "pull-station") as station:
        station.client.enroll(url, code)
        built = _registry(db_url, station.id)
        started = time.perf_counter()
        report = station.client.pull()
        elapsed = time.perf_counter() - started
    codes = report.registry_codes + report.pulled_changes
    rate = codes / elapsed
    return [
        Row(AREA, f"first pull of {codes:,} code changes", elapsed, "s", "≤ 10 s at 1 M",
            f"{rate:,.0f} changes/s ({rate / snapshot_rate:.0%} of the snapshot import's rows/s):"
            f" {report.registry_codes:,} codes from the registry snapshot (the server wrote it in"
            f" {built:.1f} s), then {report.pulled_changes:,} changes in {report.pulled_pages} pages"),
    ]  # fmt: skip


def _snapshot(folder: Path, rows: int) -> list[Row]:
    from sync.server.db import open_database
    from sync.server.service import Server
    from sync.server.snapshots import publish

    db_url = str(folder / "snap-server.sqlite3")
    _, code = _prepare(db_url, 10)
    db = open_database(db_url)
    try:
        started = time.perf_counter()
        synthetic = (
            (
                f"sgtin:06901234567892.{n:012d}",
                f"D{n % 97:03d}",
                f"R{n % 31:02d}",
                "2026-05-01",
                f"SO-{n // 2400}",
            )
            for n in range(rows)
        )
        info = publish(Server(db).db, folder / "snapshots", synthetic, 0, dt.datetime.now(dt.UTC))
        built = time.perf_counter() - started
    finally:
        db.close()
    with _server_process(db_url) as url, _station(folder / "snap-station") as station:
        station.client.enroll(url, code)
        marks: dict[str, float] = {}

        def progress(phase: str, done: int, total: int | None) -> None:
            marks.setdefault(phase, time.perf_counter())
            marks[f"{phase}.end"] = time.perf_counter()

        station.client.progress = progress
        started = time.perf_counter()
        imported = station.client.sync_once(snapshot=True).snapshot_rows
        total = time.perf_counter() - started
        size = station.path.stat().st_size
    download = marks["snapshot.download.end"] - marks["snapshot.download"]
    load = marks["snapshot.import.end"] - marks["snapshot.import"]
    assert imported == rows
    return [
        Row(AREA, f"snapshot import rows/s at {rows:,} rows", rows / load, "rows/s", "",
            "parse + insert beside the live table through the writer, then swap"),
        Row(AREA, f"snapshot download + verify + import + swap, {rows:,} rows", total, "s",
            "≤ 120 s at 10 M", f"download {download:.1f} s of {info.size / 1e6:.0f} MB; server wrote it in {built:.1f} s"),
        Row(AREA, "station database size after the snapshot", size / 1e6, "MB", "", f"{rows:,} snapshot rows"),
    ]  # fmt: skip


def run(scale: Scale) -> list[Row]:
    rows: list[Row] = []
    events = scale.pick(2_000, 50_000)
    with tempfile.TemporaryDirectory(prefix="yima-bench-sync-") as tmp:
        folder = Path(tmp)
        rows += _push(
            str(folder / "push-server.sqlite3"), "SQLite", events, folder / "push-station-sqlite"
        )
        if pg_bin() is not None:
            with running_cluster(durable=True) as cluster:
                rows += _push(cluster.url(cluster.create_database()), "PostgreSQL", events,
                              folder / "push-station-pg")  # fmt: skip
        else:
            rows.append(Row(AREA, "push events/s, PostgreSQL server", float("nan"), "events/s", "≥ 5,000",
                            "skipped: PostgreSQL binaries not installed"))  # fmt: skip
        snapshot = _snapshot(folder, scale.pick(100_000, 10_000_000))
        rows += _pull(folder, scale.pick(10_000, 1_000_000), snapshot_rate=snapshot[0].value)
        rows += snapshot
    return rows
