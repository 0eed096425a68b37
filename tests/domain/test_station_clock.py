"""Time the station can trust (app/domain/clock.py): the server's time carried forward by the
monotonic clock, through changes of the wall clock and restarts of the computer."""

from __future__ import annotations

import datetime as dt

from app.domain.clock import Anchor
from tests.support.fake_clock import FakeClock

SERVER = dt.datetime(2026, 12, 6, 9, 0, tzinfo=dt.UTC)
HOUR = 3600.0


def _heard(fake: FakeClock) -> Anchor:
    return Anchor.heard(SERVER, fake.wall(), fake.monotonic(), fake.boot())


def test_within_one_boot_only_the_monotonic_clock_counts():
    fake = FakeClock(wall=SERVER + dt.timedelta(days=365))  # the PC's clock a year ahead
    anchor = _heard(fake)
    assert anchor.offset == dt.timedelta(days=365)
    fake.advance(2 * HOUR)
    fake.set_wall(SERVER - dt.timedelta(days=30))  # someone sets it back a month
    assert anchor.elapsed_now(fake.machine()) == 2 * HOUR
    assert anchor.now(fake.machine()) == SERVER + dt.timedelta(hours=2)


def test_a_restart_counts_the_wall_clock_forward_and_at_least_the_time_since_boot():
    fake = FakeClock(wall=SERVER)
    anchor = _heard(fake)
    fake.reboot(off_for=10 * HOUR)
    assert anchor.elapsed_now(fake.machine()) == 10 * HOUR
    fake.set_wall(SERVER)  # the clock says no time passed: the uptime still did
    fake.advance(HOUR)
    assert anchor.elapsed_now(fake.machine()) == HOUR + 5.0


def test_a_restart_with_the_clock_set_back_makes_the_time_unknown():
    fake = FakeClock(wall=SERVER)
    anchor = _heard(fake)
    fake.reboot(off_for=HOUR, wall=SERVER - dt.timedelta(days=2))
    assert anchor.elapsed_now(fake.machine()) is None
    # the best guess of the time is still the wall clock corrected by the last offset
    assert anchor.now(fake.machine()) == SERVER - dt.timedelta(days=2)


def test_marks_while_offline_keep_what_a_restart_would_lose():
    fake = FakeClock(wall=SERVER)
    anchor = _heard(fake)
    fake.advance(20 * HOUR)
    fake.set_wall(SERVER)  # set back 20 hours while running (the monotonic clock is not fooled)
    marked = anchor.carried(fake.machine())  # a sync attempt that found no server
    fake.reboot(off_for=0, wall=fake.wall())  # restarted at once
    assert marked.elapsed_now(fake.machine()) == 20 * HOUR + 5.0
    assert anchor.elapsed_now(fake.machine()) == 5.0  # without the mark: only the uptime


def test_an_anchor_survives_its_trip_through_the_settings_table():
    fake = FakeClock(wall=SERVER)
    anchor = Anchor(SERVER, 12.5, fake.wall(), 42.0, "b", synced_at=SERVER)
    assert Anchor.from_json(anchor.to_json()) == anchor
    assert Anchor.from_json({"server_at": "not a time"}) is None
