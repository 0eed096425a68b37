"""The station window: roles decide the pages, shortcuts switch them, scans reach the page in front."""

import datetime as dt
import json
import time

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QLabel, QWidget

from app.domain import clock
from app.domain.operators import Role
from app.domain.store import journal
from app.domain.workflows.base import Decision, Outcome
from app.ui.compact import FULL_TEXT
from app.ui.feedback_panel import COLOURS
from app.ui.main_window import PlaceholderPage
from app.ui.scan_log import ScanLogModel
from hardware.scan import Scan
from tests.support import ROOT
from tests.support.shell import log_in

pytestmark = [
    pytest.mark.station(
        operators=[
            ("Boss", "2468", Role.ADMIN),
            ("Wu", "1111", Role.WAREHOUSE),
            ("Chen", "2222", Role.COUNTER),
            ("Liu", "3333", Role.INSPECTOR),
            ("Sun", "4444", Role.SUPERVISOR),
        ]
    ),
    # The bare shell: no area pages registered, so every page is its placeholder.
    pytest.mark.window(pages=(), size=(800, 600)),
]


def _visible_pages(window):
    return [k for k in ("warehouse", "counter", "inspector") if window._pages[k].button.isVisible()]


@pytest.mark.parametrize(
    ("name", "pin", "pages", "settings"),
    [
        ("Boss", "2468", ["warehouse", "counter", "inspector"], True),
        ("Wu", "1111", ["warehouse"], False),
        ("Chen", "2222", ["counter"], False),
        ("Liu", "3333", ["inspector"], False),
        ("Sun", "4444", ["counter"], False),
    ],
)
def test_roles_decide_which_pages_show(qtbot, window, name, pin, pages, settings):
    log_in(qtbot, window, name, pin)
    assert _visible_pages(window) == pages
    assert window.page_keys() == pages
    assert window.current_page_key() == pages[0]
    assert window._pages[pages[0]].button.isChecked()
    assert window.settings_button.isVisible() is settings
    assert name in window.operator_label.text()
    assert name in window.status.operator_label.text()


def test_a_page_outside_the_role_cannot_be_reached(qtbot, window):
    log_in(qtbot, window, "Wu", "1111")
    assert window.set_current_page("counter") is False
    qtbot.keyClick(window, Qt.Key.Key_F2)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "warehouse"


def test_shortcuts_switch_pages(qtbot, window):
    log_in(qtbot, window, "Boss", "2468")
    assert window.current_page_key() == "warehouse"
    with qtbot.waitSignal(window.page_changed) as changed:
        qtbot.keyClick(window, Qt.Key.Key_F3)
    assert changed.args == ["inspector"]
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.current_page_key() == "counter"
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "warehouse"
    assert window._pages["warehouse"].button.isChecked()
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "inspector"
    button = window._pages["inspector"].button
    assert "F3" in (button.toolTip() if window.compact else button.text())


def test_placeholders_are_plain_and_honest(qtbot, window):
    log_in(qtbot, window, "Boss", "2468")
    key = next(k for k in window.page_keys() if isinstance(window.page(k), PlaceholderPage))
    page = window.page(key)
    assert page.heading.text() == window._pages[key].title
    assert "not installed on this station" in page.body.text()
    assert "later version" not in page.body.text().lower()


class _ScanningPage(QLabel):
    def __init__(self, window):
        super().__init__("Receiving")
        self.window = window
        self.scans = []

    def handle_scan(self, scan):
        self.scans.append(scan)
        self.window.show_decision(
            Decision(Outcome.OK, "Received {count} items.", {"count": 24}, reason="ok"),
            code=scan.text,
        )


def test_add_page_replaces_a_placeholder_and_receives_scans(qtbot, window):
    page = _ScanningPage(window)
    window.add_page("warehouse", "Receive", page, {Role.WAREHOUSE})
    log_in(qtbot, window, "Wu", "1111")
    assert window.page("warehouse") is page
    assert window._pages["warehouse"].button.text().startswith("Receive")
    assert window.current_page_key() == "warehouse"
    window.deliver_scan(Scan("]d2\x1d0106901234567892\x1d21ABC", source="sim"))
    assert [s.source for s in page.scans] == ["sim"]
    assert window.feedback.outcome is Outcome.OK
    assert window.feedback.message.text() == "Received 24 items."
    row = window.scan_log_model.row(0)
    assert row.code == "(01) 06901234567892 (21) ABC"  # as printed under the barcode
    window.deliver_scan(Scan("]d2\x1d01069012345678\x1d21ABC", source="sim"))  # not a code
    assert window.scan_log_model.row(0).code == "]d2<1D>01069012345678<1D>21ABC"  # GS shown
    assert window.context.sounds.last_played is Outcome.OK


class _BrokenPage(QLabel):
    def handle_scan(self, scan):
        raise RuntimeError("bug in a page")


def test_the_dispatcher_follows_the_page_in_front_and_the_operator(qtbot, window):
    receiving = _ScanningPage(window)
    window.add_page("warehouse", "Receive", receiving, {Role.WAREHOUSE})
    dispatcher = window.context.dispatcher
    assert dispatcher.handler is None  # nobody logged in
    log_in(qtbot, window, "Boss", "2468")
    assert dispatcher.handler == receiving.handle_scan
    assert window.feedback.headline.text() == "Ready to scan"
    qtbot.keyClick(window, Qt.Key.Key_F2)  # a placeholder: scans only warn
    assert dispatcher.handler is None
    assert window.feedback.headline.text() == "No scanning on this page"
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dispatcher.dispatch(Scan("ABC", source="wedge"))
    assert [s.text for s in receiving.scans] == ["ABC"]
    window.logout()
    assert dispatcher.handler is None


def test_a_failing_page_shows_an_error_instead_of_losing_the_scan(qtbot, window):
    window.add_page("counter", "Redeem", _BrokenPage("x"), {Role.COUNTER})
    log_in(qtbot, window, "Chen", "2222")
    window.deliver_scan(Scan("VOUCHER-1", source="wedge"))
    assert window.feedback.outcome is Outcome.ERROR
    assert "nothing was recorded" in window.feedback.message.text()
    assert window.scan_log_model.row(0).code == "VOUCHER-1"


def test_new_pages_get_the_next_shortcut_and_roles(qtbot, window):
    window.add_page("reports", "Reports", QWidget(), {Role.SUPERVISOR})
    log_in(qtbot, window, "Sun", "4444")
    assert window.page_keys() == ["counter", "reports"]
    qtbot.keyClick(window, Qt.Key.Key_F4)
    assert window.current_page_key() == "reports"


def test_a_scan_on_a_placeholder_warns_and_records_nothing(qtbot, window):
    log_in(qtbot, window, "Chen", "2222")
    window.deliver_scan(Scan("12345678901234567890", source="wedge"))
    assert window.feedback.outcome is Outcome.WARNING
    assert "Nothing was recorded" in window.feedback.message.text()
    assert window.scan_log_model.rowCount() == 1


def test_scans_before_login_are_ignored(qtbot, window):
    window.deliver_scan(Scan("12345678901234567890", source="wedge"))
    assert window.scan_log_model.rowCount() == 0
    assert window.root.currentWidget() is window.login


@pytest.mark.parametrize("outcome", list(Outcome))
def test_feedback_shows_each_outcome_in_its_colour(qtbot, window, outcome):
    log_in(qtbot, window, "Boss", "2468")
    window.context.settings.flash_enabled = False
    window.show_decision(Decision(outcome, "Case {case} is full.", {"case": "C-7"}), code="x")
    assert window.feedback.background == COLOURS[outcome][0]
    assert window.feedback.message.text() == "Case C-7 is full."
    assert window.scan_log_model.data(
        window.scan_log_model.index(0, ScanLogModel.COL_RESULT)
    ) == window.scan_log_model.result_text(outcome)


def test_logout_returns_to_login_and_forgets_the_session(qtbot, window):
    log_in(qtbot, window, "Boss", "2468")
    # the top bar's buttons show their keys, as every other button does (a narrow window
    # keeps the full label aside: app/ui/compact.py)
    for button, keys in ((window.logout_button, "Ctrl+L"), (window.settings_button, "Ctrl+,")):
        assert (button.property(FULL_TEXT) or button.text()).endswith(keys)
    window.show_decision(Decision(Outcome.ERROR, "Refused."), code="x")
    with qtbot.waitSignal(window.operator_changed) as signal:
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert signal.args == [None]
    assert window.root.currentWidget() is window.login
    assert window.scan_log_model.rowCount() == 0
    assert window.context.settings.last_operator_id == window.login.selected_operator().id
    log_in(qtbot, window, "Wu", "1111")
    assert window.page_keys() == ["warehouse"]


def test_status_bar_counts_events_waiting_to_sync(qtbot, window, context):
    qtbot.waitUntil(lambda: window.status.status is not None)
    assert window.status.pending_label.text() == "Waiting to send: 0"
    assert window.status.status.station_id in window.status.station_label.text()
    assert "No server set up" in window.status.connection_label.text()
    for n in range(3):
        context.gateway.writer.call(
            lambda conn, n=n: journal.append(
                conn, "ObjectEvent", {"n": n}, operator="Boss", station="ST"
            )
        )
    window.status.refresh()
    qtbot.waitUntil(lambda: window.status.pending_label.text() == "Waiting to send: 3")
    window.status.set_online(True)
    assert "Online" in window.status.connection_label.text()


def test_status_bar_shows_what_the_sync_client_recorded(qtbot, window, context):
    """Online or offline comes from the sync engine alone (one online state); the database
    says only whether a server is set up, when the last sync was and how far the clock is off."""

    def record(conn, key, value):
        conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, json.dumps(value)),
        )

    writer = context.gateway.writer
    status = window.status
    writer.call(lambda conn: record(conn, "sync.server_url", "https://sync.example.cn"))
    status.refresh()
    qtbot.waitUntil(lambda: "Connecting" in status.connection_label.text())
    assert status.sync_label.text() == "Last sync: never"
    status.set_online(False)
    assert "Offline" in status.connection_label.text()
    writer.call(lambda conn: record(conn, "sync.last_success_at", "2024-05-01T08:30:00.000+00:00"))
    status.refresh()  # a successful sync in the database does not make the bar say online
    local = dt.datetime(2024, 5, 1, 8, 30, tzinfo=dt.UTC).astimezone().strftime("%Y-%m-%d %H:%M")
    qtbot.waitUntil(lambda: status.sync_label.text() == f"Last sync: {local}")
    assert "Offline" in status.connection_label.text()
    status.set_online(True)
    assert "Online" in status.connection_label.text()


def test_status_bar_warns_of_a_clock_off_the_servers(qtbot, window, context):
    now = dt.datetime.now(dt.UTC)
    writer = context.gateway.writer
    status = window.status

    def heard(offset: dt.timedelta) -> None:
        anchor = clock.Anchor.heard(now - offset, now, time.monotonic(), clock.boot_id())
        writer.call(lambda conn: clock.save(conn, anchor))
        status.refresh()

    heard(dt.timedelta(days=365))
    qtbot.waitUntil(lambda: status.clock_label.isVisible())
    assert status.clock_label.text() == "⚠ Clock 365 days ahead of the server"
    heard(dt.timedelta(minutes=-40))
    qtbot.waitUntil(lambda: status.clock_label.text() == "⚠ Clock 40 min behind the server")
    heard(dt.timedelta(minutes=2))  # a few minutes are no news
    qtbot.waitUntil(lambda: not status.clock_label.isVisible())
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n/shell_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        heard(dt.timedelta(hours=-3))
        qtbot.waitUntil(lambda: status.clock_label.text() == "⚠ 本机时钟比服务器慢 3 小时")
        assert "服务器时间" in status.clock_label.toolTip()
    finally:
        QCoreApplication.removeTranslator(translator)


def test_the_station_mounts_every_area_page(make_station):
    win = make_station(login=("Boss", "2468")).window
    assert win.page_keys() == ["warehouse", "counter", "inspector", "dashboard"]
    assert not any(isinstance(win.page(k), PlaceholderPage) for k in win.page_keys())
