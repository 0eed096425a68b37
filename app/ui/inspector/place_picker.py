"""Where the inspector stands, picked by keyboard: type, arrows, Enter.

A search box over the synced stores and regions (Chinese names typed with the input method,
codes and pinyin-less words as they are): what is typed filters the list at once (the
rules are ``place_finder``'s), the arrows walk it, Enter takes the highlighted place (or the
first one that matches). Only a place from the list is ever taken: typed text that matches
nothing is answered, never kept. Emptying the box (Esc clears it, or the clear button) says
"no place". "Near me" puts the places nearest the station's region first; a station that
does not know its region says so and how to give it one.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cmp_to_key

from PySide6.QtCore import QCollator, QEvent, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QCompleter,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.domain.workflows.inspector import place_finder
from app.domain.workflows.inspector.checks import Place
from app.ui.wedge_filter import ALLOW_IME_PROPERTY

PlaceRole = Qt.ItemDataRole.UserRole + 1


class PlacePicker(QWidget):
    chosen = Signal(object)  # Place, or None when the box was emptied

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.places: list[Place] = []
        self.current: Place | None = None
        self.home: str | None = None
        self._parents: dict[str, str | None] = {}
        self._names: dict[str, str] = {}
        # the names are Chinese in either language: pinyin order, as a Chinese list reads
        self._key = cmp_to_key(QCollator(QLocale(QLocale.Language.Chinese)).compare)
        self.box = QLineEdit(self)
        self.box.setObjectName("PlaceSearch")
        self.box.setProperty(ALLOW_IME_PROPERTY, True)  # store names are typed in pinyin
        self.box.setPlaceholderText(self.tr("Type the store or region, ↓ for the list"))
        self.box.setClearButtonEnabled(True)
        self.box.setMinimumHeight(36)
        self.box.setMinimumWidth(260)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.popup().setStyleSheet(
            "QListView { font-size: 16px; } QListView::item { padding: 4px; }"
        )
        self.box.setCompleter(self.completer)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.box.textEdited.connect(self._typed)
        self.box.returnPressed.connect(self._enter)
        self.box.editingFinished.connect(self._show_current)
        self.box.installEventFilter(self)
        self.near = QPushButton(self.tr("Near me"), self)
        self.near.setCheckable(True)
        self.near.setMinimumHeight(36)
        self.near.setToolTip(self.tr("Put the places nearest this station's region first"))
        self.near.toggled.connect(self._near_toggled)
        self.note = QLabel(self)
        self.note.setObjectName("PlaceNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b06000;")
        self.note.hide()
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box, 0, 0)
        layout.addWidget(self.near, 0, 1)
        layout.addWidget(self.note, 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)

    # --- what the page gives ----------------------------------------------------------------

    def set_places(
        self,
        places: list[Place],
        parents: Mapping[str, str | None],
        names: Mapping[str, str],
        home: str | None,
        current_id: str | None,
    ) -> None:
        """The places to pick from, the region tree, the station's region and the place chosen."""
        self._parents, self._names, self.home = dict(parents), dict(names), home
        self.places = place_finder.ordered(places, parents, names, self._key)
        self.current = next((p for p in self.places if p.id == current_id), None)
        if self.near.isChecked() and not home:
            self.near.setChecked(False)
        if self.box.hasFocus():
            self._fill(self._listed(self._query()))  # a refresh never undoes the typing
        else:
            self._fill(self._listed(""))
            self._show_current()

    def label(self, place: Place) -> str:
        if place.kind == "region":
            return self.tr("{region} (whole region)").format(region=place.name)
        return self.tr("{store} (store, {region})").format(
            store=place.name, region=self._names.get(place.region_id, place.region_id)
        )

    def choose(self, place_id: str | None) -> bool:
        """Take the place with this id (None: no place); False when the list has no such place."""
        place = next((p for p in self.places if p.id == place_id), None)
        if place_id is not None and place is None:
            return False
        self._take(place)
        return True

    def search(self) -> None:
        """The cursor in the box and the list open, ready for typing or the arrows: Ctrl+F, and
        a scan the page could not judge without knowing where the inspector is."""
        self.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.box.selectAll()
        self._open_list()

    def listed(self) -> list[Place]:
        """The places the list shows now, in its order."""
        return [self.model.item(i).data(PlaceRole) for i in range(self.model.rowCount())]

    # --- typing -----------------------------------------------------------------------------

    def _listed(self, query: str) -> list[Place]:
        found = place_finder.matching(self.places, query, self._names)
        if self.near.isChecked() and self.home:
            found = place_finder.nearest_first(found, self.home, self._parents)
        return found

    def _fill(self, places: list[Place]) -> None:
        self.model.clear()
        for place in places:
            item = QStandardItem(self.label(place))
            item.setData(place, PlaceRole)
            item.setEditable(False)
            self.model.appendRow(item)

    def _typed(self, text: str) -> None:
        self.note.hide()
        if not text.strip():
            self._take(None)
            self._fill(self._listed(""))
            return
        found = self._listed(text)
        self._fill(found)
        if found:
            self.completer.complete()
        else:
            self._say(self.tr("No store or region matches “{text}”.").format(text=text.strip()))

    def _query(self) -> str:
        """What the operator typed: nothing while the box shows the chosen place."""
        typed = self.box.text()
        return "" if self.current is not None and typed == self.label(self.current) else typed

    def _open_list(self) -> None:
        self._fill(self._listed(self._query()))
        self.completer.complete()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.box and isinstance(event, QKeyEvent):
            key = event.key() if event.type() == QEvent.Type.KeyPress else None
            if key == Qt.Key.Key_Down and not self.completer.popup().isVisible():
                self._open_list()
                return True
            if key == Qt.Key.Key_Escape and self.box.text():
                self.box.clear()
                self._typed("")
                return True
        return super().eventFilter(watched, event)

    def _activated(self, index: QModelIndex) -> None:
        place = index.data(PlaceRole)
        if isinstance(place, Place):
            self._take(place)

    def _enter(self) -> None:
        """Enter in the box: the highlighted row, else the first place that matches; never the
        text itself."""
        popup = self.completer.popup()
        highlighted = popup.currentIndex() if popup.isVisible() else QModelIndex()
        popup.hide()
        if highlighted.isValid():
            self._activated(highlighted)
            return
        text = self.box.text()
        if self.current is not None and text == self.label(self.current):
            return
        found = self._listed(text)
        if found:
            self._take(found[0])
        elif text.strip():
            self._say(self.tr("No store or region matches “{text}”.").format(text=text.strip()))

    def _take(self, place: Place | None) -> None:
        changed = place != self.current
        self.current = place
        self._show_current()
        if changed:
            self.chosen.emit(place)

    def _show_current(self) -> None:
        self.box.setText(self.label(self.current) if self.current is not None else "")

    # --- near me ----------------------------------------------------------------------------

    def _near_toggled(self, on: bool) -> None:
        if on and not self.home:
            self.near.setChecked(False)
            self._say(
                self.tr(
                    "This station does not know where it is. Head office sets the station's "
                    "region on the console's Stations page; it arrives with the next sync."
                )
            )
            return
        self.note.hide()
        self._fill(self._listed(""))
        if on:
            self.box.setFocus()
            self._open_list()

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.show()
