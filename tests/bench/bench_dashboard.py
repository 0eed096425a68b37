"""How long the dashboard's two reads take on a station full of stock.

The page reads the quick figures and stock on hand apart, each on a reader thread, each at
most every 2 s while it is in front. Stock is the expensive one: the main store holds what
is in stock and not placed elsewhere, which means reading every code once.
Baselines, in the same run on the same connection: a plain ``count(*)`` of the codes table
(SQLite counts on its smallest index) and a ``count(*)`` of the codes in stock (a read of
every row: the floor for anything that looks at each code's status).
"""

from __future__ import annotations

import datetime as dt
import time

from app.domain.store.database import connect
from app.domain.workflows.dashboard import dashboard, stock_on_hand
from tests.bench import Row, Scale, median
from tests.bench.datasets import station_with_codes


def _ms(fn, repeat: int) -> list[float]:
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def run(scale: Scale) -> list[Row]:
    n_items = scale.pick(48_000, 1_000_000)
    repeat = scale.pick(3, 5)
    label = f"{n_items // 1000}k" if n_items < 1_000_000 else f"{n_items // 1_000_000}M"
    conn = connect(station_with_codes(n_items), readonly=True)
    try:
        today = dt.date.today()
        stock = stock_on_hand(conn)  # warm the page cache as the first refresh does
        assert sum(line.items for line in stock) == n_items, stock
        count = median(_ms(lambda: conn.execute("SELECT count(*) FROM codes").fetchone(), repeat))
        in_stock = median(
            _ms(
                lambda: conn.execute(
                    "SELECT count(*) FROM codes WHERE status = 'in_stock'"
                ).fetchone(),
                repeat,
            )
        )
        quick = median(_ms(lambda: dashboard(conn, today), repeat))
        stock_ms = median(_ms(lambda: stock_on_hand(conn), repeat))
    finally:
        conn.close()
    return [
        Row("dashboard", f"baseline: count(*) of codes ({label} items)", count, "ms"),
        Row("dashboard", f"baseline: count of codes in stock ({label})", in_stock, "ms"),
        Row(
            "dashboard",
            f"quick figures: goods, counter, sync ({label})",
            quick,
            "ms",
            "< 100 ms",
            "index lookups only (this data set has no jobs or journal)",
        ),
        Row(
            "dashboard",
            f"stock on hand per location ({label} items in stock)",
            stock_ms,
            "ms",
            "< 2,000 ms (the refresh interval)",
            f"{stock_ms / in_stock:.1f}× the in-stock count",
        ),
    ]
