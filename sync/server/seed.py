"""Sample data for the demo and for trying the server: the station demo's world (regions,
dealers, stores, products, orders and every code it creates), plus vouchers, installer cards,
rebate rules and tiers.

The world is handed in (``DemoWorld``; ``app.demo.registry()`` is one): whoever starts the demo
server composes the station's demo with it, so the server never imports the station's code and
both describe one world from ``resources/demo/warehouse.json``.

``seed_demo`` is safe to call again: the data is written once; each call returns a fresh
enrollment code (codes are single-use and the server keeps only their hashes).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Protocol

from sync.server import admin
from sync.server.changes import ChangeLog
from sync.server.console import accounts
from sync.server.service import Server
from sync.server.util import iso

SITE = "W01"
SHIP_DAYS_AGO = 12  # the demo's earlier shipments left the warehouse this long ago


class DemoWorld(Protocol):
    """The station demo's world: its catalog (``resources/demo/warehouse.json``), each product's
    GTIN and every code it creates, as rows ``(key, level, product, parent, status, dealer,
    order, created_at)``."""

    catalog: dict[str, Any]
    rows: list[tuple[Any, ...]]

    def gtin(self, product: str) -> str: ...


def master_data(world: DemoWorld) -> dict[str, list[dict[str, Any]]]:
    """The station demo's reference data in the server's shape (the catalog is the one source:
    the station seeds it locally, the server publishes the same rows)."""
    data = world.catalog
    return {
        "regions": [
            {"id": r["id"], "name": r["name"], "name_en": r["name_en"], "parent_id": r.get("parent")}
            for r in data["regions"]
        ],
        "dealers": [
            {"id": d["id"], "name": d["name"], "name_en": d["name_en"], "regions": d["regions"]}
            for d in data["dealers"]
        ],
        "stores": [
            {"id": s["id"], "name": s["name"], "region_id": s["region"], "dealer_id": s["dealer"]}
            for s in data["stores"]
        ],
        "products": [
            {"id": p["id"], "gtin": world.gtin(p["id"]), "name": p["name"], "name_en": p["name_en"],
             "level": "item", "items_per_case": p["items_per_case"],
             "cases_per_pallet": p["cases_per_pallet"]}
            for p in data["products"]
        ],
    }  # fmt: skip


def register_demo_codes(server: Server, world: DemoWorld) -> list[str]:
    """Register exactly the codes the station demo creates, packed as on the station; goods the
    demo shipped earlier carry their shipment (dealer, order, date), so the inspector's snapshot
    knows them. Everything else is ``issued``: the station's own stock state stays its own.
    Returns the batch ids (one per product and level)."""
    data = world.catalog
    now = server.clock()
    ship_date = (now.date() - dt.timedelta(days=SHIP_DAYS_AGO)).isoformat()
    dealer_regions = {d["id"]: d["regions"] for d in data["dealers"]}
    audience = f"site:{SITE}"
    codes: list[tuple[Any, ...]] = []
    shipments: list[tuple[Any, ...]] = []
    counts: Counter[tuple[str, str, str]] = Counter()
    log = ChangeLog(iso(now))
    for key, level, product, parent, status, dealer, order, _ in world.rows:
        batch = f"DEMO-{product}-{level}" if product else None
        if batch:
            counts[(batch, product, level)] += 1
        shipped = status == "shipped"
        regions = dealer_regions.get(dealer or "", [])
        region = regions[0] if shipped and len(regions) == 1 else None
        codes.append(
            (key, product, batch, level, parent, "shipped" if shipped else "issued",
             dealer if shipped else None, region, order if shipped else None,
             ship_date if shipped else None, "seed" if shipped else None,
             "demo-seed" if shipped else None, audience, iso(now))
        )  # fmt: skip
        log.add("code", key, {"level": level, "product_id": product, "parent_key": parent,
                              "status": "shipped" if shipped else "issued",
                              "dealer_id": dealer if shipped else None,
                              "order_id": order if shipped else None, "holder": None, "by": "admin"},
                audience=audience)  # fmt: skip
        log.add("ship", key, {"dealer_id": dealer if shipped else None, "region_id": region,
                              "ship_date": ship_date if shipped else None,
                              "order_id": order if shipped else None, "void": False},
                stream="shipments")  # fmt: skip
        if shipped:
            shipments.append((key, dealer, region, order, ship_date, "seed", "demo-seed", iso(now)))
    with server.db.transaction() as tx:
        tx.executemany(
            "INSERT INTO batches (id, product_id, level, count, site, created_at, note)"
            " VALUES (?, ?, ?, ?, ?, ?, 'demo')",
            [(b, p, lv, n, SITE, iso(now)) for (b, p, lv), n in counts.items()],
        )
        tx.executemany(
            "INSERT INTO codes (key, product_id, batch_id, level, parent_key, status, dealer_id,"
            " region_id, order_id, shipped_at, shipped_by, ship_event_id, audience, issued_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            codes,
        )
        tx.executemany(
            "INSERT INTO shipments (code_key, dealer_id, region_id, order_id, ship_date,"
            " station_id, event_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            shipments,
        )
        log.flush(tx)
    return [batch for batch, _, _ in counts]


# The demo's head-office login, printed where the newcomer looks. Only a demo server has it:
# a real server's first account comes from ``admin console-user`` and has no default password.
DEMO_CONSOLE_LOGIN = ("demo", "yima-demo-2026")


@dataclass
class DemoSeed:
    enrollment_code: str
    station_id: str | None
    vouchers: list[tuple[str, str]] = field(default_factory=list)
    cards: list[tuple[str, str]] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)
    batches: list[str] = field(default_factory=list)
    console_login: tuple[str, str] = DEMO_CONSOLE_LOGIN
    # one-time codes for the other stations of the world (``STATIONS``), made when the data is
    # written (the first call): name -> code
    station_codes: dict[str, str] = field(default_factory=dict)


# The world's other stations, each of one kind (``sync.server.permissions``): two competing
# dealers' counters and the brand's inspector in Shanghai. The demo station itself has no kind
# (head office's test kind): it plays warehouse, counter and inspector at once.
STATIONS: dict[str, dict[str, str]] = {
    "counter-D001": {"kind": "dealer_counter", "dealer_id": "D001", "region_id": "SH"},
    "counter-D003": {"kind": "dealer_counter", "dealer_id": "D003", "region_id": "ZJ"},
    "inspector-SH": {"kind": "inspector", "region_id": "SH"},
}


def seed_demo(
    server: Server, world: DemoWorld, *, station_id: str | None = None, dealer_id: str = "D001"
) -> DemoSeed:
    """Fill an empty server with sample data; return an enrollment code (for ``station_id`` only,
    when given; for any station otherwise).

    The demo station belongs to site ``W01`` (so it pulls the warehouse's codes and orders) and
    to dealer ``D001`` (so it may redeem that dealer's vouchers).
    """
    with server.db.read() as tx:
        seeded = tx.scalar("SELECT value FROM meta WHERE key = 'demo_seeded'")
    result = DemoSeed(enrollment_code="", station_id=station_id)
    if not seeded:
        data = world.catalog
        for table, records in master_data(world).items():
            admin.upsert_master(server, table, records)
        for order in data["orders"] + data["shipped_orders"]:
            result.orders.append(
                admin.create_order(
                    server, order["dealer"], order["lines"], site=SITE, order_id=order["id"]
                )
            )
        result.batches = register_demo_codes(server, world)
        result.vouchers = admin.issue_vouchers(
            server, 5, prize="精酿啤酒一箱", value_cents=9900, dealer_id="D001"
        )
        result.vouchers += admin.issue_vouchers(server, 5, prize="购物卡 50 元", value_cents=5000)
        result.cards.append(
            admin.issue_card(server, "王师傅", phone="13800000001", dealer_id="D001")
        )
        result.cards.append(
            admin.issue_card(server, "李师傅", phone="13800000002", dealer_id="D002")
        )
        admin.set_rebate_rule(server, 300, rule_id="R-ALL")
        admin.set_rebate_rule(server, 1500, product_id="P03", rule_id="R-P03")
        for name, min_units, bonus in (("bronze", 0, 0), ("silver", 50, 50), ("gold", 200, 100)):
            admin.set_rebate_tier(server, name, min_units, bonus)
        admin.set_setting_value(
            server, "counter.offline_caps", {"vouchers": 20, "value_cents": 200000, "hours": 24}
        )
        user, password = DEMO_CONSOLE_LOGIN
        accounts.create_schema(server.db)
        accounts.create_user(server.db, server.clock(), user, password, "admin")
        result.station_codes = {  # with the data: once
            name: admin.create_enrollment_code(server, name=name, **owner)
            for name, owner in STATIONS.items()
        }
        with server.db.transaction() as tx:
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('demo_seeded', '1') ON CONFLICT (key) DO NOTHING"
            )
    result.enrollment_code = admin.create_enrollment_code(
        server, station_id=station_id, name="Demo station", site=SITE, dealer_id=dealer_id,
        region_id="SH", lat=31.23, lon=121.47,
    )  # fmt: skip
    return result
