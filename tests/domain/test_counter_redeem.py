"""Redeeming vouchers at the counter, offline: every refusal with its alert code, caps, undo."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.codes import command_text
from app.domain.rules.tokens import b64d, b64e
from app.domain.store import journal
from app.domain.store.writer import Writer
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor, Outcome
from app.domain.workflows.counter import redeem
from app.domain.workflows.counter.model import Mode
from app.domain.workflows.counter.session import CounterSession
from app.domain.workflows.counter.tokens import check_voucher
from tests.support.counter_station import (
    NOW,
    Brand,
    deny,
    give_keys,
    new_station,
    pull,
    synced_at,
)

CLERK = Actor("op-1", "小张")
BOSS = Actor("op-9", "王店长")
CONFIRM = command_text("confirm")
UNDO = command_text("undo")


class Clock:
    def __init__(self, at: dt.datetime) -> None:
        self.at = at

    def __call__(self) -> dt.datetime:
        return self.at


@pytest.fixture
def brand() -> Brand:
    b = Brand()
    b.rotate("k1")
    return b


@pytest.fixture
def station(tmp_path, brand):
    path = new_station(tmp_path / "s.sqlite3")
    writer = Writer(path)
    writer.start()
    writer.call(lambda c: give_keys(c, brand))
    writer.call(lambda c: synced_at(c, NOW - dt.timedelta(hours=1)))
    yield writer
    writer.stop()


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


@pytest.fixture
def session(clock) -> CounterSession:
    return CounterSession(clock=clock)


def scan(writer: Writer, session: CounterSession, text: str, *, online: bool = False):
    return writer.call(lambda c: session.handle(c, text, CLERK, online=online))


def test_a_valid_voucher_shows_its_prize_and_needs_a_confirming_scan(station, session, brand):
    reply = scan(station, session, brand.voucher("V1", prize="滤芯一支", value=9900))
    assert reply.decision.reason == "voucher.valid"
    assert reply.pending.prize == "滤芯一支" and reply.pending.value_cents == 9900
    assert station.call(lambda c: journal.count_pending(c)) == 0  # shown, not written
    done = scan(station, session, CONFIRM)
    assert done.decision.outcome is Outcome.DONE
    assert done.decision.reason == "voucher.redeemed_provisional"
    rows = station.call(lambda c: redeem.redemptions(c))
    assert [(r.voucher_id, r.provisional, r.standing) for r in rows] == [
        ("V1", True, "provisional")
    ]
    event = station.call(lambda c: journal.get(c, rows[0].event_id))
    assert event.type == "RedemptionEvent" and event.payload["voucher_id"] == "V1"
    assert event.station == "S-A"


def test_scanning_the_same_voucher_again_confirms_it(station, session, brand):
    text = brand.voucher("V2")
    scan(station, session, text)
    assert scan(station, session, text).decision.reason == "voucher.redeemed_provisional"


def test_a_second_redemption_here_is_refused_with_who_and_when(station, session, brand):
    text = brand.voucher("V3")
    scan(station, session, text)
    scan(station, session, CONFIRM)
    again = scan(station, session, text)
    assert again.decision.outcome is Outcome.ERROR
    assert again.decision.reason == "voucher.already_redeemed_here"
    assert again.decision.args["operator"] == "小张"


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (lambda b: b.voucher("V4", expires="2025-06-09"), "voucher.expired"),
        (lambda b: b.voucher("V5", dealer="D002"), "voucher.wrong_dealer"),
        (lambda b: "YV1.bm90IGpzb24.c2ln", "voucher.damaged"),
        (lambda b: "YV1.garbage", "voucher.damaged"),
    ],
)
def test_refusals_offline_carry_their_alert_code(station, session, brand, make, reason):
    reply = scan(station, session, make(brand))
    assert reply.decision.outcome is Outcome.ERROR
    assert reply.decision.reason == reason
    assert reply.pending is None


def test_expiry_day_itself_is_still_valid(station, session, brand):
    assert (
        scan(station, session, brand.voucher("V6", expires="2025-06-10")).decision.reason
        == "voucher.valid"
    )


def test_a_forged_signature_and_a_tampered_body_are_refused(station, session, brand):
    forger = Brand()
    forger.rotate("k1")  # same key id, different key
    assert scan(station, session, forger.voucher("V7")).decision.reason == "voucher.forged"
    prefix, body, sig = brand.voucher("V8", value=100).split(".")
    claims = b64d(body).replace(b'"v":100', b'"v":99999')
    tampered = f"{prefix}.{b64e(claims)}.{sig}"
    reply = scan(station, session, tampered)
    assert reply.decision.reason == "voucher.forged"
    assert reply.decision.args["voucher"] == "V8"


def test_key_rotation_unknown_and_revoked_keys(station, session, brand):
    old = brand.voucher("V9")
    brand.rotate("k2")
    new = brand.voucher("V10")
    # The station has not pulled the new key yet: it says so instead of calling it forged.
    assert scan(station, session, new).decision.reason == "voucher.unknown_key"
    station.call(lambda c: give_keys(c, brand))
    assert scan(station, session, new).decision.reason == "voucher.valid"
    assert scan(station, session, old).decision.reason == "voucher.valid"  # retired still verifies
    brand.status["k1"] = "revoked"
    station.call(lambda c: give_keys(c, brand))
    assert scan(station, session, old).decision.reason == "voucher.key_revoked"


def test_a_voucher_on_the_deny_list_is_refused(station, session, brand):
    station.call(lambda c: deny(c, "voucher", "V11"))
    assert scan(station, session, brand.voucher("V11")).decision.reason == "voucher.denied"


def test_a_voucher_redeemed_elsewhere_is_refused_when_sync_told_us(station, session, brand):
    data = {"station_id": "S-B", "redeemed_at": "2025-06-09T08:00:00+00:00", "dealer_id": "D001"}
    station.call(
        lambda c: pull(c, {"kind": "redemption", "key": "V12", "op": "upsert", "data": data})
    )
    reply = scan(station, session, brand.voucher("V12"))
    assert reply.decision.reason == "voucher.already_redeemed_elsewhere"
    assert reply.decision.args["station"] == "S-B"


def test_offline_caps_count_value_and_hours(station, session, brand, clock):
    station.call(
        lambda c: knowledge.put_setting(
            c, "counter.offline_caps", {"vouchers": 2, "value_cents": 15000, "hours": 24}
        )
    )
    for vid in ("C1", "C2"):
        scan(station, session, brand.voucher(vid, value=5000))
        assert scan(station, session, CONFIRM).decision.reason == "voucher.redeemed_provisional"
    assert (
        scan(station, session, brand.voucher("C3", value=100)).decision.reason
        == "voucher.offline_cap_count"
    )
    # Online, the server decides: the caps do not apply.
    assert (
        scan(station, session, brand.voucher("C3", value=100), online=True).decision.reason
        == "voucher.valid"
    )
    station.call(
        lambda c: knowledge.put_setting(
            c, "counter.offline_caps", {"vouchers": 10, "value_cents": 15000, "hours": 24}
        )
    )
    reply = scan(station, session, brand.voucher("C4", value=6000))
    assert reply.decision.reason == "voucher.offline_cap_value"
    assert reply.decision.args["value"] == "¥160.00"
    clock.at = NOW + dt.timedelta(hours=30)
    reply = scan(station, session, brand.voucher("C5", value=100))
    assert reply.decision.reason == "voucher.offline_cap_hours"
    assert reply.decision.args["hours"] == "31"


def test_answered_redemptions_no_longer_count_against_the_caps(station, session, brand):
    station.call(
        lambda c: knowledge.put_setting(c, "counter.offline_caps", {"vouchers": 1, "hours": 24})
    )
    scan(station, session, brand.voucher("A1"))
    reply = scan(station, session, CONFIRM)
    assert (
        scan(station, session, brand.voucher("A2")).decision.reason == "voucher.offline_cap_count"
    )
    event_id = reply.extra["event_id"]
    station.call(lambda c: journal.mark(c, event_id, "accepted"))
    assert scan(station, session, brand.voucher("A2")).decision.reason == "voucher.valid"
    assert station.call(lambda c: redeem.redemptions(c))[0].standing == "confirmed"


def test_undo_needs_a_supervisor_and_is_audited(station, session, brand):
    text = brand.voucher("U1", prize="购物卡")
    scan(station, session, text)
    scan(station, session, CONFIRM)
    ask = scan(station, session, UNDO)
    assert ask.decision.reason == "counter.undo_needs_supervisor"
    assert ask.undo.voucher_id == "U1"
    done = station.call(
        lambda c: session.undo_redemption(c, ask.undo, CLERK, BOSS, "客户改主意", online=False)
    )
    assert done.decision.reason == "voucher.undone"
    row = station.call(lambda c: redeem.redemptions(c))[0]
    assert row.standing == "undone"
    audit = station.call(lambda c: [dict(r) for r in c.execute("SELECT * FROM counter_overrides")])
    assert audit[0]["supervisor_id"] == "op-9" and audit[0]["reason"] == "客户改主意"
    delete = station.call(lambda c: journal.get(c, audit[0]["event_id"]))
    assert (
        delete.payload["action"] == "DELETE" and delete.payload["override"]["supervisor"] == "op-9"
    )
    # Undone, the voucher may be redeemed again.
    assert scan(station, session, text).decision.reason == "voucher.valid"


def test_undo_outside_the_window_is_refused(station, session, brand, clock):
    scan(station, session, brand.voucher("U2"))
    scan(station, session, CONFIRM)
    clock.at = NOW + dt.timedelta(minutes=16)
    reply = scan(station, session, UNDO)
    assert reply.decision.reason == "counter.undo_window_passed"
    assert reply.undo is None


def test_undo_before_confirming_just_puts_the_voucher_back(station, session, brand):
    scan(station, session, brand.voucher("U3"))
    assert scan(station, session, UNDO).decision.reason == "counter.cancelled"
    assert scan(station, session, CONFIRM).decision.reason == "counter.nothing_to_confirm"
    assert station.call(lambda c: redeem.redemptions(c)) == []


def test_switch_commands_and_a_voucher_switches_to_redeem(station, session, brand):
    scan(station, session, command_text("switch", "verify"))
    assert session.mode is Mode.VERIFY
    reply = scan(station, session, brand.voucher("W1"))
    assert reply.mode is Mode.REDEEM
    bad = scan(station, session, command_text("switch", "ship"))
    assert bad.decision.reason == "counter.unknown_switch"


def test_a_card_is_not_a_voucher(station, brand):
    refusal = station.call(lambda c: check_voucher(c, brand.card("C1"), NOW.date()))
    assert refusal.alert.value == "voucher.is_card"


def test_check_voucher_reads_prize_value_and_dealer(station, brand):
    facts = station.call(
        lambda c: check_voucher(c, brand.voucher("F1", prize="水杯", value=1234), NOW.date())
    )
    assert (facts.voucher_id, facts.prize, facts.value_cents, facts.dealer_name) == (
        "F1",
        "水杯",
        1234,
        "上海一码经销",
    )


def test_a_voucher_waiting_for_its_confirming_scan_survives_a_restart(station, clock, brand):
    """The session's state is its row, not the object: a new session (a restarted station)
    confirms the voucher the old one showed (before, the restart forgot it)."""
    scan(station, CounterSession(clock=clock), brand.voucher("R1", prize="水杯"))
    restarted = CounterSession(clock=clock)
    assert station.call(restarted.current).pending.voucher_id == "R1"
    done = scan(station, restarted, CONFIRM)
    assert done.decision.reason == "voucher.redeemed_provisional"
    assert station.call(restarted.current).pending is None


def test_counts_of_one_are_said_in_the_singular(station, session, brand, clock):
    """English said "1 vouchers redeemed", "1 hours ago" and "within 1 minutes" when the brand
    set a cap or a window of one (it failed on the old code)."""

    def caps(**value):
        station.call(lambda c: knowledge.put_setting(c, "counter.offline_caps", value))

    caps(vouchers=10, hours=0.5)  # the last sync was an hour ago
    late = scan(station, session, brand.voucher("O1"))
    assert (
        late.decision.reason == "voucher.offline_cap_hours" and late.decision.args["hours"] == "1"
    )
    assert "the last sync was 1 hour ago" in late.decision.message
    caps(vouchers=1, hours=24)
    station.call(lambda c: knowledge.put_setting(c, knowledge.SETTING_UNDO_MINUTES, 1))
    scan(station, session, brand.voucher("O1"))
    assert scan(station, session, CONFIRM).decision.reason == "voucher.redeemed_provisional"
    capped = scan(station, session, brand.voucher("O2"))
    assert capped.decision.reason == "voucher.offline_cap_count"
    assert "1 voucher redeemed since" in capped.decision.message
    clock.at = NOW + dt.timedelta(minutes=2)
    passed = scan(station, session, UNDO)
    assert passed.decision.reason == "counter.undo_window_passed"
    assert "within 1 minute of" in passed.decision.message
