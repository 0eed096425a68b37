"""What the station knows from the server, read for the counter and the inspector.

The sync client (``sync.client.state``) pulls these into its ``yima.sync`` tables and its
``sync.*`` settings: the station's identity (``sync.whoami``), the signing key set
(``sync.keyset``), deny lists (``sync.deny``), the last successful sync, other counters'
redemptions (``sync_redemptions``), rejected events with the server's detail
(``sync_issues``), case statuses (``sync_cases``) and the inspector snapshot
(``sync_snapshot``). Every query the counter and the inspector make on them is in this one
module, so a change in the sync tables is a change here. Settings the server publishes
(offline caps, rebate rules, ...) are JSON values in the core ``settings`` table.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from app.domain.rules.snapshot import ELSEWHERE
from app.domain.store import settings as stored_settings
from app.domain.workflows.counter.model import OfflineCaps

SETTING_CAPS = "counter.offline_caps"
SETTING_UNDO_MINUTES = "counter.undo_minutes"
SETTING_SEEN_TOO_OFTEN = "counter.verify_max_scans"
SETTING_REBATE_RULES = "rebate.rules"
SETTING_INSPECTOR_MAX_AGE = "inspector.max_age_hours"
SETTING_INSPECTOR_REGIONS = "inspector.regions"

DEFAULT_UNDO_MINUTES = 15
DEFAULT_SEEN_TOO_OFTEN = 5
DEFAULT_INSPECTOR_MAX_AGE_HOURS = 72.0


@dataclass(frozen=True, slots=True)
class KeyInfo:
    kid: str
    public_key: str
    status: str  # active | retired | revoked


@dataclass(frozen=True, slots=True)
class Identity:
    station_id: str
    dealer_id: str | None
    region_id: str | None


@dataclass(frozen=True, slots=True)
class ElsewhereRedemption:
    station_id: str
    redeemed_at: str


@dataclass(frozen=True, slots=True)
class ShipRow:
    """One snapshot row: who a code was shipped to (all empty when it was issued, not shipped)."""

    key: str
    dealer_id: str | None
    region_id: str | None
    ship_date: str | None
    order_id: str | None


@dataclass(frozen=True, slots=True)
class SnapshotState:
    """How fresh the inspector's data is: ``synced_at`` is when it was last brought up to date."""

    rows: int
    synced_at: dt.datetime | None
    snapshot_id: str | None = None


setting = stored_settings.read  # the station database's settings, read and written one way
put_setting = stored_settings.write


def offline_caps(conn: sqlite3.Connection) -> OfflineCaps:
    raw = setting(conn, SETTING_CAPS) or {}
    base = OfflineCaps()
    try:
        return OfflineCaps(
            vouchers=int(raw.get("vouchers", base.vouchers)),
            value_cents=int(raw.get("value_cents", base.value_cents)),
            hours=float(raw.get("hours", base.hours)),
        )
    except (AttributeError, TypeError, ValueError):
        return base


def number_setting(conn: sqlite3.Connection, key: str, default: float) -> float:
    try:
        return float(setting(conn, key, default))
    except (TypeError, ValueError):
        return default


def rebate_rules(conn: sqlite3.Connection) -> dict[str, Any]:
    raw = setting(conn, SETTING_REBATE_RULES) or {}
    return raw if isinstance(raw, dict) else {}


def identity(conn: sqlite3.Connection) -> Identity:
    info = setting(conn, "sync.whoami") or {}
    if not isinstance(info, dict):
        info = {}
    return Identity(
        station_id=str(info.get("station_id") or setting(conn, "sync.station_id") or ""),
        dealer_id=info.get("dealer_id"),
        region_id=info.get("region_id"),
    )


def keys(conn: sqlite3.Connection) -> dict[str, KeyInfo]:
    raw = setting(conn, "sync.keyset") or {}
    entries = raw.get("keys", []) if isinstance(raw, dict) else []
    return {
        str(k["kid"]): KeyInfo(
            str(k["kid"]), str(k["public_key"]), str(k.get("status") or "active")
        )
        for k in entries
        if isinstance(k, dict) and k.get("kid") and k.get("public_key")
    }


def denied(conn: sqlite3.Connection, kind: str, value: str) -> bool:
    deny = setting(conn, "sync.deny") or {}
    return isinstance(deny, dict) and value in (deny.get(kind) or ())


def last_sync(conn: sqlite3.Connection) -> dt.datetime | None:
    return _time(setting(conn, "sync.last_success_at"))


def redeemed_elsewhere(conn: sqlite3.Connection, voucher_id: str) -> ElsewhereRedemption | None:
    row = conn.execute(
        "SELECT station_id, redeemed_at FROM sync_redemptions WHERE voucher_id = ?", (voucher_id,)
    ).fetchone()
    return ElsewhereRedemption(row[0], row[1]) if row else None


def issue_detail(conn: sqlite3.Connection, event_id: str) -> dict[str, Any]:
    """The server's detail for a rejected event (who was first, and when), if the client kept it."""
    row = conn.execute("SELECT detail FROM sync_issues WHERE event_id = ?", (event_id,)).fetchone()
    if row is None:
        return {}
    try:
        detail = json.loads(row[0])
    except (TypeError, ValueError):
        return {}
    return detail if isinstance(detail, dict) else {}


def ship_row(conn: sqlite3.Connection, key: str) -> ShipRow | None:
    row = conn.execute(
        "SELECT key, dealer_id, region_id, ship_date, order_id FROM sync_snapshot WHERE key = ?",
        (key,),
    ).fetchone()
    return ShipRow(*row) if row else None


def _time(text: Any) -> dt.datetime | None:
    try:
        moment = dt.datetime.fromisoformat(str(text)) if text else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def snapshot_state(conn: sqlite3.Connection) -> SnapshotState:
    """Rows imported, and when the data was last brought up to date: the later of the snapshot
    import and the last pull of the ``shipments`` stream that follows it."""
    info = setting(conn, "sync.snapshot") or {}
    if not isinstance(info, dict):
        info = {}
    times = [_time(info.get(k)) for k in ("imported_at", "synced_at")]
    row = conn.execute("SELECT updated_at FROM sync_cursors WHERE stream = 'shipments'").fetchone()
    if row is not None and any(times):
        times.append(_time(row[0]))
    known = [t for t in times if t is not None]
    if not known:
        return SnapshotState(0, None, None)
    synced = max(known)
    return SnapshotState(int(info.get("rows") or 0), synced, info.get("snapshot_id"))


def case_status(conn: sqlite3.Connection, case_id: str) -> str | None:
    """The server's status of a diversion case this station filed, once pulled."""
    row = conn.execute("SELECT status FROM sync_cases WHERE case_id = ?", (case_id,)).fetchone()
    return row[0] if row else None


def dealer_name(conn: sqlite3.Connection, dealer_id: str | None) -> str | None:
    """A dealer's name from the pulled reference data (its id when the name is not known);
    None for one the station was not told (``ELSEWHERE``)."""
    if not dealer_id or dealer_id == ELSEWHERE:
        return None
    row = conn.execute("SELECT name FROM dealers WHERE id = ?", (dealer_id,)).fetchone()
    return row[0] if row else dealer_id


def code_label(key: str, product: str | None = None) -> str:
    """How a person names a code: the serial printed on the label (after the product's name
    when known), not the canonical key ``sgtin:{gtin}.{serial}``."""
    kind, _, rest = key.partition(":")
    shown = rest.split(".", 1)[1] if kind == "sgtin" and "." in rest else (rest or key)
    return f"{product} {shown}" if product else shown
