"""Scans go where the operator looks (issue 11, items 2 and 3).

Reported: with the day's close open, two voucher scans redeemed a voucher behind it and the
dialog's totals did not change; with the self-test results open, scans went to the page
underneath; on the login screen a scan did nothing at all. Each test opens one dialog over
the counter page, scans, and checks that the scan went to the dialog or was held with the
amber "close the dialog first" and the error sound, and that nothing changed behind it (no
journal event, the page as it was). Then: the login screen answers a scan, and a code typed
into the manual-entry box goes to the page like a scan.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt

from app.domain.codes import command_text
from app.domain.operators import Role, badge_text
from app.domain.store.database import connect
from app.domain.workflows.base import Outcome
from app.ui.counter.page import CounterPage
from app.ui.manual_entry import TYPED
from app.ui.scan_bridge import ScanBridge
from app.ui.scanner_wizard import ScannerWizard
from hardware.scan import Scan
from tests.support.counter_station import Brand, give_keys, seed_reference, set_identity, synced_at
from tests.support.shell import log_in

CONFIRM = command_text("confirm")
HELD = "Close the dialog first"


def seed_counter(conn, brand: Brand) -> None:
    set_identity(conn, "S-A", "D001")
    seed_reference(conn)
    give_keys(conn, brand)
    synced_at(conn, dt.datetime.now(dt.UTC))


@pytest.fixture
def brand() -> Brand:
    b = Brand()
    b.rotate("k1")
    return b


pytestmark = [
    pytest.mark.station(
        operators=[
            ("Zhang", "1111", Role.COUNTER),
            ("Boss", "9999", Role.SUPERVISOR),
            ("Admin", "2468", Role.ADMIN),
        ],
        seed=seed_counter,
        uses=("brand",),
        language="en",
    ),
    pytest.mark.window(pages=("app.ui.counter.page",), login=("Boss", "9999")),
]


@pytest.fixture
def page(window) -> CounterPage:
    page = window.page("counter")
    assert isinstance(page, CounterPage) and window.current_page_key() == "counter"
    return page


def events(context) -> int:
    conn = connect(context.db_path, readonly=True)
    try:
        return conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    finally:
        conn.close()


def shown(qtbot, page, window, text: str, source: str = "test"):
    """Scan ``text`` and wait until the page answered it."""
    with qtbot.waitSignal(page.reply_shown, timeout=5000) as reply:
        window.deliver_scan(Scan(text, source))
    return reply.args[0]


def assert_held(qtbot, window, context, page, before: int, text: str) -> None:
    """``text`` scanned now is held: amber, error sound, nothing recorded, the page unchanged."""
    replies: list[object] = []
    page.reply_shown.connect(replies.append)
    prize = page.voucher_prize.text()
    context.sounds.last_played = None
    window.deliver_scan(Scan(text, "test"))
    assert window.feedback.outcome is Outcome.WARNING
    assert HELD in window.feedback.message.text()
    assert context.sounds.last_played is Outcome.ERROR
    qtbot.wait(150)  # long enough for a writer action that should not exist
    assert replies == [] and events(context) == before
    assert page.voucher_prize.text() == prize
    page.reply_shown.disconnect(replies.append)


def test_the_days_close_holds_voucher_scans_and_nothing_is_redeemed_behind_it(
    qtbot, window, page, context, brand
):
    page.open_day_close()
    dialog = page.day_close_dialog
    qtbot.waitUntil(dialog.isVisible)
    before = events(context)
    voucher = brand.voucher("DC1", prize="水杯")
    assert_held(qtbot, window, context, page, before, voucher)
    assert_held(qtbot, window, context, page, before, voucher)  # the old second scan: CONFIRM
    assert_held(qtbot, window, context, page, before, CONFIRM)
    dialog.close()
    assert shown(qtbot, page, window, voucher).decision.reason == "voucher.valid"


def test_the_supervisors_confirmation_takes_a_badge_and_refuses_other_scans(
    qtbot, window, page, context, brand
):
    voucher = brand.voucher("SV1")
    shown(qtbot, page, window, voucher)
    shown(qtbot, page, window, CONFIRM)
    ask = shown(qtbot, page, window, command_text("undo"))
    assert ask.decision.reason == "counter.undo_needs_supervisor"
    dialog = page.supervisor_dialog
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.approve.isEnabled())
    before = events(context)
    context.sounds.last_played = None
    window.deliver_scan(Scan(brand.voucher("SV2"), "test"))  # not for this dialog
    assert "badge" in dialog.error.text() and context.sounds.last_played is Outcome.ERROR
    qtbot.wait(150)
    assert events(context) == before and dialog.isVisible()
    boss = next(
        dialog.supervisor.itemData(i)
        for i in range(dialog.supervisor.count())
        if dialog.supervisor.itemText(i) == "Boss"
    )
    with qtbot.waitSignal(page.reply_shown, timeout=5000) as undone:
        window.deliver_scan(Scan(badge_text(boss.id, "9999"), "test"))  # the supervisor's badge
    assert undone.args[0].decision.reason == "voucher.undone"
    assert not dialog.isVisible()


def test_sync_issues_and_settings_hold_scans(qtbot, app_station, window, page, context, brand):
    issues = app_station.sync.open_issues()  # a supervisor may always see them
    assert issues is not None and issues.isVisible()
    before = events(context)
    assert_held(qtbot, window, context, page, before, brand.voucher("SI1"))
    issues.hide()
    window.logout()
    log_in(qtbot, window, "Admin", "2468")
    window.set_current_page("counter")
    settings = window.open_settings()
    qtbot.waitUntil(settings.isVisible)
    assert_held(qtbot, window, context, page, events(context), brand.voucher("SE1"))
    settings.close()
    assert shown(qtbot, page, window, brand.voucher("SE1")).decision.reason == "voucher.valid"


def test_the_self_test_takes_its_scans_and_its_results_hold_the_rest(
    qtbot, window, page, context, brand
):
    bridge = ScanBridge(context.dispatcher)
    try:
        bridge.add("sim")
        wizard = ScannerWizard(bridge, window)
        wizard.open()
        qtbot.waitUntil(wizard.isVisible)
        wizard.start_scanning()
        before = events(context)
        window.deliver_scan(Scan("TEST-CODE-1", wizard.source_name))
        assert [s.text for s in wizard.received] == ["TEST-CODE-1"]  # to the listening wizard
        assert events(context) == before
        wizard.show_results()
        assert_held(qtbot, window, context, page, before, brand.voucher("ST1"))
        wizard.close()
    finally:
        bridge.shutdown()


def test_the_login_screen_answers_a_scan_and_a_badge_logs_in(qtbot, window, context):
    window.logout()
    login = window.login
    qtbot.waitUntil(lambda: login.forms.currentIndex() == 0)
    context.sounds.last_played = None
    window.deliver_scan(Scan("010690123456789221A1", "test"))
    assert "log in first" in login.notice.text()
    assert context.sounds.last_played is Outcome.ERROR and window.operator is None
    boss = next(
        login.operator_list.item(i).data(Qt.ItemDataRole.UserRole)
        for i in range(login.operator_list.count())
        if login.operator_list.item(i).text() == "Zhang"
    )
    window.deliver_scan(Scan(badge_text(boss.id, "0000"), "test"))  # a badge, wrong PIN
    qtbot.waitUntil(lambda: "Wrong PIN" in login.notice.text(), timeout=5000)
    window.deliver_scan(Scan(badge_text(boss.id, "1111"), "test"))
    qtbot.waitUntil(lambda: window.operator is not None, timeout=5000)
    assert window.operator.name == "Zhang"


def test_a_code_typed_by_hand_goes_to_the_page_like_a_scan(qtbot, window, page, brand):
    box = window.manual_entry
    assert box.isVisible()  # under every page that takes scans
    seen: list[Scan] = []
    window.context.dispatcher.add_listener(seen.append)
    box.line.setText(brand.voucher("MT1", prize="滤芯"))
    with qtbot.waitSignal(page.reply_shown, timeout=5000) as reply:
        box.submit()
    assert reply.args[0].decision.reason == "voucher.valid"
    assert seen[-1].source == TYPED and box.line.text() == ""
    window.context.dispatcher.remove_listener(seen.append)
    box.line.setText("010690123456789221TYPED1")  # a product's code, checked and recorded
    with qtbot.waitSignal(page.reply_shown, timeout=5000) as reply:
        qtbot.keyClick(box.line, Qt.Key.Key_Return)
    assert reply.args[0].verification is not None
    conn = connect(window.context.db_path, readonly=True)
    try:
        payload = conn.execute("SELECT payload FROM journal ORDER BY seq DESC LIMIT 1").fetchone()
    finally:
        conn.close()
    assert json.loads(payload[0])["entry"] == "typed"  # marked as typed in the journal


def _untranslated(qm: str, texts: list[tuple[str, str]]) -> list[str]:
    from PySide6.QtCore import QCoreApplication, QTranslator

    from tests.support import ROOT

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n" / qm))
    QCoreApplication.installTranslator(translator)
    try:
        return [
            text for context, text in texts if QCoreApplication.translate(context, text) == text
        ]
    finally:
        QCoreApplication.removeTranslator(translator)


def test_what_the_gate_the_login_the_typing_box_and_the_dialog_say_ships_in_chinese(qapp):
    from app.ui.scan_gate import HELD as HELD_TEMPLATE

    assert (
        _untranslated(
            "shell_zh_CN.qm",
            [
                ("Decisions", HELD_TEMPLATE),
                ("LoginScreen", "Nothing was recorded: log in first, then scan."),
                ("ManualEntry", "Label damaged? Type the code here, then Enter (marked as typed)"),
                ("ManualEntry", "Enter code"),
                ("ManualEntry", "Keypad"),
            ],
        )
        == []
    )
    assert (
        _untranslated(
            "counter_zh_CN.qm",
            [
                (
                    "SupervisorDialog",
                    "Scan a supervisor's badge or type their PIN; CANCEL keeps the redemption.",
                )
            ],
        )
        == []
    )


def test_the_type_command_barcode_opens_the_typing_box(qtbot, window, page):
    box = window.manual_entry
    window.deliver_scan(Scan(command_text("type"), "test"))
    qtbot.waitUntil(box.line.hasFocus)
    assert not box.keypad.isVisible()  # a desk PC: its keyboard is enough
    window.resize(800, 600)
    qtbot.waitUntil(lambda: window.compact)
    window.deliver_scan(Scan(command_text("type"), "test"))
    assert box.keypad.isVisible()  # a handheld: digits on screen
    for key in "42":
        box.keypad.buttons[key].click()
    assert box.line.text().endswith("42")
