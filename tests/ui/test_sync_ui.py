"""The station's sync UI parts: the sync issues list and the Qt face of the sync engine."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QObject, Qt, Slot

from app.domain.store.journal import Event
from app.ui.station_sync import StationSync, error_text
from app.ui.store_gateway import StoreGateway
from app.ui.sync_issues import ISSUE_ROLE, SyncIssuesModel, SyncIssuesWidget
from sync.client.apply import record_results
from sync.client.settle import HANDLED, REOPEN, TAKE_OUT
from sync.client.transport import Offline, RetryPolicy
from sync.protocol import EventResult, Status
from tests.support import ROOT
from tests.support.input_method import ime_enabled
from tests.support.sync_data import seed_sample
from tests.support.sync_station import Station


@pytest.fixture
def station(tmp_path, memory_keyring):
    st = Station(tmp_path / "station")
    yield st
    st.close()


def _rejected(station: Station) -> list[str]:
    """Two events the server refused, recorded the way the sync client records answers."""
    station.writer.call(lambda c: c.execute(
        "INSERT INTO operators (id, name, pin_hash, role) VALUES ('op1', '张三', 'x', 'warehouse')"))  # fmt: skip
    ids = [station.ship(["sgtin:06901234567892.000000000001"], "D1", "SO-1"),
           station.append("RedemptionEvent", {"bizStep": "redeeming", "voucher": "YV1.x.y"})]  # fmt: skip
    rows = station.reader().execute("SELECT * FROM journal ORDER BY seq").fetchall()
    events = [Event(r["seq"], r["event_id"], r["type"], json.loads(r["payload"]), r["occurred_at"], r["mono_ns"],
                    r["operator"], r["station"], r["sync_state"], r["reason"], r["prev_hash"], r["hash"])
              for r in rows]  # fmt: skip
    results = [
        EventResult(event_id=ids[0], status=Status.REJECTED, reason="code.already_shipped",
                    detail={"code": "sgtin:06901234567892.000000000001", "dealer": "D2", "station": "ST-OTHER",
                            "at": "2026-05-01"}),
        EventResult(event_id=ids[1], status=Status.DUPLICATE, original_status=Status.REJECTED,
                    reason="voucher.already_redeemed",
                    detail={"voucher": "VABC", "station": "ST-B", "at": "2026-05-02T10:00:00+00:00"}),
    ]  # fmt: skip
    station.writer.call(lambda c: record_results(c, events, results, "2026-05-03T00:00:00+00:00"))
    return ids


def test_the_issues_list_names_rows_by_what_happened_and_the_code_and_opens_each(
    qtbot, qtmodeltester, station
):
    """Issue 15, item 9: no event numbers, no store keys; Enter opens an issue to what
    happened, on which code, when, who and what to do, with its actions; Esc closes it."""
    ids = _rejected(station)
    gateway = StoreGateway(station.path, station.writer)
    widget = SyncIssuesWidget(gateway, lambda: "supervisor-1")
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtmodeltester.check(widget.model)
    counts: list[int] = []
    widget.countChanged.connect(counts.append)
    widget.refresh()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2)
    qtmodeltester.check(widget.model)
    model = widget.model
    texts = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(2)]
    # newest first: the redemption, refused because another counter was first
    assert texts[0][SyncIssuesModel.WHAT] == "Voucher redemption"
    assert texts[0][SyncIssuesModel.CODE] == "Voucher VABC"
    assert "already redeemed at station ST-B" in texts[0][SyncIssuesModel.PROBLEM]
    assert texts[0][SyncIssuesModel.WHO] == "张三"
    assert texts[1][SyncIssuesModel.WHAT] == "Shipment"
    assert texts[1][SyncIssuesModel.CODE] == "(01) 06901234567892 (21) 000000000001"
    assert "already shipped to D2 by station ST-OTHER" in texts[1][SyncIssuesModel.PROBLEM]
    shown = " ".join(str(t) for row in texts for t in row)
    assert "sgtin:" not in shown and "event" not in shown
    assert widget.title.text() == "Sync issues: 2 open" and counts == [2]

    widget.table.setFocus()
    widget.table.selectRow(1)
    assert model.data(model.index(1, 0), ISSUE_ROLE).event_id == ids[0]
    with qtbot.waitSignal(widget.detailOpened) as opened:
        qtbot.keyClick(widget.table, Qt.Key.Key_Return)
    dialog = opened.args[0]
    assert dialog.isVisible()
    assert "already shipped to D2 by station ST-OTHER" in dialog.headline.text()
    assert dialog.codes.text() == "(01) 06901234567892 (21) 000000000001"
    assert "take the code out of the shipment" in dialog.todo.text()
    assert list(dialog.action_buttons) == [TAKE_OUT, REOPEN, HANDLED]
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: widget.detail is None)

    dialog = widget.open_selected()
    assert ime_enabled(dialog.note)  # a supervisor writes what was done in Chinese
    dialog.note.setText("货物已找回")
    qtbot.mouseClick(dialog.action_buttons[HANDLED], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1)
    assert counts == [2, 1]
    row = station.reader().execute(
        "SELECT resolved_by, resolution FROM sync_issues WHERE event_id = ?", (ids[0],)
    )
    assert tuple(row.fetchone()) == ("supervisor-1", "货物已找回")

    widget.show_resolved.setChecked(True)
    qtbot.waitUntil(lambda: widget.model.rowCount() == 2)
    widget.table.selectRow(1)
    resolved = widget.open_selected()
    assert "Resolved by supervisor-1" in resolved.todo.text() and not resolved.action_buttons
    resolved.close()
    gateway.close()


class _Bar(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.seen: list[object] = []

    @Slot(object)
    def set_online(self, online: object) -> None:
        self.seen.append(online)


def test_the_station_sync_reports_online_progress_and_rounds_as_signals(qtbot, central, station):
    sample = seed_sample(central.server)
    station.enroll(central, site="W1")
    adapter = StationSync(station.path, station.writer, interval=3600,
                                policy=RetryPolicy(attempts=2, base=0.01, cap=0.02))  # fmt: skip
    bar = _Bar()
    adapter.attach_status_bar(bar)
    phases: set[str] = set()
    adapter.progressChanged.connect(lambda phase, done, total: phases.add(phase))
    try:
        with qtbot.waitSignal(adapter.roundFinished, timeout=20000) as first:
            adapter.start()
        assert first.args[1] is None and first.args[0].pulled_changes > 0
        qtbot.waitUntil(lambda: bar.seen == [None, True], timeout=10000)  # not tried, then online
        assert "pull" in phases
        station.ship([sample.items[0]], "D1", "SO-1")
        with qtbot.waitSignal(adapter.roundFinished, timeout=20000) as now:
            adapter.sync_now()
        assert now.args[0].accepted == 1
        qtbot.waitUntil(
            lambda: adapter.status is not None and adapter.status.pending == 0, timeout=10000
        )
    finally:
        adapter.stop()


def test_errors_read_as_what_happened_and_what_to_do():
    text = error_text(Offline("ConnectionError"))
    assert "cannot be reached (ConnectionError)" in text and "sync by itself" in text
    assert error_text(None) == ""


def test_every_reason_and_sync_message_ships_in_chinese(qapp):

    from PySide6.QtCore import QCoreApplication, QTranslator

    from sync.client.client import NotEnrolled
    from sync.client.issues import EVENT_NAMES
    from sync.client.transport import AuthRequired, ServerRefused
    from sync.protocol import REASONS, Reason

    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n/sync_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert set(REASONS) == set(Reason)
        for what, todo in REASONS.values():
            for text in (what, todo):
                assert QCoreApplication.translate("SyncReasons", text) != text, text
        for name in set(EVENT_NAMES.values()):
            assert QCoreApplication.translate("SyncIssues", name) != name
        for error in (Offline, AuthRequired, ServerRefused, NotEnrolled):
            assert QCoreApplication.translate("Sync", error.text) != error.text
        assert "无法连接服务器" in error_text(Offline("timeout"))
    finally:
        QCoreApplication.removeTranslator(translator)


def test_a_problem_of_the_station_itself_is_named_too(qtbot, station):
    """A damaged journal row names no kind of work: the row says whose records it is."""
    from sync.client.issues import UNREADABLE_EVENT, report_station_issue

    station.writer.call(
        lambda c: report_station_issue(
            c, event_id="bad-7", seq=7, reason=UNREADABLE_EVENT, detail={"seq": 7}
        )
    )
    gateway = StoreGateway(station.path, station.writer)
    widget = SyncIssuesWidget(gateway, lambda: "supervisor-1")
    qtbot.addWidget(widget)
    widget.refresh()
    qtbot.waitUntil(lambda: widget.model.rowCount() == 1)
    model = widget.model
    assert model.data(model.index(0, SyncIssuesModel.WHAT)) == "Station records"
    assert "Event 7" in model.data(model.index(0, SyncIssuesModel.PROBLEM))
    gateway.close()
