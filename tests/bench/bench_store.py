"""Journal append-and-commit latency (synchronous=FULL), code lookups at 1 M and 10 M codes, and
what verifying the journal's hash chain adds to a push: the verification of each 1,000-event
batch alone, against the same batches pushed to the reference server on loopback (which
verifies them too), in the same run."""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from pathlib import Path

from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.writer import Writer
from tests.bench import Row, Scale, percentile
from tests.bench.datasets import item_key, station_with_codes

LOOKUP_SQL = "SELECT level, product_id, parent_key, status, dealer_id FROM codes WHERE key = ?"


def _append_latency(n: int, tmp: Path) -> list[float]:
    path = tmp / "append.sqlite3"
    open_database(path)
    writer = Writer(path)
    writer.start()
    payload = {
        "action": "OBSERVE",
        "bizStep": "receiving",
        "epcList": ["sgtin:06950123450017.000000000001"],
    }
    samples = []
    try:
        for _ in range(n):
            started = time.perf_counter()
            writer.call(
                lambda conn: journal.append(
                    conn, "ObjectEvent", payload, operator="op", station="ST"
                )
            )
            samples.append((time.perf_counter() - started) * 1000)
    finally:
        writer.stop()
    return samples


def _bare_commit_latency(n: int, tmp: Path) -> list[float]:
    """The floor: one INSERT and a durable COMMIT on a bare table, no journal or thread hop."""
    conn = sqlite3.connect(tmp / "bare.sqlite3", isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)")
    samples = []
    for i in range(n):
        started = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO t (body) VALUES (?)", (f"event {i}",))
        conn.execute("COMMIT")
        samples.append((time.perf_counter() - started) * 1000)
    conn.close()
    return samples


def _lookup_rows(n_items: int, label: str, lookups: int) -> list[Row]:
    path = station_with_codes(n_items)
    conn = connect(path, readonly=True)
    rng = random.Random(7)
    keys = [item_key(rng.randrange(n_items)) for _ in range(lookups)]
    for key in keys[:200]:  # warm the page cache the way a running station would be
        conn.execute(LOOKUP_SQL, (key,)).fetchone()
    samples = []
    for key in keys:
        started = time.perf_counter()
        row = conn.execute(LOOKUP_SQL, (key,)).fetchone()
        samples.append((time.perf_counter() - started) * 1000)
        assert row is not None
    conn.close()
    size_mb = path.stat().st_size / 1e6
    return [
        Row("store", f"code lookup p50 ({label} codes)", percentile(samples, 50), "ms"),
        Row("store", f"code lookup p99 ({label} codes)", percentile(samples, 99), "ms", "≤ 1 ms"),
        Row("store", f"database size ({label} codes)", size_mb, "MB"),
    ]


def _chain_rows(count: int, folder: Path) -> list[Row]:
    from tests.bench.bench_sync import _prepare, _server_process, _station

    db_url = str(folder / "chain-server.sqlite3")
    items, code = _prepare(db_url, count)
    with _server_process(db_url) as url, _station(folder / "chain-station") as station:
        station.client.enroll(url, code)
        work = [
            ("ObjectEvent", {"bizStep": "shipping", "epcList": [k], "yima:dealer": "D1"})
            for k in items
        ]
        for start in range(0, len(work), 10_000):
            station.append_many(work[start : start + 10_000])
        conn = station.reader()
        batches = count / 1000
        started, point = time.perf_counter(), journal.START
        while point.seq < count:  # batch by batch, as the push's read-ahead does it
            check = journal.verify_chain(conn, start=point, upto_seq=point.seq + 1000)
            assert check.ok
            point = check.last
        verify_ms = (time.perf_counter() - started) * 1000 / batches
        started = time.perf_counter()
        report = station.client.push()
        push_ms = (time.perf_counter() - started) * 1000 / batches
        assert report.accepted == count, report
    return [
        Row("store", "chain verification per 1,000-event batch", verify_ms, "ms", "",
            f"pushing the same batch: {push_ms:.0f} ms (verification is "
            f"{verify_ms / push_ms:.1%} of it); {count:,} events, SQLite server"),
    ]  # fmt: skip


def run(scale: Scale) -> list[Row]:
    rows: list[Row] = []
    n = scale.pick(200, 2000)
    with tempfile.TemporaryDirectory() as tmp:
        appended = _append_latency(n, Path(tmp))
        bare = _bare_commit_latency(n, Path(tmp))
    rows += [
        Row("store", "journal append+commit p50", percentile(appended, 50), "ms"),
        Row(
            "store",
            "journal append+commit p99",
            percentile(appended, 99),
            "ms",
            "≤ 20 ms",
            f"bare INSERT+COMMIT p99 {percentile(bare, 99):.2f} ms "
            f"(×{percentile(appended, 99) / percentile(bare, 99):.1f})",
        ),
    ]
    lookups = scale.pick(2000, 20000)
    for n_items, label in (
        (scale.pick(10_000, 1_000_000), scale.pick("10k", "1M")),
        (scale.pick(100_000, 10_000_000), scale.pick("100k", "10M")),
    ):
        rows += _lookup_rows(n_items, label, lookups)
    with tempfile.TemporaryDirectory() as tmp:
        rows += _chain_rows(scale.pick(2_000, 20_000), Path(tmp))
    return rows
