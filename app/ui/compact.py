"""Compact layout for handhelds and tablets: the same window, less chrome, never cut labels.

Below ``COMPACT_WIDTH`` logical pixels (800×600, or 1280×800 at 150 %) a button
(or a title label) whose text carries its shortcut ("Finish  Ctrl+Enter", two spaces before the
keys) shows only the words; the keys move to its tooltip, so the label is
never elided. Pages that need more (a second row of buttons) implement
``set_compact(bool)``; the window calls it when the width crosses the line.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

COMPACT_WIDTH = 1000
FULL_TEXT = "yimaFullText"  # dynamic property: the label with its shortcut, kept while compact
# "Words  Alt+3", "Words  F1", "Words  Ctrl+Shift+D": two spaces, then a key sequence.
_KEYS = re.compile(r"^(?:(?:Ctrl|Alt|Shift|Meta)\+)+\S+$|^F\d{1,2}$|^Esc$")


def split_hint(text: str) -> tuple[str, str]:
    """("Finish", "Ctrl+Enter") from "Finish  Ctrl+Enter"; (text, "") when it carries no keys."""
    words, sep, keys = text.rpartition("  ")
    keys = keys.strip()
    if sep and words.strip() and _KEYS.match(keys):
        return words.rstrip(), keys
    return text, ""


def compact_button(button: QAbstractButton | QLabel, compact: bool) -> None:
    """Show ``button``'s words alone (keys in the tooltip) or its full label again."""
    full = button.property(FULL_TEXT)
    if compact:
        words, keys = split_hint(button.text())
        if not keys:
            return
        button.setProperty(FULL_TEXT, button.text())
        button.setText(words)
        if not button.toolTip():
            button.setToolTip(f"{words} ({keys})")
    elif isinstance(full, str) and full:
        if button.toolTip() == "{} ({})".format(*split_hint(full)):
            button.setToolTip("")
        button.setText(full)
        button.setProperty(FULL_TEXT, "")


def glyph_only(button: QAbstractButton) -> None:
    """The last squeeze for a button that starts with a sign ("⟳ Sync now"): the sign alone,
    or the sign and its count ("⚠ 1 sync issues" becomes "⚠ 1": how many is the news), the
    words in the tooltip; ``compact_button(button, False)`` gives the full label back."""
    sign, _, words = button.text().partition(" ")
    if not sign or sign[0].isalnum() or not words.strip():
        return
    if not button.property(FULL_TEXT):
        button.setProperty(FULL_TEXT, button.text())
    if not button.toolTip():
        button.setToolTip(words.strip())
    count = words.split()[0]
    button.setText(f"{sign} {count}" if count.isdigit() else sign)


def apply_compact(root: QWidget, compact: bool) -> None:
    """Every button under ``root``, then every widget that lays itself out differently."""
    for button in (*root.findChildren(QAbstractButton), *root.findChildren(QLabel)):
        compact_button(button, compact)
    for widget in root.findChildren(QWidget):
        setter = getattr(widget, "set_compact", None)
        if callable(setter):
            setter(compact)


TOUCH_WIDGETS = (
    "QPushButton, QToolButton, QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit,"
    " QTimeEdit, QDateTimeEdit"
)


def install_touch_targets(app: QApplication) -> None:
    """One app-wide rule: every button and input at least a fingertip high (7.5 mm).

    Per-widget heights stay as they are where they are larger; this only raises the floor,
    including dialogs' OK/Cancel and the settings pages' fields.
    """
    rule = f"{TOUCH_WIDGETS} {{ min-height: {touch_min_px()}px; }}"
    sheet = app.styleSheet()
    if rule not in sheet:
        app.setStyleSheet(f"{sheet}\n{rule}".strip())


def touch_min_px(dpi: float | None = None) -> int:
    """7.5 mm in logical pixels on this screen (a finger's width): ~30 px at 96 dpi.

    Logical pixels already carry the scale factor, so at 150 % the same 30 logical
    pixels are 45 device pixels, still 7.5 mm on a 1280×800 handheld.
    """
    if dpi is None:
        screen = QApplication.primaryScreen()
        dpi = screen.logicalDotsPerInch() if screen is not None else 96.0
    return max(30, round(7.5 / 25.4 * dpi))
