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
from tests.support.counter_station import NOW, Brand, give_keys, new_station, synced_at

CLERK = Actor("op-1", "小张")


def test_day_report_counts_each_standing_and_exports_xlsx(tmp_path):
    brand = Brand()
    brand.rotate("k1")
    writer = Writer(new_station(tmp_path / "s.sqlite3"))
    writer.start()
    try:
        writer.call(lambda c: (give_keys(c, brand), synced_at(c, NOW)))
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

        out = report.write_xlsx(data, tmp_path / "close.xlsx")
        book = load_workbook(out)
        assert book.sheetnames == ["Summary", "Voucher redemptions", "Installer rebate claims"]
        sheet = book["Voucher redemptions"]
        assert [c.value for c in sheet[2]][:3] == ["Time", "Voucher", "Prize"]
        rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=3)]
        assert [(r[1], r[6], r[7]) for r in rows] == [
            ("V1", "confirmed", None),
            ("V2", "refused by the server", "voucher.already_redeemed"),
            ("V3", "provisional", None),
        ]
        assert book["Installer rebate claims"]["D3"].value == "2"
    finally:
        writer.stop()
