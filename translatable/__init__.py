"""Marking operator-facing text for translation without importing Qt: the bottom of the house.

Every layer marks its operator messages here: the scanner drivers (``hardware``), the domain
and the sync code, none of which may import Qt, and ``hardware`` may not import ``app`` either.
So the marker lives below them all, in a package that imports nothing of ours.

``pyside6-lupdate`` extracts any call named ``QT_TRANSLATE_NOOP(context, text)`` whatever it was
imported from, so the English templates reach ``resources/i18n/*.ts``; the UI translates them
at display time with ``QCoreApplication.translate(context, text)``.
"""


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return text
