"""PDF and printer output for the warehouse: the command sheet a worker scans instead of
touching the PC, packing lists / delivery notes, and case and pallet labels.

Barcodes are drawn as vector rectangles (Code 128 from python-barcode's module
pattern, QR from segno's matrix) so they print crisp at any printer resolution.
Each command carries both: Code 128 for 1D laser guns, QR for 2D imagers.
Rendering uses only QPdfWriter/QPrinter/QPainter/QTextDocument, which Qt allows off
the GUI thread, so pages run it on a worker and the window never waits for the disk
or the printer. A label draws the same ``PackageLabel`` the ZPL/TSPL renderers print,
on a page the size of the label roll.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import barcode
import segno
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from app.domain.codes import command_text
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.labels import LabelSize, PackageLabel
from app.domain.workflows.paperwork import Document

Translate = Callable[[str], str]
SIGN_WAREHOUSE = QT_TRANSLATE_NOOP("Paperwork", "Signature (warehouse)")
SIGN_RECEIVER = QT_TRANSLATE_NOOP("Paperwork", "Signature (receiver)")


@dataclass(frozen=True)
class SheetEntry:
    caption: str  # already translated
    hint: str  # shortcut key or detail, already translated
    text: str  # what the barcode carries

    @classmethod
    def command(cls, caption: str, hint: str, name: str, arg: str | None = None) -> SheetEntry:
        return cls(caption, hint, command_text(name, arg))


def command_entries(
    orders: list[tuple[str, str]],
    inbounds: list[tuple[str, str]],
    locations: list[tuple[str, str]],
    reasons: list[tuple[str, str]],
) -> list[tuple[str, list[SheetEntry]]]:
    """Sections of the sheet: commands, tasks, then one barcode per open order, delivery, location."""
    commands = [
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Finish job"), "Ctrl+Enter", "finish"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Undo last scan"), "Ctrl+Z", "undo"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Cancel job (scan twice)"),
            "Ctrl+Del",
            "cancel",
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Confirm"), "Ctrl+Y", "confirm"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Move into this package"), "Ctrl+M", "move"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Print the label again"),
            "Ctrl+P",
            "reprint",
        ),
    ]
    tasks = [
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Receive"), "Alt+1", "switch", "receive"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Ship"), "Alt+2", "switch", "ship"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Pack"), "Alt+3", "switch", "pack"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Unpack"), "Alt+4", "unpack"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Relabel"), "Alt+5", "relabel"
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Stocktake"),
            "Alt+6",
            "switch",
            "stocktake",
        ),
        SheetEntry.command(
            QCoreApplication.translate("WarehousePrint", "Returns"), "Alt+7", "switch", "return"
        ),
    ]
    sections = [
        (QCoreApplication.translate("WarehousePrint", "Commands"), commands),
        (QCoreApplication.translate("WarehousePrint", "Tasks"), tasks),
    ]
    sections.append(
        (
            QCoreApplication.translate("WarehousePrint", "Returns with a reason"),
            [SheetEntry.command(name, "", "switch", f"return:{rid}") for rid, name in reasons],
        )
    )
    if orders:
        sections.append(
            (
                QCoreApplication.translate("WarehousePrint", "Ship an order"),
                [
                    SheetEntry.command(oid, detail, "switch", f"ship:{oid}")
                    for oid, detail in orders
                ],
            )
        )
    if inbounds:
        sections.append(
            (
                QCoreApplication.translate("WarehousePrint", "Receive a delivery"),
                [
                    SheetEntry.command(ref, detail, "switch", f"receive:{iid}")
                    for iid, ref, detail in inbounds
                ],
            )
        )
    if locations:
        sections.append(
            (
                QCoreApplication.translate("WarehousePrint", "Stocktake a location"),
                [
                    SheetEntry.command(name, lid, "switch", f"stocktake:{lid}")
                    for lid, name in locations
                ],
            )
        )
    return sections


def _writer(path: Path) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(12, 12, 12, 12),
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setResolution(600)
    writer.setCreator("Yima Scan")
    return writer


def _painter(writer: QPdfWriter) -> tuple[QPainter, float]:
    """A painter in device pixels, and how many of them make a millimetre."""
    painter = QPainter(writer)
    painter.setPen(Qt.PenStyle.NoPen)
    return painter, writer.resolution() / 25.4


def _font(points: float, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSizeF(points)  # physical size: the same on any printer resolution
    font.setBold(bold)
    return font


def draw_code128(
    painter: QPainter, text: str, rect: QRectF, max_module: float, *, gs1: bool = False
) -> float:
    """Draw ``text`` as Code 128 inside ``rect`` (left aligned); returns the width used.
    ``gs1``: FNC1 first (GS1-128), so a scanner reads an element string as GS1."""
    modules = barcode.get_barcode_class("gs1_128" if gs1 else "code128")(text).build()[0]
    module = min(max_module, rect.width() / len(modules))
    painter.setBrush(QColor("black"))
    run_start = None
    for i, bit in enumerate(modules + "0"):
        if bit == "1" and run_start is None:
            run_start = i
        elif bit != "1" and run_start is not None:
            painter.drawRect(
                QRectF(
                    rect.left() + run_start * module,
                    rect.top(),
                    (i - run_start) * module,
                    rect.height(),
                )
            )
            run_start = None
    return len(modules) * module


def draw_qr(painter: QPainter, text: str, rect: QRectF) -> None:
    matrix = segno.make(text, error="m", micro=False).matrix
    module = min(rect.width(), rect.height()) / len(matrix)
    painter.setBrush(QColor("black"))
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                painter.drawRect(
                    QRectF(rect.left() + x * module, rect.top() + y * module, module, module)
                )


def write_command_sheet(
    path: Path, sections: list[tuple[str, list[SheetEntry]]], title: str
) -> Path:
    """A4 pages of command barcodes with captions in the operator's language."""
    writer = _writer(path)
    painter, mm = _painter(writer)
    page_w, page_h = 186.0, 273.0  # A4 inside 12 mm margins
    row_h, y = 24.0, 0.0

    def box(x: float, top: float, w: float, h: float) -> QRectF:
        return QRectF(x * mm, top * mm, w * mm, h * mm)

    def text(
        rect: QRectF, value: str, points: float, bold: bool = False, colour: str = "black"
    ) -> None:
        painter.setPen(QColor(colour))
        painter.setFont(_font(points, bold))
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, value)
        painter.setPen(Qt.PenStyle.NoPen)

    def heading(value: str, points: float) -> None:
        nonlocal y
        height = points * 0.6
        text(box(0, y, page_w, height), value, points, bold=True)
        y += height + 1.5

    heading(title, 15)
    for name, entries in sections:
        if y + 10 + row_h > page_h:
            writer.newPage()
            y = 0.0
        heading(name, 12)
        for entry in entries:
            if y + row_h > page_h:
                writer.newPage()
                y = 0.0
            text(box(0, y + 2, 52, 9), entry.caption, 12, bold=True)
            text(box(0, y + 11, 52, 6), entry.hint, 9, colour="#444444")
            draw_code128(painter, entry.text, box(56, y + 2, 104, 14), 0.33 * mm)
            text(box(56, y + 16.5, 104, 4), entry.text, 7, colour="#444444")
            draw_qr(painter, entry.text, box(166, y + 1, 20, 20))
            painter.setBrush(QColor("#dddddd"))
            painter.drawRect(box(0, y + row_h - 1.2, page_w, 0.2))
            y += row_h
    painter.end()
    return path


def document_html(document: Document, translate: Translate) -> str:
    """The document as simple HTML for QTextDocument: a header table, then each table."""
    esc = html.escape
    parts = [
        "<html><body style='font-size:10pt'>",
        f"<h2>{esc(translate(document.title))} &nbsp; <small>{esc(document.number)}</small></h2>",
        "<table cellspacing='0' cellpadding='3'>",
    ]
    for label, value in document.fields:
        parts.append(
            f"<tr><td><b>{esc(translate(label))}</b></td><td>{esc(translate(str(value)))}</td></tr>"
        )
    parts.append("</table>")
    for table in document.tables:
        parts.append(f"<h3>{esc(translate(table.title))} ({len(table.rows)})</h3>")
        parts.append("<table border='1' cellspacing='0' cellpadding='3' width='100%'><tr>")
        parts += [f"<th>{esc(translate(c))}</th>" for c in table.columns]
        parts.append("</tr>")
        for row in table.rows:
            cells = "".join(
                f"<td>{esc('' if c is None else translate(c) if isinstance(c, str) else str(c))}</td>"
                for c in row
            )
            parts.append(f"<tr>{cells}</tr>")
        parts.append("</table>")
    parts.append(
        f"<p><br/>{esc(translate(SIGN_WAREHOUSE))}: ____________ &nbsp;&nbsp; "
        f"{esc(translate(SIGN_RECEIVER))}: ____________</p></body></html>"
    )
    return "".join(parts)


def write_document_pdf(document: Document, path: Path, translate: Translate) -> Path:
    writer = _writer(path)
    doc = QTextDocument()
    doc.setDefaultFont(_font(10))
    doc.setHtml(document_html(document, translate))
    doc.print_(writer)
    return path


# --- case and pallet labels ------------------------------------------------------------------

LABEL_MARGIN_MM = 3.0


def label_layout(size: LabelSize) -> QPageLayout:
    """A page the size of the label roll, no margins (the label draws its own)."""
    return QPageLayout(
        QPageSize(QSizeF(size.width_mm, size.height_mm), QPageSize.Unit.Millimeter),
        QPageLayout.Orientation.Portrait,
        QMarginsF(0, 0, 0, 0),
        QPageLayout.Unit.Millimeter,
    )


def draw_package_label(
    device: QPagedPaintDevice, package: PackageLabel, size: LabelSize, translate: Translate
) -> None:
    """Title, text lines and the package's barcode with its text under it, scaled to the roll."""
    painter = QPainter(device)
    mm = device.logicalDpiX() / 25.4
    margin, width, height = LABEL_MARGIN_MM, size.width_mm, size.height_mm
    inner = width - 2 * margin
    title_pt = max(10.0, min(28.0, height / 6))
    text_pt = max(7.0, min(14.0, height / 12))
    y = margin

    def line(value: str, points: float, bold: bool = False) -> None:
        nonlocal y
        font = _font(points, bold)
        painter.setFont(font)
        painter.setPen(QColor("black"))
        line_mm = QFontMetricsF(font, device).height() / mm
        shown = QFontMetricsF(font, device).elidedText(
            value, Qt.TextElideMode.ElideRight, inner * mm
        )
        painter.drawText(
            QRectF(margin * mm, y * mm, inner * mm, line_mm * mm),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            shown,
        )
        y += line_mm * 1.15

    line(package.title(translate), title_pt, bold=True)
    for text in package.lines(translate):
        line(text, text_pt)
    human_pt = max(6.0, text_pt * 0.8)
    bar_h = max(10.0, height / 4)
    human_h = human_pt * 0.5
    bar_top = max(y + 1, height - margin - human_h - 1 - bar_h)
    painter.setPen(Qt.PenStyle.NoPen)
    draw_code128(
        painter,
        package.barcode,
        QRectF(margin * mm, bar_top * mm, inner * mm, bar_h * mm),
        0.5 * mm,
        gs1=package.gs1,
    )
    y = bar_top + bar_h + 1
    line(package.human, human_pt)
    painter.end()


def write_label_pdf(
    package: PackageLabel, path: Path, size: LabelSize, translate: Translate
) -> Path:
    writer = QPdfWriter(str(path))
    writer.setPageLayout(label_layout(size))
    writer.setResolution(600)
    writer.setCreator("Yima Scan")
    draw_package_label(writer, package, size, translate)
    return path


def print_label(
    package: PackageLabel, printer: QPrinter, size: LabelSize, translate: Translate
) -> None:
    """The label on a system printer (a label printer installed with its driver, or A4)."""
    printer.setPageLayout(label_layout(size))
    printer.setDocName(package.human)
    draw_package_label(printer, package, size, translate)


def print_document(document: Document, printer: QPrinter, translate: Translate) -> None:
    """A delivery note (or any job paper) on a system printer, laid out as its PDF is."""
    doc = QTextDocument()
    doc.setDefaultFont(_font(10))
    doc.setHtml(document_html(document, translate))
    printer.setDocName(document.filename)
    doc.print_(printer)
