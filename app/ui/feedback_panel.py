"""The big result panel: what the last scan did, readable from two metres away.

Colour and a one-word headline carry the outcome for someone glancing up from
a carton; the message below says what happened and what to do. Each scan
flashes the panel briefly, so even a repeat of the same result is noticed.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QResizeEvent,
)
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.domain.workflows.base import Decision, Outcome
from app.ui.translations import translate_template

# background, text: contrast checked for reading at a distance; amber carries dark text.
COLOURS: dict[Outcome | None, tuple[str, str]] = {
    None: ("#37474f", "#eceff1"),
    Outcome.OK: ("#1e8e3e", "#ffffff"),
    Outcome.WARNING: ("#f9ab00", "#202124"),
    Outcome.ERROR: ("#c5221f", "#ffffff"),
    Outcome.DONE: ("#0b5d2a", "#ffffff"),
}
FLASH_COLOUR = "#ffffff"
MESSAGE_MIN_PX = 14
HEADLINE_MIN_PX = 18  # the headline's least, when a long message needs the room
BORDER_COLOUR = "#ffd54f"
BORDER = 6
RADIUS = 8
FLASH_MS = 120
MIN_HEIGHT = 120
COMPACT_MIN_HEIGHT = 76  # still a 26 px headline and one line of message


class FeedbackPanel(QFrame):
    """Shows one Decision in big type and colour; ``flash()`` marks a new scan."""

    shown = Signal(object)  # the Decision just shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FeedbackPanel")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(MIN_HEIGHT)
        self.headline = QLabel(self)
        self.headline.setObjectName("FeedbackHeadline")
        self.message = QLabel(self)
        self.message.setObjectName("FeedbackMessage")
        self.message.setWordWrap(True)
        for label in (self.headline, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 8, 16, 8)
        layout.setSpacing(4)
        layout.addStretch(1)
        layout.addWidget(self.headline)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.outcome: Outcome | None = None
        self._flash_timer = QTimer(self)
        self._flash_timer.setSingleShot(True)
        self._flash_timer.timeout.connect(self._end_flash)
        self._flashing = False
        self.clear()

    def headline_for(self, outcome: Outcome | None) -> str:
        return {
            None: self.tr("Ready to scan"),
            Outcome.OK: self.tr("✔ OK"),
            Outcome.WARNING: self.tr("⚠ Check"),
            Outcome.ERROR: self.tr("✖ Refused"),
            Outcome.DONE: self.tr("✔✔ Done"),
        }[outcome]

    def clear(self, hint: str = "", *, headline: str | None = None) -> None:
        """Back to the neutral state, e.g. after login or switching pages."""
        self.outcome = None
        self.headline.setText(headline or self.headline_for(None))
        self.message.setText(hint)
        self._fit()
        self._apply_style()

    def show_decision(self, decision: Decision, *, headline: str | None = None) -> None:
        self.outcome = decision.outcome
        self.headline.setText(headline or self.headline_for(decision.outcome))
        self.message.setText(translate_template(decision.message, decision.args))
        self._fit()
        self._apply_style()
        self.shown.emit(decision)

    def flash(self) -> None:
        """A short white blink: the eye catches a new result even when it repeats the last."""
        self._flashing = True
        self._apply_style()
        self._flash_timer.start(FLASH_MS)

    @property
    def background(self) -> str:
        """The colour the panel shows now (the flash colour while flashing)."""
        return FLASH_COLOUR if self._flashing else COLOURS[self.outcome][0]

    def _end_flash(self) -> None:
        self._flashing = False
        self._apply_style()

    @property
    def text_colour(self) -> str:
        return COLOURS[self.outcome][0] if self._flashing else COLOURS[self.outcome][1]

    @property
    def bordered(self) -> bool:
        """DONE wears a gold frame, so it never reads as a plain OK from across the room."""
        return self.outcome is Outcome.DONE

    def _apply_style(self) -> None:
        """Palette and a custom paint, not a style sheet: re-polishing costs milliseconds per scan."""
        colour = QColor(self.text_colour)
        for label in (self.headline, self.message):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            label.setPalette(palette)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        area = QRectF(self.rect())
        if self.bordered:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(BORDER_COLOUR))
            painter.drawRoundedRect(area, RADIUS, RADIUS)
            area = area.adjusted(BORDER, BORDER, -BORDER, -BORDER)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(self.background))
        painter.drawRoundedRect(area, RADIUS - 2 if self.bordered else RADIUS, RADIUS)
        painter.end()

    def set_compact(self, compact: bool) -> None:
        """A handheld gives the page the height; the type still fits itself to the panel."""
        self.setMinimumHeight(COMPACT_MIN_HEIGHT if compact else MIN_HEIGHT)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Type as big as the panel allows, so a 1280×800 station reads as well as a handheld.

        The headline scales with the panel; the message starts large and steps down
        only as far as a long message needs to fit, never below a readable 14 px. When even
        then it does not fit (a two-line message on a handheld's short panel), the headline
        gives up some of its size, down to ``HEADLINE_MIN_PX``: the words say what to do.
        """
        height, width = max(self.height(), 100), max(self.width(), 300)
        margins = self.layout().contentsMargins()
        room_w = width - margins.left() - margins.right() - 2 * BORDER
        text = self.message.text()
        headline = QFont(self.font())
        headline.setBold(True)
        headline_px = max(26, min(int(height * 0.34), int(width / 12)))
        start = max(MESSAGE_MIN_PX, min(int(height * 0.19), int(width / 30)))
        while True:
            headline.setPixelSize(headline_px)
            room_h = (
                self.height()
                - margins.top()
                - margins.bottom()
                - 2 * BORDER
                - QFontMetrics(headline).height()
                - self.layout().spacing()
            )
            size, fits = self._message_size(start, room_w, room_h, text)
            if fits or headline_px <= HEADLINE_MIN_PX:
                break
            headline_px -= 2
        self.headline.setFont(headline)
        message = QFont(self.font())
        message.setPixelSize(size)
        self.message.setFont(message)

    def _message_size(self, start: int, room_w: int, room_h: int, text: str) -> tuple[int, bool]:
        """The largest message size from ``start`` down to the minimum that fits the room,
        and whether it does."""
        message = QFont(self.font())
        for size in range(start, MESSAGE_MIN_PX - 1, -2):
            message.setPixelSize(size)
            needed = QFontMetrics(message).boundingRect(
                QRect(0, 0, room_w, 10_000), Qt.TextFlag.TextWordWrap, text
            )
            if needed.height() <= room_h:
                return size, True
        return MESSAGE_MIN_PX, False
