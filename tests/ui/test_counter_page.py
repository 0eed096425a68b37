"""The counter page driven by the simulated gun: redeem, refuse, undo with a supervisor PIN,
verify, an installer claim, and the day's close saved as PDF and XLSX."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook

from app.domain.codes import command_text
from app.domain.operators import Role
from app.domain.store import journal
from app.domain.store.database import connect
from app.domain.workflows.base import Outcome
from app.ui.counter.page import CounterPage
from app.ui.scan_bridge import ScanBridge
from tests.support.counter_station import (
    Brand,
    give_keys,
    registry,
    seed_reference,
    set_identity,
    synced_at,
)

CONFIRM = command_text("confirm")


def seed_counter(conn, brand: Brand) -> None:
    import datetime as dt

    set_identity(conn, "S-A", "D001")
    seed_reference(conn)
    give_keys(conn, brand)
    synced_at(conn, dt.datetime.now(dt.UTC))
    registry(conn, ["sgtin:06901234567892.A1", "sgtin:06901234567892.A2"])
    registry(conn, ["sgtin:06901234567892.N1"], status="void", dealer=None)  # label replaced


pytestmark = [
    pytest.mark.station(
        operators=[("Zhang", "1111", Role.COUNTER), ("Boss", "9999", Role.SUPERVISOR)],
        seed=seed_counter,
        uses=("brand",),
        language="en",
    ),
    pytest.mark.window(pages=("app.ui.counter.page",), login=("Zhang", "1111")),
]


@pytest.fixture
def brand() -> Brand:
    b = Brand()
    b.rotate("k1")
    return b


@pytest.fixture
def page(qtbot, window) -> CounterPage:
    page = window.page("counter")
    assert isinstance(page, CounterPage)
    assert window.current_page_key() == "counter"
    return page


@pytest.fixture
def gun(qtbot, context, page):
    """The in-process simulated gun (``sim``) through the real scan bridge and dispatcher."""
    bridge = ScanBridge(context.dispatcher)
    source = bridge.add("sim").source

    def scan(text: str):
        with qtbot.waitSignal(page.reply_shown, timeout=5000) as shown:
            source.push(text)
        return shown.args[0]

    yield scan
    bridge.shutdown()


def journal_types(context) -> list[str]:
    conn = connect(context.db_path, readonly=True)
    try:
        return [r[0] for r in conn.execute("SELECT type FROM journal ORDER BY seq")]
    finally:
        conn.close()


def test_models_pass_the_model_tester(qtmodeltester, page):
    for model in (page.redemptions, page.lines, page.claims):
        qtmodeltester.check(model)


def test_redeem_refuse_and_undo_with_a_supervisor_pin(qtbot, window, page, gun, brand, context):
    qtbot.waitUntil(lambda: "Offline" in page.online_badge.text())
    text = brand.voucher("V1", prize="滤芯一支", value=9900)
    shown = gun(text)
    assert shown.decision.reason == "voucher.valid"
    assert page.voucher_prize.text() == "滤芯一支" and page.voucher_value.text() == "¥99.00"
    assert window.feedback.headline.text() == "VALID · SCAN CONFIRM"
    assert window.scan_log_model.row(0).code == "V1"  # the voucher's number, not its token
    done = gun(CONFIRM)
    assert done.decision.reason == "voucher.redeemed_provisional"
    assert window.feedback.outcome is Outcome.DONE
    assert window.feedback.headline.text() == "✔ REDEEMED (OFFLINE)"
    qtbot.waitUntil(lambda: page.redemptions.rowCount() == 1)
    assert page.redemptions.cells(0)[3] == "provisional"

    again = gun(text)
    assert again.decision.reason == "voucher.already_redeemed_here"
    assert window.feedback.outcome is Outcome.ERROR
    expired = gun(brand.voucher("V2", expires="2020-01-01"))
    assert expired.decision.reason == "voucher.expired"
    assert window.feedback.headline.text() == "✖ EXPIRED"

    ask = gun(command_text("undo"))
    assert ask.decision.reason == "counter.undo_needs_supervisor"
    dialog = page.supervisor_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.approve.isEnabled())
    assert dialog.supervisor.currentText() == "Boss"
    dialog.pin.setText("0000")
    dialog.approve.click()
    qtbot.waitUntil(lambda: "Wrong PIN" in dialog.error.text(), timeout=5000)
    assert journal_types(context) == ["RedemptionEvent"]
    dialog.pin.setText("9999")
    with qtbot.waitSignal(page.reply_shown, timeout=5000) as shown:
        dialog.approve.click()
    assert shown.args[0].decision.reason == "voucher.undone"
    assert window.feedback.headline.text() == "UNDONE"
    assert journal_types(context) == ["RedemptionEvent", "RedemptionEvent"]
    qtbot.waitUntil(
        lambda: page.redemptions.rowCount() == 1 and page.redemptions.cells(0)[3] == "undone"
    )
    conn = connect(context.db_path, readonly=True)
    try:
        audit = conn.execute("SELECT supervisor_name, reason FROM counter_overrides").fetchall()
        last = journal.pending(conn, 10)[-1]
    finally:
        conn.close()
    assert [tuple(a) for a in audit] == [("Boss", "Scanned by mistake")]
    assert last.payload["action"] == "DELETE"


def test_the_buttons_and_keys_do_what_the_command_sheets_do(qtbot, page, gun, brand):
    gun(brand.voucher("V3"))
    with qtbot.waitSignal(page.reply_shown, timeout=5000) as shown:
        page.cancel_button.click()
    assert shown.args[0].decision.reason == "counter.cancelled"
    assert page.voucher_prize.text() == "Scan a voucher"
    with qtbot.waitSignal(page.reply_shown, timeout=5000) as shown:
        page.mode_buttons.buttons()[1].click()
    assert page.stack.currentIndex() == 1


def test_verify_offline_shows_local_facts(qtbot, window, page, gun):
    shown = gun("010690123456789221U9")
    assert shown.decision.reason == "verify.unknown_offline"
    assert page.stack.currentIndex() == 1
    assert window.feedback.headline.text() == "⚠ NOT KNOWN HERE"
    qtbot.waitUntil(lambda: "Offline" in page.verify_source.text())  # no server to ask


def test_an_installer_claim_by_gun(qtbot, window, page, gun, brand, context):
    assert gun(brand.card("C1", name="王师傅")).decision.reason == "card.valid"
    assert page.installer.text() == "王师傅"
    gun("010690123456789221A1")
    assert "1 product, about" in window.feedback.message.text()  # not "1 products"
    repeated = gun("010690123456789221A1")
    assert repeated.decision.reason == "claim.code_repeated"
    assert window.feedback.headline.text() == "✖ REPEATED"
    # Issue 15, item 6: a product whose label was replaced is refused at the scan, in red,
    # with the code as printed under its barcode (it used to be added in green).
    refused = gun("010690123456789221N1")
    assert refused.decision.reason == "claim.code_not_sold"
    assert window.feedback.outcome is Outcome.ERROR
    assert window.feedback.headline.text() == "✖ NOT SOLD"
    assert "replaced" in window.feedback.message.text()
    assert "(01) 06901234567892 (21) N1" in window.feedback.message.text()
    assert window.scan_log_model.row(0).code == "(01) 06901234567892 (21) N1"
    assert page.lines.rowCount() == 1
    assert page.claim_total.text().startswith("1 product · about")  # not "1 products"
    gun("010690123456789221A2")
    assert page.lines.rowCount() == 2
    done = gun(CONFIRM)
    assert done.decision.reason == "claim.registered"
    # The claim is named by a number a clerk reads out over the phone (it was "cl-<hex>"), on
    # screen and in today's list; and today's count says "1 claim" (it said "1 claims").
    number = done.decision.args["claim"]
    assert number.startswith("FL-") and len(number) == len("FL-XXX-XXX-XXX-XXX")
    assert window.feedback.message.text().startswith(f"CLAIM {number} REGISTERED for 王师傅")
    assert window.scan_log_model.row(0).code == number  # the CONFIRM's row names the claim
    qtbot.waitUntil(lambda: page.claims.rowCount() == 1)
    assert page.claims.cells(0)[1] == number
    assert page.claims.cells(0)[3] == "2"
    assert page.claims_today.text() == "Today: 1 claim, 2 products"
    assert journal_types(context) == ["RebateClaimEvent"]


def test_day_close_saves_pdf_and_xlsx(qtbot, page, gun, brand, tmp_path):
    gun(brand.voucher("V4", prize="水杯", value=1500))
    gun(CONFIRM)
    page.open_day_close()
    dialog = page.day_close_dialog
    dialog.open_files = False
    qtbot.waitUntil(lambda: dialog.data is not None and bool(dialog.data.redemptions))
    assert dialog.summary.rowCount() == 9  # each standing, then the two totals
    assert dialog.whose.text() == "Dealer: 上海一码经销 · Store: 徐汇建材店 · Station: S-A"
    for kind in ("pdf", "xlsx"):
        target = tmp_path / f"close.{kind}"
        with qtbot.waitSignal(dialog.written, timeout=10000):
            dialog.export(target, kind)
        assert target.stat().st_size > 500
    assert (tmp_path / "close.pdf").read_bytes().startswith(b"%PDF")
    sheet = load_workbook(tmp_path / "close.xlsx")["Voucher redemptions"]
    assert sheet["C3"].value == "水杯"
    dialog.close()


def test_the_command_sheet_carries_every_counter_command(qtbot, page):
    page.open_files = False
    texts = [entry.text for _title, entries in page.command_sheet_sections() for entry in entries]
    assert texts == [
        command_text("confirm"),
        command_text("cancel"),
        command_text("undo"),
        command_text("sync"),
        command_text("type"),
        command_text("switch", "redeem"),
        command_text("switch", "verify"),
        command_text("switch", "rebate"),
    ]
    with qtbot.waitSignal(page.sheet_written, timeout=20000) as written:
        page.sheet_button.click()
    assert written.args[0].read_bytes().startswith(b"%PDF")
