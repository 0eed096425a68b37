"""The counter/inspector demo seeder on the warehouse demo station: every labelled scan does
what its label says, offline, without a server."""

from __future__ import annotations

from app import demo
from app.domain.store.writer import Writer
from app.domain.workflows.counter import demo as counter_demo
from app.domain.workflows.counter.redeem import Actor
from app.domain.workflows.counter.session import CounterSession
from app.domain.workflows.inspector import checks
from app.domain.workflows.inspector.session import InspectorSession
from app.paths import database_path

ME = Actor("op", "demo")


def test_demo_vouchers_cards_and_shelf_codes_say_what_their_labels_say(tmp_path, monkeypatch):
    monkeypatch.setattr(demo, "AREA_SEEDERS", ("app.domain.workflows.counter.demo:seed",))
    demo.prepare(tmp_path)
    writer = Writer(database_path(tmp_path))
    writer.start()
    try:
        scans = writer.call(counter_demo.demo_scans)
        counter = CounterSession()
        reasons = {
            s["label_en"]: writer.call(
                lambda c, t=s["text"]: counter.handle(c, t, ME, online=False)
            ).decision.reason
            for s in scans
        }
        assert reasons == {
            "Voucher VDEMO1 (valid, opener gift box)": "voucher.valid",
            "Voucher VDEMO2 (valid, opener gift box)": "voucher.valid",
            "Voucher VDEMO3 (valid, opener gift box)": "voucher.valid",
            "Voucher VDEMO4 (valid at any dealer)": "voucher.valid",
            "Voucher VDEMO5 (expired)": "voucher.expired",
            "Voucher VDEMO6 (for the Hangzhou dealer)": "voucher.wrong_dealer",
            "Voucher VDEMO7 (cancelled by the brand)": "voucher.denied",
            "Forged voucher VFAKE8": "voucher.forged",
            "Installer card Master Wang": "card.valid",
            "Installer card Master Li (expired)": "card.expired",
        }
        inspector = InspectorSession()
        inspector.place = next(p for p in writer.call(lambda c: checks.places(c)) if p.id == "S002")
        shelf = writer.call(counter_demo.shelf_scans)
        verdicts = [
            writer.call(
                lambda c, t=s["text"]: inspector.handle(c, t, ME)
            ).check.judgement.verdict.value
            for s in shelf
        ]
        assert verdicts == ["authorised", "diverted", "unknown"]
    finally:
        writer.stop()
