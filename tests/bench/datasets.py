"""Station databases with millions of codes, built once and cached between benchmark runs.

Building 10 M rows takes minutes; the cache (keyed by size and schema) lets a
second run start measuring at once. Benchmarks that write get their own copy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from biip.checksums import gs1_standard_check_digit

from app.domain.store.database import open_database
from app.domain.store.migrations import migration_sets

CACHE = Path(os.environ.get("YIMA_BENCH_CACHE", "/tmp/yima-bench-cache"))
ITEMS_PER_CASE = 60
CASES_PER_PALLET = 40
PRODUCT_GTIN12 = "0695012345"  # 0 + company prefix; item GTIN-14 = "0" + 12 + check


def gtin14(indicator: str, body12: str) -> str:
    base = indicator + body12
    return base + str(gs1_standard_check_digit(base))


ITEM_GTIN = gtin14("0", PRODUCT_GTIN12 + "01")
CASE_GTIN = gtin14("1", PRODUCT_GTIN12 + "01")


def sscc(n: int) -> str:
    base = "0" + "6950123" + f"{n:09d}"
    return base + str(gs1_standard_check_digit(base))


def item_key(n: int) -> str:
    return f"sgtin:{ITEM_GTIN}.{n:012d}"


def case_key(n: int) -> str:
    return f"sgtin:{CASE_GTIN}.{n:010d}"


def pallet_key(n: int) -> str:
    return f"sscc:{sscc(n)}"


def _rows(n_items: int, now: str) -> Iterator[tuple]:
    per_pallet = ITEMS_PER_CASE * CASES_PER_PALLET
    for item in range(n_items):
        case, pallet = item // ITEMS_PER_CASE, item // per_pallet
        if item % per_pallet == 0:
            yield (pallet_key(pallet), "pallet", "P01", None, "in_stock", now)
        if item % ITEMS_PER_CASE == 0:
            yield (case_key(case), "case", "P01", pallet_key(pallet), "in_stock", now)
        yield (item_key(item), "item", "P01", case_key(case), "in_stock", now)


def _schema_tag() -> str:
    names = ",".join(f"{m.name}:{len(m._migrations)}" for m in migration_sets())
    return hashlib.sha1(names.encode()).hexdigest()[:8]


def station_with_codes(n_items: int) -> Path:
    """A cached station database holding ``n_items`` items packed 60 to a case, 40 cases to a pallet."""
    path = CACHE / f"codes-{n_items}-{_schema_tag()}.sqlite3"
    if path.exists():
        return path
    CACHE.mkdir(parents=True, exist_ok=True)
    building = path.with_suffix(".building")
    for stale in CACHE.glob(f"{building.name}*"):
        stale.unlink()
    open_database(building)
    conn = sqlite3.connect(building, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")  # a benchmark fixture, rebuilt if interrupted
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO products (id, gtin, name, name_en, level, items_per_case, cases_per_pallet)"
        " VALUES ('P01', ?, '示例产品', 'Sample product', 'item', ?, ?)",
        (ITEM_GTIN, ITEMS_PER_CASE, CASES_PER_PALLET),
    )
    conn.executemany(
        "INSERT INTO codes (key, level, product_id, parent_key, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        _rows(n_items, now),
    )
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    building.rename(path)
    return path


def writable_copy(source: Path, target_dir: Path) -> Path:
    target = target_dir / "station.sqlite3"
    shutil.copyfile(source, target)
    return target
