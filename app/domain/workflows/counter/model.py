"""The counter's modes, alert reason codes and operator words.

Reason codes are stable machine strings (tests, logs, the day's report); the words are English
templates in the ``Decisions`` context, translated by the UI and then filled with ``args``.
Each says what happened and what the clerk does next.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP


class Mode(StrEnum):
    """What the gun is doing at the counter; switched with ``YIMA:CMD:SWITCH:<mode>``."""

    REDEEM = "redeem"
    VERIFY = "verify"
    REBATE = "rebate"


MODE_TITLES: dict[Mode, str] = {
    Mode.REDEEM: QT_TRANSLATE_NOOP("Counter", "Redeem voucher"),
    Mode.VERIFY: QT_TRANSLATE_NOOP("Counter", "Verify product"),
    Mode.REBATE: QT_TRANSLATE_NOOP("Counter", "Installer rebate"),
}


class Alert(StrEnum):
    """Why a voucher or card was refused (or needs a look). The value is the reason code."""

    DAMAGED = "voucher.damaged"
    FORGED = "voucher.forged"
    UNKNOWN_KEY = "voucher.unknown_key"
    KEY_REVOKED = "voucher.key_revoked"
    EXPIRED = "voucher.expired"
    DENIED = "voucher.denied"
    WRONG_DEALER = "voucher.wrong_dealer"
    REDEEMED_HERE = "voucher.already_redeemed_here"
    REDEEMED_ELSEWHERE = "voucher.already_redeemed_elsewhere"
    OFFLINE_COUNT = "voucher.offline_cap_count"
    OFFLINE_VALUE = "voucher.offline_cap_value"
    OFFLINE_HOURS = "voucher.offline_cap_hours"
    NOT_A_VOUCHER = "voucher.is_card"
    CARD_DAMAGED = "card.damaged"
    CARD_FORGED = "card.forged"
    CARD_UNKNOWN_KEY = "card.unknown_key"
    CARD_KEY_REVOKED = "card.key_revoked"
    CARD_EXPIRED = "card.expired"
    CARD_DENIED = "card.denied"
    CARD_WRONG_DEALER = "card.wrong_dealer"
    NOT_A_CARD = "card.is_voucher"


ALERT_WORDS: dict[Alert, str] = {
    Alert.DAMAGED: QT_TRANSLATE_NOOP(
        "Decisions",
        "FORGED OR DAMAGED: this voucher cannot be read. Do not hand out the prize; ask the "
        "customer to open the voucher again and scan it once more.",
    ),
    Alert.FORGED: QT_TRANSLATE_NOOP(
        "Decisions",
        "FORGED: voucher {voucher} does not carry the brand's signature. Do not hand out the "
        "prize; note the customer's phone number.",
    ),
    Alert.UNKNOWN_KEY: QT_TRANSLATE_NOOP(
        "Decisions",
        "Cannot check voucher {voucher}: it is signed with key {kid}, which this station does "
        "not have yet. Sync, then scan it again.",
    ),
    Alert.KEY_REVOKED: QT_TRANSLATE_NOOP(
        "Decisions",
        "FORGED: voucher {voucher} is signed with key {kid}, which the brand withdrew. Do not "
        "hand out the prize; call the brand's hotline.",
    ),
    Alert.EXPIRED: QT_TRANSLATE_NOOP(
        "Decisions",
        "EXPIRED: voucher {voucher} was valid until {expires}. Tell the customer it has expired.",
    ),
    Alert.DENIED: QT_TRANSLATE_NOOP(
        "Decisions",
        "CANCELLED: the brand cancelled voucher {voucher}. Do not hand out the prize; the "
        "customer can call the brand's hotline.",
    ),
    Alert.WRONG_DEALER: QT_TRANSLATE_NOOP(
        "Decisions",
        "NOT FOR THIS DEALER: voucher {voucher} is for {dealer}. Send the customer there.",
    ),
    Alert.REDEEMED_HERE: QT_TRANSLATE_NOOP(
        "Decisions",
        "ALREADY REDEEMED HERE on {at} by {operator}. Do not hand out the prize again.",
    ),
    Alert.REDEEMED_ELSEWHERE: QT_TRANSLATE_NOOP(
        "Decisions",
        "ALREADY REDEEMED at counter {station} on {at}. Do not hand out the prize.",
    ),
    Alert.OFFLINE_COUNT: QT_TRANSLATE_NOOP(
        "Decisions",
        "Offline limit reached: {count} vouchers redeemed since the last sync (the brand allows "
        "{limit}). Connect to the network and sync, then scan again.",
    ),
    Alert.OFFLINE_VALUE: QT_TRANSLATE_NOOP(
        "Decisions",
        "Offline limit reached: this voucher would bring unsynced prizes to {value} (the brand "
        "allows {limit}). Connect to the network and sync, then scan again.",
    ),
    Alert.OFFLINE_HOURS: QT_TRANSLATE_NOOP(
        "Decisions",
        "Offline too long: the last sync was {hours} hours ago (the brand allows {limit}). "
        "Connect to the network and sync before redeeming.",
    ),
    Alert.NOT_A_VOUCHER: QT_TRANSLATE_NOOP(
        "Decisions",
        "This is an installer card, not a voucher. Switch to Installer rebate to register a claim.",
    ),
    Alert.CARD_DAMAGED: QT_TRANSLATE_NOOP(
        "Decisions",
        "FORGED OR DAMAGED: this installer card cannot be read. Ask the installer to show it "
        "again.",
    ),
    Alert.CARD_FORGED: QT_TRANSLATE_NOOP(
        "Decisions",
        "FORGED: installer card {card} does not carry the brand's signature. Do not register "
        "a rebate.",
    ),
    Alert.CARD_UNKNOWN_KEY: QT_TRANSLATE_NOOP(
        "Decisions",
        "Cannot check installer card {card}: signed with key {kid}, which this station does not "
        "have yet. Sync, then scan it again.",
    ),
    Alert.CARD_KEY_REVOKED: QT_TRANSLATE_NOOP(
        "Decisions",
        "FORGED: installer card {card} is signed with a key the brand withdrew. Do not register "
        "a rebate.",
    ),
    Alert.CARD_EXPIRED: QT_TRANSLATE_NOOP(
        "Decisions",
        "EXPIRED: installer card {card} was valid until {expires}. Ask the installer to renew it.",
    ),
    Alert.CARD_DENIED: QT_TRANSLATE_NOOP(
        "Decisions",
        "BLOCKED: the brand blocked installer card {card}. Do not register a rebate.",
    ),
    Alert.CARD_WRONG_DEALER: QT_TRANSLATE_NOOP(
        "Decisions",
        "NOT FOR THIS DEALER: installer card {card} belongs to {dealer}'s installers.",
    ),
    Alert.NOT_A_CARD: QT_TRANSLATE_NOOP(
        "Decisions",
        "This is a prize voucher, not an installer card. Switch to Redeem voucher to redeem it.",
    ),
}
# The same words where the count is one: English says "1 voucher", "1 hour", not "1 vouchers".
ALERT_WORDS_FOR_ONE: dict[Alert, tuple[str, str]] = {  # alert -> (the counted arg, words)
    Alert.OFFLINE_COUNT: (
        "count",
        QT_TRANSLATE_NOOP(
            "Decisions",
            "Offline limit reached: 1 voucher redeemed since the last sync (the brand allows "
            "{limit}). Connect to the network and sync, then scan again.",
        ),
    ),
    Alert.OFFLINE_HOURS: (
        "hours",
        QT_TRANSLATE_NOOP(
            "Decisions",
            "Offline too long: the last sync was 1 hour ago (the brand allows {limit}). "
            "Connect to the network and sync before redeeming.",
        ),
    ),
}


def alert_words(alert: Alert, args: dict[str, str]) -> str:
    """An alert's words for its arguments: the singular ones when the counted one is 1."""
    one = ALERT_WORDS_FOR_ONE.get(alert)
    if one is not None and str(args.get(one[0])) == "1":
        return one[1]
    return ALERT_WORDS[alert]


@dataclass(frozen=True, slots=True)
class OfflineCaps:
    """How far the brand lets a counter go without the server (setting ``counter.offline_caps``)."""

    vouchers: int = 20
    value_cents: int = 200_000
    hours: float = 24.0


@dataclass(frozen=True, slots=True)
class VoucherFacts:
    """What a checked voucher says, shown to the clerk before the confirming scan."""

    voucher_id: str
    kid: str
    prize: str
    value_cents: int
    campaign: str
    dealer_id: str | None
    dealer_name: str | None
    expires: dt.date | None
    token: str


@dataclass(frozen=True, slots=True)
class CardFacts:
    card_id: str
    kid: str
    installer: str
    phone: str
    dealer_id: str | None
    expires: dt.date | None
    token: str


@dataclass(frozen=True, slots=True)
class ClaimLine:
    code_key: str
    product_id: str | None
    product: str
    amount_cents: int
    checked: bool = True  # False: this station holds no record of the code; the brand judges it


@dataclass(frozen=True, slots=True)
class ClaimDraft:
    """An installer claim being scanned: the card and the product codes so far."""

    card: CardFacts
    lines: tuple[ClaimLine, ...] = ()

    @property
    def estimate_cents(self) -> int:
        return sum(line.amount_cents for line in self.lines)

    def has(self, key: str) -> bool:
        return any(line.code_key == key for line in self.lines)


@dataclass(frozen=True, slots=True)
class RedemptionRow:
    """One redemption at this counter, with the server's answer as far as it is known."""

    voucher_id: str
    event_id: str
    prize: str
    value_cents: int
    redeemed_at: str
    operator_name: str
    provisional: bool
    status: str  # redeemed | undone
    sync_state: str  # pending | accepted | duplicate | rejected
    reason: str | None = None
    undone_at: str | None = None
    first_station: str | None = None  # when refused: the counter that was first, and when
    first_at: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)  # the server's detail of a refusal

    @property
    def standing(self) -> str:
        """``undone``, ``refused``, ``confirmed`` or ``provisional`` (not yet answered)."""
        if self.status == "undone":
            return "undone"
        if self.sync_state == "rejected":
            return "refused"
        if self.sync_state in ("accepted", "duplicate"):
            return "confirmed"
        return "provisional"


@dataclass(frozen=True, slots=True)
class ClaimRow:
    claim_id: str
    event_id: str
    card_id: str
    installer: str
    claimed_at: str
    operator_name: str
    units: int
    estimate_cents: int
    provisional: bool
    sync_state: str
    reason: str | None = None
    codes: tuple[str, ...] = field(default=())
    detail: dict[str, Any] = field(default_factory=dict)  # the server's detail of a refusal

    @property
    def standing(self) -> str:
        if self.sync_state == "rejected":
            return "refused"
        if self.sync_state in ("accepted", "duplicate"):
            return "confirmed"
        return "provisional"


STANDING_WORDS: dict[str, str] = {
    "provisional": QT_TRANSLATE_NOOP("Counter", "provisional"),
    "confirmed": QT_TRANSLATE_NOOP("Counter", "confirmed"),
    "refused": QT_TRANSLATE_NOOP("Counter", "refused by the server"),
    "undone": QT_TRANSLATE_NOOP("Counter", "undone"),
}


def shown(key: str, product: str | None = None) -> str:
    """A code as the clerk reads it: the product's name, then the text printed under the
    barcode (never the store's key)."""
    text = readable(key)
    return f"{product} {text}" if product else text


def money(cents: int) -> str:
    """``¥12.50``: yuan with two decimals, the way receipts print it."""
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    return f"{sign}¥{cents // 100}.{cents % 100:02d}"


# The big word above the message, by reason code (the feedback panel's headline).
HEADLINES: dict[str, str] = {
    "voucher.valid": QT_TRANSLATE_NOOP("Counter", "VALID · SCAN CONFIRM"),
    "counter.undo_needs_supervisor": QT_TRANSLATE_NOOP("Counter", "⚠ SUPERVISOR NEEDED"),
    "voucher.redeemed": QT_TRANSLATE_NOOP("Counter", "✔ REDEEMED"),
    "voucher.redeemed_provisional": QT_TRANSLATE_NOOP("Counter", "✔ REDEEMED (OFFLINE)"),
    "voucher.confirmed": QT_TRANSLATE_NOOP("Counter", "✔ CONFIRMED BY THE BRAND"),
    "voucher.server_refused": QT_TRANSLATE_NOOP("Counter", "✖ REFUSED BY THE BRAND"),
    "voucher.undone": QT_TRANSLATE_NOOP("Counter", "UNDONE"),
    Alert.DAMAGED.value: QT_TRANSLATE_NOOP("Counter", "✖ FORGED OR DAMAGED"),
    Alert.FORGED.value: QT_TRANSLATE_NOOP("Counter", "✖ FORGED"),
    Alert.KEY_REVOKED.value: QT_TRANSLATE_NOOP("Counter", "✖ FORGED"),
    Alert.UNKNOWN_KEY.value: QT_TRANSLATE_NOOP("Counter", "⚠ CANNOT CHECK YET"),
    Alert.EXPIRED.value: QT_TRANSLATE_NOOP("Counter", "✖ EXPIRED"),
    Alert.DENIED.value: QT_TRANSLATE_NOOP("Counter", "✖ CANCELLED BY THE BRAND"),
    Alert.WRONG_DEALER.value: QT_TRANSLATE_NOOP("Counter", "✖ NOT FOR THIS DEALER"),
    Alert.REDEEMED_HERE.value: QT_TRANSLATE_NOOP("Counter", "✖ ALREADY REDEEMED"),
    Alert.REDEEMED_ELSEWHERE.value: QT_TRANSLATE_NOOP("Counter", "✖ ALREADY REDEEMED"),
    Alert.OFFLINE_COUNT.value: QT_TRANSLATE_NOOP("Counter", "✖ OFFLINE LIMIT"),
    Alert.OFFLINE_VALUE.value: QT_TRANSLATE_NOOP("Counter", "✖ OFFLINE LIMIT"),
    Alert.OFFLINE_HOURS.value: QT_TRANSLATE_NOOP("Counter", "✖ OFFLINE LIMIT"),
    Alert.CARD_DAMAGED.value: QT_TRANSLATE_NOOP("Counter", "✖ FORGED OR DAMAGED"),
    Alert.CARD_FORGED.value: QT_TRANSLATE_NOOP("Counter", "✖ FORGED"),
    Alert.CARD_KEY_REVOKED.value: QT_TRANSLATE_NOOP("Counter", "✖ FORGED"),
    Alert.CARD_UNKNOWN_KEY.value: QT_TRANSLATE_NOOP("Counter", "⚠ CANNOT CHECK YET"),
    Alert.CARD_EXPIRED.value: QT_TRANSLATE_NOOP("Counter", "✖ EXPIRED"),
    Alert.CARD_DENIED.value: QT_TRANSLATE_NOOP("Counter", "✖ BLOCKED"),
    Alert.CARD_WRONG_DEALER.value: QT_TRANSLATE_NOOP("Counter", "✖ NOT FOR THIS DEALER"),
    "card.valid": QT_TRANSLATE_NOOP("Counter", "INSTALLER CARD"),
    "claim.code_added": QT_TRANSLATE_NOOP("Counter", "✔ ADDED"),
    "claim.code_unchecked": QT_TRANSLATE_NOOP("Counter", "⚠ ADDED, NOT CHECKED YET"),
    "claim.checking": QT_TRANSLATE_NOOP("Counter", "⚠ STILL CHECKING"),
    "claim.code_left_to_brand": QT_TRANSLATE_NOOP("Counter", "⚠ THE BRAND DECIDES AT SYNC"),
    "claim.code_repeated": QT_TRANSLATE_NOOP("Counter", "✖ REPEATED"),
    "claim.code_already_claimed": QT_TRANSLATE_NOOP("Counter", "✖ ALREADY CLAIMED"),
    "claim.code_not_sold": QT_TRANSLATE_NOOP("Counter", "✖ NOT SOLD"),
    "code.unknown": QT_TRANSLATE_NOOP("Counter", "✖ NOT KNOWN"),
    "claim.no_rebate": QT_TRANSLATE_NOOP("Counter", "✖ NO REBATE"),
    "claim.not_item": QT_TRANSLATE_NOOP("Counter", "✖ NOT ONE PRODUCT"),
    "claim.not_product_code": QT_TRANSLATE_NOOP("Counter", "✖ NOT ONE PRODUCT"),
    "claim.empty": QT_TRANSLATE_NOOP("Counter", "⚠ NO PRODUCTS YET"),
    "claim.registered": QT_TRANSLATE_NOOP("Counter", "✔ CLAIM REGISTERED"),
    "claim.server_refused": QT_TRANSLATE_NOOP("Counter", "✖ CLAIM REFUSED BY THE BRAND"),
    "verify.genuine": QT_TRANSLATE_NOOP("Counter", "✔ GENUINE"),
    "verify.genuine_unshipped": QT_TRANSLATE_NOOP("Counter", "✔ GENUINE"),
    "verify.known_locally": QT_TRANSLATE_NOOP("Counter", "✔ KNOWN TO THE BRAND"),
    "verify.unknown_offline": QT_TRANSLATE_NOOP("Counter", "⚠ NOT KNOWN HERE"),
    "verify.checking": QT_TRANSLATE_NOOP("Counter", "⚠ NOT KNOWN HERE · CHECKING"),
    "verify.not_ours": QT_TRANSLATE_NOOP("Counter", "⚠ NOT SOLD BY THIS DEALER"),
    "verify.never_issued": QT_TRANSLATE_NOOP("Counter", "✖ NEVER ISSUED"),
    "verify.seen_too_often": QT_TRANSLATE_NOOP("Counter", "⚠ SEEN TOO OFTEN"),
    "verify.void": QT_TRANSLATE_NOOP("Counter", "✖ VOID"),
}
