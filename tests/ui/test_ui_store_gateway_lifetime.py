"""A read that finishes after its page was deleted is dropped, not delivered into a dead widget."""

import threading

from PySide6.QtWidgets import QListWidget

from app.domain.store.database import open_database
from app.domain.store.writer import Writer
from app.ui.store_gateway import StoreGateway


class _Page(QListWidget):
    def __init__(self):
        super().__init__()
        self.loaded = []

    def loaded_rows(self, rows):
        self.blockSignals(True)  # raises RuntimeError on a deleted widget
        self.loaded.append(rows)


def test_a_result_for_a_deleted_page_is_dropped(qtbot, tmp_path):
    path = tmp_path / "station.sqlite3"
    open_database(path)
    writer = Writer(path)
    writer.start()
    gateway = StoreGateway(path, writer)
    release = threading.Event()
    page = _Page()
    gateway.read(
        lambda conn: (release.wait(5), conn.execute("SELECT 1").fetchone()[0])[1], page.loaded_rows
    )
    page.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(page))
    release.set()
    alive = _Page()
    qtbot.addWidget(alive)
    gateway.read(lambda conn: conn.execute("SELECT 2").fetchone()[0], alive.loaded_rows)
    qtbot.waitUntil(
        lambda: alive.loaded == [2]
    )  # later work still arrives; the dead page's did not raise
    gateway.close()
    writer.stop()
