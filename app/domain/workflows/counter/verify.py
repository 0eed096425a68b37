"""Verify a product (查真伪/溯源): what the station knows, then the brand's trace when online.

Every check is recorded as an ``ObjectEvent`` (bizStep ``inspecting``), because how often and
where a code is scanned is how the brand spots copies. The local answer comes at once from
the registry, the inspector snapshot and this counter's own history; the server's trace, when
the counter is online, refines it: a code the brand never issued, or one seen too often or in
places too far apart, is a suspected copy. The trace arrives as a ``BrandTrace``, this
module's own model: the sync client converts the server's answer into it, so the domain
never reads the wire format.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, field

from app.domain.codes import Code
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store import journal
from app.domain.store.database import station_id
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor, Decision, Outcome
from app.domain.workflows.knowledge import code_label, dealer_name


@dataclass(frozen=True, slots=True)
class LocalFacts:
    """What this station knows about a code, read in the transaction that recorded the check."""

    key: str
    product_id: str | None
    product: str | None
    status: str | None
    dealer_id: str | None
    dealer: str | None
    order_id: str | None
    ship_date: str | None
    parent_key: str | None
    batch: str | None
    seen_here: int  # checks at this counter before this one
    threshold: int
    known: bool
    facts: list[tuple[str, str]] = field(default_factory=list)  # (label template, value)


@dataclass(frozen=True, slots=True)
class BrandTrace:
    """What the brand's server knows about a code, as far as the counter judges it."""

    key: str
    known: bool  # False: the brand never issued this code
    product_name: str | None = None
    batch_id: str | None = None
    issued_at: str | None = None  # ISO timestamps; the counter shows their date
    ancestors: tuple[str, ...] = ()  # carton, then pallet
    status: str | None = None
    dealer_id: str | None = None
    order_id: str | None = None
    shipped_at: str | None = None
    scan_count: int = 0
    places: tuple[str, ...] = ()  # the stations that scanned it, sorted
    anomalies: frozenset[str] = frozenset()  # kinds of the brand's warnings, e.g. far_apart


LABELS = {
    "product": QT_TRANSLATE_NOOP("Counter", "Product"),
    "code": QT_TRANSLATE_NOOP("Counter", "Code"),
    "batch": QT_TRANSLATE_NOOP("Counter", "Batch"),
    "produced": QT_TRANSLATE_NOOP("Counter", "Production date"),
    "issued": QT_TRANSLATE_NOOP("Counter", "Issued"),
    "carton": QT_TRANSLATE_NOOP("Counter", "Carton / pallet"),
    "dealer": QT_TRANSLATE_NOOP("Counter", "Shipped to"),
    "shipped": QT_TRANSLATE_NOOP("Counter", "Ship date"),
    "order": QT_TRANSLATE_NOOP("Counter", "Order"),
    "scans": QT_TRANSLATE_NOOP("Counter", "Times scanned"),
    "places": QT_TRANSLATE_NOOP("Counter", "Scanned at"),
    "here": QT_TRANSLATE_NOOP("Counter", "Checked at this counter"),
    "status": QT_TRANSLATE_NOOP("Counter", "Status"),
    "anomalies": QT_TRANSLATE_NOOP("Counter", "Warnings from the brand"),
}


def check(conn: sqlite3.Connection, code: Code, actor: Actor, now: dt.datetime) -> LocalFacts:
    """Read what is known and record the check (one transaction)."""
    row = conn.execute(
        "SELECT c.product_id, p.name, c.status, c.dealer_id, c.order_id, c.parent_key"
        " FROM codes c LEFT JOIN products p ON p.id = c.product_id WHERE c.key = ?",
        (code.key,),
    ).fetchone()
    product_id = row[0] if row else None
    product = row[1] if row else None
    if product is None and code.gtin:
        found = conn.execute(
            "SELECT id, name FROM products WHERE gtin = ?", (code.gtin,)
        ).fetchone()
        if found:
            product_id, product = found
    ship = _ship_row(conn, code.key)
    dealer_id = (row[3] if row else None) or (ship.dealer_id if ship else None)
    seen = conn.execute(
        "SELECT count(*) FROM counter_verifications WHERE code_key = ?", (code.key,)
    ).fetchone()[0]
    event = journal.append(
        conn,
        "ObjectEvent",
        {
            "action": "OBSERVE",
            "bizStep": "inspecting",
            "epcList": [code.key],
            "purpose": "verify",
        },
        operator=actor.operator_id,
        station=station_id(conn),
    )
    conn.execute(
        "INSERT INTO counter_verifications (code_key, at, operator_id, event_id) VALUES (?, ?, ?, ?)",
        (
            code.key,
            now.astimezone(dt.UTC).isoformat(timespec="seconds"),
            actor.operator_id,
            event.event_id,
        ),
    )
    threshold = int(
        knowledge.number_setting(
            conn, knowledge.SETTING_SEEN_TOO_OFTEN, knowledge.DEFAULT_SEEN_TOO_OFTEN
        )
    )
    facts = LocalFacts(
        key=code.key,
        product_id=product_id,
        product=product,
        status=row[2] if row else None,
        dealer_id=dealer_id,
        dealer=dealer_name(conn, dealer_id),
        order_id=(row[4] if row else None) or (ship.order_id if ship else None),
        ship_date=ship.ship_date if ship else None,
        parent_key=row[5] if row else None,
        batch=code.batch,
        seen_here=int(seen),
        threshold=threshold,
        known=row is not None or (ship is not None),
    )
    facts.facts.extend(_local_lines(facts, code))
    return facts


def _ship_row(conn: sqlite3.Connection, key: str) -> knowledge.ShipRow | None:
    try:
        return knowledge.ship_row(conn, key)
    except sqlite3.OperationalError:  # no snapshot on this station
        return None


def _local_lines(f: LocalFacts, code: Code) -> list[tuple[str, str]]:
    lines = [(LABELS["code"], code_label(f.key))]
    if f.product:
        lines.append((LABELS["product"], f.product))
    if f.batch:
        lines.append((LABELS["batch"], f.batch))
    if code.production_date:
        lines.append((LABELS["produced"], code.production_date.isoformat()))
    if f.parent_key:
        lines.append((LABELS["carton"], f.parent_key))
    if f.dealer:
        lines.append((LABELS["dealer"], f.dealer))
    if f.ship_date:
        lines.append((LABELS["shipped"], f.ship_date))
    if f.order_id:
        lines.append((LABELS["order"], f.order_id))
    lines.append((LABELS["here"], str(f.seen_here + 1)))
    return lines


def local_decision(f: LocalFacts, event_seq: int | None = None) -> Decision:
    args: dict[str, str | int] = {
        "code": code_label(f.key),
        "product": f.product or f.key,
        "count": f.seen_here + 1,
    }
    if f.status in ("void", "replaced"):
        return Decision(
            Outcome.ERROR,
            QT_TRANSLATE_NOOP(
                "Decisions",
                "VOID: the label {code} was replaced or destroyed. This product should not carry "
                "it; set it aside and call the brand.",
            ),
            args,
            "verify.void",
            event_seq,
        )
    if f.seen_here + 1 > f.threshold:
        return Decision(
            Outcome.WARNING,
            QT_TRANSLATE_NOOP(
                "Decisions",
                "SEEN TOO OFTEN: {code} was checked {count} times at this counter. A genuine label "
                "is rarely checked this often; it may be a copy.",
            ),
            args,
            "verify.seen_too_often",
            event_seq,
        )
    if f.known:
        return Decision(
            Outcome.OK,
            QT_TRANSLATE_NOOP(
                "Decisions",
                "Known to the brand: {product}. Checking the brand's trace; the details follow.",
            ),
            args,
            "verify.known_locally",
            event_seq,
        )
    return Decision(
        Outcome.WARNING,
        QT_TRANSLATE_NOOP(
            "Decisions",
            "Not known at this station: {code}. Connect to the network to check it with the brand "
            "before you vouch for it.",
        ),
        args,
        "verify.unknown_offline",
        event_seq,
    )


def offline_decision(f: LocalFacts, event_seq: int | None = None) -> Decision:
    """The answer when the server cannot be asked: the local one, said as local."""
    decision = local_decision(f, event_seq)
    if decision.reason == "verify.known_locally":
        return Decision(
            Outcome.OK,
            QT_TRANSLATE_NOOP(
                "Decisions",
                "Known to the brand: {product}. Offline: the full trace shows when the counter is "
                "online again.",
            ),
            decision.args,
            decision.reason,
            event_seq,
        )
    return decision


def trace_lines(trace: BrandTrace, dealer: str | None) -> list[tuple[str, str]]:
    lines = [(LABELS["code"], code_label(trace.key))]
    if trace.product_name:
        lines.append((LABELS["product"], trace.product_name))
    if trace.batch_id:
        lines.append((LABELS["batch"], trace.batch_id))
    if trace.issued_at:
        lines.append((LABELS["issued"], trace.issued_at[:10]))
    if trace.ancestors:
        lines.append((LABELS["carton"], " → ".join(trace.ancestors)))
    if trace.dealer_id:
        lines.append((LABELS["dealer"], dealer or trace.dealer_id))
    if trace.shipped_at:
        lines.append((LABELS["shipped"], trace.shipped_at[:10]))
    if trace.order_id:
        lines.append((LABELS["order"], trace.order_id))
    if trace.status:
        lines.append((LABELS["status"], trace.status))
    lines.append((LABELS["scans"], str(trace.scan_count)))
    if trace.places:
        lines.append((LABELS["places"], ", ".join(trace.places)))
    if trace.anomalies:
        lines.append((LABELS["anomalies"], ", ".join(sorted(trace.anomalies))))
    return lines


SUSPICIOUS = frozenset({"far_apart", "consecutive_run", "too_close", "unknown_code"})


def trace_decision(trace: BrandTrace, f: LocalFacts, dealer: str | None) -> Decision:
    """The brand's answer: never issued (copy), seen too often or too far apart, or genuine."""
    args: dict[str, str | int] = {
        "code": code_label(trace.key),
        "product": trace.product_name or f.product or trace.key,
        "count": trace.scan_count,
        "dealer": dealer or trace.dealer_id or "",
        "date": (trace.shipped_at or "")[:10],
    }
    if not trace.known:
        return Decision(
            Outcome.ERROR,
            QT_TRANSLATE_NOOP(
                "Decisions",
                "NEVER ISSUED: the brand never issued {code}. Suspected copy: do not sell or "
                "vouch for this product; set it aside.",
            ),
            args,
            "verify.never_issued",
        )
    if trace.status == "void":
        return Decision(
            Outcome.ERROR,
            QT_TRANSLATE_NOOP(
                "Decisions",
                "VOID: the brand replaced or destroyed label {code}. Suspected copy: set it aside "
                "and call the brand.",
            ),
            args,
            "verify.void",
        )
    if trace.scan_count > f.threshold or trace.anomalies & SUSPICIOUS:
        return Decision(
            Outcome.WARNING,
            QT_TRANSLATE_NOOP(
                "Decisions",
                "SEEN TOO OFTEN: {code} was scanned {count} times, or in places too far apart. "
                "It may be a copy; compare it with another pack before you vouch for it.",
            ),
            args,
            "verify.seen_too_often",
        )
    if trace.dealer_id:
        return Decision(
            Outcome.OK,
            QT_TRANSLATE_NOOP("Decisions", "GENUINE: {product}, shipped to {dealer} on {date}."),
            args,
            "verify.genuine",
        )
    return Decision(
        Outcome.OK,
        QT_TRANSLATE_NOOP(
            "Decisions", "GENUINE: {product}, issued by the brand and not yet shipped to a dealer."
        ),
        args,
        "verify.genuine_unshipped",
    )
