"""A counter or inspector station without a server: a migrated SQLite file and what sync would pull.

Domain tests sign their own vouchers and cards with fresh Ed25519 keys and give the station
the published key set, deny list, identity, settings and snapshot the way a pull would leave
them; the end-to-end tests get the same from the real server on loopback instead.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from app.domain.rules.tokens import CARD, VOUCHER, public_key_text, sign
from app.domain.store.database import connect, open_database
from app.domain.workflows import knowledge
from sync.client import state as sync_state
from sync.client.apply import apply_page
from sync.protocol import STREAM_REF, Change

NOW = dt.datetime(2025, 6, 10, 9, 30, tzinfo=dt.UTC)


@dataclass
class Brand:
    """The brand's signing keys, as the server holds them."""

    keys: dict[str, Ed25519PrivateKey] = field(default_factory=dict)
    status: dict[str, str] = field(default_factory=dict)
    active: str = ""

    def rotate(self, kid: str) -> str:
        if self.active:
            self.status[self.active] = "retired"
        self.keys[kid] = Ed25519PrivateKey.generate()
        self.status[kid] = "active"
        self.active = kid
        return kid

    def keyset(self) -> dict[str, Any]:
        return {
            "keys": [
                {"kid": kid, "public_key": public_key_text(key), "status": self.status[kid]}
                for kid, key in self.keys.items()
            ]
        }

    def voucher(
        self,
        vid: str,
        *,
        prize: str = "滤芯一支",
        value: int = 9900,
        dealer: str | None = "D001",
        expires: str = "2099-12-31",
        kid: str | None = None,
    ) -> str:
        kid = kid or self.active
        claims = {"i": vid, "p": prize, "v": value, "d": dealer, "e": expires}
        return sign(VOUCHER, claims, kid, self.keys[kid])

    def card(
        self,
        cid: str,
        *,
        name: str = "王师傅",
        dealer: str | None = "D001",
        expires: str = "2099-06-30",
    ) -> str:
        claims = {"i": cid, "n": name, "d": dealer, "e": expires}
        return sign(CARD, claims, self.active, self.keys[self.active])


def new_station(path: Path, *, station_id: str = "S-A", dealer_id: str | None = "D001") -> Path:
    open_database(path)
    with connect(path) as conn:
        set_identity(conn, station_id, dealer_id)
        seed_reference(conn)
    return path


def set_identity(conn: sqlite3.Connection, station_id: str, dealer_id: str | None) -> None:
    knowledge.put_setting(
        conn,
        "sync.whoami",
        {"station_id": station_id, "dealer_id": dealer_id, "region_id": "CN-SH"},
    )


def give_keys(conn: sqlite3.Connection, brand: Brand) -> None:
    pull(conn, {"kind": "keyset", "key": "signing", "op": "upsert", "data": brand.keyset()})


def deny(conn: sqlite3.Connection, kind: str, value: str) -> None:
    data = {"kind": kind, "value": value}
    pull(conn, {"kind": "deny", "key": f"{kind}:{value}", "op": "upsert", "data": data})


def synced_at(conn: sqlite3.Connection, when: dt.datetime) -> None:
    knowledge.put_setting(conn, "sync.last_success_at", when.isoformat())


def seed_reference(conn: sqlite3.Connection) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO regions (id, name, parent_id) VALUES (?, ?, ?)",
        [
            ("CN", "中国", None),
            ("CN-SH", "上海", "CN"),
            ("CN-ZJ", "浙江", "CN"),
            ("CN-ZJ-HZ", "杭州", "CN-ZJ"),
            ("CN-JS", "江苏", "CN"),
        ],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO dealers (id, name, regions) VALUES (?, ?, ?)",
        [
            ("D001", "上海一码经销", json.dumps(["CN-SH"])),
            ("D002", "浙江商贸", json.dumps(["CN-ZJ"])),
            ("D003", "江苏配送", json.dumps(["CN-JS"])),
        ],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO stores (id, name, region_id, dealer_id) VALUES (?, ?, ?, ?)",
        [
            ("ST-SH-1", "徐汇建材店", "CN-SH", "D001"),
            ("ST-HZ-1", "西湖五金店", "CN-ZJ-HZ", "D002"),
        ],
    )
    conn.executemany(
        "INSERT OR REPLACE INTO products (id, gtin, name) VALUES (?, ?, ?)",
        [("P001", "06901234567892", "净水器滤芯"), ("P002", "06901234567908", "前置过滤器")],
    )


def registry(
    conn: sqlite3.Connection,
    keys: Iterable[str],
    *,
    status: str = "shipped",
    dealer: str | None = "D001",
    product: str | None = None,
) -> None:
    """Codes in the station's copy of the brand's registry, as the pull leaves them: ``status``
    and ``dealer`` in the server's words (a dealer's station is told its own dealer only)."""
    pull(
        conn,
        *(
            {
                "kind": "code",
                "key": key,
                "op": "upsert",
                "data": {
                    "level": "item",
                    "product_id": product,
                    "status": status,
                    "dealer_id": dealer,
                    "order_id": None,
                    "holder": None,
                    "by": None,
                },
            }
            for key in keys
        ),
    )


def load_snapshot(
    conn: sqlite3.Connection,
    rows: Iterable[tuple[str, str | None, str | None, str | None, str | None]],
    when: dt.datetime,
) -> None:
    """Rows ``(key, dealer, region, ship date, order)`` as an imported snapshot, fresh at ``when``."""
    rows = list(rows)
    conn.executemany("INSERT OR REPLACE INTO sync_snapshot VALUES (?, ?, ?, ?, ?)", rows)
    knowledge.put_setting(
        conn,
        "sync.snapshot",
        {"rows": len(rows), "imported_at": when.isoformat(), "snapshot_id": "t"},
    )


def pull(conn: sqlite3.Connection, *changes: dict[str, Any]) -> None:
    """Apply changes the way the sync client applies a pulled page of the ``ref`` stream."""
    cursor = sync_state.cursor(conn, STREAM_REF) or 0
    page = [Change(seq=cursor + n + 1, **c) for n, c in enumerate(changes)]
    apply_page(conn, STREAM_REF, cursor, page, cursor + len(page), me="S-A", now=NOW.isoformat())
