"""What every page and dialog of one running station shares: the store, the settings, the sounds,
and the one sync engine (every request to the server, and the one online state)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from app.settings import Settings
from app.ui.scan_bridge import ScanBridge
from app.ui.sounds import FeedbackSounds
from app.ui.station_sync import StationSync
from app.ui.store_gateway import StoreGateway
from hardware.dispatch import Dispatcher


@dataclass
class ShellContext:
    data_dir: Path
    db_path: Path
    settings: Settings
    gateway: StoreGateway  # reads off the GUI thread, writes through the one Writer
    sounds: FeedbackSounds
    language: str = "en"
    # Every scan from every source arrives here on the GUI thread; the window points it at
    # the page in front.
    dispatcher: Dispatcher = field(default_factory=Dispatcher)
    scan_bridge: ScanBridge | None = None  # the running scanner sources (None in some tests)
    sync: StationSync = field(kw_only=True)  # started at the first login, stopped at quit
