"""The printed scanner test sheet: the self-test's codes drawn as crisp vector modules on A4.

QR codes come from segno (UTF-8 byte mode, so the Chinese code reads the same
on every gun, no Kanji-mode surprise); DataMatrix and GS1-128 from zxing-cpp's
writer with GS1 on (FNC1 in first position, GS between variable-length
fields). Every module is a filled rectangle a whole number of device dots
wide, so a 600 dpi printer reproduces bar widths exactly.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import segno
import zxingcpp
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from hardware.selftest_sheet import CONTEXT, SHEET, TestCode

DPI = 600
MM = DPI / 25.4
MATRIX_MODULE_DOTS = 12  # 0.51 mm: every gun reads it at arm's length
LINEAR_MODULE_DOTS = 6  # 0.25 mm (10 mil) narrow bar
LINEAR_HEIGHT_MM = 14


def modules(code: TestCode) -> np.ndarray:
    """The code's modules, True for dark, without quiet zone (rows x columns; one row for 1D)."""
    if code.symbology == "qr":
        qr = segno.make(code.content, encoding="utf-8", error="m", micro=False)
        return np.array([list(row) for row in qr.matrix], dtype=bool)
    formats = {
        "datamatrix": zxingcpp.BarcodeFormat.DataMatrix,
        "code128": zxingcpp.BarcodeFormat.Code128,
    }
    options = {"gs1": True} if code.gs1 else {}
    barcode = zxingcpp.create_barcode(code.content, formats[code.symbology], **options)
    image = np.array(barcode.to_image(scale=1, add_quiet_zones=False)) < 128
    return image[:1] if code.symbology == "code128" else image


def _draw_code(painter: QPainter, code: TestCode, left: float, top: float, scale: float) -> QRectF:
    """Draw at (left, top) in device dots times ``scale``; returns the drawn rectangle."""
    dark = modules(code)
    black = QColor(0, 0, 0)
    if code.symbology == "code128":
        unit = LINEAR_MODULE_DOTS * scale
        height = LINEAR_HEIGHT_MM * MM * scale
        row = dark[0]
        column = 0
        while column < row.size:  # one rectangle per bar
            if row[column]:
                end = column
                while end < row.size and row[end]:
                    end += 1
                painter.fillRect(
                    QRectF(left + column * unit, top, (end - column) * unit, height), black
                )
                column = end
            else:
                column += 1
        return QRectF(left, top, row.size * unit, height)
    unit = MATRIX_MODULE_DOTS * scale
    for y, x in zip(*np.nonzero(dark), strict=True):
        painter.fillRect(QRectF(left + x * unit, top + y * unit, unit, unit), black)
    return QRectF(left, top, dark.shape[1] * unit, dark.shape[0] * unit)


def paint_sheet(painter: QPainter, width: float, scale: float = 1.0) -> None:
    """Lay the sheet out on a page ``width`` device dots wide (at ``DPI`` times ``scale``)."""
    margin = 15 * MM * scale
    painter.setPen(QColor(0, 0, 0))
    title = QFont("Sans Serif")
    title.setPixelSize(round(7 * MM * scale))
    title.setBold(True)
    painter.setFont(title)
    y = margin
    painter.drawText(
        QRectF(margin, y, width - 2 * margin, 10 * MM * scale),
        Qt.AlignmentFlag.AlignLeft,
        QCoreApplication.translate("ScannerSelfTest", "Yima Scan scanner test sheet"),
    )
    y += 11 * MM * scale
    body = QFont("Sans Serif")
    body.setPixelSize(round(3.6 * MM * scale))
    painter.setFont(body)
    intro = QCoreApplication.translate(
        "ScannerSelfTest",
        "Open Scanner self-test in Yima Scan's settings, then scan the codes below in order with the gun you "
        "are testing. The station tells you what is wrong and how to fix it. Print at 100% (no fit to page).",
    )
    box = QRectF(margin, y, width - 2 * margin, 20 * MM * scale)
    painter.drawText(box, int(Qt.TextFlag.TextWordWrap), intro)
    y += 22 * MM * scale
    column_width = (width - 2 * margin) / 2
    row_height = 62 * MM * scale
    for index, code in enumerate(SHEET):
        row, column = divmod(index, 2)
        left = margin + column * column_width
        top = y + row * row_height
        painter.setFont(body)
        painter.drawText(
            QRectF(left, top, column_width - 4 * MM * scale, 7 * MM * scale),
            Qt.AlignmentFlag.AlignLeft,
            QCoreApplication.translate(CONTEXT, code.label),
        )
        drawn = _draw_code(painter, code, left + 4 * MM * scale, top + 9 * MM * scale, scale)
        small = QFont("Sans Serif")
        small.setPixelSize(round(2.6 * MM * scale))
        painter.setFont(small)
        shown = code.content if len(code.content) <= 48 else code.content[:45] + "…"
        painter.drawText(
            QRectF(
                left, drawn.bottom() + 2 * MM * scale, column_width - 4 * MM * scale, 6 * MM * scale
            ),
            Qt.AlignmentFlag.AlignLeft,
            shown,
        )


def write_pdf(path: str | Path) -> Path:
    """Write the test sheet as a one-page A4 PDF."""
    path = Path(path)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    writer.setTitle(QCoreApplication.translate("ScannerSelfTest", "Yima Scan scanner test sheet"))
    writer.setCreator("Yima Scan")
    painter = QPainter(writer)
    try:
        paint_sheet(painter, writer.width())
    finally:
        painter.end()
    return path


def render_image(scale: float = 0.5) -> QImage:
    """The sheet as a picture (``scale`` of 600 dpi): the wizard's preview, and how tests read it back."""
    width, height = round(210 * MM * scale), round(297 * MM * scale)
    image = QImage(width, height, QImage.Format.Format_Grayscale8)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    try:
        paint_sheet(painter, width, scale)
    finally:
        painter.end()
    return image
