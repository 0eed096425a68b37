"""Signing in with the keyboard alone: pick your name with the arrow keys, type the PIN, Enter.

A fresh station has no operators, so the same screen first asks for the
administrator's name and PIN. PIN checks (scrypt, deliberately slow) and all
reads run on the store's threads; after five wrong PINs the screen locks for
thirty seconds and counts down, so guessing a PIN at the counter is pointless.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import operators
from app.domain.operators import LoginThrottle, Operator, OperatorError, Role
from app.ui.store_gateway import StoreGateway
from app.ui.translations import translate_template
from app.ui.wedge_filter import ALLOW_IME_PROPERTY
from hardware.scan import Scan

log = logging.getLogger(__name__)

PIN_PATTERN = rf"\d{{0,{operators.PIN_MAX_LENGTH}}}"


def pin_field(parent: QWidget, *, height: int = 44) -> QLineEdit:
    field = QLineEdit(parent)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(PIN_PATTERN, field))
    field.setMaxLength(operators.PIN_MAX_LENGTH)
    field.setInputMethodHints(
        Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData
    )
    field.setMinimumHeight(height)
    return field


class _ArrowKeysToList(QObject):
    """Up/Down typed in the PIN field move the operator selection: no mouse needed."""

    def __init__(self, target: QListWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}.get(Qt.Key(event.key()))
            if step is not None and self._target.count():
                row = (self._target.currentRow() + step) % self._target.count()
                self._target.setCurrentRow(row)
                return True
        return False


class LoginScreen(QWidget):
    """Emits ``logged_in(Operator)`` once a PIN matched (or the first admin was created)."""

    logged_in = Signal(object)

    def __init__(
        self,
        gateway: StoreGateway,
        *,
        last_operator_id: str | None = None,
        throttle: LoginThrottle | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("LoginScreen")
        self._gateway = gateway
        self._last_operator_id = last_operator_id
        self.throttle = throttle or LoginThrottle()
        self._busy = False

        self.title = QLabel(self)
        title_font = QFont(self.font())
        title_font.setPixelSize(30)
        title_font.setBold(True)
        self.title.setFont(title_font)
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice = QLabel(self)
        self.notice.setObjectName("LoginNotice")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.notice.setWordWrap(True)
        notice_font = QFont(self.font())
        notice_font.setPixelSize(18)
        self.notice.setFont(notice_font)

        self.hint = QLabel(self)
        self.hint.setObjectName("LoginHint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #1a73e8;")
        self.hint.hide()
        self.forms = QStackedWidget(self)
        self.forms.addWidget(self._build_login_form())
        self.forms.addWidget(self._build_setup_form())
        self.forms.addWidget(QWidget(self))  # shown while the operator list loads

        box = QWidget(self)
        box.setMaximumWidth(520)
        inner = QVBoxLayout(box)
        inner.addWidget(self.title)
        inner.addSpacing(12)
        inner.addWidget(self.forms)
        inner.addWidget(self.notice)
        inner.addWidget(self.hint)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self._countdown = QTimer(self)
        self._countdown.setInterval(250)
        self._countdown.timeout.connect(self._tick_lockout)
        label_font = QFont(self.font())
        label_font.setPixelSize(17)
        for label in (self.choose_label, self.pin_label, self.setup_intro, *self.setup_labels):
            label.setFont(label_font)
        for button in (self.login_button, self.setup_button):
            button.setFont(label_font)
        big_font = QFont(self.font())
        big_font.setPixelSize(22)
        for widget in (
            self.operator_list,
            self.pin,
            self.setup_name,
            self.setup_pin,
            self.setup_repeat,
        ):
            widget.setFont(big_font)
        self.operator_list.setStyleSheet("QListWidget::item { padding: 6px; }")

    # --- building ----------------------------------------------------------------------

    def _build_login_form(self) -> QWidget:
        form = QWidget(self)
        self.operator_list = QListWidget(form)
        self.operator_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.operator_list.setMinimumHeight(160)
        self.operator_list.itemClicked.connect(lambda _item: self.pin.setFocus())
        self.pin_label = QLabel(form)
        self.pin = pin_field(form)
        self.pin.installEventFilter(_ArrowKeysToList(self.operator_list, self.pin))
        self.pin.returnPressed.connect(self.submit_pin)
        self.login_button = QPushButton(form)
        self.login_button.setMinimumHeight(44)
        self.login_button.clicked.connect(self.submit_pin)
        self.login_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(form)
        layout.setContentsMargins(0, 0, 0, 0)
        self.choose_label = QLabel(form)
        layout.addWidget(self.choose_label)
        layout.addWidget(self.operator_list)
        layout.addWidget(self.pin_label)
        layout.addWidget(self.pin)
        layout.addWidget(self.login_button)
        return form

    def _build_setup_form(self) -> QWidget:
        form = QWidget(self)
        self.setup_intro = QLabel(form)
        self.setup_intro.setWordWrap(True)
        self.setup_name = QLineEdit(form)
        self.setup_name.setMaxLength(40)
        self.setup_name.setProperty(ALLOW_IME_PROPERTY, True)  # the administrator's Chinese name
        self.setup_pin = pin_field(form)
        self.setup_repeat = pin_field(form)
        self.setup_name.setMinimumHeight(44)
        self.setup_name.returnPressed.connect(self.setup_pin.setFocus)
        self.setup_pin.returnPressed.connect(self.setup_repeat.setFocus)
        self.setup_repeat.returnPressed.connect(self.submit_setup)
        self.setup_button = QPushButton(form)
        self.setup_button.setMinimumHeight(44)
        self.setup_button.clicked.connect(self.submit_setup)
        self.setup_labels = [QLabel(form) for _ in range(3)]
        self.setup_fields = QFormLayout()
        for label, field in zip(
            self.setup_labels, (self.setup_name, self.setup_pin, self.setup_repeat), strict=True
        ):
            label.setBuddy(field)
            self.setup_fields.addRow(label, field)
        layout = QVBoxLayout(form)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.setup_intro)
        layout.addLayout(self.setup_fields)
        layout.addWidget(self.setup_button)
        return form

    def _retranslate(self) -> None:
        self.choose_label.setText(self.tr("Who is working? (↑ ↓ to choose)"))
        self.pin_label.setText(self.tr("PIN, then Enter"))
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.login_button.setText(self.tr("Log in"))
        self.setup_intro.setText(
            self.tr(
                "This station has no operators yet. Create the administrator: the administrator "
                "adds the other operators later in Settings."
            )
        )
        name, pin, repeat = self.setup_labels
        name.setText(self.tr("Name"))
        pin.setText(self.tr("PIN (4–12 digits)"))
        repeat.setText(self.tr("PIN again"))
        self.setup_button.setText(self.tr("Create administrator"))

    # --- flow --------------------------------------------------------------------------

    def start(self) -> None:
        """(Re)load the operator list; called when the screen is shown and after logout."""
        self._retranslate()
        self.title.setText(self.tr("Yima Scan"))
        self.notice.clear()
        self.pin.clear()
        self.forms.setCurrentIndex(2)
        self._gateway.read(operators.list_operators, self._operators_loaded, self._store_failed)

    def _operators_loaded(self, people: list[Operator]) -> None:
        self.operator_list.clear()
        if not people:
            self.title.setText(self.tr("Set up this station"))
            self.forms.setCurrentIndex(1)
            self.setup_name.setFocus()
            return
        self.title.setText(self.tr("Log in"))
        current = 0
        for row, person in enumerate(people):
            item = QListWidgetItem(person.name, self.operator_list)
            item.setData(Qt.ItemDataRole.UserRole, person)
            if person.id == self._last_operator_id:
                current = row
        self.operator_list.setCurrentRow(current)
        self.forms.setCurrentIndex(0)
        self.pin.setFocus()
        self._tick_lockout()

    def set_hint(self, text: str) -> None:
        """A standing note under the form, e.g. the demo station's PIN."""
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def selected_operator(self) -> Operator | None:
        item = self.operator_list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def submit_pin(self) -> None:
        person = self.selected_operator()
        pin = self.pin.text()
        if self._busy or person is None or self.throttle.seconds_left() > 0:
            return
        if not pin:
            self._say(self.tr("Type your PIN, then press Enter."), error=True)
            return
        self._busy = True
        self.pin.setEnabled(False)
        self._gateway.read(
            lambda conn: operators.verify_pin(conn, person.id, pin),
            self._pin_checked,
            self._store_failed,
        )

    def handle_scan(self, scan: Scan) -> bool:
        """A scan while nobody is logged in: a badge logs its operator in (through the same PIN
        check and lock-out as typing); anything else says "log in first". False: not a badge."""
        badge = operators.read_badge(scan.text)
        if badge is None:
            self._say(self.tr("Nothing was recorded: log in first, then scan."), error=True)
            return False
        operator_id, pin = badge
        if self._busy or self.throttle.seconds_left() > 0:
            return True
        self._busy = True
        self.pin.setEnabled(False)
        self._gateway.read(
            lambda conn: operators.verify_pin(conn, operator_id, pin),
            self._pin_checked,
            self._store_failed,
        )
        return True

    def _pin_checked(self, person: Operator | None) -> None:
        self._busy = False
        self.pin.setEnabled(True)
        self.pin.clear()
        self.pin.setFocus()
        if person is None:
            self.throttle.failed()
            log.info("wrong PIN for operator %s", self.selected_operator())
            if self.throttle.seconds_left() > 0:
                self._tick_lockout()
            else:
                self._say(
                    self.tr("Wrong PIN. Attempts left: %1").replace(
                        "%1", str(self.throttle.tries_left)
                    ),
                    error=True,
                )
            return
        self.throttle.succeeded()
        self._last_operator_id = person.id
        self.notice.clear()
        log.info("operator %s (%s) logged in", person.name, person.role.value)
        self.logged_in.emit(person)

    def _tick_lockout(self) -> None:
        left = self.throttle.seconds_left()
        locked = left > 0
        self.pin.setEnabled(not locked and not self._busy)
        self.login_button.setEnabled(not locked)
        if locked:
            self._say(
                self.tr("Too many wrong PINs. Try again in %1 s.").replace(
                    "%1", str(int(left + 0.999))
                ),
                error=True,
            )
            if not self._countdown.isActive():
                self._countdown.start()
        elif self._countdown.isActive():
            self._countdown.stop()
            self.notice.clear()
            self.pin.setFocus()

    def submit_setup(self) -> None:
        if self._busy:
            return
        name, pin, repeat = self.setup_name.text(), self.setup_pin.text(), self.setup_repeat.text()
        if pin != repeat:
            self._say(self.tr("The two PINs differ. Type the same PIN twice."), error=True)
            self.setup_repeat.clear()
            self.setup_repeat.setFocus()
            return
        self._busy = True
        self._gateway.write(
            lambda conn: operators.create_operator(conn, name, pin, Role.ADMIN),
            self._admin_created,
            self._setup_failed,
        )

    def _admin_created(self, person: Operator) -> None:
        self._busy = False
        for field in (self.setup_name, self.setup_pin, self.setup_repeat):
            field.clear()
        self._last_operator_id = person.id
        log.info("first administrator %s created", person.name)
        self.logged_in.emit(person)

    def _setup_failed(self, error: BaseException) -> None:
        self._busy = False
        if isinstance(error, OperatorError):
            self._say(translate_template(error.message), error=True)
        else:
            self._store_failed(error)

    def _store_failed(self, error: BaseException) -> None:
        self._busy = False
        self.pin.setEnabled(True)
        log.error("login could not reach the station database", exc_info=error)
        self._say(
            self.tr(
                "The station database cannot be read right now. Wait a moment and try again; "
                "if it keeps happening, restart Yima Scan."
            ),
            error=True,
        )

    def _say(self, text: str, *, error: bool = False) -> None:
        self.notice.setStyleSheet("color: #c5221f; font-weight: bold;" if error else "")
        self.notice.setText(text)
