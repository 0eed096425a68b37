"""Code grammar speed: per-form p50/p99 and mixed throughput, beside biip's own parse on the same input.

Every input is distinct (a fresh serial or code per sample), as on a real line,
so no cache can flatter the figures. Baselines on the very GS1 strings our
parser reads, in the same run: ``biip.parse`` (the library's front door, which
tries every format) and ``GS1Message.parse`` (biip reading the whole message;
the grammar instead cuts it into AI/data pairs by GS1's rule and has biip read
each pair, so the ratio to it is what that, normalisation, dispatch and key
building cost on top).
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable

import biip
from biip.checksums import gs1_standard_check_digit
from biip.gs1_messages import GS1Message

from app.domain.codes import CodeParser
from tests.bench import Row, Scale, percentile

GTIN = "09506000134352"


def _serial(rng: random.Random) -> str:
    return "".join(rng.choices(string.ascii_uppercase + string.digits, k=12))


def _ean13(rng: random.Random) -> str:
    payload = "690" + "".join(rng.choices(string.digits, k=9))
    return payload + str(gs1_standard_check_digit(payload))


def _forms(rng: random.Random) -> dict[str, Callable[[], str]]:
    return {
        "GS1 element string": lambda: (
            f"]d201{GTIN}17261231\x1d10L{rng.randrange(999)}\x1d21{_serial(rng)}"
        ),
        "Digital Link": lambda: f"https://id.gs1.org/01/{GTIN}/21/{_serial(rng)}?17=261231",
        "brand URL": lambda: f"https://t.brand.cn/q/{_serial(rng)}",
        "20-digit brand": lambda: "".join(rng.choices(string.digits[1:], k=20)),
        "EAN-13": lambda: _ean13(rng),
        "invalid": lambda: f"'; DROP TABLE codes;-- {_serial(rng)}",
    }


def _time_us(fn: Callable[[str], object], inputs: list[str]) -> list[float]:
    samples = []
    for raw in inputs:
        started = time.perf_counter_ns()
        fn(raw)
        samples.append((time.perf_counter_ns() - started) / 1000)
    return samples


def run(scale: Scale) -> list[Row]:
    rng = random.Random(11)
    n = scale.pick(300, 20_000)
    parser = CodeParser()
    rows: list[Row] = []
    per_form: dict[str, list[str]] = {}
    for name, make in _forms(rng).items():
        inputs = [make() for _ in range(n)]
        per_form[name] = inputs
        for raw in inputs[:50]:
            assert parser.parse(raw).valid is (name != "invalid"), raw
        samples = _time_us(parser.parse, inputs)
        rows.append(Row("codes", f"parse p50 ({name})", percentile(samples, 50), "µs"))
        rows.append(Row("codes", f"parse p99 ({name})", percentile(samples, 99), "µs", "≪ 1000 µs"))

    # Interleaved per input, so load from other processes on a shared machine hits all three alike.
    ours, theirs, floor = [], [], []
    for raw in per_form["GS1 element string"]:
        ours += _time_us(parser.parse, [raw])
        theirs += _time_us(biip.parse, [raw])
        floor += _time_us(GS1Message.parse, [raw[3:]])  # the one biip call the grammar makes
    rows.append(
        Row(
            "codes",
            "biip.parse p50 (same GS1 input, baseline)",
            percentile(theirs, 50),
            "µs",
            note=f"parse/biip p50 ×{percentile(ours, 50) / percentile(theirs, 50):.2f}",
        )
    )
    rows.append(
        Row(
            "codes",
            "biip GS1Message.parse p50 (floor)",
            percentile(floor, 50),
            "µs",
            note=f"parse/floor p50 ×{percentile(ours, 50) / percentile(floor, 50):.2f}",
        )
    )

    mixed = [raw for inputs in per_form.values() for raw in inputs]
    rng.shuffle(mixed)
    started = time.perf_counter()
    for raw in mixed:
        parser.parse(raw)
    elapsed = time.perf_counter() - started
    rows.append(
        Row("codes", "parse throughput (mixed forms, 1 core)", len(mixed) / elapsed, "codes/s")
    )
    return rows
