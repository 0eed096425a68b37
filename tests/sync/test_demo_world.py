"""One demo world: the demo server is seeded from the station demo's own data, so a pull changes
none of the station's reference data, its warehouse events on demo codes are accepted, the
inspector's shelf scans get the verdicts their labels promise, and the server's vouchers on the
demo gun verify at the counter."""

from __future__ import annotations

import sqlite3

from app.demo import demo_codes, prepare
from app.domain.codes import parse
from app.domain.store.database import connect
from app.domain.store.writer import Writer
from app.domain.workflows.counter.session import CounterSession
from app.domain.workflows.inspector import checks
from app.domain.workflows.inspector.session import InspectorSession, choose_place
from app.domain.workflows.warehouse import Actor, Warehouse
from app.paths import database_path
from app.ui.sync_controls import start_demo_server
from sync.client.client import SyncClient
from sync.client.demo import connect_demo_station

ME = Actor("op", "demo")


def _reference(path) -> dict[str, list[tuple]]:
    conn = connect(path, readonly=True)
    try:
        return {
            table: [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]
            for table in ("products", "dealers", "regions", "stores")
        }
    finally:
        conn.close()


def _scan_text(folder, words: str) -> str:
    return next(c["text"] for c in demo_codes(folder) if words in c["label_en"])


def test_station_and_server_share_one_world(tmp_path, memory_keyring):
    prepare(tmp_path)
    path = database_path(tmp_path)
    before = _reference(path)
    demo = start_demo_server(tmp_path)
    writer = Writer(path)
    writer.start()
    try:
        report = connect_demo_station(path, writer, demo.url, demo.enrollment_code)
        assert report.pulled_changes > 1000  # the codes arrived too, and changed nothing
        assert _reference(path) == before

        wh = Warehouse(Actor("demo", language="en"))  # as the station page does

        def scan(words: str):
            return writer.call(wh.scan_action(parse(_scan_text(tmp_path, words)))).decision

        scan("Switch: receive delivery")
        assert scan("Pallet 1002").args["items"] == 960
        scan("Command: finish")
        scan("Switch: ship order SO-24002")
        assert scan("Pallet 1001").reason == "ship.complete"
        assert scan("Command: finish").reason == "ship.shipped"

        client = SyncClient(path, writer)
        try:
            pushed = client.sync_once(snapshot=True)
        finally:
            client.close()
        assert pushed.snapshot_rows > 2000
        conn = connect(path, readonly=True)
        try:
            states = conn.execute(
                "SELECT type, payload, sync_state, reason FROM journal"
            ).fetchall()
        finally:
            conn.close()
        assert all(s["sync_state"] == "accepted" for s in states), [tuple(s) for s in states]
        steps = " ".join(s["payload"] for s in states)
        assert "receiving" in steps and "shipping" in steps
        with sqlite3.connect(tmp_path / "demo-server.db") as server:
            shipped = server.execute(
                "SELECT count(*) FROM codes WHERE order_id = 'SO-24002' AND dealer_id = 'D002'"
            ).fetchone()[0]
        assert shipped == 1 + 40 + 960  # the pallet, its cases and their cans
        assert _reference(path) == before

        inspector = InspectorSession()
        shop = next(p for p in writer.call(checks.places) if p.id == "S002")
        writer.call(lambda c: choose_place(c, shop))
        verdicts = {
            s["label_en"]: writer.call(
                lambda c, t=s["text"]: inspector.handle(c, t, ME)
            ).check.judgement.verdict.value
            for s in demo_codes(tmp_path)
            if s["label_en"].startswith("Shelf:")
        }
        assert verdicts == {
            "Shelf: baijiu 00000073 (sold to the Shanghai dealer: authorised in Shanghai)": (
                "authorised"
            ),
            "Shelf: baijiu 00000061 (sold to the Hangzhou dealer: diverted in Shanghai)": (
                "diverted"
            ),
            "Shelf: baijiu 00999999 (never issued: suspected fake)": "unknown",
        }

        counter = CounterSession()
        vouchers = [s["text"] for s in demo_codes(tmp_path) if s["label_en"].startswith("Voucher")]
        assert len(vouchers) == 6
        reasons = [
            writer.call(lambda c, t=t: counter.handle(c, t, ME, online=False)).decision.reason
            for t in vouchers
        ]
        assert reasons == ["voucher.valid"] * 6
    finally:
        writer.stop()
        demo.stop()
