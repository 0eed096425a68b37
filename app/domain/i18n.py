"""Marking operator-facing text for translation without importing Qt.

The domain returns English templates; the UI translates them with Qt's
translation system. ``pyside6-lupdate`` extracts any call named
``QT_TRANSLATE_NOOP(context, text)``, so this no-op marker lets the domain's
strings reach the ``.ts`` files while the domain stays free of Qt.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
