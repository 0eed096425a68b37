"""Push: judge a batch of a station's events, exactly once each, in one transaction.

The batch is handled set-wise for speed and event by event for meaning: the rows every event
touches (codes with everything packed inside them, vouchers, claimed codes, orders) are read
once and locked (``Batch.load``), each event is judged in order against that in-memory state
by the judge of its type (``judges.JUDGES``; so an aggregation earlier in the batch counts for
a shipment later in it), and all writes go out at the end (``Batch.flush``). Every event gets
one row in ``events`` whatever its answer, so a re-sent event is recognised forever, and a
different payload under a known id is refused.

An event is atomic: it is accepted whole or rejected whole with a reason and the detail the
station needs to tell the operator what to do.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from sync.protocol import EventIn, Reason, Status, event_problem
from sync.server import permissions
from sync.server.batch import Batch, Rejected, detail_text
from sync.server.chain import StationChain
from sync.server.db import Tx
from sync.server.judges import JUDGES
from sync.server.judges.fields import biz_step, first, order_of
from sync.server.util import dumps, iso, loads, parse_time, sha256_text


def event_hash(event: EventIn) -> tuple[str, str]:
    """The payload as canonical JSON (what is stored) and the hash of everything the event says
    (what tells a re-sent event from a different one under the same id)."""
    payload = dumps(event.payload)
    body = "\x1f".join((event.type, payload, event.occurred_at, event.operator, event.station))
    return payload, sha256_text(body)


def _result(
    event_id: str, status: str, reason: str | None, detail: dict[str, Any]
) -> dict[str, Any]:
    return {"event_id": event_id, "status": status, "reason": reason, "detail": detail}


class Push:
    """One batch from one station, inside one transaction."""

    def __init__(
        self,
        tx: Tx,
        station: dict[str, Any],
        settings: dict[str, Any],
        now: dt.datetime,
        keys: Callable[[Tx], dict[str, Any]],
    ) -> None:
        self.tx = tx
        self.station = station
        self.now_text = iso(now)
        self.batch = Batch(tx, station, settings, self.now_text, keys)

    def run(self, events: list[EventIn]) -> list[dict[str, Any]]:
        """One answer per event, shaped as ``protocol.EventResult`` (plain dicts: they go straight
        to JSON, a few microseconds per event cheaper than models)."""
        tx = self.tx
        problems = {
            event.event_id: problem for event in events if (problem := event_problem(event))
        }
        events_ok = [e for e in events if e.event_id not in problems]
        known: dict[str, dict[str, Any]] = {}
        for cond, params in tx.in_chunks("event_id", sorted({e.event_id for e in events_ok})):
            for row in tx.all(
                "SELECT event_id, station_id, payload_hash, status, reason, detail FROM events"
                f" WHERE {cond}",
                params,
            ):
                known[row["event_id"]] = row
        new = [e for e in events_ok if e.event_id not in known]
        chain = StationChain.load(tx, self.station["id"])  # a batch must continue the chain
        chain.follow(e for e in new if e.station == self.station["id"])
        self._load(new)
        results = []
        for event in events:
            if event.event_id in problems:  # not stored: its id or values may not fit a column
                results.append(_result(event.event_id, Status.REJECTED.value,
                                       Reason.EVENT_INVALID.value, {"error": problems[event.event_id]}))  # fmt: skip
                continue
            payload_text, digest = event_hash(event)
            prior = known.get(event.event_id)
            if prior is not None:
                results.append(self._repeat(event, prior, digest))
                continue
            if event.station != self.station["id"]:
                results.append(_result(event.event_id, Status.REJECTED.value,
                                       Reason.NOT_OWN_EVENT.value, {"station": event.station}))  # fmt: skip
                continue
            status, reason, detail = self._judge(event)
            text = detail_text(detail)
            self.batch.rows["events"].append(
                (event.event_id, self.station["id"], event.seq, event.type,
                 biz_step(event.payload) or None, payload_text, digest, event.occurred_at,
                 event.operator, self.now_text, status, reason, text)
            )  # fmt: skip
            known[event.event_id] = {"event_id": event.event_id, "station_id": self.station["id"],
                                     "payload_hash": digest, "status": status, "reason": reason,
                                     "detail": text}  # fmt: skip
            results.append(_result(event.event_id, status, reason, detail))
        self.batch.flush()
        chain.save(tx)
        return results

    def _load(self, events: list[EventIn]) -> None:
        """Everything the new events refer to, for ``Batch.load`` to read and lock at once."""
        codes: list[str] = []
        orders: set[str] = set()
        tokens: list[str] = []
        devices: set[str] = set()
        numbers: set[tuple[str, str]] = set()
        for event in events:
            judge = JUDGES.get(event.type)
            if judge is not None:
                codes += judge.codes(event.payload)
                if judge.number is not None:
                    numbers.add(judge.number(event))
            order = order_of(event.payload)
            if isinstance(order, str):
                orders.add(order)
            token = first(event.payload, "voucher", "card")
            if isinstance(token, str):
                tokens.append(token)
            device = event.payload.get("device")
            if isinstance(device, str):
                devices.add(device)
        self.batch.load(codes, orders, tokens, devices, numbers)

    def _repeat(self, event: EventIn, prior: dict[str, Any], digest: str) -> dict[str, Any]:
        if prior["station_id"] != self.station["id"] or prior["payload_hash"] != digest:
            return _result(event.event_id, Status.REJECTED.value, Reason.EVENT_ID_REUSED.value,
                           {"event_id": event.event_id})  # fmt: skip
        result = _result(event.event_id, "duplicate", prior["reason"], loads(prior["detail"], {}))
        result["original_status"] = prior["status"]
        return result

    def _judge(self, event: EventIn) -> tuple[str, str | None, dict[str, Any]]:
        try:
            judge = JUDGES.get(event.type)
            if judge is None:
                raise Rejected(Reason.EVENT_INVALID, error=f"unknown event type {event.type}")
            if not permissions.may_push(self.station, event.type):  # the kind's table row
                raise Rejected(Reason.NOT_AUTHORISED, type=event.type,
                               kind=permissions.kind_of(self.station).value)  # fmt: skip
            try:
                when = parse_time(event.occurred_at)
            except ValueError as exc:
                raise Rejected(Reason.EVENT_INVALID, error="bad occurred_at") from exc
            self.batch.anomaly.device(event, self.batch.deny)
            self.batch.anomaly.clock(event, when)
            detail = judge.judge(self.batch, event, when) or {}
        except Rejected as rejection:
            return Status.REJECTED.value, rejection.reason.value, rejection.detail
        return Status.ACCEPTED.value, None, detail
