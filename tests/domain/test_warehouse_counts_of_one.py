"""English names one thing apart in the warehouse's messages: "1 item", "the other package",
not "1 items" or "1 packages" (issue 15's closing note: a few counts still read "1 …s").

Chinese has one form; each message for one has its own translation. Every message here read
"1 items" (or "1 packages") before; the assertions fail on that code.
"""

from __future__ import annotations

from app.domain.codes import parse
from tests.support.warehouse_data import PRODUCTS, case, gtin14, item, pallet


def _shipping_event(st) -> str:
    return [e for e in st.events() if e.payload.get("bizStep") == "shipping"][-1].event_id


def _ship(st, order: str, serials: range) -> str:
    """Ship the loose P1 items ``serials`` on ``order`` (closing it short if it asks)."""
    st.cmd("switch", f"ship:{order}")
    for serial in serials:
        st.scan(item("P1", serial))
    return st.finish().decision.message


def test_receiving_one_item(st):
    st.cmd("switch", "receive")
    st.scan(item("P1", 200))
    undone = st.cmd("undo").decision
    assert undone.reason == "receive.undone"
    assert undone.message == "Undone: {code} (1 item) is not received. Put it aside."
    st.scan(item("P1", 200))
    finished = st.finish().decision
    assert finished.reason == "receive.finished"
    assert finished.message == "Receipt closed: 1 item received."


def test_shipping_one_item_at_a_time(st):
    st.cmd("switch", "ship:SO-2")  # six P1
    st.scan(item("P1", 31))
    undone = st.cmd("undo").decision
    assert undone.reason == "ship.undone" and "(1 item) is off order" in undone.message
    st.scan(item("P1", 31))
    asked = st.cmd("finish").decision
    assert asked.reason == "wh.finish_short_asked" and asked.args["short"] == 5
    assert asked.message.startswith("{short} items are still missing")
    assert asked.args["lines"] == "Product P1 ×5"  # not "Product P1 5": the count stands apart
    first = st.cmd("finish").decision
    assert first.reason == "ship.shipped_partial" and first.args["remaining"] == 5
    assert first.message.startswith("Shipped 1 item to {dealer} (order {order}). {remaining} items")
    st.cmd("switch", "ship:SO-2")
    for serial in range(32, 36):
        st.scan(item("P1", serial))
    one_short = st.cmd("finish").decision
    assert one_short.message.startswith("1 item is still missing: {lines}.")
    second = st.cmd("finish").decision
    assert second.message.startswith("Shipped {items} items to {dealer} (order {order}). 1 item")
    last = _ship(st, "SO-2", range(36, 37))
    assert last == "Shipped 1 item to {dealer}: order {order} is complete."
    taken_back = st.cmd("undo").decision  # the last shipment back, its one item held again
    assert taken_back.reason == "ship.unfinished" and taken_back.args["remaining"] == 1
    assert "order {order} (1 item open)" in taken_back.message


def test_one_item_off_a_cancelled_order_line(st):
    started = st.cmd("switch", "ship:SO-1")
    st.scan(item("P2", 1))
    result = st.call(lambda conn: st.warehouse.cancel_line(conn, started.job.id, "P2"))
    assert result.decision.reason == "ship.line_cancelled" and result.decision.args["items"] == 1
    assert "1 item is off the order. Put it back in stock." in result.decision.message


def test_a_refused_shipment_settled_with_one_package_or_item_left(st):
    """What the two ways out of a shipment the server refused say (``conflicts``)."""
    _ship(st, "SO-2", range(31, 33))  # two of six: four stay open
    take_out = st.call(
        lambda conn: st.warehouse.take_out_of_shipment(
            conn, _shipping_event(st), [item("P1", 31).key]
        )
    ).decision
    assert take_out.reason == "wh.taken_out" and take_out.args["count"] == 1
    assert "; the other package is sent again. Order {order} is open for {remaining} items" in (
        take_out.message
    )
    _ship(st, "SO-2", range(33, 37))  # four more: one stays open
    reopened = st.call(
        lambda conn: st.warehouse.reopen_refused_shipment(conn, _shipping_event(st))
    ).decision
    assert reopened.reason == "wh.shipment_reopened"
    assert reopened.args["remaining"] == 5
    _ship(st, "SO-2", range(33, 37))
    _ship(st, "SO-2", range(37, 38))  # the last one: the order is complete
    alone = st.call(
        lambda conn: st.warehouse.take_out_of_shipment(
            conn, _shipping_event(st), [item("P1", 37).key]
        )
    ).decision
    assert alone.reason == "wh.taken_out" and alone.args["remaining"] == 1
    assert alone.message == (
        "{code} is out of shipment {job}; nothing else was in it. "
        "Order {order} is open for 1 item: ship it from other stock."
    )
    _ship(st, "SO-2", range(38, 39))
    back = st.call(
        lambda conn: st.warehouse.reopen_refused_shipment(conn, _shipping_event(st))
    ).decision
    assert back.reason == "wh.shipment_reopened" and back.args["remaining"] == 1
    assert back.message.endswith("Order {order} is open for 1 item: choose it and ship again.")


def test_a_return_of_one_item(st):
    _ship(st, "SO-2", range(31, 37))
    st.cmd("switch", "return:unsold")
    st.scan(item("P1", 31))
    undone = st.cmd("undo").decision
    assert undone.reason == "return.undone"
    assert undone.message == "Undone: {code} (1 item) is not taken back."
    st.scan(item("P1", 31))
    finished = st.finish().decision
    assert finished.message == "Return closed: 1 item taken back from {dealer}."


def test_a_stocktake_scan_of_one_item_undone(st):
    st.cmd("switch", "stocktake:A-01")
    st.scan(item("P1", 31))
    undone = st.cmd("undo").decision
    assert undone.reason == "stocktake.undone"
    assert undone.message == "Undone: {code} (1 item) is not counted."


def test_a_package_with_one_more_than_needed_or_one_thing_gone(st):
    """Refusals that count the things in a package: "1 more is needed", "1 of ... was"."""
    st.cmd("switch", "ship:SO-2")  # six P1
    for serial in range(31, 36):
        st.scan(item("P1", serial))
    over = st.scan(case("P1", 5)).decision
    assert over.reason == "ship.over" and over.args["remaining"] == 1
    assert "but only 1 more is needed. Scan a single item." in over.message
    st.cmd("cancel")
    st.cmd("confirm")
    for key, status, order in ((13, "shipped", None), (19, "allocated", "SO-1")):
        st.call(
            lambda conn, key=key, status=status, order=order: conn.execute(
                "UPDATE codes SET status = ?, order_id = ? WHERE key = ?",
                (status, order, item("P1", key).key),
            )
        )
    st.cmd("switch", "ship:SO-1")
    gone = st.scan(case("P1", 3)).decision
    assert gone.reason == "ship.partly_shipped" and gone.args["count"] == 1
    assert "1 of the things in it was already shipped" in gone.message
    scanned = st.scan(case("P1", 4)).decision
    assert scanned.reason == "ship.partly_scanned" and scanned.args["count"] == 1
    assert scanned.message.startswith("1 of the things in {code} is already scanned")


def test_a_package_with_one_thing_received_or_counted_already(st):
    st.cmd("switch", "receive")
    st.scan(item("P1", 100))  # one item of pallet 2's first case
    partly = st.scan(pallet(2)).decision
    assert partly.reason == "receive.partly" and partly.args["count"] == 1
    assert partly.message.startswith("1 of the things packed in {code} is already in stock")
    st.finish()
    st.cmd("switch", "stocktake:A-01")
    st.scan(case("P1", 1))
    counted = st.scan(pallet(1)).decision
    assert counted.reason == "stocktake.partly_counted" and counted.args["count"] == 1
    assert counted.message.startswith("1 of the things in {code} is already counted on its own")


def test_one_thing_taken_out_or_one_counted_is_undone(st):
    st.cmd("unpack")
    st.scan(item("P1", 1))  # out of its case
    undone = st.cmd("undo").decision
    assert undone.reason == "unpack.undone" and undone.args["count"] == 1
    assert undone.message == "Undone: 1 back in {parent}. Put it back in the package."
    st.cmd("switch", "stocktake:A-01")
    st.scan(parse(gtin14("0", PRODUCTS["P2"])[1:]))  # a product barcode, then how many
    st.call(lambda conn: st.warehouse.quantity(conn, 1))
    taken_back = st.cmd("undo").decision
    assert taken_back.reason == "wh.quantity_undone"
    assert taken_back.message == "Undone: 1 × {product} is not counted."
