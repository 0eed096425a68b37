"""Enrollment and authentication of stations.

An admin creates a one-time enrollment code (only its hash is stored); a station exchanges it
for a bearer credential (only its hash is stored). The station's tags decide which changes it
pulls: always ``*`` and ``station:ID``, plus its dealer, site and region. The code also says
what kind of station it is (``sync.server.permissions``): the credential carries kind and owner,
and only head office's audited path changes them (``set_role``).
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from sync.protocol import EnrollRequest, EnrollResponse
from sync.server.db import Tx
from sync.server.util import dumps, iso, loads, sha256_text

# No 0/O, 1/I/L: IT reads these codes aloud over the phone.
_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class AccessError(Exception):
    """Refused: ``status`` is the HTTP status (401 unknown credential, 403 revoked or used)."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def station_tags(station: dict[str, Any]) -> list[str]:
    tags = ["*", f"station:{station['id']}"]
    for field, prefix in (
        ("kind", "kind"),
        ("dealer_id", "dealer"),
        ("site", "site"),
        ("region_id", "region"),
    ):
        if station.get(field):
            tags.append(f"{prefix}:{station[field]}")
    tags.extend(t for t in loads(station.get("tags"), []) if t not in tags)
    return tags


def create_enrollment_code(
    tx: Tx,
    now: dt.datetime,
    *,
    station_id: str | None = None,
    name: str = "",
    tags: list[str] | None = None,
    dealer_id: str | None = None,
    site: str | None = None,
    region_id: str | None = None,
    kind: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
    hours: float = 72,
) -> str:
    """A new one-time code, valid for ``hours``. Returned once; the server keeps its hash."""
    raw = "".join(secrets.choice(_ALPHABET) for _ in range(16))
    tx.execute(
        "INSERT INTO enrollment_codes (code_hash, station_id, name, tags, dealer_id, site, region_id,"
        " kind, lat, lon, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            sha256_text(raw),
            station_id,
            name,
            dumps(tags or []),
            dealer_id,
            site,
            region_id,
            kind,
            lat,
            lon,
            iso(now),
            iso(now + dt.timedelta(hours=hours)),
        ),
    )
    return "-".join(raw[i : i + 4] for i in range(0, 16, 4))


def enroll(tx: Tx, request: EnrollRequest, server_id: str, now: dt.datetime) -> EnrollResponse:
    code_hash = sha256_text(_normalise_code(request.enrollment_code))
    row = tx.one(
        f"SELECT * FROM enrollment_codes WHERE code_hash = ?{tx.for_update()}", (code_hash,)
    )
    if row is None:
        raise AccessError(403, "enrollment.unknown_code", "This enrollment code is not known.")
    if row["used_at"]:
        raise AccessError(403, "enrollment.code_used", "This enrollment code was already used.")
    if row["expires_at"] < iso(now):
        raise AccessError(403, "enrollment.code_expired", "This enrollment code has expired.")
    station_id = row["station_id"] or request.station_id
    if row["station_id"] and request.station_id != row["station_id"]:
        raise AccessError(
            403,
            "enrollment.other_station",
            f"This enrollment code is for station {row['station_id']}.",
        )
    existing = tx.one("SELECT revoked FROM stations WHERE id = ?", (station_id,))
    if existing and not row["station_id"]:
        # only a code made for this very station may give it a new credential: an open code
        # must never take over an enrolled station (its id is no secret)
        raise AccessError(
            403,
            "enrollment.station_exists",
            "A station with this id is already enrolled; choose another id, or ask IT for a"
            " code made for this station.",
        )
    if existing and existing["revoked"]:
        raise AccessError(403, "station.revoked", "This station was revoked by the brand.")
    credential = f"ys1_{secrets.token_urlsafe(32)}"
    values = (
        request.station_name or row["name"] or station_id,
        sha256_text(credential),
        row["tags"],
        row["dealer_id"],
        row["site"],
        row["region_id"],
        row["kind"],
        row["lat"],
        row["lon"],
        iso(now),
    )
    if existing:
        tx.execute(
            "UPDATE stations SET name = ?, credential_hash = ?, tags = ?, dealer_id = ?, site = ?,"
            " region_id = ?, kind = ?, lat = ?, lon = ?, enrolled_at = ? WHERE id = ?",
            (*values, station_id),
        )
    else:
        tx.execute(
            "INSERT INTO stations (name, credential_hash, tags, dealer_id, site, region_id, kind, lat,"
            " lon, enrolled_at, id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (*values, station_id),
        )
    tx.execute(
        "UPDATE enrollment_codes SET used_at = ?, used_by = ? WHERE code_hash = ?",
        (iso(now), station_id, code_hash),
    )
    station = tx.one("SELECT * FROM stations WHERE id = ?", (station_id,))
    assert station is not None
    return EnrollResponse(
        station_id=station_id,
        credential=credential,
        server_id=server_id,
        tags=station_tags(station),
    )


def authenticate(tx: Tx, authorization: str | None) -> dict[str, Any]:
    """The station behind an ``Authorization: Bearer ...`` header, or ``AccessError``."""
    if not authorization or not authorization.startswith("Bearer "):
        raise AccessError(401, "auth.missing", "This request needs the station's credential.")
    token = authorization.removeprefix("Bearer ").strip()
    station = tx.one("SELECT * FROM stations WHERE credential_hash = ?", (sha256_text(token),))
    if station is None:
        raise AccessError(
            401, "auth.unknown", "The station's credential is not known; enroll again."
        )
    if station["revoked"]:
        raise AccessError(403, "station.revoked", "This station was revoked by the brand.")
    return station


def set_revoked(tx: Tx, station_id: str, revoked: bool) -> bool:
    cur = tx.execute("UPDATE stations SET revoked = ? WHERE id = ?", (int(revoked), station_id))
    return cur.rowcount > 0


def set_role(
    tx: Tx,
    station_id: str,
    *,
    kind: str,
    dealer_id: str | None,
    site: str | None,
    region_id: str | None,
    granted_regions: list[str],
) -> dict[str, Any] | None:
    """Give a station its kind and owner; returns what it was before (None: no such station).
    Callers write the audit row (``admin.set_station_role``)."""
    before = tx.one(
        "SELECT kind, dealer_id, site, region_id, granted_regions FROM stations WHERE id = ?",
        (station_id,),
    )
    if before is None:
        return None
    tx.execute(
        "UPDATE stations SET kind = ?, dealer_id = ?, site = ?, region_id = ?, granted_regions = ?"
        " WHERE id = ?",
        (kind, dealer_id, site, region_id, dumps(granted_regions), station_id),
    )
    return before
