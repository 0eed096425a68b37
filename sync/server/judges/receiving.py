"""Receiving goods into a station's stock, and the undo of a receipt.

A receipt never refuses a shipped code (goods in hand are goods in hand) but flags one that
was shipped to another dealer. Its undo puts each code back as it was, if the receipt still
stands.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sync.protocol import EventIn, Reason
from sync.server.batch import SHIPPED, Batch, Rejected
from sync.server.judges.fields import undone_of


def receive(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    codes = b.expand(keys)
    for code in codes:
        if code["status"] == "void":
            raise Rejected(Reason.CODE_VOID, code=code["key"])
    dealer = b.station.get("dealer_id")
    before = b.received_by.setdefault(event.event_id, [])
    for code in codes:
        before.append({"key": code["key"], "status": code["status"], "holder": code["holder"]})
        if code["status"] in SHIPPED:
            if dealer and code["dealer_id"] != dealer:
                b.anomaly.flag("received_by_other_dealer", code["key"], event,
                               {"shipped_to": code["dealer_id"]})  # fmt: skip
            b.touch(code, status="received", holder=b.me)
        else:
            b.touch(code, status="in_stock", holder=b.me)
        b.changed(code)


def undo_receive(b: Batch, event: EventIn, when: dt.datetime, keys: list[str]) -> None:
    """Undo of a receipt: each code goes back to what it was before, if the receipt still
    stands (this station holds it as received or in stock); a refused receipt is a no-op.

    Within one batch the receipt's own record says what each code was. Otherwise it is
    derived: a code received after shipping is shipped again; one taken into stock was
    issued, returned or in another station's stock, as the trace before the receipt says.
    """
    undoes = undone_of(event.payload)
    if undoes is not None and undoes in b.received_by:
        before = b.received_by[undoes]
    else:
        before = [
            {"key": c["key"], **prior}
            for key, prior in _before_receipt(b, [k for k in keys if k in b.codes], undoes)
            for c in b.expand([key])
        ]
    for row in before:
        code = b.codes.get(row["key"])
        if code is None or code["holder"] != b.me or code["status"] not in ("received", "in_stock"):
            continue
        status = row["status"]
        if status is None:  # derived: received after shipping means it was shipped
            status = "shipped" if code["status"] == "received" else "issued"
        b.touch(code, status=status, holder=row["holder"])
        b.changed(code)


def _before_receipt(
    b: Batch, keys: list[str], undoes: str | None
) -> list[tuple[str, dict[str, Any]]]:
    """(key, {status, holder}) before the receipt ``undoes``, from the codes' trace (an
    earlier receipt that was itself undone says nothing: the default then applies)."""
    if undoes is None:
        return [(k, {"status": None, "holder": None}) for k in keys]
    at = b.tx.scalar("SELECT min(occurred_at) FROM code_events WHERE event_id = ?", (undoes,))
    if at is None:
        return []  # the receipt was refused or never arrived: nothing to undo
    out = []
    for key in keys:
        row = b.tx.one(
            "SELECT what, station_id FROM code_events WHERE code_key = ? AND occurred_at < ?"
            " AND what IN ('receiving', 'returning', 'shipping', 'void_receiving') ORDER BY occurred_at DESC LIMIT 1",
            (key, at),
        )
        if row is not None and row["what"] == "returning":
            out.append((key, {"status": "returned", "holder": row["station_id"]}))
        elif (
            row is not None and row["what"] == "receiving" and b.codes[key]["status"] != "received"
        ):
            out.append((key, {"status": "in_stock", "holder": row["station_id"]}))
        else:
            out.append((key, {"status": None, "holder": None}))
    return out
