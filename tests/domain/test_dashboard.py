"""The dashboard's queries on a real station database after a known day of real work."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.domain.clock import utc_now
from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.writer import Writer
from app.domain.workflows import dashboard as dash
from app.domain.workflows.dashboard import CounterTotals, GoodsFlow, Period
from app.domain.workflows.warehouse.reports import expected_at_location
from tests.support import dashboard_data as data
from tests.support.dashboard_data import Day


@dataclass
class Store:
    """A seeded station database: writes through its Writer, reads on connections of their own
    (as the page's reader threads read)."""

    path: Path
    writer: Writer

    def call(self, fn):
        return self.writer.call(fn)

    def read(self, fn):
        conn = connect(self.path, readonly=True)
        try:
            return fn(conn)
        finally:
            conn.close()


@pytest.fixture
def store(tmp_path) -> Iterator[Store]:
    path = tmp_path / "station.sqlite3"
    open_database(path)
    writer = Writer(path)
    writer.start()
    writer.call(data.seed)
    yield Store(path, writer)
    writer.stop()


@pytest.fixture
def day(store) -> Day:
    keys = data.brand()
    store.call(lambda conn: data.give_brand(conn, keys, utc_now()))
    return Day(store.call, keys)


def test_periods_are_local_days_and_months():
    assert Period.day(dt.date(2026, 12, 31)) == Period(dt.date(2026, 12, 31), dt.date(2027, 1, 1))
    assert Period.month(dt.date(2026, 12, 6)) == Period(dt.date(2026, 12, 1), dt.date(2027, 1, 1))
    assert Period.month(dt.date(2027, 2, 28)) == Period(dt.date(2027, 2, 1), dt.date(2027, 3, 1))
    shanghai = dt.timezone(dt.timedelta(hours=8))
    assert Period.day(dt.date(2026, 12, 6)).utc_bounds(shanghai) == (
        "2026-12-05T16:00:00.000+00:00",
        "2026-12-06T16:00:00.000+00:00",
    )


def test_receipts_and_shipments_count_standing_items(store, day):
    today = Period.day(dt.date.today())
    assert store.read(lambda c: dash.goods_flow(c, today)) == GoodsFlow(0, 0, 0, 0)
    day.receive()
    day.scan(data.warehouse_data.command("switch", "ship:SO-2"))
    day.scan(data.warehouse_data.case("P1", 5))  # scanned, not shipped until FINISH
    assert store.read(lambda c: dash.goods_flow(c, today)) == GoodsFlow(1, 24, 0, 0)
    day.finish()
    day.scan(data.warehouse_data.command("switch", "receive"))
    day.scan(data.warehouse_data.item("P1", 200))
    day.scan(data.warehouse_data.command("undo"))  # an undone receipt scan is not received
    flow = store.read(lambda c: dash.goods_flow(c, today))
    assert flow == GoodsFlow(1, data.EXPECTED_RECEIVED, 1, data.EXPECTED_SHIPPED)
    assert store.read(lambda c: dash.goods_flow(c, Period.month(dt.date.today()))) == flow
    yesterday = Period.day(dt.date.today() - dt.timedelta(days=1))
    assert store.read(lambda c: dash.goods_flow(c, yesterday)) == GoodsFlow(0, 0, 0, 0)


def test_counter_totals_by_day_and_month_less_what_the_server_refused(store):
    keys = data.brand()
    noon = dt.datetime(2025, 6, 10, 4, 0, tzinfo=dt.UTC)  # midday in Shanghai, any zone's 10 June
    store.call(lambda conn: data.give_brand(conn, keys, noon))
    day = Day(store.call, keys, clock=lambda: noon)
    day.redeem("V1", 9900)
    day.redeem("V2", 5000)
    day.redeem("V3", 100)
    day.claim()
    refused = store.read(
        lambda c: c.execute(
            "SELECT event_id FROM counter_redemptions WHERE voucher_id = 'V3'"
        ).fetchone()[0],
    )
    store.call(lambda c: journal.mark(c, refused, "rejected", "voucher.already_redeemed"))
    local = noon.astimezone().date()
    totals = store.read(lambda c: dash.counter_totals(c, Period.day(local)))
    # the estimate is the station's own: zero until rebate rules are pulled
    assert totals == CounterTotals(2, 14900, 1, 2, 0)
    assert store.read(lambda c: dash.counter_totals(c, Period.month(local))) == totals
    later = Period.day(local + dt.timedelta(days=1))
    assert store.read(lambda c: dash.counter_totals(c, later)) == CounterTotals(0, 0, 0, 0, 0)
    next_month = Period.month(Period.month(local).end)
    assert store.read(lambda c: dash.counter_totals(c, next_month)).redemptions == 0


def test_stock_on_hand_per_location_and_product_in_the_asked_language(store, day):
    before = store.read(lambda c: dash.stock_on_hand(c, "en"))
    assert [(s.location_id, s.product_id, s.items) for s in before] == [
        ("A-01", "P1", 24),
        ("MAIN", "P1", 16),
        ("MAIN", "P2", 10),
    ]
    assert (before[0].location, before[0].product) == ("Aisle A-01", "Product P1")
    assert store.read(lambda c: dash.stock_on_hand(c, "zh_CN"))[1].location == "主仓"
    day.receive()
    day.ship()
    after = store.read(lambda c: dash.stock_on_hand(c))
    assert {(s.location_id, s.product_id): s.items for s in after} == data.EXPECTED_STOCK_AFTER


def test_sync_backlog_counts_what_the_server_has_not_answered(store, day):
    assert store.read(dash.sync_backlog) == dash.SyncBacklog(0, None)
    day.run()
    events = store.read(lambda c: c.execute("SELECT event_id, occurred_at FROM journal").fetchall())
    assert len(events) >= 4
    store.call(lambda c: journal.mark(c, events[0][0], "accepted"))
    backlog = store.read(dash.sync_backlog)
    assert backlog.pending == len(events) - 1 and backlog.oldest_pending_at == events[1][1]


def test_the_main_store_holds_what_its_stocktake_expects(store, day):
    """Stock on hand and the stocktake's expectation are one rule, counted two ways."""
    day.run()
    stock = store.read(dash.stock_on_hand)
    for location_id in ("MAIN", "A-01"):
        expected = store.read(lambda c, loc=location_id: expected_at_location(c, loc))
        assert {s.product_id: s.items for s in stock if s.location_id == location_id} == expected


def test_the_whole_dashboard_after_the_known_day(store, day):
    day.run()
    today = dt.date.today()
    board = store.read(lambda c: dash.dashboard(c, today))
    assert board.goods_today == GoodsFlow(1, data.EXPECTED_RECEIVED, 1, data.EXPECTED_SHIPPED)
    assert board.goods_month == board.goods_today
    assert board.counter_today.redemption_cents == data.EXPECTED_REDEMPTION_CENTS
    assert board.counter_today.rebate_units == data.EXPECTED_REBATE_UNITS
    pending = store.read(
        lambda c: c.execute("SELECT count(*) FROM journal WHERE sync_state = 'pending'").fetchone(),
    )
    assert board.backlog.pending == pending[0] > 0
