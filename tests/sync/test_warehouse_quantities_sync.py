"""Goods without a serial reach the server: class-level ObjectEvents (a ``quantityList``, no
``epcList``) are accepted, where before the server refused them as ``event.invalid``."""

from __future__ import annotations

from app.domain.codes import parse
from app.domain.workflows.base import Actor
from app.domain.workflows.warehouse import Flow, Warehouse
from tests.support.sync_data import seed_sample
from tests.support.sync_station import Station


def test_quantities_received_and_shipped_are_accepted(central, tmp_path, memory_keyring):
    seed_sample(central.server)
    station = Station(tmp_path / "st")
    try:
        station.enroll(central, site="W1")
        station.client.sync_once()
        wh = Warehouse(Actor("op1", language="en"))
        call = station.writer.call
        call(lambda c: wh.switch(c, Flow.RECEIVE))
        call(wh.scan_action(parse("6901234567892")))  # P1's EAN: how many?
        assert call(wh.scan_action(parse("10"))).decision.reason == "wh.quantity_counted"
        call(lambda c: wh.command(c, "finish"))
        call(lambda c: wh.switch(c, Flow.SHIP, "SO-1"))
        call(wh.scan_action(parse("6901234567892")))
        call(wh.scan_action(parse("4")))
        call(lambda c: wh.command(c, "undo"))  # a count taken back is a void_ event
        call(wh.scan_action(parse("6901234567892")))
        call(wh.scan_action(parse("4")))
        assert call(lambda c: wh.command(c, "finish")).decision.reason == "wh.finish_short_asked"
        assert call(lambda c: wh.command(c, "finish")).decision.reason == "ship.shipped_partial"
        station.client.sync_once()
        states = (
            station.reader()
            .execute(
                "SELECT json_extract(payload, '$.bizStep'), sync_state, reason FROM journal"
                " WHERE json_extract(payload, '$.quantityList') IS NOT NULL ORDER BY seq"
            )
            .fetchall()
        )
        assert [tuple(r) for r in states] == [
            ("receiving", "accepted", None),
            ("staging_outbound", "accepted", None),
            ("void_staging_outbound", "accepted", None),
            ("staging_outbound", "accepted", None),
            ("shipping", "accepted", None),
        ]
    finally:
        station.close()
