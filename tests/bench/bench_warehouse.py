"""Warehouse flows on a station holding 10 M codes (60 items per case, 40 cases per pallet).

What is timed is what an operator waits for: from the raw text a gun sent to the
decision committed (``synchronous=FULL``) and handed back by the writer thread —
parse, lookups, checks, the journal event, the state change, the COMMIT and the
job view the page redraws from. Measured:

- pack: a child scanned into an empty case (60 per case, the case closes itself);
- ship: a case (61 codes staged) and a single item, scanned against a dealer's order;
- a whole pallet (2,441 codes: 40 cases × 60 items) received, and staged for shipping;
  FINISH of a one-pallet shipment (the shipping event plus 2,441 codes marked shipped);
- baselines in the same run: a bare code lookup on a read connection, and the floor
  of any scan through the writer (one lookup + one journal event + the durable commit).
"""

from __future__ import annotations

import random
import sqlite3
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from app.domain.codes import CodeParser, command_text
from app.domain.store import journal
from app.domain.store.database import connect
from app.domain.store.writer import Writer
from app.domain.workflows.warehouse import Actor, Warehouse
from tests.bench import Row, Scale, percentile
from tests.bench.datasets import (
    CASE_GTIN,
    CASES_PER_PALLET,
    ITEM_GTIN,
    ITEMS_PER_CASE,
    case_key,
    item_key,
    pallet_key,
    station_with_codes,
    writable_copy,
)

ORDER = "SO-BENCH"
PER_PALLET = ITEMS_PER_CASE * CASES_PER_PALLET


def _raw(key: str) -> str:
    """The text a gun sends for a canonical key (GS1 element string, no FNC1 needed at the end)."""
    scheme, _, body = key.partition(":")
    if scheme == "sscc":
        return f"00{body}"
    gtin, _, serial = body.partition(".")
    return f"01{gtin}21{serial}"


def _prepare(
    path: Path, n_items: int, loose_items: int, empty_cases: int, known_pallets: list[int]
) -> None:
    """Orders, loose items and empty labels for packing, pallets still to receive (not timed)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA synchronous = OFF")
    conn.execute("BEGIN")
    conn.execute(
        "INSERT INTO dealers (id, name, name_en, regions) VALUES ('D1', '经销商', 'Dealer', '[\"R1\"]')"
    )
    conn.execute(
        "INSERT INTO orders (id, dealer_id, status, created_at) VALUES (?, 'D1', 'open', '2024-01-01T00:00:00+00:00')",
        (ORDER,),
    )
    conn.execute(
        "INSERT INTO order_lines (order_id, product_id, qty) VALUES (?, 'P01', 1000000000)",
        (ORDER,),
    )
    now = "2024-01-01T00:00:00+00:00"
    conn.executemany(
        "INSERT INTO codes (key, level, product_id, status, updated_at) VALUES (?, 'item', 'P01', 'in_stock', ?)",
        ((item_key(n_items + i), now) for i in range(loose_items)),
    )
    conn.executemany(
        "INSERT INTO codes (key, level, product_id, status, updated_at) VALUES (?, 'case', 'P01', 'known', ?)",
        ((f"sgtin:{CASE_GTIN}.9{i:09d}", now) for i in range(empty_cases)),
    )
    for p in known_pallets:
        conn.execute(
            "WITH RECURSIVE t(key) AS (SELECT ? UNION ALL SELECT c.key FROM codes c JOIN t ON c.parent_key = t.key)"
            " UPDATE codes SET status = 'known' WHERE key IN (SELECT key FROM t)",
            (pallet_key(p),),
        )
    conn.execute("COMMIT")
    conn.close()


def _timed(writer: Writer, action: Callable[[sqlite3.Connection], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = writer.call(action)
    return (time.perf_counter() - started) * 1000, result


class Samples(list):
    """Scan-to-commit times, and beside them the part spent deciding inside the transaction."""

    def __init__(self) -> None:
        super().__init__()
        self.work: list[float] = []


def _scans(
    writer: Writer, wh: Warehouse, parser: CodeParser, texts: list[str], expect: set[str]
) -> Samples:
    samples = Samples()

    def action(conn: sqlite3.Connection, text: str) -> object:
        started = time.perf_counter()
        result = wh.scan(conn, parser.parse(text))
        samples.work.append((time.perf_counter() - started) * 1000)
        return result

    for text in texts:
        ms, result = _timed(writer, lambda conn, t=text: action(conn, t))
        reason = result.decision.reason  # type: ignore[attr-defined]
        assert reason in expect, (text, reason, result.decision.args)  # type: ignore[attr-defined]
        samples.append(ms)
    return samples


def _command(
    writer: Writer, wh: Warehouse, parser: CodeParser, name: str, arg: str | None = None
) -> object:
    return writer.call(lambda conn: wh.scan(conn, parser.parse(command_text(name, arg))))


def _rows(metric: str, samples: list[float], target: str, note: str = "") -> list[Row]:
    work = getattr(samples, "work", None)
    if work and not note:
        note = (
            f"n={len(samples)}; deciding in the transaction p50 {percentile(work, 50):.2f}"
            f" / p99 {percentile(work, 99):.2f} ms"
        )
    return [
        Row("warehouse", f"{metric} p50", percentile(samples, 50), "ms"),
        Row(
            "warehouse",
            f"{metric} p99",
            percentile(samples, 99),
            "ms",
            target,
            note or f"n={len(samples)}",
        ),
    ]


def run(scale: Scale) -> list[Row]:
    n_items = scale.pick(48_000, 10_000_000)  # quick: 20 pallets
    n_pack = scale.pick(120, 2_400)  # children scanned into cases (40 cases of 60 at full scale)
    n_ship_cases, n_ship_items = scale.pick(40, 600), scale.pick(40, 600)
    n_pallets = scale.pick(3, 10)
    n_pallets_total = n_items // PER_PALLET
    rng = random.Random(11)
    pallets = rng.sample(range(n_pallets_total), 2 * n_pallets + 1)
    receive_pallets, ship_pallets, finish_pallet = (
        pallets[:n_pallets],
        pallets[n_pallets:-1],
        pallets[-1],
    )
    label = "10M" if n_items >= 10_000_000 else f"{n_items // 1000}k"
    rows: list[Row] = []
    source = station_with_codes(n_items)
    with tempfile.TemporaryDirectory() as tmp:
        path = writable_copy(source, Path(tmp))
        _prepare(path, n_items, n_pack, n_pack // ITEMS_PER_CASE + 1, receive_pallets)
        parser = CodeParser()
        wh = Warehouse(Actor("bench", station="ST-BENCH", language="en"))

        # baselines: a bare lookup, and the floor of a scan through the writer
        reader = connect(path, readonly=True)
        keys = [item_key(rng.randrange(n_items)) for _ in range(2000)]
        for key in keys[:200]:
            reader.execute("SELECT * FROM codes WHERE key = ?", (key,)).fetchone()
        bare = []
        for key in keys:
            started = time.perf_counter()
            reader.execute("SELECT * FROM codes WHERE key = ?", (key,)).fetchone()
            bare.append((time.perf_counter() - started) * 1000)
        reader.close()
        rows += _rows(f"baseline: bare code lookup ({label} codes)", bare, "")

        writer = Writer(path)
        writer.start()
        try:

            def floor_action(conn: sqlite3.Connection, key: str) -> None:
                conn.execute("SELECT * FROM codes WHERE key = ?", (key,)).fetchone()
                journal.append(
                    conn, "ObjectEvent", {"epcList": [key]}, operator="bench", station="ST-BENCH"
                )

            floor = [_timed(writer, lambda c, k=k: floor_action(c, k))[0] for k in keys[:500]]
            rows += _rows("baseline: lookup + event + commit via writer", floor, "")

            # pack: empty case labels, then 60 loose items each; the 60th closes the case
            _command(writer, wh, parser, "switch", "pack")
            texts: list[str] = []
            for i in range(n_pack):
                if i % ITEMS_PER_CASE == 0:
                    texts.append(_raw(f"sgtin:{CASE_GTIN}.9{i // ITEMS_PER_CASE:09d}"))
                texts.append(_raw(item_key(n_items + i)))
            pack = _scans(
                writer, wh, parser, texts, {"pack.case_started", "pack.added", "pack.full"}
            )
            rows += _rows(f"pack scan → committed ({label} codes)", pack, "≤ 20 ms")

            # ship: whole cases and single items from anywhere in the 10 M
            _command(writer, wh, parser, "switch", f"ship:{ORDER}")
            used_cases = {
                c
                for p in receive_pallets + ship_pallets + [finish_pallet]
                for c in range(p * CASES_PER_PALLET, (p + 1) * CASES_PER_PALLET)
            }
            cases = [
                c
                for c in rng.sample(range(n_items // ITEMS_PER_CASE), n_ship_cases * 2)
                if c not in used_cases
            ]
            cases = cases[:n_ship_cases]
            items = [
                i
                for i in rng.sample(range(n_items), n_ship_items * 2)
                if i // ITEMS_PER_CASE not in used_cases and i // ITEMS_PER_CASE not in cases
            ][:n_ship_items]
            ship_cases = _scans(writer, wh, parser, [_raw(case_key(c)) for c in cases], {"ship.ok"})
            ship_items = _scans(writer, wh, parser, [_raw(item_key(i)) for i in items], {"ship.ok"})
            rows += _rows(
                f"ship scan of a case (61 codes) → committed ({label})", ship_cases, "≤ 20 ms"
            )
            rows += _rows(f"ship scan of an item → committed ({label})", ship_items, "≤ 20 ms")

            # pallets: receive (2,441 codes to in stock), stage for the order, finish a shipment
            ship_pallet = _scans(
                writer, wh, parser, [_raw(pallet_key(p)) for p in ship_pallets], {"ship.ok"}
            )
            _command(writer, wh, parser, "finish")  # the order wants more: FINISH asks first
            _command(writer, wh, parser, "finish")
            _command(writer, wh, parser, "switch", "receive")
            receive_pallet = _scans(
                writer,
                wh,
                parser,
                [_raw(pallet_key(p)) for p in receive_pallets],
                {"receive.ok_free"},
            )
            _command(writer, wh, parser, "finish")
            _command(writer, wh, parser, "switch", f"ship:{ORDER}")
            _scans(writer, wh, parser, [_raw(pallet_key(finish_pallet))], {"ship.ok"})
            _command(writer, wh, parser, "finish")  # asks (short); the timed one closes it
            finish_ms, finished = _timed(
                writer, lambda conn: wh.scan(conn, parser.parse(command_text("finish")))
            )
            assert finished.decision.reason == "ship.shipped_partial", finished.decision  # type: ignore[attr-defined]
            assert finished.decision.args["items"] == PER_PALLET  # type: ignore[attr-defined]
        finally:
            writer.stop()
        check = connect(path, readonly=True)
        shipped = check.execute(
            "SELECT count(*) FROM codes WHERE status = 'shipped' AND dealer_id = 'D1' AND key >= ? AND key < ?",
            (
                f"sgtin:{ITEM_GTIN}.{finish_pallet * PER_PALLET:012d}",
                f"sgtin:{ITEM_GTIN}.{(finish_pallet + 1) * PER_PALLET:012d}",
            ),
        ).fetchone()[0]
        check.close()
        assert shipped == PER_PALLET, shipped
        note = f"{PER_PALLET} items, n={n_pallets}; deciding in the transaction max {{:.1f}} ms"
        rows += [
            Row(
                "warehouse",
                f"receive a pallet → committed p50 ({label})",
                percentile(receive_pallet, 50),
                "ms",
            ),
            Row(
                "warehouse",
                f"receive a pallet → committed max ({label})",
                max(receive_pallet),
                "ms",
                "≤ 50 ms",
                note.format(max(receive_pallet.work)),
            ),
            Row(
                "warehouse",
                f"ship scan of a pallet → committed p50 ({label})",
                percentile(ship_pallet, 50),
                "ms",
            ),
            Row(
                "warehouse",
                f"ship scan of a pallet → committed max ({label})",
                max(ship_pallet),
                "ms",
                "≤ 50 ms",
                note.format(max(ship_pallet.work)),
            ),
            Row(
                "warehouse",
                f"FINISH a one-pallet shipment ({label})",
                finish_ms,
                "ms",
                "≤ 50 ms",
                f"shipping event + {PER_PALLET} items marked shipped",
            ),
        ]
    return rows
