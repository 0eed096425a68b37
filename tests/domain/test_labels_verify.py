"""Print-and-verify: after a package closes, its new label is scanned back before anything
else counts (a label roll out of step is caught at the first package, not at the customer)."""

from __future__ import annotations

import pytest

from app.domain.workflows.base import Outcome
from app.domain.workflows.warehouse import Actor, Warehouse
from tests.support.warehouse_data import case, item


@pytest.fixture
def checked(st):
    """The station with case labels checked after printing."""
    st.warehouse = Warehouse(Actor("op1", station="ST-TEST", language="en"), {"case"})
    return st


def fill_case(st, n: int = 90, first: int = 31):
    st.scan(case("P1", n))
    for serial in range(first, first + 5):
        st.scan(item("P1", serial))
    return st.scan(item("P1", first + 5))


def test_a_full_case_waits_for_its_label(checked):
    full = fill_case(checked)
    assert full.decision.reason == "pack.full" and full.pending == "verify_label"
    assert "scan it to check it" in full.decision.message
    before = len(checked.events())
    wrong = checked.scan(case("P1", 91))  # the next label, stuck on before this one was checked
    assert wrong.decision.outcome is Outcome.ERROR
    assert wrong.decision.reason == "pack.verify_label"
    assert wrong.decision.args == {"parent": "000090", "code": "000091"}
    assert wrong.pending == "verify_label" and wrong.job.parent_key == case("P1", 90).key
    assert len(checked.events()) == before  # nothing started, nothing recorded
    assert checked.scan(item("P1", 37)).decision.reason == "pack.verify_label"
    ok = checked.scan(case("P1", 90))
    assert ok.decision.reason == "pack.label_verified" and ok.pending is None
    assert checked.scan(case("P1", 91)).decision.reason == "pack.case_started"


def test_reprint_keeps_the_wait_and_names_the_package(checked):
    fill_case(checked)
    again = checked.cmd("reprint")
    assert again.decision.reason == "pack.reprint"
    assert again.job.parent_key == case("P1", 90).key and again.pending == "verify_label"
    assert checked.scan(case("P1", 90)).decision.reason == "pack.label_verified"


def test_a_finished_short_case_waits_too_and_cancel_skips_the_check(checked):
    checked.scan(case("P1", 90))
    checked.scan(item("P1", 31))
    finished = checked.cmd("finish")
    assert finished.decision.reason == "pack.finished" and finished.pending == "verify_label"
    state = checked.call(checked.warehouse.state)  # after a restart the page asks again
    assert state.pending == "verify_label" and state.job.parent_key == case("P1", 90).key
    skipped = checked.cmd("cancel")
    assert skipped.decision.reason == "pack.label_check_skipped"
    assert skipped.decision.outcome is Outcome.WARNING and skipped.pending is None


def test_levels_not_checked_go_straight_on(st):
    full = fill_case(st)
    assert full.pending is None
    assert st.scan(case("P1", 91)).decision.reason == "pack.case_started"


def test_reprint_with_nothing_closed_says_so(checked):
    assert checked.cmd("reprint").decision.reason == "pack.nothing_to_reprint"


def test_undo_while_waiting_reopens_the_case_and_the_next_close_asks_again(checked):
    fill_case(checked)
    undone = checked.cmd("undo")
    assert undone.decision.reason == "pack.undone" and undone.pending is None
    assert undone.job.status == "open" and undone.job.scanned == 5
    again = checked.scan(item("P1", 36))
    assert again.decision.reason == "pack.full" and again.pending == "verify_label"
