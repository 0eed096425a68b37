"""Counter and inspector: voucher checks per second, verdict latency on a 10 M-row snapshot,
snapshot download and import through the real server and sync client.

- Vouchers: the whole offline check a scan gets (``redeem.assess``: Ed25519 by key id, deny
  list, expiry, dealer, this counter's and other counters' redemptions) beside the bare
  signature check (``app.domain.rules.tokens.verify``) in the same run.
- Verdicts: scan to committed check (parse, snapshot lookup, verdict, journal event, durable
  commit through the writer) against a snapshot of 10 M codes, beside the bare snapshot lookup.
- Snapshot: the reference server on loopback builds the file; the station downloads, verifies,
  imports and swaps it (``refresh_snapshot``), timed apart from the first reference pull.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from app.domain.rules.tokens import verify
from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.writer import Writer
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor
from app.domain.workflows.counter import redeem
from app.domain.workflows.inspector import checks
from app.domain.workflows.inspector.session import InspectorSession, choose_place
from tests.bench import Row, Scale, percentile
from tests.bench.datasets import CACHE, ITEM_GTIN, _schema_tag, item_key
from tests.support.counter_station import Brand, give_keys, seed_reference, set_identity

DEALERS = ("D001", "D002", "D003")
REGIONS = ("CN-SH", "CN-ZJ", "CN-JS")


def _vouchers(n: int, tmp: Path) -> list[Row]:
    brand = Brand()
    brand.rotate("k1")
    brand.rotate("k2")  # a retired key and an active one, as after a rotation
    texts = [brand.voucher(f"V{i:06d}", kid="k1" if i % 2 else "k2") for i in range(n)]
    path = tmp / "counter.sqlite3"
    open_database(path)
    conn = connect(path)
    conn.execute("BEGIN")
    set_identity(conn, "S-BENCH", "D001")
    seed_reference(conn)
    give_keys(conn, brand)
    conn.execute("COMMIT")
    keyset = {k: key.public_key() for k, key in brand.keys.items()}
    now = dt.datetime.now(dt.UTC)
    bare_s = full_s = 0.0
    for text in texts:  # interleaved, so machine load hits both alike
        started = time.perf_counter()
        verify(text, keyset)
        bare_s += time.perf_counter() - started
        started = time.perf_counter()
        result = redeem.assess(conn, text, now, online=True)
        full_s += time.perf_counter() - started
        assert not hasattr(result, "alert"), result
    bare, full = n / bare_s, n / full_s
    conn.close()
    return [
        Row(
            "counter",
            "voucher checks (full offline check)",
            full,
            "/s",
            "",
            f"{n} vouchers, 2 keys",
        ),
        Row("counter", "signature only (tokens.verify)", bare, "/s", "", "baseline"),
        Row("counter", "full check / signature only", full / bare, "x"),
    ]


def _snapshot_station(n: int) -> Path:
    """A cached station with an ``n``-row snapshot: 3 of 4 codes shipped, round-robin dealers."""
    path = CACHE / f"snapshot-{n}-{_schema_tag()}.sqlite3"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for stale in CACHE.glob(f"{building.name}*"):
        stale.unlink()
    open_database(building)
    conn = sqlite3.connect(building, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")  # a benchmark fixture, rebuilt if interrupted
    conn.execute("BEGIN")
    set_identity(conn, "S-INS", None)
    seed_reference(conn)

    def rows():
        for i in range(n):
            if i % 4 == 3:
                yield (item_key(i), None, None, None, None)
            else:
                d = i % 3
                yield (item_key(i), DEALERS[d], REGIONS[d], "2025-05-01", f"SO-{i // 1000}")

    conn.executemany("INSERT INTO sync_snapshot VALUES (?, ?, ?, ?, ?)", rows())
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    building.rename(path)
    return path


def _verdicts(n: int, scans: int, tmp: Path) -> list[Row]:
    source = _snapshot_station(n)
    path = tmp / "inspector.sqlite3"
    shutil.copyfile(source, path)
    writer = Writer(path)
    writer.start()
    rng = random.Random(11)
    try:
        fresh = {
            "rows": n,
            "imported_at": dt.datetime.now(dt.UTC).isoformat(),
            "snapshot_id": "bench",
        }
        writer.call(lambda c: knowledge.put_setting(c, "sync.snapshot", fresh))
        session = InspectorSession()
        shop = next(p for p in writer.call(lambda c: checks.places(c)) if p.id == "ST-SH-1")
        writer.call(lambda c: choose_place(c, shop))
        actor = Actor("op", "bench")
        serials = [rng.randrange(n + n // 20) for _ in range(scans)]  # ~5 % never issued
        texts = [f"01{ITEM_GTIN}21{s:012d}" for s in serials]
        for text in texts[:50]:  # warm the page cache like a station that has been scanning
            writer.call(lambda c, t=text: session.handle(c, t, actor))
        samples, commits, verdicts = [], [], {}
        baseline = {"action": "OBSERVE", "bizStep": "inspecting", "epcList": [item_key(0)]}
        for text in texts:  # each verdict beside a bare journal append+commit, interleaved
            started = time.perf_counter()
            reply = writer.call(lambda c, t=text: session.handle(c, t, actor))
            samples.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            writer.call(
                lambda c: journal.append(c, "ObjectEvent", baseline, operator="op", station="S")
            )
            commits.append((time.perf_counter() - started) * 1000)
            verdict = reply.check.judgement.verdict.value
            verdicts[verdict] = verdicts.get(verdict, 0) + 1
    finally:
        writer.stop()
    reader = connect(path, readonly=True)
    lookups = []
    for s in serials:
        started = time.perf_counter()
        reader.execute(
            "SELECT dealer_id FROM sync_snapshot WHERE key = ?", (item_key(s),)
        ).fetchone()
        lookups.append((time.perf_counter() - started) * 1000)
    reader.close()
    label = f"{n / 1e6:g} M" if n >= 1_000_000 else f"{n:,}"
    mix = ", ".join(f"{k} {v}" for k, v in sorted(verdicts.items()))
    return [
        Row(
            "inspector",
            f"verdict p50 ({label}-row snapshot)",
            percentile(samples, 50),
            "ms",
            "",
            "scan to committed check",
        ),
        Row(
            "inspector",
            f"verdict p99 ({label}-row snapshot)",
            percentile(samples, 99),
            "ms",
            "≤ 20 ms",
            mix,
        ),
        Row(
            "inspector",
            "journal append+commit p99 (same run)",
            percentile(commits, 99),
            "ms",
            "",
            "baseline: the durable commit alone",
        ),
        Row(
            "inspector",
            f"snapshot lookup p99 ({label})",
            percentile(lookups, 99),
            "ms",
            "",
            "baseline: the SELECT alone",
        ),
    ]


def _snapshot_round_trip(n: int, tmp: Path) -> list[Row]:
    import keyring

    from sync.client.client import SyncClient
    from sync.client.credentials import MemoryKeyring
    from sync.client.snapshot import refresh_snapshot
    from sync.server import admin
    from sync.server.db import open_database as open_server
    from sync.server.embedded import ServerThread
    from sync.server.service import Server

    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    db = open_server(str(tmp / "server.sqlite3"))
    server = Server(db, snapshot_dir=tmp / "snapshots")
    thread = ServerThread(server).start()
    station = tmp / "station.sqlite3"
    open_database(station)
    writer = Writer(station)
    writer.start()
    try:
        admin.upsert_master(server, "products", [{"id": "P1", "gtin": ITEM_GTIN, "name": "bench"}])
        started = time.perf_counter()
        admin.issue_batch(server, "P1", n, sequential=True, chunk=50_000)
        issue_s = time.perf_counter() - started
        started = time.perf_counter()
        server.build_snapshot()
        build_s = time.perf_counter() - started
        client = SyncClient(station, writer)
        client.enroll(thread.url, admin.create_enrollment_code(server, name="bench"))
        started = time.perf_counter()
        client.sync_once()  # reference data first (the code registry comes with it)
        first_s = time.perf_counter() - started
        started = time.perf_counter()
        rows = refresh_snapshot(client)
        sync_s = time.perf_counter() - started
        client.close()
        assert rows == n, rows
    finally:
        writer.stop()
        thread.stop()
        db.close()
        keyring.set_keyring(previous)
    label = f"{n / 1e6:g} M" if n >= 1_000_000 else f"{n:,}"
    return [
        Row(
            "inspector",
            f"snapshot build on the server ({label} codes)",
            build_s,
            "s",
            "",
            f"issuing took {issue_s:.1f} s",
        ),
        Row(
            "inspector",
            f"first sync with reference data ({label} codes)",
            first_s,
            "s",
            "",
            "before the snapshot",
        ),
        Row(
            "inspector",
            f"snapshot download + verify + import + swap ({label})",
            sync_s,
            "s",
            "",
            "refresh_snapshot",
        ),
        Row("inspector", "snapshot rows imported per second", n / sync_s, "rows/s"),
    ]


def run(scale: Scale) -> list[Row]:
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        rows += _vouchers(scale.pick(300, 5000), base)
        rows += _verdicts(scale.pick(100_000, 10_000_000), scale.pick(200, 2000), base)
        rows += _snapshot_round_trip(scale.pick(20_000, 1_000_000), base)
    return rows
