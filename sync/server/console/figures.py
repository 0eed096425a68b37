"""The figures head office reads, and the rows behind each one (so every bar can be drilled).

Only read queries, each bounded: lists are paginated, charts cover a fixed window.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sync.server.db import Database

PAGE_SIZE = 50
DAYS = 14  # the per-day charts
RECENT_DAYS = 30  # the "by region / dealer / rule" charts: what is happening now, not since 2019
ONLINE_WITHIN = dt.timedelta(minutes=15)
CLOCK_SKEW_S = 300  # a station clock further off than this is shown in red
# Every figure reads a bounded window through one of these, so a page stays fast with millions
# of codes and events (the benchmark: python -m tests.bench -k console).
INDEXES = (
    "CREATE INDEX IF NOT EXISTS console_events_time ON events (occurred_at)",
    "CREATE INDEX IF NOT EXISTS console_shipments_date ON shipments (ship_date)",
    "CREATE INDEX IF NOT EXISTS console_redemptions_time ON redemptions (redeemed_at)",
    "CREATE INDEX IF NOT EXISTS console_claims_month ON rebate_claims (month)",
    "CREATE INDEX IF NOT EXISTS console_anomalies_time ON anomalies (created_at)",
    "CREATE INDEX IF NOT EXISTS console_cases_opened ON diversion_cases (opened_at)",
)


def create_indexes(db: Database) -> None:
    with db.transaction() as tx:
        tx.lock("console-schema")
        for statement in INDEXES:
            tx.execute(statement)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    link: str


def _since(now: dt.datetime, days: int = RECENT_DAYS) -> str:
    return (now.astimezone(dt.UTC).date() - dt.timedelta(days=days - 1)).isoformat()


def _days(now: dt.datetime) -> list[str]:
    today = now.astimezone(dt.UTC).date()
    return [(today - dt.timedelta(days=n)).isoformat() for n in range(DAYS - 1, -1, -1)]


# what is counted per day: (table, time column, extra condition, the list behind a bar)
PER_DAY = {
    "scans": ("events", "occurred_at", "", "events"),
    "shipments": ("shipments", "ship_date", "standing = 1 AND ", "shipments"),
}


def per_day(db: Database, now: dt.datetime, what: str) -> list[Bar]:
    """The last 14 days of scans or standing shipments, a bar each (empty days too)."""
    table, column, condition, listed = PER_DAY[what]
    days = _days(now)
    with db.read() as tx:
        counts = dict(
            tx.rows(
                f"SELECT substr({column}, 1, 10) AS day, count(*) FROM {table}"
                f" WHERE {condition}{column} >= ? GROUP BY substr({column}, 1, 10)",
                (days[0],),
            )
        )
    return [Bar(day[5:], counts.get(day, 0), f"list/{listed}?day={day}") for day in days]


# who the shipments went to: (name table, shipment column, list filter)
SHIPPED_TO = {"region": ("regions", "region_id"), "dealer": ("dealers", "dealer_id")}


def shipments_by(db: Database, now: dt.datetime, to: str) -> list[Bar]:
    """The last 30 days' standing shipments per region or per dealer, biggest first."""
    table, column = SHIPPED_TO[to]
    with db.read() as tx:
        rows = tx.rows(
            f"SELECT coalesce(t.name, s.{column}, '-') AS name, s.{column}, count(*) AS n"
            f" FROM shipments s LEFT JOIN {table} t ON t.id = s.{column} WHERE s.standing = 1"
            f" AND s.ship_date >= ? GROUP BY t.name, s.{column} ORDER BY n DESC LIMIT 12",
            (_since(now),),
        )
    return [Bar(name, n, f"list/shipments?{to}={key or ''}") for name, key, n in rows]


def cases_by_status(db: Database) -> list[Bar]:
    with db.read() as tx:
        rows = tx.rows(
            "SELECT status, count(*) FROM diversion_cases GROUP BY status ORDER BY status"
        )
    return [Bar(status, n, f"list/cases?status={status}") for status, n in rows]


def cases_by_region(db: Database) -> list[Bar]:
    with db.read() as tx:
        rows = tx.rows(
            "SELECT coalesce(r.name, c.found_region_id, '-'), c.found_region_id, count(*) AS n"
            " FROM diversion_cases c LEFT JOIN regions r ON r.id = c.found_region_id"
            " GROUP BY r.name, c.found_region_id ORDER BY n DESC LIMIT 12"
        )
    return [Bar(name, n, f"list/cases?region={region or ''}") for name, region, n in rows]


def redemptions_by_month(db: Database, now: dt.datetime) -> list[Bar]:
    with db.read() as tx:
        rows = tx.rows(
            "SELECT substr(redeemed_at, 1, 7) AS month, count(*) FROM redemptions"
            " WHERE redeemed_at >= ? GROUP BY substr(redeemed_at, 1, 7) ORDER BY month DESC",
            (_since(now, 366),),
        )
    return [Bar(month, n, f"list/redemptions?month={month}") for month, n in reversed(rows)]


def rebates_by_month(db: Database, now: dt.datetime) -> list[Bar]:
    """Installer rebates claimed per month over the last year, in yuan."""
    with db.read() as tx:
        rows = tx.rows(
            "SELECT month, sum(base_cents) FROM rebate_claims WHERE month >= ? GROUP BY month"
            " ORDER BY month DESC",
            (_since(now, 366)[:7],),
        )
    return [
        Bar(month, (cents or 0) / 100, f"list/claims?month={month}")
        for month, cents in reversed(rows)
    ]


def anomalies_by_rule(db: Database, now: dt.datetime) -> list[Bar]:
    with db.read() as tx:
        rows = tx.rows(
            "SELECT kind, count(*) AS n FROM anomalies WHERE created_at >= ? GROUP BY kind"
            " ORDER BY n DESC",
            (_since(now),),
        )
    return [Bar(kind, n, f"list/anomalies?kind={kind}") for kind, n in rows]


def stations(db: Database, now: dt.datetime) -> list[dict[str, Any]]:
    cutoff = (now - ONLINE_WITHIN).astimezone(dt.UTC).isoformat(timespec="seconds")
    with db.read() as tx:
        rows = tx.all(
            "SELECT s.id, s.name, s.kind, s.site, s.revoked, s.last_seen_at, s.enrolled_at,"
            " coalesce(d.name, s.dealer_id, '') AS dealer, coalesce(r.name, s.region_id, '')"
            " AS region, p.version, p.backlog, p.clock_offset_s, p.reported_at"
            " FROM stations s LEFT JOIN dealers d ON d.id = s.dealer_id"
            " LEFT JOIN regions r ON r.id = s.region_id"
            " LEFT JOIN station_reports p ON p.station_id = s.id ORDER BY s.id"
        )
    for row in rows:
        seen = max(row["last_seen_at"] or "", row["reported_at"] or "")
        row["online"] = bool(seen) and not row["revoked"] and seen >= cutoff
        offset = row["clock_offset_s"]
        row["skewed"] = offset is not None and abs(offset) > CLOCK_SKEW_S
    return rows


# --- the rows behind the figures --------------------------------------------------------------

LISTS: dict[str, tuple[str, dict[str, str], str]] = {
    # name: (SELECT … FROM …, {filter: column}, ORDER BY)
    "events": (
        "SELECT event_id, station_id, device_seq, type, biz_step, occurred_at, operator, status,"
        " reason FROM events",
        {"day": "substr(occurred_at, 1, 10)", "station": "station_id", "status": "status"},
        "occurred_at DESC, event_id",
    ),
    "shipments": (
        "SELECT code_key, dealer_id, region_id, order_id, ship_date, station_id FROM shipments"
        " WHERE standing = 1",
        {"day": "substr(ship_date, 1, 10)", "region": "region_id", "dealer": "dealer_id"},
        "ship_date DESC, id",
    ),
    "cases": (
        "SELECT case_id, code_key, verdict, found_region_id, dealer_id, order_id, station_id,"
        " operator, status, opened_at FROM diversion_cases",
        {"status": "status", "region": "found_region_id", "dealer": "dealer_id"},
        "opened_at DESC, case_id",
    ),
    "redemptions": (
        "SELECT voucher_id, station_id, dealer_id, redeemed_at, operator FROM redemptions",
        {"month": "substr(redeemed_at, 1, 7)", "dealer": "dealer_id"},
        "redeemed_at DESC, voucher_id",
    ),
    "claims": (
        "SELECT claim_id, card_id, station_id, claimed_at, month, units, base_cents, status"
        " FROM rebate_claims",
        {"month": "month", "card": "card_id"},
        "claimed_at DESC, claim_id",
    ),
    "anomalies": (
        "SELECT id, kind, code_key, station_id, event_id, created_at FROM anomalies",
        {"kind": "kind", "station": "station_id"},
        "id DESC",
    ),
}


@dataclass
class Page:
    columns: list[str]
    rows: list[tuple[Any, ...]]
    page: int
    more: bool


def rows_behind(db: Database, name: str, filters: dict[str, str], page: int) -> Page:
    """One page of a list; filters the list does not know are ignored, never spliced into SQL."""
    select, known, order = LISTS[name]
    where, params = [], []
    for key, value in filters.items():
        if key in known and value != "":
            where.append(f"{known[key]} = ?")
            params.append(value)
    glue = " AND " if " WHERE " in select else " WHERE "
    sql = select + (glue + " AND ".join(where) if where else "") + f" ORDER BY {order}"
    sql += " LIMIT ? OFFSET ?"
    with db.read() as tx:
        cur = tx.execute(sql, [*params, PAGE_SIZE + 1, max(page - 1, 0) * PAGE_SIZE])
        columns = [d[0] for d in cur.description]
        rows = [tuple(r) for r in cur.fetchall()]
    return Page(columns, rows[:PAGE_SIZE], page, len(rows) > PAGE_SIZE)


def case(db: Database, case_id: str) -> dict[str, Any] | None:
    """A diversion case with its chain: the code, its case and pallet, where it was shipped."""
    with db.read() as tx:
        found = tx.one("SELECT * FROM diversion_cases WHERE case_id = ?", (case_id,))
        if found is None:
            return None
        chain, key = [], found["code_key"]
        for _ in range(4):  # item -> case -> pallet at most
            row = tx.one(
                "SELECT c.key, c.level, c.parent_key, c.status, c.order_id, c.shipped_at,"
                " coalesce(d.name, c.dealer_id, '') AS dealer, coalesce(r.name, c.region_id, '')"
                " AS region, coalesce(p.name, c.product_id, '') AS product FROM codes c"
                " LEFT JOIN dealers d ON d.id = c.dealer_id LEFT JOIN regions r"
                " ON r.id = c.region_id LEFT JOIN products p ON p.id = c.product_id"
                " WHERE c.key = ?",
                (key,),
            )
            if row is None:
                break
            chain.append(row)
            if not row["parent_key"]:
                break
            key = row["parent_key"]
        found["chain"] = chain
        found["region_name"] = tx.scalar(
            "SELECT name FROM regions WHERE id = ?", (found["found_region_id"],)
        ) or (found["found_region_id"] or "")
        found["store_name"] = tx.scalar(
            "SELECT name FROM stores WHERE id = ?", (found["found_store_id"],)
        ) or (found["found_store_id"] or "")
    return found


def case_photos(db: Database, case: dict[str, Any]) -> list[dict[str, Any]]:
    """The photos a case names, each with whether the station's upload has arrived."""
    import json

    try:
        named = json.loads(case.get("photos") or "[]")
    except ValueError:
        named = []
    shas = [p["sha256"] for p in named if isinstance(p, dict) and isinstance(p.get("sha256"), str)]
    with db.read() as tx:
        done = {
            sha
            for (sha,) in tx.rows(
                "SELECT sha256 FROM evidence WHERE completed_at IS NOT NULL AND sha256 IN ({})".format(
                    ",".join("?" * len(shas)) or "NULL"
                ),
                shas,
            )
        }
    return [{"sha256": sha, "arrived": sha in done} for sha in shas]
