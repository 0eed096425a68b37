"""An inspector holding its region's snapshot (issue 17): a code the brand shipped into another
region is a row with the dealer ``ELSEWHERE``; the verdict is still "diverted", and the message
names no dealer, date or order the station was never told."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.rules.snapshot import ELSEWHERE
from app.domain.store.writer import Writer
from app.domain.workflows.base import Actor, Outcome
from app.domain.workflows.inspector import checks
from app.domain.workflows.inspector.session import InspectorSession, choose_place
from app.domain.workflows.inspector.verdict import DIVERTED_ELSEWHERE, Verdict
from tests.support.counter_station import NOW, load_snapshot, new_station

ME = Actor("op-5", "稽查员老周")
SH_CODE = "010690123456789221SH1"  # shipped to D001 (Shanghai): named in the region's view
ZJ_CODE = "010690123456789221ZJ1"  # shipped into Zhejiang: not named


@pytest.fixture
def station(tmp_path):
    path = new_station(tmp_path / "s.sqlite3", station_id="S-INS", dealer_id=None)
    writer = Writer(path)
    writer.start()
    rows = [
        ("sgtin:06901234567892.SH1", "D001", "CN-SH", "2025-05-02", "O-7"),
        ("sgtin:06901234567892.ZJ1", ELSEWHERE, None, None, None),
    ]
    writer.call(lambda c: load_snapshot(c, rows, NOW - dt.timedelta(hours=2)))
    chosen = next(p for p in writer.call(checks.places) if p.id == "ST-SH-1")
    writer.call(lambda c: choose_place(c, chosen))
    yield writer
    writer.stop()


def test_a_code_shipped_elsewhere_is_diverted_without_a_dealer_named(station):
    session = InspectorSession(clock=lambda: NOW)
    here = station.call(lambda c: session.handle(c, SH_CODE, ME))
    elsewhere = station.call(lambda c: session.handle(c, ZJ_CODE, ME))
    assert here.check.judgement.verdict is Verdict.AUTHORISED
    assert elsewhere.check.judgement.verdict is Verdict.DIVERTED
    assert elsewhere.decision.outcome is Outcome.ERROR
    assert elsewhere.decision.message == DIVERTED_ELSEWHERE
    assert ELSEWHERE not in str(elsewhere.decision.args) + str(elsewhere.check.facts)
