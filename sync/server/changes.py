"""The change log stations pull from, and the server settings it publishes.

Every change a station may need is one row with a global sequence number, a stream and an
audience (``*``, ``station:ID``, ``dealer:ID``, ``site:ID``, ``region:ID``). A station pulls
``seq > cursor`` for the audiences it belongs to. Writers append their changes last and under
one lock (see ``ChangeLog.flush``), so sequence numbers become visible in order and a cursor
never skips a change that commits late.
"""

from __future__ import annotations

from typing import Any

from sync.protocol import STREAM_REF
from sync.server.db import Tx
from sync.server.util import compact, dumps, loads

# Settings the server keeps; keys starting with "server." stay on the server, the rest are
# published to stations (kind "setting").
DEFAULT_SETTINGS: dict[str, Any] = {
    "server.push_batch_limit": 1000,
    "server.pull_page_limit": 5000,  # changes a page: fewer round trips and commits on a first sync
    "server.anomaly.far_km": 100,
    "server.anomaly.far_speed_kmh": 300,
    "server.anomaly.far_hours_without_location": 2,
    "server.anomaly.run_length": 5,
    "server.anomaly.min_interval_ms": 300,
    "server.snapshot.max_age_minutes": 60,
    "server.registry.min_codes": 50000,  # fewer code changes: a first pull replays them
    "server.snapshot.dir": None,  # a folder every worker and host shares
    "server.evidence.station_mb_per_day": 1024,  # photo bytes one station may start a day
    "counter.offline_caps": {"vouchers": 20, "value_cents": 200000, "hours": 24},
    "inspector.max_age_hours": 72,
    "code_profiles": [],
}


class ChangeLog:
    """Collects the changes of one transaction; ``flush`` writes them as its last step."""

    def __init__(self, now: str) -> None:
        self.now = now
        self.rows: list[tuple] = []

    def add(
        self,
        kind: str,
        key: str,
        data: dict[str, Any] | None,
        *,
        audience: str = "*",
        stream: str = STREAM_REF,
        op: str = "upsert",
    ) -> None:
        self.rows.append(
            (stream, audience, kind, key, op, compact(data) if data else "{}", self.now)
        )

    def flush(self, tx: Tx) -> None:
        if not self.rows:
            return
        tx.lock("changes")  # held to commit: sequence numbers commit in order
        tx.bulk_insert(
            "changes", ("stream", "audience", "kind", "key", "op", "data", "created_at"), self.rows
        )
        self.rows = []


def get_setting(tx: Tx, key: str) -> Any:
    value = tx.scalar("SELECT value FROM settings WHERE key = ?", (key,))
    return DEFAULT_SETTINGS.get(key) if value is None else loads(value)


def all_settings(tx: Tx) -> dict[str, Any]:
    values = dict(DEFAULT_SETTINGS)
    values.update({k: loads(v) for k, v in tx.rows("SELECT key, value FROM settings")})
    return values


def set_setting(tx: Tx, log: ChangeLog, key: str, value: Any) -> None:
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (key, dumps(value)),
    )
    if not key.startswith("server."):
        log.add("setting", key, {"value": value})
