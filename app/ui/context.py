"""What every page and dialog of one running station shares: the store, the settings, the sounds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.settings import Settings
from app.ui.sounds import FeedbackSounds
from app.ui.store_gateway import StoreGateway


@dataclass
class ShellContext:
    data_dir: Path
    db_path: Path
    settings: Settings
    gateway: StoreGateway  # reads off the GUI thread, writes through the one Writer
    sounds: FeedbackSounds
    language: str = "en"
