"""What an operator calls a scanner: "Keyboard-wedge gun", "Serial gun COM3", "Camera 0".

A scanner is configured by a spec string (``wedge``, ``serial:COM3?baud=9600``, ``sim``; see
``hardware/spec.py``), which IT copies between settings and ``scan-test``. Operators never
read specs: the status bar, the settings list, the scanner test and every message about a
scanner name it in words, with the spec in a tooltip where IT needs it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from app.domain.i18n import QT_TRANSLATE_NOOP

# One word per kind of source; %1 is the port, camera or file (its last part only).
KIND_TITLES = {
    "wedge": QT_TRANSLATE_NOOP("ScannerNames", "Keyboard-wedge gun"),
    "sim": QT_TRANSLATE_NOOP("ScannerNames", "Demo gun"),
    "serial": QT_TRANSLATE_NOOP("ScannerNames", "Serial gun %1"),
    "tcp": QT_TRANSLATE_NOOP("ScannerNames", "Network scanner %1"),
    "camera": QT_TRANSLATE_NOOP("ScannerNames", "Camera %1"),
    "file": QT_TRANSLATE_NOOP("ScannerNames", "Video file %1"),
    "image": QT_TRANSLATE_NOOP("ScannerNames", "Image file %1"),
}
OTHER = QT_TRANSLATE_NOOP("ScannerNames", "Scanner %1")


def scanner_title(name: str) -> str:
    """``name`` is a source's spec without options (``Scan.source``, ``SourceInfo.name``)."""
    kind, _, target = name.partition(":")
    if kind == "serial" and target.lower().startswith("usb:"):
        target = "USB " + target[4:].split(":", 1)[0].upper()  # usb:0483:5740 -> USB 0483
    elif kind == "tcp":
        target = target.rsplit(":", 1)[0]  # the host; the port is IT's business
    short = target.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1] or target
    template = QCoreApplication.translate("ScannerNames", KIND_TITLES.get(kind, OTHER))
    return template.replace("%1", short).strip()
