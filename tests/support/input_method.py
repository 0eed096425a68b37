"""Whether a field can take Chinese from the input method.

On a station with a keyboard gun, the gun's key filter switches the input method off in every
field that has not asked for it (so a gun's keys never land in a pinyin composition window). A
test that sends the input method's commit string straight to a field would pass even where a
person could never type Chinese: it asks this first, with a gun's filter in front, the way
the platform input method asks.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodQueryEvent
from PySide6.QtWidgets import QApplication, QWidget

from app.ui.wedge_filter import WedgeFilter
from hardware.wedge import WedgeConfig, WedgeSource


def ime_enabled(widget: QWidget) -> bool:
    gun = WedgeFilter(WedgeSource(WedgeConfig()))
    gun.install()
    try:
        query = QInputMethodQueryEvent(Qt.InputMethodQuery.ImEnabled)
        QApplication.sendEvent(widget, query)
        return bool(query.value(Qt.InputMethodQuery.ImEnabled))
    finally:
        gun.uninstall()
        gun.deleteLater()
