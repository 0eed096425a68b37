"""Keyboard-wedge guns: telling a gun's burst of keystrokes from a person typing.

A USB gun types its code as keystrokes 1–10 ms apart; a person types 60 ms or
more apart. The assembler is fed every key the application receives (by the Qt
event filter in ``app.ui.wedge_filter``) and answers at once whether the key is
held back. Held keys wait until the assembler knows what they were: a burst of
at least ``min_length`` characters whose gaps all stay under ``max_gap_ms``
becomes one ``Scan`` (ended by Enter/Tab, or by the pause after it for guns with
no suffix) and none of its keys reach the focused widget; anything else is
handed back through the replay callback in order, so a person's typing arrives
unchanged, only ``max_gap_ms`` later.

Gaps are judged on each key's ``t_ns``: when it was *typed* (the window
system's timestamp), never when the GUI thread got round to it, so a GUI thread
busy for 300 ms in the middle of a code cannot split it.

A gun that really pauses inside a code is handled by how much the station knows
about its frame (what the self-test verified, see ``hardware.selftest_sheet``):

- ``require_terminator``: the gun ends every code with its terminator, so a
  scan in progress is held across pauses of up to ``frame_timeout_ms`` until the
  terminator comes; one that never comes is a code cut short and is refused.
- ``prefix`` / ``aim_ids``: the gun starts every code with a mark; a burst
  without it is the back half of a code and is refused.
- otherwise a burst that ended by a pause is held for ``resume_window_ms``
  more: if the same gun goes on typing in that window, the code arrived in two
  pieces and both are refused together, never counted and never typed into a
  widget.

Every refusal goes to the ``reject`` callback as a ``Rejection`` ("scan it
again"), which the station shows and sounds like any unread scan.

Qt-free: keys arrive as ``Key`` values and time is passed in, so the logic is
tested without a display and its cost is measured in the benchmark.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from enum import StrEnum

from hardware.i18n import QT_TRANSLATE_NOOP
from hardware.layouts import remap_table
from hardware.scan import Scan
from hardware.source import Rejection, Sink, Source, SourceState

GS = "\x1d"
AIM_ID = re.compile(r"\][A-Za-z][0-9A-Za-z]")  # ISO/IEC 15424 symbology identifier
_HEAD = 48  # characters of a refused piece kept for diagnosis


class KeyKind(StrEnum):
    CHAR = "char"  # a key that typed printable text
    GS = "gs"  # Ctrl+] (the keyboard's way to type GS, 0x1D)
    ENTER = "enter"
    TAB = "tab"
    OTHER = "other"  # arrows, Backspace, shortcuts: never part of a scan


@dataclass(frozen=True, slots=True)
class Key:
    """One key press as the assembler needs it.

    ``t_ns`` is when the key was typed. ``key_char`` is the character the key
    itself stands for (Qt's key code, ``"A"`` for the A key whatever the case),
    ``shift`` whether Shift was held and ``caps_lock`` whether Caps Lock was on
    (from the platform's native modifiers; None where the platform does not
    say). With Caps Lock on, a letter whose case disagrees with Shift was
    inverted by Caps Lock. ``token`` is the UI's copy of the event, handed back
    to the replay callback.
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
    prefix: str = ""  # the gun starts every code with it: stripped, and a read without it refused
    suffix: str = ""  # stripped when a scan ends with it
    gs_substitute: str = ""  # text some guns send instead of GS (e.g. "~"); turned back into 0x1D
    caps_lock_correction: bool = (
        True  # letters take their case from Shift when Caps Lock inverted them
    )
    layout_remap: str = (
        ""  # "", "de" or "fr": map a US-configured gun's keys back from that PC layout
    )
    ime_guard: bool = True  # switch the input method off in fields that do not ask for it
    require_terminator: bool = False  # verified: every code ends with Enter/Tab (held until it)
    aim_ids: bool = False  # verified: every code starts with its AIM identifier (]d2, ]Q1...)
    frame_timeout_ms: float = 1000.0  # longest pause inside a code when the terminator is required
    resume_window_ms: float = 150.0  # after a burst ended by a pause: more of it means it split

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

    @property
    def holds_until_terminator(self) -> bool:
        return self.require_terminator and self.terminators != "none"


_TERMINATOR_TEXT = {KeyKind.ENTER: "\r", KeyKind.TAB: "\t"}

REFUSALS = {
    "split": QT_TRANSLATE_NOOP(
        "Scanners",
        "The gun stopped in the middle of a code and it arrived in pieces ({text}); nothing was recorded. Scan it again.",
    ),
    "no_end": QT_TRANSLATE_NOOP(
        "Scanners",
        "The code arrived without the Enter the gun sends after every code, so it may be cut short ({text}); nothing was recorded. Scan it again.",
    ),
    "no_start": QT_TRANSLATE_NOOP(
        "Scanners",
        "The code arrived without the mark the gun puts in front of every code, so it is a piece of a code ({text}); nothing was recorded. Scan it again.",
    ),
}

Replay = Callable[[list[object]], None]


def _replay_nowhere(tokens: list[object]) -> None:
    """Until a UI says where held keys go back to, there is nowhere to give them."""


class WedgeAssembler:
    def __init__(
        self,
        config: WedgeConfig,
        emit: Callable[[Scan], None],
        replay: Replay = _replay_nowhere,
        source: str = "wedge",
        reject: Callable[[Rejection], None] | None = None,
    ) -> None:
        self.config = config
        self._emit = emit
        self._replay = replay
        self._reject = reject
        self._source = source
        self._pending: list[Key] = []
        self._chars = 0
        self._last_ns = 0
        self._split = False  # the pending burst resumed after a pause: it is pieces of a code
        self.caps_lock_seen = False  # the last scan had letters inverted by Caps Lock

    def set_replay(self, replay: Replay) -> None:
        """Where held keys go back to when they were a person typing (the UI's key filter)."""
        self._replay = replay

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
        return bool(self._pending) and now_ns - self._last_ns <= self._hold_ns

    def feed(self, key: Key) -> bool:
        """Take one key press; True if the caller must swallow it (it is held, or part of a scan)."""
        if self._pending and key.t_ns - self._last_ns > self._gap_ns:
            if key.t_ns - self._last_ns > self._hold_ns or key.kind is KeyKind.OTHER:
                self._finish()
            elif key.kind in (KeyKind.CHAR, KeyKind.GS) and not self.config.holds_until_terminator:
                self._split = True  # the gun went on after a pause: the pieces are one broken code
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
        if self.config.ends_scan(key.kind) and (self.in_burst or self._split):
            self._complete(_TERMINATOR_TEXT[key.kind])
            return True
        self._pending.append(key)
        if key.kind in (KeyKind.ENTER, KeyKind.TAB) and not self.in_burst:
            self._finish()  # a person pressed Enter after a few quick keys: give them all back now
        return True

    def deadline_ns(self) -> int | None:
        """When ``poll`` must run next to end a burst by its pause (None: nothing held)."""
        return self._last_ns + self._hold_ns + 1 if self._pending else None

    def poll(self, now_ns: int) -> None:
        """Time passed with no key (``now_ns`` on the keys' clock): end what the pause ended."""
        if self._pending and now_ns - self._last_ns > self._hold_ns:
            self._finish()

    def flush(self) -> None:
        """End whatever is held now (the filter is being removed or the window loses focus)."""
        if self._pending:
            self._finish()

    # -- internals ---------------------------------------------------------------

    @property
    def _gap_ns(self) -> int:
        return int(self.config.max_gap_ms * 1_000_000)

    @property
    def _hold_ns(self) -> int:
        """How long after its last key a burst may still go on (a pause inside a code)."""
        if not self.in_burst and not self._split:
            return self._gap_ns
        config = self.config
        window = (
            config.frame_timeout_ms if config.holds_until_terminator else config.resume_window_ms
        )
        return max(self._gap_ns, int(window * 1_000_000))

    def _start(self, key: Key) -> None:
        self._pending = [key]
        self._chars = 1
        self._last_ns = key.t_ns
        self._split = False

    def _finish(self) -> None:
        if self.in_burst or self._split:
            self._complete(None)
            return
        tokens = [k.token for k in self._pending]
        self._pending = []
        self._chars = 0
        self._replay(tokens)

    def _complete(self, terminator: str | None) -> None:
        keys, self._pending, self._chars = self._pending, [], 0
        if terminator is None and keys[-1].kind in _TERMINATOR_TEXT:
            # sent but not awaited: the self-test judges what the gun sends, not the settings
            terminator = _TERMINATOR_TEXT[keys[-1].kind]
        split, self._split = self._split, False
        config = self.config
        typed = self._typed(keys)
        if split:
            self._refuse("split", typed)
        elif terminator is None and config.holds_until_terminator:
            self._refuse("no_end", typed)
        elif (config.prefix and not typed.startswith(config.prefix)) or (
            config.aim_ids and not AIM_ID.match(typed)
        ):
            self._refuse("no_start", typed)
        else:
            self._emit(
                Scan(
                    text=self._compensated(typed),
                    source=self._source,
                    terminator=terminator,
                    mono_ns=time.monotonic_ns(),
                )
            )

    def _refuse(self, reason: str, typed: str) -> None:
        if self._reject is None:
            return
        shown = typed.replace(GS, "<GS>")
        if len(shown) > _HEAD:
            shown = shown[:_HEAD] + "…"
        self._reject(
            Rejection(
                self._source,
                reason,
                REFUSALS[reason],
                {"text": shown},
                typed.encode("utf-8")[: _HEAD * 4],
            )
        )

    def assemble(self, keys: list[Key]) -> str:
        """The scan's text from its keys: Caps Lock, layout, prefix/suffix and GS substitute undone."""
        return self._compensated(self._typed(keys))

    def _typed(self, keys: list[Key]) -> str:
        """What the gun typed, with Caps Lock and the keyboard layout undone."""
        self.caps_lock_seen = False
        chars = []
        for key in keys:
            if key.kind is KeyKind.GS:
                chars.append(GS)
            elif key.kind is KeyKind.CHAR:
                chars.append(self._case_corrected(key))
        text = "".join(chars)
        if self.config.layout_remap:
            text = text.translate(remap_table(self.config.layout_remap))
        return text

    def _compensated(self, text: str) -> str:
        """The code without what the gun adds or replaces (prefix, suffix, a GS stand-in)."""
        config = self.config
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
    Pieces of codes the assembler refuses are reported like any other rejected read.
    """

    def __init__(self, config: WedgeConfig | None = None, name: str = "wedge") -> None:
        super().__init__(name)
        self.assembler = WedgeAssembler(
            config or WedgeConfig(), self._emit, source=name, reject=self._reject
        )

    def start(self, sink: Sink) -> None:
        self._sink = sink
        self._set_state(SourceState.CONNECTED)

    def stop(self, timeout: float = 2.0) -> bool:
        self.assembler.flush()
        self._sink = None
        self._set_state(SourceState.STOPPED)
        return True
