"""The Qt half of ``python main.py self-test``: can Qt draw, play and translate on this machine?

Kept in the UI package (the only one that imports Qt); the command calls it
lazily. It starts Qt offscreen when no display is wanted, so IT can run it over
SSH or in a scheduled task and still learn whether the station window would work.
"""

from __future__ import annotations

import os

from app.paths import resources_dir

# A string every shipped Chinese translation must know: the shell's first page title.
KNOWN_CONTEXT, KNOWN_SOURCE, KNOWN_ZH = "MainWindow", "Warehouse", "仓库"


def _application():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QLoggingCategory
    from PySide6.QtWidgets import QApplication

    # Optional video-acceleration libraries QtMultimedia probes for: noise, not a fault.
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    return QApplication.instance() or QApplication(["yima-self-test"])


def check_qt() -> str:
    """Start Qt, lay out and paint the feedback panel; returns the Qt version and platform."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QGuiApplication

    app = _application()
    from app.domain.workflows.base import Decision, Outcome
    from app.ui.feedback_panel import COLOURS, FeedbackPanel

    panel = FeedbackPanel()
    panel.resize(400, 160)
    panel.show_decision(Decision(Outcome.OK, "self-test"))
    image = panel.grab().toImage()
    panel.deleteLater()
    app.processEvents()
    if image.isNull() or image.width() < 400:
        raise RuntimeError("Qt could not paint a window")
    colour = image.pixelColor(5, image.height() // 2).name()
    if colour != COLOURS[Outcome.OK][0]:
        raise RuntimeError(f"the feedback panel painted {colour} instead of green")
    return f"PySide6 {pyside_version}, platform {QGuiApplication.platformName()}"


def check_sounds() -> str:
    """The bundled WAVs load into QtMultimedia's decoder-free effect format (PCM)."""
    import wave

    _application()
    from PySide6.QtMultimedia import QSoundEffect  # noqa: F401 - the module must import

    from app.domain.workflows.base import Outcome
    from app.ui.sounds import sound_file, sound_server_reachable

    for outcome in Outcome:
        with wave.open(sound_file(outcome)) as wav:
            if wav.getsampwidth() != 2 or wav.getnframes() == 0:
                raise RuntimeError(f"{outcome}.wav is not 16-bit PCM")
    audio = "an audio server is running" if sound_server_reachable() else "no audio server (silent)"
    return f"{len(Outcome)} sounds; {audio}"


def check_translations(language: str = "zh_CN") -> str:
    """Every area's .qm loads, each .ts has its .qm, and a known string comes out translated."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    app = _application()
    folder = resources_dir() / "i18n"
    missing = [
        ts.name for ts in folder.glob(f"*_{language}.ts") if not ts.with_suffix(".qm").exists()
    ]
    if missing:
        raise RuntimeError("not compiled: " + ", ".join(sorted(missing)))
    files = sorted(folder.glob(f"*_{language}.qm"))
    if not files:
        raise RuntimeError(f"no translations for {language} in {folder}")
    translators = []
    try:
        for path in files:
            translator = QTranslator()
            if not translator.load(str(path)):
                raise RuntimeError(f"{path.name} does not load")
            app.installTranslator(translator)
            translators.append(translator)
        got = QCoreApplication.translate(KNOWN_CONTEXT, KNOWN_SOURCE)
        if got != KNOWN_ZH:
            raise RuntimeError(f"{KNOWN_SOURCE!r} came out as {got!r}, not {KNOWN_ZH!r}")
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    return f"{len(files)} files: " + ", ".join(p.name for p in files)
