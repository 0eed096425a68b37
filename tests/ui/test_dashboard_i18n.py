"""Every word the dashboard shows ships in Simplified Chinese (resources/i18n/dashboard_zh_CN)."""

from __future__ import annotations

import ast

from PySide6.QtCore import QCoreApplication, QTranslator

from tests.support import ROOT

PAGE = ROOT / "app/ui/dashboard/page.py"


def _tr_texts() -> list[str]:
    """Every literal passed to the page's ``tr(...)`` (its context is "Dashboard")."""
    tree = ast.parse(PAGE.read_text(encoding="utf-8"))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "tr"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def test_every_dashboard_string_is_translated(qapp):
    texts = _tr_texts()
    assert "Stock on hand (items)" in texts and len(texts) >= 20
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n/dashboard_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        for text in texts:
            translated = QCoreApplication.translate("Dashboard", text)
            assert translated != text, text
            for marker in ("%1", "%2", "%n", "<br>"):  # what the page fills in stays
                assert (marker in text) == (marker in translated), (text, translated)
    finally:
        QCoreApplication.removeTranslator(translator)
