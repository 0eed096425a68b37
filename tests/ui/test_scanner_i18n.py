"""Every operator message of the scanners exists in Simplified Chinese, placeholders intact."""

from __future__ import annotations

import ast
import re

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.ui.scanner_wizard import finding_text
from hardware.layouts import typed_on
from hardware.scan import Scan
from hardware.selftest_sheet import diagnose
from tests.support import ROOT

QM = ROOT / "resources" / "i18n" / "hardware_zh_CN.qm"
PLACEHOLDER = re.compile(r"\{\w+\}|%\d")


def _marked_templates() -> list[tuple[str, str]]:
    """Every QT_TRANSLATE_NOOP(context, text) in hardware/, read from the source itself."""
    found = []
    for path in sorted((ROOT / "hardware").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                context, text = (arg.value for arg in node.args)  # type: ignore[attr-defined]
                found.append((context, text))
    return found


@pytest.fixture
def chinese(qapp):
    translator = QTranslator()
    assert translator.load(str(QM))
    QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def test_every_marked_template_is_translated_with_its_placeholders(chinese):
    templates = _marked_templates()
    assert len(templates) > 60
    untranslated = []
    for context, text in templates:
        translated = chinese.translate(context, text)
        if not translated or sorted(PLACEHOLDER.findall(translated)) != sorted(
            PLACEHOLDER.findall(text)
        ):
            untranslated.append(f"{context}: {text}")
    assert untranslated == []


def test_a_diagnosis_reads_in_chinese(chinese):
    reads = [Scan(typed_on("de", "yz-qa-wm/0123456789:.;,"), "wedge", terminator="\r")]
    texts = [finding_text(f) for f in diagnose(reads)]
    layout = next(t for t in texts if "德语" in t)
    assert "键盘" in layout and "{" not in layout
