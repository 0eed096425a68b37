"""A real station for UI tests: a migrated SQLite file, a running Writer, the gateway and settings."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from app.domain import operators
from app.domain.operators import Operator, Role
from app.domain.store.database import BUSY_TIMEOUT_MS, open_database
from app.domain.store.writer import Writer
from app.paths import database_path
from app.settings import Settings
from app.ui.context import ShellContext
from app.ui.sounds import FeedbackSounds
from app.ui.station_sync import StationSync
from app.ui.store_gateway import StoreGateway


@contextmanager
def station(
    data_dir: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS, **sync_options: Any
) -> Iterator[ShellContext]:
    """``sync_options`` go to the station's sync engine (``StationSync``), which the window's
    sync controls start at login (or the test does)."""
    db = database_path(data_dir)
    open_database(db)
    writer = Writer(db, busy_timeout_ms=busy_timeout_ms)
    writer.start()
    gateway = StoreGateway(db, writer)
    settings = Settings.in_data_dir(data_dir)
    sounds = FeedbackSounds(settings.sound_volume, settings.sound_muted)
    sync = StationSync(db, writer, settings=settings, **sync_options)
    try:
        yield ShellContext(data_dir, db, settings, gateway, sounds, sync=sync)
    finally:
        sync.stop()
        gateway.close()
        writer.stop()
        gateway.deleteLater()
        sounds.deleteLater()
        sync.deleteLater()


def add_operator(context: ShellContext, name: str, pin: str, role: Role | str) -> Operator:
    return context.gateway.writer.call(
        lambda conn: operators.create_operator(conn, name, pin, role)
    )


def log_in(qtbot, window, name: str, pin: str) -> None:
    """Type like an operator: arrows to the name, the PIN, Enter; wait until the work area shows."""
    login = window.login
    qtbot.waitUntil(lambda: login.forms.currentIndex() == 0 and login.pin.isEnabled())
    names = [login.operator_list.item(i).text() for i in range(login.operator_list.count())]
    while login.selected_operator().name != name:
        assert name in names
        qtbot.keyClick(login.pin, Qt.Key.Key_Down)
    qtbot.keyClicks(login.pin, pin)
    qtbot.keyClick(login.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.operator is not None and window.operator.name == name)


def scan(qtbot, window, text: str) -> Any:
    """Deliver ``text`` as a gun would and return the decision the window shows for it."""
    from hardware.scan import Scan

    with qtbot.waitSignal(window.decision_shown, timeout=5000) as shown:
        window.deliver_scan(Scan(text, "sim"))
    return shown.args[0]
