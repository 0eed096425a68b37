"""Watching the station file while the station works: a full disk, hidden damage, a changed history.

``DiskGuard`` stops taking scans while the database's drive is full (the status bar's
free-space reading is below ``full_disk_bytes``, or a commit just failed with
``DiskFull``): it is a filter in the dispatcher's chain, so every scan meant for a work
page gets one clear refusal saying how much is free and what to do, nothing is sent to
the writer, and scanning resumes by itself once there is room.

``StoreHealth`` runs SQLite's full ``integrity_check`` (the start-up ``quick_check`` misses
damaged index entries) and verifies the journal's hash chain from the last verified point,
a few seconds after start-up and again whenever a new backup appears, on a thread of its
own so a large file never slows the pages' reads. A finding turns into a red alarm in the
status bar and a sync issue, which is where a supervisor looks.
"""

from __future__ import annotations

import logging
import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store import journal
from app.domain.store.backups import BACKUP_FOLDER, latest_backup, restore_command
from app.domain.store.database import DatabaseDamaged, check_integrity, connect
from app.domain.store.errors import DiskFull, format_bytes
from app.domain.workflows.base import Decision, Outcome
from hardware.scan import Scan
from sync.client import issues

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

DISK_FULL_BLOCK = QT_TRANSLATE_NOOP(
    "Decisions",
    "The disk is full ({free} free): scanning has stopped and nothing is recorded until there is "
    "room. Delete files you do not need or empty the recycle bin on the drive of {folder}; "
    "scanning starts again by itself.",
)
FIRST_CHECK_MS = 5_000  # after start-up: the login screen is up and the first reads are done
BACKUP_POLL_MS = 60_000  # how often to look for a new backup


class DiskGuard(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.blocked = False
        self._free: int | None = None
        self._folder = str(Path(window.context.db_path).parent)
        window.status.disk_space_read.connect(self._space)
        window.decision_shown.connect(self._decision)
        window.context.dispatcher.add_filter(self)

    def __call__(self, scan: Scan) -> bool:
        """The dispatcher's filter: True (taken, refused) for a work page's scan while full."""
        if not self.blocked or self.window.context.dispatcher.handler is None:
            return False
        self.window.show_decision(self.decision(), code=scan.text)
        return True

    def _space(self, free: int) -> None:
        self._free = free
        full = free < self.window.status.full_disk_bytes
        if full != self.blocked:
            self._set_blocked(full)

    def _decision(self, decision: Decision) -> None:
        if decision.reason == DiskFull.reason and not self.blocked:
            self._set_blocked(True, announce=False)  # the page just said the disk is full

    def _set_blocked(self, blocked: bool, *, announce: bool = True) -> None:
        self.blocked = blocked
        log.warning("scanning %s: %s free", "blocked" if blocked else "resumed", self._free)
        if not announce:
            return
        if blocked:
            self.window.show_decision(self.decision())
        else:
            self.window.idle_feedback()

    def decision(self) -> Decision:
        free = format_bytes(self._free) if self._free is not None else "?"
        args: dict[str, str | int] = {"free": free, "folder": self._folder}
        return Decision(Outcome.ERROR, DISK_FULL_BLOCK, args, "store.disk_full_block")


@dataclass(frozen=True)
class Health:
    damage: str | None = None  # SQLite's findings, for the log
    chain_broken_at: int | None = None
    chain_event_id: str = ""
    verified: journal.ChainPoint | None = None


def check_health(db_path: Path) -> Health:
    """The full check (runs on StoreHealth's own thread; read-only)."""
    try:
        check_integrity(db_path, full=True)
    except DatabaseDamaged as exc:
        return Health(damage=exc.detail)
    conn = connect(db_path, readonly=True)
    try:
        chain = journal.verify_chain(conn, start=journal.verified_point(conn))
        if chain.ok:
            return Health(verified=chain.last)
        row = conn.execute(
            "SELECT CAST(event_id AS BLOB) FROM journal WHERE seq = ?", (chain.first_bad_seq,)
        ).fetchone()
        event_id = row[0].decode("utf-8", "replace") if row else f"seq-{chain.first_bad_seq}"
        return Health(chain_broken_at=chain.first_bad_seq, chain_event_id=event_id)
    finally:
        conn.close()


class StoreHealth(QObject):
    checked = Signal(object)  # Health, on the GUI thread
    _delivered = Signal(object)  # from the health thread: a Health, an exception or "backup"

    def __init__(self, window: MainWindow, data_dir: Path) -> None:
        super().__init__(window)
        self.window = window
        self.db_path = Path(window.context.db_path)
        self.data_dir = Path(data_dir)
        self.last: Health | None = None
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-health")
        self._running = False
        self._backup_seen: float | None = None
        self._delivered.connect(self._show)
        self._timer = QTimer(self)
        self._timer.setInterval(BACKUP_POLL_MS)
        self._timer.timeout.connect(self._look_for_backup)

    def start(self, first_check_ms: int = FIRST_CHECK_MS) -> None:
        """The first check soon after start-up; then one after each new backup."""
        self._pool.submit(self._note_backup)  # the backup that is already there is no news
        QTimer.singleShot(first_check_ms, self, self.check_now)
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._pool.shutdown(wait=True, cancel_futures=True)

    def check_now(self) -> None:
        if self._running:
            return
        self._running = True
        self._pool.submit(check_health, self.db_path).add_done_callback(self._finished)

    def _finished(self, future: Future) -> None:  # on the health thread
        error = future.exception()
        self._delivered.emit(error if error is not None else future.result())

    def _look_for_backup(self) -> None:
        self._pool.submit(self._newest_backup_time).add_done_callback(self._backup_time)

    def _newest_backup_time(self) -> float | None:
        newest = latest_backup(self.data_dir / BACKUP_FOLDER)
        return os.path.getmtime(newest) if newest is not None else None

    def _note_backup(self) -> None:  # on the health thread
        self._backup_seen = self._newest_backup_time()

    def _backup_time(self, future: Future) -> None:  # on the health thread
        if future.exception() is None and future.result() not in (None, self._backup_seen):
            self._backup_seen = future.result()
            self._delivered.emit("backup")

    def _show(self, outcome: Any) -> None:
        if outcome == "backup":
            log.info("a new backup appeared: checking the station database again")
            self.check_now()
            return
        self._running = False
        if isinstance(outcome, BaseException):
            log.error("the store health check failed", exc_info=outcome)
            return
        self.last = outcome
        if outcome.damage is not None:
            self._damaged(outcome)
        elif outcome.chain_broken_at is not None:
            self._chain_broken(outcome)
        elif outcome.verified is not None:
            point = outcome.verified
            self.window.context.gateway.write(lambda c: journal.set_verified_point(c, point))
        self.checked.emit(outcome)

    def _damaged(self, health: Health) -> None:
        log.error("station database %s is damaged: %s", self.db_path, health.damage)
        backup = latest_backup(self.data_dir / BACKUP_FOLDER)
        todo = (
            restore_command(self.data_dir, backup)
            if backup is not None
            else QCoreApplication.translate("StoreWatch", "There is no backup in the data folder.")
        )
        self.window.status.set_alarm(
            QCoreApplication.translate("StoreWatch", "Station database damaged: call IT"),
            QCoreApplication.translate(
                "StoreWatch",
                "SQLite's full check found damage in %1. Keep scanning only if IT says so; "
                "IT restores the latest backup with Yima Scan closed:",
            ).replace("%1", str(self.db_path))
            + "\n"
            + todo,
        )

    def _chain_broken(self, health: Health) -> None:
        seq = health.chain_broken_at
        log.error("journal chain broken at event %s", seq)
        self.window.status.set_alarm(
            QCoreApplication.translate(
                "StoreWatch", "History changed at event %1: call IT"
            ).replace("%1", str(seq)),
            QCoreApplication.translate(
                "StoreWatch",
                "The station's history was changed outside Yima Scan at event %1; nothing from "
                "there on is sent to the server. Do not delete the database.",
            ).replace("%1", str(seq)),
        )
        self.window.context.gateway.write(
            lambda conn: issues.report_station_issue(
                conn,
                event_id=health.chain_event_id,
                seq=seq,
                reason=issues.CHAIN_BROKEN,
                detail={"seq": seq},
            )
        )
