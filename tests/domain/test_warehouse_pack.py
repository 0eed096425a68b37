"""Packing, unpacking and relabelling through the writer on a real station database."""

import pytest

from app.domain.store import journal
from app.domain.workflows.base import Outcome
from tests.support.warehouse_data import case, item, pallet


def test_a_case_fills_from_its_product_and_closes_itself(st):
    first = st.scan(case("P1", 90))
    assert first.decision.outcome is Outcome.OK and first.job.capacity == 6
    before = len(st.events())
    for n in range(31, 36):
        result = st.scan(item("P1", n))
        assert result.decision.outcome is Outcome.OK, result.decision
    full = st.scan(item("P1", 36))
    assert full.decision.outcome is Outcome.DONE and full.decision.reason == "pack.full"
    assert full.job.status == "done" and full.job.closed_by == "full"
    events = st.events()[before:]
    assert [e.type for e in events] == ["AggregationEvent"] * 6
    assert (
        events[-1].payload["action"] == "ADD"
        and events[-1].payload["parentID"] == case("P1", 90).key
    )
    assert events[-1].payload["childEPCs"] == [item("P1", 36).key]
    assert full.decision.event_seq == events[-1].seq
    assert st.code(item("P1", 31))["parent_key"] == case("P1", 90).key
    # the next label starts the next job at once
    nxt = st.scan(case("P1", 91))
    assert nxt.decision.reason == "pack.case_started" and nxt.job.id != full.job.id


def test_a_pallet_takes_cases(st):
    st.scan(pallet(77))  # an SSCC never seen: accepted as unverified
    result = st.scan(case("P1", 90))
    assert result.decision.outcome is Outcome.OK
    assert result.job.capacity == 4 and result.job.product_id == "P1"
    assert st.code(pallet(77))["verified"] == 0


@pytest.mark.parametrize(
    ("setup", "code", "reason"),
    [
        ([], item("P1", 31), "pack.need_parent"),
        ([case("P1", 90)], pallet(1), "pack.level_mismatch"),
        ([case("P1", 90)], case("P1", 91), "pack.level_mismatch"),
        ([pallet(77)], item("P1", 31), "pack.level_mismatch"),
        ([case("P1", 90)], item("P2", 1), "pack.product_mix"),
        ([case("P1", 90)], case("P1", 90), "pack.same_as_parent"),
        ([case("P1", 1)], None, None),
    ],
)
def test_refusals_change_nothing(st, setup, code, reason):
    for c in setup:
        st.scan(c)
    if code is None:  # case 1 is full already (6 of 6): refused before a job starts
        code, reason = case("P1", 1), "pack.parent_full"
        st.scan(item("P1", 31))
    before = len(st.events())
    result = st.scan(code)
    assert result.decision.outcome is Outcome.ERROR
    assert result.decision.reason == reason
    assert result.decision.event_seq is None
    assert len(st.events()) == before


def test_duplicate_child_counts_once(st):
    st.scan(case("P1", 90))
    st.scan(item("P1", 31))
    again = st.scan(item("P1", 31))
    assert again.decision.reason == "pack.duplicate"
    assert again.job.scanned == 1


def test_mixing_allowed_by_setting(st):
    st.set_setting("warehouse.allow_mix", True)
    st.scan(case("P1", 90))
    assert st.scan(item("P2", 1)).decision.outcome is Outcome.OK


def test_shipped_parent_and_child_are_refused(st):
    st.cmd("switch", "ship:SO-1")
    st.scan(case("P1", 5))
    st.finish()
    st.cmd("switch", "pack")
    assert st.scan(case("P1", 5)).decision.reason == "pack.parent_shipped"
    st.scan(case("P1", 90))
    assert st.scan(item("P1", 25)).decision.reason == "wh.shipped"


def test_child_in_another_case_moves_on_a_second_scan(st):
    st.scan(case("P1", 90))
    offer = st.scan(item("P1", 1))
    assert offer.decision.reason == "pack.in_other_parent" and offer.pending == "move"
    assert st.code(item("P1", 1))["parent_key"] == case("P1", 1).key
    moved = st.scan(item("P1", 1))
    assert moved.decision.reason == "pack.moved"
    assert st.code(item("P1", 1))["parent_key"] == case("P1", 90).key
    last_two = st.events()[-2:]
    assert [e.payload["action"] for e in last_two] == ["DELETE", "ADD"]
    assert last_two[0].payload["parentID"] == case("P1", 1).key
    # undo puts it back where it came from
    undone = st.cmd("undo")
    assert undone.decision.reason == "pack.undone_move"
    assert st.code(item("P1", 1))["parent_key"] == case("P1", 1).key


def test_move_by_confirm_command_and_by_move_command(st):
    st.scan(case("P1", 90))
    st.scan(item("P1", 1))
    assert st.cmd("confirm").decision.reason == "pack.moved"
    assert st.cmd("move").decision.reason == "pack.move_armed"
    assert st.scan(item("P1", 2)).decision.reason == "pack.moved"
    # an offered move lapses when something else is scanned
    st.scan(item("P1", 3))
    st.scan(item("P1", 31))
    assert st.cmd("confirm").decision.reason == "wh.nothing_to_confirm"
    assert st.code(item("P1", 3))["parent_key"] == case("P1", 1).key


def test_unknown_child_is_unverified_unless_strict(st):
    st.scan(case("P1", 90))
    result = st.scan(item("P1", 5000))
    assert result.decision.outcome is Outcome.WARNING
    assert st.code(item("P1", 5000))["verified"] == 0
    st.set_setting("warehouse.strict", True)
    refused = st.scan(item("P1", 5001))
    assert refused.decision.reason == "wh.unknown_strict"
    assert not st.read("SELECT 1 FROM codes WHERE key = ?", item("P1", 5001).key)


def test_undo_is_a_compensating_event_and_reopens_a_full_case(st):
    st.scan(case("P1", 90))
    for n in range(31, 37):
        st.scan(item("P1", n))
    count = len(st.events())
    undone = st.cmd("undo")
    assert undone.decision.reason == "pack.undone"
    assert undone.job.status == "open" and undone.job.scanned == 5
    events = st.events()
    assert len(events) == count + 1  # nothing deleted, one event added
    assert events[-1].payload["action"] == "DELETE"
    assert events[-1].payload["yima:compensates"] == events[-2].event_id
    assert st.code(item("P1", 36))["parent_key"] is None
    assert st.scan(item("P1", 36)).decision.reason == "pack.full"
    assert st.call(journal.verify_chain).ok


def test_cancel_asks_then_takes_everything_back(st):
    st.scan(case("P1", 90))
    st.scan(item("P1", 31))
    st.scan(item("P1", 32))
    asked = st.cmd("cancel")
    assert asked.decision.outcome is Outcome.WARNING and asked.pending == "cancel"
    done = st.cmd("cancel")
    assert done.decision.reason == "wh.cancelled" and done.decision.args["count"] == 2
    assert done.job.status == "cancelled"
    assert st.code(item("P1", 31))["parent_key"] is None
    # a scan between the two cancels means "no"
    st.scan(case("P1", 91))
    st.scan(item("P1", 33))
    st.cmd("cancel")
    st.scan(item("P1", 34))
    assert st.cmd("confirm").decision.reason == "wh.nothing_to_confirm"


def test_one_scan_or_label_is_said_in_the_singular(st):
    """Screenshot review: "1 scans"; the English message for one names it alone."""
    st.scan(case("P1", 90))
    st.scan(item("P1", 31))
    st.cmd("cancel")
    done = st.cmd("cancel")
    assert done.decision.reason == "wh.cancelled" and done.decision.args["count"] == 1
    assert "1 scan taken back" in done.decision.message
    st.cmd("relabel")
    st.scan(item("P1", 32))
    st.scan(item("P1", 778))
    finished = st.finish()
    assert finished.decision.reason == "relabel.finished"
    assert finished.decision.message == "Relabelling finished: 1 label replaced."


def test_finish_closes_a_case_short(st):
    st.scan(case("P1", 90))
    st.scan(item("P1", 31))
    result = st.finish()
    assert result.decision.outcome is Outcome.DONE and result.decision.args["count"] == 1
    assert result.job.status == "done" and result.job.closed_by == "finish"


def test_unpack_one_thing_or_a_whole_package(st):
    st.cmd("unpack")
    out = st.scan(item("P1", 1))
    assert out.decision.reason == "unpack.taken_out"
    assert st.code(item("P1", 1))["parent_key"] is None
    opened = st.scan(pallet(1))
    assert opened.decision.reason == "unpack.opened" and opened.pending == "unpack_all"
    taken = st.scan(case("P1", 4))  # a case taken off the opened pallet, not emptied itself
    assert taken.decision.reason == "unpack.taken_out"
    assert st.code(case("P1", 4))["parent_key"] is None
    assert st.code(item("P1", 24))["parent_key"] == case("P1", 4).key
    emptied = st.scan(pallet(1))
    assert emptied.decision.reason == "unpack.emptied" and emptied.decision.args["count"] == 3
    assert st.events()[-1].payload["childEPCs"] == sorted(case("P1", n).key for n in (1, 2, 3))
    undone = st.cmd("undo")
    assert undone.decision.reason == "unpack.undone"
    assert st.code(case("P1", 2))["parent_key"] == pallet(1).key
    assert st.scan(item("P1", 31)).decision.reason == "unpack.not_packed"
    assert st.scan(item("P1", 9999)).decision.reason == "wh.unknown"


def test_relabel_keeps_contents_and_history(st):
    st.cmd("relabel")
    asked = st.scan(case("P1", 1))
    assert asked.pending == "relabel_new"
    assert st.scan(case("P1", 1)).decision.reason == "relabel.same"
    assert st.scan(item("P1", 500)).decision.reason == "relabel.level_mismatch"
    assert st.scan(case("P1", 2)).decision.reason == "relabel.new_in_use"
    assert st.scan(case("P2", 90)).decision.reason == "relabel.product_mismatch"  # by its GTIN
    done = st.scan(case("P1", 90))  # an unused label from the registry
    assert done.decision.reason == "relabel.done"
    new = st.code(case("P1", 90))
    assert new["parent_key"] == pallet(1).key and new["status"] == "in_stock"
    assert st.code(item("P1", 1))["parent_key"] == case("P1", 90).key
    assert st.code(case("P1", 1))["status"] == "replaced"
    event = st.events()[-1]
    assert event.payload["bizStep"] == "relabelling"
    assert event.payload["yima:replaces"] == case("P1", 1).key
    st.cmd("switch", "pack")
    assert st.scan(case("P1", 1)).decision.reason == "wh.replaced"
    st.cmd("switch", "relabel")
    undone = st.cmd("undo")
    assert undone.decision.reason == "relabel.undone"
    assert st.code(case("P1", 1))["status"] == "in_stock"
    assert st.code(item("P1", 1))["parent_key"] == case("P1", 1).key
    assert st.code(case("P1", 90))["status"] == "known"


def test_relabel_to_an_unknown_label_is_unverified(st):
    st.cmd("relabel")
    st.scan(item("P1", 31))
    result = st.scan(item("P1", 777))
    assert result.decision.outcome is Outcome.WARNING
    assert st.code(item("P1", 777))["verified"] == 0
    assert st.code(item("P1", 777))["status"] == "in_stock"
