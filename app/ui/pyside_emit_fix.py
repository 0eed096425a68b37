"""Nothing to fix any more: kept only so the areas that still import it keep working.

PySide6 6.12.0 leaked a reference to ``True`` on every ``Signal.emit`` (and to
``None`` on every void call), which aborts Python 3.11 after some thousands of
scans. The project now pins PySide6 below 6.12 (pyproject.toml), where emits
do not leak, so ``signal.emit(...)`` is the one way to emit and this module no
longer patches anything. ``tests/test_ui_qt_refcounts.py`` fails if a binding
that leaks is ever installed. Remove the remaining imports of this module
(warehouse, counter, inspector, sync UI) and then this file.
"""
