"""Sample data for the demo and for trying the server: regions, dealers, stores, products with
code batches, orders, vouchers, an installer card, rebate rules and tiers.

``seed_demo`` is safe to call again: the data is written once; each call returns a fresh
enrollment code (codes are single-use and the server keeps only their hashes).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sync.server import admin
from sync.server.service import Server

SITE = "W01"
REGIONS = [
    {"id": "CN-EAST", "name": "华东", "name_en": "East China"},
    {"id": "CN-SH", "name": "上海", "name_en": "Shanghai", "parent_id": "CN-EAST"},
    {"id": "CN-ZJ", "name": "浙江", "name_en": "Zhejiang", "parent_id": "CN-EAST"},
    {"id": "CN-JS", "name": "江苏", "name_en": "Jiangsu", "parent_id": "CN-EAST"},
    {"id": "CN-SOUTH", "name": "华南", "name_en": "South China"},
    {"id": "CN-GD", "name": "广东", "name_en": "Guangdong", "parent_id": "CN-SOUTH"},
]
DEALERS = [
    {
        "id": "D001",
        "name": "上海百联商贸",
        "name_en": "Shanghai Bailian Trading",
        "regions": ["CN-SH"],
    },
    {
        "id": "D002",
        "name": "杭州西湖经销",
        "name_en": "Hangzhou Xihu Distribution",
        "regions": ["CN-ZJ", "CN-JS"],
    },
    {
        "id": "D003",
        "name": "广州珠江商行",
        "name_en": "Guangzhou Zhujiang Trading",
        "regions": ["CN-GD"],
    },
]
STORES = [
    {"id": "S001", "name": "百联徐汇店", "region_id": "CN-SH", "dealer_id": "D001"},
    {"id": "S002", "name": "西湖文三路店", "region_id": "CN-ZJ", "dealer_id": "D002"},
    {"id": "S003", "name": "天河体育西店", "region_id": "CN-GD", "dealer_id": "D003"},
]
PRODUCTS = [
    {"id": "P001", "gtin": "06901234567892", "name": "一码净水器滤芯 A1", "name_en": "Water filter cartridge A1",
     "level": "item", "items_per_case": 24, "cases_per_pallet": 40},
    {"id": "P002", "gtin": "06901234567908", "name": "一码净水器 X5", "name_en": "Water purifier X5",
     "level": "item", "items_per_case": 6, "cases_per_pallet": 20},
    {"id": "P003", "gtin": "06901234567915", "name": "一码软水机 S2", "name_en": "Water softener S2",
     "level": "item", "items_per_case": 4, "cases_per_pallet": 12},
]  # fmt: skip


@dataclass
class DemoSeed:
    enrollment_code: str
    station_id: str | None
    vouchers: list[tuple[str, str]] = field(default_factory=list)
    cards: list[tuple[str, str]] = field(default_factory=list)
    orders: list[str] = field(default_factory=list)
    batches: list[str] = field(default_factory=list)


def seed_demo(
    server: Server, *, station_id: str | None = None, dealer_id: str = "D001"
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
        admin.upsert_master(server, "regions", REGIONS)
        admin.upsert_master(server, "dealers", DEALERS)
        admin.upsert_master(server, "stores", STORES)
        admin.upsert_master(server, "products", PRODUCTS)
        for product in PRODUCTS:
            for level, count in (("item", 240), ("case", 10), ("pallet", 2)):
                batch, _ = admin.issue_batch(
                    server, product["id"], count, level=level, site=SITE, note="demo"
                )
                result.batches.append(batch)
        result.orders.append(
            admin.create_order(server, "D001", {"P001": 48, "P002": 12}, site=SITE)
        )
        result.orders.append(
            admin.create_order(server, "D002", {"P001": 24}, region_id="CN-ZJ", site=SITE)
        )
        result.orders.append(admin.create_order(server, "D003", {"P003": 8}, site=SITE))
        result.vouchers = admin.issue_vouchers(
            server, 5, prize="滤芯一支", value_cents=9900, dealer_id="D001"
        )
        result.vouchers += admin.issue_vouchers(server, 5, prize="购物卡 50 元", value_cents=5000)
        result.cards.append(
            admin.issue_card(server, "王师傅", phone="13800000001", dealer_id="D001")
        )
        result.cards.append(
            admin.issue_card(server, "李师傅", phone="13800000002", dealer_id="D002")
        )
        admin.set_rebate_rule(server, 300, rule_id="R-ALL")
        admin.set_rebate_rule(server, 1500, product_id="P002", rule_id="R-P002")
        for name, min_units, bonus in (("bronze", 0, 0), ("silver", 50, 50), ("gold", 200, 100)):
            admin.set_rebate_tier(server, name, min_units, bonus)
        admin.set_setting_value(
            server, "counter.offline_caps", {"vouchers": 20, "value_cents": 200000, "hours": 24}
        )
        with server.db.transaction() as tx:
            tx.execute(
                "INSERT INTO meta (key, value) VALUES ('demo_seeded', '1') ON CONFLICT (key) DO NOTHING"
            )
    result.enrollment_code = admin.create_enrollment_code(
        server, station_id=station_id, name="Demo station", site=SITE, dealer_id=dealer_id,
        region_id="CN-SH", lat=31.23, lon=121.47,
    )  # fmt: skip
    return result
