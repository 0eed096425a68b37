"""The compiled Simplified Chinese files cover every counter and inspector word an operator sees:
each area's words in its own file, so one area's file can be updated without touching the other."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from app.domain.workflows.counter.model import ALERT_WORDS, HEADLINES, MODE_TITLES, STANDING_WORDS
from app.domain.workflows.inspector import verdict
from app.domain.workflows.inspector.checks import CASE_STATUS_WORDS
from app.paths import resources_dir

COUNTER_WORDS = [("Decisions", text) for text in ALERT_WORDS.values()] + [
    ("Counter", text)
    for text in [*HEADLINES.values(), *MODE_TITLES.values(), *STANDING_WORDS.values()]
]
INSPECTOR_WORDS = [("Decisions", text) for text in verdict.MESSAGES.values()] + [
    ("Inspector", text)
    for text in [
        *verdict.HEADLINES.values(),
        *verdict.DECISION_HEADLINES.values(),
        *CASE_STATUS_WORDS.values(),
    ]
]


@pytest.mark.parametrize(
    ("area", "words"), [("counter", COUNTER_WORDS), ("inspector", INSPECTOR_WORDS)]
)
def test_every_alert_headline_and_verdict_is_translated(qapp, area, words):
    translator = QTranslator()
    assert translator.load(str(resources_dir() / "i18n" / f"{area}_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        missing = [(c, t) for c, t in words if QCoreApplication.translate(c, t) == t]
        assert missing == []
        if area == "inspector":
            assert QCoreApplication.translate("Inspector", "DIVERTED") == "窜货"
    finally:
        QCoreApplication.removeTranslator(translator)
