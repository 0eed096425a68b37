"""The demo station: every warehouse flow can be run from the demo gun's labelled codes."""

import pytest

from app.demo import demo_codes, prepare
from app.domain.codes import parse
from app.domain.store.database import connect
from app.domain.store.writer import Writer
from app.domain.workflows.base import Outcome
from app.domain.workflows.warehouse import Actor, Warehouse
from app.paths import database_path


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    prepare(folder)
    prepare(folder)  # a second call leaves a prepared station alone
    writer = Writer(database_path(folder))
    writer.start()
    yield folder, writer
    writer.stop()


def _by_label(folder, words):
    return next(c["text"] for c in demo_codes(folder) if words in c["label_en"])


def test_reference_data_and_operators(demo):
    folder, _ = demo
    conn = connect(database_path(folder), readonly=True)
    products = conn.execute("SELECT name, name_en, items_per_case FROM products").fetchall()
    assert len(products) == 5 and all(p[0] and p[1] and p[2] for p in products)
    roles = {r[0] for r in conn.execute("SELECT role FROM operators")}
    assert roles >= {"admin", "warehouse", "counter", "inspector"}
    assert conn.execute("SELECT count(*) FROM orders WHERE status = 'open'").fetchone()[0] == 3
    conn.close()


def test_every_flow_runs_on_the_demo_codes(demo):
    folder, writer = demo
    wh = Warehouse(Actor("demo", station="ST-DEMO", language="en"))

    def scan(words):
        return writer.call(wh.scan_action(parse(_by_label(folder, words)))).decision

    assert scan("Switch: receive delivery").outcome is Outcome.OK
    received = scan("Pallet 1002")
    assert received.outcome is Outcome.OK and received.args["items"] == 960
    scan("Command: finish")
    assert scan("Switch: ship order SO-24002").outcome is Outcome.OK
    assert scan("Pallet 1001").reason == "ship.complete"
    assert scan("Command: finish").reason == "ship.shipped"
    assert scan("Switch: pack").outcome is Outcome.OK
    assert scan("Empty case label 000091").reason == "pack.case_started"
    assert scan("Loose beer can 00002041").reason == "pack.added"
    assert scan("Command: undo").reason == "pack.undone"
    assert scan("Switch: returns").outcome is Outcome.OK
    assert scan("Baijiu case 000009").reason == "return.quarantine"
    assert scan("Switch: stocktake A-01").outcome is Outcome.OK
    assert scan("Baijiu case 000001").reason == "stocktake.ok"
    assert scan("Switch: relabel").outcome is Outcome.OK
    assert scan("Rice wine case 000011").reason == "relabel.old"
    assert scan("Empty baijiu case label").reason == "relabel.product_mismatch"
    assert scan("Empty case label 000092").reason == "relabel.product_mismatch"
    assert scan("Shop barcode").reason == "wh.not_serialized"
    assert scan("Damaged code").outcome is Outcome.ERROR
