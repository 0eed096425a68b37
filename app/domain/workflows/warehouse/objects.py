"""What receiving, shipping, stocktake and returns share: ObjectEvents over a whole package.

Scanning a pallet or case in these flows means everything packed in it, read
from the local aggregation in one recursive query; the state of all of it
changes with one set-based UPDATE. The event lists the code scanned (the
server knows the aggregation) and how many items it stood for. An undo appends
the same kind of event with ``void_`` before its bizStep and the id of the event
it voids, as EPCIS does for a shipment (``void_shipping``).
"""

from __future__ import annotations

import json
from typing import Any

from app.domain.store.journal import Event
from app.domain.workflows.warehouse.desk import Desk, Job


def object_event(
    desk: Desk,
    job: Job,
    biz_step: str,
    disposition: str,
    keys: list[str],
    *,
    items: int,
    compensates: str | None = None,
    unverified: bool | None = None,
    **extra: Any,
) -> Event:
    payload: dict[str, Any] = {
        "action": "OBSERVE",
        "bizStep": f"void_{biz_step}" if compensates else biz_step,
        "disposition": disposition,
        "epcList": keys,
        "readPoint": desk.actor.station,
        "yima:job": job.id,
        "yima:items": items,
    }
    if job.location_id:
        payload["bizLocation"] = job.location_id
    if compensates:
        payload["yima:compensates"] = compensates
    if unverified is not None:
        payload["yima:unverified"] = unverified
    payload.update(extra)
    return desk.emit("ObjectEvent", payload)


def dealer_parties(desk: Desk, dealer_id: str, role: str) -> list[dict[str, str]]:
    """EPCIS ``sourceList``/``destinationList`` entries (``role`` is "source" or "destination"):
    the dealer and the regions it sells into, which is what anti-diversion checks compare."""
    parties = [{"type": "owning_party", role: dealer_id}]
    row = desk.conn.execute("SELECT regions FROM dealers WHERE id = ?", (dealer_id,)).fetchone()
    try:
        regions = json.loads(row[0]) if row else []
    except ValueError:
        regions = []
    if isinstance(regions, list):
        parties += [
            {"type": "location", role: f"region:{r}"} for r in regions if isinstance(r, str)
        ]
    return parties
