"""A clock the test moves: the sync engine's waits and the station's clocks without sleeping.

``FakeClock`` is both the sync runner's ``RunnerClock`` (``monotonic``, ``wait``) and, through
``machine()``, the station's ``app.domain.clock.Machine`` (wall clock, monotonic clock, boot
id). ``advance(seconds)`` moves the monotonic and wall clocks together and wakes every waiter;
``set_wall`` moves only the wall clock, as a person changing the PC's time does; ``reboot``
starts a new boot with the monotonic clock near zero. ``settle()`` returns once a waiter has
looked at the new time and gone back to waiting: whatever was due has been done.
"""

from __future__ import annotations

import datetime as dt
import threading

from app.domain.clock import Machine

REAL_WAIT_CAP = 1.0  # a waiter re-checks at least this often in real seconds (a safety net)


class FakeClock:
    def __init__(self, wall: dt.datetime | None = None, mono: float = 1000.0) -> None:
        self._lock = threading.Lock()
        self.mono = mono
        self.wall_at = wall or dt.datetime.now(dt.UTC)
        self.boot_id = "boot-1"
        self._waiters: set[threading.Condition] = set()
        self._waits = 0  # how often a waiter went back to waiting
        self._advanced_at = 0  # ``_waits`` at the last advance
        self._waited = threading.Condition(self._lock)

    # --- RunnerClock ---------------------------------------------------------------------------

    def monotonic(self) -> float:
        with self._lock:
            return self.mono

    def wait(self, condition: threading.Condition, timeout: float) -> None:
        if timeout <= 0:
            return
        with self._lock:
            self._waiters.add(condition)
            self._waits += 1
            self._waited.notify_all()
        condition.wait(REAL_WAIT_CAP)  # woken by a new job or by advance()

    # --- Machine ---------------------------------------------------------------------------------

    def wall(self) -> dt.datetime:
        with self._lock:
            return self.wall_at

    def boot(self) -> str:
        with self._lock:
            return self.boot_id

    def machine(self) -> Machine:
        return Machine(wall=self.wall, monotonic=self.monotonic, boot=self.boot)

    # --- the test's hands ------------------------------------------------------------------------

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.mono += seconds
            self.wall_at += dt.timedelta(seconds=seconds)
            waiters = list(self._waiters)
            self._advanced_at = self._waits
        for condition in waiters:
            with condition:
                condition.notify_all()

    def settle(self, timeout: float = 10.0) -> None:
        """Return once a waiter has gone back to waiting since the last ``advance``."""
        with self._lock:
            mark = self._advanced_at
            assert self._waited.wait_for(lambda: self._waits > mark, timeout), "no waiter settled"

    def set_wall(self, wall: dt.datetime) -> None:
        with self._lock:
            self.wall_at = wall

    def reboot(self, off_for: float, *, wall: dt.datetime | None = None) -> None:
        """The PC was off for ``off_for`` seconds; ``wall`` is what its clock says on start."""
        with self._lock:
            self.boot_id = f"boot-{int(self.mono)}"
            self.mono = 5.0
            self.wall_at = wall or self.wall_at + dt.timedelta(seconds=off_for)
