"""The inspector page (稽查): prepare the data, judge products on the shelf, file cases.

- Prepare: tick the regions of the trip, download the shipment data (snapshot) with a
  progress bar; the page says how old the data is. A cut download continues where it stopped.
- On site: find the store or region by typing (``PlacePicker``; "Near me" puts the station's
  region first), then scan. Each product gets its verdict from the downloaded data, offline,
  in the shell's big panel (colour, sound, the verdict's word; the scan log's own word) and in
  the verdict card with the product, its printed code, the dealer, their regions, ship date
  and order. Photos (camera or file) and a note attach to the check; CONFIRM (or the button)
  files a diversion case under a number that can be read out over the phone.
- My cases: what was filed and the brand's status, refreshed by sync.

The page shows the logged-in operator's own checks and cases; at a change of operator
everything of the last one's (verdict, photos, note, history) leaves the screen.

Scans run as writer actions (``ScanPage``); where the inspector stands and the check a
CONFIRM files are the session's row; photos are read, grabbed and written on worker
threads; downloads and sync on the station's one sync engine (``context.sync``).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QIcon, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes.display import readable
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows import knowledge
from app.domain.workflows.base import Decision, Outcome
from app.domain.workflows.inspector import checks, session
from app.domain.workflows.inspector.checks import CASE_STATUS_WORDS, Check, Place
from app.domain.workflows.inspector.session import InspectorReply, InspectorSession
from app.domain.workflows.inspector.verdict import (
    DECISION_HEADLINES,
    HEADLINES,
    LOG_WORDS,
    Verdict,
    headline,
)
from app.ui.feedback_panel import COLOURS
from app.ui.inspector.evidence import (
    CameraUnavailable,
    grab_photo,
    read_photo_file,
    running_camera,
)
from app.ui.inspector.place_picker import PlacePicker
from app.ui.scan_page import Action, PageParts, ScanPage
from app.ui.wedge_filter import ALLOW_IME_PROPERTY
from app.ui.widgets import RowsModel, big_label, table, tool_button

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

VERDICT_TINT = {
    "authorised": "ok",
    "diverted": "bad",
    "not_shipped": "warn",
    "unknown": "bad",
    "stale": "warn",
}
CASE_TINT = {"waiting": "warn", "refused": "bad", "sent": None, "open": None, "investigating": "warn",
             "confirmed": "bad", "closed": "off", "dismissed": "off"}  # fmt: skip
PHASES = {
    "push": QT_TRANSLATE_NOOP("Inspector", "Sending this station's work…"),
    "pull": QT_TRANSLATE_NOOP("Inspector", "Fetching stores, dealers and regions…"),
    "snapshot.download": QT_TRANSLATE_NOOP("Inspector", "Downloading shipment data…"),
    "snapshot.import": QT_TRANSLATE_NOOP("Inspector", "Loading shipment data…"),
    "snapshot.catchup": QT_TRANSLATE_NOOP("Inspector", "Bringing the data up to date…"),
}
RECENT_COLUMNS = (
    QT_TRANSLATE_NOOP("Inspector", "Time"), QT_TRANSLATE_NOOP("Inspector", "Verdict"),
    QT_TRANSLATE_NOOP("Inspector", "Product"), QT_TRANSLATE_NOOP("Inspector", "Shipped to"),
    QT_TRANSLATE_NOOP("Inspector", "Code"),
)  # fmt: skip
CASE_COLUMNS = (  # the case number first: it is what is read out over the phone
    QT_TRANSLATE_NOOP("Inspector", "Case"), QT_TRANSLATE_NOOP("Inspector", "Filed"),
    QT_TRANSLATE_NOOP("Inspector", "Status"), QT_TRANSLATE_NOOP("Inspector", "Verdict"),
    QT_TRANSLATE_NOOP("Inspector", "Product"), QT_TRANSLATE_NOOP("Inspector", "Dealer"),
    QT_TRANSLATE_NOOP("Inspector", "Found in"), QT_TRANSLATE_NOOP("Inspector", "Photos"),
    QT_TRANSLATE_NOOP("Inspector", "Code"),
)  # fmt: skip


def tr(text: str) -> str:
    return QCoreApplication.translate("Inspector", text)


def age_words(synced: dt.datetime | None, now: dt.datetime | None = None) -> str:
    if synced is None:
        return tr(QT_TRANSLATE_NOOP("Inspector", "No shipment data on this station yet."))
    hours = ((now or dt.datetime.now(dt.UTC)) - synced).total_seconds() / 3600
    when = synced.astimezone().strftime("%Y-%m-%d %H:%M")
    if hours < 1:
        return tr(
            QT_TRANSLATE_NOOP("Inspector", "Data from {when} (less than an hour old).")
        ).format(when=when)
    return tr(QT_TRANSLATE_NOOP("Inspector", "Data from {when} ({hours} hours old).")).format(
        when=when, hours=f"{hours:.0f}"
    )


class InspectorPage(ScanPage):
    """Hosted by the shell under "inspector"."""

    FAILED_REASON = "inspect.failed"

    reply_shown = Signal(object)  # InspectorReply
    photo_added = Signal(int)  # photos on the current check
    photo_failed = Signal(object)  # the exception: its words are chosen on the GUI thread
    state_loaded = Signal()
    _thumb = Signal(QImage)

    def __init__(self, parts: PageParts, parent: QWidget | None = None) -> None:
        super().__init__(parts, parent)
        self.setObjectName("InspectorPage")
        self.sync = parts.sync
        self.session = InspectorSession(parts.parser)
        self.current: Check | None = None
        self.place_id: str | None = None  # the session row's place, as last read
        self._asked_for_place = False  # the big panel says "where are you?"
        self._reloads = 0
        self._ticks_writing = 0  # region ticks not yet committed: a read now would undo them
        self.chosen: list[str] = []
        self.snapshot = knowledge.SnapshotState(0, None)
        self.camera_target = "0"
        self.evidence_dir = self.context.data_dir / "evidence"
        self._downloading = False
        self._build()
        self.sync.progressChanged.connect(self._progress)
        self.sync.roundFinished.connect(self._synced)
        self.photo_added.connect(self._photo_count)
        self.photo_failed.connect(self._photo_error)
        self._thumb.connect(self._add_thumb)
        if parts.operator_changed is not None:
            parts.operator_changed.connect(self._operator_changed)
        self.reload()

    # --- building -----------------------------------------------------------------------

    def _build(self) -> None:
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self._site_tab(), self.tr("On site"))
        self.tabs.addTab(self._prepare_tab(), self.tr("Prepare"))
        self.tabs.addTab(self._cases_tab(), self.tr("My cases"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        for n in range(3):
            QShortcut(
                QKeySequence(f"Alt+{n + 1}"),
                self,
                activated=lambda i=n: self.tabs.setCurrentIndex(i),
            )
        QShortcut(QKeySequence("Ctrl+F"), self, activated=self.find_place)

    def find_place(self) -> None:
        """To the place search from anywhere on the page, keyboard only."""
        self.tabs.setCurrentIndex(0)
        self.place.search()

    def set_compact(self, compact: bool) -> None:
        """A handheld screen: the verdict and the evidence keep the room; the recent checks
        are also in the window's scan log, so their own table steps aside."""
        self.compact = compact
        self.recent_view.setVisible(not compact)
        self.note.setMaximumHeight(48 if compact else 70)
        self._show_photos()

    def _show_photos(self) -> None:
        """On a handheld the thumbnails take room only once there is a photo to show."""
        self.photos.setVisible(not self.compact or self.photos.count() > 0)

    def _button(self, text: str, slot: Any) -> QPushButton:
        return tool_button(text, slot, self)

    def _site_tab(self) -> QWidget:
        tab = QWidget(self)
        self.place = PlacePicker(tab)
        self.place.chosen.connect(self._place_chosen)
        self.freshness = QLabel(tab)
        self.freshness.setObjectName("Freshness")
        self.freshness.setWordWrap(True)
        top = QHBoxLayout()
        where = QLabel(self.tr("Where am I (Ctrl+F):"), tab)
        where.setMinimumHeight(36)  # level with the search box, above the place's note
        top.addWidget(where, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.place, 3)
        top.addWidget(self.freshness, 2)

        self.card = QFrame(tab)
        self.card.setObjectName("VerdictCard")
        self.verdict = big_label("", 34)
        self.verdict.setObjectName("VerdictWord")
        self.verdict_lines = QLabel(self.card)
        self.verdict_lines.setWordWrap(True)
        self.verdict_lines.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.verdict_lines.font())
        font.setPixelSize(17)
        self.verdict_lines.setFont(font)
        card_box = QVBoxLayout(self.card)
        card_box.setContentsMargins(16, 10, 16, 10)
        card_box.addWidget(self.verdict)
        card_box.addWidget(self.verdict_lines)
        card_box.addStretch(1)

        self.photo_button = self._button(self.tr("Take photo"), self.take_photo)
        self.file_button = self._button(self.tr("Add photo file…"), self._ask_photo_file)
        self.photos = QListWidget(tab)
        self.photos.setViewMode(QListView.ViewMode.IconMode)
        self.photos.setIconSize(QSize(72, 72))
        self.photos.setMaximumHeight(92)
        self.compact = False
        self.photos.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.note = QPlainTextEdit(tab)
        self.note.setProperty(ALLOW_IME_PROPERTY, True)  # what the shop said, in Chinese
        self.note.setPlaceholderText(self.tr("Note: shelf, quantity, price, what the shop said…"))
        self.note.setMaximumHeight(70)
        self.case_button = self._button(self.tr("File a case  Ctrl+Enter"), self.file_case)
        self.case_button.setStyleSheet("QPushButton { font-weight: bold; }")
        for key in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(key), self, activated=self.case_button.click)
        self.evidence_status = QLabel(tab)
        self.evidence_status.setWordWrap(True)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_button)
        photo_row.addWidget(self.file_button)
        evidence = QVBoxLayout()
        evidence.addLayout(photo_row)
        evidence.addWidget(self.photos)
        evidence.addWidget(self.note)
        evidence.addWidget(self.case_button)
        evidence.addWidget(self.evidence_status)

        self.recent = RowsModel("Inspector", RECENT_COLUMNS, self)
        self.recent_view = table(self.recent, stretch=RECENT_COLUMNS.index("Code"))
        middle = QHBoxLayout()
        middle.addWidget(self.card, 3)
        middle.addLayout(evidence, 2)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addLayout(middle, 3)
        layout.addWidget(self.recent_view, 2)
        self._show_check(None)
        return tab

    def _prepare_tab(self) -> QWidget:
        tab = QWidget(self)
        intro = QLabel(
            self.tr(
                "Tick the regions of this trip, then download the shipment data while you still "
                "have a network. On site everything works offline. The data holds every code the "
                "brand issued, so goods from any other region are recognised too."
            ),
            tab,
        )
        intro.setWordWrap(True)
        self.region_list = QListWidget(tab)
        self.region_list.setStyleSheet(
            "QListWidget { font-size: 17px; } QListWidget::item { padding: 6px; }"
        )
        self.region_list.itemChanged.connect(self._regions_ticked)
        self.download_button = self._button(self.tr("Download data"), self.download)
        self.progress_bar = QProgressBar(tab)
        self.progress_bar.setRange(0, 100)
        self.progress_bar.setValue(0)
        self.progress_bar.setTextVisible(True)
        self.progress_text = QLabel(tab)
        self.progress_text.setWordWrap(True)
        self.prepare_freshness = big_label("", 18)
        right = QVBoxLayout()
        right.addWidget(self.prepare_freshness)
        right.addWidget(self.download_button)
        right.addWidget(self.progress_bar)
        right.addWidget(self.progress_text)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.region_list, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(tab)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        return tab

    def _cases_tab(self) -> QWidget:
        tab = QWidget(self)
        self.cases = RowsModel("Inspector", CASE_COLUMNS, self)
        self.cases_view = table(self.cases, stretch=CASE_COLUMNS.index("Found in"))
        self.cases_refresh = self._button(
            self.tr("Get the latest status from the brand"), lambda: self.sync.sync_now()
        )
        self.cases_status = QLabel(tab)
        row = QHBoxLayout()
        row.addWidget(self.cases_refresh)
        row.addWidget(self.cases_status, 1)
        layout = QVBoxLayout(tab)
        layout.addLayout(row)
        layout.addWidget(self.cases_view, 1)
        return tab

    # --- state -----------------------------------------------------------------------------

    def reload(self) -> None:
        """Regions, places, freshness, recent checks and cases, read off the GUI thread.

        A read must never undo the operator's region tick on screen: while a tick is being
        written no read starts (the write's own reload follows it), and a read already on its
        way when the tick came is dropped when it lands (the tick bumped ``_reloads``)."""
        if self._ticks_writing:
            return
        self._reloads += 1
        generation = self._reloads
        person = self.parts.operator()
        operator_id = person.id if person is not None else ""
        language = self.context.language
        self.gateway.read(
            lambda conn: (generation, session.page_state(conn, operator_id, language)),
            self._loaded,
        )

    def _loaded(self, read: tuple[int, dict[str, Any]]) -> None:
        generation, state = read
        if generation != self._reloads:
            return  # it started before the operator's last tick (or a newer read)
        self.chosen = state["chosen"]
        self.place_id = state["place"].id if state["place"] is not None else None
        self.snapshot = state["snapshot"]
        self._fill_regions(state["regions"])
        self.place.set_places(
            state["places"],
            {rid: parent for rid, _name, parent in state["regions"]},
            {rid: name for rid, name, _parent in state["regions"]},
            state["home"],
            self.place_id,
        )
        if self.current is None:
            self._show_check(None)
        words = age_words(self.snapshot.synced_at)
        rows = self.snapshot.rows
        if rows:
            words += " " + self.tr("{rows} codes.").format(rows=f"{rows:,}")
        self.freshness.setText(words)
        self.prepare_freshness.setText(words)
        stale = self.snapshot.synced_at is None
        self.freshness.setStyleSheet(
            "color: #c5221f; font-weight: bold;" if stale else "color: #3c4043;"
        )
        self.recent.set_rows(
            [
                (
                    check_id,
                    (
                        _local(at),
                        tr(headline(verdict, bool(no_data))),
                        product or "",
                        dealer or "",
                        readable(code),
                    ),
                    VERDICT_TINT.get(verdict),
                )
                for check_id, at, verdict, code, dealer, no_data, product in state["recent"]
            ]
        )
        self.cases.set_rows(
            [
                (
                    c.case_id,
                    (
                        c.case_id,
                        _local(c.opened_at),
                        tr(CASE_STATUS_WORDS.get(c.status, c.status)),
                        tr(HEADLINES[Verdict(c.verdict)]),
                        c.product or "",
                        c.dealer or "",
                        c.place,
                        str(c.photos),
                        readable(c.code_key),
                    ),
                    CASE_TINT.get(c.status),
                )
                for c in state["cases"]
            ]
        )
        self.state_loaded.emit()

    def _fill_regions(self, regions: list[tuple[str, str, str | None]]) -> None:
        parents = {rid: parent for rid, _name, parent in regions}
        self.region_list.blockSignals(True)
        self.region_list.clear()
        for rid, name, _parent in sorted(regions, key=lambda r: _path(r[0], parents)):
            depth = len(_path(rid, parents)) - 1
            item = QListWidgetItem("    " * depth + name)
            item.setData(Qt.ItemDataRole.UserRole, rid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if rid in self.chosen else Qt.CheckState.Unchecked
            )
            self.region_list.addItem(item)
        self.region_list.blockSignals(False)

    def _place_chosen(self, chosen: Place | None) -> None:
        self.place_id = chosen.id if chosen is not None else None
        self.gateway.write(lambda conn: session.choose_place(conn, chosen), None, self._not_saved)
        if self.current is None:
            self._show_check(None)
        if chosen is not None and self._asked_for_place:
            self._asked_for_place = False
            self._show(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP("Decisions", "You are in {here}. Scan the products."),
                    {"here": self.place.label(chosen)},
                    "inspect.place_chosen",
                )
            )

    def _not_saved(self, exc: BaseException) -> None:
        self.fail("", exc)

    def choose_place(self, place_id: str | None) -> bool:
        """Stand at the place with this id (None: nowhere), as picking it from the list does."""
        return self.place.choose(place_id)

    def _operator_changed(self, _operator: object) -> None:
        """Another person at the station (or nobody): none of the last one's verdicts, history
        or evidence stays on screen, and CONFIRM cannot file a case for their check."""
        self.current = None
        self._asked_for_place = False
        self.photos.clear()
        self._show_photos()
        self.note.clear()
        self.evidence_status.clear()
        self.recent.set_rows([])
        self.cases.set_rows([])
        self.cases_status.clear()
        self._show_check(None)
        self.gateway.write(session.forget_last_check, None, self._not_saved)
        self.reload()

    def _regions_ticked(self, _item: QListWidgetItem) -> None:
        chosen = [
            self.region_list.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.region_list.count())
            if self.region_list.item(i).checkState() == Qt.CheckState.Checked
        ]
        self.chosen = chosen
        self._reloads += 1  # see reload()
        self._ticks_writing += 1
        self.gateway.write(
            lambda conn: checks.choose_regions(conn, chosen), self._tick_written, self._tick_written
        )

    def _tick_written(self, _result: object) -> None:
        self._ticks_writing -= 1
        self.reload()

    # --- scans ------------------------------------------------------------------------------

    def scan_action(self, text: str) -> Action:
        actor, inspector = self.actor(), self.session
        note = self.note.toPlainText()
        check_id = self.current.check_id if self.current is not None else None

        def action(conn):
            if check_id is not None and note.strip():
                checks.set_note(conn, check_id, note)  # the note travels with a case the gun files
            return inspector.handle(conn, text, actor)

        return action

    def apply(self, reply: InspectorReply, text: str = "") -> None:
        if reply.check is not None:
            self.current = reply.check
            self._show_check(reply.check)
            self.photos.clear()
            self._show_photos()
            self.note.clear()
            self.evidence_status.clear()
            self.tabs.setCurrentIndex(0)
        word = DECISION_HEADLINES.get(reply.decision.reason or "")
        if word is None and reply.check is not None:
            word = HEADLINES[reply.check.judgement.verdict]
        headline = tr(word) if word else None
        self._asked_for_place = reply.decision.reason == "inspect.no_place"
        self._show(reply.decision, text, headline)
        if self._asked_for_place:
            self.find_place()
        if reply.case_id is not None:
            self.case_button.setEnabled(False)
            self.evidence_status.setText(self.tr("Case {case} filed.").format(case=reply.case_id))
        if reply.wants_sync:
            self.sync.sync_now()
        if reply.check is not None or reply.case_id is not None:
            self.reload()
        self.reply_shown.emit(reply)

    def _show(self, decision: Decision, text: str = "", headline: str | None = None) -> None:
        word = LOG_WORDS.get(decision.reason or "")
        self.feedback.show(
            decision, code=text, headline=headline, result=tr(word) if word else None
        )

    def _show_check(self, check: Check | None) -> None:
        if check is None:
            self.verdict.setText(
                self.tr("Scan a product")
                if self.place_id is not None
                else self.tr("Pick the place, then scan a product")
            )
            self.verdict_lines.setText(
                self.tr(
                    "The verdict shows here: authorised here, DIVERTED, not shipped yet, unknown to the brand, or data too old."
                )
            )
            self._tint(None)
            for widget in (self.photo_button, self.file_button, self.note, self.case_button):
                widget.setEnabled(False)
            return
        verdict = check.judgement.verdict
        no_data = check.decision.reason == "inspect.no_data"
        self.verdict.setText(tr(headline(verdict, no_data)))
        lines = [
            self.tr("{label}: {value}").format(label=tr(label), value=value)
            for label, value in check.facts
        ]
        if no_data:  # no age to give: what to do instead
            lines.append(self.tr("No data yet: download it on the Prepare tab first."))
        self.verdict_lines.setText("\n".join(lines))
        self._tint(check.judgement.outcome)
        caseable = verdict in (Verdict.DIVERTED, Verdict.NOT_SHIPPED, Verdict.UNKNOWN)
        for widget in (self.photo_button, self.file_button, self.note):
            widget.setEnabled(True)
        self.case_button.setEnabled(caseable)

    def _tint(self, outcome: Outcome | None) -> None:
        background, text = COLOURS[outcome]
        self.card.setStyleSheet(
            f"#VerdictCard {{ background: {background}; border-radius: 8px; }}"
            f"#VerdictCard QLabel {{ color: {text}; background: transparent; }}"
        )

    # --- evidence and cases ----------------------------------------------------------------

    def take_photo(self) -> None:
        check = self.current
        if check is None:
            return
        self.evidence_status.setText(self.tr("Taking the photo…"))
        target, camera = self.camera_target, running_camera(self.context.scan_bridge)
        self._photo_worker(check.check_id, "camera", lambda: (grab_photo(target, camera), ".jpg"))

    def _ask_photo_file(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Add a photo"),
            str(Path.home()),
            self.tr("Images (*.jpg *.jpeg *.png *.bmp)"),
        )
        if chosen:
            self.add_photo_file(Path(chosen))

    def add_photo_file(self, path: Path) -> None:
        check = self.current
        if check is not None:
            self._photo_worker(check.check_id, "file", lambda: read_photo_file(path))

    def _photo_worker(self, check_id: str, source: str, produce: Any) -> None:
        folder = self.evidence_dir
        writer = self.gateway.writer

        def run() -> None:
            try:
                data, suffix = produce()
                photo = checks.save_photo(folder, check_id, data, suffix)
                try:
                    count = writer.call(
                        lambda conn: checks.attach_photo(
                            conn, check_id, photo, source, dt.datetime.now(dt.UTC)
                        )
                    )
                except checks.PhotoRefused:  # the check is full: no file the case never names
                    photo.path.unlink(missing_ok=True)
                    raise
            except Exception as exc:  # a camera or disk problem: say it, keep the check
                log.warning("evidence photo failed: %s", exc)
                self.photo_failed.emit(exc)
                return
            self.photo_added.emit(count)
            self._thumb_ready(photo.path)

        threading.Thread(target=run, name="evidence-photo", daemon=True).start()

    def _thumb_ready(self, path: Path) -> None:
        image = QImage(str(path))  # QImage may be used off the GUI thread; QPixmap may not
        if not image.isNull():
            self._thumb.emit(image.scaled(144, 144, Qt.AspectRatioMode.KeepAspectRatio))

    def _photo_count(self, count: int) -> None:
        self.evidence_status.setText(
            self.tr("{count} photos attached to this check.").format(count=count)
        )

    def _photo_error(self, exc: BaseException) -> None:
        """What went wrong, in the operator's words, and what to do next; never Python's text."""
        if isinstance(exc, checks.PhotoRefused):  # its words say what happened and what to do
            self.evidence_status.setText(tr(exc.template).format(**exc.args_))
            return
        if isinstance(exc, CameraUnavailable):
            why = tr(exc.template).format(**exc.args_)
            advice = self.tr(
                "Check that the camera is connected and not used by another program, or add a "
                "photo file."
            )
        elif isinstance(exc, OSError):
            why = self.tr("The photo could not be read or saved ({error}).").format(
                error=exc.strerror or type(exc).__name__
            )
            advice = self.tr("Try another file, or take the photo with the camera.")
        else:
            why, advice = "", self.tr("Try again, or add a photo file.")
        self.evidence_status.setText(
            " ".join(part for part in (self.tr("No photo was taken."), why, advice) if part)
        )

    def _add_thumb(self, image: QImage) -> None:
        item = QListWidgetItem(QIcon(QPixmap.fromImage(image)), "")
        self.photos.addItem(item)
        self._show_photos()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        self.reload()

    def file_case(self) -> None:
        check = self.current
        if check is None:
            return
        note = self.note.toPlainText()
        check_id = check.check_id
        actor, inspector = self.actor(), self.session

        def action(conn):
            checks.set_note(conn, check_id, note)
            return inspector.file_case(conn, check_id, actor)

        self.act(action)

    # --- data download ----------------------------------------------------------------------

    def download(self) -> None:
        if self._downloading:
            return
        self._downloading = True
        self.download_button.setEnabled(False)
        self.progress_bar.setValue(0)
        self.progress_text.setText(self.tr("Connecting to the brand's server…"))
        self.sync.sync_now(snapshot=True)

    def _progress(self, phase: str, done: int, total: object) -> None:
        if not self._downloading:
            return
        words = tr(PHASES[phase]) if phase in PHASES else phase
        if isinstance(total, int) and total > 0:
            self.progress_bar.setRange(0, 1000)
            self.progress_bar.setValue(int(1000 * min(done, total) / total))
            if phase == "snapshot.download":
                words += f"  {done / 1e6:.1f} / {total / 1e6:.1f} MB"
            elif phase == "snapshot.import":
                words += f"  {done:,} / {total:,}"
        else:
            self.progress_bar.setRange(0, 0)  # busy, size unknown
        self.progress_text.setText(words)

    def _synced(self, _report: object, failure: object) -> None:
        error = getattr(failure, "code", None) if failure is not None else None
        if self._downloading:
            self._downloading = False
            self.download_button.setEnabled(True)
            self.progress_bar.setRange(0, 1000)
            if error is None:
                self.progress_bar.setValue(1000)
                self.progress_text.setText(
                    self.tr("Done. The data is on this station; you can inspect offline.")
                )
            else:
                self.progress_text.setText(
                    self.tr(
                        "The download stopped ({error}). Press Download data again when the network is "
                        "back: it continues where it stopped."
                    ).format(error=error)
                )
        self.cases_status.setText(
            self.tr("Updated from the brand.")
            if error is None
            else self.tr("Offline: showing what was known at the last sync.")
        )
        self.reload()


def _local(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%m-%d %H:%M")
    except ValueError:
        return text


def _path(region_id: str, parents: dict[str, str | None]) -> list[str]:
    chain, current = [], region_id
    while current and current not in chain and len(chain) < 16:
        chain.insert(0, current)
        current = parents.get(current)
    return chain


def register(window: MainWindow, parts: PageParts) -> None:
    """Mount the inspector page in the shell (listed in ``app/ui/page_registry.py``)."""
    from app.domain.operators import Role

    page = InspectorPage(parts)
    window.add_page(
        "inspector", QCoreApplication.translate("Inspector", "Inspection"), page, {Role.INSPECTOR}
    )


__all__ = ["InspectorPage", "register"]
