"""Verifying a product at the counter: local knowledge at once, the brand's trace when online."""

from __future__ import annotations

import pytest

from app.domain.codes import parse
from app.domain.store import journal
from app.domain.store.writer import Writer
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor, Outcome
from app.domain.workflows.counter import verify
from app.domain.workflows.counter.session import CounterSession
from tests.support.counter_station import NOW, load_snapshot, new_station

CLERK = Actor("op-1", "小张")
KEY = "sgtin:06901234567892.A1"


@pytest.fixture
def station(tmp_path):
    path = new_station(tmp_path / "s.sqlite3")
    writer = Writer(path)
    writer.start()
    writer.call(lambda c: load_snapshot(c, [(KEY, "D001", "CN-SH", "2025-05-01", "O-1")], NOW))
    yield writer
    writer.stop()


@pytest.fixture
def session() -> CounterSession:
    return CounterSession(clock=lambda: NOW)


def scan(writer, session, text):
    return writer.call(lambda c: session.handle(c, text, CLERK, online=False))


def test_a_known_code_is_answered_from_local_data_and_recorded(station, session):
    reply = scan(station, session, "010690123456789221A1")
    assert reply.decision.reason == "verify.known_locally"
    facts = reply.verification
    assert (facts.product, facts.dealer, facts.ship_date, facts.order_id) == (
        "净水器滤芯",
        "上海一码经销",
        "2025-05-01",
        "O-1",
    )
    event = station.call(lambda c: journal.pending(c, 10))[0]
    assert event.type == "ObjectEvent" and event.payload["bizStep"] == "inspecting"
    assert event.payload["epcList"] == [KEY]
    offline = verify.offline_decision(facts)
    assert "Offline" in offline.message


def test_an_unknown_code_offline_asks_to_check_online(station, session):
    reply = scan(station, session, "010690123456789221ZZ9")
    assert reply.decision.outcome is Outcome.WARNING
    assert reply.decision.reason == "verify.unknown_offline"


def test_a_code_checked_too_often_here_is_flagged(station, session):
    station.call(lambda c: knowledge.put_setting(c, knowledge.SETTING_SEEN_TOO_OFTEN, 2))
    reasons = [scan(station, session, "010690123456789221A1").decision.reason for _ in range(3)]
    assert reasons == ["verify.known_locally", "verify.known_locally", "verify.seen_too_often"]


def test_a_product_barcode_cannot_be_traced(station, session):
    assert scan(station, session, "6901234567892").decision.reason == "verify.not_serialized"


def _facts(station, session, text="010690123456789221A1"):
    return scan(station, session, text).verification


def test_the_brands_trace_never_issued_seen_too_often_and_genuine(station, session):
    facts = _facts(station, session)
    never = verify.trace_decision(verify.BrandTrace(key=KEY, known=False), facts, None)
    assert (never.outcome, never.reason) == (Outcome.ERROR, "verify.never_issued")
    often = verify.trace_decision(
        verify.BrandTrace(key=KEY, known=True, scan_count=40), facts, None
    )
    assert often.reason == "verify.seen_too_often"
    far = verify.trace_decision(
        verify.BrandTrace(key=KEY, known=True, scan_count=2, anomalies=frozenset({"far_apart"})),
        facts,
        None,
    )
    assert far.reason == "verify.seen_too_often"
    good = verify.BrandTrace(
        key=KEY,
        known=True,
        product_name="净水器滤芯",
        batch_id="B1",
        dealer_id="D001",
        shipped_at="2025-05-01",
        ancestors=("sgtin:16901234567899.C1", "sscc:069012340000000017"),
        scan_count=2,
        places=("W01",),
    )
    genuine = verify.trace_decision(good, facts, "上海一码经销")
    assert (genuine.outcome, genuine.reason) == (Outcome.OK, "verify.genuine")
    assert genuine.args["dealer"] == "上海一码经销"
    lines = {fact.label: fact for fact in verify.trace_lines(good, "上海一码经销")}
    assert lines[verify.LABELS["carton"]].value == (
        "(01) 16901234567899 (21) C1 → (00) 069012340000000017"
    )
    assert lines[verify.LABELS["places"]].words == (verify.PLACES_ONE,)
    assert lines[verify.LABELS["places"]].args == {"count": "1"}
    void = verify.trace_decision(verify.BrandTrace(key=KEY, known=True, status="void"), facts, None)
    assert void.reason == "verify.void"


def test_verify_parses_every_form_to_one_key(station, session):
    keys = {
        scan(station, session, text).verification.key
        for text in ("010690123456789221A1", "https://d.yima.cn/01/06901234567892/21/A1")
    }
    assert keys == {parse("010690123456789221A1").key}


def test_trace_details_name_states_warnings_and_places_in_words():
    """Issue 15, item 6: the details showed the raw words ``issued``, ``shipped`` and the
    station id ``seed``; every state and warning kind the brand sends has its words."""
    trace = verify.BrandTrace(
        key=KEY,
        known=True,
        status="shipped",
        scan_count=3,
        places=("S-A", "W01", "seed"),
        anomalies=frozenset({"far_apart", "consecutive_run", "something_new"}),
    )
    facts = verify.trace_lines(trace, None, me="S-A")
    shown = [(f.label, f.value, f.words, f.args) for f in facts]
    assert (verify.LABELS["status"], "", (verify.STATE_WORDS["shipped"],), {}) in shown
    assert (verify.LABELS["places"], "", (verify.PLACES_WITH_HERE,), {"count": "2"}) in shown
    warnings = next(f for f in facts if f.label == verify.LABELS["anomalies"])
    assert warnings.words == (
        verify.ANOMALY_WORDS["consecutive_run"],
        verify.ANOMALY_WORDS["far_apart"],
        verify.OTHER_ANOMALY,
    )
    for fact in facts:
        assert "sgtin:" not in fact.value and "seed" not in fact.value
    server_states = {"issued", "shipped", "received", "in_stock", "returned", "void"}
    station_states = {"known", "allocated", "quarantine", "replaced"}
    assert server_states | station_states <= set(verify.STATE_WORDS)
    kinds = {"far_apart", "too_close", "consecutive_run", "unknown_code"}
    assert kinds | {"blacklisted_device", "clock_ahead"} <= set(verify.ANOMALY_WORDS)


def test_places_of_one_are_said_in_the_singular():
    """The details said "1 stations", "this counter and 1 other stations" and "this counter and
    0 other stations" (it failed on the old code)."""

    def words(places, me):
        fact = verify.places_fact(places, me)
        return [word.format(**fact.args) for word in fact.words]

    assert words(("W01",), None) == ["1 station"]
    assert words(("W01", "S-B"), None) == ["2 stations"]
    assert words(("S-A",), "S-A") == ["this counter only"]
    assert words(("S-A", "W01"), "S-A") == ["this counter and 1 other station"]
    assert words(("S-A", "W01", "S-B"), "S-A") == ["this counter and 2 other stations"]
