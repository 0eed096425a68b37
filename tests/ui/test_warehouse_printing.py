"""Printing from the warehouse page: a closed case's label reaches a network label printer
(a loopback server on 127.0.0.1 keeps the raw bytes), is scanned back before the station goes
on, prints again on Ctrl+P; the system-printer label, rasterised by pdftoppm, decodes back to
the same code with the station's own decoder; a printer that is off is said in Chinese."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import cv2
import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtTest import QTest

from app.domain.codes import command_text, parse
from app.domain.codes.display import readable
from app.domain.operators import Role
from app.domain.workflows.base import Outcome
from app.domain.workflows.labels import LabelSize, read_package_label
from app.paths import resources_dir
from app.ui.warehouse import WarehousePage
from app.ui.warehouse.printing import write_label_pdf
from hardware.decode import decode_frame
from tests.support.label_printer import LoopbackPrinter, closed_port
from tests.support.warehouse_data import case_raw, item_raw, pallet_raw, seed, sscc


def _seed(conn) -> None:
    seed(conn)


pytestmark = [
    pytest.mark.station(operators=[("Wu", "1111", Role.WAREHOUSE)], seed=_seed, language="en"),
    pytest.mark.window(login=("Wu", "1111")),
]


@pytest.fixture
def printer():
    server = LoopbackPrinter()
    yield server
    server.close()


@pytest.fixture
def page(qtbot, window, context) -> WarehousePage:
    page = window.page("warehouse")
    assert isinstance(page, WarehousePage)
    page.open_files = False
    qtbot.waitUntil(lambda: page.result is not None)
    return page


def use_printer(context, kind: str, port: int, verify: list[str]) -> None:
    settings = context.settings
    settings.label_printer = kind
    settings.label_printer_host = "127.0.0.1"
    settings.label_printer_port = port
    settings.verify_labels = verify


def scanner(qtbot, page):
    def scan(text: str):
        with qtbot.waitSignal(page.result_shown, timeout=5000) as shown:
            page.submit(text)
        return shown.args[0]

    return scan


def fill_case(scan, n: int = 90) -> object:
    scan(case_raw("P1", n))
    for serial in range(31, 36):
        scan(item_raw("P1", serial))
    return scan(item_raw("P1", 36))


def test_a_full_case_prints_its_label_and_waits_for_it(qtbot, window, context, page, printer):
    use_printer(context, "zpl", printer.port, ["case"])
    scan = scanner(qtbot, page)
    with qtbot.waitSignal(page.labels.printed, timeout=5000):
        full = fill_case(scan)
    assert full.decision.reason == "pack.full" and full.pending == "verify_label"
    (job,) = printer.wait_for_jobs(1)
    zpl = job.decode("utf-8")
    assert re.findall(r"\^BCN,\d+,N,N,N\^FD(.*?)\^FS", zpl) == [">;>8" + case_raw("P1", 90)]
    texts = re.findall(r"\^FH\\\^FD(.*?)\^FS", zpl)
    assert texts[:4] == ["CASE", "Product: Product P1", "6 items", "Inside: 00000031–00000036"]
    assert page.pending.isVisible() and "new label" in page.pending.text()
    assert "Printed 000090" in page.paper_note.text()

    wrong = scan(case_raw("P1", 91))  # the next roll's label: refused, nothing starts
    assert wrong.decision.reason == "pack.verify_label"
    assert window.feedback.outcome is Outcome.ERROR
    assert "scan the label just printed" in window.feedback.message.text().lower()

    handle = window.windowHandle()
    window.activateWindow()
    with qtbot.waitSignal(page.labels.printed, timeout=5000):
        QTest.keyClick(handle, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert printer.wait_for_jobs(2)[1] == job  # the same label again
    assert page.result.decision.reason == "pack.reprint"

    ok = scan(case_raw("P1", 90))
    assert ok.decision.reason == "pack.label_verified" and not page.pending.isVisible()
    assert scan(case_raw("P1", 91)).decision.reason == "pack.case_started"


def test_a_reprint_barcode_prints_the_pallet_label_as_tspl(qtbot, context, page, printer):
    use_printer(context, "tspl", printer.port, [])  # pallets not checked: goes straight on
    scan = scanner(qtbot, page)
    scan(pallet_raw(77))  # a new pallet label
    scan(case_raw("P1", 5))  # one full case onto it, then FINISH
    with qtbot.waitSignal(page.labels.printed, timeout=5000):
        finished = scan(command_text("finish"))
    assert finished.decision.reason == "pack.finished" and finished.pending is None
    with qtbot.waitSignal(page.labels.printed, timeout=5000):
        scan(command_text("reprint"))
    first, second = printer.wait_for_jobs(2)
    assert first == second
    text = first.decode("gbk")
    assert '"128M",' in text and f'"!105!10200{sscc(77)}"' in text
    assert '"PALLET"' in text and '"1 cases"' in text


def test_a_printer_that_is_off_says_so_in_chinese_with_the_error_sound(
    qtbot, window, context, page
):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / "warehouse_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        port = closed_port()
        use_printer(context, "zpl", port, [])
        scan = scanner(qtbot, page)
        with qtbot.waitSignal(page.labels.failed, timeout=10_000) as failed:
            fill_case(scan)
        message = failed.args[1]
        assert f"127.0.0.1:{port}" in message and "Ctrl+P" in message
        assert re.search(r"[\u4e00-\u9fff]{4}", message)  # Chinese, not English
        assert "does not answer" not in message
        assert window.feedback.outcome is Outcome.ERROR
        assert f"127.0.0.1:{port}" in window.feedback.message.text()
        case_code = readable(parse(case_raw("P1", 90)).key)  # "(01) … (21) 000090", not the key
        assert window.scan_log_model.row(0).code == case_code
        assert context.sounds.last_played in (Outcome.ERROR, None)  # None: no audio device
        # the case stays closed: the next label starts the next case
        assert scan(case_raw("P1", 91)).decision.reason == "pack.case_started"
    finally:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("size", [LabelSize(100, 150, 203), LabelSize(60, 40, 203)])
def test_the_pdf_label_decodes_back_to_the_same_code(qtbot, context, tmp_path, size):
    assert shutil.which("pdftoppm"), "pdftoppm missing: installer/setup.sh --test installs it"
    package = context.gateway.writer.call(
        lambda conn: read_package_label(conn, parse(pallet_raw(1)).key, "zh_CN")
    )
    pdf = write_label_pdf(package, tmp_path / "label.pdf", size, str)
    subprocess.run(
        ["pdftoppm", "-r", "200", "-png", "-singlefile", str(pdf), str(tmp_path / "label")],
        check=True,
    )
    found = decode_frame(cv2.imread(str(tmp_path / "label.png")))
    assert [(d.text, d.aim) for d in found] == [(f"00{sscc(1)}", "]C1")]  # GS1-128
    assert parse(found[0].text).key == package.key


def test_the_system_printer_gets_the_label(qtbot, context, page, tmp_path):
    use_printer(context, "system", 0, [])
    out = tmp_path / "printed.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    page.labels.make_printer = pdf_printer
    with qtbot.waitSignal(page.labels.printed, timeout=5000):
        fill_case(scanner(qtbot, page))
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-singlefile", str(out), str(tmp_path / "p")])
    found = decode_frame(cv2.imread(str(tmp_path / "p.png")))
    assert [d.text for d in found] == [case_raw("P1", 90)]
    assert Path(out).stat().st_size > 0


def test_a_finished_shipment_prints_its_delivery_note(qtbot, context, page, tmp_path):
    context.settings.print_delivery_note = True
    out = tmp_path / "note.pdf"

    def pdf_printer() -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        return printer

    page.labels.make_printer = pdf_printer
    scan = scanner(qtbot, page)
    scan(command_text("switch", "ship:SO-2"))
    scan(case_raw("P1", 5))
    with qtbot.waitSignal(page.labels.printed, timeout=10_000) as printed:
        shipped = scan(command_text("finish"))
    assert shipped.decision.reason == "ship.shipped" and printed.args == [shipped.job.id]
    text = subprocess.run(
        ["pdftotext", str(out), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "SO-2" in text and "Guangzhou dealer" in text
