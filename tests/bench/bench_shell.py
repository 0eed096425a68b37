"""The shell's share of scan-to-feedback: showing a Decision (panel, sound, scan-log row) and painting it.

Measured on the real main window at 1280×800 with the offscreen platform (software
painting, as on a station without a GPU driver). The baseline, in the same run, is
a repaint of the whole window: a result only repaints the panel and one log row,
so it should cost a fraction of that on any machine.
"""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from tests.bench import Row, Scale, percentile


def run(scale: Scale) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.domain.operators import Role
    from app.domain.workflows.base import Decision, Outcome
    from app.ui.station import build_station
    from tests.support.shell import add_operator, station

    app = QApplication.instance() or QApplication(["bench-shell"])
    # Kept small: PySide6 6.12.0 on Python 3.11 leaks a reference to None per void call
    # (tests/test_ui_qt_refcounts.py), and a long run would abort the benchmark process.
    n = scale.pick(30, 200)
    outcomes = list(Outcome)
    show, show_paint, paint_only = [], [], []
    with tempfile.TemporaryDirectory(prefix="bench-shell-") as folder, station(Path(folder)) as ctx:
        whole = build_station(ctx)  # the real window, its pages in front as at a station
        window = whole.window
        window.resize(1280, 800)
        window.show()
        window.start()
        window._logged_in(add_operator(ctx, "Bench", "1234", Role.ADMIN))
        app.processEvents()
        for i in range(n):
            decision = Decision(
                outcomes[i % len(outcomes)], "Case {case} is full.", {"case": f"C-{i:05d}"}
            )
            started = time.perf_counter()
            window.show_decision(decision, code=f"]d2\x1d0106901234567892\x1d21S{i:06d}")
            shown = time.perf_counter()
            app.processEvents()
            painted = time.perf_counter()
            show.append((shown - started) * 1000)
            show_paint.append((painted - started) * 1000)
            window.update()
            started = time.perf_counter()
            app.processEvents()
            paint_only.append((time.perf_counter() - started) * 1000)
        window.context.dispatcher.set_handler(None)
        whole.stop()
        window.close()
        window.deleteLater()
        app.processEvents()
    rows = []
    for metric, samples, target in (
        ("show_decision (panel, sound, log row)", show, "well under 20 ms"),
        ("show_decision + window repaint", show_paint, ""),
        ("baseline: full-window repaint", paint_only, ""),
    ):
        for pct in (50, 99):
            rows.append(
                Row(
                    "shell",
                    f"{metric} p{pct}",
                    round(percentile(samples, pct), 2),
                    "ms",
                    target if pct == 99 else "",
                    f"{n} decisions, 1280×800 offscreen",
                )
            )
    return rows
