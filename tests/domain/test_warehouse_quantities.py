"""Goods without a serial: the product's shop barcode (EAN), then how many (issue 15, item 4).

Before, a product barcode was refused on every flow ("scan the code with the serial number"),
so cartons of accessories with no unique code could not be received, shipped, counted or
taken back at all.
"""

from app.domain.codes import parse
from app.domain.workflows.base import Outcome
from tests.support.warehouse_data import PRODUCTS, gtin14, item


def ean(product: str):
    return parse(gtin14("0", PRODUCTS[product])[1:])  # the 13-digit EAN printed on the carton


def number(n: int):
    return parse(str(n))  # a quantity typed on the keyboard or scanned from a number sheet


def test_receive_a_product_barcode_then_a_quantity(st):
    st.cmd("switch", "receive:IN-1")
    asked = st.scan(ean("P1"))
    assert asked.decision.reason == "wh.quantity_asked" and asked.pending == "quantity"
    assert asked.decision.args == {"product": "Product P1"}
    counted = st.scan(number(12))
    assert counted.decision.reason == "wh.quantity_counted" and counted.pending is None
    assert counted.decision.args["scanned"] == 12 and counted.decision.args["expected"] == 24
    event = st.events()[-1]
    assert event.payload["bizStep"] == "receiving" and event.payload["epcList"] == []
    gtin = gtin14("0", PRODUCTS["P1"])
    assert event.payload["quantityList"] == [
        {"epcClass": f"gtin:{gtin}", "quantity": 12, "uom": "EA"}
    ]
    undone = st.cmd("undo")
    assert undone.decision.reason == "wh.quantity_undone" and undone.job.scanned == 0
    assert st.events()[-1].payload["bizStep"] == "void_receiving"


def test_the_page_types_the_quantity(st):
    st.cmd("switch", "stocktake:A-01")
    st.scan(ean("P2"))
    counted = st.call(lambda conn: st.warehouse.quantity(conn, 7))
    assert counted.decision.reason == "wh.quantity_counted"
    assert {line.product_id: line.scanned for line in counted.job.lines}["P2"] == 7
    assert st.call(lambda conn: st.warehouse.quantity(conn, 7)).decision.reason == (
        "wh.no_quantity_asked"
    )


def test_any_other_scan_instead_of_a_quantity_goes_on(st):
    st.cmd("switch", "receive")
    st.scan(ean("P1"))
    other = st.scan(item("P1", 200))
    assert other.decision.reason == "receive.ok_free" and other.pending is None
    assert st.scan(number(5)).decision.reason == "unknown_format"  # no product asked for


def test_ship_checks_the_order_lines_and_ships_the_quantity(st):
    st.cmd("switch", "ship:SO-2")
    st.scan(ean("P1"))
    over = st.scan(number(7))  # SO-2 wants 6 × P1
    assert over.decision.reason == "ship.over" and over.decision.outcome is Outcome.ERROR
    st.scan(ean("P2"))
    assert st.scan(number(1)).decision.reason == "ship.wrong_product"
    st.scan(ean("P1"))
    assert st.scan(number(6)).decision.reason == "wh.quantity_counted"
    shipped = st.cmd("finish")
    assert shipped.decision.reason == "ship.shipped"
    event = st.events()[-1]
    assert event.payload["bizStep"] == "shipping" and event.payload["epcList"] == []
    assert event.payload["quantityList"][0]["quantity"] == 6


def test_returns_and_cancel_line_take_quantities_back(st):
    st.cmd("switch", "ship:SO-1")
    st.scan(ean("P2"))
    st.scan(number(3))
    cancelled = st.call(lambda conn: st.warehouse.cancel_line(conn, open_ship_job(st), "P2"))
    assert (
        cancelled.decision.reason == "ship.line_cancelled" and cancelled.decision.args["items"] == 3
    )
    st.cmd("switch", "return:damaged")
    st.scan(ean("P1"))
    back = st.scan(number(2))
    assert back.decision.reason == "wh.quantity_counted"
    assert st.events()[-1].payload["bizStep"] == "returning"


def test_packing_still_wants_unique_codes(st):
    assert st.scan(ean("P1")).decision.reason == "wh.not_serialized"


def open_ship_job(st) -> str:
    return st.read("SELECT id FROM wh_jobs WHERE flow = 'ship' AND status = 'open'")[0][0]
