"""Paperwork for finished (or running) warehouse jobs: delivery note, packing list, receipt, ...

One ``Document`` per job, built from the job's lines and scans in one read, and
written out as CSV or XLSX here (Qt-free), or as PDF by the UI. Labels are
English templates marked for Qt's translation system; exporters take a
``translate`` function so the file comes out in the operator's language.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from app.domain.codes.display import readable
from app.domain.export_cells import safe_row
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.warehouse.model import FLOW_TITLES, RETURN_REASONS, Flow, Status
from app.domain.workflows.warehouse.reports import stocktake_report

Translate = Callable[[str], str]
Cell = str | int | None

TITLES = {
    Flow.SHIP: QT_TRANSLATE_NOOP("Paperwork", "Delivery note"),
    Flow.PACK: QT_TRANSLATE_NOOP("Paperwork", "Packing list"),
    Flow.RECEIVE: QT_TRANSLATE_NOOP("Paperwork", "Goods received note"),
    Flow.STOCKTAKE: QT_TRANSLATE_NOOP("Paperwork", "Stocktake differences"),
    Flow.RETURN: QT_TRANSLATE_NOOP("Paperwork", "Returns note"),
    Flow.UNPACK: QT_TRANSLATE_NOOP("Paperwork", "Unpacking record"),
    Flow.RELABEL: QT_TRANSLATE_NOOP("Paperwork", "Relabelling record"),
}
LEVELS = {
    "item": QT_TRANSLATE_NOOP("Paperwork", "item"),
    "case": QT_TRANSLATE_NOOP("Paperwork", "case"),
    "pallet": QT_TRANSLATE_NOOP("Paperwork", "pallet"),
}
STATUSES = {
    "open": QT_TRANSLATE_NOOP("Paperwork", "open"),
    "done": QT_TRANSLATE_NOOP("Paperwork", "finished"),
    "cancelled": QT_TRANSLATE_NOOP("Paperwork", "cancelled"),
}
# Where the station has a code (stocktake differences), in words rather than the store's value.
CODE_STATUSES: dict[str, str] = {
    Status.KNOWN: QT_TRANSLATE_NOOP("Paperwork", "not received here"),
    Status.IN_STOCK: QT_TRANSLATE_NOOP("Paperwork", "in stock"),
    Status.ALLOCATED: QT_TRANSLATE_NOOP("Paperwork", "on an open shipment"),
    Status.SHIPPED: QT_TRANSLATE_NOOP("Paperwork", "shipped"),
    Status.QUARANTINE: QT_TRANSLATE_NOOP("Paperwork", "set aside (damaged or expired)"),
    Status.REPLACED: QT_TRANSLATE_NOOP("Paperwork", "label replaced"),
}


_PRODUCT, _GTIN = QT_TRANSLATE_NOOP("Paperwork", "Product"), QT_TRANSLATE_NOOP("Paperwork", "GTIN")
LINE_COLUMNS: dict[Flow | None, tuple[str, ...]] = {
    Flow.SHIP: (
        _PRODUCT,
        _GTIN,
        QT_TRANSLATE_NOOP("Paperwork", "To ship"),
        QT_TRANSLATE_NOOP("Paperwork", "Shipped now"),
        QT_TRANSLATE_NOOP("Paperwork", "Still open"),
    ),
    Flow.PACK: (
        _PRODUCT,
        _GTIN,
        QT_TRANSLATE_NOOP("Paperwork", "Capacity"),
        QT_TRANSLATE_NOOP("Paperwork", "Packed"),
        QT_TRANSLATE_NOOP("Paperwork", "Space left"),
    ),
    None: (
        _PRODUCT,
        _GTIN,
        QT_TRANSLATE_NOOP("Paperwork", "Expected"),
        QT_TRANSLATE_NOOP("Paperwork", "Scanned"),
        QT_TRANSLATE_NOOP("Paperwork", "Difference"),
    ),
}


@dataclass
class Table:
    columns: list[str]  # label templates
    rows: list[list[Cell]] = field(default_factory=list)
    title: str = ""


@dataclass
class Document:
    kind: Flow
    number: str
    title: str
    fields: list[tuple[str, str]]  # (label template, value)
    tables: list[Table]

    @property
    def filename(self) -> str:
        return f"{self.kind.value}-{self.number}"


def _name(zh: str | None, en: str | None, language: str) -> str:
    return (zh or "") if language.startswith("zh") or not en else en


def build_document(conn: sqlite3.Connection, job_id: str, language: str = "zh_CN") -> Document:
    """Everything one job's paper shows, read in one go (run it on a reader thread)."""
    job = conn.execute(
        "SELECT j.*, d.name AS dealer_name, d.name_en AS dealer_en, d.regions AS regions,"
        " l.name AS loc_name, l.name_en AS loc_en, i.reference AS inbound_ref,"
        " coalesce(o.name, j.operator) AS operator_name"  # older jobs hold the name itself
        " FROM wh_jobs j LEFT JOIN dealers d ON d.id = j.dealer_id"
        " LEFT JOIN operators o ON o.id = j.operator"
        " LEFT JOIN wh_locations l ON l.id = j.location_id"
        " LEFT JOIN wh_inbound i ON i.id = j.inbound_id WHERE j.id = ?",
        (job_id,),
    ).fetchone()
    if job is None:
        raise KeyError(job_id)
    flow = Flow(job["flow"])
    products = {
        r[0]: (_name(r[1], r[2], language), r[3] or "")
        for r in conn.execute("SELECT id, name, name_en, gtin FROM products")
    }
    fields: list[tuple[str, str]] = [
        (QT_TRANSLATE_NOOP("Paperwork", "Number"), job["id"]),
        (QT_TRANSLATE_NOOP("Paperwork", "Task"), FLOW_TITLES[flow]),
        (QT_TRANSLATE_NOOP("Paperwork", "State"), STATUSES.get(job["status"], job["status"])),
        (QT_TRANSLATE_NOOP("Paperwork", "Started"), _when(job["created_at"])),
        (QT_TRANSLATE_NOOP("Paperwork", "Finished"), _when(job["finished_at"])),
        (QT_TRANSLATE_NOOP("Paperwork", "Operator"), job["operator_name"]),
        (QT_TRANSLATE_NOOP("Paperwork", "Station"), job["station"]),
    ]
    if job["order_id"]:
        fields.append((QT_TRANSLATE_NOOP("Paperwork", "Order"), job["order_id"]))
    if job["dealer_id"]:
        dealer = _name(job["dealer_name"], job["dealer_en"], language) or job["dealer_id"]
        fields.append((QT_TRANSLATE_NOOP("Paperwork", "Dealer"), f"{dealer} ({job['dealer_id']})"))
        regions = _regions(conn, job["regions"], language)
        if regions:
            fields.append((QT_TRANSLATE_NOOP("Paperwork", "Sales regions"), regions))
    if job["inbound_id"]:
        fields.append(
            (QT_TRANSLATE_NOOP("Paperwork", "Delivery"), job["inbound_ref"] or job["inbound_id"])
        )
    if job["location_id"] and flow in (Flow.RECEIVE, Flow.STOCKTAKE):
        location = _name(job["loc_name"], job["loc_en"], language) or job["location_id"]
        fields.append((QT_TRANSLATE_NOOP("Paperwork", "Location"), location))
    if job["parent_key"] and flow == Flow.PACK:
        fields.append((QT_TRANSLATE_NOOP("Paperwork", "Package"), readable(job["parent_key"])))
    if job["reason"]:
        fields.append(
            (
                QT_TRANSLATE_NOOP("Paperwork", "Reason"),
                RETURN_REASONS.get(job["reason"], job["reason"]),
            )
        )

    lines = Table(
        list(LINE_COLUMNS.get(flow, LINE_COLUMNS[None])),
        title=QT_TRANSLATE_NOOP("Paperwork", "Lines"),
    )
    for product_id, expected, scanned in conn.execute(
        "SELECT product_id, expected, scanned FROM wh_job_lines WHERE job_id = ? ORDER BY product_id",
        (job_id,),
    ):
        name, gtin = products.get(product_id, (product_id or "?", ""))
        if expected is None:
            last = None
        elif flow in (Flow.SHIP, Flow.PACK):
            last = expected - scanned  # what is still open / space left
        else:
            last = scanned - expected  # over (+) or short (-)
        lines.rows.append([name, gtin, expected, scanned, last])

    packages = Table(
        [
            QT_TRANSLATE_NOOP("Paperwork", "Code"),
            QT_TRANSLATE_NOOP("Paperwork", "Level"),
            QT_TRANSLATE_NOOP("Paperwork", "Product"),
            QT_TRANSLATE_NOOP("Paperwork", "Items"),
            QT_TRANSLATE_NOOP("Paperwork", "Verified"),
            QT_TRANSLATE_NOOP("Paperwork", "Entered"),
        ],
        title=QT_TRANSLATE_NOOP("Paperwork", "Codes scanned"),
    )
    if flow == Flow.RELABEL:
        packages.columns.insert(0, QT_TRANSLATE_NOOP("Paperwork", "Old code"))
    for scan in conn.execute(
        "SELECT s.key, s.level, s.product_id, s.qty, s.verified, r.old_key,"
        " json_extract(j.payload, '$.entry') AS entry FROM wh_job_scans s"
        " LEFT JOIN wh_replacements r ON r.new_key = s.key"
        " LEFT JOIN journal j ON j.seq = s.event_seq"
        " WHERE s.job_id = ? AND s.undone_seq IS NULL ORDER BY s.id",
        (job_id,),
    ):
        row: list[Cell] = [
            readable(scan["key"]),
            LEVELS.get(scan["level"] or "", scan["level"] or ""),
            products.get(scan["product_id"], (scan["product_id"] or "?", ""))[0],
            scan["qty"],
            QT_TRANSLATE_NOOP("Paperwork", "yes")
            if scan["verified"]
            else QT_TRANSLATE_NOOP("Paperwork", "no"),
            QT_TRANSLATE_NOOP("Paperwork", "typed by hand")
            if scan["entry"] == "typed"
            else QT_TRANSLATE_NOOP("Paperwork", "scanned"),
        ]
        if flow == Flow.RELABEL:
            row.insert(0, readable(scan["old_key"] or ""))
        packages.rows.append(row)
    tables = [lines, packages]

    if flow == Flow.STOCKTAKE:
        report = stocktake_report(conn, job_id)
        for title, found in (
            (
                QT_TRANSLATE_NOOP("Paperwork", "Missing (expected here, not counted)"),
                report.missing,
            ),
            (QT_TRANSLATE_NOOP("Paperwork", "Extra (counted here, not expected)"), report.extra),
        ):
            table = Table(
                [
                    QT_TRANSLATE_NOOP("Paperwork", "Code"),
                    QT_TRANSLATE_NOOP("Paperwork", "Level"),
                    QT_TRANSLATE_NOOP("Paperwork", "Product"),
                    QT_TRANSLATE_NOOP("Paperwork", "Station status"),
                ],
                title=title,
            )
            for d in found:
                table.rows.append(
                    [
                        readable(d.key),
                        LEVELS.get(d.level, d.level),
                        products.get(d.product_id, (d.product_id, ""))[0],
                        CODE_STATUSES.get(d.status, d.status),
                    ]
                )
            tables.append(table)
    return Document(flow, job["id"], TITLES[flow], fields, tables)


def _when(iso: str | None) -> str:
    """Local wall time, minutes precision: what a driver signs against."""
    if not iso:
        return ""
    return dt.datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


def _regions(conn: sqlite3.Connection, regions_json: str | None, language: str) -> str:
    try:
        ids = json.loads(regions_json or "[]")
    except ValueError:
        return ""
    names = []
    for rid in ids if isinstance(ids, list) else []:
        row = conn.execute("SELECT name, name_en FROM regions WHERE id = ?", (rid,)).fetchone()
        names.append(_name(row[0], row[1], language) if row else str(rid))
    return ", ".join(names)


def _identity(text: str) -> str:
    return text


def _cells(table: Table, translate: Translate) -> list[list[Cell]]:
    return [
        [translate(c) if isinstance(c, str) and c in _TRANSLATABLE else c for c in row]
        for row in table.rows
    ]


_TRANSLATABLE = {
    *LEVELS.values(),
    "yes",
    "no",
    *RETURN_REASONS.values(),
    *STATUSES.values(),
    *CODE_STATUSES.values(),
    *FLOW_TITLES.values(),
}


def write_csv(document: Document, path: Path, translate: Translate = _identity) -> Path:
    """UTF-8 with a byte-order mark, so Excel on a Chinese Windows opens it without garbling."""
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(safe_row([translate(document.title), document.number]))
        for label, value in document.fields:
            out.writerow(
                safe_row([translate(label), translate(value) if value in _TRANSLATABLE else value])
            )
        for table in document.tables:
            out.writerow([])
            out.writerow(safe_row([translate(table.title)]))
            out.writerow(safe_row([translate(c) for c in table.columns]))
            out.writerows(
                safe_row("" if c is None else c for c in row) for row in _cells(table, translate)
            )
    return path


def write_xlsx(document: Document, path: Path, translate: Translate = _identity) -> Path:
    """One sheet: the header block, then each table with a bold heading row."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook(write_only=False)
    sheet = book.create_sheet(document.number[:31], 0)
    book.remove(book.worksheets[1])  # the empty sheet every new workbook starts with
    bold = Font(bold=True)
    sheet.append(safe_row([translate(document.title), document.number]))
    sheet["A1"].font = Font(bold=True, size=14)
    for label, value in document.fields:
        sheet.append(
            safe_row([translate(label), translate(value) if value in _TRANSLATABLE else value])
        )
    for table in document.tables:
        sheet.append([])
        sheet.append(safe_row([translate(table.title)]))
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.append(safe_row([translate(c) for c in table.columns]))
        for cell in sheet[sheet.max_row]:
            cell.font = bold
        for row in _cells(table, translate):
            sheet.append(safe_row(row))
    for column, width in zip("ABCDEF", (42, 16, 22, 12, 12, 10), strict=True):
        sheet.column_dimensions[column].width = width
    book.save(path)
    return path
