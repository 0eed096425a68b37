"""Qt's own dialogs speak Chinese in a Chinese station, not half English (issue 15, item 8).

Qt 6's file dialog labels its boxes "&Look in:" and "Files of &type:", which Qt's own
``qtbase_zh_CN.qm`` does not translate; the shell's translation fills those gaps.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QLabel, QWidget

ENGLISH_WORD = re.compile(r"[A-Za-z]{2,}")


def _visible_words(dialog: QWidget) -> list[str]:
    texts = []
    for widget in dialog.findChildren(QWidget):
        if not widget.isVisible():
            continue
        if isinstance(widget, QLabel | QAbstractButton) and widget.text():
            texts.append(widget.text())
        if widget.toolTip():
            texts.append(widget.toolTip())
    return texts


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_the_file_dialog_has_no_english_label_in_chinese(qtbot, chinese, tmp_path, mode):
    dialog = QFileDialog(None, "选择文件", str(tmp_path), "PDF (*.pdf)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)  # Qt's own, as on Linux
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    texts = _visible_words(dialog)
    labels = [w.text() for w in dialog.findChildren(QLabel) if w.isVisible()]
    assert any("查找范围" in text for text in labels), labels
    assert any("文件类型" in text for text in labels), labels
    assert [t for t in texts if ENGLISH_WORD.search(t)] == []
