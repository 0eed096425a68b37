"""A station with a known day of work for the dashboard's tests, done through the real workflows.

The warehouse of ``warehouse_data`` (stock of P1 and P2 in the main store and at A-01) and the
counter's reference data and brand keys (``counter_station``) in one database. ``Day.run``
then does, through the Writer: receive pallet 2 on IN-1 (24 × P1) and finish it, ship
case 5 of P1 on SO-2 (6 × P1), redeem vouchers V1 (¥99.00) and V2 (¥50.00) and register
an installer claim of two products. The figures that follow are in ``EXPECTED_*``.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from typing import Any

from app.domain.codes import command_text
from app.domain.workflows.base import Actor
from app.domain.workflows.counter.session import CounterSession
from app.domain.workflows.warehouse import Warehouse
from tests.support import counter_station, warehouse_data
from tests.support.counter_station import Brand

Call = Callable[[Callable[[sqlite3.Connection], Any]], Any]

EXPECTED_RECEIVED = 24  # items on pallet 2
EXPECTED_SHIPPED = 6  # items in case 5
EXPECTED_REDEMPTION_CENTS = 9900 + 5000
EXPECTED_REBATE_UNITS = 2
# Stock after the day: A-01 holds pallet 1 (24 × P1); the main store the rest of P1
# (case 5 left, pallet 2 came) and the 10 loose P2.
EXPECTED_STOCK_AFTER = {("A-01", "P1"): 24, ("MAIN", "P1"): 16 + 24 - 6, ("MAIN", "P2"): 10}


def seed(conn: sqlite3.Connection) -> None:
    """The warehouse and counter reference data (in the caller's transaction)."""
    warehouse_data.seed(conn)
    counter_station.seed_reference(conn)
    counter_station.set_identity(conn, "S-A", "D001")


def brand() -> Brand:
    made = Brand()
    made.rotate("k1")
    return made


def give_brand(conn: sqlite3.Connection, keys: Brand, now: dt.datetime) -> None:
    """The brand's keys and a fresh sync, as a pull would leave them."""
    counter_station.give_keys(conn, keys)
    counter_station.synced_at(conn, now)


class Day:
    """The known day's work, each step one writer transaction through ``call``."""

    def __init__(self, call: Call, keys: Brand, clock: Callable[[], dt.datetime] | None = None):
        self.call = call
        self.keys = keys
        self.warehouse = Warehouse(Actor("wu", station="S-A", language="en"))
        self.counter = CounterSession(clock=clock) if clock else CounterSession()
        self.clerk = Actor("op-1", "小张")

    def scan(self, code: Any) -> Any:
        return self.call(self.warehouse.scan_action(code))

    def finish(self) -> Any:
        """FINISH, and FINISH again if the job asks because it is short."""
        result = self.scan(warehouse_data.command("finish"))
        if result.decision.reason == "wh.finish_short_asked":
            result = self.scan(warehouse_data.command("finish"))
        return result

    def at_counter(self, text: str) -> Any:
        return self.call(lambda conn: self.counter.handle(conn, text, self.clerk, online=False))

    def receive(self) -> None:
        self.scan(warehouse_data.command("switch", "receive:IN-1"))
        self.scan(warehouse_data.pallet(2))
        self.finish()

    def ship(self) -> None:
        self.scan(warehouse_data.command("switch", "ship:SO-2"))
        self.scan(warehouse_data.case("P1", 5))
        self.finish()

    def redeem(self, voucher_id: str, cents: int) -> None:
        self.at_counter(self.keys.voucher(voucher_id, value=cents))
        self.at_counter(command_text("confirm"))

    def claim(self) -> None:
        self.at_counter(self.keys.card("C1"))
        self.at_counter("010690123456789221A1")
        self.at_counter("010690123456789221A2")
        self.at_counter(command_text("confirm"))

    def run(self) -> None:
        self.receive()
        self.ship()
        self.redeem("V1", 9900)
        self.redeem("V2", 5000)
        self.claim()
