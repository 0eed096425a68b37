"""The settings dialog's "Label printer" page: where case and pallet labels print, the roll's
size, the network printer's font, and which labels are scanned back. Each change is saved the moment it is made, like
the rest of the settings; the warehouse page reads them at the next package it closes."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from app.settings import Settings


class PrinterSettingsPage(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.kind = QComboBox(self)
        for kind, text in (
            ("none", self.tr("No labels")),
            ("system", self.tr("This computer's printer")),
            ("zpl", self.tr("Network label printer, ZPL (Zebra)")),
            ("tspl", self.tr("Network label printer, TSPL (TSC, Gprinter, Xprinter)")),
        ):
            self.kind.addItem(text, kind)
        self.kind.setCurrentIndex(max(0, self.kind.findData(settings.label_printer)))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.host = QLineEdit(settings.label_printer_host, self)
        self.host.setPlaceholderText("192.168.1.50")
        self.host.editingFinished.connect(self._host_changed)
        self.port = self._spin(1, 65535, settings.label_printer_port, "label_printer_port")
        self.width = self._spin(20, 220, settings.label_width_mm, "label_width_mm", " mm")
        self.height = self._spin(15, 400, settings.label_height_mm, "label_height_mm", " mm")
        self.dpi = self._spin(100, 600, settings.label_dpi, "label_dpi", " dpi")
        self.label_font = QLineEdit(settings.label_font, self)
        self.label_font.setPlaceholderText(self.tr("The printer's own font"))
        self.label_font.editingFinished.connect(self._font_changed)
        self.label_font_note = self._note(
            self.tr(
                "Empty: the printer's own font (ZPL 0, TSPL 3). It has Latin letters only, so "
                "the station draws Chinese text and sends it as a picture, which every label "
                "printer prints. If a Chinese font is stored on the printer, enter its name "
                "(Zebra: E:SIMSUN.TTF; Chinese TSPL printers: TSS24.BF2): then all text goes "
                "as text, in that font."
            )
        )
        self.verify_case = QCheckBox(self.tr("Case labels"), self)
        self.verify_pallet = QCheckBox(self.tr("Pallet labels"), self)
        for box, level in ((self.verify_case, "case"), (self.verify_pallet, "pallet")):
            box.setChecked(level in settings.verify_labels)
            box.toggled.connect(self._verify_changed)
        self.delivery_note = QCheckBox(
            self.tr("Print the delivery note on this computer's printer when a shipment finishes"),
            self,
        )
        self.delivery_note.setChecked(settings.print_delivery_note)
        self.delivery_note.toggled.connect(self._delivery_note_changed)
        note = self._note(
            self.tr(
                "A label that is scanned back is checked before the next package starts: a "
                "label roll out of step shows at once."
            )
        )
        form = QFormLayout(self)
        form.addRow(self.tr("Labels print on"), self.kind)
        form.addRow(self.tr("Printer address"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Label width"), self.width)
        form.addRow(self.tr("Label height"), self.height)
        form.addRow(self.tr("Printer resolution"), self.dpi)
        form.addRow(self.tr("Label font"), self.label_font)
        form.addRow("", self.label_font_note)
        form.addRow(self.tr("Scan back after printing"), self.verify_case)
        form.addRow("", self.verify_pallet)
        form.addRow("", note)
        form.addRow("", self.delivery_note)
        self._kind_changed()

    def _note(self, text: str) -> QLabel:
        note = QLabel(text, self)
        note.setWordWrap(True)
        note.setStyleSheet("color: #5f6368;")
        return note

    def _spin(self, low: int, high: int, value: int, key: str, suffix: str = "") -> QSpinBox:
        spin = QSpinBox(self)
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        spin.valueChanged.connect(lambda v: setattr(self._settings, key, v))
        return spin

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        if kind != self._settings.label_printer:
            self._settings.label_printer = kind
        network = kind in ("zpl", "tspl")
        for widget in (self.host, self.port, self.dpi, self.label_font, self.label_font_note):
            widget.setEnabled(network)

    def _host_changed(self) -> None:
        self._settings.label_printer_host = self.host.text()

    def _font_changed(self) -> None:
        self._settings.label_font = self.label_font.text()

    def _verify_changed(self) -> None:
        self._settings.verify_labels = [
            level
            for box, level in ((self.verify_case, "case"), (self.verify_pallet, "pallet"))
            if box.isChecked()
        ]

    def _delivery_note_changed(self, on: bool) -> None:
        self._settings.print_delivery_note = on
