"""The inspector page driven by the simulated gun: verdicts in the big panel, photos from a
camera and from a file, a note, a case filed by the CONFIRM barcode, regions for the trip."""

from __future__ import annotations

import datetime as dt

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt

from app.domain.codes import command_text
from app.domain.operators import Role
from app.domain.store.database import connect
from app.domain.workflows.base import Outcome
from app.domain.workflows.inspector.verdict import Verdict
from app.ui.inspector.page import InspectorPage
from app.ui.scan_bridge import ScanBridge
from hardware.simulators import write_video
from tests.support.counter_station import load_snapshot, seed_reference, set_identity

SH = "010690123456789221SH1"
ZJ = "010690123456789221ZJ1"
FAKE = "010690123456789221FAKE"


def seed_inspector(conn) -> None:
    set_identity(conn, "S-INS", None)
    seed_reference(conn)
    rows = [
        ("sgtin:06901234567892.SH1", "D001", "CN-SH", "2025-05-02", "O-7"),
        ("sgtin:06901234567892.ZJ1", "D002", "CN-ZJ", "2025-04-20", "O-8"),
    ]
    load_snapshot(conn, rows, dt.datetime.now(dt.UTC) - dt.timedelta(hours=3))


pytestmark = [
    pytest.mark.station(
        operators=[("Zhou", "2222", Role.INSPECTOR)], seed=seed_inspector, language="en"
    ),
    pytest.mark.window(pages=("app.ui.inspector.page",), login=("Zhou", "2222")),
]


@pytest.fixture
def page(qtbot, window) -> InspectorPage:
    page = window.page("inspector")
    assert isinstance(page, InspectorPage)
    assert window.current_page_key() == "inspector"
    qtbot.waitUntil(lambda: page.place.count() > 1)
    return page


@pytest.fixture
def gun(qtbot, context, page):
    bridge = ScanBridge(context.dispatcher)
    source = bridge.add("sim").source

    def scan(text: str):
        with qtbot.waitSignal(page.reply_shown, timeout=5000) as shown:
            source.push(text)
        return shown.args[0]

    yield scan
    bridge.shutdown()


def test_models_pass_the_model_tester(qtmodeltester, page):
    for model in (page.recent, page.cases):
        qtmodeltester.check(model)


def test_verdicts_in_big_colour_evidence_and_a_case(qtbot, window, page, gun, context, tmp_path):
    assert "3 hours old" in page.freshness.text()
    first = gun(SH)
    assert first.decision.reason == "inspect.no_place"
    assert page.choose_place("ST-SH-1")
    ok = gun(SH)
    assert ok.check.judgement.verdict is Verdict.AUTHORISED
    assert window.feedback.headline.text() == "AUTHORISED HERE"
    assert window.feedback.outcome is Outcome.OK
    assert not page.case_button.isEnabled()
    bad = gun(ZJ)
    assert bad.check.judgement.verdict is Verdict.DIVERTED
    assert window.feedback.headline.text() == "DIVERTED"
    assert window.feedback.outcome is Outcome.ERROR
    assert page.verdict.text() == "DIVERTED"
    assert "浙江商贸" in page.verdict_lines.text() and "O-8" in page.verdict_lines.text()
    assert page.case_button.isEnabled()

    # a photo from a camera (a video file stands in for the device) and one from a file
    frame = np.full((240, 320, 3), 90, np.uint8)
    video = write_video(tmp_path / "cam.avi", [frame] * 3, size=(320, 240))
    page.camera_target = str(video)
    with qtbot.waitSignal(page.photo_added, timeout=10000):
        page.take_photo()
    shelf = tmp_path / "shelf.png"
    cv2.imwrite(str(shelf), np.full((60, 80, 3), 200, np.uint8))
    with qtbot.waitSignal(page.photo_added, timeout=10000) as added:
        page.add_photo_file(shelf)
    assert added.args == [2]
    qtbot.waitUntil(lambda: page.photos.count() == 2)
    page.note.setPlainText("第三层货架")
    filed = gun(command_text("confirm"))
    assert filed.decision.reason == "inspect.case_filed"
    assert window.feedback.outcome is Outcome.DONE
    assert not page.case_button.isEnabled()
    qtbot.waitUntil(lambda: page.cases.rowCount() == 1)
    assert page.cases.cells(0)[1] == "waiting to sync"
    assert page.cases.cells(0)[5] == "2"
    conn = connect(context.db_path, readonly=True)
    try:
        payload = conn.execute(
            "SELECT payload FROM journal WHERE type = 'DiversionCaseEvent'"
        ).fetchone()[0]
    finally:
        conn.close()
    assert "第三层货架" in payload
    unknown = gun(FAKE)
    assert unknown.check.judgement.verdict is Verdict.UNKNOWN
    assert window.feedback.headline.text() == "UNKNOWN TO THE BRAND"
    qtbot.waitUntil(lambda: page.recent.rowCount() == 3)


def test_a_missing_camera_says_so_and_keeps_the_check(qtbot, page, gun):
    page.choose_place("CN-SH")
    gun(ZJ)
    page.camera_target = "/nonexistent/camera.avi"
    with qtbot.waitSignal(page.photo_failed, timeout=10000):
        page.take_photo()
    assert "No photo was taken" in page.evidence_status.text()


def test_regions_for_the_trip_and_a_download_without_a_server(qtbot, page):
    page.tabs.setCurrentIndex(1)
    items = {page.region_list.item(i).data(Qt.ItemDataRole.UserRole): page.region_list.item(i)
             for i in range(page.region_list.count())}  # fmt: skip
    assert set(items) == {"CN", "CN-SH", "CN-ZJ", "CN-ZJ-HZ", "CN-JS"}
    with qtbot.waitSignal(page.state_loaded, timeout=5000):
        items["CN-ZJ"].setCheckState(Qt.CheckState.Checked)
    assert page.chosen == ["CN-ZJ"]
    places = [page.place.itemData(i).id for i in range(1, page.place.count())]
    assert places == ["CN-ZJ", "CN-ZJ-HZ", "ST-HZ-1"]
    with qtbot.waitSignal(page.sync.roundFinished, timeout=10000):
        page.download_button.click()
    qtbot.waitUntil(lambda: page.download_button.isEnabled())
    assert "continues where it stopped" in page.progress_text.text()
