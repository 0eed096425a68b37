"""The values the warehouse flows hand back: flows, code states, job views and results."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.settings import StoreSetting
from app.domain.workflows.base import Decision


class Flow(StrEnum):
    """What the gun is doing right now; each flow has its own kind of job."""

    PACK = "pack"
    UNPACK = "unpack"
    RELABEL = "relabel"
    RECEIVE = "receive"
    SHIP = "ship"
    STOCKTAKE = "stocktake"
    RETURN = "return"


FLOW_TITLES: dict[Flow, str] = {
    Flow.RECEIVE: QT_TRANSLATE_NOOP("Warehouse", "Receive"),
    Flow.SHIP: QT_TRANSLATE_NOOP("Warehouse", "Ship"),
    Flow.PACK: QT_TRANSLATE_NOOP("Warehouse", "Pack"),
    Flow.UNPACK: QT_TRANSLATE_NOOP("Warehouse", "Unpack"),
    Flow.RELABEL: QT_TRANSLATE_NOOP("Warehouse", "Relabel"),
    Flow.STOCKTAKE: QT_TRANSLATE_NOOP("Warehouse", "Stocktake"),
    Flow.RETURN: QT_TRANSLATE_NOOP("Warehouse", "Returns"),
}

# The headline over a switch of task: the plain "✔ OK" read as if goods had been taken in.
SWITCHED = QT_TRANSLATE_NOOP("Warehouse", "⇄ Switched: {task}")

# How far a product's line is, saying what is counted: a bare "24 of 48" said neither.
PROGRESS: dict[Flow, str] = {
    Flow.RECEIVE: QT_TRANSLATE_NOOP(
        "Decisions", "{items} × {product} received: {scanned} of the {expected} on this delivery."
    ),
    Flow.SHIP: QT_TRANSLATE_NOOP(
        "Decisions", "{items} × {product} scanned: {scanned} of the {expected} on this order."
    ),
}


class Status(StrEnum):
    """``codes.status`` values the warehouse reads and writes."""

    KNOWN = "known"  # in the registry, not (yet) received here
    IN_STOCK = "in_stock"
    ALLOCATED = "allocated"  # scanned into an open shipment (held for that order)
    SHIPPED = "shipped"
    QUARANTINE = "quarantine"  # returned damaged or expired: not to be shipped again
    REPLACED = "replaced"  # its label was replaced by another code (relabel)


RETURN_REASONS: dict[str, str] = {
    "unsold": QT_TRANSLATE_NOOP("Warehouse", "Unsold stock"),
    "damaged": QT_TRANSLATE_NOOP("Warehouse", "Damaged"),
    "expired": QT_TRANSLATE_NOOP("Warehouse", "Expired"),
    "wrong_delivery": QT_TRANSLATE_NOOP("Warehouse", "Wrong delivery"),
}
QUARANTINE_REASONS = frozenset({"damaged", "expired"})
DEFAULT_LOCATION = "MAIN"

# Station settings (the core ``settings`` table) the flows read on every action.
STRICT = StoreSetting(
    "warehouse.strict",
    bool,
    False,
    QT_TRANSLATE_NOOP("Settings", "Refuse codes this station has never seen"),
)
ALLOW_MIX = StoreSetting(
    "warehouse.allow_mix",
    bool,
    False,
    QT_TRANSLATE_NOOP("Settings", "Allow several products in one case or pallet"),
)


@dataclass(frozen=True, slots=True)
class Line:
    """Progress of one product in a job: ``expected`` is None in a free receipt."""

    product_id: str
    product: str
    expected: int | None
    scanned: int

    @property
    def remaining(self) -> int | None:
        return None if self.expected is None else self.expected - self.scanned


@dataclass(frozen=True, slots=True)
class JobView:
    """A job as the page shows it, read in the same transaction as the decision."""

    id: str
    flow: Flow
    status: str
    unit: str  # what the lines count: "item" or "case"
    parent_key: str | None
    product_id: str | None
    capacity: int | None
    order_id: str | None
    dealer_id: str | None
    dealer: str
    inbound_id: str | None
    inbound_ref: str  # the delivery's paper reference, "" for a free receipt
    location_id: str | None
    location: str  # the location's name in the operator's language
    reason: str | None
    closed_by: str | None
    operator: str
    created_at: str
    finished_at: str | None
    lines: tuple[Line, ...] = ()
    scans: int = 0

    @property
    def scanned(self) -> int:
        return sum(line.scanned for line in self.lines)

    @property
    def expected(self) -> int | None:
        if any(line.expected is None for line in self.lines) or not self.lines:
            return None
        return sum(line.expected or 0 for line in self.lines)


@dataclass(frozen=True, slots=True)
class Result:
    """What one warehouse action answers: the decision, and the state the page redraws from."""

    decision: Decision
    flow: Flow
    job: JobView | None
    pending: str | None = None  # what the next scan or CONFIRM completes: move, cancel, ...
    key: str = ""  # canonical key of the code scanned, when there was one
    extra: dict[str, object] = field(default_factory=dict)
