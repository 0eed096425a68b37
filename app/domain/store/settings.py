"""Settings the station keeps in its database: declared once, read and written one way.

The ``settings`` table holds JSON values under dotted keys: some pulled from the
server (rules, grammars, limits), some the station's own (its id, sync state).
A setting a workflow reads is declared once as a ``StoreSetting`` (key, type,
default, what it means), so no caller writes its own query or its own fallback.
Open-ended values (a rule book, a cursor) go through ``read``/``write``.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Any, Generic, TypeVar, cast

T = TypeVar("T")


def read(conn: sqlite3.Connection, key: str, default: Any = None) -> Any:
    """The JSON value stored under ``key``; a value that is not JSON comes back as stored."""
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
    if row is None or row[0] is None:
        return default
    try:
        return json.loads(row[0])
    except (TypeError, ValueError):
        return row[0]


def write(conn: sqlite3.Connection, key: str, value: Any) -> None:
    """Store ``value`` as JSON under ``key`` (inside the caller's writer action)."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, json.dumps(value, ensure_ascii=False)),
    )


@dataclass(frozen=True, slots=True)
class StoreSetting(Generic[T]):
    """One declared setting: a value of the wrong type reads as the default."""

    key: str
    kind: type
    default: T
    label: str = ""  # what it means, for the people who set it (QT_TRANSLATE_NOOP text)

    def read(self, conn: sqlite3.Connection) -> T:
        value = read(conn, self.key, self.default)
        if self.kind is float and isinstance(value, int) and not isinstance(value, bool):
            value = float(value)
        if self.kind is not bool and isinstance(value, bool):
            return self.default
        return cast(T, value) if isinstance(value, self.kind) else self.default

    def write(self, conn: sqlite3.Connection, value: T) -> None:
        write(conn, self.key, value)
