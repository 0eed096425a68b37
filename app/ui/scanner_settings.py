"""The scanner page in settings: every source with its state and last scan, the wedge's options, the self-test.

The table model follows the bridge: a state change or a scan updates one row
(``dataChanged``), adding or removing a source resets it. Changes are saved to
the station's settings file at once (``scanner_sources`` and ``scanner.wedge``)
and applied to the running bridge, so a fix needs no restart.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.i18n import QT_TRANSLATE_NOOP
from app.ui.scan_bridge import ScanBridge, SourceInfo
from app.ui.scanner_names import scanner_title
from app.ui.scanner_wizard import fill
from hardware.layouts import LAYOUT_NAMES
from hardware.scan import Scan
from hardware.source import STATE_LABELS, Rejection, SourceState
from hardware.spec import SpecError, parse
from hardware.wedge import WedgeConfig

WEDGE_KEY = "scanner.wedge"

_STATE_COLOURS = {
    SourceState.CONNECTED: QColor("#1b7f3b"),
    SourceState.DISCONNECTED: QColor("#b3261e"),
    SourceState.RECONNECTING: QColor("#b26a00"),
}


def wedge_config_from(settings: Any) -> WedgeConfig:
    """The wedge options saved in the station's settings (defaults for anything missing)."""
    stored = settings.get(WEDGE_KEY) if settings is not None else None
    return WedgeConfig.from_dict(stored) if isinstance(stored, dict) else WedgeConfig()


class SourcesModel(QAbstractTableModel):
    """One row per running source."""

    NAME, STATE, LAST_SCAN, LAST_TIME, COUNT, PROBLEM = range(6)
    _HEADERS = (
        QT_TRANSLATE_NOOP("ScannerSettings", "Scanner"),
        QT_TRANSLATE_NOOP("ScannerSettings", "State"),
        QT_TRANSLATE_NOOP("ScannerSettings", "Last scan"),
        QT_TRANSLATE_NOOP("ScannerSettings", "Time"),
        QT_TRANSLATE_NOOP("ScannerSettings", "Scans"),
        QT_TRANSLATE_NOOP("ScannerSettings", "Problem"),
    )

    def __init__(self, bridge: ScanBridge, parent: Any = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self._rows: list[SourceInfo] = list(bridge.sources)
        bridge.sourcesChanged.connect(self.refresh)
        bridge.stateChanged.connect(self._state_changed)
        bridge.scanned.connect(self._scanned)
        bridge.rejected.connect(self._rejected)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self._HEADERS)
        ):
            return QCoreApplication.translate("ScannerSettings", self._HEADERS[section])
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(info, column)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATE:
            return _STATE_COLOURS.get(info.state)
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.NAME, self.PROBLEM):
            return str(info.spec) if column == self.NAME else (info.source.detail or None)
        if role == Qt.ItemDataRole.UserRole:
            return info.name
        return None

    def _display(self, info: SourceInfo, column: int) -> Any:
        if column == self.NAME:
            return scanner_title(info.name)  # the spec is in the tooltip, for IT
        if column == self.STATE:
            return QCoreApplication.translate("Scanners", STATE_LABELS[info.state])
        if column == self.LAST_SCAN:
            return _printable(info.last_scan.text) if info.last_scan else ""
        if column == self.LAST_TIME:
            return (
                info.last_scan.wall_time.astimezone().strftime("%H:%M:%S") if info.last_scan else ""
            )
        if column == self.COUNT:
            return info.count
        if column == self.PROBLEM:
            rejection = info.last_rejection
            if rejection is not None:
                return fill("Scanners", rejection.message, rejection.params)
            if info.state in (SourceState.DISCONNECTED, SourceState.RECONNECTING):
                return info.source.detail
        return None

    def refresh(self) -> None:
        self.beginResetModel()
        self._rows = list(self.bridge.sources)
        self.endResetModel()

    def name_at(self, row: int) -> str | None:
        return self._rows[row].name if 0 <= row < len(self._rows) else None

    def _row_changed(self, name: str, first: int, last: int) -> None:
        for row, info in enumerate(self._rows):
            if info.name == name:
                self.dataChanged.emit(self.index(row, first), self.index(row, last))

    def _state_changed(self, name: str, _state: str) -> None:
        self._row_changed(name, self.STATE, self.PROBLEM)

    def _scanned(self, scan: Scan) -> None:
        self._row_changed(scan.source, self.LAST_SCAN, self.COUNT)

    def _rejected(self, rejection: Rejection) -> None:
        self._row_changed(rejection.source, self.PROBLEM, self.PROBLEM)


def _printable(text: str) -> str:
    """Control characters made visible: GS as ␝, so a lost separator shows."""
    return "".join(chr(0x2400 + ord(c)) if ord(c) < 0x20 else c for c in text)


class SpecSuggestions(QAbstractListModel):
    """The "add a scanner" box's suggestions: the list names each scanner in words (串口扫码枪
    ttyS0), and choosing one puts its spec in the box for IT to complete (an editable combo box
    takes an entry's EditRole)."""

    def __init__(self, specs: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._specs = specs

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._specs)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._specs):
            return None
        spec = self._specs[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return scanner_title(spec.partition("?")[0])
        if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole):
            return spec
        return None


class ScannerSettingsPage(QWidget):
    """Host it in the settings dialog: ``dialog.add_page(tr("Scanners"), ScannerSettingsPage(bridge, settings))``."""

    changed = Signal()  # sources or wedge options changed and were saved

    def __init__(
        self, bridge: ScanBridge, settings: Any = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.settings = settings
        self._loading = False
        self.wizard = None
        self.model = SourcesModel(bridge, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setTabKeyNavigation(False)  # Tab leaves the table: the keyboard reaches the rest

        self.spec_box = QComboBox(self)
        self.spec_box.setEditable(True)
        self.spec_box.setToolTip(
            self.tr(
                "wedge, serial:COM3?baud=9600, serial:usb:VID:PID, tcp:HOST:PORT, camera:0, file:VIDEO, image:PICTURE"
            )
        )
        self._suggest_specs()
        add = QPushButton(self.tr("Add scanner"), self)
        add.clicked.connect(self.add_source)
        self.remove_button = QPushButton(self.tr("Remove"), self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #b3261e")
        self.error.setWordWrap(True)
        self.selftest_button = QPushButton(self.tr("Scanner self-test…"), self)
        self.selftest_button.clicked.connect(self.open_wizard)

        row = QHBoxLayout()
        row.addWidget(self.spec_box, 1)
        row.addWidget(add)
        row.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        layout.addWidget(self._wedge_group())
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.selftest_button)
        layout.addLayout(bottom)

    # -- sources -----------------------------------------------------------------------------

    def _suggest_specs(self) -> None:
        suggestions = ["wedge"]
        try:
            from serial.tools import list_ports

            for port in list_ports.comports():
                if port.vid is not None and port.pid is not None:
                    usb = f"serial:usb:{port.vid:04x}:{port.pid:04x}"
                    suggestions.append(f"{usb}:{port.serial_number}" if port.serial_number else usb)
                else:
                    suggestions.append(f"serial:{port.device}")
        except OSError:
            pass  # no serial ports to list on this machine
        suggestions += ["camera:0", "tcp:192.168.1.50:2001"]
        self.spec_box.setModel(SpecSuggestions(suggestions, self.spec_box))
        self.spec_box.setCurrentText("")

    def add_source(self) -> bool:
        text = self.spec_box.currentText().strip()
        try:
            spec = parse(text)
            self.bridge.add(spec)
        except SpecError as exc:
            self.error.setText(fill("Scanners", exc.message, exc.params))
            return False
        except (OSError, ValueError) as exc:
            self.error.setText(
                self.tr("This scanner could not be started: %1").replace("%1", str(exc))
            )
            return False
        self.error.clear()
        self._save_sources()
        return True

    def remove_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        name = self.model.name_at(rows[0].row()) if rows else None
        if name is None:
            return
        self.bridge.remove(name)
        self._save_sources()

    def _save_sources(self) -> None:
        if self.settings is not None:
            self.settings.scanner_sources = [str(info.spec) for info in self.bridge.sources]
        self.changed.emit()

    # -- wedge -------------------------------------------------------------------------------

    def _wedge_group(self) -> QGroupBox:
        group = QGroupBox(self.tr("Keyboard-wedge (USB) guns"), self)
        form = QFormLayout(group)
        config = self.bridge.wedge_config
        self.gap = QSpinBox(group)
        self.gap.setRange(5, 200)
        self.gap.setSuffix(" ms")
        self.gap.setToolTip(
            self.tr("Keys closer together than this are a gun; a person types slower.")
        )
        self.min_length = QSpinBox(group)
        self.min_length.setRange(1, 50)
        self.terminators = QComboBox(group)
        for value, label in (
            ("enter_or_tab", self.tr("Enter or Tab")),
            ("enter", self.tr("Enter")),
            ("tab", self.tr("Tab")),
            ("none", self.tr("None: the pause after the code")),
        ):
            self.terminators.addItem(label, value)
        self.prefix = QLineEdit(group)
        self.suffix = QLineEdit(group)
        self.gs_substitute = QLineEdit(group)
        self.gs_substitute.setPlaceholderText(self.tr("e.g. ~ when the gun cannot type Ctrl+]"))
        self.caps = QCheckBox(self.tr("Correct letters inverted by Caps Lock"), group)
        self.layout_remap = QComboBox(group)
        self.layout_remap.addItem(self.tr("No (the gun matches the PC keyboard)"), "")
        for key, name in LAYOUT_NAMES.items():
            self.layout_remap.addItem(QCoreApplication.translate("Scanners", name), key)
        self.ime_guard = QCheckBox(self.tr("Keep the input method out of the gun's way"), group)
        self.require_terminator = QCheckBox(
            self.tr("Every code ends with it: hold a code until it comes"), group
        )
        self.require_terminator.setToolTip(
            self.tr(
                "Set by the self-test when the gun sent its Enter after every code. A pause inside "
                "a code then cannot split it, and a code that never gets its end is refused."
            )
        )
        self.aim_ids = QCheckBox(
            self.tr("Every code starts with its symbology identifier (]d2, ]Q1…)"), group
        )
        self.aim_ids.setToolTip(
            self.tr("A read without one is a piece of a code and is refused: scan it again.")
        )
        form.addRow(self.tr("Longest gap between a gun's keys"), self.gap)
        form.addRow(self.tr("Shortest code"), self.min_length)
        form.addRow(self.tr("End of a code"), self.terminators)
        form.addRow(self.require_terminator)
        form.addRow(self.aim_ids)
        form.addRow(self.tr("Prefix to remove"), self.prefix)
        form.addRow(self.tr("Suffix to remove"), self.suffix)
        form.addRow(self.tr("GS sent as"), self.gs_substitute)
        form.addRow(self.tr("US gun on a keyboard layout"), self.layout_remap)
        form.addRow(self.caps)
        form.addRow(self.ime_guard)
        self.show_wedge_config(config)
        for spin in (self.gap, self.min_length):
            spin.valueChanged.connect(self._wedge_edited)
        for combo in (self.terminators, self.layout_remap):
            combo.currentIndexChanged.connect(self._wedge_edited)
        for edit in (self.prefix, self.suffix, self.gs_substitute):
            edit.editingFinished.connect(self._wedge_edited)
        for box in (self.caps, self.ime_guard, self.require_terminator, self.aim_ids):
            box.toggled.connect(self._wedge_edited)
        return group

    def show_wedge_config(self, config: WedgeConfig) -> None:
        self._loading = True
        try:
            self.gap.setValue(round(config.max_gap_ms))
            self.min_length.setValue(config.min_length)
            self.terminators.setCurrentIndex(max(0, self.terminators.findData(config.terminators)))
            self.prefix.setText(config.prefix)
            self.suffix.setText(config.suffix)
            self.gs_substitute.setText(config.gs_substitute)
            self.caps.setChecked(config.caps_lock_correction)
            self.layout_remap.setCurrentIndex(
                max(0, self.layout_remap.findData(config.layout_remap))
            )
            self.ime_guard.setChecked(config.ime_guard)
            self.require_terminator.setChecked(config.require_terminator)
            self.aim_ids.setChecked(config.aim_ids)
        finally:
            self._loading = False

    def wedge_config(self) -> WedgeConfig:
        """The settings as shown (what the page does not show is kept as it was)."""
        return replace(
            self.bridge.wedge_config,
            max_gap_ms=float(self.gap.value()),
            min_length=self.min_length.value(),
            terminators=str(self.terminators.currentData()),
            prefix=self.prefix.text(),
            suffix=self.suffix.text(),
            gs_substitute=self.gs_substitute.text(),
            caps_lock_correction=self.caps.isChecked(),
            layout_remap=str(self.layout_remap.currentData() or ""),
            ime_guard=self.ime_guard.isChecked(),
            require_terminator=self.require_terminator.isChecked(),
            aim_ids=self.aim_ids.isChecked(),
        )

    def _wedge_edited(self) -> None:
        if self._loading:
            return
        config = self.wedge_config()
        self.bridge.set_wedge_config(config)
        if self.settings is not None:
            self.settings.set(WEDGE_KEY, config.to_dict())
        self.changed.emit()

    # -- self-test ---------------------------------------------------------------------------

    def open_wizard(self) -> None:
        from app.ui.scanner_wizard import ScannerWizard

        wizard = ScannerWizard(self.bridge, self)
        wizard.applied.connect(self._wizard_applied)
        wizard.open()
        self.wizard = wizard

    def _wizard_applied(self, _name: str) -> None:
        self.show_wedge_config(self.bridge.wedge_config)
        if self.settings is not None:
            self.settings.set(WEDGE_KEY, self.bridge.wedge_config.to_dict())
        self._save_sources()
