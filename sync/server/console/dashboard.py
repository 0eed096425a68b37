"""The dashboard's figures, computed off the request: a page load reads the last computation.

With millions of codes and events the nine figures take seconds to count, so a page never waits
for them: the first load of a process computes them, later loads get them at once and, when they
are older than ``MAX_AGE``, start one recomputation in the background. Each worker process keeps
its own copy (nothing another worker needs), and the page says when they were counted.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from sync.server.console import figures
from sync.server.db import Database

log = logging.getLogger(__name__)

MAX_AGE = dt.timedelta(seconds=60)


@dataclass(frozen=True)
class Figures:
    panels: list[tuple[str, list[figures.Bar]]]
    online: int
    stations: int
    backlog: int  # events the stations said still wait to be pushed
    skewed: int  # stations whose clock is more than five minutes off
    counted_at: dt.datetime


def count(db: Database, now: dt.datetime) -> Figures:
    panels = [
        ("Scans per day", figures.per_day(db, now, "scans")),
        ("Shipments per day", figures.per_day(db, now, "shipments")),
        ("Shipments by region (30 days)", figures.shipments_by(db, now, "region")),
        ("Shipments by dealer (30 days)", figures.shipments_by(db, now, "dealer")),
        ("Diversion cases by status", figures.cases_by_status(db)),
        ("Diversion cases by region", figures.cases_by_region(db)),
        ("Redemptions per month", figures.redemptions_by_month(db, now)),
        ("Installer rebates per month (yuan)", figures.rebates_by_month(db, now)),
        ("Anomaly flags by rule (30 days)", figures.anomalies_by_rule(db, now)),
    ]
    stations = figures.stations(db, now)
    online = sum(1 for s in stations if s["online"])
    backlog = sum(s["backlog"] or 0 for s in stations if not s["revoked"])
    skewed = sum(1 for s in stations if s["skewed"] and not s["revoked"])
    return Figures(panels, online, len(stations), backlog, skewed, now)


class DashboardFigures:
    def __init__(self, db: Database, clock: Callable[[], dt.datetime]) -> None:
        self.db, self.clock = db, clock
        self._latest: Figures | None = None
        self._lock = threading.Lock()
        self._refreshing = False

    def get(self) -> Figures:
        latest = self._latest
        if latest is None:
            with self._lock:  # the first load of this process counts; others wait for it
                if self._latest is None:
                    self._latest = count(self.db, self.clock())
                return self._latest
        if self.clock() - latest.counted_at > MAX_AGE:
            self._refresh_in_background()
        return latest

    def _refresh_in_background(self) -> None:
        with self._lock:
            if self._refreshing:
                return
            self._refreshing = True

        def work() -> None:
            try:
                self._latest = count(self.db, self.clock())
            except Exception:
                log.exception("counting the dashboard's figures failed; the old ones stay")
            finally:
                self._refreshing = False

        threading.Thread(target=work, name="dashboard-figures", daemon=True).start()
