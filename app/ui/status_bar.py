"""The bottom line of the window: which station, who is working, and whether work is still to send.

The counts come from the database, read every two seconds on a reader thread
(never on the GUI thread). "Events waiting" is what tells a dealer it is not yet
safe to wipe a PC; "last sync" tells them how stale the server's picture is.
Online or offline is what the station's one sync engine last found (``set_online``), never
guessed from the database. A PC clock more than a few minutes off the server's shows as a
warning: the times the station records are wrong by that much until someone sets it right.
Working scanners share one green light (the bar must fit an 800-pixel
handheld); a gun that was unplugged gets its own light, red and then amber while
it is looked for again, so "my scans do nothing" has a visible cause. Free space on
the database's drive shows only when it runs low (amber below ``LOW_DISK_BYTES``, red
below ``FULL_DISK_BYTES``), and a store alarm (a damaged file, a changed history) stays
red in the bar until the station is restarted. A passing message (a scanner lost, a sync
that failed) takes the room on the left: the least needed lights step aside for it, and what
still does not fit ends in "…", the whole message in the bar's tooltip.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QChildEvent, QCoreApplication, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QStatusBar, QStyle, QStyleOption, QWidget

from app.domain import clock
from app.domain.store import journal
from app.domain.store.database import station_id
from app.domain.store.errors import format_bytes, free_bytes
from app.ui.compact import compact_button, glyph_only
from app.ui.scanner_names import scanner_title
from app.ui.store_gateway import StoreGateway
from hardware.source import STATE_LABELS, SourceState

POLL_MS = 2000
# Written by the sync client (sync/client/state.py): JSON values in the core settings table.
SERVER_URL_KEY = "sync.server_url"
LAST_SYNC_KEY = "sync.last_success_at"  # ISO-8601 UTC of the last complete sync
SKEW_SHOWN = dt.timedelta(minutes=5)  # a clock further off than this is shown
SKEW_STYLE = "color: #b06000; font-weight: bold;"
TROUBLE = (SourceState.DISCONNECTED, SourceState.RECONNECTING)
SCANNER_STYLES = {
    SourceState.CONNECTED: "color: #1e8e3e;",
    SourceState.CONNECTING: "color: #b06000;",
    SourceState.RECONNECTING: "color: #b06000; font-weight: bold;",
    SourceState.DISCONNECTED: "color: #ffffff; background: #c5221f; font-weight: bold;",
}
FIT_SLACK = 12  # the bar's own frame and item margins
MESSAGE_ROOM = 300  # a passing message gets this much before lights step aside for it
# QStatusBar lays its items out 6 px apart (QStatusBar::reformat). Not read from layout():
# reformat() replaces that layout every time, and each wrapper PySide made for a replaced
# one stayed alive with its parent's wrapper, a leak of one layout per poll (issue 12, item 10).
ITEM_SPACING = 6
SCANNER_IDLE_STYLE = "color: #5f6368;"  # stopped, or a file that was read to its end
LOW_DISK_BYTES = 1_000_000_000  # below this the bar shows the free space, in amber
FULL_DISK_BYTES = 100_000_000  # below this, red: scans stop (see app/ui/store_watch.py)
LOW_DISK_STYLE = "color: #b06000; font-weight: bold;"
FULL_DISK_STYLE = "color: #ffffff; background: #c5221f; font-weight: bold;"


@dataclass(frozen=True, slots=True)
class StationStatus:
    station_id: str
    pending: int
    last_sync: dt.datetime | None
    server_set_up: bool  # enrolled with a server (whether it answers is the sync engine's say)
    free_bytes: int | None = None  # on the database's drive; None: could not be read
    skew: dt.timedelta | None = None  # the PC's clock minus the server's; None: never heard


def _setting(conn: sqlite3.Connection, key: str) -> object:
    row = conn.execute(
        "SELECT json_extract(value, '$') FROM settings WHERE key = ?", (key,)
    ).fetchone()
    return row[0] if row else None


def read_station_status(conn: sqlite3.Connection) -> StationStatus:
    """Runs on a reader thread."""
    raw = _setting(conn, LAST_SYNC_KEY)
    last_sync = None
    if isinstance(raw, str):
        try:
            last_sync = dt.datetime.fromisoformat(raw)
        except ValueError:
            last_sync = None
    folder = Path(conn.execute("PRAGMA database_list").fetchone()[2]).parent
    return StationStatus(
        station_id(conn),
        journal.count_pending(conn),
        last_sync,
        server_set_up=bool(_setting(conn, SERVER_URL_KEY)),
        free_bytes=free_bytes(folder),
        skew=clock.read(conn).skew,
    )


def span_text(span: dt.timedelta) -> str:
    """A clock's error the way a person says it: minutes, hours or days."""
    minutes = abs(span.total_seconds()) / 60
    if minutes < 120:
        return QCoreApplication.translate("StationStatusBar", "%1 min").replace(
            "%1", str(round(minutes))
        )
    if minutes < 48 * 60:
        return QCoreApplication.translate("StationStatusBar", "%1 h").replace(
            "%1", str(round(minutes / 60))
        )
    return QCoreApplication.translate("StationStatusBar", "%1 days").replace(
        "%1", str(round(minutes / 60 / 24))
    )


class StationStatusBar(QStatusBar):
    disk_space_read = Signal(object)  # free bytes on the database's drive (int), every poll

    def __init__(
        self, gateway: StoreGateway, station_name: str = "", parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.setSizeGripEnabled(False)
        self.setContentsMargins(0, 0, 10, 0)
        self._gateway = gateway
        self.station_name = station_name
        self.status: StationStatus | None = None
        self.online: bool | None = None
        self.station_label = QLabel(self)
        self.operator_label = QLabel(self)
        self.connection_label = QLabel(self)
        self.clock_label = QLabel(self)  # only while the PC's clock is off the server's
        self.pending_label = QLabel(self)
        self.sync_label = QLabel(self)
        for label in (
            self.station_label,
            self.operator_label,
            self.connection_label,
            self.clock_label,
            self.pending_label,
            self.sync_label,
        ):
            label.setContentsMargins(6, 0, 6, 0)
            self.addPermanentWidget(label)
        self._scanners: dict[str, tuple[SourceState, str]] = {}  # name -> state, detail
        self.scanners_label = QLabel(self)  # every scanner that works, as one light
        self.scanners_label.setContentsMargins(6, 0, 6, 0)
        self.insertPermanentWidget(0, self.scanners_label)
        self.scanners_label.hide()
        self.trouble_labels: dict[str, QLabel] = {}  # one light per scanner in trouble
        self.low_disk_bytes, self.full_disk_bytes = LOW_DISK_BYTES, FULL_DISK_BYTES
        self.disk_label = QLabel(self)  # only while the disk runs low
        self.alarm_label = QLabel(self)  # a store alarm: red until the station restarts
        for label in (self.alarm_label, self.disk_label):
            label.setContentsMargins(6, 0, 6, 0)
            self.insertPermanentWidget(0, label)
            label.hide()
        self._in_flight = False
        self._fitting = False
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self.messageChanged.connect(self._message_changed)
        self.set_operator(None)
        self._render()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def childEvent(self, event: QChildEvent) -> None:
        """Another area adding its own light or button (sync) refits the bar once it is in."""
        super().childEvent(event)
        if event.added() and event.child().isWidgetType():
            QTimer.singleShot(0, self, self.fit)

    def fit(self) -> None:
        """Everything on one line, never cut: when the bar is too narrow (a handheld, a gun in
        trouble), first the operator goes (the window's top bar names them), then the buttons'
        shortcut keys (kept in their tooltips), then the station, then the words of a button
        that has a sign of its own ("⟳ Sync now" becomes "⟳", its words in the tooltip)."""
        if self._fitting:  # showing or hiding a label resizes the bar, which calls this again
            return
        self._fitting = True
        try:
            self._fit_once()
        finally:
            self._fitting = False

    def _message_changed(self, message: str) -> None:
        self.fit()
        self.setToolTip(message)  # the whole of it, also when its end had to go

    def _text_width(self, text: str) -> int:
        return self.fontMetrics().horizontalAdvance(text)

    def _message_rect(self) -> QRect:
        """Where QStatusBar writes a passing message: left of the first light that shows."""
        lights = [w.x() for w in self._shown() if w.x() > 0]
        right = min(lights, default=self.width() - 12) - 2
        return QRect(6, 0, max(0, right - 6), self.height())

    def paintEvent(self, event: QPaintEvent) -> None:
        """As QStatusBar paints, except that a message too long for its room ends in "…"
        instead of being cut off under the first light."""
        message = self.currentMessage()
        rect = self._message_rect()
        if not message or self._text_width(message) <= rect.width():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        option = QStyleOption()
        option.initFrom(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_PanelStatusBar, option, painter, self)
        for widget in self._shown():
            option.rect = widget.geometry().adjusted(-2, -1, 2, 1)
            self.style().drawPrimitive(
                QStyle.PrimitiveElement.PE_FrameStatusBarItem, option, painter, widget
            )
        painter.setPen(self.palette().windowText().color())
        shown = self.fontMetrics().elidedText(message, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            rect,
            int(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter),
            shown,
        )

    def _fit_once(self) -> None:
        buttons = self.findChildren(QAbstractButton)
        self.operator_label.setVisible(True)
        self.station_label.setVisible(True)
        for button in buttons:
            compact_button(button, False)
        # (what steps aside, and whether a passing message's room counts): a message may push
        # the operator, the shortcut keys and the station aside, never the buttons' words
        steps = (
            (lambda: self.operator_label.setVisible(False), True),
            (lambda: [compact_button(button, True) for button in buttons], True),
            (lambda: self.station_label.setVisible(False), True),
            (lambda: [glyph_only(button) for button in buttons], False),
        )
        room = self.window().width()  # the bar itself grows past a window that is too narrow
        for step, for_message in steps:
            if self._needed_width(message=for_message) <= room:
                break
            step()
        self.reformat()  # lay the bar out again now that labels were hidden or shown,
        self.updateGeometry()  # and let the window give it its new width
        if self.width() > room:  # already laid out wider than the window: take the room back
            self.resize(room, self.height())

    def _shown(self) -> list[QWidget]:
        """Every light and button the bar shows, also those other areas add (sync issues)."""
        return [
            w
            for w in self.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
            if not w.isHidden() and not (isinstance(w, QLabel) and not w.text())
        ]

    def _needed_width(self, *, message: bool = True) -> int:
        margins = self.contentsMargins()
        text = self.currentMessage() if message else ""
        spacing = ITEM_SPACING
        return (
            sum(widget.sizeHint().width() + spacing for widget in self._shown())
            + (min(self._text_width(text) + 8, MESSAGE_ROOM) if text else 0)
            + margins.left()
            + margins.right()
            + FIT_SLACK
        )

    def start(self) -> None:
        self.refresh()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def refresh(self) -> None:
        """Ask a reader thread for fresh figures; skipped while the previous read still runs."""
        if self._in_flight:
            return
        self._in_flight = True
        self._gateway.read(read_station_status, self._received, self._failed)

    def set_operator(self, name: str | None) -> None:
        self.operator_label.setText(
            self.tr("Operator: %1").replace("%1", name) if name else self.tr("Not logged in")
        )
        self.fit()  # a longer name may not fit where "Not logged in" did

    def set_station_name(self, name: str) -> None:
        self.station_name = name
        self._render()

    def set_online(self, online: bool | None) -> None:
        """Called by the sync client's adapter: True reachable, False unreachable, None not set up."""
        self.online = online
        self._render()

    def set_scanner(self, name: str, state: SourceState, detail: str = "") -> None:
        self._scanners[name] = (state, detail)
        self._render_scanners()

    def keep_scanners(self, names: set[str]) -> None:
        """Forget the scanners that were removed."""
        for name in [n for n in self._scanners if n not in names]:
            del self._scanners[name]
        self._render_scanners()

    def scanner_state(self, name: str) -> SourceState | None:
        entry = self._scanners.get(name)
        return entry[0] if entry else None

    def _describe(self, name: str) -> str:
        state, _detail = self._scanners[name]
        return (
            self.tr("%1: %2")
            .replace("%1", scanner_title(name))
            .replace("%2", QCoreApplication.translate("Scanners", STATE_LABELS[state]))
        )

    def _render_scanners(self) -> None:
        troubled = [n for n, (state, _) in self._scanners.items() if state in TROUBLE]
        working = [n for n in self._scanners if n not in troubled]
        for name in [n for n in self.trouble_labels if n not in troubled]:
            label = self.trouble_labels.pop(name)
            self.removeWidget(label)
            label.deleteLater()
        for name in troubled:
            label = self.trouble_labels.get(name)
            if label is None:
                label = QLabel(self)
                label.setContentsMargins(6, 0, 6, 0)
                self.insertPermanentWidget(1 + len(self.trouble_labels), label)
                self.trouble_labels[name] = label
            state, detail = self._scanners[name]
            label.setText("● " + self._describe(name))
            label.setStyleSheet(SCANNER_STYLES[state])
            label.setToolTip("\n".join(part for part in (name, detail) if part))
        self.scanners_label.setVisible(bool(working))
        if not working:
            self.fit()
            return
        states = {self._scanners[n][0] for n in working}
        if len(working) == 1:
            text = scanner_title(working[0])
        else:
            text = self.tr("%1 scanners").replace("%1", str(len(working)))
        self.scanners_label.setText("● " + text)
        if SourceState.CONNECTING in states:
            style = SCANNER_STYLES[SourceState.CONNECTING]
        elif SourceState.CONNECTED in states:
            style = SCANNER_STYLES[SourceState.CONNECTED]
        else:
            style = SCANNER_IDLE_STYLE
        self.scanners_label.setStyleSheet(style)
        self.scanners_label.setToolTip("\n".join(self._describe(n) for n in working))
        self.fit()

    def _received(self, status: StationStatus) -> None:
        self._in_flight = False
        self.status = status
        self._render()
        if status.free_bytes is not None:
            self.disk_space_read.emit(status.free_bytes)

    def set_alarm(self, text: str, details: str) -> None:
        """A store problem a supervisor must act on (translated ``text``; ``details`` in the
        tooltip); it stays until the station is restarted."""
        self.alarm_label.setText("⚠ " + text)
        self.alarm_label.setToolTip(details)
        self.alarm_label.setStyleSheet(FULL_DISK_STYLE)
        self.alarm_label.show()
        self.fit()

    def _render_clock(self, skew: dt.timedelta | None) -> None:
        off = skew is not None and abs(skew) > SKEW_SHOWN
        self.clock_label.setVisible(off)
        if skew is None or not off:
            return
        words = (
            self.tr("⚠ Clock %1 ahead of the server")
            if skew > dt.timedelta(0)
            else self.tr("⚠ Clock %1 behind the server")
        )
        self.clock_label.setText(words.replace("%1", span_text(skew)))
        self.clock_label.setStyleSheet(SKEW_STYLE)
        self.clock_label.setToolTip(
            self.tr(
                "This computer's date and time are wrong, so the times it records are wrong too. "
                "Set the computer's date and time (or ask IT). Expiry dates and offline limits "
                "use the server's time meanwhile."
            )
        )

    def _render_disk(self, free: int | None) -> None:
        low = free is not None and free < self.low_disk_bytes
        self.disk_label.setVisible(low)
        if not low:
            return
        self.disk_label.setText(self.tr("Disk: %1 free").replace("%1", format_bytes(free)))
        self.disk_label.setStyleSheet(
            FULL_DISK_STYLE if free < self.full_disk_bytes else LOW_DISK_STYLE
        )
        self.disk_label.setToolTip(
            self.tr(
                "The disk that holds the station database is nearly full. Delete files you do not "
                "need or empty the recycle bin; below %1 free, scanning stops until there is room."
            ).replace("%1", format_bytes(self.full_disk_bytes))
        )

    def _failed(self, error: BaseException) -> None:
        self._in_flight = False
        self.pending_label.setText(self.tr("Waiting to send: unknown"))

    def _render(self) -> None:
        status = self.status
        ident = status.station_id if status else "…"
        self.station_label.setText(self.tr("Station: %1").replace("%1", self.station_name or ident))
        self.station_label.setToolTip(ident)
        if self.online is True:
            self.connection_label.setText(self.tr("● Online"))
            self.connection_label.setStyleSheet("color: #1e8e3e;")
        elif self.online is False:
            self.connection_label.setText(self.tr("● Offline"))
            self.connection_label.setStyleSheet("color: #b06000;")
        elif status is not None and status.server_set_up:
            self.connection_label.setText(self.tr("● Connecting…"))
            self.connection_label.setStyleSheet("color: #5f6368;")
        else:
            self.connection_label.setText(self.tr("● No server set up"))
            self.connection_label.setStyleSheet("color: #5f6368;")
        self.connection_label.setToolTip(
            self.tr("Scans are saved on this computer and sent when the server can be reached.")
        )
        if status is None:
            self.pending_label.setText(self.tr("Waiting to send: …"))
        else:
            self.pending_label.setText(
                self.tr("Waiting to send: %1").replace("%1", str(status.pending))
            )
        self._render_disk(status.free_bytes if status else None)
        self._render_clock(status.skew if status else None)
        if status is None or status.last_sync is None:
            self.sync_label.setText(self.tr("Last sync: never"))
        else:
            local = status.last_sync.astimezone()
            self.sync_label.setText(
                self.tr("Last sync: %1").replace("%1", local.strftime("%Y-%m-%d %H:%M"))
            )
        self.fit()
