"""A real station for sync tests: its own SQLite file, the store's writer, and a sync client."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from app.domain.store import journal
from app.domain.store.database import connect, open_database, station_id
from app.domain.store.writer import Writer
from sync.client.client import SyncClient
from sync.client.transport import RetryPolicy
from sync.server import admin

FAST_RETRIES = RetryPolicy(attempts=4, base=0.05, cap=0.5, retry_after_cap=1.0)


class Station:
    def __init__(self, folder: Path, **client_options: Any) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / "station.sqlite3"
        open_database(self.path)
        self.writer = Writer(self.path)
        self.writer.start()
        self._reader: sqlite3.Connection | None = None
        self.options = {"policy": FAST_RETRIES, **client_options}
        self._client: SyncClient | None = None
        self.id = station_id(self.reader())

    @property
    def client(self) -> SyncClient:
        if self._client is None:
            self._client = SyncClient(self.path, self.writer, **self.options)
        return self._client

    def reader(self) -> sqlite3.Connection:
        if self._reader is None:
            self._reader = connect(self.path, readonly=True)
        return self._reader

    def enroll(self, central: Any, **options: Any) -> None:
        """Enroll (or enroll again) with a code made for this station, as IT would."""
        code = admin.create_enrollment_code(central.server, station_id=self.id, **options)
        self.client.enroll(central.url, code)

    def append(self, type_: str, payload: dict[str, Any], operator: str = "op1") -> str:
        event = self.writer.call(
            lambda c: journal.append(c, type_, payload, operator=operator, station=self.id)
        )
        return event.event_id

    def append_many(self, items: list[tuple[str, dict[str, Any]]]) -> None:
        def action(conn: sqlite3.Connection) -> None:
            for type_, payload in items:
                journal.append(conn, type_, payload, operator="op1", station=self.id)

        self.writer.call(action, timeout=120)

    def ship(self, keys: list[str], dealer: str, order: str | None) -> str:
        payload = {
            "action": "OBSERVE",
            "bizStep": "shipping",
            "epcList": keys,
            "yima:dealer": dealer,
        }
        if order:
            payload["yima:order"] = order
        return self.append("ObjectEvent", payload)

    def state(self, event_id: str) -> tuple[str, str | None]:
        row = self.reader().execute(
            "SELECT sync_state, reason FROM journal WHERE event_id = ?", (event_id,)
        )
        return tuple(row.fetchone())  # type: ignore[return-value]

    def dump(self, table: str) -> list[tuple]:
        """A table's rows without the time they were written here."""
        columns = [
            r[1]
            for r in self.reader().execute(f"PRAGMA table_info({table})")
            if r[1] != "updated_at"
        ]
        return [
            tuple(r)
            for r in self.reader().execute(
                f"SELECT {', '.join(columns)} FROM {table} ORDER BY 1, 2"
            )
        ]

    def close_client(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def close(self) -> None:
        self.close_client()
        if self._reader is not None:
            self._reader.close()
            self._reader = None
        self.writer.stop()
