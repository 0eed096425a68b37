"""Where a station's backups are and how IT puts one back: what a refusal tells the operator.

The ``backup`` and ``restore`` commands do the work; the window, which may not import the
commands, only needs to name the newest backup and the command line that restores it.
"""

from __future__ import annotations

import sys
from pathlib import Path

BACKUP_SUFFIX = ".sqlite3"
BACKUP_FOLDER = "backups"  # inside the data folder, the backup command's default


def latest_backup(folder: Path) -> Path | None:
    """The newest dated backup in ``folder`` (not a ``before-restore`` copy), if there is one."""
    found = sorted(folder.glob(f"station-*{BACKUP_SUFFIX}"), key=lambda p: p.stat().st_mtime)
    return found[-1] if found else None


def program() -> str:
    """How IT starts Yima Scan's commands on this machine: the installed exe, or from source."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).name
    return "python main.py"


def restore_command(data_dir: Path, backup: Path) -> str:
    """The command line that puts ``backup`` back as the database of ``data_dir``."""
    return f'{program()} --data-dir "{data_dir}" restore "{backup}"'
