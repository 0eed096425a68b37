"""Gun-only control: command barcodes, the persistent session, and the one-event-per-action rule."""

import pytest

from app.domain.store import journal
from app.domain.store.writer import Writer
from app.domain.workflows.base import Outcome
from app.domain.workflows.warehouse import Actor, Flow, Warehouse
from tests.support.warehouse_data import case, item, pallet


def test_switch_between_flows_keeps_open_jobs(st):
    st.scan(case("P1", 90))
    st.scan(item("P1", 31))
    shipped = st.cmd("switch", "ship:SO-1")
    assert shipped.flow is Flow.SHIP
    back = st.cmd("switch", "pack")
    assert back.flow is Flow.PACK and back.job.parent_key == case("P1", 90).key
    assert back.job.scanned == 1
    assert st.scan(item("P1", 32)).decision.args["count"] == 2


def test_the_session_survives_a_restart(st):
    st.cmd("switch", "receive:IN-1")
    st.scan(case("P1", 11))
    st.writer.stop()
    st.writer = Writer(st.path)
    st.writer.start()
    state = st.call(st.warehouse.state)
    assert state.flow is Flow.RECEIVE and state.job.inbound_id == "IN-1" and state.job.scanned == 6
    assert st.scan(case("P1", 12)).decision.outcome is Outcome.OK


def test_resume_a_job_from_the_list(st):
    first = st.cmd("switch", "ship:SO-1")
    st.cmd("switch", "ship:SO-2")
    resumed = st.call(lambda conn: st.warehouse.resume(conn, first.job.id))
    assert resumed.job.order_id == "SO-1" and resumed.decision.reason == "wh.resumed"


@pytest.mark.parametrize(
    ("name", "arg", "reason"),
    [
        ("undo", None, "wh.nothing_to_undo"),
        ("finish", None, "wh.no_job"),
        ("cancel", None, "wh.no_job"),
        ("confirm", None, "wh.nothing_to_confirm"),
        ("move", None, "wh.move_needs_pack"),
        ("sync", None, "wh.command_not_here"),
        ("switch", "dance", "wh.unknown_flow"),
        ("switch", "ship:SO-404", "ship.unknown_order"),
        ("switch", "receive:IN-404", "receive.unknown_inbound"),
        ("switch", "stocktake:Z-99", "wh.unknown_location"),
    ],
)
def test_commands_out_of_place_say_so(st, name, arg, reason):
    before = len(st.events())
    result = st.cmd(name, arg)
    assert result.decision.reason == reason
    assert result.decision.outcome in (Outcome.WARNING, Outcome.ERROR)
    assert len(st.events()) == before


def test_every_accepted_scan_is_one_event_and_refusals_none(st):
    plan = [
        (case("P1", 90), 0),
        (item("P1", 31), 1),
        (item("P1", 31), 0),
        (pallet(1), 0),
        (item("P1", 32), 1),
    ]
    for code, events in plan:
        before = len(st.events())
        result = st.scan(code)
        assert len(st.events()) - before == events, result.decision
        if events:
            assert result.decision.event_seq == st.events()[-1].seq
    assert st.call(journal.verify_chain).ok


def test_station_strict_mode_from_the_actor(st):
    strict = Warehouse(Actor("op1", station="ST-TEST", strict=True))
    st.scan(case("P1", 90))
    result = st.call(lambda conn: strict.scan(conn, item("P1", 9999)))
    assert result.decision.reason == "wh.unknown_strict"


def test_language_picks_product_names(st):
    zh = Warehouse(Actor("op1", station="ST-TEST", language="zh_CN"))
    st.call(lambda conn: zh.scan(conn, case("P1", 90)))
    result = st.call(lambda conn: zh.scan(conn, item("P2", 1)))
    assert result.decision.args["product"] == "产品P2"


def test_a_voucher_scanned_in_the_warehouse_is_sent_to_the_counter(st):
    """Issue 15, item 8: a voucher's token is not 'a code this station does not know'."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from app.domain.codes import parse
    from app.domain.rules.tokens import sign

    before = len(st.events())
    for token in (sign("YV1", {"i": "V-1"}, "k1", Ed25519PrivateKey.generate()), "YC1.damaged"):
        refused = st.scan(parse(token))
        assert refused.decision.outcome is Outcome.ERROR
        assert refused.decision.reason == "wh.voucher_here"
        assert "counter" in refused.decision.message
    assert len(st.events()) == before  # nothing recorded
