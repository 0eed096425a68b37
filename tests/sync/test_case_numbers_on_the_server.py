"""The server takes the inspector's readable case numbers, and the older long ids, as they come."""

from __future__ import annotations

from app.domain.workflows.inspector.case_numbers import new_case_number
from sync.server import admin
from tests.support.sync_data import enroll_station, event, seed_sample


def test_a_readable_case_number_and_an_old_case_id_are_both_accepted(central):
    sample = seed_sample(central.server)
    api = enroll_station(central, "insp-1", site="W1")
    readable = new_case_number()

    def case(seq: int, case_id: str, code: str):
        return event("insp-1", seq, "DiversionCaseEvent", {"bizStep": "inspecting",
                     "case_id": case_id, "code": code, "region_id": "R-ZJ"})  # fmt: skip

    results = api.push(
        [case(1, readable, sample.items[0]), case(2, "case-f7e6a5157e4043e9", sample.items[1])]
    )
    assert [r["status"] for r in results] == ["accepted", "accepted"]
    assert results[0]["detail"]["case_id"] == readable
    admin.set_case_status(central.server, readable, "investigating")
    with central.server.db.transaction() as tx:
        rows = tx.rows("SELECT case_id, status FROM diversion_cases ORDER BY opened_at, case_id")
    assert dict(rows) == {
        readable: "investigating",
        "case-f7e6a5157e4043e9": "open",
    }
    assert api.push([case(3, readable, sample.items[2])])[0]["reason"] == "case.id_reused"
