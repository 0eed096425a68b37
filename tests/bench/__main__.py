"""Run every benchmark and print one table: ``python -m tests.bench [--quick] [-k NAME]``."""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
import time

from tests import bench
from tests.bench import Row, Scale


def _modules(selected: list[str]) -> list[str]:
    names = sorted(
        m.name for m in pkgutil.iter_modules(bench.__path__) if m.name.startswith("bench_")
    )
    if selected:
        names = [n for n in names if any(s in n for s in selected)]
    return names


def _format(rows: list[Row]) -> str:
    header = ("area", "metric", "value", "unit", "target", "note")
    cells = [header] + [
        (
            r.area,
            r.metric,
            f"{r.value:,.3f}" if r.value < 100 else f"{r.value:,.0f}",
            r.unit,
            r.target,
            r.note,
        )
        for r in rows
    ]
    widths = [max(len(str(c[i])) for c in cells) for i in range(len(header))]
    lines = []
    for n, c in enumerate(cells):
        lines.append("  ".join(str(v).ljust(w) for v, w in zip(c, widths, strict=True)).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny data: check the benchmarks run")
    parser.add_argument(
        "-k", action="append", default=[], help="only modules whose name contains this"
    )
    args = parser.parse_args(argv)
    scale = Scale(quick=args.quick)
    rows: list[Row] = []
    for name in _modules(args.k):
        started = time.perf_counter()
        module = importlib.import_module(f"tests.bench.{name}")
        print(f"running {name} ...", file=sys.stderr, flush=True)
        rows.extend(module.run(scale))
        print(f"  {name} took {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    print(_format(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
