"""Shipping to a dealer, a dealer's return, and the undo of each.

A shipment is first-wins: a code already shipped is refused with who shipped it where and
when. A return (or the undo of a shipment) voids the standing shipment but keeps it for the
trace, so undoing the return can make it stand again.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sync.protocol import EventIn, Reason
from sync.server.batch import SHIPMENT_FIELDS, SHIPPED, Batch, Rejected, already_shipped
from sync.server.judges.fields import dealer_of, first, order_of, undone_of


def ship(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    p = event.payload
    dealer_id = dealer_of(p)
    if not isinstance(dealer_id, str):
        raise Rejected(Reason.EVENT_INVALID, error="shipping without a destination dealer")
    dealer = b.dealer(dealer_id)
    if dealer is None:
        raise Rejected(Reason.DEALER_UNKNOWN, dealer=dealer_id)
    order_id = order_of(p)
    order = None
    if order_id is not None:
        order = b.orders.get(order_id) if isinstance(order_id, str) else None
        if order is None:
            raise Rejected(Reason.ORDER_UNKNOWN, order=order_id)
        if order["dealer_id"] != dealer_id:
            raise Rejected(Reason.ORDER_WRONG_DEALER, order=order_id, dealer=dealer_id)
        if order["status"] in ("closed", "cancelled"):
            raise Rejected(Reason.ORDER_CLOSED, order=order_id)
    region_id = first(p, "region_id", "region") or (order or {}).get("region_id")
    if region_id is None and len(dealer["regions"]) == 1:
        region_id = dealer["regions"][0]
    if region_id is not None and dealer["regions"] and region_id not in dealer["regions"]:
        raise Rejected(Reason.REGION_NOT_AUTHORISED, dealer=dealer_id, region=region_id)
    codes = b.expand(keys)
    for code in codes:
        if code["status"] in SHIPPED:
            raise already_shipped(code)
        if code["status"] == "void":
            raise Rejected(Reason.CODE_VOID, code=code["key"])
    ship_date = when.date().isoformat()
    for code in codes:
        b.touch(
            code,
            status="shipped",
            dealer_id=dealer_id,
            region_id=region_id,
            order_id=order_id,
            shipped_at=ship_date,
            shipped_by=b.me,
            ship_event_id=event.event_id,
            holder=None,
        )
        b.rows["shipments"].append(
            (
                code["key"],
                dealer_id,
                region_id,
                order_id,
                ship_date,
                b.me,
                event.event_id,
                b.now_text,
            )
        )
        b.changed(code, snapshot=True)


def return_(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    """A dealer sends goods back: their shipments stop standing, the codes are returned here."""
    codes = b.expand(keys)
    for code in codes:
        if code["status"] not in SHIPPED:
            raise Rejected(Reason.CODE_NOT_SHIPPED, code=code["key"])
    _unship(b, event, codes, "returned")


def void_shipping(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    """Undo of a shipment: the codes that shipment (or any, without an id) shipped are back in stock.
    Codes it never shipped - its shipping may have been rejected - are left alone."""
    undoes = undone_of(event.payload)
    codes = [
        c
        for c in b.expand([k for k in keys if k in b.codes])
        if c["status"] in SHIPPED and (undoes is None or c["ship_event_id"] == undoes)
    ]
    _unship(b, event, codes, "in_stock")


def undo_return(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    """Undo of a return: the shipments that return voided stand again (without the return's id
    there is nothing to say which, so nothing changes)."""
    undoes = undone_of(event.payload)
    if undoes is None:
        return
    voided = b.voided_by.get(undoes)
    if voided is None:
        voided = b.tx.all(
            "SELECT code_key AS key, dealer_id, region_id, order_id, ship_date AS shipped_at,"
            " station_id AS shipped_by, event_id AS ship_event_id FROM shipments"
            " WHERE voided_event_id = ? AND standing = 0",
            (undoes,),
        )
    b.load_codes([v["key"] for v in voided if v["key"] not in b.codes])
    for row in voided:
        code = b.codes.get(row["key"])
        if code is not None and code["status"] in SHIPPED:
            raise already_shipped(code)
    for row in voided:
        code = b.codes.get(row["key"])
        if code is None:
            continue
        b.touch(code, status="shipped", holder=None, **{k: row[k] for k in SHIPMENT_FIELDS})
        b.restored_shipments.append((undoes, row["key"]))
        b.changed(code, snapshot=True)


def _unship(b: Batch, event: EventIn, codes: list[dict[str, Any]], status: str) -> None:
    """Void the standing shipment of each code (kept for the trace, and for an undo)."""
    undo = b.voided_by.setdefault(event.event_id, [])
    for code in codes:
        b.voided_shipments.append((event.event_id, code["key"], code["ship_event_id"]))
        undo.append({k: code[k] for k in SHIPMENT_FIELDS} | {"key": code["key"]})
        b.touch(code, status=status, dealer_id=None, region_id=None, order_id=None,
                shipped_at=None, shipped_by=None, ship_event_id=None, holder=b.me)  # fmt: skip
        b.changed(code, snapshot=True)
