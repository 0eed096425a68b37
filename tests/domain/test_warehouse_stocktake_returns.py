"""Stocktake against what the station believes, and returns from dealers with a reason."""

from app.domain.store.database import connect
from app.domain.workflows.base import Outcome
from app.domain.workflows.warehouse.reports import expected_at_location, stocktake_report
from tests.support.warehouse_data import case, item, pallet


def _report(st, job_id):
    conn = connect(st.path, readonly=True)
    try:
        return stocktake_report(conn, job_id)
    finally:
        conn.close()


def test_expected_stock_per_location(st):
    conn = connect(st.path, readonly=True)
    assert expected_at_location(conn, "A-01") == {"P1": 24}
    # the main store holds everything in stock without a place: case 5, items 31-40, P2 1-10
    assert expected_at_location(conn, "MAIN") == {"P1": 16, "P2": 10}
    conn.close()


def test_stocktake_reports_missing_and_extra(st):
    started = st.cmd("switch", "stocktake:A-01")
    assert {line.product_id: line.expected for line in started.job.lines} == {"P1": 24}
    for n in (1, 2, 3):
        assert st.scan(case("P1", n)).decision.outcome is Outcome.OK
    assert st.scan(item("P1", 1)).decision.reason == "stocktake.duplicate"
    assert st.scan(pallet(1)).decision.reason == "stocktake.partly_counted"
    elsewhere = st.scan(item("P1", 31))
    assert elsewhere.decision.reason == "stocktake.elsewhere"
    assert (
        st.read("SELECT location_id FROM wh_code_locations WHERE key = ?", item("P1", 31).key)[0][0]
        == "A-01"
    )
    event = st.events()[-1]
    assert event.payload["bizStep"] == "cycle_counting" and event.payload["bizLocation"] == "A-01"
    job_id = elsewhere.job.id
    finished = st.finish()
    assert finished.decision.reason == "stocktake.finished_diff"
    assert (finished.decision.args["missing"], finished.decision.args["extra"]) == (6, 1)
    report = _report(st, job_id)
    assert sorted(d.key for d in report.missing) == sorted(item("P1", n).key for n in range(19, 25))
    assert [d.key for d in report.extra] == [item("P1", 31).key]


def test_stocktake_of_shipped_or_unknown_goods_warns(st):
    st.cmd("switch", "ship:SO-2")
    st.scan(case("P1", 5))
    st.finish()
    st.cmd("switch", "stocktake")
    assert st.scan(case("P1", 5)).decision.reason == "stocktake.not_in_stock"
    assert st.scan(item("P1", 200)).decision.reason == "stocktake.not_received"
    assert st.scan(item("P1", 6000)).decision.reason == "stocktake.unverified"


def test_stocktake_undo_restores_the_place(st):
    st.cmd("switch", "stocktake:A-01")
    st.scan(item("P1", 31))
    undone = st.cmd("undo")
    assert undone.decision.reason == "stocktake.undone"
    assert not st.read("SELECT 1 FROM wh_code_locations WHERE key = ?", item("P1", 31).key)
    assert st.events()[-1].payload["bizStep"] == "void_cycle_counting"


def _ship_case5_to_d2(st):
    st.cmd("switch", "ship:SO-2")
    st.scan(case("P1", 5))
    st.finish()


def test_damaged_returns_go_to_quarantine_and_never_ship_again(st):
    _ship_case5_to_d2(st)
    st.cmd("switch", "return:damaged")
    back = st.scan(case("P1", 5))
    assert back.decision.reason == "return.quarantine"
    row = st.code(item("P1", 26))
    assert (row["status"], row["dealer_id"], row["order_id"]) == ("quarantine", None, None)
    event = st.events()[-1]
    assert event.payload["bizStep"] == "returning" and event.payload["yima:reason"] == "damaged"
    assert {"type": "owning_party", "source": "D2"} in event.payload["sourceList"]
    assert back.job.dealer_id == "D2"
    assert st.scan(item("P1", 26)).decision.reason == "return.duplicate"
    st.finish()
    st.cmd("switch", "ship:SO-1")
    assert st.scan(item("P1", 26)).decision.reason == "ship.quarantine"


def test_unsold_returns_go_back_in_stock_and_undo_restores(st):
    _ship_case5_to_d2(st)
    st.cmd("switch", "return:unsold")
    st.scan(item("P1", 27))  # one item out of the shipped case: taken out of it
    assert st.code(item("P1", 27))["status"] == "in_stock"
    assert st.code(item("P1", 27))["parent_key"] is None
    undone = st.cmd("undo")
    assert undone.decision.reason == "return.undone"
    row = st.code(item("P1", 27))
    assert (row["status"], row["dealer_id"], row["parent_key"]) == (
        "shipped",
        "D2",
        case("P1", 5).key,
    )


def test_return_refusals(st):
    _ship_case5_to_d2(st)
    st.cmd("switch", "ship:SO-1")
    st.scan(item("P2", 1))
    st.finish()
    st.cmd("switch", "return")
    assert st.scan(item("P1", 31)).decision.reason == "return.not_shipped"
    st.scan(item("P1", 25))
    other = st.scan(item("P2", 1))
    assert other.decision.reason == "return.other_dealer"
    assert st.cmd("switch", "return:lost").decision.reason == "return.unknown_reason"
