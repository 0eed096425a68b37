"""The application-wide event filter that feeds a keyboard-wedge gun's keys to the assembler.

Installed on the QApplication, it sees every key press before any widget does.
Printable keys are held back and handed to ``hardware.wedge.WedgeAssembler``;
when they turn out to be a gun's burst they become one ``Scan`` and never reach
the focused widget, whichever widget that is. When they turn out to be a
person typing, the held key events are sent again to the widget they were
meant for, in order (``max_gap_ms`` later than typed, which nobody notices).

Time is the key's own: ``QKeyEvent.timestamp()``, set by the window system when
the key was typed, mapped onto the filter's clock by the smallest delay seen
between typing and handling. A GUI thread that was busy for 300 ms handles the
gun's keys late and all at once, but their timestamps still lie 2–10 ms apart,
so the code stays whole. The pause that ends a scan without a terminator is
judged the same way, and only after the keys typed before it have been
handled: the timer waits as much longer as the last key came late (a busy
machine delivers the next one as late), and syncs with the window system
twice before it decides. Events with no
timestamp (sent by code rather than typed) are timed when they are handled.

Input methods: with a Chinese IME composing, a gun's keystrokes would land in
the composition window and be lost. So the filter answers Qt's
``InputMethodQuery(ImEnabled)`` with *false* for every widget that has not
asked for an IME (dynamic property ``yimaAllowIme``): Qt then switches the
platform input method off while such a widget has focus, and the gun's keys
arrive as plain key events. In a field that does take Chinese, a burst of
input-method events as fast as a gun is swallowed, the composition is reset
and ``imeInterference`` tells the operator to switch the IME to English.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QInputMethodEvent, QKeyEvent
from PySide6.QtWidgets import QWidget

from hardware.wedge import Key, KeyKind, WedgeSource

ALLOW_IME_PROPERTY = "yimaAllowIme"

_MODIFIER_KEYS = {
    Qt.Key.Key_Shift,
    Qt.Key.Key_Control,
    Qt.Key.Key_Alt,
    Qt.Key.Key_AltGr,
    Qt.Key.Key_Meta,
    Qt.Key.Key_CapsLock,
    Qt.Key.Key_NumLock,
    Qt.Key.Key_ScrollLock,
}
_IME_BURST_EVENTS = 3  # this many input-method events as fast as a gun types are not a person
_GRACE_NS = 15_000_000  # a key typed in time may reach the GUI thread this much later than others
_MAX_BEHIND_NS = 1_000_000_000  # a GUI thread this far behind waits no longer for the next key
_CONFIRM_MS = 8  # time for the thread reading the window system to hand over what it read
_CLOCK_JUMP_NS = 10_000_000_000  # timestamps this far behind: the window system's clock restarted


def classify(event: QKeyEvent) -> KeyKind | None:
    """What kind of key this is for the assembler; None for modifier keys, which it ignores."""
    key = event.key()
    if key in _MODIFIER_KEYS or (key == 0 and not event.text()):
        return None
    modifiers = event.modifiers()
    ctrl = bool(modifiers & Qt.KeyboardModifier.ControlModifier)
    alt = bool(modifiers & Qt.KeyboardModifier.AltModifier)
    text = event.text()
    if text == "\x1d" or (key == Qt.Key.Key_BracketRight and ctrl and not alt):
        return KeyKind.GS
    if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
        return KeyKind.ENTER
    if key == Qt.Key.Key_Tab:
        return KeyKind.TAB
    if (
        text
        and text.isprintable()
        and not (ctrl and not alt)
        and not modifiers & Qt.KeyboardModifier.MetaModifier
    ):
        return KeyKind.CHAR  # Ctrl+Alt is AltGr on Windows: it types characters such as @ and {
    return KeyKind.OTHER


def _key_char(key: int) -> str:
    return chr(key) if 0x20 < key < 0x7F else ""


# Where each platform plugin reports Caps Lock in QKeyEvent.nativeModifiers().
CAPS_LOCK_MASKS = {
    "xcb": 0x2,  # X11 LockMask
    "wayland": 0x2,  # xkb's Lock modifier
    "windows": 0x100,  # qwindowskeymapper's CapsLock flag
    "cocoa": 1 << 16,  # NSEventModifierFlagCapsLock
}


def owned_copy(event: QKeyEvent) -> QKeyEvent:
    """A copy of ``event`` that Python owns and frees. ``QEvent.clone()`` hands back a C++
    event nobody deletes: it leaked one key event for every key a gun typed, about 6 MB
    per 1,000 scans (issue 12, item 10)."""
    copy = QKeyEvent(
        event.type(),
        event.key(),
        event.modifiers(),
        event.nativeScanCode(),
        event.nativeVirtualKey(),
        event.nativeModifiers(),
        event.text(),
        event.isAutoRepeat(),
        event.count(),
        event.device(),
    )
    copy.setTimestamp(event.timestamp())
    return copy


def owned_ime_copy(event: QInputMethodEvent) -> QInputMethodEvent:
    """``owned_copy`` for an input-method event."""
    copy = QInputMethodEvent(event.preeditString(), event.attributes())
    copy.setCommitString(event.commitString(), event.replacementStart(), event.replacementLength())
    return copy


@dataclass(slots=True)
class _Held:
    """A held key press: where it was going, and its release if that came while it was held."""

    target: QObject
    key: int
    release: QKeyEvent | None = None


class WedgeFilter(QObject):
    """Install with ``install()``; scans go to the ``WedgeSource``'s sink, held keys back to widgets."""

    imeInterference = Signal(QObject)  # the widget whose input method swallowed a gun's burst

    def __init__(
        self,
        source: WedgeSource,
        parent: QObject | None = None,
        caps_lock_mask: int | None = None,
        clock: Callable[[], int] = time.monotonic_ns,
    ) -> None:
        super().__init__(parent)
        if caps_lock_mask is None:
            caps_lock_mask = CAPS_LOCK_MASKS.get(QGuiApplication.platformName(), 0)
        self._caps_mask = (
            caps_lock_mask  # 0: the platform does not tell, so case is never "corrected"
        )
        self.clock = clock  # when the GUI thread handles a key; tests drive it
        self.stamp: Callable[[QKeyEvent], int] = QKeyEvent.timestamp  # when it was typed (ms)
        self.source = source
        self.assembler = source.assembler
        self.assembler.set_replay(self._replay)  # the Qt side knows how to give keys back
        self._offset_ns: int | None = None  # smallest (handled - typed) seen: typed time -> clock
        self._behind_ns = 0  # how much later than the fastest the last key was handled
        self._due_ns: int | None = None  # when the timer should call poll(), on the clock
        self._polling = False  # poll() is letting queued keys in (they may re-arm the timer)
        self._confirming = False  # no key since the last poll: the next one decides
        self._held: dict[int, _Held] = {}  # id(token) -> record
        self._after: dict[
            int, bool
        ] = {}  # key code -> swallow its release (True: it was part of a scan)
        self._replaying = False
        self._installed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self.poll)
        self._ime_events: list[tuple[QObject, QInputMethodEvent]] = []
        self._ime_last_ns = 0
        self._ime_burst = False
        self._ime_timer = QTimer(self)
        self._ime_timer.setSingleShot(True)
        self._ime_timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._ime_timer.timeout.connect(self._end_ime_run)

    def install(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and not self._installed:
            app.installEventFilter(self)
            self._installed = True
            QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled)

    def uninstall(self) -> None:
        app = QCoreApplication.instance()
        if app is not None and self._installed:
            app.removeEventFilter(self)
            self._installed = False
        self._timer.stop()
        self.assembler.flush()
        self._end_ime_run()
        QGuiApplication.inputMethod().update(Qt.InputMethodQuery.ImEnabled)

    # -- the filter ----------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if self._replaying or not isinstance(watched, QWidget):
            return False
        if kind == QEvent.Type.KeyPress:
            return self._key_press(watched, event)  # type: ignore[arg-type]
        if kind == QEvent.Type.ShortcutOverride:
            return self._shortcut_override(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.KeyRelease:
            return self._key_release(event)  # type: ignore[arg-type]
        if kind == QEvent.Type.InputMethodQuery:
            return self._input_method_query(watched, event)
        if kind == QEvent.Type.InputMethod:
            return self._input_method(watched, event)  # type: ignore[arg-type]
        return False

    def _key_press(self, widget: QWidget, event: QKeyEvent) -> bool:
        key_kind = classify(event)
        if key_kind is None:
            return False
        if event.isAutoRepeat():  # a person holding a key down; guns never auto-repeat
            self.assembler.flush()
            self._settle()
            return False
        token = owned_copy(event)
        modifiers = event.modifiers()
        key = Key(
            kind=key_kind,
            text=event.text(),
            t_ns=self.typed_ns(event),
            shift=bool(modifiers & Qt.KeyboardModifier.ShiftModifier),
            key_char=_key_char(event.key()),
            caps_lock=bool(event.nativeModifiers() & self._caps_mask) if self._caps_mask else None,
            token=token,
        )
        self._held[id(token)] = _Held(widget, event.key())
        self._confirming = False
        held = self.assembler.feed(key)
        if held:
            event.accept()
        else:
            self._held.pop(id(token), None)
        self._settle()
        return held

    def _shortcut_override(self, event: QKeyEvent) -> bool:
        """Accepting the override keeps a scan's keys from firing shortcuts (Enter, letters)."""
        key_kind = classify(event)
        if key_kind is None or not self.assembler.would_hold(key_kind, self.typed_ns(event)):
            return False
        event.accept()
        return True

    def _key_release(self, event: QKeyEvent) -> bool:
        """A held key's release waits with it; a scan's releases vanish; a replayed key's pass."""
        if event.isAutoRepeat():
            return False
        key = event.key()
        for record in reversed(self._held.values()):
            if record.key == key and record.release is None:
                record.release = owned_copy(event)
                event.accept()
                return True
        if self._after.pop(key, False):
            event.accept()
            return True
        return False

    def _settle(self) -> None:
        """Forget keys the assembler no longer holds (they became a scan) and re-arm the timer."""
        pending = {id(token) for token in self.assembler.held_tokens}
        for token_id in [t for t in self._held if t not in pending]:
            record = self._held.pop(token_id)
            if record.release is None:
                self._after[record.key] = True
        deadline = self.assembler.deadline_ns()
        if deadline is None:
            self._due_ns = None
            self._timer.stop()
            return
        self._arm(deadline + _GRACE_NS + self._behind_ns)

    def _arm(self, due_ns: int) -> None:
        self._due_ns = due_ns
        self._timer.start(max(1, -(-(due_ns - self.clock()) // 1_000_000)))

    @property
    def due_ns(self) -> int | None:
        """When (on ``clock``) the filter must ``poll`` to end a held burst; None: nothing held."""
        return self._due_ns

    def typed_ns(self, event: QKeyEvent) -> int:
        """When this key was typed, on ``clock``: its timestamp plus the smallest delay seen."""
        now = self.clock()
        stamp = self.stamp(event)
        if not stamp:
            return now
        typed = stamp * 1_000_000
        lag = now - typed
        offset = self._offset_ns
        if offset is None or lag < offset or lag - offset > _CLOCK_JUMP_NS:
            self._offset_ns = offset = lag  # a faster delivery, or the window system's clock jumped
        self._behind_ns = min(lag - offset, _MAX_BEHIND_NS)
        return typed + offset

    def poll(self) -> None:
        """The timer's work: end what the pause ended, once every key typed before now is in.

        On a busy machine the timer can fire while keys typed in time still wait
        in the window system's queue (the GUI thread, or the thread that reads
        the X connection, did not get the CPU). ``QGuiApplication.sync()`` makes
        the round trip to the window system and delivers what has been read;
        the pause is judged only at the next firing, ``_CONFIRM_MS`` later and
        after another sync, if no key came in between.
        """
        if self._polling:
            return
        due = self._due_ns
        if due is not None and self.clock() < due:
            self._arm(due)  # woke early
            return
        self._polling = True
        try:
            QGuiApplication.sync()
        finally:
            self._polling = False
        if not self._confirming and self._due_ns == due:
            self._confirming = True
            self._timer.start(_CONFIRM_MS)
            return
        self._confirming = False
        self.assembler.poll(self.clock())
        self._settle()

    def _replay(self, tokens: list[object]) -> None:
        """Give a person's held keys back to the widgets they were typed into, in order."""
        self._replaying = True
        try:
            for token in tokens:
                record = self._held.pop(id(token), None)
                target = record.target if record is not None else None
                if target is None or not shiboken6.isValid(target):
                    target = QGuiApplication.focusObject()
                if target is None:
                    continue
                QCoreApplication.sendEvent(target, token)  # type: ignore[arg-type]
                if record is None:
                    continue
                if record.release is not None:
                    QCoreApplication.sendEvent(target, record.release)
                else:
                    self._after[record.key] = False
        finally:
            self._replaying = False

    # -- input methods -------------------------------------------------------------

    def _guarded(self, widget: QWidget) -> bool:
        return self.assembler.config.ime_guard and not widget.property(ALLOW_IME_PROPERTY)

    def _input_method_query(self, widget: QWidget, event: QEvent) -> bool:
        """Answer "no input method" for guarded widgets so the platform IME stays off for them."""
        if not self._guarded(widget):
            return False
        queries = event.queries()  # type: ignore[attr-defined]
        if not queries & Qt.InputMethodQuery.ImEnabled:
            return False
        widget.event(event)  # let the widget answer everything else
        event.setValue(Qt.InputMethodQuery.ImEnabled, False)  # type: ignore[attr-defined]
        event.accept()
        return True

    def _input_method(self, widget: QWidget, event: QInputMethodEvent) -> bool:
        """Hold input-method events briefly: a gun-fast run of them is a scan the IME ate."""
        now = self.clock()
        gap_ns = int(self.assembler.config.max_gap_ms * 1_000_000)
        if (self._ime_events or self._ime_burst) and now - self._ime_last_ns > gap_ns:
            self._end_ime_run()
        self._ime_last_ns = now
        if self._ime_burst:
            self._ime_timer.start(max(1, gap_ns // 1_000_000 + 1))
            return True
        self._ime_events.append((widget, owned_ime_copy(event)))
        if len(self._ime_events) >= _IME_BURST_EVENTS:
            self._ime_burst = True
            self._ime_events.clear()
        self._ime_timer.start(max(1, gap_ns // 1_000_000 + 1))
        return True

    def _end_ime_run(self) -> None:
        self._ime_timer.stop()
        if self._ime_burst:
            self._ime_burst = False
            target = QGuiApplication.focusObject()
            QGuiApplication.inputMethod().reset()
            self.imeInterference.emit(target if isinstance(target, QObject) else self)
            return
        events, self._ime_events = self._ime_events, []
        self._replaying = True
        try:
            for widget, held in events:
                if shiboken6.isValid(widget):
                    QCoreApplication.sendEvent(widget, held)
        finally:
            self._replaying = False
