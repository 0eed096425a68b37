"""The inspector page driven by the simulated gun: verdicts in the big panel, photos from a
camera and from a file, a note, a case filed by the CONFIRM barcode, regions for the trip."""

from __future__ import annotations

import datetime as dt

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from app.domain.codes import command_text
from app.domain.operators import Role
from app.domain.rules.evidence import MAX_PHOTO_BYTES, MAX_PHOTOS_PER_CASE
from app.domain.store.database import connect
from app.domain.workflows.base import Outcome
from app.domain.workflows.inspector.case_numbers import is_case_number
from app.domain.workflows.inspector.verdict import Verdict
from app.ui.inspector.page import InspectorPage
from app.ui.scan_bridge import ScanBridge
from hardware.simulators import write_video
from tests.support.counter_station import load_snapshot, seed_reference, set_identity
from tests.support.input_method import ime_enabled
from tests.support.shell import log_in

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
    qtbot.waitUntil(lambda: len(page.place.places) > 1)
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
    case = page.cases.cells(0)
    assert is_case_number(case[0]) and case[4] == "净水器滤芯"
    assert case[2] == "waiting to sync" and case[7] == "2"
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
    places = [p.id for p in page.place.listed()]
    assert places == ["CN-ZJ", "CN-ZJ-HZ", "ST-HZ-1"]
    with qtbot.waitSignal(page.sync.roundFinished, timeout=10000):
        page.download_button.click()
    qtbot.waitUntil(lambda: page.download_button.isEnabled())
    assert "continues where it stopped" in page.progress_text.text()


# --- issue 15, item 7 ------------------------------------------------------------------------


def type_into(qtbot, box, text: str) -> None:
    """Keys one by one, as a person types (a burst would read as a gun); Chinese arrives as
    the input method's commit, as it does from a pinyin keyboard."""
    for char in text:
        if char.isascii():
            qtbot.keyClicks(box, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(box, event)
        qtbot.wait(5)


def test_the_verdict_names_the_product_and_the_code_as_printed(qtbot, window, page, gun):
    page.choose_place("ST-SH-1")
    gun(ZJ)
    assert "Product: 净水器滤芯" in page.verdict_lines.text()
    assert "Code: (01) 06901234567892 (21) ZJ1" in page.verdict_lines.text()
    assert "净水器滤芯 (01) 06901234567892 (21) ZJ1" in window.feedback.message.text()
    qtbot.waitUntil(lambda: page.recent.rowCount() == 1)
    assert page.recent.cells(0)[2] == "净水器滤芯"
    assert page.recent.cells(0)[4] == "(01) 06901234567892 (21) ZJ1"
    assert "sgtin:" not in page.verdict_lines.text() + window.feedback.message.text()


def test_the_place_prompt_goes_when_a_place_is_chosen_and_comes_back_when_cleared(
    qtbot, window, page, gun
):
    assert page.verdict.text() == "Pick the place, then scan a product"
    assert gun(SH).decision.reason == "inspect.no_place"
    assert window.feedback.headline.text() == "⚠ WHERE ARE YOU?"
    box = page.place.box  # the page takes the inspector there: no mouse, no hunting for it
    qtbot.waitUntil(lambda: box.hasFocus() and page.place.completer.popup().isVisible())
    assert ime_enabled(box)  # store names are typed in Chinese
    with qtbot.waitSignal(window.decision_shown, timeout=5000):
        type_into(qtbot, box, "徐汇")
        qtbot.keyClick(box, Qt.Key.Key_Return)
    assert page.place_id == "ST-SH-1"
    assert page.verdict.text() == "Scan a product"
    assert window.feedback.headline.text() != "⚠ WHERE ARE YOU?"
    assert "徐汇建材店" in window.feedback.message.text()
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # the box emptied: no place
    assert page.place_id is None and box.text() == ""
    assert page.verdict.text() == "Pick the place, then scan a product"
    assert gun(SH).decision.reason == "inspect.no_place"


def test_the_place_list_is_ordered_searched_by_keyboard_and_takes_no_free_text(qtbot, page):
    assert [p.id for p in page.place.listed()] == [
        "CN",
        "CN-JS",
        "CN-SH",
        "ST-SH-1",
        "CN-ZJ",
        "CN-ZJ-HZ",
        "ST-HZ-1",
    ]  # fmt: skip  (pinyin: jiang, shang, zhe)
    box = page.place.box
    box.setFocus()
    type_into(qtbot, box, "st-")
    assert [p.id for p in page.place.listed()] == ["ST-SH-1", "ST-HZ-1"]
    popup = page.place.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert page.place_id == "ST-HZ-1"
    assert box.text() == "西湖五金店 (store, 杭州)"
    box.selectAll()
    type_into(qtbot, box, "nowhere")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert page.place_id == "ST-HZ-1"  # typed text is never a place
    assert "No store or region matches “nowhere”" in page.place.note.text()
    box.clearFocus()
    qtbot.waitUntil(lambda: box.text() == "西湖五金店 (store, 杭州)")


def test_near_me_puts_the_stations_region_first_or_says_how_to_set_it(qtbot, page, context):
    page.place.near.click()
    listed = [p.id for p in page.place.listed()]
    assert listed[:2] == ["CN-SH", "ST-SH-1"]  # the station's region (enrolled in CN-SH)
    assert listed[2] == "CN" and listed[-2:] == ["CN-ZJ-HZ", "ST-HZ-1"]
    page.place.near.click()
    set_region = "UPDATE settings SET value = json_set(value, '$.region_id', NULL)"
    context.gateway.writer.call(lambda c: c.execute(set_region + " WHERE key = 'sync.whoami'"))
    with qtbot.waitSignal(page.state_loaded, timeout=5000):
        page.reload()
    page.place.near.click()
    assert not page.place.near.isChecked()
    assert "does not know where it is" in page.place.note.text()
    assert "Stations page" in page.place.note.text()


def test_the_scan_log_names_each_verdict(qtbot, window, page, gun, context):
    page.choose_place("ST-SH-1")
    model = window.scan_log_model

    def logged() -> str:
        return model.data(model.index(0, model.COL_RESULT))

    gun(SH)
    assert logged() == "OK"
    gun(ZJ)
    assert logged() == "Diverted"  # it was "Refused": nothing was refused, a diversion found
    gun(FAKE)
    assert logged() == "Unknown"
    context.gateway.writer.call(
        lambda c: c.execute("INSERT OR REPLACE INTO sync_snapshot VALUES (?, ?, ?, ?, ?)",
                            ("sgtin:06901234567892.NEW", None, None, None, None))
    )  # fmt: skip
    gun("010690123456789221NEW")
    assert logged() == "Unshipped"
    context.gateway.writer.call(
        lambda c: c.execute(
            "INSERT OR REPLACE INTO settings (key, value) VALUES ('inspector.max_age_hours', '1')"
        )
    )
    gun(ZJ)
    assert logged() == "Too old"
    page.choose_place(None)
    gun(ZJ)
    assert logged() == "No place"


@pytest.mark.station(language="zh_CN")
def test_in_chinese_the_log_word_and_the_camera_error(qtbot, chinese, window, page, gun):
    page.choose_place("ST-SH-1")
    gun(ZJ)
    model = window.scan_log_model
    assert model.data(model.index(0, model.COL_RESULT)) == "窜货"
    gun(command_text("confirm"))
    assert model.data(model.index(0, model.COL_RESULT)) == "已立案"
    assert "商品：净水器滤芯" in page.verdict_lines.text()
    page.camera_target = "/nonexistent/camera.avi"
    with qtbot.waitSignal(page.photo_failed, timeout=10000):
        page.take_photo()
    words = page.evidence_status.text().replace("/nonexistent/camera.avi", "")
    assert "没有拍到照片" in words and "无法打开摄像头" in words
    assert not any(ch.isascii() and ch.isalpha() for ch in words), words


@pytest.mark.station(operators=[("Zhou", "2222", Role.INSPECTOR), ("Li", "3333", Role.INSPECTOR)])
def test_the_next_operator_sees_none_of_the_last_ones_work(qtbot, window, page, gun, tmp_path):
    page.choose_place("ST-SH-1")
    gun(ZJ)
    shelf = tmp_path / "shelf.png"
    cv2.imwrite(str(shelf), np.full((60, 80, 3), 200, np.uint8))
    with qtbot.waitSignal(page.photo_added, timeout=10000):
        page.add_photo_file(shelf)
    qtbot.waitUntil(lambda: page.photos.count() == 1)
    page.note.setPlainText("第三层货架")
    assert gun(command_text("confirm")).decision.reason == "inspect.case_filed"
    qtbot.waitUntil(lambda: page.cases.rowCount() == 1 and page.recent.rowCount() == 1)
    assert is_case_number(page.cases.cells(0)[0])

    window.logout()
    log_in(qtbot, window, "Li", "3333")
    qtbot.waitUntil(lambda: page.state_loaded is not None and page.recent.rowCount() == 0)
    with qtbot.waitSignal(page.state_loaded, timeout=5000):
        page.reload()
    assert page.recent.rowCount() == 0 and page.cases.rowCount() == 0
    assert page.current is None and page.photos.count() == 0
    assert page.note.toPlainText() == "" and page.evidence_status.text() == ""
    assert "浙江商贸" not in page.verdict_lines.text()
    assert page.verdict.text() == "Scan a product"  # the place stays: the station did not move
    assert gun(command_text("confirm")).decision.reason == "inspect.no_check"

    window.logout()
    log_in(qtbot, window, "Zhou", "2222")
    with qtbot.waitSignal(page.state_loaded, timeout=5000):
        page.reload()
    assert page.recent.rowCount() == 1 and page.cases.rowCount() == 1


def seed_without_data(conn) -> None:
    set_identity(conn, "S-INS", None)
    seed_reference(conn)


@pytest.mark.station(seed=seed_without_data)
def test_with_no_data_the_card_says_what_to_do_and_the_recent_checks_say_no_data(qtbot, page, gun):
    """Screenshot review: the card read "Data age (hours): ∞" and the recent checks "DATA TOO
    OLD" for the check the panel called NO DATA."""
    page.choose_place("ST-SH-1")
    reply = gun(SH)
    assert reply.decision.reason == "inspect.no_data"
    assert page.verdict.text() == "NO DATA"
    assert "∞" not in page.verdict_lines.text()
    assert "No data yet: download it on the Prepare tab first." in page.verdict_lines.text()
    qtbot.waitUntil(lambda: page.recent.rowCount() == 1)
    assert page.recent.cells(0)[1] == "NO DATA"


def test_ctrl_f_finds_the_place_from_anywhere_and_the_note_takes_chinese(qtbot, page, gun):
    assert page.choose_place("ST-SH-1")
    assert gun(SH).check is not None
    assert page.note.isEnabled() and ime_enabled(page.note)  # what the shop said, in Chinese
    page.tabs.setCurrentIndex(2)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: page.place.box.hasFocus())
    assert page.tabs.currentIndex() == 0


def test_a_check_takes_no_photo_past_what_a_case_carries(qtbot, page, gun, context, tmp_path):
    """The server keeps at most MAX_PHOTOS_PER_CASE photos of a case, each at most
    MAX_PHOTO_BYTES: the station refuses the one past either in words, before a case names a
    photo the server never takes (fails on the old code: the eleventh photo was attached)."""
    page.choose_place("ST-SH-1")
    gun(ZJ)
    for shade in range(MAX_PHOTOS_PER_CASE):
        shelf = tmp_path / f"shelf-{shade}.png"
        cv2.imwrite(str(shelf), np.full((60, 80, 3), 20 * shade, np.uint8))
        with qtbot.waitSignal(page.photo_added, timeout=10000) as added:
            page.add_photo_file(shelf)
    assert added.args == [MAX_PHOTOS_PER_CASE]

    frame = np.full((240, 320, 3), 90, np.uint8)
    page.camera_target = str(write_video(tmp_path / "cam.avi", [frame] * 3, size=(320, 240)))
    with qtbot.waitSignal(page.photo_failed, timeout=10000):
        page.take_photo()
    assert page.evidence_status.text() == (
        "Not added: 10 photos is the most a case carries. File it with these."
    )
    huge = tmp_path / "huge.jpg"
    huge.write_bytes(b"\xff" * (MAX_PHOTO_BYTES + 1))
    with qtbot.waitSignal(page.photo_failed, timeout=10000):
        page.add_photo_file(huge)
    assert page.evidence_status.text() == (
        "Not added: the picture is 9 MB, a case's photo at most 8 MB. Save it smaller or use "
        "the camera."
    )

    check_id = page.current.check_id
    conn = connect(context.db_path, readonly=True)
    try:
        held = conn.execute(
            "SELECT count(*) FROM inspector_photos WHERE check_id = ?", (check_id,)
        ).fetchone()[0]
    finally:
        conn.close()
    assert held == MAX_PHOTOS_PER_CASE
    assert len(list((page.evidence_dir / check_id).iterdir())) == MAX_PHOTOS_PER_CASE


def test_a_photo_after_the_case_is_filed_is_refused_in_words(qtbot, page, gun, tmp_path):
    """A photo taken after CONFIRM was attached to the check but named by no case: the server
    refused its upload (403 then, which the station read as 'enroll again'). Fails on the old
    code (the photo was added)."""
    page.choose_place("ST-SH-1")
    gun(ZJ)
    assert gun(command_text("confirm")).decision.reason == "inspect.case_filed"
    shelf = tmp_path / "late.png"
    cv2.imwrite(str(shelf), np.full((60, 80, 3), 120, np.uint8))
    with qtbot.waitSignal(page.photo_failed, timeout=10000):
        page.add_photo_file(shelf)
    assert page.evidence_status.text() == (
        "Not added: this check's case is filed. Scan the product again for a new check."
    )
    assert page.photos.count() == 0
