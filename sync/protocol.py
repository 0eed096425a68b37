"""The sync protocol's request and response shapes, shared by the station client and the server.

The server publishes these models in its OpenAPI document (``/openapi.json``); the client
validates the answers it gets against the same models, so the two sides cannot drift.

Reason codes are stable machine strings: the server answers them, the station stores them
in its sync issues list and shows ``REASONS[code]`` (an English template marked for
translation) with what the operator can do next.
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, Field

from app.domain.i18n import QT_TRANSLATE_NOOP

API_PREFIX = "/v1"
API_VERSION = 1
SERVER_TIME_HEADER = "X-Server-Time"  # on every answer: the server's clock, ISO 8601 UTC

# Event types the server understands (EPCIS 2.0 plus the brand's own).
EVENT_TYPES = (
    "ObjectEvent",
    "AggregationEvent",
    "RedemptionEvent",
    "RebateClaimEvent",
    "DiversionCaseEvent",
)

# Change streams a station pulls. "ref" is everything a station keeps in its own tables;
# "shipments" brings an inspector's snapshot (code -> dealer/region) up to date.
STREAM_REF = "ref"
STREAM_SHIPMENTS = "shipments"
STREAMS = (STREAM_REF, STREAM_SHIPMENTS)
# ``GET /snapshots/latest?scope=registry``: the code registry as the asking station's pull sees
# it, one row per code: its key, then these fields of its latest code change (empty: none)
REGISTRY_SCOPE = "registry"
REGISTRY_FIELDS = ("level", "product_id", "parent_key", "status", "dealer_id", "order_id", "holder")


class Status(StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    REJECTED = "rejected"


class Reason(StrEnum):
    """Why the server rejected an event. The value is what travels on the wire."""

    CODE_UNKNOWN = "code.unknown"
    CODE_ALREADY_SHIPPED = "code.already_shipped"
    CODE_NOT_SHIPPED = "code.not_shipped"
    CODE_VOID = "code.void"
    DEALER_UNKNOWN = "dealer.unknown"
    REGION_NOT_AUTHORISED = "dealer.region_not_authorised"
    ORDER_UNKNOWN = "order.unknown"
    ORDER_WRONG_DEALER = "order.wrong_dealer"
    ORDER_CLOSED = "order.closed"
    AGG_LEVEL_MISMATCH = "aggregation.level_mismatch"
    AGG_IN_OTHER_PARENT = "aggregation.child_in_other_parent"
    AGG_PARENT_SHIPPED = "aggregation.parent_shipped"
    AGG_NOT_CHILD = "aggregation.not_child"
    VOUCHER_FORGED = "voucher.forged"
    VOUCHER_EXPIRED = "voucher.expired"
    VOUCHER_DENIED = "voucher.denied"
    VOUCHER_WRONG_DEALER = "voucher.wrong_dealer"
    VOUCHER_ALREADY_REDEEMED = "voucher.already_redeemed"
    VOUCHER_NOT_REDEEMED_HERE = "voucher.not_redeemed_here"
    CARD_FORGED = "card.forged"
    CARD_EXPIRED = "card.expired"
    CARD_DENIED = "card.denied"
    CLAIM_CODE_CLAIMED = "claim.code_already_claimed"
    CLAIM_CODE_REPEATED = "claim.code_repeated"
    CLAIM_CODE_NOT_SOLD = "claim.code_not_sold"
    CLAIM_ID_REUSED = "claim.id_reused"
    CASE_NOT_DIVERTED = "case.not_diverted"
    CASE_ID_REUSED = "case.id_reused"
    NOT_OWN_EVENT = "auth.not_own_event"
    NOT_AUTHORISED = "auth.not_authorised"
    EVENT_ID_REUSED = "event.id_reused"
    EVENT_INVALID = "event.invalid"
    SERVER_ERROR = "server.error"


# Operator text per reason: what happened, then what to do. Placeholders come from the
# rejection's ``detail`` (missing ones are left out by the UI's formatter).
REASONS: dict[str, tuple[str, str]] = {
    Reason.CODE_UNKNOWN: (
        QT_TRANSLATE_NOOP("SyncReasons", "The brand does not know code {code}."),
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Set the item aside and check its label; it may be a copy."
        ),
    ),
    Reason.CODE_ALREADY_SHIPPED: (
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "Code {code} was already shipped to {dealer} by station {station} on {at}.",
        ),
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "Find the goods: if they are still here, take the code out of the shipment.",
        ),
    ),
    Reason.CODE_NOT_SHIPPED: (
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Code {code} was never shipped, so it cannot be returned."
        ),
        QT_TRANSLATE_NOOP("SyncReasons", "Check the code and receive it as stock instead."),
    ),
    Reason.CODE_VOID: (
        QT_TRANSLATE_NOOP("SyncReasons", "Code {code} was replaced or destroyed."),
        QT_TRANSLATE_NOOP("SyncReasons", "Use the new label's code."),
    ),
    Reason.DEALER_UNKNOWN: (
        QT_TRANSLATE_NOOP("SyncReasons", "The brand does not know dealer {dealer}."),
        QT_TRANSLATE_NOOP("SyncReasons", "Sync to get the current dealer list, then ship again."),
    ),
    Reason.REGION_NOT_AUTHORISED: (
        QT_TRANSLATE_NOOP("SyncReasons", "Dealer {dealer} may not sell in region {region}."),
        QT_TRANSLATE_NOOP("SyncReasons", "Ask the sales office which region this order is for."),
    ),
    Reason.ORDER_UNKNOWN: (
        QT_TRANSLATE_NOOP("SyncReasons", "The brand does not know order {order}."),
        QT_TRANSLATE_NOOP("SyncReasons", "Ask the sales office to create the order, then sync."),
    ),
    Reason.ORDER_WRONG_DEALER: (
        QT_TRANSLATE_NOOP("SyncReasons", "Order {order} belongs to another dealer."),
        QT_TRANSLATE_NOOP("SyncReasons", "Ship against the right order."),
    ),
    Reason.ORDER_CLOSED: (
        QT_TRANSLATE_NOOP("SyncReasons", "Order {order} is closed."),
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Ask the sales office to reopen it or create a new order."
        ),
    ),
    Reason.AGG_LEVEL_MISMATCH: (
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Code {code} cannot go into {parent}: the levels do not fit."
        ),
        QT_TRANSLATE_NOOP("SyncReasons", "Unpack and pack again into the right case or pallet."),
    ),
    Reason.AGG_IN_OTHER_PARENT: (
        QT_TRANSLATE_NOOP("SyncReasons", "Code {code} is already packed in {other}."),
        QT_TRANSLATE_NOOP("SyncReasons", "Unpack it from {other} first, or move it deliberately."),
    ),
    Reason.AGG_PARENT_SHIPPED: (
        QT_TRANSLATE_NOOP(
            "SyncReasons", "{parent} was already shipped; nothing can be packed into it."
        ),
        QT_TRANSLATE_NOOP("SyncReasons", "Pack into another case or pallet."),
    ),
    Reason.AGG_NOT_CHILD: (
        QT_TRANSLATE_NOOP("SyncReasons", "Code {code} is not packed in {parent}."),
        QT_TRANSLATE_NOOP("SyncReasons", "Check which case or pallet it is in."),
    ),
    Reason.VOUCHER_FORGED: (
        QT_TRANSLATE_NOOP("SyncReasons", "The voucher's signature is not the brand's."),
        QT_TRANSLATE_NOOP("SyncReasons", "Do not hand out the prize; keep the customer's details."),
    ),
    Reason.VOUCHER_EXPIRED: (
        QT_TRANSLATE_NOOP("SyncReasons", "Voucher {voucher} expired on {expires}."),
        QT_TRANSLATE_NOOP("SyncReasons", "Tell the customer it has expired."),
    ),
    Reason.VOUCHER_DENIED: (
        QT_TRANSLATE_NOOP("SyncReasons", "Voucher {voucher} was cancelled by the brand."),
        QT_TRANSLATE_NOOP("SyncReasons", "Do not hand out the prize; call the brand's hotline."),
    ),
    Reason.VOUCHER_WRONG_DEALER: (
        QT_TRANSLATE_NOOP("SyncReasons", "Voucher {voucher} is for another dealer."),
        QT_TRANSLATE_NOOP("SyncReasons", "Send the customer to the dealer named on the voucher."),
    ),
    Reason.VOUCHER_ALREADY_REDEEMED: (
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Voucher {voucher} was already redeemed at station {station} on {at}."
        ),
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "The other counter was first. Settle the prize you handed out with the brand.",
        ),
    ),
    Reason.VOUCHER_NOT_REDEEMED_HERE: (
        QT_TRANSLATE_NOOP("SyncReasons", "Voucher {voucher} was not redeemed at this counter."),
        QT_TRANSLATE_NOOP("SyncReasons", "Only the counter that redeemed it can undo it."),
    ),
    Reason.CARD_FORGED: (
        QT_TRANSLATE_NOOP("SyncReasons", "The installer card's signature is not the brand's."),
        QT_TRANSLATE_NOOP("SyncReasons", "Do not pay a rebate on this card; call the brand."),
    ),
    Reason.CARD_EXPIRED: (
        QT_TRANSLATE_NOOP("SyncReasons", "Installer card {card} expired on {expires}."),
        QT_TRANSLATE_NOOP("SyncReasons", "Ask the installer to renew the card."),
    ),
    Reason.CARD_DENIED: (
        QT_TRANSLATE_NOOP("SyncReasons", "Installer card {card} was blocked by the brand."),
        QT_TRANSLATE_NOOP("SyncReasons", "Do not pay a rebate on this card; call the brand."),
    ),
    Reason.CLAIM_CODE_CLAIMED: (
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Code {code} was already claimed on {at} (claim {claim})."
        ),
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Each product earns a rebate once; take it off the claim."
        ),
    ),
    Reason.CLAIM_CODE_REPEATED: (
        QT_TRANSLATE_NOOP("SyncReasons", "Code {code} appears twice in the claim."),
        QT_TRANSLATE_NOOP("SyncReasons", "Register the claim again with each code once."),
    ),
    Reason.CLAIM_CODE_NOT_SOLD: (
        QT_TRANSLATE_NOOP("SyncReasons", "Code {code} was never shipped to a dealer."),
        QT_TRANSLATE_NOOP("SyncReasons", "Only products sold through a dealer earn a rebate."),
    ),
    Reason.CASE_NOT_DIVERTED: (
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Code {code} was sold into this region by {dealer}; no case opened."
        ),
        QT_TRANSLATE_NOOP("SyncReasons", "Download a fresh snapshot before the next inspection."),
    ),
    Reason.CLAIM_ID_REUSED: (
        QT_TRANSLATE_NOOP("SyncReasons", "Claim number {claim} is already used by another claim."),
        QT_TRANSLATE_NOOP(
            "SyncReasons",
            "Register the products again as a new claim (it gets a new number); the refused "
            "one earned nothing.",
        ),
    ),
    Reason.CASE_ID_REUSED: (
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Diversion case {case} is already open for another event."
        ),
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Call IT: two inspections were given the same case number."
        ),
    ),
    Reason.NOT_OWN_EVENT: (
        QT_TRANSLATE_NOOP("SyncReasons", "This event was recorded by another station."),
        QT_TRANSLATE_NOOP("SyncReasons", "Call IT: the station's database may have been copied."),
    ),
    Reason.NOT_AUTHORISED: (
        QT_TRANSLATE_NOOP("SyncReasons", "This station may not do this."),
        QT_TRANSLATE_NOOP("SyncReasons", "Call IT to check the station's enrollment."),
    ),
    Reason.EVENT_ID_REUSED: (
        QT_TRANSLATE_NOOP(
            "SyncReasons", "The server already holds a different event with this id."
        ),
        QT_TRANSLATE_NOOP(
            "SyncReasons", "Call IT: the station's database may have been restored or copied."
        ),
    ),
    Reason.EVENT_INVALID: (
        QT_TRANSLATE_NOOP("SyncReasons", "The server could not read this event: {error}."),
        QT_TRANSLATE_NOOP("SyncReasons", "Call IT and give them the event number."),
    ),
    Reason.SERVER_ERROR: (
        QT_TRANSLATE_NOOP("SyncReasons", "The server failed while handling this event."),
        QT_TRANSLATE_NOOP("SyncReasons", "Call IT and give them the event number."),
    ),
}


# --- enrollment ---------------------------------------------------------------------------


PRINTABLE = r"^[^\x00-\x1f\x7f]*$"  # no control characters (PostgreSQL refuses NUL in text)


class EnrollRequest(BaseModel):
    enrollment_code: str = Field(min_length=4, max_length=200, pattern=PRINTABLE)
    station_id: str = Field(
        min_length=1, max_length=100, pattern=PRINTABLE, description="the station's own id"
    )
    station_name: str = Field(default="", max_length=200, pattern=PRINTABLE)
    app_version: str = Field(default="", max_length=50, pattern=PRINTABLE)


class EnrollResponse(BaseModel):
    station_id: str
    credential: str = Field(description="bearer token; keep it in the OS credential store")
    server_id: str
    tags: list[str]


class ServerInfo(BaseModel):
    server_id: str
    api_version: int
    push_batch_limit: int
    pull_page_limit: int
    server_time: str


class StationReport(BaseModel):
    """What a station says of itself after each round, for head office's station list."""

    version: str = Field(max_length=40, pattern=r"^[0-9A-Za-z.+_-]*$")
    backlog: int = Field(ge=0, le=2**53, description="events still waiting to be pushed")
    clock_offset_s: float | None = Field(
        default=None, ge=-1e9, le=1e9, description="the station's wall clock minus the server's"
    )


class Whoami(BaseModel):
    station_id: str
    name: str
    tags: list[str]
    dealer_id: str | None = None
    site: str | None = None
    region_id: str | None = None
    chain_seq: int | None = Field(
        default=None,
        description="the last journal sequence number the server holds from this station: a "
        "station whose own journal ends before it was rolled back",
    )


# --- push -----------------------------------------------------------------------------------


SEQ_MAX = 2**63 - 1  # a 64-bit signed integer column on both databases
PAYLOAD_DEPTH_MAX = 32
# (field, most characters): checked by ``event_problem``, not by the model, so that a value
# pydantic cannot even read as text (a lone surrogate) is one rejected event, not a 422 batch
_TEXT_FIELDS = (("event_id", 100), ("type", 100), ("occurred_at", 64), ("operator", 200),
                ("station", 100))  # fmt: skip


class EventIn(BaseModel):
    """One journal event. Its shape is checked with the request; its values (ranges, text that
    the database can store) by ``event_problem``, so one bad event is rejected on its own and
    the rest of its batch is judged."""

    event_id: str = Field(description="1 to 100 characters, unique forever")
    seq: int = Field(description=f"the station's journal sequence number, 0 to {SEQ_MAX}")
    type: str = Field(description="one of EVENT_TYPES")
    payload: dict[str, Any]
    occurred_at: str = Field(description="ISO 8601 time, with offset")
    operator: str = Field(default="", description="up to 200 characters")
    station: str = Field(description="the station's id")
    prev_hash: str | None = Field(
        default=None, max_length=64, description="the station's hash chain: the event before"
    )
    hash: str | None = Field(
        default=None,
        max_length=64,
        description="this event's hash in the station's chain; the server keeps the last one "
        "and refuses (409) a batch that does not continue it",
    )


def event_problem(event: EventIn) -> str | None:
    """Why the server cannot judge or store this event as sent, in words that do not repeat
    the input; ``None`` when it can."""
    if not 0 <= event.seq <= SEQ_MAX:
        return f"seq must be between 0 and {SEQ_MAX}"
    for name, longest in _TEXT_FIELDS:
        text = getattr(event, name)
        problem = text_problem(text) or (
            f"is longer than {longest} characters" if len(text) > longest else None
        )
        if problem:
            return f"{name} {problem}"
    if not event.event_id:
        return "event_id is empty"
    return value_problem(event.payload)


def text_problem(text: str) -> str | None:
    """Why the databases cannot store this text (a NUL, a lone surrogate), or ``None``."""
    if text.isascii():
        return "contains the NUL character" if "\x00" in text else None
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "is not valid Unicode (a lone surrogate)"
    return "contains the NUL character" if "\x00" in text else None


def value_problem(value: Any, what: str = "payload", depth: int = 0) -> str | None:
    """Why ``value`` (parsed JSON) cannot be stored as sent, named after ``what`` without
    repeating it: text the databases cannot hold, a number that is not finite or is past 64
    bits, nesting deeper than ``PAYLOAD_DEPTH_MAX``; ``None`` when it can."""
    if isinstance(value, str):
        problem = text_problem(value)
        return f"{what} text {problem}" if problem else None
    if isinstance(value, float):
        return None if math.isfinite(value) else f"{what} holds a number that is not finite"
    if (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not -SEQ_MAX - 1 <= value <= SEQ_MAX
    ):
        return f"{what} holds an integer out of the 64-bit range"
    if isinstance(value, dict | list):
        if depth >= PAYLOAD_DEPTH_MAX:
            return f"{what} nested deeper than {PAYLOAD_DEPTH_MAX} levels"
        items = value.items() if isinstance(value, dict) else enumerate(value)
        for key, item in items:
            problem = (
                value_problem(key, what, depth) if isinstance(key, str) else None
            ) or value_problem(item, what, depth + 1)
            if problem:
                return problem
    return None


class PushRequest(BaseModel):
    events: list[EventIn]


class EventResult(BaseModel):
    event_id: str
    status: Status
    reason: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)
    original_status: Status | None = Field(
        default=None, description="for a duplicate: what the first delivery was answered"
    )


class PushResponse(BaseModel):
    results: list[EventResult]


# --- pull -----------------------------------------------------------------------------------


class Change(BaseModel):
    seq: int
    kind: str
    key: str
    op: Literal["upsert", "delete"]
    data: dict[str, Any] = Field(default_factory=dict)


class PullResponse(BaseModel):
    stream: str
    changes: list[Change]
    next_cursor: int
    more: bool


# --- snapshots ------------------------------------------------------------------------------


class SnapshotInfo(BaseModel):
    snapshot_id: str
    scope: str
    as_of: int = Field(description="cursor of the shipments stream the snapshot includes")
    rows: int
    size: int
    sha256: str
    created_at: str
    url: str


# --- trace and lookups ----------------------------------------------------------------------


class TraceStep(BaseModel):
    at: str
    what: str
    station: str | None = None
    event_id: str | None = None
    detail: dict[str, Any] = Field(default_factory=dict)


class Trace(BaseModel):
    key: str
    known: bool
    product_id: str | None = None
    product_name: str | None = None
    level: str | None = None
    batch_id: str | None = None
    issued_at: str | None = None
    parent_key: str | None = None
    ancestors: list[str] = Field(default_factory=list)
    children: int = 0
    status: str | None = None
    dealer_id: str | None = None
    region_id: str | None = None
    order_id: str | None = None
    shipped_at: str | None = None
    scan_count: int = 0
    steps: list[TraceStep] = Field(default_factory=list)
    anomalies: list[dict[str, Any]] = Field(default_factory=list)


class VoucherStatus(BaseModel):
    voucher_id: str
    known: bool
    status: str
    redeemed_by: str | None = None
    redeemed_at: str | None = None


class RebateStatement(BaseModel):
    card_id: str
    month: str
    units: int
    tier: str
    base_cents: int
    bonus_cents: int
    total_cents: int
    claims: list[dict[str, Any]] = Field(default_factory=list)


class ErrorBody(BaseModel):
    """Every refusal: a stable machine code and a sentence for people (never the input back)."""

    error: str
    message: str
