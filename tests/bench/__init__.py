"""Benchmarks: ``python -m tests.bench`` runs them all and prints one table.

Each ``bench_*.py`` module here defines ``run(scale: Scale) -> list[Row]``.
Figures come from this one run; where a benchmark has a natural baseline (a raw
library beside our wrapper, an empty loop beside the real work) it reports the
ratio measured in the same run, because absolute numbers on a shared 2-core
machine drift from run to run.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """How big to make the data: ``quick`` proves the benchmarks still run, ``full`` measures."""

    quick: bool

    def pick(self, quick: int, full: int) -> int:
        return quick if self.quick else full


@dataclass(frozen=True)
class Row:
    area: str
    metric: str
    value: float
    unit: str
    target: str = ""
    note: str = ""


def percentile(samples: list[float], pct: float) -> float:
    """Nearest-rank percentile; benchmarks report p50/p99 with it."""
    ordered = sorted(samples)
    if not ordered:
        return float("nan")
    rank = max(0, min(len(ordered) - 1, round(pct / 100 * len(ordered) + 0.5) - 1))
    return ordered[rank]


def median(samples: list[float]) -> float:
    return statistics.median(samples)
