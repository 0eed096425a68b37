"""Keyboard-wedge guns: telling a gun's burst of keystrokes from a person typing.

A USB gun types its code as keystrokes 1–10 ms apart; a person types 60 ms or
more apart. The assembler is fed every key the application receives (by the Qt
event filter in ``app.ui.wedge_filter``) and answers at once whether the key is
held back. Held keys wait until the assembler knows what they were: a burst of
at least ``min_length`` characters whose gaps all stay under ``max_gap_ms``
becomes one ``Scan`` (ended by Enter/Tab, or by the pause after it for guns with
no suffix) and none of its keys reach the focused widget; anything else is
handed back through ``replay`` in order, so a person's typing arrives
unchanged, only ``max_gap_ms`` later.

Qt-free: keys arrive as ``Key`` values and time is passed in, so the logic is
tested without a display and its cost is measured in the benchmark.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from enum import StrEnum

from hardware.layouts import remap_table
from hardware.scan import Scan
from hardware.source import Source, SourceState

GS = "\x1d"


class KeyKind(StrEnum):
    CHAR = "char"  # a key that typed printable text
    GS = "gs"  # Ctrl+] (the keyboard's way to type GS, 0x1D)
    ENTER = "enter"
    TAB = "tab"
    OTHER = "other"  # arrows, Backspace, shortcuts: never part of a scan


@dataclass(frozen=True, slots=True)
class Key:
    """One key press as the assembler needs it.

    ``key_char`` is the character the key itself stands for (Qt's key code,
    ``"A"`` for the A key whatever the case), ``shift`` whether Shift was held
    and ``caps_lock`` whether Caps Lock was on (from the platform's native
    modifiers; None where the platform does not say). With Caps Lock on, a
    letter whose case disagrees with Shift was inverted by Caps Lock.
    ``token`` is the UI's copy of the event, handed back to ``replay``.
    """

    kind: KeyKind
    text: str = ""
    t_ns: int = 0
    shift: bool | None = None
    key_char: str = ""
    caps_lock: bool | None = None
    token: object = None


@dataclass(slots=True)
class WedgeConfig:
    """The wedge's settings; the self-test wizard changes some of them as compensations."""

    max_gap_ms: float = 35.0
    min_length: int = 4
    terminators: str = (
        "enter_or_tab"  # "enter", "tab", "enter_or_tab" or "none" (a pause ends a scan)
    )
    prefix: str = ""  # stripped when a scan starts with it
    suffix: str = ""  # stripped when a scan ends with it
    gs_substitute: str = ""  # text some guns send instead of GS (e.g. "~"); turned back into 0x1D
    caps_lock_correction: bool = (
        True  # letters take their case from Shift when Caps Lock inverted them
    )
    layout_remap: str = (
        ""  # "", "de" or "fr": map a US-configured gun's keys back from that PC layout
    )
    ime_guard: bool = True  # switch the input method off in fields that do not ask for it

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> WedgeConfig:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})  # type: ignore[arg-type]

    def ends_scan(self, kind: KeyKind) -> bool:
        if kind is KeyKind.ENTER:
            return self.terminators in ("enter", "enter_or_tab")
        if kind is KeyKind.TAB:
            return self.terminators in ("tab", "enter_or_tab")
        return False


_TERMINATOR_TEXT = {KeyKind.ENTER: "\r", KeyKind.TAB: "\t"}


class WedgeAssembler:
    def __init__(
        self,
        config: WedgeConfig,
        emit: Callable[[Scan], None],
        replay: Callable[[list[object]], None],
        source: str = "wedge",
    ) -> None:
        self.config = config
        self._emit = emit
        self._replay = replay
        self._source = source
        self._pending: list[Key] = []
        self._chars = 0
        self._last_ns = 0
        self.caps_lock_seen = False  # the last scan had letters inverted by Caps Lock

    @property
    def idle(self) -> bool:
        return not self._pending

    @property
    def held_tokens(self) -> list[object]:
        """The tokens of the keys held back right now, in order."""
        return [k.token for k in self._pending]

    @property
    def in_burst(self) -> bool:
        return self._chars >= self.config.min_length

    def would_hold(self, kind: KeyKind, now_ns: int) -> bool:
        """Whether ``feed`` would hold this key back (asked before a shortcut may fire)."""
        if kind in (KeyKind.CHAR, KeyKind.GS):
            return True
        return bool(self._pending) and now_ns - self._last_ns <= self._gap_ns

    def feed(self, key: Key) -> bool:
        """Take one key press; True if the caller must swallow it (it is held, or part of a scan)."""
        if self._pending and key.t_ns - self._last_ns > self._gap_ns:
            self._finish()
        if not self._pending:
            if key.kind not in (KeyKind.CHAR, KeyKind.GS):
                return False
            self._start(key)
            return True
        self._last_ns = key.t_ns
        if key.kind in (KeyKind.CHAR, KeyKind.GS):
            self._pending.append(key)
            self._chars += 1
            return True
        if self.config.ends_scan(key.kind) and self.in_burst:
            self._complete(_TERMINATOR_TEXT[key.kind])
            return True
        self._pending.append(key)
        if key.kind in (KeyKind.ENTER, KeyKind.TAB) and not self.in_burst:
            self._finish()  # a person pressed Enter after a few quick keys: give them all back now
        return True

    def deadline_ns(self) -> int | None:
        """When ``poll`` must run next to end a burst by its pause (None: nothing held)."""
        return self._last_ns + self._gap_ns + 1 if self._pending else None

    def poll(self, now_ns: int) -> None:
        if self._pending and now_ns - self._last_ns > self._gap_ns:
            self._finish()

    def flush(self) -> None:
        """End whatever is held now (the filter is being removed or the window loses focus)."""
        if self._pending:
            self._finish()

    # -- internals ---------------------------------------------------------------

    @property
    def _gap_ns(self) -> int:
        return int(self.config.max_gap_ms * 1_000_000)

    def _start(self, key: Key) -> None:
        self._pending = [key]
        self._chars = 1
        self._last_ns = key.t_ns

    def _finish(self) -> None:
        if self.in_burst:
            self._complete(None)
            return
        tokens = [k.token for k in self._pending]
        self._pending = []
        self._chars = 0
        self._replay(tokens)

    def _complete(self, terminator: str | None) -> None:
        keys, self._pending, self._chars = self._pending, [], 0
        self._emit(
            Scan(
                text=self.assemble(keys),
                source=self._source,
                terminator=terminator,
                mono_ns=time.monotonic_ns(),
            )
        )

    def assemble(self, keys: list[Key]) -> str:
        """The scan's text from its keys: Caps Lock, layout, prefix/suffix and GS substitute undone."""
        config = self.config
        self.caps_lock_seen = False
        chars = []
        for key in keys:
            if key.kind is KeyKind.GS:
                chars.append(GS)
            elif key.kind is KeyKind.CHAR:
                chars.append(self._case_corrected(key))
        text = "".join(chars)
        if config.layout_remap:
            text = text.translate(remap_table(config.layout_remap))
        if config.prefix and text.startswith(config.prefix):
            text = text[len(config.prefix) :]
        if config.suffix and text.endswith(config.suffix):
            text = text[: -len(config.suffix)]
        if config.gs_substitute:
            text = text.replace(config.gs_substitute, GS)
        return text

    def _case_corrected(self, key: Key) -> str:
        text = key.text
        if not key.caps_lock or key.shift is None or len(text) != 1 or text.lower() == text.upper():
            return text
        if key.key_char != text.upper() or text.isupper() == key.shift:
            return text
        self.caps_lock_seen = True
        if not self.config.caps_lock_correction:
            return text
        return text.upper() if key.shift else text.lower()


class WedgeSource(Source):
    """The wedge as a source among the others: the Qt event filter feeds its assembler.

    It has no thread of its own (keys arrive on the GUI thread); ``start`` only
    connects the assembler to the sink so the bridge treats every source alike.
    """

    def __init__(self, config: WedgeConfig | None = None, name: str = "wedge") -> None:
        super().__init__(name)
        self.assembler = WedgeAssembler(
            config or WedgeConfig(), self._emit, self._replay_nothing, name
        )

    @staticmethod
    def _replay_nothing(tokens: list[object]) -> None:
        """Replaced by the Qt filter, which knows how to give keys back to widgets."""

    def start(self, sink) -> None:  # type: ignore[override]
        self._sink = sink
        self._set_state(SourceState.CONNECTED)

    def stop(self, timeout: float = 2.0) -> bool:
        self.assembler.flush()
        self._sink = None
        self._set_state(SourceState.STOPPED)
        return True
