"""Time the station can trust: the server's clock carried forward by a clock nobody can set.

Anyone at a counter can move the PC's wall clock. Offline limits (the counter's hours without
a sync) and expiry checks must not move with it, so they count on the server's time, taken from
every sync answer, carried forward by the monotonic clock:

- the sync client records an ``Anchor`` (setting ``sync.clock``) whenever the server answers:
  the server's time, and the wall clock, monotonic clock and boot id at that moment;
- while the same boot lasts, trusted time = the server's time + monotonic seconds since;
- after a restart of the computer the monotonic clock starts again, so the time between is
  counted conservatively: at least the time the PC has been up, at least what the wall clock
  says; a wall clock that went *back* across a restart makes the time unknown, and an offline
  limit treats unknown time as used up until the server answers again;
- while offline the sync thread refreshes the anchor's mark at every attempt (``carried``),
  so a restart loses at most the minutes between two attempts, never the days before.

``skew`` (the wall clock minus the server's time) is what the status bar shows.
Qt-free and network-free: the sync client writes anchors, the workflows read them.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from functools import cache
from pathlib import Path

SETTING = "sync.clock"
RESTART_TOLERANCE = 120.0  # seconds a wall clock may step back across a restart (NTP, DST-free)


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@cache
def boot_id() -> str:
    """An id that changes when the computer restarts (Linux: the kernel's; elsewhere the boot
    moment to the minute, which also changes when someone sets the clock - the safe side)."""
    try:
        return Path("/proc/sys/kernel/random/boot_id").read_text(encoding="ascii").strip()
    except OSError:
        return f"boot-{round((time.time() - time.monotonic()) / 60)}"


@dataclass(frozen=True, slots=True)
class Machine:
    """Where the station reads its clocks; tests give fakes."""

    wall: Callable[[], dt.datetime] = utc_now
    monotonic: Callable[[], float] = time.monotonic
    boot: Callable[[], str] = boot_id


SYSTEM = Machine()


@dataclass(frozen=True, slots=True)
class Anchor:
    """At the mark (``wall``, ``mono`` on ``boot``), the server's time was ``server_at`` +
    ``elapsed`` seconds (None: unknown, after the wall clock went back across a restart)."""

    server_at: dt.datetime
    elapsed: float | None
    wall: dt.datetime
    mono: float
    boot: str
    synced_at: dt.datetime | None = None  # the server's time at the last complete sync round

    @classmethod
    def heard(cls, server_time: dt.datetime, wall: dt.datetime, mono: float, boot: str) -> Anchor:
        return cls(server_time, 0.0, wall, mono, boot)

    def elapsed_now(
        self, machine: Machine = SYSTEM, wall: dt.datetime | None = None
    ) -> float | None:
        """Trusted seconds from ``server_at`` to now; None when it cannot be known."""
        if self.elapsed is None:
            return None
        mono = machine.monotonic()
        if machine.boot() == self.boot and mono >= self.mono:
            return self.elapsed + (mono - self.mono)
        wall_now = wall or machine.wall()
        by_wall = (wall_now - self.wall).total_seconds()
        if by_wall < -RESTART_TOLERANCE:
            return None  # the clock was set back while the PC was off: assume the worst
        return self.elapsed + max(by_wall, mono, 0.0)  # mono: at least the time since boot

    def now(self, machine: Machine = SYSTEM, wall: dt.datetime | None = None) -> dt.datetime:
        """The best estimate of the true time (the wall clock corrected by the last offset when
        the elapsed time is unknown)."""
        wall_now = wall or machine.wall()
        elapsed = self.elapsed_now(machine, wall_now)
        if elapsed is None:
            return wall_now - self.offset
        return self.server_at + dt.timedelta(seconds=elapsed)

    @property
    def offset(self) -> dt.timedelta:
        """How far the wall clock was ahead of the server at the mark (negative: behind)."""
        return self.wall - (self.server_at + dt.timedelta(seconds=self.elapsed or 0.0))

    def carried(self, machine: Machine = SYSTEM) -> Anchor:
        """The same knowledge marked at this moment (so a restart loses only the time since)."""
        wall = machine.wall()
        elapsed = self.elapsed_now(machine, wall)
        if elapsed is None:
            return self
        return replace(
            self, elapsed=elapsed, wall=wall, mono=machine.monotonic(), boot=machine.boot()
        )

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        for key in ("server_at", "wall", "synced_at"):
            value = data[key]
            data[key] = value.isoformat() if value is not None else None
        return data

    @classmethod
    def from_json(cls, data: object) -> Anchor | None:
        if not isinstance(data, dict):
            return None
        try:
            synced = data.get("synced_at")
            elapsed = data.get("elapsed")
            return cls(
                server_at=_aware(data["server_at"]),
                elapsed=None if elapsed is None else float(elapsed),
                wall=_aware(data["wall"]),
                mono=float(data["mono"]),
                boot=str(data["boot"]),
                synced_at=_aware(synced) if synced else None,
            )
        except (KeyError, TypeError, ValueError):
            return None


def _aware(text: str) -> dt.datetime:
    moment = dt.datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


def load(conn: sqlite3.Connection) -> Anchor | None:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", (SETTING,)).fetchone()
    if row is None or row[0] is None:
        return None
    try:
        return Anchor.from_json(json.loads(row[0]))
    except ValueError:
        return None


def save(conn: sqlite3.Connection, anchor: Anchor) -> None:
    """Inside a writer action."""
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?, ?)"
        " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        (SETTING, json.dumps(anchor.to_json())),
    )


@dataclass(frozen=True, slots=True)
class TrustedTime:
    """What the workflows use instead of the wall clock."""

    now: dt.datetime
    since_sync: dt.timedelta | None  # None: never synced, or the time since cannot be known
    skew: dt.timedelta | None  # the wall clock minus the server's time; None: never heard


def read(
    conn: sqlite3.Connection, machine: Machine = SYSTEM, *, last_sync: dt.datetime | None = None
) -> TrustedTime:
    """Trusted time from the stored anchor. Without one (a station that never heard a server's
    time) the wall clock is all there is: ``last_sync`` (wall time) counts only forwards."""
    wall = machine.wall()
    anchor = load(conn)
    if anchor is None:
        since = wall - last_sync if last_sync is not None else None
        return TrustedTime(wall, since if since is None or since >= dt.timedelta(0) else None, None)
    elapsed = anchor.elapsed_now(machine, wall)
    now = anchor.now(machine, wall)
    since_sync = None
    if elapsed is not None and anchor.synced_at is not None:
        since_sync = max(now - anchor.synced_at, dt.timedelta(0))
    return TrustedTime(now, since_sync, wall - now)
