"""Text drawn as a 1-bit picture for a network label printer: the ``Rasterise`` port the
ZPL and TSPL renderers use for lines their resident font cannot show (Chinese names).

Qt draws the text at the printer's own dots in a font with Chinese glyphs (Microsoft YaHei
or SimSun on Windows, WenQuanYi or Noto CJK on Linux), then every dot darker than mid-grey
becomes ink (a label's lines take 1-4 ms). Without such a font the renderers get ``None``
and send the text as text; ``missed`` tells the station to warn the operator.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics, QImage, QPainter

from app.domain.workflows.labels import Bitmap

# Fonts with Simplified Chinese glyphs that read well at label sizes, preferred in this order
CHINESE_FAMILIES = (
    "Microsoft YaHei",
    "SimHei",
    "SimSun",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "WenQuanYi Zen Hei",
    "PingFang SC",
)
INK_BELOW = 128  # grey levels darker than this print


def chinese_family() -> str | None:
    """A font family on this computer that has Simplified Chinese glyphs, if any."""
    families = QFontDatabase.families()
    for family in CHINESE_FAMILIES:
        if family in families:
            return family
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    return next((f for f in families if chinese in QFontDatabase.writingSystems(f)), None)


class TextPictures:
    """Draws label text in ``family``; with no family it draws nothing (returns ``None``)."""

    def __init__(self, family: str | None) -> None:
        self.family = family
        self.missed = False  # a line needed a picture and none could be drawn

    def __call__(self, text: str, height: int) -> Bitmap | None:
        if self.family is None:
            self.missed = True
            return None
        font = self.font(height)
        metrics = QFontMetrics(font)
        width = max(1, metrics.horizontalAdvance(text))
        image = QImage(width, height, QImage.Format.Format_Grayscale8)
        image.fill(255)
        painter = QPainter(image)
        painter.setFont(font)
        painter.setPen(Qt.GlobalColor.black)
        baseline = (height - metrics.height()) // 2 + metrics.ascent()
        painter.drawText(0, baseline, text)
        painter.end()
        grey = np.frombuffer(image.constBits(), np.uint8, height * image.bytesPerLine())
        ink = grey.reshape(height, image.bytesPerLine())[:, :width] < INK_BELOW
        return Bitmap(width, tuple(row.tobytes() for row in np.packbits(ink, axis=1)))

    def font(self, height: int) -> QFont:
        """The font at the pixel size whose ascent and descent fill ``height`` dots."""
        font = QFont(self.family)
        font.setPixelSize(max(1, height))
        font.setPixelSize(max(1, height * height // max(1, QFontMetrics(font).height())))
        return font
