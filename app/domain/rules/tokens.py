"""Signed vouchers and installer cards: the compact QR text, Ed25519 signing and offline checking.

A token reads ``YV1.<base64url(json)>.<base64url(signature)>`` (``YC1`` for installer cards).
The signature covers the ASCII text before the last dot, so the prefix (kind and version) is
signed too. The JSON names the signing key (``k``), which lets the brand rotate keys: stations
hold every published public key by id and check offline; a retired key still verifies what
it signed, a revoked one does not.

The server signs (``sign``); the station and the server check (``verify``). Expiry, deny
lists and "already redeemed" are the caller's business, because they depend on time and on
data the token cannot carry.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

VOUCHER = "YV1"
CARD = "YC1"
KINDS = {VOUCHER: "voucher", CARD: "card"}
MAX_TOKEN_LENGTH = 2000


class TokenError(ValueError):
    """A token that must not be honoured. ``reason`` is ``malformed``, ``unknown_key`` or ``forged``."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Token:
    kind: str  # "voucher" | "card"
    id: str
    kid: str
    claims: dict[str, Any]
    text: str

    @property
    def expires(self) -> dt.date | None:
        value = self.claims.get("e")
        return dt.date.fromisoformat(value) if value else None

    @property
    def dealer_id(self) -> str | None:
        return self.claims.get("d")

    def expired(self, on: dt.date) -> bool:
        """True once the expiry date has passed (the token is valid through its expiry day)."""
        expires = self.expires
        return expires is not None and on > expires


def b64e(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64d(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def public_key_text(private_key: Ed25519PrivateKey) -> str:
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

    return b64e(private_key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))


def load_public_key(text: str) -> Ed25519PublicKey:
    return Ed25519PublicKey.from_public_bytes(b64d(text))


def sign(prefix: str, claims: dict[str, Any], kid: str, private_key: Ed25519PrivateKey) -> str:
    """The QR text for ``claims`` (must hold ``i``, the token id) signed with key ``kid``."""
    if prefix not in KINDS:
        raise ValueError(f"unknown token kind {prefix!r}")
    body = dict(claims, k=kid)
    signed = (
        f"{prefix}.{b64e(json.dumps(body, separators=(',', ':'), ensure_ascii=False).encode())}"
    )
    return f"{signed}.{b64e(private_key.sign(signed.encode('ascii')))}"


def peek(text: str) -> Token:
    """Parse without checking the signature (to find the key id, or show a damaged token's id)."""
    text = text.strip()
    if len(text) > MAX_TOKEN_LENGTH:
        raise TokenError("malformed", "token too long")
    parts = text.split(".")
    if len(parts) != 3 or parts[0] not in KINDS:
        raise TokenError("malformed", "not a Yima voucher or installer card")
    try:
        claims = json.loads(b64d(parts[1]))
    except (ValueError, UnicodeDecodeError) as exc:
        raise TokenError("malformed", "damaged token body") from exc
    if not isinstance(claims, dict) or not isinstance(claims.get("i"), str) or not claims.get("k"):
        raise TokenError("malformed", "token without id or key id")
    if claims.get("e") is not None:
        try:
            dt.date.fromisoformat(claims["e"])
        except (TypeError, ValueError) as exc:
            raise TokenError("malformed", "token with a bad expiry date") from exc
    return Token(
        kind=KINDS[parts[0]], id=claims["i"], kid=str(claims["k"]), claims=claims, text=text
    )


def verify(text: str, keys: Mapping[str, Ed25519PublicKey | str]) -> Token:
    """Check the signature against the published key set; raise ``TokenError`` when it fails."""
    token = peek(text)
    key = keys.get(token.kid)
    if key is None:
        raise TokenError("unknown_key", f"signed with unknown key {token.kid!r}")
    if isinstance(key, str):
        key = load_public_key(key)
    signed, _, signature = token.text.rpartition(".")
    try:
        key.verify(b64d(signature), signed.encode("ascii"))
    except (InvalidSignature, ValueError) as exc:
        raise TokenError("forged", "signature does not match") from exc
    return token
