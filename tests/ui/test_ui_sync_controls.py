"""The sync thread in the station window, against the real reference server on loopback."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from app.domain.operators import Role
from app.domain.rules.tokens import verify
from app.domain.store import journal
from app.domain.store.database import connect, station_id
from app.domain.workflows.base import Decision, Outcome
from app.ui.main_window import MainWindow
from hardware.scan import Scan
from sync.server import admin
from tests.support.shell import log_in
from tests.support.sync_data import seed_sample

SQLITE_ONLY = pytest.mark.parametrize("server_db_url", ["sqlite"], indirect=True)


class ScanningPage(QWidget):
    """A work page that takes scans and says it saw them (stands in for the warehouse page)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window_ = window
        self.seen: list[str] = []

    def handle_scan(self, scan: Scan) -> None:
        self.seen.append(scan.text)
        self.window_.show_decision(Decision(Outcome.OK, "seen"), code=scan.text)


def _scanning_page(window: MainWindow) -> None:
    window.add_page("warehouse", "Warehouse", ScanningPage(window), {Role.WAREHOUSE})


pytestmark = [
    pytest.mark.station(
        operators=[
            ("Sun", "4444", Role.SUPERVISOR),
            ("Wu", "1111", Role.WAREHOUSE),
            ("Ma", "5555", Role.WAREHOUSE),
        ],
        uses=("memory_keyring",),
        sync={"interval": 3600},
    ),
    pytest.mark.window(pages=(), size=(1100, 700), before_start=_scanning_page),
]


@pytest.fixture
def controls(app_station):
    """The window's sync controls (``SyncControls``), as the composition root built them."""
    return app_station.sync


def _enroll(qtbot, wiring, central) -> None:
    code = admin.create_enrollment_code(central.server, site="W1")
    with qtbot.waitSignal(wiring.sync.enrolled, timeout=15000) as enrolled:
        wiring.sync.enroll(central.url, code, station_name="Test")
    assert enrolled.args[1] is None
    qtbot.waitUntil(lambda: wiring.sync_button.isEnabled(), timeout=10000)


def _operator_id(context, name: str) -> str:
    conn = connect(context.db_path, readonly=True)
    try:
        return conn.execute("SELECT id FROM operators WHERE name = ?", (name,)).fetchone()[0]
    finally:
        conn.close()


def _ship(context, keys: list[str], operator: str, order: str) -> str:
    payload = {"action": "OBSERVE", "bizStep": "shipping", "epcList": keys,
               "yima:dealer": "D1", "yima:order": order}  # fmt: skip

    def action(conn):
        return journal.append(conn, "ObjectEvent", payload, operator=operator,
                              station=station_id(conn)).event_id  # fmt: skip

    return context.gateway.writer.call(action)


@SQLITE_ONLY
def test_status_bar_sync_now_and_a_refused_event_in_the_issues_list(
    qtbot, window, controls, context, central
):
    sample = seed_sample(central.server)
    wiring = controls
    log_in(qtbot, window, "Wu", "1111")
    _enroll(qtbot, controls, central)
    status = window.status
    qtbot.waitUntil(lambda: status.online is True, timeout=5000)
    assert wiring.sync_button.isVisible()

    wu = _operator_id(context, "Wu")
    _ship(context, [sample.items[0]], wu, sample.order_d1)
    refused = _ship(context, ["sgtin:06901234567892.999999999999"], wu, sample.order_d1)
    status.refresh()
    qtbot.waitUntil(lambda: "2" in status.pending_label.text(), timeout=5000)

    with qtbot.waitSignal(wiring.sync.roundFinished, timeout=15000) as done:
        qtbot.keyClick(window, Qt.Key.Key_F5)  # sync now
    report, error = done.args
    assert error is None and report is not None
    qtbot.waitUntil(lambda: "0" in status.pending_label.text(), timeout=5000)
    qtbot.waitUntil(lambda: status.status is not None and status.status.last_sync is not None)
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT COUNT(*) FROM events") == 2

    # the refused event is an issue; its operator sees the badge and opens the list with F6
    qtbot.waitUntil(lambda: wiring.issues_button.isVisible(), timeout=5000)
    assert wiring.issues_button.text() == "⚠ 1 sync issue  F6"  # one, not "1 sync issues"
    qtbot.keyClick(window, Qt.Key.Key_F6)
    assert wiring.issues_dialog.isVisible()
    qtbot.waitUntil(lambda: wiring.issues.model.rowCount() == 1, timeout=5000)
    assert wiring.issues.model.issues[0].event_id == refused
    assert wiring.issues.model.issues[0].reason == "code.unknown"

    # another warehouse operator has nothing refused: no badge, no list
    window.logout()
    assert not wiring.issues_dialog.isVisible()
    log_in(qtbot, window, "Ma", "5555")
    qtbot.waitUntil(lambda: wiring._own_issues == 0 and wiring.open_issue_count == 1, timeout=5000)
    assert not wiring.issues_button.isVisible()
    assert wiring.open_issues() is None
    window.logout()
    log_in(qtbot, window, "Sun", "4444")  # a supervisor always may
    qtbot.waitUntil(lambda: wiring.issues_button.isVisible(), timeout=5000)
    assert wiring.open_issues() is not None


@SQLITE_ONLY
def test_the_sync_command_barcode_syncs_from_a_work_page(qtbot, window, controls, context, central):
    seed_sample(central.server)
    wiring = controls
    log_in(qtbot, window, "Wu", "1111")
    _enroll(qtbot, controls, central)
    page = window.page("warehouse")
    with qtbot.waitSignal(wiring.sync.roundFinished, timeout=15000):
        window.deliver_scan(Scan("YIMA:CMD:SYNC", "test"))
    assert page.seen == []  # the page never saw it
    window.deliver_scan(Scan("0106901234567892", "test"))
    assert page.seen == ["0106901234567892"]


@SQLITE_ONLY
def test_one_station_grammar_follows_the_pulled_code_profiles(
    qtbot, window, controls, context, central
):
    wiring = controls
    log_in(qtbot, window, "Wu", "1111")
    _enroll(qtbot, controls, central)
    assert wiring.parser.parse("https://q.example.cn/ABCD1234").scheme.value == "invalid"
    admin.set_setting_value(central.server, "code_profiles", [
        {"name": "partner", "pattern": "https://q.example.cn/{code}", "level": "item"}])  # fmt: skip
    with qtbot.waitSignal(wiring.sync.roundFinished, timeout=15000):
        wiring.sync_now()
    qtbot.waitUntil(
        lambda: wiring.parser.parse("https://q.example.cn/ABCD1234").key == "brand:ABCD1234",
        timeout=5000,
    )
    before = wiring.parser.current
    with qtbot.waitSignal(wiring.sync.roundFinished, timeout=15000):
        wiring.sync_now()
    qtbot.wait(200)
    assert wiring.parser.current is before  # unchanged settings: not rebuilt


def test_the_demo_starts_its_server_connects_and_offers_a_server_voucher(tmp_path, memory_keyring):
    from app.demo import demo_codes, prepare
    from app.domain.store.writer import Writer
    from app.paths import database_path
    from app.ui.sync_controls import start_demo_server
    from sync.client.demo import connect_demo_station

    prepare(tmp_path)
    demo = start_demo_server(tmp_path)
    writer = Writer(database_path(tmp_path))
    writer.start()
    try:
        report = connect_demo_station(
            database_path(tmp_path), writer, demo.url, demo.enrollment_code
        )
        assert report is not None
        vouchers = [c for c in demo_codes(tmp_path) if c["label_en"].startswith("Voucher")]
        assert len(vouchers) == 6
        assert demo.seed is not None and vouchers[0]["text"] == demo.seed.vouchers[0][1]
        conn = connect(database_path(tmp_path), readonly=True)
        try:
            keyset = json.loads(
                conn.execute("SELECT value FROM settings WHERE key = 'sync.keyset'").fetchone()[0]
            )
        finally:
            conn.close()
        # the station verifies the server's voucher offline with the key set it pulled
        keys = {k["kid"]: k["public_key"] for k in keyset["keys"]}
        assert verify(vouchers[0]["text"], keys).id == demo.seed.vouchers[0][0]
    finally:
        writer.stop()
        demo.stop()


@SQLITE_ONLY
@pytest.mark.station(
    operators=[("Boss", "9999", Role.ADMIN), ("Wu", "1111", Role.WAREHOUSE)],
    uses=("memory_keyring",),
    sync={"interval": 3600},
)
def test_an_administrator_enrolls_the_station_by_scanning_the_consoles_qr_code(
    qtbot, window, controls, context, central
):
    reasons: list[str | None] = []
    window.feedback.shown.connect(lambda decision: reasons.append(decision.reason))
    code = admin.create_enrollment_code(central.server, site="W1")
    scan = Scan(f"YIMA:ENROLL:{code}@{central.url}", "test")
    log_in(qtbot, window, "Wu", "1111")
    window.deliver_scan(scan)
    assert reasons[-1] == "enroll.not_admin"
    assert window.page("warehouse").seen == []  # the page never saw it
    window.logout()
    log_in(qtbot, window, "Boss", "9999")
    window.deliver_scan(Scan(f"YIMA:ENROLL:{code[:-1]}@{central.url}", "test"))
    assert reasons[-1] == "enroll.damaged"
    with qtbot.waitSignal(controls.sync.enrolled, timeout=15000):
        window.deliver_scan(scan)
    qtbot.waitUntil(lambda: reasons[-1] == "enroll.done", timeout=5000)
    with central.server.db.read() as tx:
        assert tx.scalar("SELECT count(*) FROM stations WHERE site = 'W1'") == 1
    with qtbot.waitSignal(controls.sync.enrolled, timeout=15000):
        window.deliver_scan(scan)  # the same code again: used, so refused, and nothing changed
    qtbot.waitUntil(lambda: reasons[-1] == "enroll.failed", timeout=5000)
