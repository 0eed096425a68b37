"""Demo data for the counter and the inspector, on top of the warehouse demo (``app/demo.py``).

``seed(conn)`` (listed in ``app.demo.AREA_SEEDERS``, runs inside its transaction) gives a demo
station what sync would otherwise bring: a demo signing key set, vouchers and installer
cards signed with it (valid ones, an expired one, one for another dealer, a cancelled one and
a forged one), rebate rules and offline caps, the station's dealer, and an inspector snapshot
of codes shipped into two regions. ``demo_scans(conn)`` lists them with labels for the demo
gun. When the demo enrolls with the in-process server, the pulled key set and data replace
these, and the server's own demo vouchers take over.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.domain.store.database import station_id
from app.domain.workflows.counter import knowledge
from sync.tokens import CARD, VOUCHER, public_key_text, sign

DEMO_KID = "demo-2025"
SETTING_SCANS = "counter.demo_scans"
DEALER = "D001"  # the demo station's dealer (Shanghai), as in the warehouse demo


def _scan(text: str, zh: str, en: str) -> dict[str, str]:
    return {"text": text, "label": zh, "label_en": en}


def seed(conn: sqlite3.Connection, now: dt.datetime | None = None) -> list[dict[str, str]]:
    now = now or dt.datetime.now(dt.UTC)
    today = now.date()
    key = Ed25519PrivateKey.generate()
    knowledge.put_setting(
        conn,
        "sync.keyset",
        {"keys": [{"kid": DEMO_KID, "public_key": public_key_text(key), "status": "active"}]},
    )
    if knowledge.setting(conn, "sync.whoami") is None:
        knowledge.put_setting(
            conn,
            "sync.whoami",
            {"station_id": station_id(conn), "dealer_id": DEALER, "region_id": "SH", "demo": True},
        )
    knowledge.put_setting(conn, "sync.last_success_at", now.isoformat())
    knowledge.put_setting(
        conn, knowledge.SETTING_CAPS, {"vouchers": 20, "value_cents": 200000, "hours": 24}
    )
    knowledge.put_setting(
        conn,
        knowledge.SETTING_REBATE_RULES,
        {
            "rules": [
                {"id": "R-ALL", "product_id": None, "amount_cents": 300},
                {"id": "R-P03", "product_id": "P03", "amount_cents": 1500},
            ],
            "tiers": [
                {"name": "bronze", "min_units": 0, "bonus_cents": 0},
                {"name": "silver", "min_units": 50, "bonus_cents": 50},
            ],
        },
    )
    later = (today + dt.timedelta(days=90)).isoformat()

    def voucher(vid: str, prize: str, cents: int, *, dealer: str | None = DEALER, expires: str = later,
                signer: Ed25519PrivateKey = key) -> str:  # fmt: skip
        claims = {"i": vid, "p": prize, "v": cents, "d": dealer, "e": expires}
        return sign(VOUCHER, claims, DEMO_KID, signer)

    def card(cid: str, name: str, expires: str = later) -> str:
        return sign(CARD, {"i": cid, "n": name, "d": DEALER, "e": expires}, DEMO_KID, key)

    scans = [
        _scan(
            voucher(f"VDEMO{n}", "啤酒开瓶器礼盒", 3900),
            f"奖券 VDEMO{n}（有效，开瓶器礼盒）",
            f"Voucher VDEMO{n} (valid, opener gift box)",
        )
        for n in range(1, 4)
    ]
    scans += [
        _scan(voucher("VDEMO4", "购物卡 50 元", 5000, dealer=None), "奖券 VDEMO4（有效，任意经销商）",
              "Voucher VDEMO4 (valid at any dealer)"),
        _scan(voucher("VDEMO5", "黄酒一瓶", 6800, expires=(today - dt.timedelta(days=3)).isoformat()),
              "奖券 VDEMO5（已过期）", "Voucher VDEMO5 (expired)"),
        _scan(voucher("VDEMO6", "白酒小酒版", 12800, dealer="D003"), "奖券 VDEMO6（杭州经销商的券）",
              "Voucher VDEMO6 (for the Hangzhou dealer)"),
        _scan(voucher("VDEMO7", "矿泉水一箱", 2400), "奖券 VDEMO7（已被品牌作废）",
              "Voucher VDEMO7 (cancelled by the brand)"),
        _scan(voucher("VFAKE8", "白酒一箱", 99900, signer=Ed25519PrivateKey.generate()),
              "伪造奖券 VFAKE8", "Forged voucher VFAKE8"),
        _scan(card("CDEMO1", "王师傅"), "小工卡 王师傅", "Installer card Master Wang"),
        _scan(card("CDEMO2", "李师傅", (today - dt.timedelta(days=1)).isoformat()),
              "小工卡 李师傅（已过期）", "Installer card Master Li (expired)"),
    ]  # fmt: skip
    knowledge.put_setting(conn, "sync.deny", {"voucher": ["VDEMO7"]})
    _snapshot(conn, now)
    knowledge.put_setting(conn, SETTING_SCANS, scans)
    return scans


def _snapshot(conn: sqlite3.Connection, now: dt.datetime) -> None:
    """Every demo code the station knows, with where it was shipped; plus bottles sold into
    Shanghai (D001) and Zhejiang/Jiangsu (D003), some of which an inspector finds elsewhere."""
    rows: list[tuple[Any, ...]] = []
    for key, dealer, order in conn.execute("SELECT key, dealer_id, order_id FROM codes"):
        if dealer:
            region = _first_region(conn, dealer)
            rows.append(
                (key, dealer, region, (now.date() - dt.timedelta(days=12)).isoformat(), order)
            )
        else:
            rows.append((key, None, None, None, None))
    gtin = conn.execute("SELECT gtin FROM products WHERE id = 'P03'").fetchone()
    if gtin:
        for n in range(900001, 900021):
            dealer, region, order = (
                ("D001", "SH", "SO-DEMO-SH") if n % 2 else ("D003", "ZJ", "SO-DEMO-ZJ")
            )
            rows.append(
                (
                    f"sgtin:{gtin[0]}.{n:08d}",
                    dealer,
                    region,
                    (now.date() - dt.timedelta(days=20)).isoformat(),
                    order,
                )
            )
    conn.executemany(
        "INSERT OR REPLACE INTO sync_snapshot (key, dealer_id, region_id, ship_date, order_id) VALUES (?, ?, ?, ?, ?)",
        rows,
    )
    knowledge.put_setting(
        conn,
        "sync.snapshot",
        {
            "snapshot_id": "demo",
            "rows": len(rows),
            "imported_at": now.isoformat(),
            "synced_at": now.isoformat(),
        },
    )


def _first_region(conn: sqlite3.Connection, dealer_id: str) -> str | None:
    row = conn.execute("SELECT regions FROM dealers WHERE id = ?", (dealer_id,)).fetchone()
    regions = json.loads(row[0]) if row and row[0] else []
    return regions[0] if regions else None


def demo_scans(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """The labelled vouchers and cards for the demo gun (``{"text", "label", "label_en"}``)."""
    value = knowledge.setting(conn, SETTING_SCANS) or []
    return value if isinstance(value, list) else []


def shelf_scans(conn: sqlite3.Connection) -> list[dict[str, str]]:
    """Bottles an inspector can find on a Shanghai shelf: sold here, diverted, copies."""
    gtin = conn.execute("SELECT gtin FROM products WHERE id = 'P03'").fetchone()
    if not gtin:
        return []
    g = gtin[0]
    return [
        _scan(f"01{g}21{900001:08d}", "白酒 900001（卖给上海经销商）", "Baijiu 900001 (sold to the Shanghai dealer)"),
        _scan(f"01{g}21{900002:08d}", "白酒 900002（卖给杭州经销商：在上海即窜货）", "Baijiu 900002 (sold to Hangzhou: diverted in Shanghai)"),
        _scan(f"01{g}21{999999:08d}", "白酒 999999（品牌从未发码：疑似假冒）", "Baijiu 999999 (never issued: suspected fake)"),
    ]  # fmt: skip
