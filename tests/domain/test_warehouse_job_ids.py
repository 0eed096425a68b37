"""Job ids cannot collide: a per-station counter in the store plus the station's id.

The old ids (``PK-yymmdd-<6 hex>``) collided 16 times in 20,000 ``create_job``
calls, as the birthday bound predicts; this test failed on them.
"""

import pytest

from app.domain.store.writer import Writer
from app.domain.workflows.base import Actor
from app.domain.workflows.warehouse import Flow
from app.domain.workflows.warehouse.desk import Desk
from app.domain.workflows.warehouse.jobs import job_id
from tests.support.warehouse_data import case

pytestmark = pytest.mark.warehouse_station(station="ST-7F3A01C2")


def test_twenty_thousand_jobs_no_collision_and_deterministic(st):
    def make(conn):
        desk = Desk(conn, Actor("op1", station="ST-7F3A01C2"))
        return [desk.create_job(Flow.PACK, unit="item").id for _ in range(20_000)]

    ids = st.call(make)
    assert len(set(ids)) == 20_000
    assert ids[:2] == ["PK-7F3A01C2-0001", "PK-7F3A01C2-0002"]
    assert ids[-1] == "PK-7F3A01C2-20000"
    assert st.read("SELECT count(*) FROM wh_jobs")[0][0] == 20_000


def test_the_counter_is_shared_by_flows_and_survives_a_restart(st):
    first = st.scan(case("P1", 90)).job.id
    ship = st.cmd("switch", "ship:SO-1").job.id
    st.writer.stop()
    st.writer = Writer(st.path)
    st.writer.start()
    again = st.cmd("switch", "receive:IN-1").job.id
    assert (first, ship, again) == (
        "PK-7F3A01C2-0001",
        "SH-7F3A01C2-0002",
        "RC-7F3A01C2-0003",
    )


def test_two_stations_never_share_an_id():
    assert job_id(Flow.SHIP, "ST-AAAA0001", 42) != job_id(Flow.SHIP, "ST-AAAA0002", 42)
    assert job_id(Flow.SHIP, "ST-AAAA0001", 42) == "SH-AAAA0001-0042"
