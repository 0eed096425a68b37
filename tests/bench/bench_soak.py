"""Soak: does a station's memory stay flat over a long day of scans? (issue 12, item 10)

At least 10,000 warehouse scans (pack a case and unpack it, a stocktake, a receipt
that refuses an item already in stock: every kind of answer, most of them committed
journal events) go through the real window as the application builds it
(``app/ui/station.py``), offscreen, typed key by key into the window the way a USB gun
types them (the application-wide wedge filter assembles them), each waited for until its
decision is shown. The process's resident memory is sampled
every 1,000 scans; the growth per 1,000 scans is the slope over the second half,
after the job history (500 jobs) and the scan log (500 rows) have filled up, since
until then they grow by design. Threads and open files are counted after the first
cycle (the reader threads start on first use) and at the end.
The baseline in the same run is the slope over the first half, which includes
those lists filling.
"""

from __future__ import annotations

import gc
import os
import tempfile
import threading
import time
from pathlib import Path

from tests.bench import Row, Scale

CYCLE_LENGTH = 18  # scans per cycle, see _cycle


def _cycle() -> list[str]:
    from app.domain.codes import command_text
    from tests.support.warehouse_data import case_raw, item_raw, pallet_raw

    return [
        command_text("switch", "pack"),
        case_raw("P1", 90),
        *[item_raw("P1", n) for n in range(31, 37)],  # the case fills and closes itself
        command_text("switch", "unpack"),
        case_raw("P1", 90),
        case_raw("P1", 90),  # the second scan of the label empties it
        command_text("finish"),
        command_text("switch", "stocktake:A-01"),
        pallet_raw(1),
        item_raw("P1", 31),
        command_text("finish"),
        command_text("switch", "receive:IN-1"),
        item_raw("P1", 31),  # already in stock: refused
        command_text("cancel"),
    ]


def _rss_mb() -> float:
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def _threads() -> int:
    try:
        return len(os.listdir("/proc/self/task"))
    except OSError:
        return threading.active_count()


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


def _slope(points: list[tuple[int, float]]) -> float:
    """Least-squares MB per 1,000 scans."""
    n = len(points)
    mean_x = sum(x for x, _ in points) / n
    mean_y = sum(y for _, y in points) / n
    num = sum((x - mean_x) * (y - mean_y) for x, y in points)
    den = sum((x - mean_x) ** 2 for x, _ in points)
    return 1000 * num / den if den else float("nan")


def run(scale: Scale) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication

    from app.domain.operators import Role
    from app.ui.scan_bridge import ScanBridge
    from app.ui.station import build_station
    from app.ui.store_watch import DiskGuard
    from hardware.wedge import WedgeConfig
    from tests.support.keyboard import KeyClock, type_keys
    from tests.support.shell import add_operator, station
    from tests.support.warehouse_data import seed

    app = QApplication.instance() or QApplication(["bench-soak"])
    cycles = scale.pick(20, 10_000 // CYCLE_LENGTH + 1)
    every = scale.pick(60, 1000)
    scans = cycles * CYCLE_LENGTH
    with tempfile.TemporaryDirectory(prefix="bench-soak-") as folder, station(Path(folder)) as ctx:
        ctx.gateway.writer.call(seed)
        operator = add_operator(ctx, "Wu", "1111", Role.WAREHOUSE)
        whole = build_station(ctx)
        window = whole.window
        DiskGuard(window)
        bridge = ScanBridge(ctx.dispatcher)  # the USB gun, as start_scanners adds it
        bridge.set_wedge_config(WedgeConfig(max_gap_ms=35, min_length=4))
        bridge.add("wedge")
        clock = KeyClock()  # keys 2 ms apart by their timestamps, however busy the machine is
        clock.attach(bridge.wedge_filter)
        window.resize(1280, 800)
        window.show()
        window.start()
        window.login.logged_in.emit(operator)
        app.processEvents()
        shown: list[str] = []
        window.decision_shown.connect(lambda decision: shown.append(decision.reason or ""))

        def scan(text: str) -> None:
            before = len(shown)
            type_keys(window, text, 2, clock)
            deadline = time.monotonic() + 10
            while len(shown) == before:
                if time.monotonic() > deadline:
                    raise RuntimeError(f"no decision for {text!r}")
                app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)

        cycle = _cycle()
        samples: list[tuple[int, float]] = []
        started = time.perf_counter()
        done = 0
        for n in range(cycles):
            for text in cycle:
                scan(text)
                done += 1
                if done % every == 0:
                    gc.collect()
                    samples.append((done, _rss_mb()))
            if n == 0:
                threads, files = _threads(), _open_files()
        elapsed = time.perf_counter() - started
        app.processEvents()
        threads_after, files_after = _threads(), _open_files()
        refused = sum(1 for reason in shown if reason.startswith(("store.", "wh.failed")))
        bridge.shutdown(timeout=2)
        whole.stop()
        window.close()
        window.deleteLater()
        app.processEvents()
    if refused:
        raise RuntimeError(f"{refused} scans were not saved during the soak")
    half = len(samples) // 2
    growth, warmup = _slope(samples[half:]), _slope(samples[: half + 1])
    note = (
        f"{scans:,} warehouse scans typed like a USB gun into the window (offscreen), "
        f"{scans / elapsed:.0f}/s; "
        f"RSS {samples[0][1]:.0f} -> {samples[-1][1]:.0f} MB"
    )
    return [
        Row("shell", "soak: memory growth per 1,000 scans", growth, "MB", "≤ 1 MB", note),
        Row("shell", "soak: baseline, first half (lists filling)", warmup, "MB", "",
            "job history and scan log grow to their 500-row caps"),
        Row("shell", "soak: threads added", threads_after - threads, "threads", "0",
            f"{threads} after the first cycle"),
        Row("shell", "soak: open files added", files_after - files, "files", "0",
            f"{files} after the first cycle"),
    ]  # fmt: skip
