"""Pictures of every screen of a working demo station, in Chinese and English, on a desk PC
(1366×768) and a handheld (800×600), saved where ``YIMA_SCREENSHOTS`` says (a temporary folder
otherwise) for a person to look at: ``YIMA_SCREENSHOTS=/tmp/shots pytest tests/ui/test_screens.py``.

Each picture is also checked for what a person would see wrong at once: a button or status
light outside the window or with its label cut (``tests.support.small_screen``), a dialog
larger than the screen.
"""

from __future__ import annotations

import pytest

from app.ui.translations import install_translations
from tests.support import tour
from tests.support.small_screen import layout_problems

pytestmark = pytest.mark.station(prepare=tour.prepare)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["zh_CN", "en"])
@pytest.mark.parametrize("size", [(1366, 768), (800, 600)], ids=["1366x768", "800x600"])
def test_every_screen_is_saved_and_fits(
    qtbot, qapp, context, demo_gun, touch, make_station, screenshots, language, size
):
    translators = install_translations(qapp, language)
    context.language = language
    try:
        station = make_station(size=size)
        saved, problems = [], []
        for name, widget in tour.walk(qtbot, station, context.data_dir):
            path = screenshots / f"{language}-{size[0]}x{size[1]}-{name}.png"
            assert widget.grab().save(str(path)), path
            saved.append(path)
            if widget is station.window:
                problems += [f"{name}: {problem}" for problem in layout_problems(widget)]
            elif widget.width() > size[0] or widget.height() > size[1]:  # a dialog
                problems.append(f"{name}: {widget.width()}x{widget.height()} beyond the screen")
        assert len(saved) >= 14 and all(path.stat().st_size > 5_000 for path in saved)
        assert problems == []
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
