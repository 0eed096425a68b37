"""Least privilege for stations, written down once: what each kind of station may push and read.

Dealers are competitors, so an authenticated station is not a trusted one. An enrollment code
says what a station is (its ``kind``) and whose it is (dealer, site, region); the credential
carries both (columns of ``stations``), and only head office's audited admin path changes them
(``admin.set_station_role``). Every route looks its permission up here, in ``READS`` and
``PUSH``; the README's sync section and the OpenAPI descriptions are made from the same table.

Anything the table does not grant is ``403`` with a reason code (``access.kind``: this kind of
station may not use the endpoint; ``access.not_yours``: the object belongs to someone else),
and the attempt is an ``access.denied`` anomaly head office sees in the console.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from app.domain.rules.snapshot import ELSEWHERE as SHIPPED_ELSEWHERE
from sync.server.stations import AccessError
from sync.server.util import loads


class Kind(StrEnum):
    BRAND_WAREHOUSE = "brand_warehouse"
    DEALER_WAREHOUSE = "dealer_warehouse"
    DEALER_COUNTER = "dealer_counter"
    INSPECTOR = "inspector"
    HQ_TEST = "hq_test"


KINDS = tuple(kind.value for kind in Kind)
# Stations and codes from before kinds existed keep working as they did (they could read
# everything): head office's test kind. Head office gives each one its real kind with
# ``admin station-role`` (audited).
DEFAULT_KIND = Kind.HQ_TEST


class Own(StrEnum):
    """Which objects of an endpoint a kind may see."""

    ANY = "any"  # every object
    DEALER = "own_dealer"  # its dealer's: goods shipped to it, cards and vouchers issued to it
    REGION = "own_region"  # its region's and the neighbours head office granted it


BW, DW, DC, IN, HQ = Kind  # short names for the table below only
EVERYONE = {kind: Own.ANY for kind in Kind}

# endpoint -> kind -> which objects; a kind missing from an endpoint's row is refused it
READS: dict[str, dict[Kind, Own]] = {
    "whoami": EVERYONE,
    "changes.ref": EVERYONE,  # the change log's audiences (dealer:, site:, region:) filter it
    "changes.shipments": {BW: Own.ANY, HQ: Own.ANY, IN: Own.REGION},
    "snapshot.all": {BW: Own.ANY, HQ: Own.ANY},
    "snapshot.region": {BW: Own.ANY, HQ: Own.ANY, IN: Own.REGION},
    "trace": {BW: Own.ANY, HQ: Own.ANY, IN: Own.REGION, DW: Own.DEALER, DC: Own.DEALER},
    "voucher": {HQ: Own.ANY, DC: Own.DEALER},
    "rebate": {HQ: Own.ANY, DC: Own.DEALER},
    "epcis.capture": {BW: Own.ANY, HQ: Own.ANY},
    "epcis.query": {HQ: Own.ANY},
    "evidence": {IN: Own.ANY, HQ: Own.ANY},  # its own photos only (sync.server.evidence)
}

# kind -> the event types it may push. Whatever the kind, an event recorded by another
# station is rejected (``auth.not_own_event``, sync.server.push): no station pushes in
# another's name. A type not listed is rejected ``auth.not_authorised``.
PUSH: dict[Kind, frozenset[str]] = {
    BW: frozenset({"ObjectEvent", "AggregationEvent"}),
    DW: frozenset({"ObjectEvent"}),  # receiving and shipping on; never the brand's pallets
    DC: frozenset({"ObjectEvent", "RedemptionEvent", "RebateClaimEvent"}),
    IN: frozenset({"ObjectEvent", "DiversionCaseEvent"}),
    HQ: frozenset(
        {
            "ObjectEvent",
            "AggregationEvent",
            "RedemptionEvent",
            "RebateClaimEvent",
            "DiversionCaseEvent",
        }
    ),
}
OWN_EVENTS_ONLY = True  # every kind (see PUSH)

# How much of a trace each kind is told: "full" (the brand's own staff) or "dealer" (product,
# batch, authentic or not, its own receipts and shipments; never another dealer's name, order,
# station or price, nor the brand's station ids)
TRACE_DETAIL: dict[Kind, str] = {BW: "full", HQ: "full", IN: "full", DW: "dealer", DC: "dealer"}


# What a region-scoped station (an inspector) is told about a code shipped into another region:
# shipped, to a dealer not named, so its verdict there is "diverted", as with the full map
ELSEWHERE = SHIPPED_ELSEWHERE


class Denied(AccessError):
    """A station asked for what its kind or owner does not allow (403)."""

    def __init__(self, error: str, message: str) -> None:
        super().__init__(403, error, message)


def kind_of(station: dict[str, Any]) -> Kind:
    return Kind(station.get("kind") or DEFAULT_KIND)


def regions_of(station: dict[str, Any]) -> set[str]:
    """The station's own region and the neighbours head office granted it."""
    granted = set(loads(station.get("granted_regions"), []))
    return granted | ({station["region_id"]} if station.get("region_id") else set())


def rule(station: dict[str, Any], endpoint: str) -> Own | None:
    """What of ``endpoint`` this station may see; None when its kind may not use it."""
    return READS[endpoint].get(kind_of(station))


def refusal_for_kind(station: dict[str, Any], endpoint: str) -> Denied:
    return Denied(
        "access.kind",
        f"A {kind_of(station).value} station may not use {endpoint}; ask head office if it should.",
    )


def refusal_not_yours(what: str) -> Denied:
    return Denied("access.not_yours", f"This {what} is not this station's dealer's or region's.")


def may_see(station: dict[str, Any], endpoint: str, *, dealer: Any = None,
            regions: set[str] | None = None) -> bool:  # fmt: skip
    """Whether the station may see an object owned by ``dealer`` and lying in ``regions``."""
    own = rule(station, endpoint)
    if own is None:
        return False
    if own is Own.DEALER:
        return bool(station.get("dealer_id")) and dealer == station["dealer_id"]
    if own is Own.REGION:
        return bool(regions and regions & regions_of(station))
    return True


def may_push(station: dict[str, Any], event_type: str) -> bool:
    return event_type in PUSH[kind_of(station)]


def table_markdown() -> str:
    """The table as Markdown, for the README and the OpenAPI description (one source)."""
    header = "| endpoint | " + " | ".join(KINDS) + " |"
    lines = [header, "|" + "---|" * (len(KINDS) + 1)]
    for endpoint, row in READS.items():
        cells = [row[kind].value if kind in row else "403" for kind in Kind]
        lines.append(f"| {endpoint} | " + " | ".join(cells) + " |")
    pushes = [", ".join(sorted(PUSH[kind])) for kind in Kind]
    lines.append("| push (event types) | " + " | ".join(pushes) + " |")
    return "\n".join(lines)
