"""The day's close (日结): redemptions and claims of one day, provisional against confirmed.

The report is data first (``day_report``), so the XLSX export here and the PDF the UI prints
with ``QPdfWriter`` show the same rows and totals. Column titles are English templates in the
``Counter`` context; the caller passes a translate function.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.domain.export_cells import safe_row
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.database import station_id
from app.domain.workflows.counter import rebates, redeem
from app.domain.workflows.counter.model import STANDING_WORDS, ClaimRow, RedemptionRow, money

Translate = Callable[[str], str]

TITLES = {
    "report": QT_TRANSLATE_NOOP("Counter", "Day's close {day} · station {station}"),
    "redemptions": QT_TRANSLATE_NOOP("Counter", "Voucher redemptions"),
    "claims": QT_TRANSLATE_NOOP("Counter", "Installer rebate claims"),
    "claim_products": QT_TRANSLATE_NOOP("Counter", "Installer rebates (products)"),
    "summary": QT_TRANSLATE_NOOP("Counter", "Summary"),
    "time": QT_TRANSLATE_NOOP("Counter", "Time"),
    "voucher": QT_TRANSLATE_NOOP("Counter", "Voucher"),
    "prize": QT_TRANSLATE_NOOP("Counter", "Prize"),
    "value": QT_TRANSLATE_NOOP("Counter", "Value"),
    "operator": QT_TRANSLATE_NOOP("Counter", "Operator"),
    "offline": QT_TRANSLATE_NOOP("Counter", "Offline"),
    "standing": QT_TRANSLATE_NOOP("Counter", "Standing"),
    "reason": QT_TRANSLATE_NOOP("Counter", "Server's reason"),
    "claim": QT_TRANSLATE_NOOP("Counter", "Claim"),
    "installer": QT_TRANSLATE_NOOP("Counter", "Installer"),
    "units": QT_TRANSLATE_NOOP("Counter", "Products"),
    "estimate": QT_TRANSLATE_NOOP("Counter", "Estimated rebate"),
    "yes": QT_TRANSLATE_NOOP("Counter", "yes"),
    "no": QT_TRANSLATE_NOOP("Counter", "no"),
    "what": QT_TRANSLATE_NOOP("Counter", "What"),
    "count": QT_TRANSLATE_NOOP("Counter", "Count"),
    "amount": QT_TRANSLATE_NOOP("Counter", "Amount"),
}


@dataclass(frozen=True, slots=True)
class Totals:
    count: int
    cents: int


@dataclass(frozen=True, slots=True)
class DayReport:
    day: str
    station: str
    redemptions: list[RedemptionRow]
    claims: list[ClaimRow]

    def redemption_totals(self) -> dict[str, Totals]:
        out: dict[str, Totals] = {}
        for standing in STANDING_WORDS:
            rows = [r for r in self.redemptions if r.standing == standing]
            out[standing] = Totals(len(rows), sum(r.value_cents for r in rows))
        return out

    def claim_totals(self) -> dict[str, Totals]:
        out: dict[str, Totals] = {}
        for standing in ("provisional", "confirmed", "refused"):
            rows = [c for c in self.claims if c.standing == standing]
            out[standing] = Totals(sum(c.units for c in rows), sum(c.estimate_cents for c in rows))
        return out


def day_report(conn: sqlite3.Connection, day: dt.date) -> DayReport:
    text = day.isoformat()
    return DayReport(
        day=text,
        station=station_id(conn),
        redemptions=redeem.redemptions(conn, text),
        claims=rebates.claims(conn, text),
    )


def local_time(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return text


def tables(report: DayReport, tr: Translate) -> list[tuple[str, list[str], list[list[str]]]]:
    """The report as titled tables of text: the same rows for the XLSX and the PDF."""
    yes, no = tr(TITLES["yes"]), tr(TITLES["no"])
    red_head = [
        tr(TITLES[k])
        for k in ("time", "voucher", "prize", "value", "operator", "offline", "standing", "reason")
    ]
    red_rows = [
        [
            local_time(r.redeemed_at),
            r.voucher_id,
            r.prize,
            money(r.value_cents),
            r.operator_name,
            yes if r.provisional else no,
            tr(STANDING_WORDS[r.standing]),
            " ".join(x for x in (r.reason, r.first_station, r.first_at and r.first_at[:16]) if x),
        ]
        for r in report.redemptions
    ]
    claim_head = [
        tr(TITLES[k])
        for k in (
            "time",
            "claim",
            "installer",
            "units",
            "estimate",
            "operator",
            "offline",
            "standing",
            "reason",
        )
    ]
    claim_rows = [
        [
            local_time(c.claimed_at),
            c.claim_id,
            c.installer or c.card_id,
            str(c.units),
            money(c.estimate_cents),
            c.operator_name,
            yes if c.provisional else no,
            tr(STANDING_WORDS[c.standing]),
            c.reason or "",
        ]
        for c in report.claims
    ]
    summary_head = [
        tr(TITLES["what"]),
        tr(TITLES["standing"]),
        tr(TITLES["count"]),
        tr(TITLES["amount"]),
    ]
    summary_rows = []
    for standing, totals in report.redemption_totals().items():
        summary_rows.append(
            [
                tr(TITLES["redemptions"]),
                tr(STANDING_WORDS[standing]),
                str(totals.count),
                money(totals.cents),
            ]
        )
    for standing, totals in report.claim_totals().items():
        summary_rows.append(
            [
                tr(TITLES["claim_products"]),
                tr(STANDING_WORDS[standing]),
                str(totals.count),
                money(totals.cents),
            ]
        )
    return [
        (tr(TITLES["summary"]), summary_head, summary_rows),
        (tr(TITLES["redemptions"]), red_head, red_rows),
        (tr(TITLES["claims"]), claim_head, claim_rows),
    ]


def title(report: DayReport, tr: Translate) -> str:
    return tr(TITLES["report"]).format(day=report.day, station=report.station)


def write_xlsx(report: DayReport, path: Path, tr: Translate = lambda s: s) -> Path:
    """One sheet per table, header row bold and frozen, columns sized to their text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.worksheets[0])  # the default sheet; each table gets its own
    for name, head, rows in tables(report, tr):
        sheet = book.create_sheet(name[:31])
        sheet.append(safe_row([title(report, tr)]))
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append(safe_row(head))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in rows:
            sheet.append(safe_row(row))
        sheet.freeze_panes = "A3"
        for column in sheet.columns:
            width = max((len(str(c.value or "")) for c in column[1:]), default=8)
            sheet.column_dimensions[column[0].column_letter].width = min(
                60, max(8, width * 1.6 + 2)
            )
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    book.save(path)
    return path
