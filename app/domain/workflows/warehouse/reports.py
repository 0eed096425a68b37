"""Read-only views of warehouse work: job lists, orders to ship, stocktake differences.

Everything here takes a connection and only reads, so the page runs it on a
reader thread (never the GUI thread, never the writer) and the bench can time it.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from app.domain.workflows.warehouse.model import DEFAULT_LOCATION, Flow

LIST_LIMIT = 500

# What the station believes is at :loc: packages placed there and all they hold (unless a part
# was placed elsewhere since); for the main store also stock that never got a place.
_EXPECTED = """
e(key) AS (
    SELECT key FROM wh_code_locations WHERE location_id = :loc
    UNION
    SELECT c.key FROM codes c WHERE :loc = :main AND c.parent_key IS NULL AND c.status = 'in_stock'
        AND NOT EXISTS (SELECT 1 FROM wh_code_locations l WHERE l.key = c.key)
    UNION
    SELECT c.key FROM codes c JOIN e ON c.parent_key = e.key
    WHERE NOT EXISTS (SELECT 1 FROM wh_code_locations l WHERE l.key = c.key AND l.location_id != :loc)
)
"""

# What a stocktake job counted: the packages scanned and all they hold.
_COUNTED = """
n(key) AS (
    SELECT key FROM wh_job_scans WHERE job_id = :job AND undone_seq IS NULL
    UNION
    SELECT c.key FROM codes c JOIN n ON c.parent_key = n.key
)
"""

# Leaves only: an item, or a sealed case or pallet whose contents the station does not know.
_LEAF_UNITS = """
CASE WHEN c.level = 'item' THEN 1
     WHEN EXISTS (SELECT 1 FROM codes k WHERE k.parent_key = c.key) THEN 0
     WHEN c.level = 'case' THEN coalesce(p.items_per_case, 1)
     ELSE coalesce(p.items_per_case, 1) * coalesce(p.cases_per_pallet, 1) END
"""


def expected_at_location(conn: sqlite3.Connection, location_id: str) -> dict[str, int]:
    """Items per product the station believes are in stock at ``location_id``.

    Stock never given a place counts as being in the main store; finding it
    scans the codes table, which is why stocktakes of the main store start slower
    at millions of codes than those of a named location.
    """
    rows = conn.execute(
        f"WITH RECURSIVE {_EXPECTED} SELECT coalesce(c.product_id, ''), sum({_LEAF_UNITS})"
        " FROM e JOIN codes c ON c.key = e.key"
        " LEFT JOIN products p ON p.id = c.product_id WHERE c.status = 'in_stock'"
        " GROUP BY c.product_id",
        {"loc": location_id, "main": DEFAULT_LOCATION},
    )
    return {p: n for p, n in rows if n}


@dataclass(frozen=True, slots=True)
class Difference:
    key: str
    product_id: str
    level: str
    status: str


@dataclass(frozen=True, slots=True)
class StocktakeReport:
    location_id: str
    missing: list[Difference]  # expected here, not counted (items, or sealed packages)
    extra: list[Difference]  # packages counted here that the station had elsewhere or not in stock


def _stocktake_queries(select_missing: str, select_extra: str) -> tuple[str, str]:
    head = f"WITH RECURSIVE {_EXPECTED}, {_COUNTED} "
    leaf = "NOT EXISTS (SELECT 1 FROM codes k WHERE k.parent_key = c.key)"
    missing = (
        head + select_missing + f" FROM codes c JOIN e ON e.key = c.key WHERE c.status = 'in_stock'"
        f" AND {leaf} AND c.key NOT IN (SELECT key FROM n)"
    )
    extra = (
        select_extra + " FROM wh_job_scans s LEFT JOIN codes c ON c.key = s.key"
        " WHERE s.job_id = :job AND s.undone_seq IS NULL"
        " AND coalesce(json_extract(s.prev, '$.believed'), '') != :loc"
    )
    return missing, extra


def _params(conn: sqlite3.Connection, job_id: str, limit: int) -> dict[str, object]:
    location_id = conn.execute(
        "SELECT location_id FROM wh_jobs WHERE id = ?", (job_id,)
    ).fetchone()[0]
    return {"loc": location_id, "main": DEFAULT_LOCATION, "job": job_id, "limit": limit}


def stocktake_report(
    conn: sqlite3.Connection, job_id: str, limit: int = LIST_LIMIT
) -> StocktakeReport:
    """What a stocktake found different: items (or sealed packages) missing, packages extra."""
    params = _params(conn, job_id, limit)
    missing_sql, extra_sql = _stocktake_queries(
        "SELECT c.key, coalesce(c.product_id, ''), c.level, c.status",
        "SELECT s.key, coalesce(s.product_id, ''), s.level, coalesce(c.status, '')",
    )
    missing = conn.execute(missing_sql + " ORDER BY c.key LIMIT :limit", params).fetchall()
    extra = conn.execute(extra_sql + " ORDER BY s.key LIMIT :limit", params).fetchall()
    return StocktakeReport(
        str(params["loc"]), [Difference(*r) for r in missing], [Difference(*r) for r in extra]
    )


def stocktake_counts(conn: sqlite3.Connection, job_id: str) -> tuple[int, int]:
    """(items missing, items counted that the station had elsewhere or not in stock)."""
    params = _params(conn, job_id, 0)
    missing_sql, extra_sql = _stocktake_queries(
        f"SELECT coalesce(sum({_LEAF_UNITS}), 0)", "SELECT coalesce(sum(s.qty), 0)"
    )
    missing_sql = missing_sql.replace(
        "FROM codes c JOIN e ON e.key = c.key",
        "FROM codes c JOIN e ON e.key = c.key LEFT JOIN products p ON p.id = c.product_id",
    )
    return (
        conn.execute(missing_sql, params).fetchone()[0],
        conn.execute(extra_sql, params).fetchone()[0],
    )


@dataclass(frozen=True, slots=True)
class JobSummary:
    id: str
    flow: Flow
    status: str
    closed_by: str | None
    title: str  # the order, parent label, delivery or location the job is about
    dealer: str
    scanned: int
    expected: int | None
    operator: str
    created_at: str
    finished_at: str | None


def _name(zh: str | None, en: str | None, language: str) -> str:
    return (zh or "") if language.startswith("zh") or not en else en


def job_summaries(
    conn: sqlite3.Connection, *, open_jobs: bool, language: str = "zh_CN", limit: int = LIST_LIMIT
) -> list[JobSummary]:
    """Open jobs (newest first), or the history of finished and cancelled ones."""
    where = "j.status = 'open'" if open_jobs else "j.status != 'open'"
    order = "j.created_at DESC" if open_jobs else "j.finished_at DESC"
    rows = conn.execute(
        "SELECT j.id, j.flow, j.status, j.closed_by, j.parent_key, j.order_id,"
        " coalesce(i.reference, j.inbound_id), coalesce(CASE WHEN :zh OR loc.name_en = ''"
        " THEN loc.name ELSE loc.name_en END, j.location_id),"
        " d.name, d.name_en, coalesce(o.name, j.operator), j.created_at, j.finished_at,"
        " coalesce(sum(l.scanned), 0), sum(l.expected), count(l.product_id) - count(l.expected)"
        " FROM wh_jobs j LEFT JOIN dealers d ON d.id = j.dealer_id"
        " LEFT JOIN wh_inbound i ON i.id = j.inbound_id"
        " LEFT JOIN wh_locations loc ON loc.id = j.location_id"
        " LEFT JOIN operators o ON o.id = j.operator"  # older jobs hold the name itself
        " LEFT JOIN wh_job_lines l ON l.job_id = j.id"
        f" WHERE {where} GROUP BY j.id ORDER BY {order} LIMIT :limit",
        {"limit": limit, "zh": language.startswith("zh")},
    ).fetchall()
    out = []
    for r in rows:
        parent = r[4].split(":", 1)[-1].rpartition(".")[2] if r[4] else None
        title = r[5] or (r[6] if r[1] == Flow.RECEIVE else None) or parent or r[7] or ""
        expected = r[14] if r[15] == 0 and r[14] is not None else None
        out.append(
            JobSummary(
                r[0],
                Flow(r[1]),
                r[2],
                r[3],
                title,
                _name(r[8], r[9], language),
                r[13],
                expected,
                r[10],
                r[11],
                r[12],
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class OrderChoice:
    id: str
    dealer_id: str
    dealer: str
    status: str
    ordered: int
    shipped: int
    created_at: str

    @property
    def remaining(self) -> int:
        return max(0, self.ordered - self.shipped)


def open_orders(conn: sqlite3.Connection, language: str = "zh_CN") -> list[OrderChoice]:
    rows = conn.execute(
        "SELECT o.id, o.dealer_id, d.name, d.name_en, o.status, o.created_at,"
        " (SELECT coalesce(sum(qty), 0) FROM order_lines WHERE order_id = o.id),"
        " (SELECT coalesce(sum(l.scanned), 0) FROM wh_job_lines l JOIN wh_jobs j ON j.id = l.job_id"
        "   WHERE j.order_id = o.id AND j.flow = 'ship' AND j.status = 'done')"
        " FROM orders o LEFT JOIN dealers d ON d.id = o.dealer_id"
        " WHERE o.status IN ('open', 'partial') ORDER BY o.created_at, o.id LIMIT ?",
        (LIST_LIMIT,),
    ).fetchall()
    return [
        OrderChoice(r[0], r[1], _name(r[2], r[3], language) or r[1], r[4], r[6], r[7], r[5])
        for r in rows
    ]


def product_names(conn: sqlite3.Connection, language: str = "zh_CN") -> dict[str, str]:
    """Every product's name in the operator's language (the Chinese one when there is no
    English name)."""
    zh = language.startswith("zh")
    return {
        r[0]: (r[1] if zh or not r[2] else r[2])
        for r in conn.execute("SELECT id, name, name_en FROM products")
    }


def open_inbounds(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(id, reference, supplier) of deliveries still expected."""
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT id, reference, supplier FROM wh_inbound WHERE status = 'open' ORDER BY created_at"
        )
    ]


def locations(conn: sqlite3.Connection, language: str = "zh_CN") -> list[tuple[str, str]]:
    return [
        (r[0], _name(r[1], r[2], language))
        for r in conn.execute("SELECT id, name, name_en FROM wh_locations ORDER BY id")
    ]


@dataclass(frozen=True, slots=True)
class ScanRow:
    at: str
    kind: str
    key: str
    level: str | None
    product_id: str | None
    qty: int
    verified: bool
    undone: bool
    event_seq: int | None


def job_scans(conn: sqlite3.Connection, job_id: str, limit: int = LIST_LIMIT) -> list[ScanRow]:
    """A job's scans, newest first, undone ones included (they show struck through)."""
    rows = conn.execute(
        "SELECT at, kind, key, level, product_id, qty, verified, undone_seq IS NOT NULL, event_seq"
        " FROM wh_job_scans WHERE job_id = ? ORDER BY id DESC LIMIT ?",
        (job_id, limit),
    )
    return [ScanRow(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), bool(r[7]), r[8]) for r in rows]
