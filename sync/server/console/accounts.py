"""Head-office accounts: roles, Argon2id password hashes, lock-out, sessions and the audit log.

Kept apart from stations on purpose: a station's credential never opens the console and a
console session never opens the station API. Session tokens and CSRF tokens are random; the
database keeps only a hash of the session token, so a copied database opens no session.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from sync.server.db import Database

ROLES = ("viewer", "channel", "audit", "finance", "admin")
# What each role may change; every role may look at every page.
PERMISSIONS: dict[str, frozenset[str]] = {
    "stations.manage": frozenset({"admin"}),
    "cases.review": frozenset({"audit", "admin"}),
    "rebates.approve": frozenset({"finance", "admin"}),
    "codes.issue": frozenset({"admin"}),
    "settings.manage": frozenset({"admin"}),
    "users.manage": frozenset({"admin"}),
}
MAX_FAILURES = 5
LOCK_FOR = dt.timedelta(minutes=15)
SESSION_FOR = dt.timedelta(hours=8)
MIN_PASSWORD = 10

SCHEMA = """
CREATE TABLE IF NOT EXISTS console_users (
    username TEXT PRIMARY KEY, role TEXT NOT NULL, password_hash TEXT NOT NULL,
    failures INTEGER NOT NULL DEFAULT 0, locked_until TEXT, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS console_sessions (
    token_hash TEXT PRIMARY KEY, username TEXT NOT NULL, csrf TEXT NOT NULL,
    created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS console_audit (
    id {serial}, at TEXT NOT NULL, username TEXT NOT NULL, action TEXT NOT NULL,
    target TEXT NOT NULL DEFAULT '', result TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '{}');
"""
SERIAL = {"sqlite": "INTEGER PRIMARY KEY AUTOINCREMENT", "postgres": "BIGSERIAL PRIMARY KEY"}

_hasher = PasswordHasher()  # Argon2id with the library's memory-hard defaults


class AccountError(Exception):
    """A refused account change; ``code`` is a stable reason the page translates."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


@dataclass(frozen=True)
class Session:
    username: str
    role: str
    csrf: str

    def may(self, permission: str) -> bool:
        return self.role in PERMISSIONS[permission]


def create_schema(db: Database) -> None:
    ddl = SCHEMA.replace("{serial}", SERIAL[db.dialect])
    with db.transaction() as tx:
        tx.lock("console-schema")
        for statement in ddl.split(";"):
            if statement.strip():
                tx.execute(statement)


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def audit(
    db: Database,
    now: dt.datetime,
    username: str,
    action: str,
    target: str,
    result: str,
    **detail: Any,
) -> None:
    """One row per change or attempted change: who, what, on what, when, and how it ended."""
    with db.transaction() as tx:
        tx.execute(
            "INSERT INTO console_audit (at, username, action, target, result, detail)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (_iso(now), username, action, target, result, json.dumps(detail, ensure_ascii=False)),
        )


def create_user(db: Database, now: dt.datetime, username: str, password: str, role: str) -> None:
    if role not in ROLES:
        raise AccountError("account.bad_role")
    if not username.strip() or len(username) > 64 or not username.isprintable():
        raise AccountError("account.bad_name")
    if len(password) < MIN_PASSWORD:
        raise AccountError("account.weak_password")
    with db.transaction() as tx:
        if tx.scalar("SELECT 1 FROM console_users WHERE username = ?", (username,)):
            raise AccountError("account.exists")
        tx.execute(
            "INSERT INTO console_users (username, role, password_hash, created_at) VALUES (?, ?, ?, ?)",
            (username, role, _hasher.hash(password), _iso(now)),
        )


def log_in(db: Database, now: dt.datetime, username: str, password: str) -> str:
    """A new session token, or AccountError: unknown names and wrong passwords read alike.

    A failure is committed before it is raised, so the count that locks an account survives.
    """
    refusal = ""
    with db.transaction() as tx:
        user = tx.one(
            "SELECT username, password_hash, failures, locked_until FROM console_users"
            f" WHERE username = ?{tx.for_update()}",
            (username,),
        )
        if user is None:
            _hasher.hash(password)  # the same time as a real check: no probing for names
            refusal = "login.failed"
        elif user["locked_until"] and user["locked_until"] > _iso(now):
            refusal = "login.locked"
        elif not _password_ok(user["password_hash"], password):
            failures = user["failures"] + 1
            locked = _iso(now + LOCK_FOR) if failures >= MAX_FAILURES else None
            tx.execute(
                "UPDATE console_users SET failures = ?, locked_until = ? WHERE username = ?",
                (0 if locked else failures, locked, username),
            )
            refusal = "login.locked" if locked else "login.failed"
        else:
            token = secrets.token_urlsafe(32)
            tx.execute(
                "UPDATE console_users SET failures = 0, locked_until = NULL WHERE username = ?",
                (username,),
            )
            tx.execute(
                "INSERT INTO console_sessions (token_hash, username, csrf, created_at, expires_at)"
                " VALUES (?, ?, ?, ?, ?)",
                (
                    _token_hash(token),
                    username,
                    secrets.token_urlsafe(24),
                    _iso(now),
                    _iso(now + SESSION_FOR),
                ),
            )
    if refusal:
        raise AccountError(refusal)
    return token


def _password_ok(stored: str, password: str) -> bool:
    try:
        return _hasher.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def session(db: Database, now: dt.datetime, token: str | None) -> Session | None:
    if not token:
        return None
    with db.read() as tx:
        row = tx.one(
            "SELECT s.username, s.csrf, s.expires_at, u.role FROM console_sessions s"
            " JOIN console_users u ON u.username = s.username WHERE s.token_hash = ?",
            (_token_hash(token),),
        )
    if row is None or row["expires_at"] <= _iso(now):
        return None
    return Session(username=row["username"], role=row["role"], csrf=row["csrf"])


def csrf_matches(current: Session, sent: str | None) -> bool:
    return bool(sent) and hmac.compare_digest(current.csrf, sent or "")


def log_out(db: Database, token: str | None) -> None:
    if token:
        with db.transaction() as tx:
            tx.execute("DELETE FROM console_sessions WHERE token_hash = ?", (_token_hash(token),))


def audit_rows(db: Database, limit: int = 200) -> list[dict[str, Any]]:
    with db.read() as tx:
        return tx.all(
            "SELECT at, username, action, target, result, detail FROM console_audit"
            " ORDER BY id DESC LIMIT ?",
            (limit,),
        )


def users(db: Database) -> list[dict[str, Any]]:
    with db.read() as tx:
        return tx.all(
            "SELECT username, role, failures, locked_until, created_at FROM console_users"
            " ORDER BY username"
        )


def unlock(db: Database, username: str) -> None:
    with db.transaction() as tx:
        tx.execute(
            "UPDATE console_users SET failures = 0, locked_until = NULL WHERE username = ?",
            (username,),
        )
