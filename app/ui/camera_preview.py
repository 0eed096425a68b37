"""What a camera scanner sees, with the codes it read outlined: aim the carton, watch them go green.

The camera's decode worker calls ``on_preview(frame, codes)`` on its own
thread, a few times a second. The frame is copied into a QImage right there
(the worker reuses its buffers) and re-posted through a queued signal, so the
label is only ever touched on the GUI thread. The thread calls a small relay
that the source itself keeps alive, never the widget, so a preview closed
mid-frame is never touched from the worker. An earlier ``on_preview`` (an
inspector taking a photo) is chained, never replaced.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QPointF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QSizePolicy, QWidget

OUTLINE = QColor("#34a853")
PREVIEW_WIDTH = 320


def frame_to_image(frame: Any) -> QImage:
    """An owned QImage of an OpenCV frame (BGR, BGRA or grey), independent of its buffer."""
    height, width = frame.shape[:2]
    channels = 1 if frame.ndim == 2 else frame.shape[2]
    formats = {
        1: QImage.Format.Format_Grayscale8,
        3: QImage.Format.Format_BGR888,
        4: QImage.Format.Format_ARGB32,
    }
    image = QImage(frame.data, width, height, frame.strides[0], formats[channels])
    return image.copy()


class _Relay(QObject):
    """Owned by the source's callback (no Qt parent), so it outlives any preview widget."""

    frame = Signal(QImage, object)  # the picture, [corner points of each code read]

    def __init__(self, chained: Any) -> None:
        super().__init__()
        self.chained = chained
        self.attached = True

    def take(self, frame: Any, codes: list[Any]) -> None:
        """On the camera's decode thread: copy, re-post, never touch a widget."""
        if self.chained is not None:
            self.chained(frame, codes)
        if self.attached:
            outlines = [[(float(x), float(y)) for x, y in code.corners] for code in codes]
            self.frame.emit(frame_to_image(frame), outlines)


class CameraPreview(QDockWidget):
    frame_shown = Signal()  # a new picture is on screen (tests wait for it)

    def __init__(self, source: Any, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.setObjectName(f"CameraPreview:{title}")
        self.source = source
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(PREVIEW_WIDTH, PREVIEW_WIDTH * 9 // 16)
        self.picture.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.picture.setText(self.tr("Waiting for the camera…"))
        self.setWidget(self.picture)
        self.image: QImage | None = None
        self.outlines: list[list[tuple[float, float]]] = []
        self._relay = _Relay(source.on_preview)
        self._relay.frame.connect(self._show, Qt.ConnectionType.QueuedConnection)
        source.on_preview = self._relay.take

    def detach(self) -> None:
        """Stop receiving frames (the source was removed or replaced)."""
        self._relay.attached = False
        if self.source.on_preview == self._relay.take:
            self.source.on_preview = self._relay.chained

    def _show(self, image: QImage, outlines: list[list[tuple[float, float]]]) -> None:
        self.image, self.outlines = image, outlines
        self._render()
        self.frame_shown.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render()

    def _render(self) -> None:
        if self.image is None:
            return
        pixmap = QPixmap.fromImage(self.image)
        if self.outlines:
            painter = QPainter(pixmap)
            pen = QPen(OUTLINE)
            pen.setWidth(max(3, self.image.width() // 200))
            painter.setPen(pen)
            for corners in self.outlines:
                painter.drawPolygon(QPolygonF([QPointF(x, y) for x, y in corners]))
            painter.end()
        size = self.picture.size()
        self.picture.setPixmap(
            pixmap.scaled(
                size, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
