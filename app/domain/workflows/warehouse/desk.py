"""What every warehouse action shares: lookups, the aggregation tree, jobs, the session, events.

A ``Desk`` lives for one writer action (one transaction). Flow handlers use it
to read codes with single indexed lookups, to expand a pallet or case into all
it contains with one recursive query into a temp table, to append the action's
journal event, and to keep the job and the station's session row in step, so
that the decision, the event and the state change commit together or not at all.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import uuid
from dataclasses import dataclass, replace
from typing import Any

from biip.checksums import gs1_standard_check_digit

from app.domain.codes.model import Code, Level, Scheme
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store import journal
from app.domain.store.database import station_id
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.warehouse.model import (
    SETTING_ALLOW_MIX,
    SETTING_STRICT,
    Flow,
    JobView,
    Line,
    Status,
)

MAX_DEPTH = 4
JOB_PREFIX = {
    Flow.RECEIVE: "RC",
    Flow.SHIP: "SH",
    Flow.PACK: "PK",
    Flow.UNPACK: "UP",
    Flow.RELABEL: "RL",
    Flow.STOCKTAKE: "ST",
    Flow.RETURN: "RT",
}  # pallet → case → item is depth 2; the guard stops a corrupted cycle

# A code the station has no product for (not pulled yet): said in words, never "?".
UNKNOWN_PRODUCT = QT_TRANSLATE_NOOP("Warehouse", "unknown product")


@dataclass(frozen=True, slots=True)
class Actor:
    """Who acts and where: copied into every event."""

    operator: str
    station: str = ""  # empty: this database's own station id
    language: str = "zh_CN"
    strict: bool = False  # the station-wide setting; the DB setting can also switch it on


@dataclass(frozen=True, slots=True)
class CodeRow:
    key: str
    level: str
    product_id: str | None
    parent_key: str | None
    status: str
    dealer_id: str | None
    order_id: str | None
    verified: int
    known: bool = True  # False: never seen by this station (a provisional row, not stored yet)


@dataclass(slots=True)
class Session:
    flow: Flow
    job_id: str | None
    pending: str | None
    pending_key: str | None


@dataclass(frozen=True, slots=True)
class Job:
    id: str
    flow: Flow
    status: str
    unit: str
    parent_key: str | None
    product_id: str | None
    capacity: int | None
    order_id: str | None
    dealer_id: str | None
    inbound_id: str | None
    location_id: str | None
    reason: str | None
    closed_by: str | None
    operator: str
    created_at: str
    finished_at: str | None


class Refusal(Exception):
    """Raised inside a flow to answer with an error and change nothing."""

    def __init__(self, decision: Decision) -> None:
        super().__init__(decision.reason)
        self.decision = decision


def decide(
    outcome: Outcome, reason: str, message: str, event_seq: int | None = None, /, **args: str | int
) -> Decision:
    return Decision(outcome, message, dict(args), reason, event_seq)


def refuse(reason: str, message: str, /, **args: str | int) -> Refusal:
    return Refusal(decide(Outcome.ERROR, reason, message, **args))


def label(key: str) -> str:
    """The part of a key a worker can find on the printed label (serial, SSCC or brand code)."""
    scheme, _, body = key.partition(":")
    if scheme == "sgtin":
        return body.partition(".")[2] or body
    return body or key


def now_iso() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


class Desk:
    """One transaction's worth of warehouse work on the writer's connection."""

    def __init__(self, conn: sqlite3.Connection, actor: Actor) -> None:
        self.conn = conn
        self.actor = actor if actor.station else replace(actor, station=station_id(conn))
        self.now = now_iso()
        self._session: Session | None = None
        self._session_saved: tuple | None = None
        self._tree_ready = False
        self.touched: Job | None = None  # the job this action worked on, for the result's view

    # --- settings ----------------------------------------------------------------------

    def setting(self, key: str, default: Any = None) -> Any:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        if row is None:
            return default
        try:
            return json.loads(row[0])
        except ValueError:
            return default

    @property
    def strict(self) -> bool:
        return self.actor.strict or bool(self.setting(SETTING_STRICT, False))

    @property
    def allow_mix(self) -> bool:
        return bool(self.setting(SETTING_ALLOW_MIX, False))

    # --- codes -------------------------------------------------------------------------

    def lookup(self, key: str) -> CodeRow | None:
        row = self.conn.execute(
            "SELECT key, level, product_id, parent_key, status, dealer_id, order_id, verified"
            " FROM codes WHERE key = ?",
            (key,),
        ).fetchone()
        return CodeRow(*row) if row else None

    def resolve(self, code: Code, *, allow_unknown: bool = True) -> CodeRow:
        """The code's row, or a provisional one for a code never seen; refuses what cannot be used."""
        if not code.valid:
            raise Refusal(
                Decision(
                    Outcome.ERROR,
                    code.message
                    or QT_TRANSLATE_NOOP("Decisions", "This code cannot be read. Scan it again."),
                    {},
                    code.reason or "code.invalid",
                )
            )
        if code.scheme is Scheme.COMMAND:
            raise refuse(
                "wh.command_here",
                QT_TRANSLATE_NOOP("Decisions", "A command barcode was not expected here."),
            )
        if code.level is Level.PRODUCT or not code.key:
            raise refuse(
                "wh.not_serialized",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "This is the shop barcode of the product, not its unique code. "
                    "Scan the QR code or the code with the serial number.",
                ),
            )
        row = self.lookup(code.key)
        if row is not None:
            if row.status == Status.REPLACED:
                new = self.conn.execute(
                    "SELECT new_key FROM wh_replacements WHERE old_key = ?", (row.key,)
                ).fetchone()
                raise refuse(
                    "wh.replaced",
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "The label {code} was replaced by {new}. Scan the new label; "
                        "remove the old one if it is still on the package.",
                    ),
                    code=label(row.key),
                    new=label(new[0]) if new else "?",
                )
            return row
        if not allow_unknown:
            raise refuse(
                "wh.unknown",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is not known to this station, so there is nothing to change. "
                    "Check the label, or sync and try again.",
                ),
                code=label(code.key),
            )
        if self.strict:
            raise refuse(
                "wh.unknown_strict",
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "{code} is not known to this station and strict mode is on, so it is refused. "
                    "Set it aside and tell the supervisor, or sync and try again.",
                ),
                code=label(code.key),
            )
        level = code.level.value if code.level else Level.ITEM.value
        return CodeRow(
            code.key, level, self.product_by_gtin(code.gtin), None, "new", None, None, 0, False
        )

    def product_by_gtin(self, gtin: str | None) -> str | None:
        if not gtin:
            return None
        row = self.conn.execute("SELECT id FROM products WHERE gtin = ?", (gtin,)).fetchone()
        if row is None and len(gtin) == 14 and gtin[0] in "12345678":
            # a case GTIN (indicator 1-8) names the same product as its item GTIN
            base = "0" + gtin[1:13]
            item_gtin = base + str(gs1_standard_check_digit(base))
            row = self.conn.execute(
                "SELECT id FROM products WHERE gtin = ?", (item_gtin,)
            ).fetchone()
        return row[0] if row else None

    def insert_code(self, row: CodeRow, status: str, **changes: Any) -> CodeRow:
        """Store a code seen for the first time, marked unverified for the server to judge."""
        row = replace(row, status=status, known=True, **changes)
        self.conn.execute(
            "INSERT INTO codes (key, level, product_id, parent_key, status, dealer_id, order_id,"
            " verified, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (
                row.key,
                row.level,
                row.product_id,
                row.parent_key,
                row.status,
                row.dealer_id,
                row.order_id,
                self.now,
            ),
        )
        return row

    def children_count(self, key: str) -> int:
        return self.conn.execute(
            "SELECT count(*) FROM codes WHERE parent_key = ?", (key,)
        ).fetchone()[0]

    def children(self, key: str) -> list[str]:
        return [
            r[0]
            for r in self.conn.execute(
                "SELECT key FROM codes WHERE parent_key = ? ORDER BY key", (key,)
            )
        ]

    def set_parent(self, key: str, parent: str | None) -> None:
        self.conn.execute(
            "UPDATE codes SET parent_key = ?, updated_at = ? WHERE key = ?", (parent, self.now, key)
        )

    # --- the aggregation tree (set-based: one recursive query, no per-row Python) ----------

    def expand(self, key: str) -> None:
        """Load ``key`` and everything packed in it into ``temp.wh_tree``."""
        if not self._tree_ready:
            self.conn.execute(
                "CREATE TEMP TABLE IF NOT EXISTS wh_tree (key TEXT PRIMARY KEY, level TEXT,"
                " product_id TEXT, status TEXT, order_id TEXT, dealer_id TEXT, depth INTEGER)"
                " WITHOUT ROWID"
            )
            self._tree_ready = True
        self.conn.execute("DELETE FROM temp.wh_tree")
        self.conn.execute(
            "INSERT INTO temp.wh_tree WITH RECURSIVE t(key, depth) AS ("
            " SELECT ?, 0 UNION ALL"
            " SELECT c.key, t.depth + 1 FROM codes c JOIN t ON c.parent_key = t.key"
            f" WHERE t.depth < {MAX_DEPTH})"
            " SELECT c.key, c.level, c.product_id, c.status, c.order_id, c.dealer_id, t.depth"
            " FROM t JOIN codes c ON c.key = t.key",
            (key,),
        )

    def tree_items(self, root: CodeRow) -> dict[str, int]:
        """Items per product in the expanded tree; a case or pallet with no known contents counts
        its nominal pack size, so receiving a sealed carton still adds up."""
        counts = {
            (p or ""): n
            for p, n in self.conn.execute(
                "SELECT product_id, count(*) FROM temp.wh_tree WHERE level = 'item' GROUP BY product_id"
            )
        }
        if counts:
            return counts
        return {(root.product_id or ""): self.nominal_items(root.level, root.product_id)}

    def nominal_items(self, level: str, product_id: str | None) -> int:
        if level == Level.ITEM or not product_id:
            return 1
        row = self.product(product_id)
        per_case = (row["items_per_case"] if row else None) or 1
        if level == Level.CASE:
            return per_case
        return per_case * ((row["cases_per_pallet"] if row else None) or 1)

    def tree_states(self) -> dict[tuple[str, str | None], int]:
        """(status, order_id) → count, for everything below the root."""
        return {
            (s, o): n
            for s, o, n in self.conn.execute(
                "SELECT status, order_id, count(*) FROM temp.wh_tree WHERE depth > 0"
                " GROUP BY status, order_id"
            )
        }

    def update_tree(self, **values: Any) -> int:
        columns = ", ".join(f"{name} = ?" for name in values)
        cursor = self.conn.execute(
            f"UPDATE codes SET {columns}, updated_at = ? WHERE key IN (SELECT key FROM temp.wh_tree)",
            (*values.values(), self.now),
        )
        return cursor.rowcount

    # --- reference data ----------------------------------------------------------------

    def product(self, product_id: str | None) -> sqlite3.Row | None:
        if not product_id:
            return None
        return self.conn.execute(
            "SELECT id, name, name_en, items_per_case, cases_per_pallet FROM products WHERE id = ?",
            (product_id,),
        ).fetchone()

    def product_name(self, product_id: str | None) -> str:
        row = self.product(product_id)
        if row is None:
            return product_id or UNKNOWN_PRODUCT
        return (
            row["name"]
            if self.actor.language.startswith("zh") or not row["name_en"]
            else row["name_en"]
        )

    def dealer_name(self, dealer_id: str | None) -> str:
        if not dealer_id:
            return ""
        row = self.conn.execute(
            "SELECT name, name_en FROM dealers WHERE id = ?", (dealer_id,)
        ).fetchone()
        if row is None:
            return dealer_id
        return row[0] if self.actor.language.startswith("zh") or not row[1] else row[1]

    def location_name(self, location_id: str | None) -> str:
        if not location_id:
            return ""
        row = self.conn.execute(
            "SELECT name, name_en FROM wh_locations WHERE id = ?", (location_id,)
        ).fetchone()
        if row is None:
            return location_id
        return row[0] if self.actor.language.startswith("zh") or not row[1] else row[1]

    def inbound_reference(self, inbound_id: str | None) -> str:
        if not inbound_id:
            return ""
        row = self.conn.execute(
            "SELECT reference FROM wh_inbound WHERE id = ?", (inbound_id,)
        ).fetchone()
        return (row[0] if row else "") or inbound_id

    # --- events ------------------------------------------------------------------------

    def emit(self, type_: str, payload: dict[str, Any]) -> journal.Event:
        return journal.append(
            self.conn, type_, payload, operator=self.actor.operator, station=self.actor.station
        )

    # --- session -----------------------------------------------------------------------

    @property
    def session(self) -> Session:
        if self._session is None:
            flow, job_id, pending, pending_key = self.conn.execute(
                "SELECT flow, job_id, pending, pending_key FROM wh_session WHERE id = 1"
            ).fetchone()
            self._session = Session(Flow(flow), job_id, pending, pending_key)
            self._session_saved = (flow, job_id, pending, pending_key)
        return self._session

    def set_pending(self, pending: str | None, key: str | None = None) -> None:
        self.session.pending, self.session.pending_key = pending, key

    def save_session(self) -> None:
        s = self.session
        state = (s.flow.value, s.job_id, s.pending, s.pending_key)
        if state != self._session_saved:
            self.conn.execute(
                "UPDATE wh_session SET flow = ?, job_id = ?, pending = ?, pending_key = ? WHERE id = 1",
                state,
            )
            self._session_saved = state

    # --- jobs --------------------------------------------------------------------------

    def job(self, job_id: str | None) -> Job | None:
        if not job_id:
            return None
        row = self.conn.execute(
            "SELECT id, flow, status, unit, parent_key, product_id, capacity, order_id, dealer_id,"
            " inbound_id, location_id, reason, closed_by, operator, created_at, finished_at"
            " FROM wh_jobs WHERE id = ?",
            (job_id,),
        ).fetchone()
        if row is None:
            return None
        return Job(row[0], Flow(row[1]), *row[2:])

    def active_job(self) -> Job | None:
        job = self.job(self.session.job_id)
        if job is None or job.status != "open" or job.flow != self.session.flow:
            return None
        return job

    def create_job(self, flow: Flow, **fields: Any) -> Job:
        day = dt.datetime.now().strftime("%y%m%d")
        job_id = f"{JOB_PREFIX[flow]}-{day}-{uuid.uuid4().hex[:6].upper()}"
        columns = {
            "id": job_id,
            "flow": flow.value,
            "operator": self.actor.operator,
            "station": self.actor.station,
            "created_at": self.now,
            **fields,
        }
        self.conn.execute(
            f"INSERT INTO wh_jobs ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            tuple(columns.values()),
        )
        self.session.job_id = job_id
        return self.job(job_id)  # type: ignore[return-value]

    def update_job(self, job: Job, **fields: Any) -> Job:
        columns = ", ".join(f"{name} = ?" for name in fields)
        self.conn.execute(f"UPDATE wh_jobs SET {columns} WHERE id = ?", (*fields.values(), job.id))
        return replace(job, **fields)

    def close_job(self, job: Job, closed_by: str, status: str = "done") -> Job:
        if self.session.job_id == job.id:
            self.session.job_id = None
            self.set_pending(None)
        return self.update_job(job, status=status, closed_by=closed_by, finished_at=self.now)

    def set_line(self, job: Job, product_id: str, expected: int | None, scanned: int = 0) -> None:
        self.conn.execute(
            "INSERT OR REPLACE INTO wh_job_lines (job_id, product_id, expected, scanned) VALUES (?, ?, ?, ?)",
            (job.id, product_id, expected, scanned),
        )

    def add_to_lines(self, job: Job, counts: dict[str, int], sign: int = 1) -> None:
        for product_id, n in counts.items():
            self.conn.execute(
                "INSERT INTO wh_job_lines (job_id, product_id, expected, scanned) VALUES (?, ?, NULL, ?)"
                " ON CONFLICT (job_id, product_id) DO UPDATE SET scanned = scanned + excluded.scanned",
                (job.id, product_id, sign * n),
            )

    def lines(self, job: Job) -> dict[str, tuple[int | None, int]]:
        return {
            p: (e, s)
            for p, e, s in self.conn.execute(
                "SELECT product_id, expected, scanned FROM wh_job_lines WHERE job_id = ?", (job.id,)
            )
        }

    def record_scan(
        self,
        job: Job,
        kind: str,
        row: CodeRow,
        event: journal.Event | None,
        *,
        counts: dict[str, int] | None = None,
        prev: dict[str, Any] | None = None,
    ) -> int:
        counts = counts or {}
        cursor = self.conn.execute(
            "INSERT INTO wh_job_scans (job_id, kind, key, level, product_id, qty, lines, verified,"
            " event_id, event_seq, prev, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                job.id,
                kind,
                row.key,
                row.level,
                row.product_id,
                sum(counts.values()),
                json.dumps(counts),
                int(row.verified),
                event.event_id if event else None,
                event.seq if event else None,
                json.dumps(prev or {}),
                self.now,
            ),
        )
        return int(cursor.lastrowid)

    def last_scan(self, job: Job) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT * FROM wh_job_scans WHERE job_id = ? AND undone_seq IS NULL ORDER BY id DESC LIMIT 1",
            (job.id,),
        ).fetchone()

    def live_scans(self, job: Job) -> list[sqlite3.Row]:
        return self.conn.execute(
            "SELECT * FROM wh_job_scans WHERE job_id = ? AND undone_seq IS NULL ORDER BY id DESC",
            (job.id,),
        ).fetchall()

    def scanned_in_job(self, job: Job, keys: list[str]) -> str | None:
        """The first of ``keys`` already counted (and not undone) in this job."""
        for key in keys:
            hit = self.conn.execute(
                "SELECT 1 FROM wh_job_scans WHERE job_id = ? AND key = ? AND undone_seq IS NULL",
                (job.id, key),
            ).fetchone()
            if hit:
                return key
        return None

    def ancestors(self, row: CodeRow) -> list[str]:
        keys, parent = [], row.parent_key
        while parent and len(keys) < MAX_DEPTH:
            keys.append(parent)
            above = self.conn.execute(
                "SELECT parent_key FROM codes WHERE key = ?", (parent,)
            ).fetchone()
            parent = above[0] if above else None
        return keys

    def mark_undone(self, scan_id: int, event: journal.Event) -> None:
        self.conn.execute(
            "UPDATE wh_job_scans SET undone_seq = ? WHERE id = ?", (event.seq, scan_id)
        )

    # --- views -------------------------------------------------------------------------

    def view(self, job: Job | None) -> JobView | None:
        if job is None:
            return None
        job = self.job(job.id) or job
        lines = tuple(
            Line(p or "", self.product_name(p), e, s)
            for p, e, s in self.conn.execute(
                "SELECT product_id, expected, scanned FROM wh_job_lines WHERE job_id = ?"
                " ORDER BY product_id",
                (job.id,),
            )
        )
        scans = self.conn.execute(
            "SELECT count(*) FROM wh_job_scans WHERE job_id = ? AND undone_seq IS NULL", (job.id,)
        ).fetchone()[0]
        return JobView(
            id=job.id,
            flow=job.flow,
            status=job.status,
            unit=job.unit,
            parent_key=job.parent_key,
            product_id=job.product_id,
            capacity=job.capacity,
            order_id=job.order_id,
            dealer_id=job.dealer_id,
            dealer=self.dealer_name(job.dealer_id),
            inbound_id=job.inbound_id,
            inbound_ref=self.inbound_reference(job.inbound_id),
            location_id=job.location_id,
            location=self.location_name(job.location_id),
            reason=job.reason,
            closed_by=job.closed_by,
            operator=job.operator,
            created_at=job.created_at,
            finished_at=job.finished_at,
            lines=lines,
            scans=scans,
        )
