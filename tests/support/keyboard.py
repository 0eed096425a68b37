"""Typing into Qt windows at exact speeds, for the keyboard-wedge tests.

The wedge filter reads when a key was typed from its ``stamp`` (the event's
timestamp) and when it was handled from its ``clock``; tests give it a
``KeyClock`` for both (``attach``) and advance it between keys, so "1 ms
between keys" and "80 ms between keys" mean exactly that even on a loaded
2-core CI machine, where QTest's own timestamps would follow the scheduler. The keys
themselves go through Qt's real system key path (``QTest.keyClick`` on the
window: QWindow -> focus widget, shortcut override first).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.ui.wedge_filter import WedgeFilter


class KeyClock:
    def __init__(self) -> None:
        self.now = time.monotonic_ns()

    def __call__(self) -> int:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += int(ms * 1_000_000)

    def stamp(self, event: object) -> int:
        """The key's typing time in ms: now, as the test typed it."""
        return self.now // 1_000_000

    def attach(self, wedge_filter: WedgeFilter) -> None:
        """Let this clock say when keys were typed and handled."""
        wedge_filter.clock = self
        wedge_filter.stamp = self.stamp


def type_keys(
    window: QWidget,
    text: str,
    gap_ms: float,
    clock: KeyClock,
    *,
    enter: bool = True,
    wait: Callable[[int], None] | None = None,
) -> None:
    """Type ``text`` with ``gap_ms`` between keys: Shift for capitals, Ctrl+] for GS, then Enter.

    ``wait`` (e.g. ``qtbot.wait``) lets the event loop run between keys, as it does
    between a person's keystrokes.
    """
    handle = window.windowHandle()
    for char in text:
        clock.advance(gap_ms)
        if char == "\x1d":
            QTest.keyClick(handle, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
        else:
            shift = (
                Qt.KeyboardModifier.ShiftModifier
                if char.isupper()
                else Qt.KeyboardModifier.NoModifier
            )
            QTest.keyClick(handle, char, shift)
        if wait is not None:
            wait(int(gap_ms))
    if enter:
        clock.advance(gap_ms)
        QTest.keyClick(handle, Qt.Key.Key_Return)


def pause(clock: KeyClock, wait: Callable[[int], None], ms: int = 80) -> None:
    """Nobody types for ``ms``: the filter's timer gives back what a person typed last."""
    clock.advance(ms)
    wait(ms)
