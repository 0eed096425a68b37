"""The station's composition root: every part is built once, here, and handed to whoever needs it.

``build_station(context)`` makes the window, the one code grammar, the feedback, the pages
(each gets its ``PageParts`` in its constructor) and the window's sync and scanner controls,
and installs the dispatcher's filters (command barcodes that mean the same on every page, and
the gate that keeps scans away from a page hidden behind a dialog). Nothing else reaches into
a page to swap its parser or wraps the dispatcher's handler.

Glossary: one word for one idea.

- ``Writer`` — the one writing SQLite connection, on its own thread; one action = one transaction.
- ``StoreGateway`` — how the GUI thread hands store work to the Writer (writes) or to reader
  threads (reads) and gets the answer back as a queued signal.
- ``SyncRunner`` — the Qt-free sync engine (``sync/client/runner.py``): all server traffic and
  the one online state; ``StationSync`` is the same engine with Qt signals.
- ``ScanBridge`` — the running scanner sources, re-posting their scans to the GUI thread.
- ``Dispatcher`` — where every scan goes: listeners, then filters, then the page in front.
- ``WedgeFilter`` — the Qt event filter that turns a keyboard-wedge gun's keys into scans.
- ``…Controls`` — the window's buttons, keys and dialogs for a part: ``SyncControls`` (sync now,
  issues), ``ScannerControls`` (scanner state, demo gun, camera preview).
- ``PageParts`` — what a work page is handed; ``ScanPage`` — the base that owns submit/apply/fail.
- ``Station`` — the built whole, which ``app/ui/application.py`` shows and stops.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from dataclasses import dataclass

from app.domain.codes.commands import is_command
from app.domain.workflows.base import Decision, Outcome
from app.ui.context import ShellContext
from app.ui.main_window import MainWindow
from app.ui.page_registry import PAGE_MODULES
from app.ui.scan_gate import ScanGate
from app.ui.scan_page import PageParts
from app.ui.sync_controls import StationParser, SyncControls
from hardware.scan import Scan


class WindowFeedback:
    """``Feedback`` for the pages: the window's big panel, sound and scan log, and its status line."""

    def __init__(self, window: MainWindow) -> None:
        self._window = window

    def show(
        self,
        decision: Decision,
        *,
        code: str = "",
        headline: str | None = None,
        sound: Outcome | None = None,
        result: str | None = None,
    ) -> None:
        self._window.show_decision(
            decision, code=code, headline=headline, sound=sound, result=result
        )

    def note(self, text: str, timeout_ms: int = 10_000) -> None:
        self._window.status.showMessage(text, timeout_ms)


class TypeCommand:
    """The dispatcher filter for ``YIMA:CMD:TYPE``: the cursor goes to the box for typing a
    code by hand (with the on-screen keypad on a handheld), from the gun alone."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window

    def __call__(self, scan: Scan) -> bool:
        text = scan.text.strip()
        if not is_command(text) or text[9:].strip(": ").lower() != "type":
            return False
        if self.window.manual_entry.isVisible():
            self.window.manual_entry.open(keypad=self.window.compact)
        return True


@dataclass
class Station:
    window: MainWindow
    parts: PageParts
    sync: SyncControls
    gate: ScanGate

    def stop(self, timeout: float = 10.0) -> None:
        """Join the sync thread (before the writer it writes through stops)."""
        self.sync.stop(timeout)


def build_station(context: ShellContext, *, pages: Iterable[str] = PAGE_MODULES) -> Station:
    """The whole station over ``context``; ``pages`` names the page modules to mount (all)."""
    parser = StationParser()
    window = MainWindow(context, parser=parser)
    parts = PageParts(
        context=context,
        gateway=context.gateway,
        parser=parser,
        sync=context.sync,
        feedback=WindowFeedback(window),
        operator=lambda: window.operator,
        operator_changed=window.operator_changed,
    )
    for module_name in pages:
        importlib.import_module(module_name).register(window, parts)
    sync = SyncControls(window, parser)  # rebuilds the grammar after a round when it changed
    gate = ScanGate(window, parts.feedback)
    context.dispatcher.add_filter(gate)  # first: a hidden page never sees a scan
    context.dispatcher.add_filter(sync.take_command)
    context.dispatcher.add_filter(TypeCommand(window))
    return Station(window, parts, sync, gate)
