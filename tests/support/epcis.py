"""EPCIS test helpers: GS1's reference files, a strict schema check, and a demo day.

The demo day runs on a real station against the real demo server, with every kind of event the
product makes: receive (and an undo), ship a pallet, pack, unpack, relabel, stocktake, returns,
a product check, two vouchers redeemed, an installer's rebate claim, shelf checks and a
diversion case. The station is enrolled, pulls the demo world and pushes the day, so both the
station's journal and the server's accepted events hold it."""

from __future__ import annotations

import functools
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft7Validator, FormatChecker

from app.demo import add_demo_codes, demo_codes, prepare, registry
from app.domain.codes import parse
from app.domain.store.database import connect
from app.domain.store.writer import Writer
from app.domain.workflows.base import Actor
from app.domain.workflows.counter.session import CounterSession
from app.domain.workflows.inspector import checks
from app.domain.workflows.inspector.session import InspectorSession, choose_place
from app.domain.workflows.warehouse import Warehouse
from app.paths import database_path
from sync.client.client import SyncClient
from sync.client.demo import use_memory_keyring
from sync.server.db import open_database
from sync.server.embedded import ServerThread
from sync.server.seed import seed_demo
from sync.server.service import Server
from tests.support import ROOT

ME = Actor("op-demo", "Demo", language="en")
SHARED = ROOT.parent / "shared" / "epcis"  # GS1's files, beside the checkout (see its README)
SCHEMA = SHARED / "EPCIS-JSON-Schema.json"
GS1_CONTEXT = SHARED / "epcis-context.jsonld"
EXAMPLES = sorted((SHARED / "examples").glob("*.jsonld"))


@functools.cache
def _validator() -> Draft7Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return Draft7Validator(schema, format_checker=FormatChecker())


def schema_errors(document: object) -> list[str]:
    """Every way ``document`` breaks GS1's EPCIS 2.0 JSON schema, formats (uri, date-time)
    checked, as ``path: message``."""
    return [
        f"{'/'.join(str(p) for p in e.absolute_path)}: {e.message}"
        for e in _validator().iter_errors(document)
    ]


def leaf_values(value: object) -> list[str]:
    """Every scalar a document holds (as JSON text), wherever and under whatever name."""
    if isinstance(value, dict):
        return [v for key, inner in value.items() if key != "@context" for v in leaf_values(inner)]
    if isinstance(value, list):
        return [v for inner in value for v in leaf_values(inner)]
    return [json.dumps(value)]


def key_paths(value: object, at: str = "") -> set[str]:
    """Every object key as a path (list positions left out): what a document says, by name."""
    found: set[str] = set()
    if isinstance(value, dict):
        for key, inner in value.items():
            found.add(f"{at}/{key}")
            found |= key_paths(inner, f"{at}/{key}")
    elif isinstance(value, list):
        for inner in value:
            found |= key_paths(inner, at)
    return found


@dataclass
class DemoDay:
    folder: Path  # the station's data folder
    station_db: Path
    server: Server
    url: str


@contextmanager
def demo_day(folder: Path) -> Iterator[DemoDay]:
    """The demo station after one full day, synced; the server keeps running inside."""
    use_memory_keyring()
    prepare(folder)
    db = open_database(str(folder / "central.sqlite3"))
    server = Server(db)
    seed = seed_demo(server, registry())
    add_demo_codes(
        folder,
        [{"text": t, "label": v, "label_en": f"Voucher {v}"} for v, t in seed.vouchers[:5]]
        + [{"text": t, "label": c, "label_en": f"Installer card {c}"} for c, t in seed.cards[:1]],
    )
    thread = ServerThread(server).start()
    path = database_path(folder)
    writer = Writer(path)
    writer.start()
    try:
        client = SyncClient(path, writer)
        try:
            client.enroll(thread.url, seed.enrollment_code, station_name="Demo")
            client.sync_once(snapshot=True)  # the inspector judges on the snapshot
            _work(folder, writer)
            client.sync_once()
        finally:
            client.close()
        yield DemoDay(folder, path, server, thread.url)
    finally:
        writer.stop()
        thread.stop()
        db.close()


def _texts(folder: Path) -> dict[str, str]:
    return {c["label_en"]: c["text"] for c in demo_codes(folder)}


def _starting(texts: dict[str, str], words: str) -> list[str]:
    return [t for label, t in texts.items() if label.startswith(words)]


def _work(folder: Path, writer: Writer) -> None:
    texts = _texts(folder)
    wh = Warehouse(ME)

    def scan(label: str) -> object:
        return writer.call(wh.scan_action(parse(texts[label]))).decision

    def scan_text(text: str) -> object:
        return writer.call(wh.scan_action(parse(text))).decision

    # warehouse: receive (with an undo), ship a pallet, pack, unpack, relabel, count, returns
    scan("Switch: receive delivery ASN-8807")
    scan("Rice wine case 000001 (delivery ASN-8807)")
    scan("Command: undo last")
    scan("Rice wine case 000001 (delivery ASN-8807)")
    scan("Command: finish")
    scan("Switch: ship order SO-24002 (Guangzhou, a pallet)")
    scan_text(_starting(texts, "Pallet 1001")[0])
    scan("Command: finish")
    scan("Switch: pack")
    scan("Empty baijiu case label 000091 (for packing)")
    for n in range(49, 52):
        scan(f"Loose baijiu bottle {n:08d}")
    scan("Command: finish")
    scan("Switch: unpack")
    scan("Loose baijiu bottle 00000049")
    scan("Command: finish")
    scan("Switch: relabel")
    scan("Loose baijiu bottle 00000052")
    scan_text("01069501230030342100000952")  # a new label (the server does not know it)
    scan("Command: finish")
    scan("Switch: stocktake A-01")
    scan("Baijiu case 000001 (in stock, A-01)")
    scan("Command: finish")
    scan("Switch: returns (damaged)")
    scan("Baijiu case 000009 (shipped to Hangzhou, for returns)")
    scan("Command: finish")

    # counter: check a product, redeem two vouchers and undo the last, an installer's claim
    counter = CounterSession()

    def counter_scan(text: str) -> object:
        return writer.call(lambda c: counter.handle(c, text, ME, online=False)).decision

    counter_scan(texts["Longjing tea box QR LJ00000001 (in a case)"])
    for voucher in _starting(texts, "Voucher")[:2]:
        counter_scan(voucher)
        counter_scan(texts["Command: confirm"])
    counter_scan(texts["Command: undo last"])
    counter_scan(_starting(texts, "Installer card")[0])
    counter_scan(
        texts["Shelf: baijiu 00000073 (sold to the Shanghai dealer: authorised in Shanghai)"]
    )
    counter_scan(texts["Command: finish"])

    # inspector: three shelf checks in a Shanghai store, a case for the diverted one
    inspector = InspectorSession()
    store = next(p for p in writer.call(checks.places) if p.id == "S002")
    writer.call(lambda c: choose_place(c, store))
    diverted = None
    for label, text in texts.items():
        if label.startswith("Shelf:"):
            reply = writer.call(lambda c, t=text: inspector.handle(c, t, ME))
            if reply.check.judgement.verdict.value == "diverted":
                diverted = reply.check.check_id
    assert diverted is not None
    writer.call(lambda c: inspector.file_case(c, diverted, ME))


def journal_rows(path: Path) -> list[sqlite3.Row]:
    conn = connect(path, readonly=True)
    try:
        return conn.execute("SELECT type, payload, sync_state, reason FROM journal").fetchall()
    finally:
        conn.close()
