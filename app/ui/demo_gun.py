"""The demo gun: a scanner on screen, so a newcomer can scan on every page without hardware.

It pushes text into the running ``sim`` source, so a demo scan takes exactly the
road a real one takes: the source's thread, the bridge's queued signal, the
dispatcher, the page in front, the scan log and the scanner page's counters.
The codes it offers are the demo station's labelled codes (``app.demo``), read
off the GUI thread; any other text can be typed and scanned too.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.ui.scan_bridge import ScanBridge
from app.ui.store_gateway import StoreGateway
from hardware.simulators import SimSource

SIM_SOURCE = "sim"
TEXT_ROLE = Qt.ItemDataRole.UserRole


def _demo_codes(data_dir: Path) -> list[dict[str, str]]:
    from app.demo import demo_codes

    return demo_codes(data_dir)


class DemoGun(QDockWidget):
    def __init__(
        self,
        bridge: ScanBridge,
        gateway: StoreGateway,
        data_dir: Path,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Demo gun  Ctrl+Shift+D"), parent)
        self.setObjectName("DemoGun")
        self.bridge = bridge
        self._english = not language.startswith("zh")
        body = QWidget(self)
        hint = QLabel(self.tr("No scanner? Pick a code and press Enter to scan it."), body)
        hint.setWordWrap(True)
        self.codes = QListWidget(body)
        self.codes.itemActivated.connect(lambda item: self.scan(item.data(TEXT_ROLE)))
        self.text = QLineEdit(body)
        self.text.setPlaceholderText(self.tr("or type any code"))
        self.text.returnPressed.connect(self.scan_typed)
        self.scan_button = QPushButton(self.tr("Scan"), body)
        self.scan_button.clicked.connect(self.scan_typed)
        self.note = QLabel(body)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b3261e;")
        row = QHBoxLayout()
        row.addWidget(self.text, 1)
        row.addWidget(self.scan_button)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 6)
        layout.addWidget(hint)
        layout.addWidget(self.codes, 1)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.setWidget(body)
        self.setMinimumWidth(240)
        gateway.read(lambda _conn: _demo_codes(data_dir), self._show_codes)

    def _show_codes(self, codes: list[dict[str, str]]) -> None:
        if not shiboken6.isValid(self):  # the window closed while the file was read
            return
        for entry in codes:
            item = QListWidgetItem(entry["label_en"] if self._english else entry["label"])
            item.setData(TEXT_ROLE, entry["text"])
            item.setToolTip(entry["text"])
            self.codes.addItem(item)
        if codes:
            self.codes.setCurrentRow(0)

    def scan_typed(self) -> None:
        if self.scan(self.text.text()):
            self.text.clear()

    def scan(self, text: str) -> bool:
        """Scan ``text`` with the ``sim`` source, as a gun would; False if there is none."""
        text = text.strip()
        if not text:
            return False
        info = self.bridge.info(SIM_SOURCE)
        if info is None or not isinstance(info.source, SimSource):
            self.note.setText(
                self.tr("The demo gun was removed in Settings → Scanners; add “sim” to use it.")
            )
            return False
        self.note.clear()
        info.source.push(text)
        return True
