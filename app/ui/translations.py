"""Choosing the interface language and loading every area's translations.

Each area ships its own ``resources/i18n/<area>_<lang>.qm``; the shell loads all
of them plus Qt's own ``qtbase`` translations (standard buttons, dialogs), so a
new area only drops its file in. English is the source language: nothing to load.

Qt's own catalogue has gaps: Qt 6's file dialog labels its boxes "&Look in:" and
"Files of &type:" (with mnemonics), while ``qtbase_zh_CN.qm`` (in the wheel and so in the
bundle) only translates the older "Look in:" and "Files of type:". Those strings are
listed in ``QT_GAPS`` below and translated in the shell's own file; it is installed after
``qtbase``, and Qt asks the newest translator first, so it fills the gaps without
replacing anything Qt translates itself.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.paths import resources_dir
from app.settings import LANGUAGES

log = logging.getLogger(__name__)

# Qt's own strings that qtbase_<lang>.qm leaves in English (see the module's docstring).
QT_GAPS = (
    QT_TRANSLATE_NOOP("QFileDialog", "&Look in:"),
    QT_TRANSLATE_NOOP("QFileDialog", "Files of &type:"),
)


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
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(QLocale(language), "qtbase", "_", qt_dir):
        app.installTranslator(qtbase)  # first, so that ours (QT_GAPS) are asked before it
        installed.append(qtbase)
    else:
        log.warning("Qt's own translations for %s not found in %s", language, qt_dir)
    for path in sorted(i18n_dir().glob(f"*_{language}.qm")):
        translator = QTranslator(app)
        if translator.load(str(path)):
            app.installTranslator(translator)
            installed.append(translator)
        else:
            log.warning("could not load translation %s", path)
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
