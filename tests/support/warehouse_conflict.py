"""Two real stations that ship the same case, the second refused by the real server.

``lost_shipment`` yields (winner, loser, sample, issue) after both synced: the winner shipped
case 0 to D1 on SO-A, the loser cases 0 and 1 to D2 on SO-B and holds the sync issue.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from app.domain.codes import parse
from app.domain.workflows.base import Actor, Outcome
from app.domain.workflows.warehouse import Flow, Warehouse
from sync.client.issues import Issue, list_issues
from sync.server import admin
from tests.support.sync_data import Sample, seed_sample
from tests.support.sync_station import Station

OPERATOR = Actor("op1", "Wu", language="en")


def raw(key: str) -> str:
    """What the gun reads for a canonical key."""
    scheme, _, body = key.partition(":")
    if scheme == "sgtin":
        gtin, _, serial = body.partition(".")
        return f"01{gtin}21{serial}"
    return f"00{body}"


def ship(station: Station, order: str, keys: list[str]) -> None:
    wh = Warehouse(OPERATOR)
    station.writer.call(lambda c: wh.switch(c, Flow.SHIP, order))
    for key in keys:
        decision = station.writer.call(wh.scan_action(parse(raw(key)))).decision
        assert decision.outcome in (Outcome.OK, Outcome.DONE), decision
    for _ in range(2):  # a second FINISH confirms a short shipment; a full one is done at once
        result = station.writer.call(lambda c: wh.command(c, "finish"))
        if result.decision.reason.startswith("ship.shipped"):
            return
    raise AssertionError(result.decision)


def code_state(station: Station, key: str) -> tuple:
    row = station.reader().execute("SELECT status, dealer_id FROM codes WHERE key = ?", (key,))
    return tuple(row.fetchone())


def order_status(station: Station, order: str) -> str:
    return (
        station.reader().execute("SELECT status FROM orders WHERE id = ?", (order,)).fetchone()[0]
    )


@contextlib.contextmanager
def lost_shipment(central: Any, folder: Path) -> Iterator[tuple[Station, Station, Sample, Issue]]:
    sample = seed_sample(central.server)
    admin.create_order(central.server, "D1", {"P1": 4}, site="W1", order_id="SO-A")
    admin.create_order(central.server, "D2", {"P1": 8}, site="W1", order_id="SO-B")
    winner, loser = Station(folder / "winner"), Station(folder / "loser")
    try:
        for station in (winner, loser):
            station.enroll(central, site="W1")
            station.client.sync_once()
        ship(winner, "SO-A", [sample.cases[0]])
        ship(loser, "SO-B", [sample.cases[0], sample.cases[1]])
        winner.client.sync_once()
        loser.client.sync_once()
        (issue,) = list_issues(loser.reader())
        assert issue.reason == "code.already_shipped" and issue.biz_step == "shipping"
        yield winner, loser, sample, issue
    finally:
        winner.close()
        loser.close()
