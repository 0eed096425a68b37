"""The verdict for one product found on a shelf: was it sold into this region?

Pure rules over what the snapshot says (who the code was shipped to, and when), the dealer's
authorised regions and the region tree (a dealer authorised for a province may sell in its
cities). Old data cannot clear or accuse anyone: past the brand's maximum age, the verdict is
"data too old", whatever the row says.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Outcome
from app.domain.workflows.knowledge import ShipRow


class Verdict(StrEnum):
    AUTHORISED = "authorised"
    DIVERTED = "diverted"
    NOT_SHIPPED = "not_shipped"
    UNKNOWN = "unknown"  # not a code the brand issued: suspected counterfeit
    STALE = "stale"  # the data is too old (or missing) to judge


OUTCOMES: dict[Verdict, Outcome] = {
    Verdict.AUTHORISED: Outcome.OK,
    Verdict.DIVERTED: Outcome.ERROR,
    Verdict.NOT_SHIPPED: Outcome.WARNING,
    Verdict.UNKNOWN: Outcome.ERROR,
    Verdict.STALE: Outcome.WARNING,
}

HEADLINES: dict[Verdict, str] = {
    Verdict.AUTHORISED: QT_TRANSLATE_NOOP("Inspector", "AUTHORISED HERE"),
    Verdict.DIVERTED: QT_TRANSLATE_NOOP("Inspector", "DIVERTED"),
    Verdict.NOT_SHIPPED: QT_TRANSLATE_NOOP("Inspector", "NOT SHIPPED YET"),
    Verdict.UNKNOWN: QT_TRANSLATE_NOOP("Inspector", "UNKNOWN TO THE BRAND"),
    Verdict.STALE: QT_TRANSLATE_NOOP("Inspector", "DATA TOO OLD"),
}

# Headlines for inspector decisions that are not a verdict.
DECISION_HEADLINES: dict[str, str] = {
    "inspect.case_filed": QT_TRANSLATE_NOOP("Inspector", "✔ CASE FILED"),
    "inspect.no_place": QT_TRANSLATE_NOOP("Inspector", "⚠ WHERE ARE YOU?"),
    "inspect.no_data": QT_TRANSLATE_NOOP("Inspector", "NO DATA"),
}

# The scan log's short word for an inspector decision, where the outcome's own word
# ("Refused" for every red result) would misname it: a diverted product was found, not refused.
LOG_WORDS: dict[str, str] = {
    "inspect.diverted": QT_TRANSLATE_NOOP("Inspector", "Diverted"),
    "inspect.not_shipped": QT_TRANSLATE_NOOP("Inspector", "Unshipped"),
    "inspect.unknown": QT_TRANSLATE_NOOP("Inspector", "Unknown"),
    "inspect.stale": QT_TRANSLATE_NOOP("Inspector", "Too old"),
    "inspect.no_data": QT_TRANSLATE_NOOP("Inspector", "No data"),
    "inspect.no_place": QT_TRANSLATE_NOOP("Inspector", "No place"),
    "inspect.case_filed": QT_TRANSLATE_NOOP("Inspector", "Case filed"),
}


def headline(verdict: str, no_data: bool) -> str:
    """The verdict's word (untranslated), one for the verdict card and the recent checks: a
    check made before any download says NO DATA in both, as the shell's panel does, not DATA
    TOO OLD in one and NO DATA in the other."""
    return DECISION_HEADLINES["inspect.no_data"] if no_data else HEADLINES[Verdict(verdict)]


MESSAGES: dict[Verdict, str] = {
    Verdict.AUTHORISED: QT_TRANSLATE_NOOP(
        "Decisions",
        "AUTHORISED HERE: {product}, shipped to {dealer} on {date}; {here} is in their sales "
        "regions.",
    ),
    Verdict.DIVERTED: QT_TRANSLATE_NOOP(
        "Decisions",
        "DIVERTED (窜货): {product}, shipped to {dealer} (may sell in {regions}) on {date}, order "
        "{order}; found in {here}. Take photos and file a case.",
    ),
    Verdict.NOT_SHIPPED: QT_TRANSLATE_NOOP(
        "Decisions",
        "NOT SHIPPED YET: the brand never shipped {product} to a dealer, yet it is on a shelf in "
        "{here}. Take photos and file a case.",
    ),
    Verdict.UNKNOWN: QT_TRANSLATE_NOOP(
        "Decisions",
        "UNKNOWN TO THE BRAND: {product} was never issued. Suspected counterfeit: take photos and "
        "file a case.",
    ),
    Verdict.STALE: QT_TRANSLATE_NOOP(
        "Decisions",
        "DATA TOO OLD TO JUDGE: the downloaded data is {hours} hours old (the brand allows "
        "{limit}). Download fresh data, then scan again.",
    ),
}

# DIVERTED when the station holds its region's view: shipped, to a dealer of another region
DIVERTED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "Decisions",
    "DIVERTED (窜货): {product}, shipped to a dealer of another region; found in {here}. Take"
    " photos and file a case.",
)

NO_DATA = QT_TRANSLATE_NOOP(
    "Decisions",
    "NO DATA: this station has not downloaded the shipment data yet. Download it on the "
    "Prepare tab before you inspect.",
)

CASEABLE = frozenset({Verdict.DIVERTED, Verdict.NOT_SHIPPED, Verdict.UNKNOWN})


@dataclass(frozen=True, slots=True)
class Judgement:
    verdict: Verdict
    dealer_id: str | None = None
    dealer_regions: tuple[str, ...] = ()
    ship_date: str | None = None
    order_id: str | None = None
    age_hours: float | None = None
    notes: dict[str, str] = field(default_factory=dict)

    @property
    def outcome(self) -> Outcome:
        return OUTCOMES[self.verdict]


def ancestors(region_id: str, parents: Mapping[str, str | None]) -> list[str]:
    """The region and every region above it (city, province, country), nearest first."""
    chain: list[str] = []
    current: str | None = region_id
    while current and current not in chain and len(chain) < 16:
        chain.append(current)
        current = parents.get(current)
    return chain


def authorised(
    found: str, dealer_regions: Iterable[str], parents: Mapping[str, str | None]
) -> bool:
    allowed = set(dealer_regions)
    return any(region in allowed for region in ancestors(found, parents))


def judge(
    row: ShipRow | None,
    found_region: str,
    dealer_regions: Iterable[str] | None,
    parents: Mapping[str, str | None],
    *,
    synced_at: dt.datetime | None,
    now: dt.datetime,
    max_age_hours: float,
) -> Judgement:
    age = (now - synced_at).total_seconds() / 3600 if synced_at else None
    regions = tuple(dealer_regions or ())
    stale = Judgement(
        Verdict.STALE,
        dealer_id=row.dealer_id if row else None,
        dealer_regions=regions,
        ship_date=row.ship_date if row else None,
        order_id=row.order_id if row else None,
        age_hours=age,
    )
    if age is None or age > max_age_hours:
        return stale
    if row is None:
        return replace(stale, verdict=Verdict.UNKNOWN)
    if not row.dealer_id:
        return replace(stale, verdict=Verdict.NOT_SHIPPED)
    if authorised(found_region, regions, parents):
        return replace(stale, verdict=Verdict.AUTHORISED)
    return replace(stale, verdict=Verdict.DIVERTED)
