"""The warehouse page driven end to end by a simulated keyboard-wedge gun (QTest key bursts).

A real station (SQLite file, writer, gateway), the real shell window, the
application-wide wedge filter: each scan is typed at gun speed, becomes one Scan,
goes through the dispatcher to the page, is decided on the writer and comes back
to the feedback panel. Refusals and undo are checked on screen and in the journal.
"""

import re
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.domain.codes import command_text
from app.domain.operators import Role
from app.domain.store.database import connect
from app.domain.workflows.base import Outcome
from app.domain.workflows.warehouse import Flow
from app.ui.scan_bridge import ScanBridge
from app.ui.warehouse import WarehousePage
from hardware.wedge import WedgeConfig
from tests.support.keyboard import GunTyping
from tests.support.warehouse_data import case_raw, item_raw, pallet_raw, seed


def _seed(conn) -> None:
    seed(conn)


pytestmark = [
    pytest.mark.station(
        operators=[("Wu", "1111", Role.WAREHOUSE), ("Boss", "2222", Role.SUPERVISOR)],
        seed=_seed,
        language="en",
    ),
    pytest.mark.window(login=("Wu", "1111")),
]


@pytest.fixture
def page(qtbot, window) -> WarehousePage:
    page = window.page("warehouse")
    assert isinstance(page, WarehousePage)
    assert window.current_page_key() == "warehouse"
    page.open_files = False
    qtbot.waitUntil(lambda: page.result is not None)
    return page


@pytest.fixture
def gun(qtbot, window, page, context):
    """Type a code as a USB gun does (2 ms between keys, Enter) and wait for its decision.

    The keys carry the gun's own timing (``GunTyping``): typed from the GUI thread on
    QTest's and the filter's real time, whatever the event loop or a busy machine did between
    two keys looked like the gun pausing inside its code, and the wedge rightly split it.
    """
    bridge = ScanBridge(context.dispatcher)
    bridge.set_wedge_config(WedgeConfig(max_gap_ms=35, min_length=4))
    bridge.add("wedge")
    typing = GunTyping(bridge.wedge_filter, gap_ms=2)
    window.activateWindow()
    qtbot.wait(50)

    def scan(text: str):
        qtbot.wait(60)  # a person takes far longer than this between two scans
        with qtbot.waitSignal(page.result_shown, timeout=5000) as shown:
            typing.type(window, text)
        return shown.args[0]

    yield scan
    bridge.shutdown()


def cmd(name, arg=None):
    return command_text(name, arg)


def _events(context) -> int:
    conn = connect(context.db_path, readonly=True)
    try:
        return conn.execute("SELECT count(*) FROM journal").fetchone()[0]
    finally:
        conn.close()


def test_pack_a_case_by_gun_with_refusals_and_undo(qtbot, window, page, gun, context):
    first = gun(case_raw("P1", 90))
    assert first.flow is Flow.PACK and first.decision.outcome is Outcome.OK
    assert window.feedback.outcome is Outcome.OK
    assert "000090" in page.job_title.text()
    before = _events(context)
    refused = gun(item_raw("P2", 1))
    assert refused.decision.reason == "pack.product_mix"
    assert window.feedback.outcome is Outcome.ERROR
    assert "Product P2" in window.feedback.message.text()
    assert context.sounds.last_played in (Outcome.ERROR, None)  # None: muted or no audio device
    assert _events(context) == before
    assert gun(item_raw("P1", 31)).decision.outcome is Outcome.OK
    assert page.job_detail.text().endswith("· 1 scan")  # not "1 scans" (screenshot review)
    for n in range(32, 36):
        assert gun(item_raw("P1", n)).decision.outcome is Outcome.OK
    full = gun(item_raw("P1", 36))
    assert full.decision.outcome is Outcome.DONE and window.feedback.outcome is Outcome.DONE
    assert page.lines_model.data(page.lines_model.index(0, 2)) == 6
    undone = gun(cmd("undo"))
    assert undone.decision.reason == "pack.undone" and undone.job.status == "open"
    assert page.lines_model.data(page.lines_model.index(0, 2)) == 5
    # the move offer: refused first, then a second scan of the same code moves it
    offer = gun(item_raw("P1", 1))
    assert offer.decision.reason == "pack.in_other_parent"
    assert page.pending.isVisible()
    assert gun(item_raw("P1", 1)).decision.reason == "pack.full"
    assert not page.pending.isVisible()
    qtbot.waitUntil(lambda: page.scans_model.rowCount() >= 7)


def test_ship_an_order_chosen_by_barcode_then_print_the_delivery_note(
    qtbot, page, gun, window, context
):
    assert gun(item_raw("P1", 31)).decision.reason == "pack.need_parent"
    started = gun(cmd("switch", "ship:SO-1"))
    assert started.flow is Flow.SHIP and started.job.order_id == "SO-1"
    assert page.context_bar.currentIndex() == 1
    assert gun(pallet_raw(1)).decision.reason == "ship.over"
    assert gun(case_raw("P1", 1)).decision.outcome is Outcome.OK
    assert gun(case_raw("P1", 1)).decision.reason == "ship.duplicate"
    assert gun(item_raw("P2", 1)).decision.outcome is Outcome.OK
    assert page.progress.isVisible() and page.progress.value() == 7
    asked = gun(cmd("finish"))  # 11 short: it asks first (issue 15, item 1)
    assert asked.decision.reason == "wh.finish_short_asked"
    assert page.pending.isVisible() and "FINISH" in page.pending.text()
    assert window.feedback.outcome is Outcome.WARNING
    # FINISH records the shipment and saves its delivery note, as the message promised
    with qtbot.waitSignal(page.file_written, timeout=10000) as written:
        shipped = gun(cmd("finish"))
    assert shipped.decision.reason == "ship.shipped_partial"
    assert window.feedback.outcome is Outcome.DONE and not page.pending.isVisible()
    pdf = written.args[0]
    assert (
        pdf.suffix == ".pdf" and pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 2000
    )
    assert shipped.job.id in pdf.name or "SO-1" in pdf.name
    # the path is shown whole: cut in the middle when the page is narrow, never at the end
    assert page.paper_note.isVisible() and page.paper_note.toolTip() == str(pdf)
    page.paper_note.resize(260, page.paper_note.height())
    page._elide_paper_note()
    shown = page.paper_note.text()
    assert "…" in shown and shown.endswith(pdf.name[-8:])
    for kind in ("csv", "xlsx"):
        with qtbot.waitSignal(page.file_written, timeout=10000) as written:
            page.export(kind)
        assert written.args[0].stat().st_size > 200
    assert "SO-1" in written.args[0].name or "SH-" in written.args[0].name


def test_ship_refusals_on_screen(page, gun, window):
    gun(cmd("switch", "ship:SO-2"))
    gun(case_raw("P1", 1))
    gun(cmd("switch", "ship:SO-1"))
    held = gun(case_raw("P1", 1))
    assert held.decision.reason == "ship.held" and window.feedback.outcome is Outcome.ERROR
    assert "SO-2" in window.feedback.message.text()
    gun(cmd("switch", "ship:SO-2"))
    assert gun(item_raw("P2", 2)).decision.reason == "ship.wrong_product"
    assert gun("junk!!").decision.outcome is Outcome.ERROR
    gun(cmd("cancel"))
    assert page.pending.isVisible()
    cancelled = gun(cmd("cancel"))
    assert cancelled.decision.reason == "wh.cancelled" and cancelled.job.status == "cancelled"


def test_receive_from_the_chooser_with_over_and_unexpected(qtbot, page, gun):
    page.switch_flow(Flow.RECEIVE)
    qtbot.waitUntil(lambda: page.inbound_combo.count() == 2)
    page.inbound_combo.setCurrentIndex(page.inbound_combo.findData("IN-1"))
    with qtbot.waitSignal(page.result_shown):
        page.start_receive.click()
    assert page.result.job.inbound_id == "IN-1"
    assert gun(pallet_raw(2)).decision.args["items"] == 24
    assert gun(item_raw("P1", 200)).decision.reason == "receive.over"
    assert gun(item_raw("P2", 200)).decision.reason == "receive.unexpected"
    colours = {
        page.lines_model.data(page.lines_model.index(r, 0)): page.lines_model.data(
            page.lines_model.index(r, 0), Qt.ItemDataRole.BackgroundRole
        )
        for r in range(2)
    }
    assert all(colour is not None for colour in colours.values())
    assert gun(cmd("finish")).decision.reason == "receive.finished_diff"


def test_stocktake_returns_relabel_unpack_by_gun(page, gun):
    assert gun(cmd("switch", "stocktake:A-01")).job.location_id == "A-01"
    assert gun(pallet_raw(1)).decision.reason == "stocktake.ok"
    assert gun(case_raw("P1", 1)).decision.reason == "stocktake.duplicate"
    assert gun(cmd("finish")).decision.reason == "stocktake.finished"
    assert gun(cmd("switch", "ship:SO-2")).decision.reason == "ship.started"
    assert gun(case_raw("P1", 5)).decision.reason == "ship.complete"
    assert gun(cmd("finish")).decision.reason == "ship.shipped"
    assert gun(cmd("switch", "return:damaged")).decision.reason == "return.started"
    assert gun(case_raw("P1", 5)).decision.reason == "return.quarantine"
    assert gun(cmd("undo")).decision.reason == "return.undone"
    gun(cmd("relabel"))
    assert gun(item_raw("P1", 31)).pending == "relabel_new"
    assert page.pending.isVisible()
    assert gun(item_raw("P1", 900)).decision.reason == "relabel.done_unverified"
    assert page.job_title.text().endswith("· 1 label replaced")  # not "1 labels"
    gun(cmd("unpack"))
    assert gun(pallet_raw(1)).decision.reason == "unpack.opened"
    assert gun(pallet_raw(1)).decision.reason == "unpack.emptied"


def test_a_state_read_asked_before_a_scan_never_shows_over_its_reply(qtbot, page, gun, context):
    """The page reads where the station is (on start-up, at login, coming back to it) beside the
    writer. On a busy PC that read came back after the reply to the scan made next, and was
    shown over it, holding the state from before the scan when it read before the commit (the
    page went back to the old flow and job); its signal also answered whoever waited for the
    scan's decision. Here the station's two readers are kept busy so the read comes back last,
    every time: it must leave the scan's reply in place and say nothing."""
    first, second = threading.Event(), threading.Event()
    for gate in (first, second):  # one gate per reader thread
        context.gateway.read(lambda conn, gate=gate: gate.wait(10))
    page.load_state()  # asked for before the scan, answered after it
    switched = gun(cmd("switch", "stocktake:A-01"))
    read_back = []
    context.gateway.read(lambda conn: None, on_done=read_back.append)
    try:
        with qtbot.assertNotEmitted(page.result_shown):
            first.set()  # one reader answers the state read, then the read queued after it
            qtbot.waitUntil(lambda: read_back == [None])
    finally:
        first.set()
        second.set()
    assert page.result is switched
    assert page.job_title.text() == "Stocktake · Aisle A-01"
    assert page.context_bar.currentWidget() is page._context_pages[Flow.STOCKTAKE]


def test_keyboard_shortcuts(qtbot, page, gun, window):
    gun(case_raw("P1", 90))
    gun(item_raw("P1", 31))
    with qtbot.waitSignal(page.result_shown) as undone:
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert undone.args[0].decision.reason == "pack.undone"
    with qtbot.waitSignal(page.result_shown) as switched:
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_2, Qt.KeyboardModifier.AltModifier)
    assert switched.args[0].flow is Flow.SHIP
    with qtbot.waitSignal(page.result_shown) as finished:
        QTest.keyClick(
            window.windowHandle(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
        )
    assert finished.args[0].decision.reason == "wh.no_job"


def test_open_jobs_resume_and_cancel_a_line(qtbot, page, gun):
    gun(cmd("switch", "ship:SO-1"))
    gun(case_raw("P1", 1))
    gun(item_raw("P2", 1))
    gun(cmd("switch", "pack"))
    qtbot.waitUntil(lambda: page.open_model.rowCount() == 1)
    page.open_view.setCurrentIndex(page.open_model.index(0, 0))
    with qtbot.waitSignal(page.result_shown) as resumed:
        page._resume_selected()
    assert resumed.args[0].flow is Flow.SHIP
    page.lines_view.setCurrentIndex(page.lines_model.index(0, 0))
    with qtbot.waitSignal(page.result_shown) as cancelled:
        page.cancel_line_button.click()
    assert cancelled.args[0].decision.reason == "ship.line_cancelled"
    assert [line.scanned for line in cancelled.args[0].job.lines] == [0, 1]


def test_command_sheet_pdf(qtbot, page):
    with qtbot.waitSignal(page.file_written, timeout=20000) as written:
        page.print_command_sheet()
    path = written.args[0]
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 10000
    pages = re.search(rb"/Type\s*/Pages.*?/Count\s+(\d+)", data, re.S)
    assert pages and int(pages.group(1)) >= 2  # 21 commands, orders, deliveries, locations


def test_models_are_sound(qtmodeltester, page, gun, qtbot):
    gun(cmd("switch", "ship:SO-1"))
    gun(case_raw("P1", 1))
    qtbot.waitUntil(lambda: page.scans_model.rowCount() == 1 and page.open_model.rowCount() == 1)
    for model in (page.lines_model, page.scans_model, page.open_model, page.history_model):
        qtmodeltester.check(model)


def test_printed_command_barcodes_scan_back(qtbot):
    """The sheet's Code 128 and QR drawing reads back as exactly the command text."""
    import numpy as np
    import zxingcpp
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from app.domain.codes import parse
    from app.ui.warehouse.printing import draw_code128, draw_qr

    text = cmd("switch", "stocktake:A-01")
    image = QImage(1400, 500, QImage.Format.Format_Grayscale8)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(Qt.PenStyle.NoPen)
    draw_code128(painter, text, QRectF(40, 40, 1000, 160), 3.0)
    draw_qr(painter, text, QRectF(1100, 40, 250, 250))
    painter.end()
    pixels = np.array(image.constBits(), dtype=np.uint8).reshape(
        image.height(), image.bytesPerLine()
    )
    found = {r.format.name: r.text for r in zxingcpp.read_barcodes(pixels[:, : image.width()])}
    assert found.get("Code128") == text and found.get("QRCode") == text
    assert parse(found["Code128"]).fields["arg"] == "stocktake:A-01"


def test_lines_say_not_on_the_paper_only_when_there_is_a_paper(qtbot):
    from app.domain.workflows.warehouse import Line
    from app.ui.warehouse.models import LinesModel

    model = LinesModel()
    model.set_lines([Line("P1", "Product P1", None, 6)])  # a return: nothing was expected
    assert model.data(model.index(0, 3)) == ""
    assert model.data(model.index(0, 0), Qt.ItemDataRole.BackgroundRole) is None
    model.set_lines([Line("P1", "Product P1", 24, 25), Line("P2", "Product P2", None, 1)])
    assert model.data(model.index(0, 3)) == "1 over"
    assert model.data(model.index(1, 3)) == "not expected"
    assert model.data(model.index(1, 0), Qt.ItemDataRole.BackgroundRole) is not None


def test_all_scanned_is_not_done_until_finish(page, gun, window):
    """Before, "✔✔ done" showed when the last line was scanned although nothing had shipped."""
    gun(cmd("switch", "ship:SO-2"))
    complete = gun(case_raw("P1", 5))
    assert complete.decision.reason == "ship.complete"
    assert window.feedback.outcome is Outcome.OK and "FINISH" in window.feedback.message.text()
    assert gun(cmd("finish")).decision.reason == "ship.shipped"
    assert window.feedback.outcome is Outcome.DONE


def test_goods_without_a_serial_by_barcode_and_typed_quantity(qtbot, page, gun):
    from tests.support.warehouse_data import PRODUCTS, gtin14

    gun(cmd("switch", "receive:IN-1"))
    asked = gun(gtin14("0", PRODUCTS["P1"])[1:])  # the carton's EAN-13
    assert asked.decision.reason == "wh.quantity_asked"
    assert page.quantity.isVisible() and not page.pending.isVisible()  # the question alone
    with qtbot.waitSignal(page.result_shown, timeout=5000) as shown:
        QTest.keyClicks(page.quantity, "12")
        QTest.keyClick(page.quantity, Qt.Key.Key_Return)
    counted = shown.args[0]
    assert counted.decision.reason == "wh.quantity_counted" and counted.job.scanned == 12
    assert not page.quantity.isVisible() and not page.pending.isVisible()
    assert page.progress.value() == 12


def test_the_days_counts_per_operator_for_a_supervisor_only(qtbot, page, window):
    from hardware.scan import Scan
    from tests.support.shell import log_in

    def scan(text: str):
        with qtbot.waitSignal(page.result_shown, timeout=5000) as shown:
            window.deliver_scan(Scan(text, "sim"))
        return shown.args[0]

    scan(cmd("switch", "ship:SO-2"))
    scan(case_raw("P1", 5))
    assert scan(cmd("finish")).decision.reason == "ship.shipped"
    assert not page.tabs.isTabVisible(page.day_tab)  # Wu works here; the figures are for bosses
    window.logout()
    log_in(qtbot, window, "Boss", "2222")  # a supervisor reaches the page and sees the figures
    assert "warehouse" in window.page_keys() and window.set_current_page("warehouse")
    assert page.tabs.isTabVisible(page.day_tab)
    page.refresh_lists()
    qtbot.waitUntil(lambda: page.day_model.rowCount() == 1, timeout=5000)
    wu = page.day_model.row(0)
    assert (wu.name, wu.scans, wu.cases_packed, wu.shipments) == ("Wu", 1, 0, 1)


def test_a_switch_of_task_says_switched_not_ok(qtbot, page, gun, window):
    """Before, a switch showed the plain "✔ OK" a worker reads as goods taken in or shipped."""
    switched = gun(cmd("switch", "ship"))
    assert switched.decision.reason == "wh.switch.ship"
    assert window.feedback.headline.text() == "⇄ Switched: Ship"
    with qtbot.waitSignal(page.result_shown):
        QTest.keyClick(window.windowHandle(), Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)
    assert window.feedback.headline.text().startswith("⇄ Switched: ")
    gun(cmd("switch", "ship:SO-1"))  # a job started: its own words, not "switched"
    assert not window.feedback.headline.text().startswith("⇄")
