"""Keyboard wedge under a busy GUI thread: every code typed arrives whole, once, and nothing leaks.

A gun types thousands of codes (GS1 element strings with GS separators, brand
URLs, command barcodes) at 2–10 ms per key into a focused QLineEdit, through
the real ``WedgeFilter`` installed on the QApplication: each key press and
release is a ``QKeyEvent`` carrying its typing time in ``timestamp()``, posted
to the widget. In the middle of many codes the GUI thread is blocked for
20–300 ms: the keys typed meanwhile wait in the queue and are handled in one
batch when it is free again, and the filter's timer fires first (the worst
order a real event loop can choose). Time is simulated on the filter's clock,
so 10,000 codes take a minute, not an hour, and every run is reproducible.

The table counts splits (a code that arrived as pieces, read or refused), lost
codes (typed but never read whole) and characters that reached the focused
widget; each must be 0. The baseline in the same run types the same kind of
codes as events without timestamps, which the filter can only time when it
handles them (the old timing): there the stalls split codes, which shows the
check can fail (tests/ui/test_wedge_filter.py asserts it).
"""

from __future__ import annotations

import os
import random
import time
from dataclasses import dataclass, field

from tests.bench import Row, Scale

AREA = "scanners"
GS = "\x1d"
_QUEUE_COST_US = 50  # handling one queued key after a stall


@dataclass
class Tally:
    """What came out of one typing run."""

    codes: int = 0
    keys: int = 0
    stalls: int = 0
    whole: int = 0
    splits: int = 0  # codes that arrived as pieces (read as scans or refused)
    lost: int = 0  # codes typed that were never read whole
    strays: int = 0  # characters that reached the focused widget
    refused: int = 0
    pieces: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return self.splits == self.lost == self.strays == 0


def mixed_codes(count: int, rng: random.Random) -> list[str]:
    """GS1 element strings with separators, brand URLs and command barcodes, in a random mix."""
    alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"
    codes = []
    for _ in range(count):
        kind = rng.randrange(3)
        serial = "".join(rng.choice(alphabet) for _ in range(rng.randint(6, 14)))
        if kind == 0:
            batch = "".join(rng.choice(alphabet) for _ in range(rng.randint(3, 8)))
            codes.append(f"0106950123001016{GS}10{batch}{GS}21{serial}")
        elif kind == 1:
            codes.append(f"https://t.brand.cn/q/{serial}")
        else:
            codes.append(f"YIMA:CMD:SWITCH:ship:SO-{rng.randrange(10**6):06d}")
    return codes


class _Clock:
    """The filter's clock (ns), moved by the simulation."""

    def __init__(self) -> None:
        self.now = 1_000_000_000

    def __call__(self) -> int:
        return self.now


def type_codes(
    codes: list[str],
    rng: random.Random,
    *,
    timestamps: bool = True,
    stall_share: float = 0.5,
    stall_ms: tuple[float, float] = (20.0, 300.0),
    key_ms: tuple[float, float] = (2.0, 10.0),
) -> Tally:
    """Type ``codes`` through a real ``WedgeFilter`` into a focused line edit; count the damage.

    ``stall_share`` of the codes get one GUI stall at a random key inside them.
    ``timestamps=False`` posts the same events with no timestamp: the old timing.
    """
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication, QLineEdit

    from app.ui.wedge_filter import WedgeFilter
    from hardware.wedge import WedgeConfig, WedgeSource

    QApplication.instance() or QApplication(["bench-wedge"])
    field_ = QLineEdit()
    field_.show()
    field_.setFocus()
    scans: list[str] = []
    refused: list[str] = []
    source = WedgeSource(WedgeConfig())
    source.on_reject = lambda rejection: refused.append(rejection.params.get("text", ""))
    source.start(lambda scan: scans.append(scan.text))
    clock = _Clock()
    flt = WedgeFilter(source, clock=clock, caps_lock_mask=0)
    flt.install()
    tally = Tally(codes=len(codes))
    typed_us = 0  # when the gun typed the current key (the window system's clock)
    free_us = 0  # when the GUI thread is free again
    queued = 0  # keys waiting in Qt's queue while the GUI thread is busy

    def fire_timer(before_us: int, free_us: int) -> None:
        """The filter's timer, due before ``before_us``, fires once the GUI is free (``free_us``).

        A firing that leaves the due time as it was waits to confirm the pause:
        the loop turns (delivering what is queued) before the timer fires again.
        """
        while flt.due_ns is not None and flt.due_ns <= before_us * 1000:
            due = flt.due_ns
            clock.now = max(clock.now, due, free_us * 1000)
            flt.poll()
            if flt.due_ns == due:
                return

    def deliver(event: QKeyEvent, at_us: int) -> None:
        clock.now = max(clock.now, at_us * 1000)
        QCoreApplication.postEvent(field_, event)
        QCoreApplication.sendPostedEvents(field_, event.type())

    def key_events(char: str, stamp_ms: int) -> list[QKeyEvent]:
        if char == GS:
            key, mods, text = Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier, GS
        elif char == "\r":
            key, mods, text = Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r"
        else:
            key = Qt.Key(ord(char.upper()))
            mods = (
                Qt.KeyboardModifier.ShiftModifier
                if char.isupper()
                else Qt.KeyboardModifier.NoModifier
            )
            text = char
        events = [
            QKeyEvent(QEvent.Type.KeyPress, key, mods, text),
            QKeyEvent(QEvent.Type.KeyRelease, key, mods, text),
        ]
        for event in events:
            event.setTimestamp(stamp_ms if timestamps else 0)
        return events

    try:
        for code in codes:
            typed_us += rng.randint(80_000, 400_000)  # the operator moves to the next item
            stall_at = rng.randrange(1, len(code)) if rng.random() < stall_share else -1
            for index, char in enumerate(code + "\r"):
                typed_us += rng.randint(int(key_ms[0] * 1000), int(key_ms[1] * 1000))
                tally.keys += 1
                for event in key_events(char, typed_us // 1000):
                    arrival = typed_us + rng.randint(100, 1500)
                    if arrival < free_us:  # the GUI thread is busy: the key waits in the queue
                        QCoreApplication.postEvent(field_, event)
                        queued += 1
                        continue
                    if queued:  # free again: the overdue timer fires first, then the queue
                        fire_timer(free_us, free_us)
                        clock.now = max(clock.now, free_us * 1000)
                        QCoreApplication.sendPostedEvents()
                        free_us += queued * _QUEUE_COST_US
                        queued = 0
                    handled = max(arrival, free_us)
                    fire_timer(handled, free_us)
                    deliver(event, handled)
                    free_us = handled + 20
                if index == stall_at:
                    free_us += rng.randint(int(stall_ms[0] * 1000), int(stall_ms[1] * 1000))
                    tally.stalls += 1
        if queued:
            fire_timer(free_us, free_us)
            QCoreApplication.sendPostedEvents()
        clock.now += 2_000_000_000  # everyone stops typing: whatever is held is decided
        flt.poll()
        flt.poll()
        tally.strays = len(field_.text())
    finally:
        flt.uninstall()
        source.stop()
        flt.deleteLater()
        field_.deleteLater()
    expected = set(codes)
    tally.whole = sum(1 for text in scans if text in expected)
    tally.pieces = [text for text in scans if text not in expected] + refused
    tally.refused = len(refused)
    tally.lost = len(codes) - min(tally.whole, len(codes))
    tally.splits = len(tally.pieces)
    return tally


def run(scale: Scale) -> list[Row]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    count = scale.pick(300, 10_000)
    rng = random.Random(20261206)
    codes = mixed_codes(count, rng)
    began = time.perf_counter()
    new = type_codes(codes, random.Random(1))
    seconds = time.perf_counter() - began
    baseline_codes = codes[: scale.pick(300, 2_000)]
    old = type_codes(baseline_codes, random.Random(1), timestamps=False)
    stalls = f"{new.stalls} GUI stalls of 20–300 ms mid-code"
    baseline = (
        f"baseline, same run, keys timed when handled: {old.splits} splits, {old.lost} lost, "
        f"{old.strays} stray chars in {len(baseline_codes)} codes"
    )
    return [
        Row(
            AREA,
            "wedge under GUI stalls: codes typed",
            new.codes,
            "codes",
            ">= 10,000",
            f"{new.keys} keys at 2–10 ms, {stalls}; {seconds:.0f} s",
        ),
        Row(AREA, "wedge under GUI stalls: splits", new.splits, "codes", "0", baseline),
        Row(AREA, "wedge under GUI stalls: lost scans", new.lost, "codes", "0", ""),
        Row(
            AREA,
            "wedge under GUI stalls: stray characters",
            new.strays,
            "chars",
            "0",
            "in the focused line edit",
        ),
    ]
