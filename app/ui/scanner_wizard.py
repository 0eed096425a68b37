"""The scanner self-test wizard: print the sheet, scan it, read what is wrong, apply the fixes.

While it is open the wizard is the dispatcher's handler, so the test scans go
to it and not to a workflow; it gives the handler back when it closes. The
diagnosis itself is ``hardware.selftest_sheet.diagnose`` (Qt-free); the wizard
only shows it and applies the chosen compensations to the wedge settings or
to the serial/TCP scanner's spec through the bridge.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from app.ui.scan_bridge import ScanBridge
from app.ui.scanner_names import scanner_title
from hardware.scan import Scan
from hardware.selftest_sheet import (
    CONTEXT,
    SHEET,
    Compensation,
    Finding,
    ReadCheck,
    apply_to_spec,
    apply_to_wedge,
    check_read,
    diagnose,
)
from hardware.source import Rejection

_SEVERITY_ICONS = {
    "error": QStyle.StandardPixmap.SP_MessageBoxCritical,
    "warning": QStyle.StandardPixmap.SP_MessageBoxWarning,
    "info": QStyle.StandardPixmap.SP_MessageBoxInformation,
    "ok": QStyle.StandardPixmap.SP_DialogApplyButton,
}
COMPENSATION_ROLE = Qt.ItemDataRole.UserRole + 1
_MINOR_FAULTS = {"prefix", "suffix", "gs_replaced", "no_terminator"}  # the station can compensate


def fill(context: str, template: str, params: dict[str, str]) -> str:
    """Translate an English template from the Qt-free code and fill its {placeholders}.

    A translation whose placeholders do not match falls back to the English text,
    so a slip in a .ts file never hides a message from the operator.
    """
    values = _translated(params)
    try:
        return QCoreApplication.translate(context, template).format(**values)
    except (KeyError, IndexError, ValueError):
        return template.format(**values)


def finding_text(finding: Finding) -> str:
    """The finding and its fix in the operator's language."""
    message = fill(CONTEXT, finding.message, finding.params)
    return message + "\n" + fill(CONTEXT, finding.fix, finding.params) if finding.fix else message


def compensation_text(compensation: Compensation) -> str:
    return fill(CONTEXT, compensation.label, compensation.params)


def _translated(params: dict[str, str]) -> dict[str, str]:
    """Parameters that are themselves templates (layout names, sheet labels) in the operator's language."""
    return {
        k: QCoreApplication.translate("Scanners", QCoreApplication.translate(CONTEXT, v))
        for k, v in params.items()
    }


class ScannerWizard(QDialog):
    applied = Signal(
        str
    )  # the name of the source whose settings changed ("wedge" or a serial spec name)

    def __init__(self, bridge: ScanBridge, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge = bridge
        self.setWindowTitle(self.tr("Scanner self-test"))
        self.resize(720, 520)
        self.received: list[Scan] = []
        self.rejections: list[Rejection] = []
        self.findings: list[Finding] = []
        self.checks: dict[str, ReadCheck] = {}  # sheet code key -> how its read arrived
        self._previous_handler = None
        self._listening = False
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._intro_page())
        self.stack.addWidget(self._scan_page())
        self.stack.addWidget(self._results_page())
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        bridge.rejected.connect(self._rejected)

    # -- pages -------------------------------------------------------------------------

    def _intro_page(self) -> QWidget:
        page = QWidget(self)
        text = QLabel(
            self.tr(
                "Most false errors come from a gun set up wrongly: keyboard layout, Caps Lock, a lost GS "
                "separator, an extra prefix, the wrong text encoding. Print the test sheet, then scan its "
                "six codes in order with the gun you want to check."
            ),
            page,
        )
        text.setWordWrap(True)
        self.source_box = QComboBox(page)
        for info in self.bridge.sources:
            if info.spec.kind in ("wedge", "serial", "tcp", "sim"):
                self.source_box.addItem(scanner_title(info.name), info.name)
        self.save_button = QPushButton(self.tr("Save the test sheet as PDF…"), page)
        self.save_button.clicked.connect(self.save_sheet)
        self.start_button = QPushButton(self.tr("Start scanning"), page)
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start_scanning)
        self.start_button.setEnabled(self.source_box.count() > 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Scanner to test:"), page))
        row.addWidget(self.source_box, 1)
        layout = QVBoxLayout(page)
        layout.addWidget(text)
        layout.addLayout(row)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        buttons.addWidget(self.start_button)
        layout.addLayout(buttons)
        return page

    def _scan_page(self) -> QWidget:
        page = QWidget(self)
        self.progress = QLabel(page)
        self.code_list = QListWidget(page)
        for code in SHEET:
            QListWidgetItem(QCoreApplication.translate(CONTEXT, code.label), self.code_list)
        self.results_button = QPushButton(self.tr("Show the results"), page)
        self.results_button.clicked.connect(self.show_results)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress)
        layout.addWidget(self.code_list, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.results_button)
        layout.addLayout(row)
        return page

    def _results_page(self) -> QWidget:
        page = QWidget(self)
        self.finding_list = QListWidget(page)
        self.finding_list.setWordWrap(True)
        self.apply_button = QPushButton(self.tr("Apply the ticked fixes"), page)
        self.apply_button.clicked.connect(self.apply_fixes)
        again = QPushButton(self.tr("Test again"), page)
        again.clicked.connect(self.start_scanning)
        close = QPushButton(self.tr("Close"), page)
        close.clicked.connect(self.accept)
        layout = QVBoxLayout(page)
        layout.addWidget(QLabel(self.tr("What the test found:"), page))
        layout.addWidget(self.finding_list, 1)
        row = QHBoxLayout()
        row.addWidget(again)
        row.addStretch(1)
        row.addWidget(self.apply_button)
        row.addWidget(close)
        layout.addLayout(row)
        return page

    # -- actions -------------------------------------------------------------------------

    @property
    def source_name(self) -> str:
        return str(self.source_box.currentData() or "")

    def save_sheet(self) -> None:
        from app.ui.scanner_sheet import write_pdf

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the test sheet"),
            f"{folder}/yima-scanner-test.pdf",
            self.tr("PDF (*.pdf)"),
        )
        if not path:
            return
        try:
            write_pdf(path)
        except OSError as exc:
            QMessageBox.warning(
                self,
                self.tr("Test sheet not saved"),
                self.tr("The test sheet could not be saved to %1 (%2). Choose another folder.")
                .replace("%1", path)
                .replace("%2", str(exc)),
            )
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))

    def start_scanning(self) -> None:
        self.received.clear()
        self.rejections.clear()
        self.checks.clear()
        self._listen(True)
        self._update_progress()
        self.stack.setCurrentIndex(1)

    def take(self, scan: Scan) -> None:
        """The dispatcher's handler while the wizard listens: record the test scan."""
        if scan.source != self.source_name:
            return
        self.received.append(scan)
        check = check_read(scan)
        if check is not None:
            self.checks[check.code.key] = check
        self._update_progress()
        if len(self.received) >= len(SHEET):
            self.show_results()

    def _rejected(self, rejection: Rejection) -> None:
        if self._listening and rejection.source == self.source_name:
            self.rejections.append(rejection)
            self._update_progress()

    def _update_progress(self) -> None:
        count = len(self.received) + len(self.rejections)
        self.progress.setText(
            self.tr("Scan the test sheet's codes in order. Read so far: %1 of %2.")
            .replace("%1", str(count))
            .replace("%2", str(len(SHEET)))
        )
        for row, code in enumerate(SHEET):
            item = self.code_list.item(row)
            label = QCoreApplication.translate(CONTEXT, code.label)
            check = self.checks.get(code.key)
            if check is None:
                item.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowRight))
                item.setText(label)
                continue
            minor = set(check.faults) <= _MINOR_FAULTS
            icon = (
                QStyle.StandardPixmap.SP_DialogApplyButton
                if check.exact
                else QStyle.StandardPixmap.SP_MessageBoxWarning
                if minor
                else QStyle.StandardPixmap.SP_MessageBoxCritical
            )
            item.setIcon(self.style().standardIcon(icon))
            faults = "; ".join(self._fault_text(kind) for kind in check.faults)
            item.setText(f"{label} — {faults}" if faults else label)

    def _fault_text(self, kind: str) -> str:
        """A few words on what is wrong with one read, next to its code in the list."""
        texts = {
            "caps_lock": self.tr("case swapped (Caps Lock)"),
            "case_converted": self.tr("case changed by the gun"),
            "layout": self.tr("characters changed by the keyboard layout"),
            "gs_lost": self.tr("GS separator lost"),
            "gs_replaced": self.tr("GS sent as another character"),
            "prefix": self.tr("extra characters in front"),
            "suffix": self.tr("extra characters after it"),
            "encoding": self.tr("Chinese garbled"),
            "truncated": self.tr("cut short"),
            "no_terminator": self.tr("no Enter after it"),
        }
        return texts.get(kind, kind)

    def show_results(self) -> None:
        self._listen(False)
        info = self.bridge.info(self.source_name)
        is_wedge = info is not None and info.spec.kind == "wedge"
        self.findings = diagnose(
            self.received,
            rejections=self.rejections,
            wedge=self.bridge.wedge_config if is_wedge else None,
            spec=info.spec if info is not None and not is_wedge else None,
        )
        self.finding_list.clear()
        for finding in self.findings:
            item = QListWidgetItem(
                self.style().standardIcon(_SEVERITY_ICONS[finding.severity]), finding_text(finding)
            )
            self.finding_list.addItem(item)
            if finding.compensation is not None:
                fix = QListWidgetItem(
                    self.tr("Let Yima Scan compensate: %1").replace(
                        "%1", compensation_text(finding.compensation)
                    )
                )
                fix.setFlags(fix.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                fix.setCheckState(Qt.CheckState.Checked)
                fix.setData(COMPENSATION_ROLE, finding.compensation)
                self.finding_list.addItem(fix)
        self.apply_button.setEnabled(bool(self.chosen_compensations()))
        self.stack.setCurrentIndex(2)

    def chosen_compensations(self) -> list[Compensation]:
        chosen = []
        for row in range(self.finding_list.count()):
            item = self.finding_list.item(row)
            compensation = item.data(COMPENSATION_ROLE)
            if compensation is not None and item.checkState() == Qt.CheckState.Checked:
                chosen.append(compensation)
        return chosen

    def apply_fixes(self) -> None:
        chosen = self.chosen_compensations()
        info = self.bridge.info(self.source_name)
        if not chosen or info is None:
            return
        if info.spec.kind == "wedge":
            self.bridge.set_wedge_config(apply_to_wedge(self.bridge.wedge_config, chosen))
            name = info.name
        else:
            spec = apply_to_spec(info.spec, chosen)
            self.bridge.remove(info.name)
            self.bridge.add(spec)
            name = spec.name
        self.apply_button.setEnabled(False)
        self.applied.emit(name)

    # -- the dispatcher --------------------------------------------------------------------

    def _listen(self, on: bool) -> None:
        if on and not self._listening:
            self._previous_handler = self.bridge.dispatcher.set_handler(self.take)
            self._listening = True
        elif not on and self._listening:
            self.bridge.dispatcher.set_handler(self._previous_handler)
            self._previous_handler = None
            self._listening = False

    def done(self, result: int) -> None:
        self._listen(False)
        super().done(result)
