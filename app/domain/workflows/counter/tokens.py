"""Checking a voucher or installer card offline: signature by key id, expiry, deny list, dealer.

The signature check itself is ``app.domain.rules.tokens.verify`` (the server runs the same
one); this module adds what only the station knows: which keys it pulled and their status (a
revoked key's signatures no longer count), the brand's deny list, today's date and this
counter's dealer.
A check returns the facts to show, or the alert with its words' arguments.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from app.domain.rules.tokens import CARD, VOUCHER, Token, TokenError, load_public_key, peek, verify
from app.domain.workflows import knowledge
from app.domain.workflows.counter.model import Alert, CardFacts, VoucherFacts
from app.domain.workflows.knowledge import dealer_name


@dataclass(frozen=True, slots=True)
class Refusal:
    alert: Alert
    args: dict[str, str]


_ALERTS = {
    "voucher": {
        "malformed": Alert.DAMAGED,
        "forged": Alert.FORGED,
        "unknown_key": Alert.UNKNOWN_KEY,
        "revoked": Alert.KEY_REVOKED,
        "expired": Alert.EXPIRED,
        "denied": Alert.DENIED,
        "wrong_dealer": Alert.WRONG_DEALER,
        "wrong_kind": Alert.NOT_A_VOUCHER,
    },
    "card": {
        "malformed": Alert.CARD_DAMAGED,
        "forged": Alert.CARD_FORGED,
        "unknown_key": Alert.CARD_UNKNOWN_KEY,
        "revoked": Alert.CARD_KEY_REVOKED,
        "expired": Alert.CARD_EXPIRED,
        "denied": Alert.CARD_DENIED,
        "wrong_dealer": Alert.CARD_WRONG_DEALER,
        "wrong_kind": Alert.NOT_A_CARD,
    },
}


@functools.lru_cache(maxsize=64)
def _public_key(text: str) -> Ed25519PublicKey:
    """Keys change a few times a year; decoding one per scan would be wasted work."""
    return load_public_key(text)


def looks_like_token(text: str) -> bool:
    """A Yima voucher or card QR (``YV1.`` / ``YC1.``), before any parsing."""
    head = text.strip()[:4].upper()
    return head in (f"{VOUCHER}.", f"{CARD}.")


def _check(conn: sqlite3.Connection, text: str, kind: str, today: dt.date) -> Token | Refusal:
    alerts = _ALERTS[kind]
    label = "voucher" if kind == "voucher" else "card"
    try:
        claimed = peek(text)
    except TokenError:
        return Refusal(alerts["malformed"], {})
    args = {label: claimed.id, "kid": claimed.kid}
    if claimed.kind != kind:
        return Refusal(alerts["wrong_kind"], args)
    known = knowledge.keys(conn)
    info = known.get(claimed.kid)
    if info is None:
        return Refusal(alerts["unknown_key"], args)
    if info.status == "revoked":
        return Refusal(alerts["revoked"], args)
    try:
        token = verify(text, {claimed.kid: _public_key(info.public_key)})
    except TokenError as exc:
        return Refusal(alerts["forged" if exc.reason != "malformed" else "malformed"], args)
    if knowledge.denied(conn, kind, token.id):
        return Refusal(alerts["denied"], args)
    if token.expired(today):
        expires = token.expires.isoformat() if token.expires else ""
        return Refusal(alerts["expired"], {**args, "expires": expires})
    here = knowledge.identity(conn).dealer_id
    if token.dealer_id and here and token.dealer_id != here:
        name = dealer_name(conn, token.dealer_id) or token.dealer_id
        return Refusal(alerts["wrong_dealer"], {**args, "dealer": name})
    return token


def check_voucher(conn: sqlite3.Connection, text: str, today: dt.date) -> VoucherFacts | Refusal:
    """Everything a voucher can be checked for without the server and without this counter's history."""
    result = _check(conn, text, "voucher", today)
    if isinstance(result, Refusal):
        return result
    c = result.claims
    return VoucherFacts(
        voucher_id=result.id,
        kid=result.kid,
        prize=str(c.get("p") or c.get("prize") or ""),
        value_cents=_int(c.get("v", c.get("value_cents", 0))),
        campaign=str(c.get("c") or c.get("campaign") or ""),
        dealer_id=result.dealer_id,
        dealer_name=dealer_name(conn, result.dealer_id),
        expires=result.expires,
        token=result.text,
    )


def check_card(conn: sqlite3.Connection, text: str, today: dt.date) -> CardFacts | Refusal:
    result = _check(conn, text, "card", today)
    if isinstance(result, Refusal):
        return result
    c = result.claims
    return CardFacts(
        card_id=result.id,
        kid=result.kid,
        installer=str(c.get("n") or c.get("name") or ""),
        phone=str(c.get("ph") or c.get("phone") or ""),
        dealer_id=result.dealer_id,
        expires=result.expires,
        token=result.text,
    )


def _int(value: object) -> int:
    try:
        return int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0
