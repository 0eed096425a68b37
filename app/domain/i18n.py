"""Marking operator-facing text for translation without importing Qt.

The domain and the sync code return English templates; the UI translates them with Qt's
translation system. ``pyside6-lupdate`` extracts any call named ``QT_TRANSLATE_NOOP(context,
text)``, so this no-op marker lets their strings reach the ``.ts`` files while they stay free of
Qt. (``hardware``, which may not import ``app``, has the same marker in ``hardware.i18n``.)
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
