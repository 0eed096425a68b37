"""Installer rebate claims (小工返利): the card, then the product codes, then one claim event.

Each product code is judged when it is scanned, by the rule the server judges the claim with
(``app.domain.rules.claims``) applied to what this station knows: a code never sold through a
dealer, a void one, one repeated in the claim or already in a standing claim made here, or one
no published rule pays for is refused at once, so a refused product never shows as added. A
code the station cannot judge (it holds no record of it, or its record names no dealer: the
brand keeps other dealers' sales from a dealer's counter) is added unchecked; the brand's
trace judges it at once when it may be shown to this dealer, and otherwise the server does at
sync. The counter never refuses what the server would accept. CONFIRM judges every code again;
the server refuses one claimed at another counter when the claim syncs, and its answer is the
one that counts. The estimate uses the rules the server publishes (setting ``rebate.rules``)
with the ``RuleBook`` the server computes with too (``app.domain.rules.rebates``), so the
counter and the server's ledger compute per-unit amounts the same way; the server's monthly
statement is what pays.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass, replace

from app.domain.codes import Code, Level
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.readable_numbers import ReadableNumbers
from app.domain.rules import claims as claim_rules
from app.domain.rules.rebates import RuleBook
from app.domain.rules.snapshot import ELSEWHERE
from app.domain.store import journal
from app.domain.store.database import station_id
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor
from app.domain.workflows.counter.model import (
    CardFacts,
    ClaimDraft,
    ClaimLine,
    ClaimRow,
    shown,
)
from app.domain.workflows.counter.redeem import local_day
from app.domain.workflows.counter.tokens import Refusal, check_card
from app.domain.workflows.counter.verify import BrandTrace


@dataclass(frozen=True, slots=True)
class LineRefused:
    reason: str
    message: str
    args: dict[str, str]


NO_REBATE_REASON = "claim.no_rebate"
# A claim's id is its number, read out over the phone (``FL-8RT-2KW-QHE-MZ4``), made here offline
# like the inspector's case numbers. A brand files far more claims than cases, so it draws 11
# random symbols, not 8: 29¹¹ (1.2·10¹⁶) numbers make two stations drawing the same one unlikely
# (about 1 in 250 after ten million claims brand-wide, where 8 would make it certain). The server
# takes a claim id as it comes: claims registered with the older ``cl-<hex>`` ids keep theirs.
CLAIM_NUMBERS = ReadableNumbers("FL", 11)
REPEATED = QT_TRANSLATE_NOOP(
    "Decisions",
    "REPEATED: {code} is already in this claim. Each product counts once; scan the next product.",
)
ALREADY_CLAIMED = QT_TRANSLATE_NOOP(
    "Decisions",
    "ALREADY CLAIMED: {code} earned a rebate on {at} (claim {claim}). Put this product aside; "
    "it cannot be claimed again.",
)
NOT_SOLD = QT_TRANSLATE_NOOP(
    "Decisions",
    "NOT SOLD: as far as this counter's records show, {code} was never sold through a dealer, so "
    "it earns no rebate. Put the product aside; if it was delivered recently, sync and scan it "
    "again.",
)
VOID = QT_TRANSLATE_NOOP(
    "Decisions",
    "VOID LABEL: {code} was replaced by a new label and earns no rebate. Scan the product's new "
    "label instead.",
)
BRAND_NOT_KNOWN = QT_TRANSLATE_NOOP(
    "Decisions",
    "NOT KNOWN: the brand does not know {code}, so it was taken off the claim. Put the product "
    "aside: it may be a copy.",
)
BRAND_NOT_SOLD = QT_TRANSLATE_NOOP(
    "Decisions",
    "NOT SOLD: the brand's records show {code} as not sold through a dealer now (never shipped, "
    "returned or replaced), so it was taken off the claim. Put the product aside and scan the "
    "next one.",
)
LEFT_TO_BRAND = QT_TRANSLATE_NOOP(
    "Decisions",
    "THE BRAND DECIDES AT SYNC: this counter is not shown where {code} was sold (another "
    "dealer's sales are kept from it), so it stays on the claim unchecked. Tell the installer "
    "the brand confirms it when the claim syncs.",
)
LEFT_TO_BRAND_REASON = "claim.code_left_to_brand"
NO_REBATE = QT_TRANSLATE_NOOP(
    "Decisions",
    "NO REBATE: the brand pays no installer rebate for {code} today. Put the product aside and "
    "scan the next one.",
)


def start(conn: sqlite3.Connection, text: str, today: dt.date) -> ClaimDraft | Refusal:
    card = check_card(conn, text, today)
    if isinstance(card, Refusal):
        return card
    return ClaimDraft(card=card)


def product_of(conn: sqlite3.Connection, code: Code) -> tuple[str | None, str]:
    """The product id and name the station knows for a code (registry first, then the GTIN)."""
    row = conn.execute(
        "SELECT p.id, p.name FROM codes c JOIN products p ON p.id = c.product_id WHERE c.key = ?",
        (code.key,),
    ).fetchone()
    if row is None and code.gtin:
        row = conn.execute("SELECT id, name FROM products WHERE gtin = ?", (code.gtin,)).fetchone()
    return (row[0], row[1]) if row else (None, "")


def _claimed_here(conn: sqlite3.Connection, key: str) -> sqlite3.Row | None:
    return conn.execute(
        "SELECT c.claim_id, c.claimed_at, c.installer FROM counter_claim_items i"
        " JOIN counter_claims c ON c.claim_id = i.claim_id"
        " JOIN journal j ON j.event_id = c.event_id"
        " WHERE i.code_key = ? AND j.sync_state <> 'rejected'",
        (key,),
    ).fetchone()


def registry_status(conn: sqlite3.Connection, key: str) -> str:
    """The code's registry state in the server's words (``app.domain.rules.claims``), from what
    this station pulled: ``UNSEEN`` when it cannot tell (the brand judges the sale at sync).

    A counter keeps only the codes of its site and dealer, so holding no record of a code is no
    proof the code does not exist. Of the codes it holds, the pull tells a dealer's station the
    state, but the dealer and holder of its own dealer's codes only (dealers are competitors),
    and keeps a code received in a warehouse as ``known`` there: so a code that is neither
    ``shipped`` nor void counts as sold when it names this station's dealer (received in the
    dealer's warehouse), and is ``UNSEEN`` when it names none. That one may be in the brand's
    warehouse (not sold) or received by another dealer (sold, and the server pays for it): only
    the brand can tell, so the counter must not refuse it. The inspector's snapshot, when the
    station holds one, says which codes were shipped of those the registry lacks."""
    row = conn.execute("SELECT status, dealer_id FROM codes WHERE key = ?", (key,)).fetchone()
    if row is None:
        ship = _ship_row(conn, key)
        if ship is None:
            return claim_rules.UNSEEN
        return "shipped" if ship.dealer_id else "issued"
    status, dealer_id = row
    if status == "shipped":
        return "shipped"
    if status == "replaced":
        return "void"
    return "received" if dealer_id and dealer_id != ELSEWHERE else claim_rules.UNSEEN


def _ship_row(conn: sqlite3.Connection, key: str) -> knowledge.ShipRow | None:
    try:
        return knowledge.ship_row(conn, key)
    except sqlite3.OperationalError:  # no snapshot on this station
        return None


def _refused(
    conn: sqlite3.Connection, key: str, product: str, reason: str, status: str
) -> LineRefused:
    """The operator's words for a refused code: what happened, then what to do with it."""
    code = shown(key, product)
    if reason == claim_rules.CODE_REPEATED:
        return LineRefused(reason, REPEATED, {"code": code})
    if reason == claim_rules.CODE_NOT_SOLD:
        return LineRefused(reason, VOID if status == "void" else NOT_SOLD, {"code": code})
    prior = _claimed_here(conn, key)
    assert prior is not None
    return LineRefused(
        reason,
        ALREADY_CLAIMED,
        {"code": code, "at": _local(prior["claimed_at"]), "claim": prior["claim_id"]},
    )


def judge(
    conn: sqlite3.Connection,
    key: str,
    product_id: str | None,
    product: str,
    day: dt.date,
    *,
    repeated: bool,
) -> ClaimLine | LineRefused:
    """One product code, judged by the rule the server applies (``app.domain.rules.claims``) on
    what this station knows, then priced by the published rules: the line it adds to the claim,
    or why it earns nothing. Run at the scan and again at CONFIRM. A code this station holds no
    record of is added unchecked (``ClaimLine.checked``): the brand judges its sale."""
    status = registry_status(conn, key)
    reason = claim_rules.code_refusal(
        status, repeated=repeated, claimed_before=_claimed_here(conn, key) is not None
    )
    if reason is not None:
        return _refused(conn, key, product, reason, status)
    book = RuleBook.from_setting(knowledge.rebate_rules(conn))
    amount = book.amount(product_id, day)
    if book.rules and amount == 0:  # the brand publishes rules, and none pays for this product
        return LineRefused(NO_REBATE_REASON, NO_REBATE, {"code": shown(key, product)})
    return ClaimLine(key, product_id, product, amount, checked=status != claim_rules.UNSEEN)


def brand_verdict(trace: BrandTrace | None) -> str | None:
    """The claim rule's reason to refuse a code this station could not judge, by the brand's
    trace of it; None when the code may earn, or when the brand keeps the trace from this
    dealer (``trace`` None): a code not sold through this dealer may still have been sold
    through another one, which earns (the server's rule), so it stays on the claim for the
    brand to judge at sync (``LEFT_TO_BRAND``)."""
    if trace is None:
        return None
    status = (trace.status or "issued") if trace.known else None
    return claim_rules.code_refusal(status, repeated=False, claimed_before=False)


def brand_refusal(key: str, product: str, reason: str) -> LineRefused:
    """What the counter says when the brand's answer takes a code off the open claim."""
    words = BRAND_NOT_KNOWN if reason == claim_rules.CODE_UNKNOWN else BRAND_NOT_SOLD
    return LineRefused(reason, words, {"code": shown(key, product)})


def add_code(
    conn: sqlite3.Connection, draft: ClaimDraft, code: Code, today: dt.date
) -> tuple[ClaimDraft, ClaimLine] | LineRefused:
    if not code.serialized:
        return LineRefused(
            "claim.not_product_code",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "This is not one product's own code. Scan the code printed on the product itself.",
            ),
            {},
        )
    if code.level is not Level.ITEM:
        return LineRefused(
            "claim.not_item",
            QT_TRANSLATE_NOOP(
                "Decisions",
                "{code} is a carton or pallet code. A rebate is claimed per product: scan each "
                "product's own code.",
            ),
            {"code": shown(code.key)},
        )
    product_id, product = product_of(conn, code)
    line = judge(conn, code.key, product_id, product, today, repeated=draft.has(code.key))
    if isinstance(line, LineRefused):
        return line
    return replace(draft, lines=(*draft.lines, line)), line


def _local(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return text


def drop_last(draft: ClaimDraft) -> tuple[ClaimDraft, ClaimLine | None]:
    """Take the last scanned code off a claim that is not registered yet."""
    if not draft.lines:
        return draft, None
    return replace(draft, lines=draft.lines[:-1]), draft.lines[-1]


def drop(draft: ClaimDraft, key: str) -> ClaimDraft:
    """Take one code off a claim that is not registered yet."""
    return replace(draft, lines=tuple(line for line in draft.lines if line.code_key != key))


@dataclass(frozen=True, slots=True)
class Registered:
    claim_id: str
    event: journal.Event
    units: int
    estimate_cents: int


def register(
    conn: sqlite3.Connection, draft: ClaimDraft, actor: Actor, now: dt.datetime, *, online: bool
) -> Registered | LineRefused:
    """One claim event and its rows; each code is checked again inside the transaction."""
    if not draft.lines:
        return LineRefused(
            "claim.empty",
            QT_TRANSLATE_NOOP(
                "Decisions", "The claim has no products yet. Scan the products' codes first."
            ),
            {},
        )
    day = now.astimezone().date()
    for n, line in enumerate(draft.lines):
        again = judge(
            conn,
            line.code_key,
            line.product_id,
            line.product,
            day,
            repeated=any(o.code_key == line.code_key for o in draft.lines[:n]),
        )
        if isinstance(again, LineRefused):
            return again
    claim_id = CLAIM_NUMBERS.new(lambda number: _claim_exists(conn, number))
    keys = [line.code_key for line in draft.lines]
    event = journal.append(
        conn,
        "RebateClaimEvent",
        {
            "action": "OBSERVE",
            "bizStep": "rebate_claiming",
            "claim_id": claim_id,
            "card": draft.card.token,
            "card_id": draft.card.card_id,
            "epcList": keys,
            "estimate_cents": draft.estimate_cents,
            "provisional": not online,
        },
        operator=actor.operator_id,
        station=station_id(conn),
    )
    conn.execute(
        "INSERT INTO counter_claims (claim_id, event_id, card_id, installer, claimed_at, day,"
        " operator_id, operator_name, units, estimate_cents, provisional)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            claim_id,
            event.event_id,
            draft.card.card_id,
            draft.card.installer,
            now.astimezone(dt.UTC).isoformat(timespec="seconds"),
            local_day(now),
            actor.operator_id,
            actor.operator_name,
            len(keys),
            draft.estimate_cents,
            0 if online else 1,
        ),
    )
    conn.executemany(
        "INSERT INTO counter_claim_items (claim_id, code_key, product_id, amount_cents)"
        " VALUES (?, ?, ?, ?)",
        [(claim_id, line.code_key, line.product_id, line.amount_cents) for line in draft.lines],
    )
    return Registered(claim_id, event, len(keys), draft.estimate_cents)


def _claim_exists(conn: sqlite3.Connection, claim_id: str) -> bool:
    return (
        conn.execute("SELECT 1 FROM counter_claims WHERE claim_id = ?", (claim_id,)).fetchone()
        is not None
    )


def claims(
    conn: sqlite3.Connection, day: str | None = None, *, event_id: str | None = None
) -> list[ClaimRow]:
    sql = (
        "SELECT c.*, j.sync_state, j.reason FROM counter_claims c"
        " JOIN journal j ON j.event_id = c.event_id WHERE 1"
    )
    params: list[str] = []
    if day is not None:
        sql += " AND c.day = ?"
        params.append(day)
    if event_id is not None:
        sql += " AND c.event_id = ?"
        params.append(event_id)
    out = []
    for r in conn.execute(sql + " ORDER BY c.claimed_at, c.claim_id", params).fetchall():
        codes = tuple(
            k
            for (k,) in conn.execute(
                "SELECT code_key FROM counter_claim_items WHERE claim_id = ? ORDER BY code_key",
                (r["claim_id"],),
            )
        )
        out.append(
            ClaimRow(
                claim_id=r["claim_id"],
                event_id=r["event_id"],
                card_id=r["card_id"],
                installer=r["installer"],
                claimed_at=r["claimed_at"],
                operator_name=r["operator_name"],
                units=r["units"],
                estimate_cents=r["estimate_cents"],
                provisional=bool(r["provisional"]),
                sync_state=r["sync_state"],
                reason=r["reason"],
                codes=codes,
                detail=(
                    knowledge.issue_detail(conn, r["event_id"])
                    if r["sync_state"] == "rejected"
                    else {}
                ),
            )
        )
    return out


def card_summary(card: CardFacts) -> dict[str, str]:
    return {"card": card.card_id, "installer": card.installer or card.card_id}
