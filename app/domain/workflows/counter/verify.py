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
from app.domain.workflows.counter.model import shown
from app.domain.workflows.knowledge import dealer_name


@dataclass(frozen=True, slots=True)
class Fact:
    """One row of a product check's details. ``label`` is an English template in the
    ``Counter`` context; the value is ``value`` as it is (a name, a date, a number, a code as
    printed) or, for words such as a code's state, ``words``: templates in the same context,
    translated, filled with ``args`` and joined by the UI."""

    label: str
    value: str = ""
    words: tuple[str, ...] = ()
    args: dict[str, str] = field(default_factory=dict)


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
    facts: list[Fact] = field(default_factory=list)


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

# A code's state, in the registry here (warehouse and pull words) or in the brand's trace.
STATE_WORDS = {
    "issued": QT_TRANSLATE_NOOP("Counter", "issued by the brand, not sold yet"),
    "known": QT_TRANSLATE_NOOP("Counter", "in the brand's registry"),
    "in_stock": QT_TRANSLATE_NOOP("Counter", "in stock"),
    "allocated": QT_TRANSLATE_NOOP("Counter", "held for an order"),
    "shipped": QT_TRANSLATE_NOOP("Counter", "shipped to a dealer"),
    "received": QT_TRANSLATE_NOOP("Counter", "received by a dealer"),
    "returned": QT_TRANSLATE_NOOP("Counter", "returned to the brand"),
    "quarantine": QT_TRANSLATE_NOOP("Counter", "returned damaged, held back"),
    "void": QT_TRANSLATE_NOOP("Counter", "void: the label was replaced"),
    "replaced": QT_TRANSLATE_NOOP("Counter", "void: the label was replaced"),
}
OTHER_STATE = QT_TRANSLATE_NOOP("Counter", "recorded by the brand")

# The kinds of warning the brand's trace carries (``sync.server.anomalies``).
ANOMALY_WORDS = {
    "far_apart": QT_TRANSLATE_NOOP("Counter", "scanned in places far apart"),
    "consecutive_run": QT_TRANSLATE_NOOP("Counter", "scanned in a run of consecutive codes"),
    "too_close": QT_TRANSLATE_NOOP("Counter", "scans too close together in time"),
    "unknown_code": QT_TRANSLATE_NOOP("Counter", "scanned but never issued"),
    "blacklisted_device": QT_TRANSLATE_NOOP("Counter", "scanned by a blocked device"),
    "clock_ahead": QT_TRANSLATE_NOOP("Counter", "scanned by a device with a wrong clock"),
}
OTHER_ANOMALY = QT_TRANSLATE_NOOP("Counter", "another warning")

PLACES = QT_TRANSLATE_NOOP("Counter", "{count} stations")
PLACES_ONE = QT_TRANSLATE_NOOP("Counter", "1 station")  # English: not "1 stations"
PLACES_WITH_HERE = QT_TRANSLATE_NOOP("Counter", "this counter and {count} other stations")
PLACES_WITH_HERE_ONE = QT_TRANSLATE_NOOP("Counter", "this counter and 1 other station")
PLACES_HERE_ONLY = QT_TRANSLATE_NOOP("Counter", "this counter only")


def state_fact(status: str) -> Fact:
    return Fact(LABELS["status"], words=(STATE_WORDS.get(status, OTHER_STATE),))


def places_fact(places: tuple[str, ...], me: str | None) -> Fact:
    """Where a code was scanned, as a count: the stations' ids mean nothing to a clerk."""
    if me and me in places:
        others = len(places) - 1
        words = {0: PLACES_HERE_ONLY, 1: PLACES_WITH_HERE_ONE}.get(others, PLACES_WITH_HERE)
        return Fact(LABELS["places"], words=(words,), args={"count": str(others)})
    words = PLACES_ONE if len(places) == 1 else PLACES
    return Fact(LABELS["places"], words=(words,), args={"count": str(len(places))})


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


def _local_lines(f: LocalFacts, code: Code) -> list[Fact]:
    lines = [Fact(LABELS["code"], shown(f.key))]
    if f.product:
        lines.append(Fact(LABELS["product"], f.product))
    if f.batch:
        lines.append(Fact(LABELS["batch"], f.batch))
    if code.production_date:
        lines.append(Fact(LABELS["produced"], code.production_date.isoformat()))
    if f.status:
        lines.append(state_fact(f.status))
    if f.parent_key:
        lines.append(Fact(LABELS["carton"], shown(f.parent_key)))
    if f.dealer:
        lines.append(Fact(LABELS["dealer"], f.dealer))
    if f.ship_date:
        lines.append(Fact(LABELS["shipped"], f.ship_date))
    if f.order_id:
        lines.append(Fact(LABELS["order"], f.order_id))
    lines.append(Fact(LABELS["here"], str(f.seen_here + 1)))
    return lines


def local_decision(f: LocalFacts, event_seq: int | None = None) -> Decision:
    args: dict[str, str | int] = {
        "code": shown(f.key),
        "product": f.product or shown(f.key),
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


# Why the brand's trace did not come (the counter then says what the station knows, and why).
OFFLINE = "offline"
NOT_SHARED = "not_shared"
FAILED = "failed"
UNTRACED_WORDS = {
    OFFLINE: QT_TRANSLATE_NOOP(
        "Decisions",
        "Known to the brand: {product}. Offline: the full trace shows when the counter is "
        "online again.",
    ),
    FAILED: QT_TRANSLATE_NOOP(
        "Decisions",
        "Known to the brand: {product}. The brand's server did not answer the check; scan it "
        "again in a minute for the full trace.",
    ),
}
UNKNOWN_FAILED = QT_TRANSLATE_NOOP(
    "Decisions",
    "Not known at this station: {code}. The brand's server did not answer the check; scan it "
    "again in a minute.",
)
NOT_OURS = QT_TRANSLATE_NOOP(
    "Decisions",
    "NOT SOLD BY THIS DEALER: the brand knows {code}, but it was not sold through this dealer, "
    "so the brand shares its trace only with the dealer it was sold to. Ask where the customer "
    "bought it.",
)


def untraced_decision(f: LocalFacts, why: str, event_seq: int | None = None) -> Decision:
    """The answer when the brand's trace did not come, saying why: offline, the server did not
    answer, or (``NOT_SHARED``) the brand keeps the trace of a code not sold through this
    dealer from its counter. A void label or one seen too often here stays what it is."""
    decision = local_decision(f, event_seq)
    if decision.reason in ("verify.void", "verify.seen_too_often"):
        return decision
    if why == NOT_SHARED:
        return Decision(Outcome.WARNING, NOT_OURS, decision.args, "verify.not_ours", event_seq)
    if decision.reason == "verify.known_locally":
        return Decision(Outcome.OK, UNTRACED_WORDS[why], decision.args, decision.reason, event_seq)
    if why == FAILED:
        return Decision(Outcome.WARNING, UNKNOWN_FAILED, decision.args, decision.reason, event_seq)
    return decision


def asking_decision(f: LocalFacts, event_seq: int | None = None) -> Decision:
    """The local answer while the brand's trace is asked for: a code unknown here is not yet a
    reason to connect to the network, the counter is asking."""
    decision = local_decision(f, event_seq)
    if decision.reason != "verify.unknown_offline":
        return decision
    return Decision(
        Outcome.WARNING,
        QT_TRANSLATE_NOOP(
            "Decisions",
            "Not known at this station: {code}. Checking it with the brand; the answer follows.",
        ),
        decision.args,
        "verify.checking",
        event_seq,
    )


def offline_decision(f: LocalFacts, event_seq: int | None = None) -> Decision:
    """The answer when the server cannot be asked: the local one, said as local."""
    return untraced_decision(f, OFFLINE, event_seq)


def trace_lines(trace: BrandTrace, dealer: str | None, me: str | None = None) -> list[Fact]:
    """The brand's trace as rows of details; ``me`` is this station's id (where it scanned)."""
    lines = [Fact(LABELS["code"], shown(trace.key))]
    if trace.product_name:
        lines.append(Fact(LABELS["product"], trace.product_name))
    if trace.batch_id:
        lines.append(Fact(LABELS["batch"], trace.batch_id))
    if trace.issued_at:
        lines.append(Fact(LABELS["issued"], trace.issued_at[:10]))
    if trace.status:
        lines.append(state_fact(trace.status))
    if trace.ancestors:
        lines.append(Fact(LABELS["carton"], " → ".join(shown(k) for k in trace.ancestors)))
    if trace.dealer_id:
        lines.append(Fact(LABELS["dealer"], dealer or trace.dealer_id))
    if trace.shipped_at:
        lines.append(Fact(LABELS["shipped"], trace.shipped_at[:10]))
    if trace.order_id:
        lines.append(Fact(LABELS["order"], trace.order_id))
    lines.append(Fact(LABELS["scans"], str(trace.scan_count)))
    if trace.places:
        lines.append(places_fact(trace.places, me))
    if trace.anomalies:
        words = tuple(ANOMALY_WORDS.get(kind, OTHER_ANOMALY) for kind in sorted(trace.anomalies))
        lines.append(Fact(LABELS["anomalies"], words=tuple(dict.fromkeys(words))))
    return lines


SUSPICIOUS = frozenset({"far_apart", "consecutive_run", "too_close", "unknown_code"})


def trace_decision(trace: BrandTrace, f: LocalFacts, dealer: str | None) -> Decision:
    """The brand's answer: never issued (copy), seen too often or too far apart, or genuine."""
    args: dict[str, str | int] = {
        "code": shown(trace.key),
        "product": trace.product_name or f.product or shown(trace.key),
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
