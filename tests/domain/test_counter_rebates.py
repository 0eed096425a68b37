"""Installer rebate claims at the counter: card, product codes once each, estimate, registration."""

from __future__ import annotations

import pytest

from app.domain.codes import command_text
from app.domain.rules.claims import code_refusal
from app.domain.store import journal
from app.domain.store.writer import Writer
from app.domain.workflows import knowledge
from app.domain.workflows.base import Actor, Outcome
from app.domain.workflows.counter import rebates, report, verify
from app.domain.workflows.counter.model import Mode
from app.domain.workflows.counter.session import CounterSession
from sync.server.admin import case_gtin
from tests.support.counter_station import (
    NOW,
    Brand,
    deny,
    give_keys,
    new_station,
    registry,
    synced_at,
)

CLERK = Actor("op-1", "小张")
CONFIRM = command_text("confirm")


def item(serial: str, gtin: str = "06901234567892") -> str:
    return f"01{gtin}21{serial}"


def key(serial: str, gtin: str = "06901234567892") -> str:
    return f"sgtin:{gtin}.{serial}"


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

    def setup(c):
        give_keys(c, brand)
        synced_at(c, NOW)
        registry(c, [key("A1"), key("A2"), key("R1"), key("B1", "06901234567908")])
        knowledge.put_setting(
            c,
            "rebate.rules",
            {
                "rules": [
                    {"id": "R-ALL", "product_id": None, "amount_cents": 300},
                    {"id": "R-P2", "product_id": "P002", "amount_cents": 1500},
                    {
                        "id": "R-OLD",
                        "product_id": "P001",
                        "amount_cents": 9999,
                        "valid_to": "2024-12-31",
                    },
                ],
                "tiers": [],
            },
        )

    writer.call(setup)
    yield writer
    writer.stop()


@pytest.fixture
def session() -> CounterSession:
    return CounterSession(clock=lambda: NOW)


def scan(writer, session, text):
    return writer.call(lambda c: session.handle(c, text, CLERK, online=False))


def test_one_product_is_said_in_the_singular(station, session, brand):
    """Screenshot review: "1 products"; English names one product alone."""
    scan(station, session, brand.card("C1", name="王师傅"))
    assert "1 product, about" in scan(station, session, item("A1")).decision.message
    done = scan(station, session, CONFIRM)
    assert done.decision.reason == "claim.registered"
    assert "{installer}: 1 product, rebate about" in done.decision.message


def test_a_claim_estimates_at_once_and_registers_one_event(station, session, brand):
    card = scan(station, session, brand.card("C1", name="王师傅"))
    assert card.decision.reason == "card.valid" and card.mode is Mode.REBATE
    first = scan(station, session, item("A1"))
    assert first.decision.reason == "claim.code_added"
    assert first.decision.args["amount"] == "¥3.00"  # general rule (the P001 rule had expired)
    second = scan(station, session, item("B1", "06901234567908"))
    assert second.decision.args["total"] == "¥18.00"  # P002's own rule beats the general one
    assert [line.product for line in second.draft.lines] == ["净水器滤芯", "前置过滤器"]
    done = scan(station, session, CONFIRM)
    assert done.decision.outcome is Outcome.DONE and done.decision.reason == "claim.registered"
    rows = station.call(lambda c: rebates.claims(c))
    assert len(rows) == 1
    assert (rows[0].units, rows[0].estimate_cents, rows[0].installer) == (2, 1800, "王师傅")
    event = station.call(lambda c: journal.get(c, rows[0].event_id))
    assert event.type == "RebateClaimEvent"
    assert event.payload["epcList"] == ["sgtin:06901234567892.A1", "sgtin:06901234567908.B1"]
    assert event.payload["card"].startswith("YC1.")


def test_a_repeated_code_is_refused_in_the_claim_and_in_a_later_claim(station, session, brand):
    scan(station, session, brand.card("C1"))
    scan(station, session, item("A1"))
    repeated = scan(station, session, item("A1"))
    assert repeated.decision.outcome is Outcome.ERROR
    assert repeated.decision.reason == "claim.code_repeated"
    assert len(repeated.draft.lines) == 1
    scan(station, session, CONFIRM)
    scan(station, session, brand.card("C2", name="李师傅"))
    again = scan(station, session, item("A1"))
    assert again.decision.reason == "claim.code_already_claimed"
    # The same code written differently (Digital Link) is the same product.
    link = scan(station, session, "https://d.yima.cn/01/06901234567892/21/A1")
    assert link.decision.reason == "claim.code_already_claimed"


def test_a_code_from_a_refused_claim_may_be_claimed_again(station, session, brand):
    scan(station, session, brand.card("C1"))
    scan(station, session, item("R1"))
    done = scan(station, session, CONFIRM)
    station.call(
        lambda c: journal.mark(c, done.extra["event_id"], "rejected", "claim.code_already_claimed")
    )
    scan(station, session, brand.card("C1"))
    assert scan(station, session, item("R1")).decision.reason == "claim.code_added"


def test_carton_codes_and_product_barcodes_are_not_claimable(station, session, brand):
    scan(station, session, brand.card("C1"))
    assert (
        scan(station, session, item("K1", case_gtin("06901234567892"))).decision.reason
        == "claim.not_item"
    )
    assert scan(station, session, "6901234567892").decision.reason == "claim.not_product_code"


def test_card_refusals(station, session, brand):
    assert (
        scan(station, session, brand.card("C9", expires="2025-01-01")).decision.reason
        == "card.expired"
    )
    assert (
        scan(station, session, brand.card("C8", dealer="D003")).decision.reason
        == "card.wrong_dealer"
    )
    station.call(lambda c: deny(c, "card", "C7"))
    assert scan(station, session, brand.card("C7")).decision.reason == "card.denied"
    forger = Brand()
    forger.rotate("k1")
    assert scan(station, session, forger.card("C6")).decision.reason == "card.forged"


def test_undo_takes_the_last_code_off_and_cancel_drops_the_claim(station, session, brand):
    scan(station, session, brand.card("C1"))
    scan(station, session, item("A1"))
    scan(station, session, item("A2"))
    removed = scan(station, session, command_text("undo"))
    assert removed.decision.reason == "claim.code_removed"
    assert [line.code_key for line in removed.draft.lines] == ["sgtin:06901234567892.A1"]
    assert scan(station, session, command_text("cancel")).draft is None
    assert station.call(lambda c: journal.count_pending(c)) == 0


def test_an_open_claim_blocks_a_voucher_until_confirmed_or_cancelled(station, session, brand):
    scan(station, session, brand.card("C1"))
    scan(station, session, item("A1"))
    blocked = scan(station, session, brand.voucher("V1"))
    assert blocked.decision.reason == "counter.claim_open"
    assert scan(station, session, brand.card("C2")).decision.reason == "counter.claim_open"
    scan(station, session, CONFIRM)
    assert scan(station, session, brand.voucher("V1")).decision.reason == "voucher.valid"


def test_confirm_on_an_empty_claim_says_what_to_do(station, session, brand):
    scan(station, session, brand.card("C1"))
    assert scan(station, session, CONFIRM).decision.reason == "claim.empty"


def test_each_code_is_judged_when_it_is_scanned_and_a_refused_one_is_never_added(
    station, session, brand
):
    """Issue 15, item 6: a code the server would refuse is refused at the scan, in words,
    with the code as printed under its barcode (the old counter added it in green)."""
    station.call(
        lambda c: (
            registry(c, [key("V1")], status="void", dealer=None),
            registry(c, [key("W1")], status="received", dealer="D001"),  # our warehouse's
        )
    )
    scan(station, session, brand.card("C1"))
    refused = scan(station, session, item("V1"))
    assert (refused.decision.outcome, refused.decision.reason) == (
        Outcome.ERROR,
        "claim.code_not_sold",
    )
    assert refused.draft.lines == ()
    assert refused.decision.args["code"] == "净水器滤芯 (01) 06901234567892 (21) V1"
    assert refused.subject == "(01) 06901234567892 (21) V1"
    assert "replaced" in refused.decision.message
    added = scan(station, session, item("W1"))
    assert added.decision.reason == "claim.code_added"
    assert [line.code_key for line in added.draft.lines] == [key("W1")]


def test_a_code_whose_dealer_the_brand_keeps_from_this_counter_is_left_to_the_brand(
    station, session, brand
):
    """The counter was stricter than the server: a code received by another dealer reaches a
    dealer's counter without its dealer (dealers are competitors), as does one still in the
    brand's warehouse. The counter refused both as not sold; the server pays for the first.
    The counter cannot tell them apart, so it adds both unchecked for the brand to judge (it
    failed on the old code: NOT SOLD)."""
    station.call(
        lambda c: (
            registry(c, [key("O1")], status="received", dealer=None),  # another dealer's
            registry(c, [key("N1")], status="issued", dealer=None),  # the brand's, not sold
        )
    )
    scan(station, session, brand.card("C1"))
    for serial in ("O1", "N1"):
        reply = scan(station, session, item(serial))
        assert (reply.decision.outcome, reply.decision.reason) == (
            Outcome.WARNING,
            "claim.code_unchecked",
        )
        assert reply.extra == {"check_code": key(serial)}  # the page asks the brand's trace
    # The brand keeps the trace from this dealer too (403): the code stays, and the clerk
    # hears who decides.
    assert rebates.brand_verdict(None) is None
    left = station.call(lambda c: session.leave_to_brand(c, key("O1")))
    assert (left.decision.outcome, left.decision.reason) == (
        Outcome.WARNING,
        "claim.code_left_to_brand",
    )
    assert left.decision.args["code"] == "净水器滤芯 (01) 06901234567892 (21) O1"
    assert "the brand confirms it when the claim syncs" in left.decision.message
    assert [line.code_key for line in left.draft.lines] == [key("O1"), key("N1")]
    assert not any(line.checked for line in left.draft.lines)
    done = scan(station, session, CONFIRM)
    assert done.decision.reason == "claim.registered" and done.draft is None


def test_a_product_no_published_rule_pays_for_is_refused_at_the_scan(station, session, brand):
    rules = {"rules": [{"id": "R-P2", "product_id": "P002", "amount_cents": 1500}], "tiers": []}
    station.call(lambda c: knowledge.put_setting(c, "rebate.rules", rules))
    scan(station, session, brand.card("C1"))
    refused = scan(station, session, item("A1"))
    assert (refused.decision.outcome, refused.decision.reason) == (Outcome.ERROR, "claim.no_rebate")
    assert scan(station, session, item("B1", "06901234567908")).decision.args["total"] == "¥15.00"


def test_confirm_judges_every_code_again(station, session, brand):
    """A sync between the scan and CONFIRM may change what the station knows."""
    scan(station, session, brand.card("C1"))
    assert scan(station, session, item("A1")).decision.reason == "claim.code_added"
    station.call(lambda c: registry(c, [key("A1")], status="void", dealer=None))
    refused = scan(station, session, CONFIRM)
    assert (refused.decision.outcome, refused.decision.reason) == (
        Outcome.ERROR,
        "claim.code_not_sold",
    )
    assert station.call(lambda c: rebates.claims(c)) == []
    assert station.call(lambda c: journal.count_pending(c)) == 0


def test_a_code_this_counter_holds_no_record_of_is_added_amber_and_the_brand_judges_it(
    station, session, brand
):
    """A dealer's counter keeps only its site's and dealer's part of the registry: a code it
    does not hold is added with a warning (never green), and the brand's trace decides."""
    scan(station, session, brand.card("C1"))
    unchecked = scan(station, session, item("U1"))
    assert (unchecked.decision.outcome, unchecked.decision.reason) == (
        Outcome.WARNING,
        "claim.code_unchecked",
    )
    assert unchecked.extra == {"check_code": key("U1")}
    assert [line.checked for line in unchecked.draft.lines] == [False]
    assert scan(station, session, item("A1")).decision.reason == "claim.code_added"

    trace = verify.BrandTrace
    assert rebates.brand_verdict(trace(key("U1"), known=True, status="shipped")) is None
    assert rebates.brand_verdict(trace(key("U1"), known=True, status="issued")) == (
        "claim.code_not_sold"
    )
    assert rebates.brand_verdict(trace(key("U1"), known=False)) == "code.unknown"
    assert rebates.brand_verdict(None) is None  # not shared with this dealer: left to the brand

    refused = station.call(lambda c: session.refuse_code(c, key("U1"), "claim.code_not_sold"))
    assert (refused.decision.outcome, refused.decision.reason) == (
        Outcome.ERROR,
        "claim.code_not_sold",
    )
    assert "(01) 06901234567892 (21) U1" in refused.decision.args["code"]
    assert [line.code_key for line in refused.draft.lines] == [key("A1")]
    again = station.call(lambda c: session.refuse_code(c, key("U1"), "claim.code_not_sold"))
    assert again.decision is None  # already off the claim

    # CONFIRM waits for the brand's word on a code it is being asked about.
    scan(station, session, item("U2"))
    waiting = station.call(
        lambda c: session.handle(c, CONFIRM, CLERK, online=True, checking=frozenset({key("U2")}))
    )
    assert (waiting.decision.reason, waiting.decision.args) == ("claim.checking", {"count": 1})
    assert station.call(lambda c: journal.count_pending(c)) == 0
    assert scan(station, session, CONFIRM).decision.reason == "claim.registered"


@pytest.mark.parametrize(
    "state", ["issued", "shipped", "received", "in_stock", "returned", "void", "other"]
)
def test_the_counter_judges_an_own_dealers_code_as_the_server_does(station, session, brand, state):
    """The counter's judgement at the scan and the server's at sync are one rule
    (``app.domain.rules.claims``): for a code of this dealer, as the pull leaves it on the
    station, the counter refuses exactly what the server would refuse, with the same reason;
    where the record names no dealer it cannot tell and leaves the code to the brand."""
    dealer = "D001" if state in ("shipped", "received") else None  # the server clears it otherwise
    station.call(lambda c: registry(c, [key("S1")], status=state, dealer=dealer))
    scan(station, session, brand.card("C1"))
    reply = scan(station, session, item("S1"))
    server = code_refusal(state, repeated=False, claimed_before=False)
    if state in ("issued", "in_stock", "returned", "other"):  # no dealer named: the brand judges
        assert reply.decision.reason == "claim.code_unchecked"
    else:
        assert reply.decision.reason == (server or "claim.code_added")


def test_a_claim_is_numbered_to_be_read_out_over_the_phone(station, session, brand):
    """A claim was shown as ``cl-<hex>``; its id is now a number like the inspector's case
    numbers (``FL-…``, checked), said in CLAIM REGISTERED, kept in the claim's rows and event
    (the server files it under the same number) and named when a product is claimed again."""
    scan(station, session, brand.card("C1", name="王师傅"))
    scan(station, session, item("A1"))
    done = scan(station, session, CONFIRM)
    number = done.decision.args["claim"]
    assert rebates.CLAIM_NUMBERS.holds(number) and number.startswith("FL-")
    assert done.decision.message.format(**done.decision.args).startswith(
        f"CLAIM {number} REGISTERED for 王师傅: 1 product"
    )
    (row,) = station.call(lambda c: rebates.claims(c))
    assert row.claim_id == number
    event = station.call(lambda c: journal.get(c, row.event_id))
    assert event.payload["claim_id"] == number
    scan(station, session, brand.card("C2"))
    again = scan(station, session, item("A1"))
    assert again.decision.reason == "claim.code_already_claimed"
    assert again.decision.args["claim"] == number
    day = station.call(lambda c: report.day_report(c, NOW.astimezone().date()))
    claims_table = report.tables(day, lambda text: text)[2]
    assert claims_table.rows[0][1] == number  # the day's close lists it by its number


def test_claim_numbers_are_long_enough_for_a_brands_claims_and_never_repeat_here():
    numbers = {rebates.CLAIM_NUMBERS.new() for _ in range(500)}
    assert len(numbers) == 500
    for number in numbers:
        prefix, *groups = number.split("-")
        assert prefix == "FL" and [len(g) for g in groups] == [3, 3, 3, 3]
        assert not set("".join(groups)) & set("0O1ILUV")
        assert rebates.CLAIM_NUMBERS.holds(number.lower().replace("-", " "))
        wrong = number[:-1] + ("2" if number[-1] != "2" else "3")
        assert not rebates.CLAIM_NUMBERS.holds(wrong)
    assert not rebates.CLAIM_NUMBERS.holds("XC-4K7-MZ2-QHE")  # a case number is not a claim's
    draws = iter("2" * 11 + "3" * 11)
    first = rebates.CLAIM_NUMBERS.new(draw=lambda _alphabet: next(draws))
    draws = iter("2" * 11 + "3" * 11)
    second = rebates.CLAIM_NUMBERS.new(lambda n: n == first, draw=lambda _alphabet: next(draws))
    assert first.startswith("FL-222-222-222-22") and second.startswith("FL-333-333-333-33")


def test_claim_counts_of_one_are_said_in_the_singular(station, session, brand):
    """ "Still checking 1 products" and "1 products left" (it failed on the old code)."""
    scan(station, session, brand.card("C1"))
    scan(station, session, item("U1"))
    waiting = station.call(
        lambda c: session.handle(c, CONFIRM, CLERK, online=True, checking=frozenset({key("U1")}))
    )
    assert waiting.decision.reason == "claim.checking"
    assert waiting.decision.message.startswith("Still checking 1 product with the brand.")
    scan(station, session, item("A1"))
    removed = scan(station, session, command_text("undo"))
    assert removed.decision.message.endswith("1 product left.")
    scan(station, session, item("A1"))
    scan(station, session, item("A2"))
    removed = scan(station, session, command_text("undo"))
    assert removed.decision.message.format(**removed.decision.args).endswith("2 products left.")
