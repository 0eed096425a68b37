"""A supervisor approves undoing a redemption: their name, their PIN and a reason.

The PIN is checked on a reader thread (scrypt is deliberately slow), with the same lock-out
after repeated wrong PINs as the login. The dialog never writes: it emits ``approved`` with
the supervisor and the reason, and the page does the undo through the writer.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import operators
from app.domain.codes import command_text
from app.domain.operators import LoginThrottle, Operator, Role
from app.domain.workflows.counter.model import money
from app.domain.workflows.counter.redeem import UndoTarget
from app.ui.store_gateway import StoreGateway
from hardware.scan import Scan

APPROVERS = (Role.SUPERVISOR, Role.ADMIN)


class SupervisorDialog(QDialog):
    approved = Signal(object, str)  # Operator, reason

    def __init__(
        self, gateway: StoreGateway, target: UndoTarget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.gateway = gateway
        self.target = target
        self.throttle = LoginThrottle()
        self.setWindowTitle(self.tr("Supervisor approval"))
        self.setModal(True)
        what = QLabel(
            self.tr(
                "Undo the redemption of {prize} ({value}), voucher {voucher}, by {operator}?"
            ).format(
                prize=target.prize or target.voucher_id,
                value=money(target.value_cents),
                voucher=target.voucher_id,
                operator=target.operator_name,
            ),
            self,
        )
        what.setWordWrap(True)
        font = what.font()
        font.setPixelSize(18)
        what.setFont(font)
        self.supervisor = QComboBox(self)
        self.reason = QComboBox(self)
        self.reason.setEditable(True)
        self.reason.addItems(
            [
                self.tr("Scanned by mistake"),
                self.tr("Customer changed their mind"),
                self.tr("Prize out of stock"),
            ]
        )
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(operators.PIN_MAX_LENGTH)
        self.pin.setPlaceholderText(self.tr("Supervisor's PIN"))
        self.error = QLabel("", self)
        self.error.setStyleSheet("color: #c5221f; font-weight: bold;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Supervisor"), self.supervisor)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("PIN"), self.pin)
        self.buttons = QDialogButtonBox(self)
        self.approve = self.buttons.addButton(
            self.tr("Approve undo"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(
            self.tr("Keep the redemption"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.approve.setEnabled(False)
        self.resize(520, 280)
        self.gateway.read(
            lambda c: [o for o in operators.list_operators(c) if o.role in APPROVERS],
            self._fill,
        )

    def _fill(self, people: list[Operator]) -> None:
        for person in people:
            self.supervisor.addItem(person.name, person)
        if not people:
            self.error.setText(
                self.tr("No supervisor is set up on this station. Ask the administrator.")
            )
            return
        self.approve.setEnabled(True)
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def handle_scan(self, scan: Scan) -> bool:
        """A scan while the dialog is open (``ScanGate`` hands it here): a supervisor's badge
        approves like their PIN, CANCEL keeps the redemption; anything else is refused here,
        never acted on behind the dialog. False: the scan was not one this dialog takes."""
        badge = operators.read_badge(scan.text)
        if badge is not None:
            operator_id, pin = badge
            index = next(
                (i for i in range(self.supervisor.count())
                 if self.supervisor.itemData(i).id == operator_id),
                -1,
            )  # fmt: skip
            if index >= 0:
                self.supervisor.setCurrentIndex(index)
                self.pin.setText(pin)
                self._check()
                return True
        elif scan.text.strip().upper() == command_text("cancel"):
            self.reject()
            return True
        self.error.setText(
            self.tr("Scan a supervisor's badge or type their PIN; CANCEL keeps the redemption.")
        )
        return False

    def _check(self) -> None:
        wait = self.throttle.seconds_left()
        if wait > 0:
            self.error.setText(
                self.tr("Too many wrong PINs. Try again in {seconds} seconds.").format(
                    seconds=int(wait) + 1
                )
            )
            return
        person: Operator | None = self.supervisor.currentData()
        pin = self.pin.text()
        reason = self.reason.currentText().strip()
        if person is None or not pin:
            self.error.setText(self.tr("Pick the supervisor and type their PIN."))
            return
        if not reason:
            self.error.setText(self.tr("Say why the redemption is undone."))
            return
        self.approve.setEnabled(False)
        self.gateway.read(
            lambda c: operators.verify_pin(c, person.id, pin),
            lambda ok: self._checked(ok, reason),
            lambda _exc: self._checked(None, reason),
        )

    def _checked(self, person: Operator | None, reason: str) -> None:
        self.approve.setEnabled(True)
        if person is None or person.role not in APPROVERS:
            self.throttle.failed()
            self.pin.clear()
            self.error.setText(self.tr("Wrong PIN. Nothing was undone."))
            return
        self.throttle.succeeded()
        self.approved.emit(person, reason)
        self.accept()
