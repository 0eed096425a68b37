"""What the brand's head office does to the server: master data, code batches, orders,
vouchers and installer cards, enrollment codes, deny lists, rebate rules, exports.

Every change stations need is written to the change log in the same transaction, so the next
pull brings it to them. The CLI (``python main.py admin``) and the demo seeding call these.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import secrets
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from app.domain.export_cells import safe_row
from app.domain.rules.tokens import CARD, VOUCHER, sign
from sync.server import keys, permissions, rebates, stations
from sync.server.changes import ChangeLog, set_setting
from sync.server.console import accounts
from sync.server.service import Server
from sync.server.util import dumps, iso, loads

_ID_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class AdminError(ValueError):
    """A request the admin must correct (unknown product, bad quantity...)."""


def _token_id(prefix: str) -> str:
    return prefix + "".join(secrets.choice(_ID_ALPHABET) for _ in range(10))


def gs1_check_digit(digits: str) -> str:
    """The GS1 mod-10 check digit for a GTIN or SSCC body."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(digits)))
    return str((10 - total % 10) % 10)


def case_gtin(item_gtin: str) -> str:
    """The case-level GTIN-14 (indicator digit 1) for an item's GTIN."""
    body = "1" + item_gtin.zfill(14)[1:13]
    return body + gs1_check_digit(body)


# --- master data ------------------------------------------------------------------------------

MASTER = {
    "products": ("id", "gtin", "name", "name_en", "level", "items_per_case", "cases_per_pallet"),
    "regions": ("id", "name", "name_en", "parent_id"),
    "dealers": ("id", "name", "name_en", "regions"),
    "stores": ("id", "name", "region_id", "dealer_id"),
}
KINDS = {"products": "product", "regions": "region", "dealers": "dealer", "stores": "store"}


def upsert_master(server: Server, table: str, records: Iterable[dict[str, Any]]) -> int:
    """Create or update products, regions, dealers (with ``regions`` list) or stores."""
    columns = MASTER[table]
    count = 0
    with server.db.transaction() as tx:
        log = ChangeLog(iso(server.clock()))
        for record in records:
            if not record.get("id") or not record.get("name"):
                raise AdminError(f"every {KINDS[table]} needs an id and a name: {record}")
            row: dict[str, Any] = {c: record.get(c) for c in columns}
            if table == "dealers":
                row["regions"] = dumps(list(record.get("regions") or []))
            if table == "products":
                row["level"] = row["level"] or "item"
                row["name_en"] = row["name_en"] or ""
                if row["gtin"]:
                    row["gtin"] = str(row["gtin"]).zfill(14)
            if table in ("regions", "dealers"):
                row["name_en"] = row["name_en"] or ""
            names = ", ".join(columns)
            updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:])
            tx.execute(
                f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
                f" ON CONFLICT (id) DO UPDATE SET {updates}",
                tuple(row.values()),
            )
            data = dict(row)
            if table == "dealers":
                data["regions"] = loads(row["regions"], [])
            log.add(KINDS[table], row["id"], data)
            count += 1
        log.flush(tx)
    return count


def import_master(server: Server, path: Path) -> dict[str, int]:
    """A JSON file ``{"regions": [...], "dealers": [...], "products": [...], "stores": [...]}``."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {
        table: upsert_master(server, table, data.get(table, []))
        for table in MASTER
        if table in data
    }


# --- codes ------------------------------------------------------------------------------------


def issue_batch(
    server: Server,
    product_id: str,
    count: int,
    *,
    level: str = "item",
    site: str | None = None,
    sequential: bool = False,
    start: int = 1,
    note: str = "",
    chunk: int = 20000,
) -> tuple[str, int]:
    """Issue ``count`` new codes for a product at a level; returns (batch id, codes issued).

    Items and cases get SGTINs (cases under the case GTIN, indicator 1), pallets SSCCs.
    Serials are random 12-digit numbers unless ``sequential``. Stations of ``site`` (or every
    station when no site is given) receive the codes by pull.
    """
    if level not in ("item", "case", "pallet"):
        raise AdminError(f"unknown level {level!r}")
    if count <= 0:
        raise AdminError("count must be positive")
    now = server.clock()
    batch_id = f"B{now:%Y%m%d}-{secrets.token_hex(3)}"
    with server.db.transaction() as tx:
        product = tx.one("SELECT * FROM products WHERE id = ?", (product_id,))
        if product is None:
            raise AdminError(f"unknown product {product_id!r}")
        if not product["gtin"]:
            raise AdminError(f"product {product_id} has no GTIN")
        tx.execute(
            "INSERT INTO batches (id, product_id, level, count, site, created_at, note) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (batch_id, product_id, level, count, site, iso(now), note),
        )
    audience = f"site:{site}" if site else "*"
    gtin = product["gtin"] if level == "item" else case_gtin(product["gtin"])
    issued = 0
    number = start
    while issued < count:
        keys: list[str] = []
        while len(keys) < min(chunk, count - issued):
            if sequential:
                serial = f"{number:012d}"
                number += 1
            else:
                serial = f"{secrets.randbelow(10**12):012d}"
            if level == "pallet":
                body = "0" + product["gtin"][1:8] + serial[-9:]
                keys.append(f"sscc:{body}{gs1_check_digit(body)}")
            else:
                keys.append(f"sgtin:{gtin}.{serial}")
        with server.db.transaction() as tx:
            log = ChangeLog(iso(now))
            cond, params = tx.in_list("key", keys)
            taken = {row[0] for row in tx.rows(f"SELECT key FROM codes WHERE {cond}", params)}
            new = [(k,) for k in dict.fromkeys(keys) if k not in taken][: count - issued]
            tx.executemany(
                "INSERT INTO codes (key, product_id, batch_id, level, audience, issued_at) VALUES (?, ?, ?, ?, ?, ?)",
                [(k, product_id, batch_id, level, audience, iso(now)) for (k,) in new],
            )
            for (key,) in new:
                log.add("code", key, {"level": level, "product_id": product_id, "parent_key": None,
                                      "status": "issued", "dealer_id": None, "order_id": None,
                                      "holder": None, "by": "admin"},
                        audience=audience)  # fmt: skip
                log.add("ship", key, {"dealer_id": None, "region_id": None, "ship_date": None,
                                      "order_id": None, "void": False}, stream="shipments")  # fmt: skip
            log.flush(tx)
        issued += len(new)
    return batch_id, issued


def batch_codes(server: Server, batch_id: str) -> Iterator[str]:
    with server.db.read() as tx:
        yield from (
            row[0]
            for row in tx.stream(
                "SELECT key FROM codes WHERE batch_id = ? ORDER BY key", (batch_id,)
            )
        )


# --- orders -----------------------------------------------------------------------------------


def create_order(
    server: Server,
    dealer_id: str,
    lines: dict[str, int],
    *,
    region_id: str | None = None,
    site: str | None = None,
    order_id: str | None = None,
) -> str:
    now = server.clock()
    order_id = order_id or f"SO{now:%Y%m%d}-{secrets.token_hex(2).upper()}"
    with server.db.transaction() as tx:
        dealer = tx.one("SELECT id, regions FROM dealers WHERE id = ?", (dealer_id,))
        if dealer is None:
            raise AdminError(f"unknown dealer {dealer_id!r}")
        regions = loads(dealer["regions"], [])
        if region_id is None and len(regions) == 1:
            region_id = regions[0]
        if region_id is not None and regions and region_id not in regions:
            raise AdminError(f"dealer {dealer_id} may not sell in region {region_id}")
        for product_id, qty in lines.items():
            if qty <= 0 or tx.one("SELECT id FROM products WHERE id = ?", (product_id,)) is None:
                raise AdminError(f"bad order line {product_id}:{qty}")
        tx.execute(
            "INSERT INTO orders (id, dealer_id, region_id, site, status, created_at) VALUES (?, ?, ?, ?, 'open', ?)",
            (order_id, dealer_id, region_id, site, iso(now)),
        )
        tx.executemany(
            "INSERT INTO order_lines (order_id, product_id, qty) VALUES (?, ?, ?)",
            [(order_id, p, q) for p, q in lines.items()],
        )
        log = ChangeLog(iso(now))
        _publish_order(tx, log, order_id)
        log.flush(tx)
    return order_id


def _publish_order(tx: Any, log: ChangeLog, order_id: str) -> None:
    order = tx.one("SELECT * FROM orders WHERE id = ?", (order_id,))
    lines = tx.all(
        "SELECT product_id, qty FROM order_lines WHERE order_id = ? ORDER BY product_id",
        (order_id,),
    )
    data = {k: order[k] for k in ("id", "dealer_id", "region_id", "status", "created_at")}
    data["lines"] = lines
    log.add("order", order_id, data, audience=f"site:{order['site']}" if order["site"] else "*")


def set_order_status(server: Server, order_id: str, status: str) -> None:
    if status not in ("open", "closed", "cancelled"):
        raise AdminError(f"unknown order status {status!r}")
    with server.db.transaction() as tx:
        if (
            tx.execute("UPDATE orders SET status = ? WHERE id = ?", (status, order_id)).rowcount
            == 0
        ):
            raise AdminError(f"unknown order {order_id!r}")
        log = ChangeLog(iso(server.clock()))
        _publish_order(tx, log, order_id)
        log.flush(tx)


# --- vouchers, cards, keys ----------------------------------------------------------------------


def issue_vouchers(
    server: Server,
    count: int,
    *,
    prize: str,
    value_cents: int,
    dealer_id: str | None = None,
    days: int = 90,
    campaign: str = "",
) -> list[tuple[str, str]]:
    """Signed vouchers: ``(voucher id, QR text)`` each."""
    now = server.clock()
    expires = (now.date() + dt.timedelta(days=days)).isoformat()
    out = []
    with server.db.transaction() as tx:
        log = ChangeLog(iso(now))
        if dealer_id and tx.one("SELECT id FROM dealers WHERE id = ?", (dealer_id,)) is None:
            raise AdminError(f"unknown dealer {dealer_id!r}")
        kid, key = keys.active(tx, log, now)
        for _ in range(count):
            vid = _token_id("V")
            claims = {
                "i": vid,
                "p": prize,
                "v": value_cents,
                "d": dealer_id,
                "e": expires,
                "t": now.date().isoformat(),
            }
            token = sign(VOUCHER, claims, kid, key)
            tx.execute(
                "INSERT INTO vouchers (id, kid, prize, value_cents, dealer_id, expires, issued_at, campaign, token)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (vid, kid, prize, value_cents, dealer_id, expires, iso(now), campaign, token),
            )
            out.append((vid, token))
        log.flush(tx)
    return out


def issue_card(
    server: Server, name: str, *, phone: str = "", dealer_id: str | None = None, days: int = 365
) -> tuple[str, str]:
    """A signed installer card: ``(card id, QR text)``."""
    now = server.clock()
    expires = (now.date() + dt.timedelta(days=days)).isoformat()
    with server.db.transaction() as tx:
        log = ChangeLog(iso(now))
        kid, key = keys.active(tx, log, now)
        cid = _token_id("C")
        token = sign(CARD, {"i": cid, "n": name, "d": dealer_id, "e": expires}, kid, key)
        tx.execute(
            "INSERT INTO installer_cards (id, kid, name, phone, dealer_id, expires, issued_at, token)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (cid, kid, name, phone, dealer_id, expires, iso(now), token),
        )
        log.flush(tx)
    return cid, token


def rotate_key(server: Server) -> str:
    with server.db.transaction() as tx:
        log = ChangeLog(iso(server.clock()))
        kid = keys.rotate(tx, log, server.clock())
        log.flush(tx)
    return kid


def revoke_key(server: Server, kid: str) -> bool:
    with server.db.transaction() as tx:
        log = ChangeLog(iso(server.clock()))
        done = keys.revoke(tx, log, kid, server.clock())
        log.flush(tx)
    return done


def deny(server: Server, kind: str, value: str, reason: str = "", *, remove: bool = False) -> None:
    """Put a voucher, card, device or code on the deny list (or take it off) for every station."""
    if kind not in ("voucher", "card", "device", "code"):
        raise AdminError(f"unknown deny-list kind {kind!r}")
    now = iso(server.clock())
    with server.db.transaction() as tx:
        log = ChangeLog(now)
        if remove:
            tx.execute("DELETE FROM deny_list WHERE kind = ? AND value = ?", (kind, value))
            log.add("deny", f"{kind}:{value}", {}, op="delete")
        else:
            tx.execute(
                "INSERT INTO deny_list (kind, value, reason, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (kind, value) DO UPDATE SET reason = excluded.reason",
                (kind, value, reason, now),
            )
            log.add("deny", f"{kind}:{value}", {"kind": kind, "value": value, "reason": reason})
        log.flush(tx)


# --- rebates, settings, cases, stations ---------------------------------------------------------


def set_rebate_rule(
    server: Server,
    amount_cents: int,
    *,
    product_id: str | None = None,
    valid_from: str | None = None,
    valid_to: str | None = None,
    rule_id: str | None = None,
) -> str:
    rule_id = rule_id or f"R{secrets.token_hex(3)}"
    with server.db.transaction() as tx:
        tx.execute(
            "INSERT INTO rebate_rules (id, product_id, amount_cents, valid_from, valid_to) VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET product_id = excluded.product_id, amount_cents = excluded.amount_cents,"
            " valid_from = excluded.valid_from, valid_to = excluded.valid_to",
            (rule_id, product_id, amount_cents, valid_from, valid_to),
        )
        log = ChangeLog(iso(server.clock()))
        rebates.publish(tx, log)
        log.flush(tx)
    return rule_id


def set_rebate_tier(server: Server, name: str, min_units: int, bonus_cents: int) -> None:
    with server.db.transaction() as tx:
        tx.execute(
            "INSERT INTO rebate_tiers (name, min_units, bonus_cents) VALUES (?, ?, ?) ON CONFLICT (name)"
            " DO UPDATE SET min_units = excluded.min_units, bonus_cents = excluded.bonus_cents",
            (name, min_units, bonus_cents),
        )
        log = ChangeLog(iso(server.clock()))
        rebates.publish(tx, log)
        log.flush(tx)


def set_setting_value(server: Server, key: str, value: Any) -> None:
    with server.db.transaction() as tx:
        log = ChangeLog(iso(server.clock()))
        set_setting(tx, log, key, value)
        log.flush(tx)


CASE_STATUSES = ("open", "investigating", "confirmed", "penalised", "dismissed", "closed")


def set_case_status(server: Server, case_id: str, status: str, resolution: str = "") -> None:
    """Move a diversion case on (open -> investigating -> confirmed -> penalised, or dismissed)."""
    if status not in CASE_STATUSES:
        raise AdminError(f"unknown case status {status!r}")
    now = iso(server.clock())
    with server.db.transaction() as tx:
        row = tx.one("SELECT * FROM diversion_cases WHERE case_id = ?", (case_id,))
        if row is None:
            raise AdminError(f"unknown case {case_id!r}")
        tx.execute(
            "UPDATE diversion_cases SET status = ?, resolution = ?, updated_at = ? WHERE case_id = ?",
            (status, resolution, now, case_id),
        )
        row.update(status=status, resolution=resolution, updated_at=now)
        log = ChangeLog(now)
        data = {k: v for k, v in row.items() if k not in ("photos", "event_id")}
        log.add("case", case_id, data, audience=f"station:{row['station_id']}")
        log.flush(tx)


def create_enrollment_code(server: Server, **options: Any) -> str:
    """A one-time code; ``kind`` (``permissions.KINDS``) says what the station will be, and
    dealer, site and region whose it is. No kind: ``permissions.DEFAULT_KIND``."""
    if options.get("kind") is not None and options["kind"] not in permissions.KINDS:
        raise AdminError(
            f"unknown station kind {options['kind']!r}; choose from {', '.join(permissions.KINDS)}"
        )
    with server.db.transaction() as tx:
        return stations.create_enrollment_code(tx, server.clock(), **options)


def set_station_role(
    server: Server,
    station_id: str,
    *,
    kind: str,
    actor: str,
    dealer_id: str | None = None,
    site: str | None = None,
    region_id: str | None = None,
    granted_regions: list[str] | None = None,
) -> None:
    """Change what a station is and whose it is: the only way after enrollment, and every
    change (or refused change) is a row of head office's audit log (``console_audit``), by
    ``actor`` (a console user, or ``cli:<name>`` for the command line)."""
    now = server.clock()
    accounts.create_schema(server.db)  # the audit log exists before a console ever ran
    detail = {"kind": kind, "dealer": dealer_id, "site": site, "region": region_id,
              "granted_regions": granted_regions or []}  # fmt: skip
    if kind not in permissions.KINDS:
        accounts.audit(server.db, now, actor, "station.role", station_id, "refused.kind", **detail)
        raise AdminError(
            f"unknown station kind {kind!r}; choose from {', '.join(permissions.KINDS)}"
        )
    with server.db.transaction() as tx:
        before = stations.set_role(tx, station_id, kind=kind, dealer_id=dealer_id, site=site,
                                   region_id=region_id, granted_regions=granted_regions or [])  # fmt: skip
    if before is None:
        accounts.audit(server.db, now, actor, "station.role", station_id, "unknown", **detail)
        raise AdminError(f"unknown station {station_id!r}")
    accounts.audit(server.db, now, actor, "station.role", station_id, "ok", before=before, **detail)


def set_station_revoked(server: Server, station_id: str, revoked: bool) -> None:
    with server.db.transaction() as tx:
        if not stations.set_revoked(tx, station_id, revoked):
            raise AdminError(f"unknown station {station_id!r}")


def list_stations(server: Server) -> list[dict[str, Any]]:
    with server.db.read() as tx:
        return tx.all(
            "SELECT id, name, kind, dealer_id, site, region_id, granted_regions, revoked, enrolled_at,"
            " last_seen_at FROM stations ORDER BY id"
        )


# --- export -----------------------------------------------------------------------------------

EXPORTS = {
    "codes": "SELECT key, product_id, batch_id, level, parent_key, status, dealer_id, region_id, order_id,"
    " shipped_at, shipped_by, scan_count FROM codes ORDER BY key",
    "shipments": "SELECT code_key, dealer_id, region_id, order_id, ship_date, station_id, event_id, standing,"
    " voided_event_id FROM shipments ORDER BY id",
    "events": "SELECT event_id, station_id, device_seq, type, biz_step, occurred_at, operator, received_at,"
    " status, reason, detail, payload FROM events ORDER BY received_at, station_id, device_seq",
    "redemptions": "SELECT r.voucher_id, v.prize, v.value_cents, r.station_id, r.dealer_id, r.redeemed_at,"
    " r.operator FROM redemptions r JOIN vouchers v ON v.id = r.voucher_id ORDER BY r.redeemed_at",
    "vouchers": "SELECT id, prize, value_cents, dealer_id, expires, campaign, token FROM vouchers ORDER BY id",
    "cards": "SELECT id, name, phone, dealer_id, expires, token FROM installer_cards ORDER BY id",
    "claims": "SELECT claim_id, card_id, station_id, claimed_at, month, units, base_cents, status"
    " FROM rebate_claims ORDER BY claimed_at",
    "cases": "SELECT case_id, code_key, verdict, found_region_id, found_store_id, dealer_id, ship_date,"
    " order_id, station_id, operator, note, status, opened_at, updated_at, resolution FROM diversion_cases"
    " ORDER BY opened_at",
    "anomalies": "SELECT id, kind, code_key, station_id, event_id, detail, created_at FROM anomalies ORDER BY id",
}


def export_csv(server: Server, what: str, out: Path) -> int:
    """Write one table as UTF-8 CSV (with BOM, so Excel opens Chinese text right)."""
    if what == "ledger":
        return _export_ledger(server, out)
    if what not in EXPORTS:
        raise AdminError(
            f"nothing to export called {what!r}; choose from {', '.join([*EXPORTS, 'ledger'])}"
        )
    count = 0
    with server.db.read() as tx, Path(out).open("w", encoding="utf-8-sig", newline="") as fh:
        cur = tx.execute(EXPORTS[what])
        writer = csv.writer(fh)
        writer.writerow([d[0] for d in cur.description])
        while rows := cur.fetchmany(5000):
            writer.writerows(safe_row(row) for row in rows)
            count += len(rows)
    return count


def _export_ledger(server: Server, out: Path) -> int:
    with server.db.read() as tx:
        pairs = tx.rows("SELECT DISTINCT card_id, month FROM rebate_claims ORDER BY month, card_id")
        statements = [rebates.statement(tx, card, month) for card, month in pairs]
    with Path(out).open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(
            ["month", "card_id", "units", "tier", "base_cents", "bonus_cents", "total_cents"]
        )
        for s in statements:
            row = [s.month, s.card_id, s.units, s.tier, s.base_cents, s.bonus_cents, s.total_cents]
            writer.writerow(safe_row(row))
    return len(statements)


def export_epcis(server: Server, out: Path) -> int:
    """Accepted events as one EPCIS 2.0 JSON-LD document (``sync.server.epcis``)."""
    from sync.server import epcis

    return epcis.export_document(server, out)
