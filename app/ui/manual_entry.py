"""Typing a code by hand, on purpose: the box every scan page shows under its work.

Labels get damaged, and the messages already say "or type the code". What is typed here goes
to the dispatcher as a ``Scan`` from the source ``typed``, exactly like a gun's read (the scan
log, the filters, the page in front), and the page records it as typed in the journal and on
the paperwork, so a typed code is never mistaken for one that was read off the item.

The ``YIMA:CMD:TYPE`` command barcode puts the cursor in the box from the gun; on a touch
handheld a numeric keypad opens beside it (most printed serials are digits).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLineEdit, QPushButton, QWidget

from hardware.dispatch import Dispatcher
from hardware.scan import Scan

TYPED = "typed"  # the Scan.source of a code typed into the box


def is_typed(scan: Scan) -> bool:
    return scan.source == TYPED


class NumericKeypad(QWidget):
    """Digits, delete and Enter, a fingertip high, for a handheld without a keyboard."""

    key = Signal(str)  # a digit, "⌫" or "⏎"

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(4)
        keys = ["7", "8", "9", "4", "5", "6", "1", "2", "3", "⌫", "0", "⏎"]
        self.buttons: dict[str, QPushButton] = {}
        for n, text in enumerate(keys):
            button = QPushButton(text, self)
            button.setMinimumSize(48, 44)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, t=text: self.key.emit(t))
            grid.addWidget(button, n // 3, n % 3)
            self.buttons[text] = button


class ManualEntry(QWidget):
    """The line to type a code into, its Enter button and (on a handheld) the keypad."""

    typed = Signal(str)  # the text handed to the dispatcher

    def __init__(self, dispatcher: Dispatcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ManualEntry")
        self.dispatcher = dispatcher
        self.line = QLineEdit(self)
        self.line.setObjectName("ManualEntryLine")
        self.line.setMinimumHeight(36)
        self.line.setClearButtonEnabled(True)
        self.line.returnPressed.connect(self.submit)
        self.enter_button = QPushButton(self)
        self.enter_button.setMinimumHeight(36)
        self.enter_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.enter_button.clicked.connect(self.submit)
        self.keypad_button = QPushButton(self)
        self.keypad_button.setCheckable(True)
        self.keypad_button.setMinimumHeight(36)
        self.keypad_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keypad = NumericKeypad(self)
        self.keypad.key.connect(self._key)
        self.keypad.hide()
        self.keypad_button.toggled.connect(self.keypad.setVisible)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.line, 1)
        row.addWidget(self.enter_button)
        row.addWidget(self.keypad_button)
        row.addWidget(self.keypad)
        self.retranslate()

    def retranslate(self) -> None:
        self.line.setPlaceholderText(
            self.tr("Label damaged? Type the code here, then Enter (marked as typed)")
        )
        self.enter_button.setText(self.tr("Enter code"))
        self.keypad_button.setText(self.tr("Keypad"))
        self.keypad_button.setToolTip(self.tr("Digits on screen, for a handheld without keys"))

    def set_compact(self, compact: bool) -> None:
        """On a handheld the keypad button shows; on a desk PC the keyboard is enough."""
        self.keypad_button.setVisible(compact)
        if not compact:
            self.keypad_button.setChecked(False)

    def open(self, *, keypad: bool = False) -> None:
        """Put the cursor in the box (the ``YIMA:CMD:TYPE`` barcode, a page's button)."""
        self.line.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.line.selectAll()
        if keypad:
            self.keypad_button.setChecked(True)

    def submit(self) -> None:
        text = self.line.text().strip()
        if not text:
            return
        self.line.clear()
        self.typed.emit(text)
        self.dispatcher.dispatch(Scan(text, TYPED))

    def _key(self, key: str) -> None:
        if key == "⏎":
            self.submit()
        elif key == "⌫":
            self.line.backspace()
        else:
            self.line.insert(key)
