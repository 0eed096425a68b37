"""Chinese labels on a network label printer, with Qt drawing the text: the station in Chinese
closes a case, and the ZPL or TSPL job a loopback printer captures carries the product name
as a picture (read back as the printer reads it, and saved as PNG for a person to look at);
a computer without a Chinese font still prints, with text, and says so once in Chinese; the
settings page explains the label font."""

from __future__ import annotations

import re

import numpy as np
import pytest
from PySide6.QtGui import QFontMetrics

from app.domain.codes import parse
from app.domain.codes.display import readable
from app.domain.operators import Role
from app.domain.workflows.base import Outcome
from app.domain.workflows.labels import LabelSize, PackageLabel, render_zpl
from app.settings import Settings
from app.ui.warehouse import WarehousePage
from app.ui.warehouse.label_text import TextPictures, chinese_family
from app.ui.warehouse.printer_settings import PrinterSettingsPage
from tests.support.label_pictures import Picture, inked, save_png, split_tspl, zpl_pictures
from tests.support.label_printer import LoopbackPrinter
from tests.support.warehouse_data import case_raw, item_raw, seed


def _seed(conn) -> None:
    seed(conn)


pytestmark = [
    pytest.mark.station(
        operators=[("吴", "1111", Role.WAREHOUSE)], seed=_seed, uses=("chinese",), language="zh_CN"
    ),
]
LABELS = [LabelSize(100, 150, 203), LabelSize(60, 40, 203)]


@pytest.fixture
def pictures(qapp) -> TextPictures:
    family = chinese_family()
    assert family, "no Chinese font: installer/setup.sh installs fonts-wqy-microhei"
    return TextPictures(family)


@pytest.fixture
def printer():
    server = LoopbackPrinter()
    yield server
    server.close()


def ink_columns(picture: Picture) -> np.ndarray:
    return np.flatnonzero(picture.ink.any(axis=0))


@pytest.mark.parametrize("size", LABELS, ids=["100x150", "60x40"])
def test_qt_draws_a_chinese_name_the_zebra_reads_back(pictures, tmp_path, size):
    name = "矿泉水550ml（整箱）"
    package = PackageLabel("brand:X1", "case", name, 12, None, ())
    zpl = render_zpl(package, size, rasterise=pictures).decode("utf-8")
    (picture,) = zpl_pictures(zpl)  # the counts agree with the data
    line = re.search(r"\^FD12 items\^FS", zpl)
    assert line and name not in zpl
    text = f"Product: {name}"
    drawn = pictures(text, picture.ink.shape[0])
    assert drawn is not None and picture.ink.shape[0] == drawn.height
    width = QFontMetrics(pictures.font(drawn.height)).horizontalAdvance(text)
    columns = ink_columns(picture)
    assert (
        columns[0] < drawn.height // 4 and 0.9 * width < columns[-1] < width
    )  # ink from start to end
    share = picture.ink[:, :width].mean()
    assert 0.08 < share < 0.5  # strokes, neither a blank nor a black bar
    per_char = [
        picture.ink[:, int(i * width / len(text)) : int((i + 1) * width / len(text))]
        for i in range(len(text))
    ]
    assert sum(part.any() for part in per_char) >= len(text) - 2  # the spaces are blank
    save_png(
        [picture],
        size.dots(size.width_mm),
        picture.y + drawn.height + 10,
        tmp_path / f"zpl-{size.width_mm}x{size.height_mm}.png",
    )


def test_an_empty_line_draws_no_ink(pictures):
    empty = pictures("", 31)
    assert empty is not None and empty.height == 31 and not inked(empty)


@pytest.fixture
def page(qtbot, make_station, context, printer) -> WarehousePage:
    window = make_station(login=("吴", "1111")).window
    page = window.page("warehouse")
    assert isinstance(page, WarehousePage)
    page.open_files = False
    qtbot.waitUntil(lambda: page.result is not None)
    settings = context.settings
    settings.label_printer_host, settings.label_printer_port = "127.0.0.1", printer.port
    settings.verify_labels = []
    return page


def close_case(qtbot, page, n: int, first: int = 31) -> None:
    """Case ``n`` filled with the six items from serial ``first``, and its label printed."""
    with qtbot.waitSignal(page.labels.printed, timeout=10_000):
        for text in [case_raw("P1", n), *(item_raw("P1", s) for s in range(first, first + 6))]:
            with qtbot.waitSignal(page.result_shown, timeout=5000):
                page.submit(text)


@pytest.mark.parametrize("kind", ["zpl", "tspl"])
def test_a_chinese_case_label_reaches_the_printer_with_its_name_drawn(
    qtbot, context, page, printer, tmp_path, kind
):
    context.settings.label_printer = kind
    close_case(qtbot, page, 90)
    (job,) = printer.wait_for_jobs(1)
    if kind == "zpl":
        text, drawn = job.decode("utf-8"), zpl_pictures(job.decode("utf-8"))
    else:
        text, drawn = split_tspl(job)
    assert "产品P1" not in text  # the product line went as a picture …
    assert len(drawn) >= 2 and all(p.ink.any() for p in drawn)  # … as did the Chinese title
    assert "000090" in text  # the barcode's digits stay text
    size = LabelSize(100, 150, 203)
    save_png(drawn, size.dots(100), size.dots(150), tmp_path / f"label-{kind}.png")


def test_without_a_chinese_font_the_label_prints_as_text_and_says_so_once(
    qtbot, context, page, printer, tmp_path
):
    context.settings.label_printer = "zpl"
    page.labels.use_text_pictures(TextPictures(None))
    with qtbot.waitSignal(page.labels.warned, timeout=10_000) as warned:
        close_case(qtbot, page, 90)
    (job,) = printer.wait_for_jobs(1)
    assert "^GFA" not in job.decode("utf-8") and "产品P1" in job.decode("utf-8")
    message = warned.args[1]
    assert re.search(r"[\u4e00-\u9fff]{6}", message) and "Chinese" not in message
    feedback = page.window().feedback
    assert feedback.outcome is Outcome.WARNING and message in feedback.message.text()
    case_code = readable(parse(case_raw("P1", 90)).key)  # "(01) … (21) 000090", not the key
    assert page.window().scan_log_model.row(0).code == case_code
    page.window().grab().save(str(tmp_path / "warned.png"))  # for a person to look at
    with qtbot.assertNotEmitted(page.labels.warned, wait=300):
        close_case(qtbot, page, 91, first=41)
    assert len(printer.wait_for_jobs(2)) == 2


def test_the_settings_page_explains_and_keeps_the_label_font(qtbot, tmp_path, chinese):
    settings = Settings(tmp_path / "settings.json")
    settings.label_printer = "zpl"
    settings_page = PrinterSettingsPage(settings)
    qtbot.addWidget(settings_page)
    note = settings_page.label_font_note.text()
    assert "E:SIMSUN.TTF" in note and "TSS24.BF2" in note and "图片" in note
    settings_page.label_font.setText("E:SIMSUN.TTF")
    settings_page.label_font.editingFinished.emit()
    assert settings.label_font == "E:SIMSUN.TTF"
    settings_page.kind.setCurrentIndex(settings_page.kind.findData("system"))
    assert not settings_page.label_font.isEnabled()  # only network printers use it
