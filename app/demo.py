"""Demo data: a fresh station a newcomer can run every warehouse flow on, with the simulated gun.

``prepare(data_dir)`` opens (creating) the station database and, if it is
empty, fills it from ``resources/demo/warehouse.json`` plus generated codes:
a pallet in stock and one still expected on a delivery, loose cases and items,
empty case and pallet labels for packing, goods shipped earlier (for returns),
open orders for three dealers, demo operators, and ``demo-codes.json`` — the
labelled codes the demo gun offers, so every flow can be tried without labels.

The demo server is seeded with ``registry()`` (``sync.server.seed.seed_demo``: the same JSON and
exactly the codes generated here), so the station and the server describe one world: a pull
brings the same products, dealers and codes the station already has, and the station's
events on these codes are accepted. The station still seeds its reference data itself so it
works, identically, when no server is running.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from biip.checksums import gs1_standard_check_digit

from app.domain.codes import command_text
from app.domain.store.database import connect, open_database
from app.paths import database_path, resources_dir

DEMO_CODES_FILE = "demo-codes.json"


def catalog() -> dict[str, Any]:
    return json.loads((resources_dir() / "demo" / "warehouse.json").read_text(encoding="utf-8"))


def operator_pins() -> list[tuple[str, str]]:
    """The demo operators and their PINs, shown on the login screen so a newcomer can get in."""
    return [(op["name"], op["pin"]) for op in catalog()["operators"]]


@dataclass
class Registry:
    """The demo world: its catalog, the generated code registry and the labelled scans the demo
    gun offers (also what the demo server is seeded with: ``sync.server.seed.DemoWorld``)."""

    prefix: str
    refs: dict[str, str]
    catalog: dict[str, Any] = field(default_factory=dict)
    rows: list[tuple] = field(default_factory=list)
    places: list[tuple[str, str]] = field(default_factory=list)
    gun: list[dict[str, str]] = field(default_factory=list)
    now: str = ""

    def gtin(self, product: str, indicator: str = "0") -> str:
        base = indicator + self.prefix + self.refs[product]
        return base + str(gs1_standard_check_digit(base))

    def item(self, product: str, n: int) -> tuple[str, str]:
        """(scan text, canonical key) of one item."""
        gtin = self.gtin(product)
        return f"01{gtin}21{n:08d}", f"sgtin:{gtin}.{n:08d}"

    def brand_item(self, n: int) -> tuple[str, str]:
        code = f"LJ{n:08d}"
        return f"https://t.brand.cn/q/{code}", f"brand:{code}"

    def case(self, product: str, n: int) -> tuple[str, str]:
        gtin = self.gtin(product, "1")
        return f"01{gtin}21{n:06d}", f"sgtin:{gtin}.{n:06d}"

    def pallet(self, n: int) -> tuple[str, str]:
        base = "0" + self.prefix + f"{n:09d}"
        sscc = base + str(gs1_standard_check_digit(base))
        return f"00{sscc}", f"sscc:{sscc}"

    def add(
        self,
        key: str,
        level: str,
        product: str | None,
        parent: str | None,
        status: str,
        dealer: str | None = None,
        order: str | None = None,
    ) -> None:
        self.rows.append((key, level, product, parent, status, dealer, order, self.now))

    def packed_case(
        self,
        product: str,
        case_no: int,
        items: range,
        status: str,
        parent: str | None = None,
        brand: bool = False,
        **extra: str,
    ) -> str:
        _, case_key = self.case(product, case_no)
        self.add(case_key, "case", product, parent, status, **extra)
        for n in items:
            key = self.brand_item(n)[1] if brand else self.item(product, n)[1]
            self.add(key, "item", product, case_key, status, **extra)
        return case_key

    def offer(self, text: str, zh: str, en: str) -> None:
        self.gun.append({"text": text, "label": zh, "label_en": en})


def prepare(data_dir: Path) -> None:
    """Make ``data_dir`` a demo station (does nothing to one that already has products)."""
    path = database_path(Path(data_dir))
    open_database(path)
    conn = connect(path)
    try:
        if conn.execute("SELECT count(*) FROM products").fetchone()[0]:
            return
        conn.execute("BEGIN IMMEDIATE")
        try:
            registry = _seed(conn, catalog())
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.close()
    (Path(data_dir) / DEMO_CODES_FILE).write_text(
        json.dumps(registry.gun, ensure_ascii=False, indent=1), encoding="utf-8"
    )


def add_demo_codes(data_dir: Path, entries: list[dict[str, str]]) -> None:
    """Offer more labelled scans on the demo gun (e.g. the vouchers the demo server issued)."""
    known = demo_codes(data_dir)
    texts = {entry["text"] for entry in known}
    known += [entry for entry in entries if entry["text"] not in texts]
    (Path(data_dir) / DEMO_CODES_FILE).write_text(
        json.dumps(known, ensure_ascii=False, indent=1), encoding="utf-8"
    )


def demo_codes(data_dir: Path) -> list[dict[str, str]]:
    """The demo gun's labelled scans, or [] on a station that is not a demo."""
    try:
        return json.loads((Path(data_dir) / DEMO_CODES_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []


def registry(data: dict[str, Any] | None = None, now: str = "") -> Registry:
    """Every code the demo creates (rows of the ``codes`` table) and the demo gun's scans,
    without writing anything: the station seeds it, the demo server registers it."""
    data = data if data is not None else catalog()
    reg = Registry(
        data["company_prefix"], {p["id"]: p["ref"] for p in data["products"]}, data, now=now
    )
    _codes(reg)
    return reg


def _seed(conn: sqlite3.Connection, data: dict[str, Any]) -> Registry:
    from app.domain.operators import create_operator

    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    reg = registry(data, now)
    for p in data["products"]:
        conn.execute(
            "INSERT INTO products (id, gtin, name, name_en, level, items_per_case, cases_per_pallet)"
            " VALUES (?, ?, ?, ?, 'item', ?, ?)",
            (
                p["id"],
                reg.gtin(p["id"]),
                p["name"],
                p["name_en"],
                p["items_per_case"],
                p["cases_per_pallet"],
            ),
        )
    for r in data["regions"]:
        conn.execute(
            "INSERT INTO regions (id, name, name_en, parent_id) VALUES (?, ?, ?, ?)",
            (r["id"], r["name"], r["name_en"], r.get("parent")),
        )
    for d in data["dealers"]:
        conn.execute(
            "INSERT INTO dealers (id, name, name_en, regions) VALUES (?, ?, ?, ?)",
            (d["id"], d["name"], d["name_en"], json.dumps(d["regions"])),
        )
    for s in data["stores"]:
        conn.execute(
            "INSERT INTO stores (id, name, region_id, dealer_id) VALUES (?, ?, ?, ?)",
            (s["id"], s["name"], s["region"], s["dealer"]),
        )
    for loc in data["locations"]:
        conn.execute(
            "INSERT INTO wh_locations (id, name, name_en) VALUES (?, ?, ?)",
            (loc["id"], loc["name"], loc["name_en"]),
        )
    for order in data["orders"] + data["shipped_orders"]:
        status = "shipped" if order in data["shipped_orders"] else "open"
        conn.execute(
            "INSERT INTO orders (id, dealer_id, status, created_at) VALUES (?, ?, ?, ?)",
            (order["id"], order["dealer"], status, now),
        )
        conn.executemany(
            "INSERT INTO order_lines (order_id, product_id, qty) VALUES (?, ?, ?)",
            [(order["id"], p, q) for p, q in order["lines"].items()],
        )
    for inbound in data["inbound"]:
        conn.execute(
            "INSERT INTO wh_inbound (id, reference, supplier, status, created_at) VALUES (?, ?, ?, 'open', ?)",
            (inbound["id"], inbound["reference"], inbound["supplier"], now),
        )
        conn.executemany(
            "INSERT INTO wh_inbound_lines (inbound_id, product_id, qty) VALUES (?, ?, ?)",
            [(inbound["id"], p, q) for p, q in inbound["lines"].items()],
        )
    conn.executemany(
        "INSERT INTO codes (key, level, product_id, parent_key, status, dealer_id, order_id, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        reg.rows,
    )
    conn.executemany("INSERT INTO wh_code_locations (key, location_id) VALUES (?, ?)", reg.places)
    for op in data["operators"]:
        create_operator(conn, op["name"], op["pin"], op["role"])
    return reg


def _codes(reg: Registry) -> None:
    # P01 beer: a full pallet in stock, one still on delivery ASN-8807, loose cases and cans.
    text, pallet1 = reg.pallet(1001)
    reg.add(pallet1, "pallet", "P01", None, "in_stock")
    reg.places.append((pallet1, "A-01"))
    for c in range(1, 41):
        reg.packed_case("P01", c, range((c - 1) * 24 + 1, c * 24 + 1), "in_stock", pallet1)
    reg.offer(
        text,
        "托盘 1001：啤酒 40箱 960罐（在库，A区01）",
        "Pallet 1001: beer, 40 cases, 960 cans (in stock, A-01)",
    )
    reg.offer(
        reg.case("P01", 1)[0], "啤酒箱 000001（在托盘1001上）", "Beer case 000001 (on pallet 1001)"
    )
    reg.offer(
        reg.item("P01", 1)[0],
        "啤酒罐 00000001（在箱000001里）",
        "Beer can 00000001 (in case 000001)",
    )
    text, pallet2 = reg.pallet(1002)
    reg.add(pallet2, "pallet", "P01", None, "known")
    for c in range(41, 81):
        reg.packed_case("P01", c, range((c - 1) * 24 + 1, c * 24 + 1), "known", pallet2)
    reg.offer(
        text,
        "托盘 1002：啤酒 960罐（到货单 ASN-8807，待入库）",
        "Pallet 1002: beer, 960 cans (delivery ASN-8807, to receive)",
    )
    for c in range(81, 86):
        key = reg.packed_case(
            "P01", c, range(1920 + (c - 81) * 24 + 1, 1920 + (c - 80) * 24 + 1), "in_stock"
        )
        reg.places.append((key, "A-02"))
    reg.offer(
        reg.case("P01", 81)[0], "啤酒箱 000081（散箱，A区02）", "Beer case 000081 (loose, A-02)"
    )
    for n in range(2041, 2071):
        reg.add(reg.item("P01", n)[1], "item", "P01", None, "in_stock")
    for n in range(2041, 2071):
        reg.offer(reg.item("P01", n)[0], f"散装啤酒罐 {n:08d}", f"Loose beer can {n:08d}")
    for c in range(91, 101):
        reg.add(reg.case("P01", c)[1], "case", "P01", None, "known")
    for c in range(91, 94):
        reg.offer(
            reg.case("P01", c)[0],
            f"空箱码 {c:06d}（装箱用）",
            f"Empty case label {c:06d} (for packing)",
        )
    for n in range(1901, 1904):
        text, key = reg.pallet(n)
        reg.add(key, "pallet", None, None, "known")
        reg.offer(text, f"空托盘码 {n}（组垛用）", f"Empty pallet label {n} (for palletizing)")

    # P02 rice wine: 10 cases on the delivery, 6 in stock.
    for c in range(1, 11):
        reg.packed_case("P02", c, range((c - 1) * 12 + 1, c * 12 + 1), "known")
    reg.offer(
        reg.case("P02", 1)[0],
        "黄酒箱 000001（到货单 ASN-8807）",
        "Rice wine case 000001 (delivery ASN-8807)",
    )
    for c in range(11, 17):
        key = reg.packed_case("P02", c, range((c - 1) * 12 + 1, c * 12 + 1), "in_stock")
        reg.places.append((key, "A-02"))
    reg.offer(
        reg.case("P02", 11)[0],
        "黄酒箱 000011（在库，A区02）",
        "Rice wine case 000011 (in stock, A-02)",
    )

    # P03 baijiu: cases in stock, loose bottles, empty labels, two cases shipped to D003 earlier.
    for c in range(1, 9):
        key = reg.packed_case("P03", c, range((c - 1) * 6 + 1, c * 6 + 1), "in_stock")
        reg.places.append((key, "A-01"))
    reg.offer(
        reg.case("P03", 1)[0], "白酒箱 000001（在库，A区01）", "Baijiu case 000001 (in stock, A-01)"
    )
    for n in range(49, 61):
        reg.add(reg.item("P03", n)[1], "item", "P03", None, "in_stock")
    for n in range(49, 56):
        reg.offer(reg.item("P03", n)[0], f"散装白酒 {n:08d}", f"Loose baijiu bottle {n:08d}")
    for c in range(91, 96):
        reg.add(reg.case("P03", c)[1], "case", "P03", None, "known")
    reg.offer(
        reg.case("P03", 91)[0],
        "白酒空箱码 000091（装箱用）",
        "Empty baijiu case label 000091 (for packing)",
    )
    for c in (9, 10):
        reg.packed_case(
            "P03", c, range(c * 6 + 7, c * 6 + 13), "shipped", dealer="D003", order="SO-23099"
        )
    reg.offer(
        reg.case("P03", 9)[0],
        "白酒箱 000009（已发往杭州西湖商行，退货用）",
        "Baijiu case 000009 (shipped to Hangzhou, for returns)",
    )
    for c in (11, 12):
        reg.packed_case(
            "P03", c, range(c * 6 + 7, c * 6 + 13), "shipped", dealer="D001", order="SO-23088"
        )
    # The inspector's shelf scans, found in Shanghai (judged on the server's snapshot).
    reg.offer(
        reg.item("P03", 73)[0],
        "稽查：白酒 00000073（卖给上海浦江贸易，上海货架上=正常）",
        "Shelf: baijiu 00000073 (sold to the Shanghai dealer: authorised in Shanghai)",
    )
    reg.offer(
        reg.item("P03", 61)[0],
        "稽查：白酒 00000061（卖给杭州西湖商行，在上海即窜货）",
        "Shelf: baijiu 00000061 (sold to the Hangzhou dealer: diverted in Shanghai)",
    )
    reg.offer(
        reg.item("P03", 999999)[0],
        "稽查：白酒 00999999（品牌从未发码，疑似假冒）",
        "Shelf: baijiu 00999999 (never issued: suspected fake)",
    )

    # P04 tea with the brand's QR codes on each box; P05 water in sealed cases.
    for c in range(1, 4):
        key = reg.packed_case("P04", c, range((c - 1) * 20 + 1, c * 20 + 1), "in_stock", brand=True)
        reg.places.append((key, "A-02"))
    reg.offer(
        reg.case("P04", 1)[0], "龙井茶箱 000001（在库）", "Longjing tea case 000001 (in stock)"
    )
    reg.offer(
        reg.brand_item(1)[0],
        "龙井茶盒二维码 LJ00000001（在箱里）",
        "Longjing tea box QR LJ00000001 (in a case)",
    )
    for c in range(1, 3):
        reg.add(reg.case("P05", c)[1], "case", "P05", None, "in_stock")

    reg.offer(
        reg.item("P01", 99999)[0],
        "从未见过的啤酒罐码（未核实）",
        "A beer can code never seen (unverified)",
    )
    reg.offer(reg.gtin("P01")[1:], "商品条码（不是唯一码）", "Shop barcode (not a unique code)")
    reg.offer("0169501230010122", "损坏的码（校验位错）", "Damaged code (bad check digit)")
    for name, arg, zh, en in (
        ("finish", None, "命令：完成", "Command: finish"),
        ("undo", None, "命令：撤销上一次", "Command: undo last"),
        ("cancel", None, "命令：取消任务", "Command: cancel job"),
        ("confirm", None, "命令：确认", "Command: confirm"),
        ("move", None, "命令：移入", "Command: move"),
        (
            "switch",
            "receive:IN-24001",
            "切换：按到货单 ASN-8807 入库",
            "Switch: receive delivery ASN-8807",
        ),
        (
            "switch",
            "ship:SO-24001",
            "切换：出库 订单 SO-24001（上海）",
            "Switch: ship order SO-24001 (Shanghai)",
        ),
        (
            "switch",
            "ship:SO-24002",
            "切换：出库 订单 SO-24002（广州，整托）",
            "Switch: ship order SO-24002 (Guangzhou, a pallet)",
        ),
        ("switch", "pack", "切换：装箱/组垛", "Switch: pack"),
        ("unpack", None, "切换：拆箱", "Switch: unpack"),
        ("relabel", None, "切换：换码", "Switch: relabel"),
        ("switch", "stocktake:A-01", "切换：盘点 A区01", "Switch: stocktake A-01"),
        ("switch", "return:damaged", "切换：退货（破损）", "Switch: returns (damaged)"),
    ):
        reg.offer(command_text(name, arg), zh, en)
