"""The distributor's figures at a glance: goods in and out, stock, the counter, the sync backlog.

Read-only and Qt-free: the dashboard page runs ``dashboard`` on a reader thread of the
``StoreGateway`` and draws what it returns. Each figure counts what still stands, the same way
the work pages count it:

- received items: items counted by receive scans in the period that were not undone (a pallet
  of 960 cans is 960 items; a receipt is a receive job with such a scan in the period);
- shipped items: the items of shipments that shipped (FINISH) in the period;
- stock on hand: what the station believes is at each location (at a named location the
  stocktake's expectation, ``expected_at_location``; the main store holds the rest);
- redemptions and installer rebates: the counter's, less those the server refused;
- waiting to sync: journal events not yet answered by the server.

"Today" and "this month" are the station's local calendar, as the day's close counts them.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from app.domain.workflows.warehouse.day import day_bounds
from app.domain.workflows.warehouse.model import DEFAULT_LOCATION
from app.domain.workflows.warehouse.names import Names
from app.domain.workflows.warehouse.reports import _LEAF_UNITS, expected_at_location


@dataclass(frozen=True, slots=True)
class Period:
    """A span of local calendar days: ``first`` included, ``end`` excluded."""

    first: dt.date
    end: dt.date

    @classmethod
    def day(cls, day: dt.date) -> Period:
        return cls(day, day + dt.timedelta(days=1))

    @classmethod
    def month(cls, day: dt.date) -> Period:
        first = day.replace(day=1)
        return cls(first, (first + dt.timedelta(days=32)).replace(day=1))

    def utc_bounds(self, tz: dt.tzinfo | None = None) -> tuple[str, str]:
        """The period as UTC text bounds, in the format the warehouse tables store."""
        return day_bounds(self.first, tz)[0], day_bounds(self.end, tz)[0]


@dataclass(frozen=True, slots=True)
class GoodsFlow:
    """Goods in and out of the warehouse in one period."""

    receipts: int  # receive jobs that counted something
    received_items: int
    shipments: int  # ship jobs that shipped
    shipped_items: int


@dataclass(frozen=True, slots=True)
class CounterTotals:
    """The counter's standing work in one period (the server has not refused it)."""

    redemptions: int
    redemption_cents: int
    rebate_claims: int
    rebate_units: int  # products claimed for installer rebates
    rebate_cents: int  # the station's estimate of those rebates


@dataclass(frozen=True, slots=True)
class StockLine:
    """Items of one product at one location."""

    location_id: str
    location: str  # in the asked language
    product_id: str
    product: str
    items: int


@dataclass(frozen=True, slots=True)
class SyncBacklog:
    pending: int  # events the server has not answered yet
    oldest_pending_at: str | None  # when the oldest of them happened (UTC text)


@dataclass(frozen=True, slots=True)
class Dashboard:
    today: dt.date
    goods_today: GoodsFlow
    goods_month: GoodsFlow
    counter_today: CounterTotals
    counter_month: CounterTotals
    backlog: SyncBacklog


def goods_flow(conn: sqlite3.Connection, period: Period, tz: dt.tzinfo | None = None) -> GoodsFlow:
    """Receipts and shipments in ``period`` (see the module's docstring for what counts)."""
    start, end = period.utc_bounds(tz)
    received = conn.execute(
        "SELECT count(DISTINCT s.job_id), coalesce(sum(s.qty), 0)"
        " FROM wh_job_scans s JOIN wh_jobs j ON j.id = s.job_id"
        " WHERE j.flow = 'receive' AND s.at >= ? AND s.at < ? AND s.undone_seq IS NULL",
        (start, end),
    ).fetchone()
    shipped = conn.execute(
        "SELECT count(*), coalesce(sum((SELECT sum(l.scanned) FROM wh_job_lines l"
        "  WHERE l.job_id = j.id)), 0)"
        " FROM wh_jobs j WHERE j.flow = 'ship' AND j.status = 'done'"
        " AND j.finished_at >= ? AND j.finished_at < ?",
        (start, end),
    ).fetchone()
    return GoodsFlow(received[0], received[1], shipped[0], shipped[1])


def counter_totals(conn: sqlite3.Connection, period: Period) -> CounterTotals:
    """Standing redemptions and installer claims on the counter's days in ``period``."""
    days = (period.first.isoformat(), period.end.isoformat())
    redeemed = conn.execute(
        "SELECT count(*), coalesce(sum(r.value_cents), 0) FROM counter_redemptions r"
        " JOIN journal j ON j.event_id = r.event_id"
        " WHERE r.day >= ? AND r.day < ? AND r.status = 'redeemed'"
        " AND j.sync_state <> 'rejected'",
        days,
    ).fetchone()
    claimed = conn.execute(
        "SELECT count(*), coalesce(sum(c.units), 0), coalesce(sum(c.estimate_cents), 0)"
        " FROM counter_claims c JOIN journal j ON j.event_id = c.event_id"
        " WHERE c.day >= ? AND c.day < ? AND j.sync_state <> 'rejected'",
        days,
    ).fetchone()
    return CounterTotals(redeemed[0], redeemed[1], *claimed)


def stock_on_hand(conn: sqlite3.Connection, language: str = "zh_CN") -> tuple[StockLine, ...]:
    """Items in stock per location and product, names in ``language``; empty ones left out.

    The named locations' stock is walked from the packages placed there (a few index
    lookups, as the stocktake's ``expected_at_location`` does); the main store holds the
    rest of what is in stock. Finding "the rest" reads every code once (about 0.7 s per
    million codes), which is why the page reads stock apart from the quick figures.
    """
    names = Names(conn, language)
    with _snapshot(conn):
        placed = _stock(conn)
    return tuple(
        StockLine(
            location_id,
            names.location_name(location_id),
            product_id,
            names.product_name(product_id),
            items,
        )
        for location_id in sorted(placed)
        for product_id, items in sorted(placed[location_id].items())
        if items
    )


def _stock(conn: sqlite3.Connection) -> dict[str, dict[str, int]]:
    """Items per product for each location id."""
    rest = dict(
        conn.execute(
            f"SELECT coalesce(c.product_id, ''), sum({_LEAF_UNITS}) FROM codes c"
            " LEFT JOIN products p ON p.id = c.product_id WHERE c.status = 'in_stock'"
            " GROUP BY c.product_id"
        ).fetchall()
    )
    placed: dict[str, dict[str, int]] = {}
    for (location_id,) in conn.execute("SELECT id FROM wh_locations ORDER BY id").fetchall():
        if location_id != DEFAULT_LOCATION:
            placed[location_id] = expected_at_location(conn, location_id)
            for product_id, items in placed[location_id].items():
                rest[product_id] = rest.get(product_id, 0) - items
    placed[DEFAULT_LOCATION] = {p: n for p, n in rest.items() if n > 0}
    return placed


def sync_backlog(conn: sqlite3.Connection) -> SyncBacklog:
    pending, oldest = conn.execute(
        "SELECT count(*), min(occurred_at) FROM journal WHERE sync_state = 'pending'"
    ).fetchone()
    return SyncBacklog(pending, oldest)


def dashboard(conn: sqlite3.Connection, today: dt.date, tz: dt.tzinfo | None = None) -> Dashboard:
    """The quick figures (all but stock), read in one read transaction so they agree."""
    day, month = Period.day(today), Period.month(today)
    with _snapshot(conn):
        return Dashboard(
            today=today,
            goods_today=goods_flow(conn, day, tz),
            goods_month=goods_flow(conn, month, tz),
            counter_today=counter_totals(conn, day),
            counter_month=counter_totals(conn, month),
            backlog=sync_backlog(conn),
        )


@contextmanager
def _snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction around several queries (unless the caller already holds one)."""
    began = not conn.in_transaction
    if began:
        conn.execute("BEGIN")
    try:
        yield
    finally:
        if began:
            conn.execute("COMMIT")
