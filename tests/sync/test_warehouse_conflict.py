"""Losing a shipment conflict leaves a way out, and afterwards the station agrees with the server.

Two real stations ship the same case to different dealers through the real warehouse flows
and sync with the real server on loopback. The second shipment is refused whole. Before
this, the loser's order stayed "shipped" (re-opening it said ``ship.order_closed``) and UNDO
had nothing to undo, although the issue said to take the code out of the shipment.
"""

from __future__ import annotations

import pytest

from app.domain.codes import parse
from app.domain.workflows.base import Outcome
from app.domain.workflows.warehouse import Warehouse
from sync.client.issues import count_open, list_issues
from sync.client.settle import HANDLED, REOPEN, TAKE_OUT, actions, settle
from tests.support.warehouse_conflict import (
    OPERATOR,
    code_state,
    lost_shipment,
    order_status,
    raw,
)


@pytest.fixture
def lost(central, tmp_path, memory_keyring):
    with lost_shipment(central, tmp_path) as stations:
        yield stations


def test_without_settling_the_order_stays_shipped(lost):
    _, loser, _, _ = lost
    wh = Warehouse(OPERATOR)
    assert order_status(loser, "SO-B") == "shipped"
    again = loser.writer.call(lambda c: wh.open_ship(c, "SO-B")).decision
    assert again.reason == "ship.order_closed"
    undo = loser.writer.call(lambda c: wh.command(c, "undo")).decision  # names why, no change
    assert undo.reason == "ship.unfinish_moved" and order_status(loser, "SO-B") == "shipped"


def test_take_the_code_out_sends_the_rest_and_reopens_the_order(lost):
    winner, loser, sample, issue = lost
    assert actions(issue) == (TAKE_OUT, REOPEN, HANDLED)
    decision = loser.writer.call(lambda c: settle(c, issue, TAKE_OUT, OPERATOR))
    assert decision.reason == "wh.taken_out" and decision.args["remaining"] == 4
    loser.client.sync_once()
    winner.client.sync_once()
    resent = (
        loser.reader()
        .execute("SELECT sync_state FROM journal WHERE payload LIKE '%yima:resends%'")
        .fetchall()
    )
    assert [r[0] for r in resent] == ["accepted"]
    for station in (winner, loser):  # both agree with the server
        assert code_state(station, sample.cases[0]) == ("shipped", "D1")
        assert code_state(station, sample.cases[1]) == ("shipped", "D2")
    assert order_status(loser, "SO-B") == "partial" and count_open(loser.reader()) == 0
    wh = Warehouse(OPERATOR)
    reopened = loser.writer.call(lambda c: wh.open_ship(c, "SO-B"))
    assert reopened.decision.reason == "ship.started" and reopened.job.expected == 4


def test_reopen_takes_the_shipment_back_and_the_order_ships_again(lost):
    winner, loser, sample, issue = lost
    decision = loser.writer.call(lambda c: settle(c, issue, REOPEN, OPERATOR))
    assert decision.reason == "wh.shipment_reopened"
    loser.client.sync_once()
    winner.client.sync_once()
    assert code_state(loser, sample.cases[0]) == ("shipped", "D1")  # the server's, from the pull
    assert code_state(loser, sample.cases[1])[0] == "in_stock"
    assert code_state(winner, sample.cases[1])[0] != "shipped"  # the server never shipped it
    assert order_status(loser, "SO-B") == "open" and count_open(loser.reader()) == 0
    wh = Warehouse(OPERATOR)
    reopened = loser.writer.call(lambda c: wh.open_ship(c, "SO-B"))
    assert reopened.decision.reason == "ship.started" and reopened.job.expected == 8
    again = loser.writer.call(wh.scan_action(parse(raw(sample.cases[1])))).decision
    assert again.outcome is Outcome.OK


def test_mark_handled_only_marks_it(lost):
    _, loser, _, issue = lost
    decision = loser.writer.call(lambda c: settle(c, issue, HANDLED, OPERATOR, "checked"))
    assert decision.reason == "sync.handled" and count_open(loser.reader()) == 0
    assert actions(list_issues(loser.reader(), include_resolved=True)[0]) == ()
    assert order_status(loser, "SO-B") == "shipped"  # nothing else changed


def test_settling_twice_is_refused_and_changes_nothing(lost):
    _, loser, _, issue = lost
    loser.writer.call(lambda c: settle(c, issue, REOPEN, OPERATOR))
    wh = Warehouse(OPERATOR)
    again = loser.writer.call(lambda c: wh.reopen_refused_shipment(c, issue.event_id)).decision
    assert again.reason == "wh.shipment_settled"
