"""The day's close: the day's redemptions and claims, provisional against confirmed, as XLSX."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook

from app.domain.codes import command_text
from app.domain.store import journal
from app.domain.store.writer import Writer
from app.domain.workflows.base import Actor
from app.domain.workflows.counter import report
from app.domain.workflows.counter.session import CounterSession
from tests.support.counter_station import NOW, Brand, give_keys, new_station, registry, synced_at

CLERK = Actor("op-1", "小张")


def test_day_report_counts_each_standing_and_exports_xlsx(tmp_path):
    brand = Brand()
    brand.rotate("k1")
    writer = Writer(new_station(tmp_path / "s.sqlite3"))
    writer.start()
    try:
        sold = ["sgtin:06901234567892.A1", "sgtin:06901234567892.A2"]
        writer.call(lambda c: (give_keys(c, brand), synced_at(c, NOW), registry(c, sold)))
        session = CounterSession(clock=lambda: NOW)

        def scan(text):
            return writer.call(lambda c: session.handle(c, text, CLERK, online=False))

        events = []
        for vid, value in (("V1", 9900), ("V2", 5000), ("V3", 100)):
            scan(brand.voucher(vid, value=value))
            events.append(scan(command_text("confirm")).extra["event_id"])
        scan(brand.card("C1"))
        scan("010690123456789221A1")
        scan("010690123456789221A2")
        claim_event = scan(command_text("confirm")).extra["event_id"]
        writer.call(lambda c: journal.mark(c, events[0], "accepted"))
        writer.call(lambda c: journal.mark(c, events[1], "rejected", "voucher.already_redeemed"))
        writer.call(lambda c: journal.mark(c, claim_event, "accepted"))
        day = NOW.astimezone().date()
        data = writer.call(lambda c: report.day_report(c, day))
        totals = data.redemption_totals()
        assert (totals["confirmed"].count, totals["confirmed"].cents) == (1, 9900)
        assert (totals["refused"].count, totals["refused"].cents) == (1, 5000)
        assert (totals["provisional"].count, totals["provisional"].cents) == (1, 100)
        assert data.claim_totals()["confirmed"].count == 2
        assert (
            writer.call(lambda c: report.day_report(c, day - dt.timedelta(days=1))).redemptions
            == []
        )

        assert (data.dealer, data.store) == ("上海一码经销", "徐汇建材店")
        assert data.redemption_total() == report.Totals(2, 10000)  # refused and undone do not count
        assert data.claim_total() == report.Totals(2, 0)

        def explain(reason, detail):
            return f"words for {reason.split('.')[-1]}"

        out = report.write_xlsx(data, tmp_path / "close.xlsx", explain=explain)
        book = load_workbook(out)
        assert book.sheetnames == ["Summary", "Voucher redemptions", "Installer rebate claims"]
        sheet = book["Voucher redemptions"]
        assert sheet["A1"].value == (
            "Day's close 2025-06-10 · Dealer: 上海一码经销 · Store: 徐汇建材店 · Station: S-A"
        )
        assert [c.value for c in sheet[2]][:3] == ["Time", "Voucher", "Prize"]
        rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
        assert [(r[1], r[6], r[7]) for r in rows[:-1]] == [
            ("V1", "confirmed", None),
            ("V2", "refused by the server", "words for already_redeemed"),
            ("V3", "provisional", None),
        ]
        assert rows[-1][:4] == ["Total", "2", None, "¥100.00"]
        assert sheet.cell(sheet.max_row, 1).font.bold
        claims = book["Installer rebate claims"]
        assert claims["D3"].value == "2"
        assert [c.value for c in claims[claims.max_row]][:5] == ["Total", "1", None, "2", "¥0.00"]
        summary = [[c.value for c in r] for r in book["Summary"].iter_rows(min_row=3)]
        assert summary[-2:] == [
            ["Voucher redemptions", "Total (confirmed and provisional)", "2", "¥100.00"],
            ["Installer rebates (products)", "Total (confirmed and provisional)", "2", "¥0.00"],
        ]
        # Without words for the reasons the column is empty: a reason code is never shown.
        plain = load_workbook(report.write_xlsx(data, tmp_path / "plain.xlsx"))
        cells = [c.value for r in plain["Voucher redemptions"].iter_rows() for c in r]
        assert "voucher.already_redeemed" not in cells
    finally:
        writer.stop()
