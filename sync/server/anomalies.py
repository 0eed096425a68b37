"""Anomaly flags raised while events arrive: signs of copied codes or of a cheating scanner.

- ``far_apart``: the same code seen at two stations too far apart for the time between
  (by coordinates when both stations have them, else by region within a few hours);
- ``consecutive_run``: one station scanning codes with consecutive serials, as from a printed
  sheet rather than from products on a shelf (for inspections and claims, not warehouse work);
- ``too_close``: consumer-side scans from one station faster than a person can scan;
- ``blacklisted_device``: an event from a station or scanner on the deny list;
- ``clock_ahead``: an event dated after it arrived (the station's clock runs ahead: its times,
  expiries and offline limits are not to be trusted until it is put right);
- ``unknown_code`` and ``received_by_other_dealer``: raised by the event handlers.

Flags never reject an event: they are for the brand's people to look at (trace, export).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from sync.protocol import EventIn
from sync.server.db import Tx
from sync.server.util import dumps, parse_time

_TRAILING_NUMBER = re.compile(r"^(.*?)(\d{1,18})$")
CLOCK_AHEAD = dt.timedelta(minutes=5)  # more than a PC's clock drifts between two syncs


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def serial_number(key: str) -> tuple[str, int] | None:
    """``sgtin:06901234567892.000123`` -> (``sgtin:06901234567892.``, 123): the run family and number."""
    match = _TRAILING_NUMBER.match(key)
    if match is None:
        return None
    return match.group(1), int(match.group(2))


class AnomalyCheck:
    def __init__(self, tx: Tx, station: dict[str, Any], settings: dict[str, Any], now: str) -> None:
        self.tx = tx
        self.station = station
        self.now = now
        self.far_km = float(settings["server.anomaly.far_km"])
        self.far_speed = float(settings["server.anomaly.far_speed_kmh"])
        self.far_hours = float(settings["server.anomaly.far_hours_without_location"])
        self.run_length = int(settings["server.anomaly.run_length"])
        self.min_interval = dt.timedelta(
            milliseconds=int(settings["server.anomaly.min_interval_ms"])
        )
        self.last_obs = station.get("last_obs_at")
        self.run_family = station.get("run_gtin")
        self.run_serial = station.get("run_serial")
        self.run_count = station.get("run_length") or 0
        self.rows: list[tuple] = []
        self._stations: dict[str, dict[str, Any] | None] = {station["id"]: station}
        self._state_changed = False

    def flag(self, kind: str, key: str | None, event: EventIn, detail: dict[str, Any]) -> None:
        self.rows.append((kind, key, self.station["id"], event.event_id, dumps(detail), self.now))

    def device(self, event: EventIn, deny: set[tuple[str, str]]) -> None:
        device = event.payload.get("device")
        for value in (self.station["id"], device):
            if isinstance(value, str) and ("device", value) in deny:
                self.flag("blacklisted_device", None, event, {"device": value})

    def clock(self, event: EventIn, when: dt.datetime) -> None:
        """An event dated after the server received it was made on a clock that runs ahead."""
        ahead = when - parse_time(self.now)
        if ahead > CLOCK_AHEAD:
            self.flag("clock_ahead", None, event, {"seconds": round(ahead.total_seconds())})

    def _station(self, station_id: str) -> dict[str, Any] | None:
        if station_id not in self._stations:
            self._stations[station_id] = self.tx.one(
                "SELECT id, lat, lon, region_id FROM stations WHERE id = ?", (station_id,)
            )
        return self._stations[station_id]

    def seen(self, code: dict[str, Any], event: EventIn, *, observation: bool) -> None:
        """Compare with where the code was seen last (before this event updates it)."""
        other_id, other_at = code.get("last_seen_station"), code.get("last_seen_at")
        if not other_id or other_id == self.station["id"] or not other_at:
            return
        other = self._station(other_id)
        if other is None:
            return
        try:
            hours = (
                abs((parse_time(event.occurred_at) - parse_time(other_at)).total_seconds()) / 3600
            )
        except ValueError:
            return
        here = self.station
        if None not in (here.get("lat"), here.get("lon"), other.get("lat"), other.get("lon")):
            km = distance_km(here["lat"], here["lon"], other["lat"], other["lon"])
            if km > self.far_km and (hours == 0 or km / hours > self.far_speed):
                self.flag("far_apart", code["key"], event,
                          {"other_station": other_id, "km": round(km), "hours": round(hours, 2)})  # fmt: skip
        elif (
            here.get("region_id")
            and other.get("region_id")
            and here["region_id"] != other["region_id"]
            and hours < self.far_hours
        ):
            self.flag("far_apart", code["key"], event,
                      {"other_station": other_id, "other_region": other["region_id"], "hours": round(hours, 2)})  # fmt: skip

    def observation(self, event: EventIn, when: dt.datetime) -> None:
        """Consumer-side scans from one station closer together than a person can manage."""
        if self.last_obs:
            gap = when - parse_time(self.last_obs)
            if dt.timedelta(0) <= gap < self.min_interval:
                self.flag("too_close", None, event, {"ms": round(gap.total_seconds() * 1000)})
        self.last_obs = event.occurred_at
        self._state_changed = True

    def runs(self, keys: list[str], event: EventIn) -> None:
        for key in keys:
            parsed = serial_number(key)
            if parsed is None:
                self.run_family, self.run_serial, self.run_count = None, None, 0
                continue
            family, number = parsed
            if (
                family == self.run_family
                and self.run_serial is not None
                and number == self.run_serial + 1
            ):
                self.run_count += 1
            else:
                self.run_count = 1
            self.run_family, self.run_serial = family, number
            if self.run_count == self.run_length:
                self.flag("consecutive_run", key, event,
                          {"first": f"{family}{number - self.run_length + 1}", "length": self.run_length})  # fmt: skip
        self._state_changed = True

    def flush(self) -> None:
        self.tx.bulk_insert(
            "anomalies",
            ("kind", "code_key", "station_id", "event_id", "detail", "created_at"),
            self.rows,
        )
        if self._state_changed:
            self.tx.execute(
                "UPDATE stations SET last_obs_at = ?, run_gtin = ?, run_serial = ?, run_length = ? WHERE id = ?",
                (
                    self.last_obs,
                    self.run_family,
                    self.run_serial,
                    self.run_count,
                    self.station["id"],
                ),
            )
