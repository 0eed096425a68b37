"""Benchmarks: ``python -m tests.bench`` runs them all and prints one table.

Each ``bench_*.py`` module here defines ``run(scale: Scale) -> list[Row]``.
Figures come from this one run; where a benchmark has a natural baseline (a raw
library beside our wrapper, an empty loop beside the real work) it reports the
ratio measured in the same run, because absolute numbers on a shared 2-core
machine drift from run to run.
"""

from __future__ import annotations

import os
import statistics
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType


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


class CpuMeter:
    """How many of the machine's cores were busy while the block ran, from ``/proc/stat`` (every
    process counted: a benchmark's figure means little once the cores are all taken); NaN where
    there is no ``/proc``."""

    cores = float("nan")

    def __enter__(self) -> CpuMeter:
        self._start = _cpu_times()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        end = _cpu_times()
        if self._start and end:
            busy, total = end[0] - self._start[0], end[1] - self._start[1]
            self.cores = busy / total * (os.cpu_count() or 1) if total else float("nan")


def _cpu_times() -> tuple[int, int] | None:
    """(busy, all) clock ticks of every core since boot; idle and waiting on I/O are not busy."""
    try:
        fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return None
    idle = fields[3] + fields[4]
    return sum(fields[:8]) - idle, sum(fields[:8])
