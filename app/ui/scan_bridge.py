"""The Qt side of the scan stream: sources' threads in, the dispatcher on the GUI thread out.

Sources call ``sink`` (and their state/rejection callbacks) on their own
threads; the bridge re-emits each through a queued signal, so the dispatcher,
the workflows and every widget only ever see scans on the GUI thread, in the
order they arrived. The bridge also owns the configured sources: ``apply``
starts what the settings name and stops what they no longer name, and
``shutdown`` joins every reader thread at quit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, Qt, Signal, Slot

from app.ui.wedge_filter import WedgeFilter
from hardware.dispatch import Dispatcher
from hardware.scan import Scan
from hardware.source import Rejection, Source, SourceState
from hardware.sources import create_source
from hardware.spec import SourceSpec, parse
from hardware.wedge import WedgeConfig, WedgeSource

log = logging.getLogger(__name__)


@dataclass(slots=True)
class SourceInfo:
    """What the settings page shows for one source."""

    spec: SourceSpec
    source: Source
    last_scan: Scan | None = None
    last_rejection: Rejection | None = None
    count: int = 0

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def state(self) -> SourceState:
        return self.source.state


class ScanBridge(QObject):
    scanned = Signal(object)  # Scan, after the dispatcher handled it
    stateChanged = Signal(str, str)  # source name, SourceState value
    rejected = Signal(object)  # Rejection: show it, never drop it silently
    sourcesChanged = Signal()
    imeInterference = Signal()  # a gun typed through a Chinese input method

    _scan_in = Signal(object)
    _state_in = Signal(str, str)
    _reject_in = Signal(object)

    def __init__(self, dispatcher: Dispatcher, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dispatcher = dispatcher
        self.wedge_config = WedgeConfig()
        self._infos: dict[str, SourceInfo] = {}
        self._wedge_filter: WedgeFilter | None = None
        queued = Qt.ConnectionType.QueuedConnection
        self._scan_in.connect(self._deliver, queued)
        self._state_in.connect(self._state_changed, queued)
        self._reject_in.connect(self._rejected, queued)

    # -- called from any thread ---------------------------------------------------------

    def sink(self, scan: Scan) -> None:
        """The sink every source is started with; safe to call from any thread."""
        self._scan_in.emit(scan)

    def _on_state(self, source: Source, state: SourceState) -> None:
        self._state_in.emit(source.name, state.value)

    def _on_reject(self, rejection: Rejection) -> None:
        self._reject_in.emit(rejection)

    # -- GUI thread --------------------------------------------------------------------

    @property
    def wedge_filter(self) -> WedgeFilter | None:
        """The application-wide key filter while a wedge source runs."""
        return self._wedge_filter

    @property
    def sources(self) -> list[SourceInfo]:
        return list(self._infos.values())

    def info(self, name: str) -> SourceInfo | None:
        return self._infos.get(name)

    def add(self, spec: SourceSpec | str) -> SourceInfo:
        """Start one source (raises ``SpecError`` for a spec that cannot be used)."""
        if isinstance(spec, str):
            spec = parse(spec)
        if spec.name in self._infos:
            self.remove(spec.name)
        source = create_source(spec, wedge_config=self.wedge_config)
        source.on_state = self._on_state
        source.on_reject = self._on_reject
        info = SourceInfo(spec, source)
        self._infos[spec.name] = info
        if isinstance(source, WedgeSource):
            self._wedge_filter = WedgeFilter(source, self)
            self._wedge_filter.imeInterference.connect(self.imeInterference)
            self._wedge_filter.install()
        source.start(self.sink)
        self.sourcesChanged.emit()
        return info

    def remove(self, name: str, timeout: float = 2.0) -> None:
        info = self._infos.pop(name, None)
        if info is None:
            return
        if isinstance(info.source, WedgeSource) and self._wedge_filter is not None:
            self._wedge_filter.uninstall()
            self._wedge_filter.deleteLater()
            self._wedge_filter = None
        info.source.stop(timeout)
        self.sourcesChanged.emit()

    def apply(self, specs: list[SourceSpec | str], wedge_config: WedgeConfig | None = None) -> None:
        """Make the running sources exactly ``specs`` (settings saved, wizard compensations applied)."""
        if wedge_config is not None:
            self.set_wedge_config(wedge_config)
        wanted = [parse(s) if isinstance(s, str) else s for s in specs]
        for name in [n for n, i in self._infos.items() if i.spec not in wanted]:
            self.remove(name)
        for spec in wanted:
            if spec.name not in self._infos:
                self.add(spec)

    def set_wedge_config(self, config: WedgeConfig) -> None:
        """Change the wedge's settings in place; the next key uses them."""
        self.wedge_config = config
        for info in self._infos.values():
            if isinstance(info.source, WedgeSource):
                info.source.assembler.config = config

    def shutdown(self, timeout: float = 2.0) -> None:
        """Stop every source and join its thread: call at quit."""
        for name in list(self._infos):
            self.remove(name, timeout)

    @Slot(object)
    def _deliver(self, scan: Scan) -> None:
        info = self._infos.get(scan.source)
        if info is not None:
            info.last_scan = scan
            info.count += 1
        self.dispatcher.dispatch(scan)
        self.scanned.emit(scan)

    @Slot(str, str)
    def _state_changed(self, name: str, state: str) -> None:
        if name in self._infos:
            self.stateChanged.emit(name, state)

    @Slot(object)
    def _rejected(self, rejection: Rejection) -> None:
        info = self._infos.get(rejection.source)
        if info is not None:
            info.last_rejection = rejection
        self.rejected.emit(rejection)
