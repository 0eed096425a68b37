"""Station settings for the administrator: general options, sound, operators, plus area pages.

Every change is saved the moment it is made (there is no "Apply" to forget);
areas such as the scanners add their own page with ``add_page``.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import shiboken6
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSlider,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import operators
from app.domain.operators import ROLE_TITLES, Operator, OperatorError, Role
from app.domain.workflows.base import Outcome
from app.ui.context import ShellContext
from app.ui.login import pin_field
from app.ui.translations import translate_template
from app.ui.wedge_filter import ALLOW_IME_PROPERTY

log = logging.getLogger(__name__)


class GeneralPage(QWidget):
    station_name_changed = Signal(str)

    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        settings = context.settings
        self._settings = settings
        self.language = QComboBox(self)
        self.language.addItem(self.tr("Same as the computer"), "")
        self.language.addItem("简体中文", "zh_CN")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language or "")))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.language_note = QLabel(self.tr("A new language shows the next time Yima Scan starts."))
        self.language_note.setWordWrap(True)
        self.language_note.setStyleSheet("color: #5f6368;")
        self.station_name = QLineEdit(settings.station_name, self)
        self.station_name.setMaxLength(60)
        self.station_name.setProperty(ALLOW_IME_PROPERTY, True)  # 仓库二号门 is typed in Chinese
        self.station_name.setPlaceholderText(self.tr("e.g. Warehouse 2, gate B"))
        self.station_name.editingFinished.connect(self.commit_station_name)
        self.strict = QCheckBox(
            self.tr("Strict mode: refuse codes this station cannot verify"), self
        )
        self.strict.setChecked(settings.strict_mode)
        self.strict.toggled.connect(self._strict_changed)
        strict_note = QLabel(
            self.tr(
                "Off: an unknown code is accepted with a warning and checked by the server later. "
                "On: it is refused at once."
            ),
            self,
        )
        strict_note.setWordWrap(True)
        strict_note.setStyleSheet("color: #5f6368;")
        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language)
        form.addRow("", self.language_note)
        form.addRow(self.tr("Station name"), self.station_name)
        form.addRow("", self.strict)
        form.addRow("", strict_note)

    def _language_changed(self) -> None:
        self._settings.language = self.language.currentData() or None

    def commit_station_name(self) -> None:
        name = self.station_name.text().strip()
        if name != self._settings.station_name:
            self._settings.station_name = name
            self.station_name_changed.emit(name)

    def _strict_changed(self, on: bool) -> None:
        self._settings.strict_mode = on


class SoundPage(QWidget):
    def __init__(self, context: ShellContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = context.settings
        self._sounds = context.sounds
        self.volume = QSlider(Qt.Orientation.Horizontal, self)
        self.volume.setRange(0, 100)
        self.volume.setSingleStep(5)
        self.volume.setPageStep(10)
        self.volume.setValue(self._settings.sound_volume)
        self.volume_label = QLabel(f"{self.volume.value()} %", self)
        self.volume_label.setMinimumWidth(48)
        self.volume.valueChanged.connect(self._volume_changed)
        self.volume.sliderReleased.connect(self._save_volume)
        self.mute = QCheckBox(self.tr("Mute all sounds"), self)
        self.mute.setChecked(self._settings.sound_muted)
        self.mute.toggled.connect(self._mute_changed)
        self.flash = QCheckBox(self.tr("Flash the result panel on every scan"), self)
        self.flash.setChecked(self._settings.flash_enabled)
        self.flash.toggled.connect(self._flash_changed)
        volume_row = QHBoxLayout()
        volume_row.addWidget(self.volume, 1)
        volume_row.addWidget(self.volume_label)
        tests = QHBoxLayout()
        self.test_buttons: dict[Outcome, QPushButton] = {}
        for outcome, label in (
            (Outcome.OK, self.tr("Play OK")),
            (Outcome.WARNING, self.tr("Play warning")),
            (Outcome.ERROR, self.tr("Play error")),
            (Outcome.DONE, self.tr("Play done")),
        ):
            button = QPushButton(label, self)
            button.setMinimumHeight(40)
            button.clicked.connect(lambda _checked=False, o=outcome: self._sounds.play(o))
            self.test_buttons[outcome] = button
            tests.addWidget(button)
        self.device_note = QLabel(self)
        self.device_note.setWordWrap(True)
        self.device_note.setStyleSheet("color: #b06000;")
        if not self._sounds.audio_available():
            self.device_note.setText(
                self.tr(
                    "No speaker or headset was found on this computer, so the station is silent. "
                    "Colours and the flash still show every result."
                )
            )
        form = QFormLayout(self)
        form.addRow(self.tr("Volume"), volume_row)
        form.addRow("", self.mute)
        form.addRow(self.tr("Test"), tests)
        form.addRow("", self.device_note)
        form.addRow("", self.flash)

    def _volume_changed(self, value: int) -> None:
        self.volume_label.setText(f"{value} %")
        self._sounds.set_volume(value)
        if not self.volume.isSliderDown():  # dragging saves once, on release
            self._save_volume()

    def _save_volume(self) -> None:
        self._settings.sound_volume = self.volume.value()

    def _mute_changed(self, muted: bool) -> None:
        self._settings.sound_muted = muted
        self._sounds.set_muted(muted)

    def _flash_changed(self, on: bool) -> None:
        self._settings.flash_enabled = on


class OperatorsPage(QWidget):
    """Add operators, change their role, reset a forgotten PIN, take someone off the list, and
    print an operator's login badge (their id and PIN as a QR code: the login screen logs them
    in from one scan, so the badge is kept like a key)."""

    badge_written = Signal(object)  # Path of the badge PDF

    def __init__(self, context: ShellContext, me: Operator | None, parent: QWidget | None = None):
        super().__init__(parent)
        self._gateway = context.gateway
        self._badges = Path(context.data_dir) / "badges"
        self._me = me
        self.people = QListWidget(self)
        self.people.setStyleSheet("QListWidget::item { padding: 6px; }")
        self.people.currentItemChanged.connect(self._selected)
        self.name = QLineEdit(self)
        self.name.setMaxLength(40)
        self.name.setProperty(ALLOW_IME_PROPERTY, True)  # operators' names are Chinese
        self.role = QComboBox(self)
        for role in Role:
            self.role.addItem(translate_template(ROLE_TITLES[role], context="Roles"), role.value)
        self.pin = pin_field(self, height=0)
        self.pin.setPlaceholderText(self.tr("required for a new operator; empty keeps the PIN"))
        self.new_button = QPushButton(self.tr("New operator"), self)
        self.new_button.clicked.connect(self.start_new)
        self.add_button = QPushButton(self.tr("Add as new operator"), self)
        self.save_button = QPushButton(self.tr("Save changes"), self)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.add_button.clicked.connect(self.add_operator)
        self.save_button.clicked.connect(self.save_operator)
        self.remove_button.clicked.connect(self.remove_operator)
        self.badge_button = QPushButton(self.tr("Print login badge"), self)
        self.badge_button.setToolTip(
            self.tr("Type the operator's PIN first: the badge carries it, so keep it like a key")
        )
        self.badge_button.clicked.connect(self.print_badge)
        self.badge_written.connect(self._badge_written)
        self.notice = QLabel(self)
        self.notice.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("PIN"), self.pin)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.remove_button, self.badge_button):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        box = QGroupBox(self.tr("Operator"), self)
        inner = QVBoxLayout(box)
        inner.addWidget(self.new_button)
        inner.addLayout(form)
        inner.addLayout(buttons)
        inner.addWidget(self.notice)
        inner.addStretch(1)
        layout = QHBoxLayout(self)
        layout.addWidget(self.people, 2)
        layout.addWidget(box, 3)
        self.start_new()
        self.reload()

    def start_new(self) -> None:
        """Empty form for a new operator; warehouse is the usual role, never admin by accident."""
        self.people.setCurrentRow(-1)
        self.people.clearSelection()
        self.name.clear()
        self.pin.clear()
        self.role.setCurrentIndex(self.role.findData(Role.WAREHOUSE.value))
        self.name.setFocus()

    def reload(self, select: str | None = None) -> None:
        self._gateway.read(
            operators.list_operators, lambda people: self._show(people, select), self._failed
        )

    def _show(self, people: list[Operator], select: str | None) -> None:
        if not shiboken6.isValid(self.people):  # the dialog closed while the store read
            return
        self.people.clear()
        for person in people:
            item = QListWidgetItem(
                f"{person.name}  ·  {translate_template(ROLE_TITLES[person.role], context='Roles')}",
                self.people,
            )
            item.setData(Qt.ItemDataRole.UserRole, person)
            if person.id == select:
                self.people.setCurrentItem(item)
        self._selected()

    def selected(self) -> Operator | None:
        item = self.people.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _selected(self) -> None:
        person = self.selected()
        self.save_button.setEnabled(person is not None)
        self.badge_button.setEnabled(person is not None)
        self.remove_button.setEnabled(person is not None and person != self._me)
        if person is not None:
            self.name.setText(person.name)
            self.role.setCurrentIndex(self.role.findData(person.role.value))
        self.pin.clear()

    def add_operator(self) -> None:
        name, role, pin = self.name.text(), Role(self.role.currentData()), self.pin.text()
        self._gateway.write(
            lambda conn: operators.create_operator(conn, name, pin, role),
            lambda person: self._done(self.tr("%1 was added.").replace("%1", person.name), person),
            self._failed,
        )

    def save_operator(self) -> None:
        person = self.selected()
        if person is None:
            return
        name, role, pin = self.name.text(), Role(self.role.currentData()), self.pin.text() or None
        self._gateway.write(
            lambda conn: operators.update_operator(conn, person.id, name=name, role=role, pin=pin),
            lambda changed: self._done(self.tr("Saved."), changed),
            self._failed,
        )

    def remove_operator(self) -> None:
        person = self.selected()
        if person is None or person == self._me:
            return
        self._gateway.write(
            lambda conn: operators.remove_operator(conn, person.id),
            lambda _none: self._done(
                self.tr("%1 can no longer log in.").replace("%1", person.name), None
            ),
            self._failed,
        )

    def print_badge(self) -> None:
        """The selected operator's badge as a PDF, once the PIN typed here is theirs."""
        person, pin = self.selected(), self.pin.text()
        if person is None or not pin:
            self._refuse(self.tr("Type the operator's PIN, then print the badge."))
            return
        self._gateway.read(
            lambda conn: operators.verify_pin(conn, person.id, pin),
            lambda ok: self._write_badge(ok, pin),
            self._failed,
        )

    def _write_badge(self, person: Operator | None, pin: str) -> None:
        if person is None:
            self._refuse(self.tr("That is not this operator's PIN: no badge was printed."))
            return
        from app.ui.warehouse.printing import SheetEntry, write_command_sheet

        role = translate_template(ROLE_TITLES[person.role], context="Roles")
        entry = SheetEntry(person.name, role, operators.badge_text(person.id, pin))
        title = self.tr("Yima Scan · login badge")
        path = self._badges / f"badge-{person.id}.pdf"

        def run() -> None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_command_sheet(path, [(person.name, [entry])], title)
            except OSError:
                log.exception("badge not written")
                return
            self.badge_written.emit(path)

        threading.Thread(target=run, name="badge-pdf", daemon=True).start()

    def _badge_written(self, path: Path) -> None:
        if shiboken6.isValid(self.notice):
            self.pin.clear()
            self.notice.setStyleSheet("color: #1e8e3e;")
            self.notice.setText(self.tr("Badge saved: %1").replace("%1", str(path)))

    def _refuse(self, text: str) -> None:
        self.notice.setStyleSheet("color: #c5221f; font-weight: bold;")
        self.notice.setText(text)

    def _done(self, text: str, person: Operator | None) -> None:
        self.notice.setStyleSheet("color: #1e8e3e;")
        self.notice.setText(text)
        self.reload(select=person.id if person else None)

    def _failed(self, error: BaseException) -> None:
        self.notice.setStyleSheet("color: #c5221f; font-weight: bold;")
        if isinstance(error, OperatorError):
            self.notice.setText(translate_template(error.message))
        else:
            self.notice.setText(
                self.tr("The change was not saved: the station database did not accept it.")
            )


class SettingsDialog(QDialog):
    station_name_changed = Signal(str)

    def __init__(
        self, context: ShellContext, *, operator: Operator | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        # Roomy where the screen allows (the scanner list and the wedge options share a page),
        # never larger than an 800×600 handheld's screen, nor than the window it opens over.
        screen = (
            parent.screen() if parent is not None else None
        ) or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1000, 720)
        if parent is not None:
            room = room.boundedTo(parent.window().size())
        width, height = min(960, room.width() - 40), min(680, room.height() - 40)
        self.resize(max(width, 600), max(height, 440))
        self.nav = QListWidget(self)
        self.nav.setMaximumWidth(180)
        self.nav.setStyleSheet("QListWidget::item { padding: 8px; }")
        self.stack = QStackedWidget(self)
        self.nav.currentRowChanged.connect(self._show_row)
        self.general = GeneralPage(context, self)
        self.general.station_name_changed.connect(self.station_name_changed)
        self.sound = SoundPage(context, self)
        self.operators = OperatorsPage(context, operator, self)
        self.add_page(self.tr("General"), self.general)
        self.add_page(self.tr("Sound"), self.sound)
        self.add_page(self.tr("Operators"), self.operators)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        # a tall page (the scanners' options) scrolls rather than push Close off a handheld
        pages = QScrollArea(self)
        pages.setWidgetResizable(True)
        pages.setFrameShape(QFrame.Shape.NoFrame)
        pages.setWidget(self.stack)
        body.addWidget(pages, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(close)
        self.nav.setCurrentRow(0)

    def _show_row(self, row: int) -> None:
        """Bring page ``row`` to the front, as tall as itself: a stack is as tall as its tallest
        page, so every page scrolled by the scanners' page's height (a bar beside 'General')."""
        for index in range(self.stack.count()):
            policy = QSizePolicy.Policy.Preferred if index == row else QSizePolicy.Policy.Ignored
            self.stack.widget(index).setSizePolicy(policy, policy)
        self.stack.setCurrentIndex(row)

    def done(self, result: int) -> None:
        self.general.commit_station_name()  # Esc closes without the field losing focus
        super().done(result)

    def add_page(self, title: str, widget: QWidget) -> None:
        """Host another area's settings page (the scanner page, sync, ...)."""
        QListWidgetItem(title, self.nav)
        self.stack.addWidget(widget)
        if self.nav.currentRow() >= 0:  # a page added behind the one in front waits its turn
            self._show_row(self.nav.currentRow())

    def show_page(self, title: str) -> bool:
        """Bring the page titled ``title`` to the front; False if there is none."""
        for row in range(self.nav.count()):
            if self.nav.item(row).text() == title:
                self.nav.setCurrentRow(row)
                return True
        return False
