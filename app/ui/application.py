"""Starting and stopping the station: one window per data folder, refusals that say what to do.

Start-up order matters: the lock comes before anything touches the folder (two
stations on one database would interleave their journals), logging before the
database (so a refusal is in the log), and the database check before any
window (a damaged file is refused, never opened). On quit every thread is
stopped and joined with a timeout, so the window never hangs on the way out.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QLockFile,
    QLoggingCategory,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__
from app.domain.store.backups import BACKUP_FOLDER, latest_backup, restore_command
from app.domain.store.database import DatabaseDamaged, open_database
from app.domain.store.writer import Writer
from app.logging_setup import setup_logging, teardown_logging
from app.paths import database_path, resolve_data_dir
from app.rollout import apply as apply_rollout
from app.settings import Settings
from app.ui.compact import install_touch_targets
from app.ui.context import ShellContext
from app.ui.scan_bridge import ScanBridge
from app.ui.scanner_names import scanner_title
from app.ui.scanner_settings import wedge_config_from
from app.ui.sounds import FeedbackSounds
from app.ui.station import Station, build_station
from app.ui.station_sync import StationSync
from app.ui.store_gateway import StoreGateway
from app.ui.store_watch import DiskGuard, StoreHealth
from app.ui.sync_controls import start_demo_server
from app.ui.translations import choose_language, install_translations
from hardware.dispatch import Dispatcher

if TYPE_CHECKING:
    from sync.server.embedded import DemoServer

log = logging.getLogger(__name__)

LOCK_FILENAME = "yima-scan.lock"
EXIT_ALREADY_RUNNING = 3
EXIT_DATABASE_DAMAGED = 4
EXIT_DATABASE_UNAVAILABLE = 5


def acquire_instance_lock(data_dir: Path) -> QLockFile | None:
    """The folder's lock, or None when another running Yima Scan holds it.

    A lock left by a crashed process is taken over (Qt checks whether its
    process still lives), so a power cut never locks a station out.
    """
    lock = QLockFile(str(Path(data_dir) / LOCK_FILENAME))
    lock.setStaleLockTime(0)
    return lock if lock.tryLock(500) else None


def already_running_text(data_dir: Path) -> str:
    return (
        QCoreApplication.translate(
            "Application", "Yima Scan is already running for this data folder:"
        )
        + f"\n{data_dir}\n\n"
        + QCoreApplication.translate(
            "Application",
            "Switch to the window that is already open (look in the taskbar). "
            "Only one Yima Scan may use a data folder at a time.",
        )
    )


def damaged_database_text(error: DatabaseDamaged, data_dir: Path) -> str:
    """One sentence of what happened and what to do, with the file and the restore command;
    SQLite's own findings (which can run to pages) go to the log, not to the operator."""
    log.error("station database %s is damaged: %s", error.path, error.detail)
    backup = latest_backup(Path(data_dir) / BACKUP_FOLDER)
    if backup is None:
        return QCoreApplication.translate(
            "Application",
            "The station database %1 is damaged, so Yima Scan did not open it and left it as it "
            "is; there is no backup of it in this folder, so call IT and do not delete the file.",
        ).replace("%1", str(error.path))
    return (
        QCoreApplication.translate(
            "Application",
            "The station database %1 is damaged, so Yima Scan did not open it and left it as it "
            "is: restore the latest backup with the command below (Yima Scan closed), or call IT.",
        ).replace("%1", str(error.path))
        + "\n\n"
        + restore_command(Path(data_dir), backup)
    )


def unavailable_database_text(path: Path, error: Exception) -> str:
    return (
        QCoreApplication.translate("Application", "Yima Scan could not open the station database.")
        + "\n\n"
        + QCoreApplication.translate("Application", "File: %1").replace("%1", str(path))
        + "\n"
        + QCoreApplication.translate("Application", "Problem: %1").replace("%1", str(error))
        + "\n\n"
        + QCoreApplication.translate(
            "Application",
            "Check that the disk is not full and that you may write to this folder, "
            "then start Yima Scan again.",
        )
    )


def refuse(title: str, text: str, parent: QWidget | None = None) -> None:
    """Tell the operator why the station will not start (one place, so tests can watch it)."""
    log.error("%s: %s", title, text.replace("\n", " "))
    QMessageBox.critical(parent, title, text)


def start_scanners(
    dispatcher: Dispatcher, settings: Settings, *, demo: bool = False
) -> tuple[ScanBridge, list[str]]:
    """Start every scanner the settings name (``demo`` adds the on-screen ``sim`` gun).

    The saved wedge options (and the fixes the self-test applied) are set before the
    first source starts, so the first scan after start-up is read the way it was tested.
    One scanner that cannot start is reported, never fatal.
    """
    bridge = ScanBridge(dispatcher)
    bridge.set_wedge_config(wedge_config_from(settings))
    specs = list(settings.scanner_sources)
    if demo and "sim" not in specs:
        specs.append("sim")
    problems = []
    for spec in specs:
        try:
            bridge.add(spec)
        except Exception as exc:  # a bad spec or a missing port must not stop the station
            log.warning("scanner %s not started: %s", spec, exc)
            problems.append(
                QCoreApplication.translate("Application", "%1 did not start: %2")
                .replace("%1", scanner_title(spec.partition("?")[0]))  # the spec is in the log
                .replace("%2", str(exc))
            )
    return bridge, problems


def _station_font(app: QApplication) -> None:
    """Read from arm's length at a packing table: never smaller than 11 pt."""
    font = app.font()
    if 0 < font.pointSizeF() < 11:
        font.setPointSizeF(11)
        app.setFont(font)


def _prepare_demo(data_dir: Path) -> str:
    """Seed the throw-away folder; returns the login hint naming the demo operators' PINs."""
    from app import demo

    demo.prepare(data_dir)
    pins = " · ".join(f"{name} {pin}" for name, pin in demo.operator_pins())
    return QCoreApplication.translate(
        "Application", "Demo station with sample data. Operators and PINs: %1"
    ).replace("%1", pins)


def _console_hint(demo_server: DemoServer) -> str:
    """Where head office's side of the demo is: the console's address and its demo login."""
    user, password = demo_server.seed.console_login if demo_server.seed else ("", "")
    text = (
        QCoreApplication.translate(
            "Application", "Head-office console: open %1 in a browser, user %2, password %3"
        )
        .replace("%1", demo_server.console_url)
        .replace("%2", user)
        .replace("%3", password)
    )
    print(text, flush=True)  # also where a newcomer who started it from a terminal looks
    log.info("%s", text)
    return text


def _forward_qt_messages():
    """Qt's own warnings go to the log file too; the previous handler still sees them."""
    levels = {
        QtMsgType.QtDebugMsg: logging.DEBUG,
        QtMsgType.QtInfoMsg: logging.INFO,
        QtMsgType.QtWarningMsg: logging.WARNING,
        QtMsgType.QtCriticalMsg: logging.ERROR,
        QtMsgType.QtFatalMsg: logging.CRITICAL,
    }
    qt_log = logging.getLogger("qt")
    previous = None

    def handler(mode, context, message):
        qt_log.log(levels.get(mode, logging.WARNING), "%s", message)
        if previous is not None:
            previous(mode, context, message)

    previous = qInstallMessageHandler(handler)
    return previous


def _log_uncaught(
    kind: type[BaseException], value: BaseException, trace: TracebackType | None
) -> None:
    log.critical("unexpected error", exc_info=(kind, value, trace))


def run_gui(args: argparse.Namespace) -> int:
    """Run the station window until it is closed; returns the process exit code."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Yima Scan")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Yima")
    _station_font(app)
    install_touch_targets(app)  # buttons and inputs a fingertip high (7.5 mm), app-wide
    # QtMultimedia probes for optional video-acceleration libraries; their absence is no fault.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")

    demo_dir = tempfile.TemporaryDirectory(prefix="yima-demo-") if args.demo else None
    data_dir = resolve_data_dir(demo_dir.name if demo_dir else args.data_dir)
    settings = Settings.in_data_dir(data_dir)
    apply_rollout(settings)  # server, language, enrollment code IT gave the installer (once)
    language = choose_language(getattr(args, "lang", None), settings.language)
    translators = install_translations(app, language)

    lock = acquire_instance_lock(data_dir)
    if lock is None:
        refuse(
            QCoreApplication.translate("Application", "Yima Scan is already running"),
            already_running_text(data_dir),
        )
        _remove_translators(app, translators)
        return EXIT_ALREADY_RUNNING

    previous_qt_handler = _forward_qt_messages()
    previous_excepthook = sys.excepthook
    sys.excepthook = _log_uncaught
    writer: Writer | None = None
    gateway: StoreGateway | None = None
    bridge: ScanBridge | None = None
    station: Station | None = None
    health: StoreHealth | None = None
    demo_server = None
    try:
        log_file = setup_logging(data_dir)
        log.info("Yima Scan %s starting; data folder %s; log %s", __version__, data_dir, log_file)
        demo_hint = _prepare_demo(data_dir) if demo_dir else ""
        db_path = database_path(data_dir)
        try:
            open_database(db_path)
        except DatabaseDamaged as exc:
            refuse(
                QCoreApplication.translate("Application", "Station database damaged"),
                damaged_database_text(exc, data_dir),
            )
            return EXIT_DATABASE_DAMAGED
        except OSError as exc:
            refuse(
                QCoreApplication.translate("Application", "Station database not available"),
                unavailable_database_text(db_path, exc),
            )
            return EXIT_DATABASE_UNAVAILABLE
        if demo_dir:
            demo_server = start_demo_server(data_dir)  # the round trip: a server on loopback
            demo_hint += "\n" + _console_hint(demo_server)
        writer = Writer(db_path)
        writer.start()
        gateway = StoreGateway(db_path, writer)
        sounds = FeedbackSounds(settings.sound_volume, settings.sound_muted)
        dispatcher = Dispatcher()
        bridge, scanner_problems = start_scanners(dispatcher, settings, demo=bool(demo_dir))
        station_sync = StationSync(db_path, writer, settings=settings)
        context = ShellContext(
            data_dir, db_path, settings, gateway, sounds, language, dispatcher, bridge,
            sync=station_sync,
        )  # fmt: skip
        station = build_station(context)
        window = station.window
        window.login.set_hint(demo_hint)
        if demo_server is not None:
            station.sync.enroll_demo(demo_server.url, demo_server.enrollment_code)
        window.show_fitted()
        window.start()
        DiskGuard(window)  # no scans while the disk is full
        health = StoreHealth(window, data_dir)  # the full check, soon and after each backup
        health.start()
        if scanner_problems:
            window.status.showMessage("  ".join(scanner_problems))
        code = app.exec()
        window.status.stop()
        window.deleteLater()
        log.info("Yima Scan closing (exit code %s)", code)
        return int(code)
    finally:
        if station is not None:
            station.stop()
        if demo_server is not None:
            demo_server.stop()
        if bridge is not None:
            bridge.shutdown(timeout=2)
        if health is not None:
            health.stop()
        if gateway is not None:
            gateway.close(timeout=5)
        if writer is not None:
            writer.stop(timeout=10)
        sys.excepthook = previous_excepthook
        qInstallMessageHandler(previous_qt_handler)
        lock.unlock()
        _remove_translators(app, translators)
        teardown_logging()
        if demo_dir:
            demo_dir.cleanup()


def _remove_translators(app: QApplication, translators: list) -> None:
    for translator in translators:
        app.removeTranslator(translator)
