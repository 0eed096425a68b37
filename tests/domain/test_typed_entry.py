"""A code typed by hand is marked so in the journal and on the paperwork (issue 11, item 3).

Before, a typed code and one read off the item left the same record, so nobody could tell
later which labels were unreadable. Now the writer action of a typed code marks every event it
appends (``entry: typed``), and the job's paper says "typed by hand" beside the code.
"""

from __future__ import annotations

from app.domain.codes.display import readable
from app.domain.store.database import connect
from app.domain.workflows.base import typed
from app.domain.workflows.paperwork import build_document
from tests.support.warehouse_data import Station, item


def test_a_typed_code_is_marked_in_the_journal_and_on_the_paper(tmp_path):
    st = Station(tmp_path)
    try:
        st.cmd("switch", "receive:IN-1")
        st.scan(item("P1", 200))  # read off the item by the gun
        st.call(typed(st.warehouse.scan_action(item("P1", 201))))  # its label was damaged
        received = [e for e in st.events() if e.payload.get("epcList")]
        assert [e.payload.get("entry") for e in received[-2:]] == [None, "typed"]
        job_id = st.read("SELECT id FROM wh_jobs")[0]["id"]
        conn = connect(st.path, readonly=True)
        try:
            codes = build_document(conn, job_id, "en").tables[1]
        finally:
            conn.close()
        assert codes.columns[-1] == "Entered"
        entered = {row[0]: row[-1] for row in codes.rows}
        assert entered == {
            readable(item("P1", 200).key): "scanned",
            readable(item("P1", 201).key): "typed by hand",
        }
    finally:
        st.stop()


def test_the_mark_ends_with_its_action(tmp_path):
    st = Station(tmp_path)
    try:
        st.cmd("switch", "receive:IN-1")
        st.call(typed(st.warehouse.scan_action(item("P1", 202))))
        st.scan(item("P1", 203))
        last = [e for e in st.events() if e.payload.get("epcList")][-1]
        assert "entry" not in last.payload
    finally:
        st.stop()
