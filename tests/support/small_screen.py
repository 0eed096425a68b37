"""Checks that a window fits a small screen: every button inside it, no label cut.

Used in process (tests/test_ui_small_screens.py) and, for a scale factor that must be
set before Qt starts, as ``python -m tests.support.small_screen`` in a subprocess
that prints one problem per line and exits 1 when there is any.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QPushButton, QWidget


def bold_shortfall(button: QPushButton) -> int:
    """How many pixels a checked button whose style paints it bold (``:checked { font-weight:
    bold }``) lacks to show its whole bold label: Qt sizes buttons for the plain font."""
    style = button.styleSheet()
    if not button.isChecked() or "bold" not in style.partition(":checked")[2]:
        return 0
    text = button.text().replace("&&", "&")
    bold = QFont(button.font())
    bold.setBold(True)
    chrome = QPushButton.sizeHint(button).width() - button.fontMetrics().horizontalAdvance(text)
    return max(0, QFontMetrics(bold).horizontalAdvance(text) + chrome - button.width())


def layout_problems(window: QWidget) -> list[str]:
    """What a handheld user would miss: a button outside the window or with its label cut
    (also the bold label of the chosen page or task), a status bar label cut at the edge."""
    inside = window.rect()
    problems = []
    widgets = [*window.findChildren(QAbstractButton), *window.statusBar().findChildren(QLabel)]
    for widget in widgets:
        if not widget.isVisibleTo(window) or not widget.text():
            continue
        place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not inside.contains(place):
            problems.append(f"outside the window: {widget.text()!r} at {place}")
        elif widget.sizeHint().width() > widget.width() + 1:
            problems.append(
                f"label cut: {widget.text()!r} needs {widget.sizeHint().width()} px,"
                f" has {widget.width()}"
            )
        elif isinstance(widget, QPushButton) and bold_shortfall(widget) > 1:
            problems.append(
                f"bold label cut: {widget.text()!r} lacks {bold_shortfall(widget)} px when chosen"
            )
    return problems


def check_every_page(window, pump) -> list[str]:
    problems = []
    for key in window.page_keys():
        window.set_current_page(key)
        pump()
        problems += [f"{key}: {text}" for text in layout_problems(window)]
    return problems


def main() -> int:
    """Start the real window fitted to this screen (QT_SCALE_FACTOR, screen size from the
    environment), sign in an administrator and check every page."""
    from app.demo import prepare
    from app.domain.operators import Role
    from app.ui.application import _station_font
    from app.ui.compact import install_touch_targets
    from app.ui.station import build_station
    from app.ui.translations import install_translations
    from tests.support.shell import add_operator, station

    app = QApplication(sys.argv[:1])
    install_translations(app, sys.argv[1] if len(sys.argv) > 1 else "zh_CN")
    _station_font(app)
    install_touch_targets(app)

    def pump() -> None:
        for _ in range(50):
            app.processEvents()

    with tempfile.TemporaryDirectory() as folder, station(Path(folder)) as context:
        prepare(Path(folder))
        context.language = "zh_CN"
        boss = add_operator(context, "Boss", "9999", Role.ADMIN)
        station = build_station(context)
        window = station.window
        window.show_fitted()
        window.start()
        window._logged_in(boss)
        pump()
        available = app.primaryScreen().availableGeometry()
        problems = []
        if not available.contains(window.geometry()):
            problems.append(f"window {window.geometry()} beyond the screen {available}")
        problems += check_every_page(window, pump)
        print(f"screen {available.width()}x{available.height()} compact={window.compact}")
        for problem in problems:
            print(problem)
        station.stop()
        window.close()
        return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
