"""The day's close (日结): redemptions and claims of one day, provisional against confirmed.

The report is data first (``day_report``), so the XLSX export here and the PDF the UI prints
with ``QPdfWriter`` show the same rows and totals, headed with the dealer's and the store's
names. A refused row says why in words (the caller's ``explain``), never as a reason code. Column titles are English templates in the
``Counter`` context; the caller passes a translate function.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.export_cells import safe_row
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store.database import station_id
from app.domain.workflows import knowledge
from app.domain.workflows.counter import rebates, redeem
from app.domain.workflows.counter.model import STANDING_WORDS, ClaimRow, RedemptionRow, money

Translate = Callable[[str], str]
Explain = Callable[[str | None, Mapping[str, Any]], str]  # a refusal's reason code -> words


def no_words(_reason: str | None, _detail: Mapping[str, Any]) -> str:
    """The reason column when no translator is given: empty, never the code itself."""
    return ""


TITLES = {
    "report": QT_TRANSLATE_NOOP("Counter", "Day's close {day}"),
    "dealer": QT_TRANSLATE_NOOP("Counter", "Dealer: {dealer}"),
    "store": QT_TRANSLATE_NOOP("Counter", "Store: {store}"),
    "station": QT_TRANSLATE_NOOP("Counter", "Station: {station}"),
    "total": QT_TRANSLATE_NOOP("Counter", "Total"),
    "total_counted": QT_TRANSLATE_NOOP("Counter", "Total (confirmed and provisional)"),
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


COUNTED = ("provisional", "confirmed")  # what stands: neither undone nor refused


@dataclass(frozen=True, slots=True)
class DayReport:
    day: str
    station: str
    redemptions: list[RedemptionRow]
    claims: list[ClaimRow]
    dealer: str | None = None  # the dealer's and the store's names, as the station knows them
    store: str | None = None

    def redemption_total(self) -> Totals:
        rows = [r for r in self.redemptions if r.standing in COUNTED]
        return Totals(len(rows), sum(r.value_cents for r in rows))

    def claim_total(self) -> Totals:
        rows = [c for c in self.claims if c.standing in COUNTED]
        return Totals(sum(c.units for c in rows), sum(c.estimate_cents for c in rows))

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


def day_report(conn: sqlite3.Connection, day: dt.date, station_name: str = "") -> DayReport:
    """The day's rows, with the names the report is headed with: the dealer from the station's
    enrollment (``sync.whoami``) and the pulled dealers, the store from the enrollment's site,
    else the dealer's one store, else ``station_name`` (the station's name in its settings)."""
    text = day.isoformat()
    me = knowledge.identity(conn)
    return DayReport(
        day=text,
        station=station_id(conn),
        redemptions=redeem.redemptions(conn, text),
        claims=rebates.claims(conn, text),
        dealer=knowledge.dealer_name(conn, me.dealer_id),
        store=_store_name(conn, me.dealer_id) or station_name or None,
    )


def _store_name(conn: sqlite3.Connection, dealer_id: str | None) -> str | None:
    whoami = knowledge.setting(conn, "sync.whoami")
    site = whoami.get("site") if isinstance(whoami, dict) else None
    if site:
        row = conn.execute("SELECT name FROM stores WHERE id = ?", (site,)).fetchone()
        if row is not None:
            return str(row[0])
    if dealer_id:
        rows = conn.execute("SELECT name FROM stores WHERE dealer_id = ?", (dealer_id,)).fetchall()
        if len(rows) == 1:
            return str(rows[0][0])
    return None


def local_time(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%H:%M:%S")
    except ValueError:
        return text


@dataclass(frozen=True, slots=True)
class Table:
    name: str
    head: list[str]
    rows: list[list[str]]  # the last ``totals`` rows are the totals
    totals: int = 1
    whole: frozenset[int] = frozenset()  # columns read out by phone (numbers): never wrapped


def tables(report: DayReport, tr: Translate, explain: Explain = no_words) -> list[Table]:
    """The report as titled tables of text, each ending with its total row (the same rows for
    the XLSX and the PDF); a refusal's reason is ``explain``'s words, never its code."""
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
            explain(r.reason, r.detail) if r.standing == "refused" else "",
        ]
        for r in report.redemptions
    ]
    total = report.redemption_total()
    red_rows.append([tr(TITLES["total"]), str(total.count), "", money(total.cents), "", "", "", ""])
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
            explain(c.reason, c.detail) if c.standing == "refused" else "",
        ]
        for c in report.claims
    ]
    total = report.claim_total()
    claim_rows.append(
        [tr(TITLES["total"]), str(len(report.claims)), "", str(total.count),
         money(total.cents), "", "", "", ""]
    )  # fmt: skip
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
    for what, total in (
        (TITLES["redemptions"], report.redemption_total()),
        (TITLES["claim_products"], report.claim_total()),
    ):
        summary_rows.append(
            [tr(what), tr(TITLES["total_counted"]), str(total.count), money(total.cents)]
        )
    return [
        Table(tr(TITLES["summary"]), summary_head, summary_rows, totals=2),
        Table(tr(TITLES["redemptions"]), red_head, red_rows, whole=frozenset({1})),
        Table(tr(TITLES["claims"]), claim_head, claim_rows, whole=frozenset({1})),
    ]


def title(report: DayReport, tr: Translate) -> str:
    return tr(TITLES["report"]).format(day=report.day)


def heading(report: DayReport, tr: Translate) -> list[str]:
    """The lines under the title: whose counter this is (what the station knows of it)."""
    lines = []
    if report.dealer:
        lines.append(tr(TITLES["dealer"]).format(dealer=report.dealer))
    if report.store:
        lines.append(tr(TITLES["store"]).format(store=report.store))
    lines.append(tr(TITLES["station"]).format(station=report.station))
    return lines


def write_xlsx(
    report: DayReport, path: Path, tr: Translate = lambda s: s, explain: Explain = no_words
) -> Path:
    """One sheet per table: the title and whose counter, the header row bold and frozen, the
    total row bold, columns sized to their text."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.worksheets[0])  # the default sheet; each table gets its own
    top = " · ".join([title(report, tr), *heading(report, tr)])
    for table in tables(report, tr, explain):
        sheet = book.create_sheet(table.name[:31])
        sheet.append(safe_row([top]))
        sheet["A1"].font = Font(bold=True, size=13)
        sheet.append(safe_row(table.head))
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append(safe_row(row))
        for line in range(sheet.max_row - table.totals + 1, sheet.max_row + 1):
            for cell in sheet[line]:
                cell.font = Font(bold=True)  # the total rows
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
