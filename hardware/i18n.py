"""Marking the scanners' operator messages for translation without importing Qt or the app.

``hardware`` is the bottom of the house: it may import nothing of ours, so it keeps its own
marker rather than borrow the domain's (``app.domain.i18n``, the same two lines).
``pyside6-lupdate`` extracts any call named ``QT_TRANSLATE_NOOP(context, text)`` wherever it was
defined, so the English templates reach ``resources/i18n/hardware_zh_CN.ts``; the UI translates
them at display time with ``QCoreApplication.translate(context, text)``.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
