"""One ``Actor`` and one ``station_id`` for every workflow.

Before, the warehouse wrote the operator's *name* into the journal's ``operator`` field while
the counter and inspector wrote the *id*, and the warehouse signed its events with the
database's own station id while the counter used the enrolled one. These tests fail on that
code: the journal holds the id everywhere, the paperwork still prints the name (also for jobs
written the old way), and one station id serves every workflow.
"""

from __future__ import annotations

import json

import pytest

from app.domain.store.database import connect, station_id
from app.domain.workflows.base import Actor
from app.domain.workflows.paperwork import build_document
from app.domain.workflows.warehouse import Warehouse, reports
from tests.support.warehouse_data import Station, item


@pytest.fixture
def st(tmp_path):
    station = Station(tmp_path)
    station.call(
        lambda conn: conn.execute(
            "INSERT INTO operators (id, name, role, pin_hash) VALUES ('op-7', 'Wu Hua', 'warehouse', '')"
        )
    )
    station.warehouse = Warehouse(Actor("op-7", "Wu Hua", language="en"))
    yield station
    station.stop()


def _put(st, key, value):
    st.call(
        lambda conn: conn.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, json.dumps(value))
        )
    )


def test_warehouse_events_carry_the_operator_id_and_the_paper_prints_the_name(st):
    st.cmd("switch", "receive:IN-1")
    st.scan(item("P1", 200))
    received = [e for e in st.events() if e.operator]
    assert received and {e.operator for e in received} == {"op-7"}
    job_id = st.read("SELECT id FROM wh_jobs")[0]["id"]
    conn = connect(st.path, readonly=True)
    try:
        document = build_document(conn, job_id, "en")
        summaries = reports.job_summaries(conn, open_jobs=True, language="en")
    finally:
        conn.close()
    assert ("Operator", "Wu Hua") in document.fields
    assert summaries[0].operator == "Wu Hua"


def test_a_job_written_with_the_name_still_reads(st):
    st.cmd("switch", "receive:IN-1")
    st.call(lambda conn: conn.execute("UPDATE wh_jobs SET operator = 'Old Name'"))
    conn = connect(st.path, readonly=True)
    try:
        job_id = conn.execute("SELECT id FROM wh_jobs").fetchone()[0]
        assert ("Operator", "Old Name") in build_document(conn, job_id, "en").fields
    finally:
        conn.close()


def test_one_station_id_the_enrolled_one_once_enrolled(st):
    conn = connect(st.path, readonly=True)
    own = station_id(conn)
    assert own.startswith("ST-")
    _put(st, "sync.station_id", "S-ENROLLED")
    assert station_id(conn) == "S-ENROLLED"
    _put(st, "sync.whoami", {"station_id": "S-WHOAMI", "dealer_id": "D1"})
    assert station_id(conn) == "S-WHOAMI"
    conn.close()
    st.warehouse = Warehouse(Actor("op-7", "Wu Hua", language="en"))
    st.cmd("switch", "receive:IN-1")
    st.scan(item("P1", 201))
    assert {e.station for e in st.events()} == {"S-WHOAMI"}
