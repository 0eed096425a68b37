"""Per-operator counts for the day, for supervisors (issue 15, item 5)."""

import datetime as dt

import pytest

from app.domain.workflows.base import Actor
from app.domain.workflows.warehouse import Warehouse
from app.domain.workflows.warehouse.day import OperatorDay, day_bounds, operator_day
from tests.support.warehouse_data import case, command, item

pytestmark = pytest.mark.warehouse_station(operator="wu")


def test_scans_cases_packed_and_shipments_per_operator(st):
    st.scan(case("P1", 90))  # wu packs a case of 6 new items: 6 scans, 1 case
    for n in range(300, 306):
        st.scan(item("P1", n))
    li = Warehouse(Actor("li", station="ST-TEST", language="en"))
    li_scan = lambda code: st.call(li.scan_action(code))  # noqa: E731
    li_scan(command("switch", "ship:SO-2"))
    li_scan(case("P1", 5))  # li ships SO-2 whole: 1 scan, 1 shipment
    li_scan(command("finish"))
    li_scan(command("switch", "ship:SO-1"))
    li_scan(item("P2", 1))
    li_scan(item("P2", 2))
    li_scan(command("undo"))  # an undone scan is not work done
    start, end = day_bounds(dt.date.today())
    day = st.call(lambda conn: operator_day(conn, start, end))
    assert day == [
        OperatorDay("wu", "wu", scans=6, cases_packed=1, shipments=0),
        OperatorDay("li", "li", scans=2, cases_packed=0, shipments=1),
    ]
    yesterday = day_bounds(dt.date.today() - dt.timedelta(days=1))
    assert st.call(lambda conn: operator_day(conn, *yesterday)) == []
