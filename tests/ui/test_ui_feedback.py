"""Feedback: the big panel's colours and text, the flash, and sounds that never need a speaker."""

import hashlib
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtGui import QPalette

from app.domain.workflows.base import Decision, Outcome
from app.paths import resources_dir
from app.ui import sounds as sounds_module
from app.ui.feedback_panel import (
    BORDER_COLOUR,
    COLOURS,
    COMPACT_MIN_HEIGHT,
    FLASH_COLOUR,
    HEADLINE_MIN_PX,
    MESSAGE_MIN_PX,
    FeedbackPanel,
)
from app.ui.sounds import FeedbackSounds, sound_file
from app.ui.translations import translate_template


@pytest.fixture
def panel(qtbot):
    widget = FeedbackPanel()
    qtbot.addWidget(widget)
    widget.resize(800, 200)
    widget.show()
    return widget


def test_idle_panel_invites_a_scan(panel):
    assert panel.outcome is None
    assert panel.headline.text() == "Ready to scan"
    assert panel.background == COLOURS[None][0]


@pytest.mark.parametrize(
    ("outcome", "colour", "headline"),
    [
        (Outcome.OK, "#1e8e3e", "OK"),
        (Outcome.WARNING, "#f9ab00", "Check"),
        (Outcome.ERROR, "#c5221f", "Refused"),
        (Outcome.DONE, "#0b5d2a", "Done"),
    ],
)
def test_each_outcome_has_its_colour_and_word(qtbot, panel, outcome, colour, headline):
    with qtbot.waitSignal(panel.shown):
        panel.show_decision(
            Decision(outcome, "Order {order}: {n} left.", {"order": "SO-1", "n": 3})
        )
    assert panel.background == colour
    assert headline in panel.headline.text()
    assert panel.message.text() == "Order SO-1: 3 left."
    image = panel.grab().toImage()
    assert image.pixelColor(20, image.height() // 2).name() == colour  # really painted
    text = panel.headline.palette().color(QPalette.ColorRole.WindowText).name()
    assert text == COLOURS[outcome][1]


def test_done_looks_different_from_ok(panel):
    panel.show_decision(Decision(Outcome.OK, "x"))
    ok_edge = panel.grab().toImage().pixelColor(2, panel.height() // 2).name()
    ok_headline = panel.headline.text()
    panel.show_decision(Decision(Outcome.DONE, "x"))
    done_edge = panel.grab().toImage().pixelColor(2, panel.height() // 2).name()
    assert ok_edge == COLOURS[Outcome.OK][0]
    assert done_edge == BORDER_COLOUR  # the gold frame
    assert panel.headline.text() != ok_headline


def test_flash_blinks_and_returns(qtbot, panel):
    panel.show_decision(Decision(Outcome.ERROR, "x"))
    panel.flash()
    assert panel.background == FLASH_COLOUR
    assert panel.grab().toImage().pixelColor(20, panel.height() // 2).name() == FLASH_COLOUR
    qtbot.waitUntil(lambda: panel.background == COLOURS[Outcome.ERROR][0], timeout=1000)


def test_type_is_big_and_grows_with_the_panel(qtbot, panel):
    panel.resize(800, 160)
    qtbot.waitUntil(lambda: panel.height() == 160)
    small = panel.headline.font().pixelSize()
    assert small >= 28
    panel.resize(1280, 320)
    qtbot.waitUntil(lambda: panel.height() == 320)
    assert panel.headline.font().pixelSize() > small
    assert panel.message.font().pixelSize() >= 18


def test_a_long_message_shows_whole_on_a_handheld_panel(qtbot, panel):
    """At 800x600 the panel is 76 px high: a two-line message lost its second line (the type
    was fitted to a panel of at least 100 px); now the headline gives up some size for it."""
    panel.set_compact(True)
    panel.resize(792, COMPACT_MIN_HEIGHT)
    panel.show_decision(
        Decision(
            Outcome.WARNING,
            "NO DATA: this station has not downloaded the shipment data yet. Download it on "
            "the Prepare tab before you inspect.",
        )
    )
    message = panel.message
    qtbot.waitUntil(lambda: panel.height() == COMPACT_MIN_HEIGHT)
    qtbot.wait(50)  # the layout takes the new type sizes
    assert message.heightForWidth(message.width()) <= message.height()
    assert message.font().pixelSize() >= MESSAGE_MIN_PX
    assert panel.headline.font().pixelSize() >= HEADLINE_MIN_PX
    assert message.y() + message.height() <= panel.height()


def test_templates_are_translated_before_formatting(qtbot, tmp_path):
    ts = tmp_path / "t_zh_CN.ts"
    ts.write_text(
        """<?xml version="1.0" encoding="utf-8"?><!DOCTYPE TS><TS version="2.1" language="zh_CN">
<context><name>Decisions</name><message><source>Case {case} is full.</source>
<translation>箱 {case} 已装满。</translation></message></context>
<context><name>Codes</name><message><source>Not a code.</source>
<translation>不是有效的码。</translation></message></context></TS>""",
        encoding="utf-8",
    )
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-silent", str(ts)], check=True)
    translator = QTranslator()
    assert translator.load(str(tmp_path / "t_zh_CN.qm"))
    QCoreApplication.installTranslator(translator)
    try:
        assert translate_template("Case {case} is full.", {"case": "C-7"}) == "箱 C-7 已装满。"
        assert translate_template("Not a code.") == "不是有效的码。"
        assert translate_template("Untranslated {x}", {"x": 1}) == "Untranslated 1"
        assert translate_template("Broken {y}", {"x": 1}) == "Broken {y}"  # never a crash
    finally:
        QCoreApplication.removeTranslator(translator)


def test_sound_files_are_short_distinct_pcm():
    digests = set()
    for outcome in Outcome:
        with wave.open(sound_file(outcome)) as wav:
            assert wav.getsampwidth() == 2 and wav.getnchannels() == 1
            seconds = wav.getnframes() / wav.getframerate()
            assert 0.05 < seconds < 0.8
        digests.add(
            hashlib.sha256((resources_dir() / "sounds" / f"{outcome}.wav").read_bytes()).digest()
        )
    assert len(digests) == len(Outcome)


def test_sounds_follow_volume_and_mute_without_an_audio_device(qtbot):
    sounds = FeedbackSounds(volume=70)
    sounds.play(Outcome.ERROR)
    assert sounds.last_played is Outcome.ERROR
    sounds.set_muted(True)
    sounds.play(Outcome.OK)
    assert sounds.last_played is None
    sounds.set_muted(False)
    sounds.set_volume(0)
    sounds.play(Outcome.OK)
    assert sounds.last_played is None
    sounds.set_volume(140)
    assert sounds.volume == 100


@pytest.mark.qt_log_ignore("Couldn't (load|resolve)", "PulseAudioService", "FFmpeg")
def test_the_real_sound_effects_load_and_play_without_a_device(qtbot, monkeypatch):
    """Forces the QtMultimedia path even where no audio server runs: it must stay quiet and whole."""
    monkeypatch.setattr(sounds_module, "sound_server_reachable", lambda: True)
    monkeypatch.setattr(FeedbackSounds, "audio_available", lambda self: True)
    sounds = FeedbackSounds(volume=40)
    for outcome in Outcome:
        sounds.play(outcome)
    qtbot.wait(200)
    effects = sounds._effects
    assert set(effects) == set(Outcome)
    assert all(e.source().toLocalFile() == sound_file(o) for o, e in effects.items())
    sounds.set_volume(60)
    assert all(abs(e.volume() - 0.6) < 0.01 for e in effects.values())


def test_a_long_message_steps_its_type_down_to_fit(qtbot, panel):
    panel.resize(800, 130)
    qtbot.waitUntil(lambda: panel.height() == 130)
    panel.show_decision(Decision(Outcome.ERROR, "Refused."))
    short = panel.message.font().pixelSize()
    long_text = "Scan the empty case or pallet first, then the goods to pack into it. " * 3
    panel.show_decision(Decision(Outcome.ERROR, long_text))
    fitted = panel.message.font().pixelSize()
    assert 14 <= fitted < short
    assert panel.message.heightForWidth(panel.message.width()) <= panel.height()
