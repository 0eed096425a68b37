"""The compiled Simplified Chinese file covers every counter and inspector word an operator sees."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTranslator

from app.domain.workflows.counter.model import ALERT_WORDS, HEADLINES, MODE_TITLES, STANDING_WORDS
from app.domain.workflows.inspector import verdict
from app.domain.workflows.inspector.checks import CASE_STATUS_WORDS
from app.paths import resources_dir


def test_every_alert_headline_and_verdict_is_translated(qapp):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / "counter_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        checks = [("Decisions", text) for text in ALERT_WORDS.values()]
        checks += [("Decisions", text) for text in verdict.MESSAGES.values()]
        checks += [
            ("Counter", text)
            for text in [*HEADLINES.values(), *MODE_TITLES.values(), *STANDING_WORDS.values()]
        ]
        checks += [
            ("Inspector", text)
            for text in [
                *verdict.HEADLINES.values(),
                *verdict.DECISION_HEADLINES.values(),
                *CASE_STATUS_WORDS.values(),
            ]
        ]
        missing = [(c, t) for c, t in checks if QCoreApplication.translate(c, t) == t]
        assert missing == []
        assert QCoreApplication.translate("Inspector", "DIVERTED") == "窜货"
    finally:
        QCoreApplication.removeTranslator(translator)
