"""Starting the station: language choice, one instance per data folder, refusing a damaged database."""

import argparse
import re
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QTimer
from PySide6.QtWidgets import QApplication

from app.domain.store.database import open_database
from app.paths import database_path
from app.settings import Settings
from app.ui import application
from app.ui.application import (
    EXIT_ALREADY_RUNNING,
    EXIT_DATABASE_DAMAGED,
    acquire_instance_lock,
    run_gui,
)
from app.ui.main_window import MainWindow
from app.ui.translations import choose_language, i18n_dir, install_translations


def _close_on_error(look):
    """Run ``look`` inside the event loop, and close the station whatever it finds (never hang)."""

    def run():
        try:
            look()
        finally:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, MainWindow) and widget.isVisible():
                    widget.close()

    return run


def _args(data_dir, lang="en"):
    return argparse.Namespace(data_dir=str(data_dir), demo=False, lang=lang, command=None)


@pytest.fixture
def refusals(monkeypatch):
    seen = []
    monkeypatch.setattr(
        application, "refuse", lambda title, text, parent=None: seen.append((title, text))
    )
    return seen


def test_language_choice_order():
    chinese, german = QLocale(QLocale.Language.Chinese, QLocale.Country.China), QLocale("de_DE")
    assert choose_language(None, None, chinese) == "zh_CN"
    assert choose_language(None, None, german) == "en"
    assert choose_language(None, "zh_CN", german) == "zh_CN"
    assert choose_language("en", "zh_CN", chinese) == "en"
    assert choose_language(None, "en", chinese) == "en"


def test_every_area_translation_and_qtbase_load_for_chinese(qapp):
    files = sorted(i18n_dir().glob("*_zh_CN.qm"))
    assert any(f.name == "shell_zh_CN.qm" for f in files)
    translators = install_translations(qapp, "zh_CN")
    try:
        assert len(translators) >= len(files)
        assert QCoreApplication.translate("MainWindow", "Warehouse") == "仓库"
        assert QCoreApplication.translate("LoginScreen", "Log in") == "登录"
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
    assert QCoreApplication.translate("MainWindow", "Warehouse") == "Warehouse"
    assert install_translations(qapp, "en") == []


def test_a_second_lock_on_the_same_folder_fails(tmp_path):
    first = acquire_instance_lock(tmp_path)
    assert first is not None
    assert acquire_instance_lock(tmp_path) is None
    first.unlock()
    again = acquire_instance_lock(tmp_path)
    assert again is not None
    again.unlock()


def test_a_second_station_on_the_same_folder_is_refused(qtbot, tmp_path, refusals):
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(
                f"""
                import sys
                sys.path.insert(0, {str(application.__file__.rsplit("/app/", 1)[0])!r})
                from app.ui.application import acquire_instance_lock
                lock = acquire_instance_lock({str(tmp_path)!r})
                print("locked" if lock else "busy", flush=True)
                sys.stdin.read()
                """
            ),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        assert run_gui(_args(tmp_path)) == EXIT_ALREADY_RUNNING
    finally:
        holder.stdin.close()
        holder.wait(10)
    [(_title, text)] = refusals
    assert "already running for this data folder" in text
    assert str(tmp_path) in text
    assert not database_path(tmp_path).exists()  # refused before touching anything


def test_a_damaged_database_is_refused_and_preserved(qtbot, tmp_path, refusals):
    db = database_path(tmp_path)
    garbage = b"SQLite format 3\x00" + bytes(range(256)) * 64
    db.write_bytes(garbage)
    assert run_gui(_args(tmp_path)) == EXIT_DATABASE_DAMAGED
    assert db.read_bytes() == garbage
    [(_title, text)] = refusals
    assert "damaged" in text and str(db) in text
    assert "left it as it is" in text and "call IT" in text
    assert "Traceback" not in text
    assert "damaged" in (tmp_path / "logs" / "yima-scan.log").read_text(encoding="utf-8")
    lock = acquire_instance_lock(tmp_path)  # the refusal released the folder
    assert lock is not None
    lock.unlock()


def test_the_station_starts_shows_login_and_quits_cleanly(qtbot, tmp_path, refusals):
    Settings.in_data_dir(tmp_path).station_name = "Gate B"
    seen = {}

    def look_and_close():
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen["login"] = window.root.currentWidget() is window.login
        seen["title"] = window.windowTitle()
        seen["status"] = window.status.station_label.text()
        seen["sources"] = [info.name for info in window.context.scan_bridge.sources]
        window.close()

    QTimer.singleShot(300, _close_on_error(look_and_close))
    assert run_gui(_args(tmp_path)) == 0
    assert refusals == []
    assert seen["login"] and seen["title"] == "Yima Scan"
    assert "Gate B" in seen["status"]
    assert seen["sources"] == ["wedge"]  # a new station listens to keyboard-wedge guns
    log_text = (tmp_path / "logs" / "yima-scan.log").read_text(encoding="utf-8")
    assert "starting" in log_text and "closing" in log_text
    open_database(database_path(tmp_path))  # migrated and closed cleanly
    lock = acquire_instance_lock(tmp_path)
    assert lock is not None
    lock.unlock()


def test_demo_runs_in_a_throwaway_folder_seeded_by_app_demo(qtbot, refusals):
    seen = {}

    def look_and_close():
        window = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()
        )
        seen["hint"] = window.login.hint.text()
        seen["data_dir"] = window.context.data_dir
        conn = sqlite3.connect(database_path(window.context.data_dir))
        seen["operators"] = conn.execute("SELECT count(*) FROM operators").fetchone()[0]
        conn.close()
        window.close()

    QTimer.singleShot(300, _close_on_error(look_and_close))
    args = argparse.Namespace(data_dir=None, demo=True, lang="en", command=None)
    assert run_gui(args) == 0
    assert seen["operators"] == 4  # the demo's own operators, from resources/demo
    assert "王仓管 1111" in seen["hint"] and "管理员 1234" in seen["hint"]
    # and where head office's side of the demo is, with its login
    assert re.search(
        r"open http://127\.0\.0\.1:\d+/console/ in a browser, user demo, password yima-demo-2026",
        seen["hint"],
    )
    assert not seen["data_dir"].exists()  # thrown away at quit
