"""Who is scanning: station operators, their role, and PIN checks.

A PIN is short, so its hash must be slow and salted (scrypt) to make a stolen
database file useless for guessing. Operators pick their name and type the PIN,
so one check costs one scrypt, and two people may share a PIN without either
learning the other's. Lock-out after repeated wrong PINs lives here too, with an
injectable clock, so the rule is the same whichever screen asks.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from app.domain.i18n import QT_TRANSLATE_NOOP

PIN_MIN_LENGTH = 4
PIN_MAX_LENGTH = 12
MAX_WRONG_TRIES = 5
LOCKOUT_SECONDS = 30.0

_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1


class Role(StrEnum):
    """What an operator may do; pages declare the roles that see them."""

    ADMIN = "admin"  # every page and the settings
    WAREHOUSE = "warehouse"
    COUNTER = "counter"
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"  # counter work plus overriding refusals


ROLE_TITLES = {
    Role.ADMIN: QT_TRANSLATE_NOOP("Roles", "Administrator"),
    Role.WAREHOUSE: QT_TRANSLATE_NOOP("Roles", "Warehouse"),
    Role.COUNTER: QT_TRANSLATE_NOOP("Roles", "Counter"),
    Role.INSPECTOR: QT_TRANSLATE_NOOP("Roles", "Inspector"),
    Role.SUPERVISOR: QT_TRANSLATE_NOOP("Roles", "Supervisor"),
}


class OperatorError(ValueError):
    """A refused change; ``message`` is an English template for the operator."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.message = message


@dataclass(frozen=True, slots=True)
class Operator:
    id: str
    name: str
    role: Role


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """``scrypt$n$r$p$salt$hash`` (hex); the parameters travel with the hash so they can grow."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(
        pin.encode("utf-8"), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P, dklen=32
    )
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def pin_matches(pin: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        candidate = hashlib.scrypt(
            pin.encode("utf-8"), salt=bytes.fromhex(salt), n=int(n), r=int(r), p=int(p), dklen=32
        )
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)


def check_pin_format(pin: str) -> None:
    if not (pin.isascii() and pin.isdigit()):
        raise OperatorError(
            "operator.pin_not_digits", QT_TRANSLATE_NOOP("Operators", "A PIN is digits only.")
        )
    if not PIN_MIN_LENGTH <= len(pin) <= PIN_MAX_LENGTH:
        raise OperatorError(
            "operator.pin_length",
            QT_TRANSLATE_NOOP("Operators", "A PIN has 4 to 12 digits."),
        )


def _check_name(conn: sqlite3.Connection, name: str, *, except_id: str | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise OperatorError(
            "operator.name_empty", QT_TRANSLATE_NOOP("Operators", "Type the operator's name.")
        )
    if len(name) > 40:
        raise OperatorError(
            "operator.name_long",
            QT_TRANSLATE_NOOP("Operators", "A name has at most 40 characters."),
        )
    row = conn.execute(
        "SELECT id FROM operators WHERE active AND name = ? COLLATE NOCASE AND id IS NOT ?",
        (name, except_id),
    ).fetchone()
    if row is not None:
        raise OperatorError(
            "operator.name_taken",
            QT_TRANSLATE_NOOP("Operators", "There is already an operator with this name."),
        )
    return name


def _row(row: sqlite3.Row | tuple) -> Operator:
    return Operator(id=str(row[0]), name=str(row[1]), role=Role(row[2]))


def list_operators(conn: sqlite3.Connection) -> list[Operator]:
    rows = conn.execute(
        "SELECT id, name, role FROM operators WHERE active ORDER BY name COLLATE NOCASE"
    )
    return [_row(row) for row in rows]


def count_operators(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM operators WHERE active").fetchone()[0])


def create_operator(conn: sqlite3.Connection, name: str, pin: str, role: Role | str) -> Operator:
    """Add an operator (run inside a writer action)."""
    role = Role(role)
    name = _check_name(conn, name)
    check_pin_format(pin)
    operator = Operator(id=uuid.uuid4().hex, name=name, role=role)
    conn.execute(
        "INSERT INTO operators (id, name, pin_hash, role, active) VALUES (?, ?, ?, ?, 1)",
        (operator.id, name, hash_pin(pin), role.value),
    )
    return operator


def _admins_left_without(conn: sqlite3.Connection, operator_id: str) -> int:
    return int(
        conn.execute(
            "SELECT count(*) FROM operators WHERE active AND role = ? AND id != ?",
            (Role.ADMIN.value, operator_id),
        ).fetchone()[0]
    )


def update_operator(
    conn: sqlite3.Connection,
    operator_id: str,
    *,
    name: str | None = None,
    role: Role | str | None = None,
    pin: str | None = None,
) -> Operator:
    """Rename, change role or reset the PIN; the last administrator keeps the admin role."""
    current = conn.execute(
        "SELECT id, name, role FROM operators WHERE active AND id = ?", (operator_id,)
    ).fetchone()
    if current is None:
        raise OperatorError(
            "operator.unknown", QT_TRANSLATE_NOOP("Operators", "This operator no longer exists.")
        )
    operator = _row(current)
    new_role = Role(role) if role is not None else operator.role
    if (
        operator.role is Role.ADMIN
        and new_role is not Role.ADMIN
        and not _admins_left_without(conn, operator_id)
    ):
        raise OperatorError(
            "operator.last_admin",
            QT_TRANSLATE_NOOP("Operators", "The station needs at least one administrator."),
        )
    new_name = _check_name(conn, name, except_id=operator_id) if name is not None else operator.name
    conn.execute(
        "UPDATE operators SET name = ?, role = ? WHERE id = ?",
        (new_name, new_role.value, operator_id),
    )
    if pin is not None:
        check_pin_format(pin)
        conn.execute("UPDATE operators SET pin_hash = ? WHERE id = ?", (hash_pin(pin), operator_id))
    return Operator(id=operator_id, name=new_name, role=new_role)


def remove_operator(conn: sqlite3.Connection, operator_id: str) -> None:
    """Take an operator off the login list; the row stays so past events still name them."""
    row = conn.execute(
        "SELECT role FROM operators WHERE active AND id = ?", (operator_id,)
    ).fetchone()
    if row is None:
        return
    if Role(row[0]) is Role.ADMIN and not _admins_left_without(conn, operator_id):
        raise OperatorError(
            "operator.last_admin",
            QT_TRANSLATE_NOOP("Operators", "The station needs at least one administrator."),
        )
    conn.execute("UPDATE operators SET active = 0 WHERE id = ?", (operator_id,))


def verify_pin(conn: sqlite3.Connection, operator_id: str, pin: str) -> Operator | None:
    """The operator when the PIN is theirs, else None (same cost either way for a known id)."""
    row = conn.execute(
        "SELECT id, name, role, pin_hash FROM operators WHERE active AND id = ?", (operator_id,)
    ).fetchone()
    if row is None:
        return None
    return _row(row) if pin_matches(pin, str(row[3])) else None


class LoginThrottle:
    """Locks the login for ``LOCKOUT_SECONDS`` after ``MAX_WRONG_TRIES`` wrong PINs in a row."""

    def __init__(
        self,
        *,
        max_tries: int = MAX_WRONG_TRIES,
        lockout_seconds: float = LOCKOUT_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_tries = max_tries
        self.lockout_seconds = lockout_seconds
        self._clock = clock
        self._wrong = 0
        self._locked_until = 0.0

    def seconds_left(self) -> float:
        """How long the lock still holds; 0 when a PIN may be tried."""
        return max(0.0, self._locked_until - self._clock())

    @property
    def tries_left(self) -> int:
        return self.max_tries - self._wrong

    def failed(self) -> None:
        self._wrong += 1
        if self._wrong >= self.max_tries:
            self._locked_until = self._clock() + self.lockout_seconds
            self._wrong = 0

    def succeeded(self) -> None:
        self._wrong = 0
        self._locked_until = 0.0


BADGE_PREFIX = "YIMA:BADGE:"


def badge_text(operator_id: str, pin: str) -> str:
    """What an operator's login badge encodes: their id and PIN. Whoever holds the badge can
    log in as them, so it is kept like a key; the wrong-PIN lock-out applies to it too."""
    return f"{BADGE_PREFIX}{operator_id}:{pin}"


def read_badge(text: str) -> tuple[str, str] | None:
    """``(operator_id, pin)`` when ``text`` is a login badge, else None."""
    body = text.strip()
    if body[: len(BADGE_PREFIX)].upper() != BADGE_PREFIX:
        return None
    operator_id, _, pin = body[len(BADGE_PREFIX) :].rpartition(":")
    return (operator_id, pin) if operator_id and pin else None
