"""FINISH on a short receipt or shipment asks, records what was short and offers the rest as a
backorder; UNDO right after FINISH reopens the job (issue 15, item 1).

Before: at 960/1080 one FINISH closed the delivery 120 short without asking, and UNDO said
"nothing to undo".
"""

from app.domain.workflows.base import Outcome
from tests.support.warehouse_data import case, item


def test_a_short_receipt_asks_and_any_other_scan_goes_on(st):
    st.cmd("switch", "receive:IN-1")
    st.scan(case("P1", 11))
    asked = st.cmd("finish")
    assert asked.decision.reason == "wh.finish_short_asked"
    assert asked.decision.args == {"short": 18, "lines": "Product P1 ×18"}
    assert asked.job.status == "open" and asked.pending == "finish"
    goes_on = st.scan(case("P1", 12))
    assert goes_on.decision.reason == "receive.ok" and goes_on.pending is None
    again = st.cmd("finish")  # a new question: the earlier answer was "no"
    assert again.decision.reason == "wh.finish_short_asked" and again.decision.args["short"] == 12


def test_confirm_closes_short_records_it_and_makes_a_backorder(st):
    st.cmd("switch", "receive:IN-1")
    st.scan(case("P1", 11))
    st.cmd("finish")
    closed = st.cmd("confirm")
    assert closed.decision.reason == "receive.finished_short"
    assert closed.decision.outcome is Outcome.DONE and closed.job.status == "done"
    short = st.read("SELECT product_id, expected, scanned, backorder_id FROM wh_shortfalls")
    assert [tuple(r) for r in short] == [("P1", 24, 6, "IN-1-BO1")]
    backorder = st.read("SELECT reference, status FROM wh_inbound WHERE id = 'IN-1-BO1'")
    assert tuple(backorder[0]) == ("ASN-001-BO1", "open")
    lines = st.read("SELECT product_id, qty FROM wh_inbound_lines WHERE inbound_id = 'IN-1-BO1'")
    assert [tuple(r) for r in lines] == [("P1", 18)]
    rest = st.cmd("switch", "receive:IN-1-BO1")  # the rest arrives later, against the backorder
    assert rest.decision.reason == "receive.started" and rest.job.expected == 18
    assert st.scan(case("P1", 12)).decision.reason == "receive.ok"


def test_a_complete_receipt_does_not_ask(st):
    st.cmd("switch", "receive:IN-1")
    for c in range(11, 15):
        st.scan(case("P1", c))
    assert st.cmd("finish").decision.reason == "receive.finished"


def test_undo_right_after_finish_reopens_the_receipt(st):
    st.cmd("switch", "receive:IN-1")
    st.scan(case("P1", 11))
    st.finish()
    undone = st.cmd("undo")
    assert undone.decision.reason == "receive.unfinished"
    assert undone.job.status == "open" and undone.job.scanned == 6  # the scans still count
    assert st.read("SELECT status FROM wh_inbound WHERE id = 'IN-1'")[0][0] == "open"
    assert st.read("SELECT count(*) FROM wh_inbound WHERE id = 'IN-1-BO1'")[0][0] == 0
    assert st.read("SELECT count(*) FROM wh_shortfalls")[0][0] == 0
    assert st.scan(case("P1", 12)).decision.reason == "receive.ok"
    assert st.cmd("undo").decision.reason == "receive.undone"  # then UNDO takes scans back again


def test_a_short_shipment_asks_then_ships_the_rest_as_a_backorder(st):
    st.cmd("switch", "ship:SO-2")
    st.scan(item("P1", 31))
    asked = st.cmd("finish")
    assert asked.decision.reason == "wh.finish_short_asked" and asked.decision.args["short"] == 5
    assert not [e for e in st.events() if e.payload.get("bizStep") == "shipping"]
    shipped = st.cmd("finish")
    assert shipped.decision.reason == "ship.shipped_partial"
    assert shipped.decision.args["remaining"] == 5
    short = st.read("SELECT product_id, expected, scanned, backorder_id FROM wh_shortfalls")
    assert [tuple(r) for r in short] == [("P1", 6, 1, "SO-2")]
    assert st.read("SELECT status FROM orders WHERE id = 'SO-2'")[0][0] == "partial"


def test_undo_right_after_a_shipment_takes_it_back(st):
    st.cmd("switch", "ship:SO-2")
    st.scan(case("P1", 5))
    shipped = st.finish()
    assert shipped.decision.reason == "ship.shipped"
    assert st.code(item("P1", 25))["status"] == "shipped"
    undone = st.cmd("undo")
    assert undone.decision.reason == "ship.unfinished" and undone.job.status == "open"
    assert st.code(case("P1", 5))["status"] == "allocated"
    assert st.code(item("P1", 25))["status"] == "allocated"
    assert st.read("SELECT status FROM orders WHERE id = 'SO-2'")[0][0] == "open"
    shipping, voided = [e for e in st.events() if "shipping" in e.payload.get("bizStep", "")]
    assert voided.payload["bizStep"] == "void_shipping"
    assert voided.payload["yima:compensates"] == shipping.event_id
    assert st.cmd("undo").decision.reason == "ship.undone"  # and then the last scan
    again = st.cmd("switch", "ship:SO-2")
    assert again.decision.reason == "ship.resumed"


def test_undo_does_not_reopen_an_old_finish(st):
    st.cmd("switch", "ship:SO-2")
    st.scan(case("P1", 5))
    st.finish()
    st.call(
        lambda conn: conn.execute(
            "UPDATE wh_jobs SET finished_at = '2020-01-01T00:00:00.000+00:00' WHERE flow = 'ship'"
        )
    )
    assert st.cmd("undo").decision.reason == "wh.nothing_to_undo"
    assert st.code(item("P1", 25))["status"] == "shipped"
