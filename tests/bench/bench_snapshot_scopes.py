"""Snapshot size per scope (issue 17): the nationwide ``all`` snapshot against one region's, the
inspector's default, on a server of 10 M codes (``--quick``: 20,000).

The codes are written straight into the server's table (3 of 4 shipped, dealers and regions
round-robin over 30 regions), as many as a brand's year. A region's snapshot keeps a row per
code, so the inspector's verdicts stay the full map's, but names dealer, date and order only for
codes shipped into the region: the rest is ``~elsewhere`` and empty cells. Reported: rows, bytes
and build time of each, and the region's bytes as a share of all's, measured in the same run.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from tests.bench import Row, Scale

REGIONS = 30


def _fill(server, n: int) -> None:
    def rows():
        for i in range(n):
            shipped = i % 4 != 3
            region = f"R{i % REGIONS:02d}" if shipped else None
            yield (
                f"sgtin:06901234567892.{i:012d}", "P1", "B1", "item", "shipped" if shipped else "issued",
                f"D{i % (REGIONS * 2):03d}" if shipped else None, region,
                f"SO-{i // 1000:06d}" if shipped else None,
                "2026-11-02T08:00:00+00:00" if shipped else None, "2026-11-01T08:00:00+00:00",
            )  # fmt: skip

    columns = ("key", "product_id", "batch_id", "level", "status", "dealer_id", "region_id",
               "order_id", "shipped_at", "issued_at")  # fmt: skip
    batch: list[tuple] = []
    for row in rows():
        batch.append(row)
        if len(batch) == 100_000:
            with server.db.transaction() as tx:
                tx.bulk_insert("codes", columns, batch)
            batch.clear()
    if batch:
        with server.db.transaction() as tx:
            tx.bulk_insert("codes", columns, batch)


def run(scale: Scale) -> list[Row]:
    from sync.server.db import open_database
    from sync.server.service import Server

    n = scale.pick(20_000, 10_000_000)
    label = f"{n / 1e6:g} M" if n >= 1_000_000 else f"{n:,}"
    with tempfile.TemporaryDirectory(prefix="yima-bench-scopes-") as folder:
        db = open_database(str(Path(folder) / "server.sqlite3"))
        try:
            server = Server(db, snapshot_dir=Path(folder) / "snapshots")
            _fill(server, n)
            built = {}
            for scope in ("all", "region:R07"):
                started = time.perf_counter()
                info = server.build_snapshot(scope)
                built[scope] = (info, time.perf_counter() - started)
        finally:
            db.close()
    (whole, whole_s), (region, region_s) = built["all"], built["region:R07"]
    share = region.size / whole.size
    return [
        Row("snapshot", f"all: size ({label} codes)", whole.size / 1e6, "MB", "",
            f"{whole.rows:,} rows, built in {whole_s:.1f} s"),
        Row("snapshot", f"region (inspector default): size ({label} codes)", region.size / 1e6,
            "MB", "smaller than all", f"{region.rows:,} rows, built in {region_s:.1f} s;"
            f" {share:.0%} of all's bytes, 1 of {REGIONS} regions named"),
    ]  # fmt: skip
