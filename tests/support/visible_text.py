"""Every text a person can read on a window, and the English words among them.

``visible_texts(top)`` collects what is on screen under ``top`` (its title, labels, buttons and
their menus, tabs, group titles, drop-down entries, placeholders, table headers and cells,
progress text, chart titles, axes and legends, the status bar's message), each with a short
description of where it is. ``english_words(text, names)`` finds the words written only in
ASCII letters that are not a code (it has a digit, or is a web address), a key on the keyboard
(Ctrl+Enter), a name from the station's own data (``names``: products, dealers, places, people)
or one of ``ALLOWED``, the few Latin words a Chinese operator reads as they are.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator

from PySide6 import QtGui
from PySide6.QtCharts import QBarCategoryAxis, QChartView
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QStatusBar,
    QTabBar,
    QTableView,
    QTextEdit,
    QWidget,
)

# Latin words a Chinese operator reads as they are; each is on screen for a reason (a word
# listed here that no screen shows any more is taken out).
ALLOWED = {
    "PDF",  # the file format, named so on every Chinese PC and printer dialog
    "CSV",  # the file format offered next to PDF and Excel
    "Excel",  # the program the spreadsheet opens in, and its file's ending
    "XLSX",
    "USB",  # the gun's plug
    "IT",  # the IT department, so written in Chinese offices ("请联系 IT")
    "English",  # the language's name in its own script, in the language chooser
    "AZERTY",  # keyboard layouts are named by their first keys, in every language
    "QWERTZ",
    "GS",  # the character a gun sends between a code's fields, so named in guns' manuals
    "ZPL",  # label printers' languages, so named on the printers and in their manuals
    "TSPL",
    "TSC",  # a label printer brand
    "SIMSUN.TTF",  # a font file's name on a Zebra (E:SIMSUN.TTF), typed into settings as it is
}
ROWS_READ = 50  # of a long list, the rows a person scrolls through first
# "Ctrl+Enter", "Alt+3", "Esc", "F5": keys as printed on the keyboard.
_KEYS = re.compile(r"^(?:(?:Ctrl|Alt|Shift|Meta)\+)+\S+$|^F\d{1,2}$|^(?:Esc|Enter|Del|Tab)$")
_ASCII_RUN = re.compile(r"[!-~]+")  # printable ASCII, without the space
_PIECES = re.compile(r"[^/,;:()\[\]{}<>\"'`|=*&^~!?]+")
_EDGES = "()[]{}<>.,;:!?'\"`·-_/\\|*#&%=~^$@+"


def english_words(text: str, names: Iterable[str] = ()) -> list[str]:
    """The ASCII-only words in ``text`` that are neither codes, numbers, keys, names from the
    station's data (``names``, already split into words) nor ``ALLOWED``."""
    known = set(names)
    found = []
    for run in _ASCII_RUN.findall(text):
        if "://" in run or _KEYS.match(run) or _KEYS.match(run.strip(_EDGES)):
            continue  # a web address is a code; a key is printed so
        for piece in _PIECES.findall(run):
            word = piece.strip(_EDGES)
            if not any(c.isalpha() for c in word) or any(c.isdigit() for c in word):
                continue  # a number, or a code (SO-24001, A-01, 500ml)
            if len(word) == 1 and word.isupper():
                continue  # a door, zone or shelf letter (B 门)
            if word in ALLOWED or word in known or _KEYS.match(word):
                continue
            found.append(word)
    return found


def data_names(conn: sqlite3.Connection) -> set[str]:
    """The words of the names the station's own data gives (products, dealers, stores, places,
    regions, people, suppliers): shown as entered, in whatever script they were entered."""
    words: set[str] = set()
    for sql in (
        "SELECT name FROM products",
        "SELECT name FROM dealers",
        "SELECT name FROM stores",
        "SELECT name FROM wh_locations",
        "SELECT name FROM regions",
        "SELECT name FROM operators",
        "SELECT supplier FROM wh_inbound",
    ):
        for (name,) in conn.execute(sql):
            words.update(w.strip(_EDGES) for w in _ASCII_RUN.findall(name or ""))
    return words


def _plain(text: str) -> str:
    if QtGui.Qt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def _name(widget: QWidget) -> str:
    """The widget's class, its object name and the page it sits on: enough to find it."""
    names = [type(widget).__name__ + (f"#{widget.objectName()}" if widget.objectName() else "")]
    parent = widget.parentWidget()
    while parent is not None and parent.parentWidget() is not None:
        if type(parent).__module__.startswith("app."):
            names.append(type(parent).__name__)
            break
        parent = parent.parentWidget()
    return " in ".join(names)


def visible_texts(top: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every text shown under ``top``, ``top`` included."""
    if top.windowTitle():
        yield "window title", top.windowTitle()
    for widget in top.findChildren(QWidget):
        if not widget.isVisibleTo(top):
            continue
        yield from _texts_of(widget)


def _texts_of(widget: QWidget) -> Iterator[tuple[str, str]]:
    where = _name(widget)
    if isinstance(widget, QLabel):
        yield where, _plain(widget.text())
    elif isinstance(widget, QAbstractButton):
        yield where, widget.text()
        menu = widget.menu() if isinstance(widget, QPushButton) else None
        for action in menu.actions() if menu is not None else ():
            yield f"{where} menu", action.text()
    elif isinstance(widget, QTabBar):
        for index in range(widget.count()):
            if widget.isTabVisible(index):
                yield f"{where} tab", widget.tabText(index)
    elif isinstance(widget, QGroupBox):
        yield where, widget.title()
    elif isinstance(widget, QComboBox):  # the entries as the drop-down list shows them
        model, column = widget.model(), widget.modelColumn()  # (itemText of an editable box is
        for index in range(widget.count()):  # what choosing puts in its field, e.g. a spec)
            yield f"{where} entry", str(model.data(model.index(index, column)) or "")
        if widget.isEditable():
            yield f"{where} field", widget.currentText()
    elif isinstance(widget, QLineEdit):
        yield f"{where} placeholder", widget.placeholderText()
        if widget.isReadOnly():
            yield where, widget.text()
    elif isinstance(widget, QTextEdit | QPlainTextEdit):
        yield where, widget.toPlainText()
    elif isinstance(widget, QProgressBar) and widget.isTextVisible():
        yield where, widget.text()
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        yield from _cells(widget)
    elif isinstance(widget, QChartView):
        yield from _chart(widget)
    elif isinstance(widget, QDockWidget):
        yield f"{where} title", widget.windowTitle()
    elif isinstance(widget, QStatusBar):
        yield f"{where} message", widget.currentMessage()


def _cells(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model, where = view.model(), _name(view)
    if model is None:
        return
    if isinstance(view, QListView):
        columns: list[int] = [view.modelColumn()]
    else:
        columns = list(range(model.columnCount(QModelIndex())))
    if isinstance(view, QTableView):
        columns = [c for c in columns if not view.isColumnHidden(c)]
        if view.horizontalHeader().isVisible():
            for column in columns:
                yield (
                    f"{where} header",
                    str(model.headerData(column, Qt.Orientation.Horizontal) or ""),
                )
    for row in range(min(model.rowCount(QModelIndex()), ROWS_READ)):
        for column in columns:
            value = model.data(model.index(row, column))
            if isinstance(value, str):
                yield f"{where} row {row + 1}", value


def _chart(view: QChartView) -> Iterator[tuple[str, str]]:
    chart, where = view.chart(), f"{_name(view)} chart"
    yield where, _plain(chart.title())
    for axis in chart.axes():
        yield f"{where} axis", axis.titleText()
        if isinstance(axis, QBarCategoryAxis):
            for category in axis.categories():
                yield f"{where} axis", category
    for marker in chart.legend().markers():
        yield f"{where} legend", marker.label()
