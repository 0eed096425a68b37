"""The dashboard's figures are counted off the request: the first load counts, later loads read
the last count at once, and a count older than a minute is redone in the background."""

from __future__ import annotations

import datetime as dt
import time

from sync.server.console.dashboard import MAX_AGE, DashboardFigures
from tests.support.sync_data import enroll_station, seed_sample, ship


def test_figures_are_counted_once_then_refreshed_in_the_background(central):
    sample = seed_sample(central.server)
    warehouse = enroll_station(central, "wh", site="W1")
    moment = [dt.datetime.now(dt.UTC)]
    cache = DashboardFigures(central.server.db, lambda: moment[0])

    def shipped(figures) -> float:
        return sum(bar.value for bar in dict(figures.panels)["Shipments per day"])

    first = cache.get()
    assert shipped(first) == 0
    warehouse.push([ship("wh", 1, sample.items[:3])])
    assert cache.get() is first  # fresh enough: no counting on the request
    moment[0] += MAX_AGE + dt.timedelta(seconds=1)
    assert cache.get() is first  # stale: answered at once, recounted in the background
    deadline = time.monotonic() + 30
    while cache.get() is first and time.monotonic() < deadline:
        time.sleep(0.05)
    assert shipped(cache.get()) == 3
    assert cache.get().counted_at == moment[0]
