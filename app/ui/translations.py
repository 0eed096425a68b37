"""Choosing the interface language and loading every area's translations.

Each area ships its own ``resources/i18n/<area>_<lang>.qm``; the shell loads all
of them plus Qt's own ``qtbase`` translations (standard buttons, dialogs), so a
new area only drops its file in. English is the source language: nothing to load.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.paths import resources_dir
from app.settings import LANGUAGES

log = logging.getLogger(__name__)


def i18n_dir() -> Path:
    return resources_dir() / "i18n"


def choose_language(
    override: str | None, setting: str | None, system: QLocale | None = None
) -> str:
    """--lang first, then the setting, then Simplified Chinese for a Chinese system, else English."""
    for choice in (override, setting):
        if choice in LANGUAGES:
            return choice
    system = system or QLocale.system()
    return "zh_CN" if system.language() == QLocale.Language.Chinese else "en"


def install_translations(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install every translation for ``language``; returns them (keep them alive)."""
    if language == "en":
        return []
    installed: list[QTranslator] = []
    files = sorted(i18n_dir().glob(f"*_{language}.qm"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for path in files:
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("could not load translation %s", path)
    qtbase = QTranslator(app)
    if qtbase.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    log.info("language %s: %d translation files", language, len(installed))
    return installed


def translate_template(
    template: str, args: dict[str, str | int] | None = None, *, context: str | None = None
) -> str:
    """Translate an English template from the domain, then fill in its ``{placeholders}``.

    Decisions mark their text in the "Decisions" context and the code grammar in
    "Codes"; a template found in neither is shown in English rather than not at all.
    """
    text = template
    contexts = (context,) if context else ("Decisions", "Codes", "Store", "Operators", "Roles")
    for name in contexts:
        translated = QCoreApplication.translate(name, template)
        if translated != template:
            text = translated
            break
    if not args:
        return text
    try:
        return text.format(**args)
    except (KeyError, IndexError, ValueError):
        log.warning("template %r does not fit its arguments %r", template, sorted(args))
        return text
