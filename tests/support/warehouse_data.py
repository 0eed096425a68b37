"""A small, exact warehouse for the warehouse tests: two products, two dealers, packed stock.

P1 and P2 pack 6 items to a case and 4 cases to a pallet. Pallet 1 holds cases
1-4 of P1 (items 1-24); case 5 of P1 is loose with items 25-30; items 31-40 of
P1 and 1-10 of P2 are loose; cases 90-93 of P1 are empty labels for packing.
Everything above is in stock; items 200-205 of P1 and 200-201 of P2 are registered but not
received. Orders: SO-1 (dealer D1) wants 12 × P1 and 6 × P2;
SO-2 (dealer D2) wants 6 × P1. Inbound IN-1 expects 24 × P1 (pallet 2, not yet received).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from biip.checksums import gs1_standard_check_digit

from app.domain.codes import parse
from app.domain.codes.model import Code
from app.domain.store import journal
from app.domain.store.database import connect, open_database
from app.domain.store.writer import Writer
from app.domain.workflows.warehouse import Actor, Result, Warehouse

PRODUCTS = {"P1": "695012345001", "P2": "695012345002"}  # company prefix + item reference
NOW = "2024-05-01T08:00:00+00:00"
T = TypeVar("T")


def gtin14(indicator: str, body12: str) -> str:
    base = indicator + body12
    return base + str(gs1_standard_check_digit(base))


def sscc(n: int) -> str:
    base = "0" + "6950123" + f"{n:09d}"
    return base + str(gs1_standard_check_digit(base))


def item_raw(product: str, n: int) -> str:
    return f"01{gtin14('0', PRODUCTS[product])}21{n:08d}"


def case_raw(product: str, n: int) -> str:
    return f"01{gtin14('1', PRODUCTS[product])}21{n:06d}"


def pallet_raw(n: int) -> str:
    return f"00{sscc(n)}"


def item(product: str, n: int) -> Code:
    return parse(item_raw(product, n))


def case(product: str, n: int) -> Code:
    return parse(case_raw(product, n))


def pallet(n: int) -> Code:
    return parse(pallet_raw(n))


def command(name: str, arg: str | None = None) -> Code:
    from app.domain.codes import command_text

    return parse(command_text(name, arg))


def seed(conn: sqlite3.Connection) -> None:
    """Fill a freshly opened station database (inside or outside a transaction)."""
    for pid, body in PRODUCTS.items():
        conn.execute(
            "INSERT INTO products (id, gtin, name, name_en, level, items_per_case, cases_per_pallet)"
            " VALUES (?, ?, ?, ?, 'item', 6, 4)",
            (pid, gtin14("0", body), f"产品{pid}", f"Product {pid}"),
        )
    conn.execute("INSERT INTO regions (id, name, name_en) VALUES ('R1', '华东', 'East')")
    conn.execute("INSERT INTO regions (id, name, name_en) VALUES ('R2', '华南', 'South')")
    conn.execute(
        "INSERT INTO dealers (id, name, name_en, regions) VALUES ('D1', '上海经销商', 'Shanghai dealer', '[\"R1\"]')"
    )
    conn.execute(
        "INSERT INTO dealers (id, name, name_en, regions) VALUES ('D2', '广州经销商', 'Guangzhou dealer', '[\"R2\"]')"
    )
    conn.execute(
        "INSERT INTO orders (id, dealer_id, status, created_at) VALUES ('SO-1', 'D1', 'open', ?)",
        (NOW,),
    )
    conn.execute(
        "INSERT INTO orders (id, dealer_id, status, created_at) VALUES ('SO-2', 'D2', 'open', ?)",
        (NOW,),
    )
    conn.executemany(
        "INSERT INTO order_lines (order_id, product_id, qty) VALUES (?, ?, ?)",
        [("SO-1", "P1", 12), ("SO-1", "P2", 6), ("SO-2", "P1", 6)],
    )
    rows = []

    def add(
        code: Code, level: str, product: str | None, parent: Code | None, status: str = "in_stock"
    ) -> None:
        rows.append((code.key, level, product, parent.key if parent else None, status, NOW))

    add(pallet(1), "pallet", "P1", None)
    for c in range(1, 5):
        add(case("P1", c), "case", "P1", pallet(1))
        for i in range((c - 1) * 6 + 1, c * 6 + 1):
            add(item("P1", i), "item", "P1", case("P1", c))
    add(case("P1", 5), "case", "P1", None)
    for i in range(25, 31):
        add(item("P1", i), "item", "P1", case("P1", 5))
    for i in range(31, 41):
        add(item("P1", i), "item", "P1", None)
    for i in range(1, 11):
        add(item("P2", i), "item", "P2", None)
    for c in range(90, 94):
        add(case("P1", c), "case", "P1", None, "known")
    # pallet 2: expected on inbound IN-1, registered by the brand but not received yet
    add(pallet(2), "pallet", "P1", None, "known")
    for c in range(11, 15):
        add(case("P1", c), "case", "P1", pallet(2), "known")
        for i in range(100 + (c - 11) * 6, 106 + (c - 11) * 6):
            add(item("P1", i), "item", "P1", case("P1", c), "known")
    for i in range(200, 206):  # registered by the brand, never received here
        add(item("P1", i), "item", "P1", None, "known")
    for i in range(200, 202):
        add(item("P2", i), "item", "P2", None, "known")
    conn.executemany(
        "INSERT INTO codes (key, level, product_id, parent_key, status, updated_at) VALUES (?, ?, ?, ?, ?, ?)",
        rows,
    )
    conn.execute(
        "INSERT INTO wh_locations (id, name, name_en) VALUES ('A-01', 'A区01', 'Aisle A-01')"
    )
    conn.execute(
        "INSERT INTO wh_code_locations (key, location_id) VALUES (?, 'A-01')", (pallet(1).key,)
    )
    conn.execute(
        "INSERT INTO wh_inbound (id, reference, supplier, status, created_at) VALUES ('IN-1', 'ASN-001', '工厂', 'open', ?)",
        (NOW,),
    )
    conn.execute(
        "INSERT INTO wh_inbound_lines (inbound_id, product_id, qty) VALUES ('IN-1', 'P1', 24)"
    )


class Station:
    """A real station database in a temp folder, seeded, with its writer running."""

    def __init__(self, folder: Path, *, operator: str = "op1", station: str = "ST-TEST") -> None:
        self.path = folder / "station.sqlite3"
        open_database(self.path)
        conn = connect(self.path)
        conn.execute("BEGIN")
        seed(conn)
        conn.execute("COMMIT")
        conn.close()
        self.writer = Writer(self.path)
        self.writer.start()
        self.warehouse = Warehouse(Actor(operator, station=station, language="en"))

    def scan(self, code: Code) -> Result:
        return self.writer.call(self.warehouse.scan_action(code))

    def cmd(self, name: str, arg: str | None = None) -> Result:
        return self.scan(command(name, arg))

    def finish(self) -> Result:
        """FINISH, and FINISH again when a job short of its paper asks (closing it short)."""
        result = self.cmd("finish")
        if result.decision.reason == "wh.finish_short_asked":
            result = self.cmd("finish")
        return result

    def call(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        return self.writer.call(fn)

    def read(self, sql: str, *params: object) -> list[sqlite3.Row]:
        conn = connect(self.path, readonly=True)
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            conn.close()

    def code(self, c: Code) -> sqlite3.Row:
        return self.read("SELECT * FROM codes WHERE key = ?", c.key)[0]

    def events(self) -> list[journal.Event]:
        conn = connect(self.path, readonly=True)
        try:
            return list(journal.events(conn))
        finally:
            conn.close()

    def set_setting(self, key: str, value: object) -> None:
        self.call(
            lambda conn: conn.execute(
                "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                (key, json.dumps(value)),
            )
        )

    def stop(self) -> None:
        self.writer.stop()
