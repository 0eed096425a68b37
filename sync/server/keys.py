"""The server's Ed25519 signing keys: one active key signs, retired keys still verify.

Stations pull the public key set (kind ``keyset``) and check vouchers and cards offline.
Rotation makes a new key active and retires the old one, so tokens already handed out stay
valid; revoking a key makes everything it signed fail, on the server and, after a pull, at
every station.
"""

from __future__ import annotations

import datetime as dt
import secrets

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from app.domain.rules.tokens import b64d, b64e, load_public_key, public_key_text
from sync.server.changes import ChangeLog
from sync.server.db import Tx
from sync.server.util import iso


def _new_kid(now: dt.datetime) -> str:
    return f"k{now:%Y%m}{secrets.token_hex(2)}"


def publish(tx: Tx, log: ChangeLog) -> None:
    keys = tx.all(
        "SELECT kid, public_key, status, created_at, retired_at FROM signing_keys ORDER BY created_at"
    )
    log.add("keyset", "signing", {"keys": keys})


def rotate(tx: Tx, log: ChangeLog, now: dt.datetime) -> str:
    """Make a new key the active one; the previous active key is retired (still verifies)."""
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    kid = _new_kid(now)
    tx.execute(
        "UPDATE signing_keys SET status = 'retired', retired_at = ? WHERE status = 'active'",
        (iso(now),),
    )
    tx.execute(
        "INSERT INTO signing_keys (kid, private_key, public_key, status, created_at) VALUES (?, ?, ?, 'active', ?)",
        (kid, b64e(private), public_key_text(key), iso(now)),
    )
    publish(tx, log)
    return kid


def revoke(tx: Tx, log: ChangeLog, kid: str, now: dt.datetime) -> bool:
    cur = tx.execute(
        "UPDATE signing_keys SET status = 'revoked', retired_at = ? WHERE kid = ?", (iso(now), kid)
    )
    if cur.rowcount:
        publish(tx, log)
    return cur.rowcount > 0


def active(tx: Tx, log: ChangeLog, now: dt.datetime) -> tuple[str, Ed25519PrivateKey]:
    """The key that signs new tokens (created on first use)."""
    row = tx.one("SELECT kid, private_key FROM signing_keys WHERE status = 'active'")
    if row is None:
        rotate(tx, log, now)
        row = tx.one("SELECT kid, private_key FROM signing_keys WHERE status = 'active'")
        assert row is not None
    return row["kid"], Ed25519PrivateKey.from_private_bytes(b64d(row["private_key"]))


def verifying_keys(tx: Tx) -> dict[str, Ed25519PublicKey]:
    """Every key whose signatures still count (active and retired, not revoked)."""
    return {
        kid: load_public_key(text)
        for kid, text in tx.rows(
            "SELECT kid, public_key FROM signing_keys WHERE status <> 'revoked'"
        )
    }
