"""Typing into Qt windows at exact speeds, for the keyboard-wedge tests.

The wedge filter reads when a key was typed from its ``stamp`` (the event's
timestamp) and when it was handled from its ``clock``; tests give it a
``KeyClock`` for both (``attach``) and advance it between keys, so "1 ms
between keys" and "80 ms between keys" mean exactly that even on a loaded
2-core CI machine, where QTest's own timestamps would follow the scheduler. A page
test that only needs a gun's codes to arrive whole uses ``GunTyping`` instead: the
filter's time stands at the gun's schedule only while the gun types. The keys
themselves go through Qt's real system key path (``QTest.keyClick`` on the
window: QWindow -> focus widget, shortcut override first).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from app.ui.wedge_filter import WedgeFilter


def type_char(handle: QWindow, char: str) -> None:
    """One key as a gun types ``char``: Shift for capitals, Ctrl+] for GS, Enter for CR."""
    if char == "\x1d":
        QTest.keyClick(handle, Qt.Key.Key_BracketRight, Qt.KeyboardModifier.ControlModifier)
    elif char == "\r":
        QTest.keyClick(handle, Qt.Key.Key_Return)
    else:
        shift = (
            Qt.KeyboardModifier.ShiftModifier if char.isupper() else Qt.KeyboardModifier.NoModifier
        )
        QTest.keyClick(handle, char, shift)


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
        type_char(handle, char)
        if wait is not None:
            wait(int(gap_ms))
    if enter:
        clock.advance(gap_ms)
        type_char(handle, "\r")


class GunTyping:
    """A USB gun typing into a station whose clock runs for real, timed as the gun types.

    A gun types its code on its own clock: on a station busy elsewhere its keys wait,
    stamped when typed, in the window system's queue, and the wedge filter reads them
    late but whole. Typed here with ``QTest.keyClick`` from the GUI thread itself, a key
    only exists once the test makes it, and the event loop runs between two keys (QTest
    processes events after each press and release, and around Shift): a reply or the
    lists shown in between, another thread holding the GIL (a delivery note being drawn)
    or the test losing the CPU on a loaded machine read as the gun pausing inside its
    code, and the filter rightly gave the first keys back as typing or refused the pieces.
    So while the gun types, the filter's ``stamp`` and ``clock`` stand where the gun's
    schedule puts the key being typed (``gap_ms`` apart, from the first key's real time);
    between codes, and for keys typed by other means, they are the real ones.
    """

    def __init__(self, wedge_filter: WedgeFilter, gap_ms: float = 2.0) -> None:
        self.gap_ms = gap_ms
        self._real_clock = wedge_filter.clock
        self._real_stamp = wedge_filter.stamp
        self._index: int | None = None  # the key of the code being typed now
        self._first_ns = 0  # the first key on the filter's clock
        self._first_ms = 0  # the first key's timestamp, as the window system gave it
        wedge_filter.clock = self.clock
        wedge_filter.stamp = self.stamp

    def clock(self) -> int:
        if self._index is None:
            return self._real_clock()
        return self._first_ns + int(self._index * self.gap_ms * 1_000_000)

    def stamp(self, event: QKeyEvent) -> int:
        if self._index is None:
            return self._real_stamp(event)
        if self._index == 0:
            self._first_ms = self._real_stamp(event)
        return self._first_ms + round(self._index * self.gap_ms)

    def type(self, window: QWidget, text: str) -> None:
        """Type ``text`` and Enter as the gun does (see ``type_char``)."""
        handle = window.windowHandle()
        self._first_ns = self._real_clock()
        try:
            for index, char in enumerate([*text, "\r"]):
                self._index = index
                type_char(handle, char)
        finally:
            self._index = None


def pause(clock: KeyClock, wait: Callable[[int], None], ms: int = 80) -> None:
    """Nobody types for ``ms``: the filter's timer gives back what a person typed last."""
    clock.advance(ms)
    wait(ms)
