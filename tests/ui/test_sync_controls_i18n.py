"""The station window's sync controls (sync now, the issues badge, progress) ship in Chinese."""

from __future__ import annotations

import ast

from PySide6.QtCore import QCoreApplication, QTranslator

from tests.support import ROOT


def _tr_texts() -> list[str]:
    """Every literal passed to ``self.tr(...)`` in app/ui/sync_controls.py."""
    tree = ast.parse((ROOT / "app/ui/sync_controls.py").read_text(encoding="utf-8"))
    return [
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "tr"
        and node.args
        and isinstance(node.args[0], ast.Constant)
    ]


def test_every_sync_controls_string_is_translated(qapp):
    texts = _tr_texts()
    assert "⟳ Sync now  F5" in texts and "⚠ %1 sync issues  F6" in texts
    translator = QTranslator()
    assert translator.load(str(ROOT / "resources/i18n/sync_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        for text in texts:
            assert QCoreApplication.translate("SyncControls", text) != text, text
        done = "Syncing with the server now."
        assert QCoreApplication.translate("Decisions", done) == "正在与服务器同步。"
    finally:
        QCoreApplication.removeTranslator(translator)
