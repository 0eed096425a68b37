"""The demo gun: a scanner on screen, so a newcomer can scan on every page without hardware.

It pushes text into the running ``sim`` source, so a demo scan takes exactly the
road a real one takes: the source's thread, the bridge's queued signal, the
dispatcher, the page in front, the scan log and the scanner page's counters.
The codes it offers are the demo station's labelled codes (``app.demo``), read
off the GUI thread; any other text can be typed and scanned too.
"""

from __future__ import annotations

import logging
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.ui.scan_bridge import ScanBridge
from app.ui.store_gateway import StoreGateway
from hardware.simulators import SimSource

SIM_SOURCE = "sim"

log = logging.getLogger(__name__)


def _demo_codes(data_dir: Path) -> list[dict[str, str]]:
    from app.demo import demo_codes

    return demo_codes(data_dir)


class DemoGun(QDockWidget):
    """One row under the pages (they keep their width): pick a code and scan it, or type one."""

    def __init__(
        self,
        bridge: ScanBridge,
        gateway: StoreGateway,
        data_dir: Path,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(self.tr("Demo gun"), parent)
        self.setObjectName("DemoGun")
        self.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.setTitleBarWidget(
            QWidget(self)
        )  # the row names itself; no title bar to spend height on
        self.bridge = bridge
        self._english = not language.startswith("zh")
        body = QWidget(self)
        title = QLabel(self.tr("Demo gun  Ctrl+Shift+D"), body)
        title.setStyleSheet("font-weight: bold;")
        self.codes = QComboBox(body)
        self.codes.setToolTip(self.tr("Pick a code and press Enter to scan it, as a gun would."))
        self.codes.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.codes.setMinimumContentsLength(16)
        self.codes.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        # Enter scans the code shown. Choosing alone never scans: the arrow keys choose on a
        # closed list too, and a demo must not scan every code the operator steps past.
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            enter = QShortcut(QKeySequence(key), self.codes)
            enter.setContext(Qt.ShortcutContext.WidgetShortcut)
            enter.activated.connect(self.scan_chosen)
        self.scan_button = QPushButton(self.tr("Scan"), body)
        self.scan_button.clicked.connect(self.scan_chosen)
        self.text = QLineEdit(body)
        self.text.setPlaceholderText(self.tr("or type any code, then Enter"))
        self.text.returnPressed.connect(self.scan_typed)
        self.note = QLabel(body)
        self.note.setStyleSheet("color: #b3261e;")
        self.note.hide()
        row = QHBoxLayout(body)
        row.setContentsMargins(8, 2, 8, 2)
        row.addWidget(title)
        row.addWidget(self.codes, 3)
        row.addWidget(self.scan_button)
        row.addWidget(self.text, 2)
        row.addWidget(self.note)
        self.setWidget(body)
        gateway.read(lambda _conn: _demo_codes(data_dir), self._show_codes, self._codes_failed)

    def _codes_failed(self, error: BaseException) -> None:
        """No list of demo codes: the gun still scans whatever is typed."""
        log.warning("demo codes not available: %s", error)
        self._show_codes([])

    def _show_codes(self, codes: list[dict[str, str]]) -> None:
        if not shiboken6.isValid(self):  # the window closed while the file was read
            return
        for entry in codes:
            self.codes.addItem(
                entry["label_en"] if self._english else entry["label"], entry["text"]
            )
            self.codes.setItemData(
                self.codes.count() - 1, entry["text"], Qt.ItemDataRole.ToolTipRole
            )
        self.codes.setVisible(bool(codes))
        self.scan_button.setVisible(bool(codes))

    def scan_chosen(self) -> None:
        text = self.codes.currentData()
        if text:
            self.scan(str(text))

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
            self.note.show()
            return False
        self.note.hide()
        info.source.push(text)
        return True
