"""Where a station keeps its files: one data directory holds the database, logs and settings."""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP_NAME = "YimaScan"
APP_AUTHOR = "Yima"
DB_FILENAME = "station.sqlite3"


def default_data_dir() -> Path:
    return platformdirs.user_data_path(APP_NAME, APP_AUTHOR)


def resolve_data_dir(override: str | Path | None) -> Path:
    """The ``--data-dir`` override when given, else the platform's per-user data directory."""
    path = Path(override).expanduser() if override else default_data_dir()
    path.mkdir(parents=True, exist_ok=True)
    return path.resolve()


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_FILENAME


def resources_dir() -> Path:
    """The bundled resources, also inside a PyInstaller bundle (``sys._MEIPASS``)."""
    import sys

    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources"
