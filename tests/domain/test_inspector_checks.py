"""The inspector's verdicts from a snapshot, evidence on a check, and filing a diversion case."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.domain.codes import command_text
from app.domain.store import journal
from app.domain.store.writer import Writer
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor, Outcome
from app.domain.workflows.inspector import checks
from app.domain.workflows.inspector.session import InspectorSession, choose_place
from app.domain.workflows.inspector.session import place as session_place
from app.domain.workflows.inspector.verdict import Verdict, ancestors, authorised
from tests.support.counter_station import NOW, load_snapshot, new_station, pull

ME = Actor("op-5", "稽查员老周")
SH_CODE = "010690123456789221SH1"  # shipped to D001 (Shanghai)
ZJ_CODE = "010690123456789221ZJ1"  # shipped to D002 (Zhejiang)
NEW_CODE = "010690123456789221NEW"  # issued, never shipped
FAKE_CODE = "010690123456789221FAKE"  # never issued


@pytest.fixture
def station(tmp_path):
    path = new_station(tmp_path / "s.sqlite3", station_id="S-INS", dealer_id=None)
    writer = Writer(path)
    writer.start()
    rows = [
        ("sgtin:06901234567892.SH1", "D001", "CN-SH", "2025-05-02", "O-7"),
        ("sgtin:06901234567892.ZJ1", "D002", "CN-ZJ", "2025-04-20", "O-8"),
        ("sgtin:06901234567892.NEW", None, None, None, None),
    ]
    writer.call(lambda c: load_snapshot(c, rows, NOW - dt.timedelta(hours=2)))
    yield writer
    writer.stop()


def place(writer, place_id):
    return next(p for p in writer.call(lambda c: checks.places(c)) if p.id == place_id)


def stand_at(writer, place_id):
    """The inspector picks where they are: remembered in the session row."""
    chosen = place(writer, place_id)
    writer.call(lambda c: choose_place(c, chosen))


@pytest.fixture
def session(station) -> InspectorSession:
    stand_at(station, "ST-SH-1")  # a store in Shanghai
    return InspectorSession(clock=lambda: NOW)


def scan(writer, session, text):
    return writer.call(lambda c: session.handle(c, text, ME))


def test_each_verdict_from_the_snapshot(station, session):
    verdicts = {
        text: scan(station, session, text) for text in (SH_CODE, ZJ_CODE, NEW_CODE, FAKE_CODE)
    }
    assert {t: r.check.judgement.verdict for t, r in verdicts.items()} == {
        SH_CODE: Verdict.AUTHORISED,
        ZJ_CODE: Verdict.DIVERTED,
        NEW_CODE: Verdict.NOT_SHIPPED,
        FAKE_CODE: Verdict.UNKNOWN,
    }
    diverted = verdicts[ZJ_CODE]
    assert diverted.decision.outcome is Outcome.ERROR
    assert diverted.decision.reason == "inspect.diverted"
    assert diverted.decision.args["dealer"] == "浙江商贸"
    assert diverted.decision.args["regions"] == "浙江"
    assert (diverted.decision.args["date"], diverted.decision.args["order"]) == (
        "2025-04-20",
        "O-8",
    )
    assert "徐汇建材店" in diverted.decision.args["here"]
    assert verdicts[SH_CODE].decision.outcome is Outcome.OK
    assert verdicts[FAKE_CODE].decision.reason == "inspect.unknown"
    events = station.call(lambda c: journal.pending(c, 10))
    assert [e.payload["verdict"] for e in events] == [
        "authorised",
        "diverted",
        "not_shipped",
        "unknown",
    ]
    assert {e.payload["store_id"] for e in events} == {"ST-SH-1"}


def test_a_dealer_authorised_for_a_province_may_sell_in_its_cities(station, session):
    stand_at(station, "ST-HZ-1")  # Hangzhou, inside Zhejiang
    assert scan(station, session, ZJ_CODE).check.judgement.verdict is Verdict.AUTHORISED
    assert scan(station, session, SH_CODE).check.judgement.verdict is Verdict.DIVERTED
    parents = {"CN-ZJ-HZ": "CN-ZJ", "CN-ZJ": "CN", "CN": None}
    assert ancestors("CN-ZJ-HZ", parents) == ["CN-ZJ-HZ", "CN-ZJ", "CN"]
    assert authorised("CN-ZJ-HZ", ["CN-ZJ"], parents)
    assert not authorised(
        "CN-ZJ", ["CN-ZJ-HZ"], parents
    )  # a city dealer may not sell province-wide


def test_old_data_cannot_judge(station, session):
    station.call(lambda c: knowledge.put_setting(c, knowledge.SETTING_INSPECTOR_MAX_AGE, 1))
    reply = scan(station, session, ZJ_CODE)
    assert reply.check.judgement.verdict is Verdict.STALE
    assert reply.decision.reason == "inspect.stale"
    assert reply.decision.args["hours"] == "2"


def test_no_snapshot_at_all_says_download_first(tmp_path):
    writer = Writer(new_station(tmp_path / "empty.sqlite3", dealer_id=None))
    writer.start()
    try:
        session = InspectorSession(clock=lambda: NOW)
        stand_at(writer, "CN-SH")
        reply = scan(writer, session, SH_CODE)
        assert reply.decision.reason == "inspect.no_data"
        assert reply.decision.outcome is Outcome.WARNING
    finally:
        writer.stop()


def test_scanning_before_picking_a_place_is_refused(station):
    session = InspectorSession(clock=lambda: NOW)
    assert scan(station, session, SH_CODE).decision.reason == "inspect.no_place"


def test_places_follow_the_chosen_regions(station):
    station.call(lambda c: checks.choose_regions(c, ["CN-ZJ"]))
    chosen = station.call(lambda c: checks.chosen_regions(c))
    ids = [p.id for p in station.call(lambda c: checks.places(c, chosen))]
    assert ids == ["CN-ZJ", "CN-ZJ-HZ", "ST-HZ-1"]


def test_evidence_note_and_case(station, session, tmp_path):
    reply = scan(station, session, ZJ_CODE)
    check_id = reply.check.check_id
    photo = checks.save_photo(tmp_path / "evidence", check_id, b"\xff\xd8fake-jpeg", ".JPG")
    assert photo.path.read_bytes() == b"\xff\xd8fake-jpeg" and photo.path.suffix == ".jpg"
    assert station.call(lambda c: checks.attach_photo(c, check_id, photo, "file", NOW)) == 1
    assert (
        station.call(lambda c: checks.attach_photo(c, check_id, photo, "file", NOW)) == 1
    )  # same photo once
    station.call(lambda c: checks.set_note(c, check_id, "  货架第三层，共 12 件  "))
    filed = scan(station, session, command_text("confirm"))
    assert filed.decision.outcome is Outcome.DONE and filed.decision.reason == "inspect.case_filed"
    event = station.call(lambda c: journal.pending(c, 10))[-1]
    assert event.type == "DiversionCaseEvent"
    assert event.payload["code"] == "sgtin:06901234567892.ZJ1"
    assert event.payload["store_id"] == "ST-SH-1" and event.payload["region_id"] == "CN-SH"
    assert event.payload["note"] == "货架第三层，共 12 件"
    assert event.payload["photos"] == [{"sha256": photo.sha256, "name": photo.path.name}]
    again = scan(station, session, command_text("confirm"))
    assert again.decision.reason == "inspect.case_exists"
    rows = station.call(lambda c: checks.cases(c))
    assert [(r.case_id, r.status, r.dealer, r.place, r.photos) for r in rows] == [
        (filed.case_id, "waiting", "浙江商贸", "徐汇建材店", 1)
    ]
    station.call(lambda c: journal.mark(c, event.event_id, "accepted"))
    assert station.call(lambda c: checks.cases(c))[0].status == "sent"

    case = {
        "kind": "case",
        "key": filed.case_id,
        "op": "upsert",
        "data": {"status": "investigating"},
    }
    station.call(lambda c: pull(c, case))
    assert station.call(lambda c: checks.cases(c))[0].status == "investigating"
    assert json.loads(
        station.call(lambda c: c.execute("SELECT photos FROM inspector_cases").fetchone()[0])
    )


def test_no_case_for_an_authorised_product(station, session):
    scan(station, session, SH_CODE)
    assert scan(station, session, command_text("confirm")).decision.reason == "inspect.not_caseable"
    assert scan(station, session, command_text("cancel")).decision.reason == "inspect.cleared"
    assert scan(station, session, command_text("confirm")).decision.reason == "inspect.no_check"


def test_the_place_and_the_last_check_survive_a_restart(station, session):
    """Where the inspector stands and the check CONFIRM files are the session row's: a new
    session (a restarted station) files the case for the check the old one made."""
    assert scan(station, session, ZJ_CODE).check.judgement.verdict is Verdict.DIVERTED
    restarted = InspectorSession(clock=lambda: NOW)
    filed = scan(station, restarted, command_text("confirm"))
    assert filed.decision.reason == "inspect.case_filed"
    assert station.call(lambda c: session_place(c)).id == "ST-SH-1"


def test_the_verdict_names_the_product_and_its_printed_code(station, session):
    """Issue 15, item 7: the verdict said whose it was, never what it was."""
    diverted = scan(station, session, ZJ_CODE)
    printed = "(01) 06901234567892 (21) ZJ1"
    assert diverted.decision.args["product"] == f"净水器滤芯 {printed}"
    assert "{product}" in diverted.decision.message
    assert diverted.check.facts[:2] == [("Product", "净水器滤芯"), ("Code", printed)]
    assert not any("sgtin:" in value for _label, value in diverted.check.facts)
    station.call(lambda c: c.execute("UPDATE products SET name_en = 'Filter cartridge'"))
    english = station.call(
        lambda c: session.handle(c, ZJ_CODE, Actor("op-5", "Zhou", language="en"))
    )
    assert english.check.product == "Filter cartridge"
    unknown = scan(station, session, "0106901234567991" + "21FAKE")  # a GTIN the brand lacks
    assert unknown.decision.args["product"] == "(01) 06901234567991 (21) FAKE"


def test_a_product_code_without_serial_is_named_as_printed(station, session):
    reply = scan(station, session, "0106901234567892")
    assert reply.decision.reason == "inspect.not_serialized"
    assert reply.decision.args["code"] == "(01) 06901234567892"


def test_a_case_number_can_be_read_out_over_the_phone(station, session):
    """Issue 15, item 7: ``case-f7e6a5157e4043e9`` cannot be read out over the phone."""
    from app.domain.workflows.inspector.case_numbers import is_case_number

    scan(station, session, ZJ_CODE)
    filed = scan(station, session, command_text("confirm"))
    assert is_case_number(filed.case_id), filed.case_id
    assert len(filed.case_id) == len("XC-4K7-MZ2-QHE")
    event = station.call(lambda c: journal.pending(c, 10))[-1]
    assert event.payload["case_id"] == filed.case_id


def test_each_operator_sees_only_their_own_checks_and_cases(station, session):
    """Issue 15, item 7: the previous operator's verdicts stayed on screen for the next."""
    from app.domain.workflows.inspector.session import forget_last_check, page_state

    scan(station, session, ZJ_CODE)
    filed = scan(station, session, command_text("confirm"))
    assert filed.case_id
    other = Actor("op-6", "稽查员小李")
    station.call(lambda c: forget_last_check(c))
    assert (
        station.call(lambda c: session.handle(c, command_text("confirm"), other)).decision.reason
        == "inspect.no_check"
    )
    mine = station.call(lambda c: page_state(c, ME.operator_id, "zh_CN"))
    theirs = station.call(lambda c: page_state(c, other.operator_id, "zh_CN"))
    assert [r[2] for r in mine["recent"]] == ["diverted"]
    assert mine["recent"][0][-1] == "净水器滤芯"
    assert [c.case_id for c in mine["cases"]] == [filed.case_id]
    assert theirs["recent"] == [] and theirs["cases"] == []
    assert mine["home"] == "CN-SH"
