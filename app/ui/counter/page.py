"""The dealer counter page (门店柜台): redeem vouchers, verify products, installer rebates.

The gun drives it: a voucher QR shows the prize and waits for the confirming scan, an
installer card opens a claim that collects product codes, any other product code is
verified. Command barcodes (or Ctrl+Enter, Esc, Ctrl+Z, the buttons) confirm, cancel and
undo; undoing a redemption asks a supervisor for their PIN. Every scan is one writer action
(``ScanPage``) and the state between scans is the session's row; the feedback panel shows,
sounds and logs each decision with a headline that names it (REDEEMED, FORGED, EXPIRED ...).
Lookups and sync go through the station's one sync engine (``context.sync``); the GUI thread
never runs SQL or I/O.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.codes import command_text
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Actor, Decision, Outcome
from app.domain.workflows.counter import rebates, redeem, verify
from app.domain.workflows.counter.model import (
    HEADLINES,
    MODE_TITLES,
    STANDING_WORDS,
    ClaimDraft,
    Mode,
    VoucherFacts,
    money,
    shown,
)
from app.domain.workflows.counter.redeem import UndoTarget
from app.domain.workflows.counter.session import CounterSession, Reply
from app.domain.workflows.knowledge import dealer_name, identity
from app.ui.counter.reasons import explain, what_happened
from app.ui.elide import elide_in_the_middle
from app.ui.scan_page import Action, PageParts, ScanPage
from app.ui.widgets import ElidedLabel, RowsModel, TabButton, big_label, table, tool_button
from sync.client.runner import LookupTooLate
from sync.client.transport import NotAllowed, Offline, Stopped

if TYPE_CHECKING:
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

WIDE_DETAILS = 1000  # px of the details' box from which they take two columns
TINT = {"confirmed": "ok", "provisional": "warn", "refused": "bad", "undone": "off"}
REFUSED_BY_BRAND = QT_TRANSLATE_NOOP("Decisions", "REFUSED BY THE BRAND: {what} {todo}")
CONFIRMED = QT_TRANSLATE_NOOP(
    "Decisions", "CONFIRMED: the brand confirmed the redemption of {prize}."
)
REDEMPTION_COLUMNS = (
    QT_TRANSLATE_NOOP("Counter", "Time"), QT_TRANSLATE_NOOP("Counter", "Prize"),
    QT_TRANSLATE_NOOP("Counter", "Value"), QT_TRANSLATE_NOOP("Counter", "Standing"),
    QT_TRANSLATE_NOOP("Counter", "Voucher"), QT_TRANSLATE_NOOP("Counter", "Operator"),
)  # fmt: skip
CLAIM_LINE_COLUMNS = (
    QT_TRANSLATE_NOOP("Counter", "Product"), QT_TRANSLATE_NOOP("Counter", "Estimated rebate"),
    QT_TRANSLATE_NOOP("Counter", "Code"),
)  # fmt: skip
CLAIM_COLUMNS = (
    QT_TRANSLATE_NOOP("Counter", "Time"), QT_TRANSLATE_NOOP("Counter", "Claim"),
    QT_TRANSLATE_NOOP("Counter", "Installer"),
    QT_TRANSLATE_NOOP("Counter", "Products"), QT_TRANSLATE_NOOP("Counter", "Estimated rebate"),
    QT_TRANSLATE_NOOP("Counter", "Standing"),
)  # fmt: skip


def tr(text: str) -> str:
    return QCoreApplication.translate("Counter", text)


def local_time(text: str) -> str:
    try:
        return dt.datetime.fromisoformat(text).astimezone().strftime("%H:%M")
    except ValueError:
        return text


def standing_text(standing: str, reason: str | None, detail: dict[str, Any]) -> str:
    """A list's standing cell: the word, and for a refusal what the brand said (its tooltip
    shows all of it)."""
    word = tr(STANDING_WORDS[standing])
    return f"{word} · {what_happened(reason, detail)}" if standing == "refused" else word


def fact_text(fact: verify.Fact) -> str:
    """A detail's value in the operator's language: as it is, or its words translated."""
    if not fact.words:
        return fact.value
    words = [tr(word).format(**fact.args) for word in fact.words]
    return QCoreApplication.translate("Counter", ", ").join(words)  # "、" in Chinese


class CounterPage(ScanPage):
    """Hosted by the shell under "counter"."""

    FAILED_REASON = "counter.failed"

    reply_shown = Signal(object)  # Reply, after its decision was shown
    lists_refreshed = Signal()
    sheet_written = Signal(object)  # Path of the command sheet PDF

    def __init__(self, parts: PageParts, parent: QWidget | None = None) -> None:
        super().__init__(parts, parent)
        self.setObjectName("CounterPage")
        self.sync = parts.sync
        self.session = CounterSession(parts.parser)
        self._awaiting: dict[
            str, str
        ] = {}  # event id -> what (redemption | claim) for the server's answer
        self._verifying: verify.LocalFacts | None = None
        self._retrace: str | None = None  # a code whose trace waited too long: ask after the round
        self._claim_checks: set[str] = set()  # claimed codes this station could not judge
        self._compact = False  # a handheld-sized screen (``set_compact``)
        self._pending: VoucherFacts | None = None
        self.supervisor_dialog = None
        self.day_close_dialog = None
        self.open_files = True  # open written PDFs in the system viewer (tests switch it off)
        self._build()
        self.sync.onlineChanged.connect(self._show_online)
        self.sync.traced.connect(self._traced)
        self.sync.roundFinished.connect(self._synced)
        self.sheet_written.connect(self._sheet_written)
        self._show_online(self.sync.online)
        self._show_mode(Mode.REDEEM)
        self.read_state(self.session.current, self._show_state)
        self.refresh_lists()

    # --- building -----------------------------------------------------------------------

    def set_compact(self, compact: bool) -> None:
        """Called by the window on a handheld-sized screen (see app/ui/compact.py)."""
        for button in self.tool_buttons:
            button.setVisible(not compact)
        self.more_button.setVisible(compact)
        self._compact = compact
        self._show_online(self.sync.online)

    def _build(self) -> None:
        self.mode_buttons = QButtonGroup(self)
        self.mode_buttons.setExclusive(True)
        modes = QHBoxLayout()
        self._mode_button: dict[Mode, QPushButton] = {}
        for n, mode in enumerate(Mode):
            button = TabButton(f"{tr(MODE_TITLES[mode])}  Alt+{n + 1}", self)  # sized for bold
            button.setCheckable(True)
            button.setMinimumHeight(44)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(
                lambda _=False, m=mode: self.submit(command_text("switch", m.value))
            )
            self.mode_buttons.addButton(button)
            self._mode_button[mode] = button
            modes.addWidget(button)
            QShortcut(QKeySequence(f"Alt+{n + 1}"), self, activated=button.click)
        modes.addStretch(1)
        self.online_badge = ElidedLabel(self)  # gives way (whole in the tooltip) before the modes
        self.online_badge.setObjectName("OnlineBadge")
        self.online_badge.setMinimumHeight(36)
        self.online_badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        modes.addWidget(self.online_badge)
        self.sync_button = self._button(
            self.tr("Sync now"), lambda: self.submit(command_text("sync"))
        )
        self.close_button = self._button(self.tr("Day's close…"), self.open_day_close)
        self.sheet_button = self._button(self.tr("Command sheet…"), self.print_command_sheet)
        # On a handheld the three tools fold into one "More" menu button beside the modes.
        self.tool_buttons = (self.sync_button, self.close_button, self.sheet_button)
        self.more_button = self._button(self.tr("More…"), lambda: None)
        more_menu = QMenu(self.more_button)
        for button in self.tool_buttons:
            more_menu.addAction(button.text(), button.click)
        self.more_button.setMenu(more_menu)
        self.more_button.hide()
        for button in (*self.tool_buttons, self.more_button):
            modes.addWidget(button)

        for button in self._mode_button.values():
            button.setStyleSheet(
                "QPushButton { font-size: 16px; padding: 0 14px; }"
                "QPushButton:checked { background: #1a73e8; color: white; font-weight: bold;"
                " border: 1px solid #1558b0; border-radius: 4px; }"
            )
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self._redeem_panel())
        self.stack.addWidget(self._verify_panel())
        self.stack.addWidget(self._rebate_panel())

        actions = QHBoxLayout()
        self.confirm_button = self._button(
            self.tr("Confirm  Ctrl+Enter"), lambda: self.submit(command_text("confirm"))
        )
        self.cancel_button = self._button(
            self.tr("Cancel  Esc"), lambda: self.submit(command_text("cancel"))
        )
        self.undo_button = self._button(
            self.tr("Undo  Ctrl+Z"), lambda: self.submit(command_text("undo"))
        )
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        for button in (self.confirm_button, self.cancel_button, self.undo_button):
            actions.addWidget(button)
        actions.addWidget(self.hint, 1)
        for keys, button in (
            (("Ctrl+Return", "Ctrl+Enter"), self.confirm_button),
            (("Escape",), self.cancel_button),
            (("Ctrl+Z",), self.undo_button),
        ):
            for key in keys:
                QShortcut(QKeySequence(key), self, activated=button.click)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(modes)
        layout.addWidget(self.stack, 1)
        layout.addLayout(actions)

    def _button(self, text: str, slot: Any) -> QPushButton:
        return tool_button(text, slot, self)

    def _card_frame(self) -> tuple[QFrame, QVBoxLayout]:
        frame = QFrame(self)
        frame.setObjectName("CounterCard")
        frame.setStyleSheet(
            "#CounterCard { background: #f8f9fa; border: 1px solid #dadce0; border-radius: 8px; }"
        )
        frame.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        box = QVBoxLayout(frame)
        box.setContentsMargins(14, 10, 14, 10)
        return frame, box

    @staticmethod
    def _card_scroll(frame: QFrame, content: QWidget) -> QScrollArea:
        """``content`` scrolls inside the card when the card is short (800x600) instead of its
        wrapped lines being squeezed over one another; it keeps the card's width."""
        scroll = QScrollArea(frame)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea { background: transparent; }")
        scroll.viewport().setAutoFillBackground(False)
        scroll.setWidget(content)
        return scroll

    def _redeem_panel(self) -> QWidget:
        panel = QWidget(self)
        frame, box = self._card_frame()
        self.voucher_title = big_label(self.tr("Voucher"), 17)
        self.voucher_prize = big_label("", 30)
        self.voucher_value = big_label("", 22)
        self.voucher_facts = QLabel(frame)
        self.voucher_facts.setWordWrap(True)
        self.voucher_facts.setTextFormat(Qt.TextFormat.PlainText)
        box.addWidget(self.voucher_title)
        box.addWidget(self.voucher_prize)
        box.addWidget(self.voucher_value)
        box.addWidget(self.voucher_facts)
        box.addStretch(1)
        self.redemptions = RowsModel("Counter", REDEMPTION_COLUMNS, self)
        self.redemptions_view = table(self.redemptions, stretch=1)
        right = QVBoxLayout()
        self.redemptions_title = QLabel(panel)
        right.addWidget(self.redemptions_title)
        right.addWidget(self.redemptions_view, 1)
        layout = QHBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(frame, 2)
        layout.addLayout(right, 3)
        self._show_voucher(None)
        return panel

    def _verify_panel(self) -> QWidget:
        panel = QWidget(self)
        frame, box = self._card_frame()
        self.verify_title = big_label("", 24)
        self.verify_title.setWordWrap(True)
        self.verify_source = QLabel(frame)
        self.verify_source.setWordWrap(True)
        self.verify_source.setStyleSheet("color: #5f6368;")
        # The details scroll inside the card on a small screen instead of being squeezed:
        # label and value side by side, a long value wrapping under itself.
        self.verify_details = QWidget()
        self.verify_details.setObjectName("VerifyDetails")
        self.verify_details.setStyleSheet("#VerifyDetails { background: transparent; }")
        self.verify_grid = QGridLayout(self.verify_details)
        self.verify_grid.setContentsMargins(0, 4, 0, 4)
        self.verify_grid.setHorizontalSpacing(16)
        self.verify_grid.setVerticalSpacing(6)
        self.verify_grid.setColumnStretch(1, 1)
        scroll = self._card_scroll(frame, self.verify_details)
        self.verify_scroll = scroll
        box.addWidget(self.verify_title)
        box.addWidget(self.verify_source)
        box.addWidget(scroll, 1)
        layout = QHBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(frame)
        self._show_facts(None, [], "")
        return panel

    def _rebate_panel(self) -> QWidget:
        panel = QWidget(self)
        frame, box = self._card_frame()
        self.installer = big_label("", 26)
        self.card_facts = QLabel(frame)
        self.card_facts.setWordWrap(True)
        self.claim_total = big_label("", 30)
        self.claims_today = QLabel(frame)
        self.claims_today.setWordWrap(True)
        self.claims_today.setStyleSheet("color: #5f6368;")
        # The headline and its lines scroll in a short card rather than overlap (screenshot
        # review: "Scan an installer's card" over its hint at 800x600 in English).
        content = QWidget()
        content.setObjectName("RebateCard")
        content.setStyleSheet("#RebateCard { background: transparent; }")
        lines = QVBoxLayout(content)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.addWidget(self.installer)
        lines.addWidget(self.card_facts)
        lines.addWidget(self.claim_total)
        lines.addStretch(1)
        lines.addWidget(self.claims_today)
        self.rebate_scroll = self._card_scroll(frame, content)
        box.addWidget(self.rebate_scroll)
        self.lines = RowsModel("Counter", CLAIM_LINE_COLUMNS, self)
        self.lines_view = table(self.lines, stretch=2)  # the code takes the spare width
        elide_in_the_middle(self.lines_view, 2)  # a code keeps its serial
        self.claims = RowsModel("Counter", CLAIM_COLUMNS, self)
        self.claims_view = table(self.claims, stretch=2)  # the installer's name
        right = QGridLayout()
        right.addWidget(QLabel(self.tr("This claim"), panel), 0, 0)
        right.addWidget(self.lines_view, 1, 0)
        right.addWidget(QLabel(self.tr("Today's claims"), panel), 0, 1)
        right.addWidget(self.claims_view, 1, 1)
        right.setColumnStretch(0, 3)  # the claim being scanned, with its codes, gets the room
        right.setColumnStretch(1, 2)
        layout = QHBoxLayout(panel)
        layout.setContentsMargins(0, 4, 0, 4)
        layout.addWidget(frame, 2)
        layout.addLayout(right, 5)
        self._show_draft(None)
        return panel

    # --- scans ---------------------------------------------------------------------------

    def scan_action(self, text: str) -> Action:
        actor, online, session = self.actor(), self.sync.online is True, self.session
        checking = frozenset(self._claim_checks)
        return lambda conn: session.handle(conn, text, actor, online=online, checking=checking)

    def _show_state(self, reply: Reply) -> None:
        """Where the counter stands (its session row), shown without a decision."""
        self._show_mode(reply.mode)
        self._pending = reply.pending
        self._show_voucher(reply.pending)
        self._show_draft(reply.draft)

    def apply(self, reply: Reply, text: str = "") -> None:
        self._show_state(reply)
        decision = reply.decision
        if reply.verification is not None:
            self._verifying, self._retrace = reply.verification, None
            asking = self.sync.worth_asking
            if decision is not None:
                seq, facts = decision.event_seq, reply.verification
                decision = (
                    verify.asking_decision(facts, seq)
                    if asking
                    else verify.offline_decision(facts, seq)
                )
            if asking:
                self.sync.trace(reply.verification.key)
            source = (
                self.tr("Checking with the brand…")
                if asking
                else self.tr("Offline: what this station knows")
            )
            self._show_facts(decision, reply.verification.facts, source)
        if decision is not None:
            self._show(decision, reply.subject)
        check = reply.extra.get("check_code")
        if check and self.sync.worth_asking:  # judged by the brand's trace, at once when online
            self._claim_checks.add(check)
            self.sync.trace(check)
        if reply.undo is not None:
            self.ask_supervisor(reply.undo)
        event_id = reply.extra.get("event_id")
        if event_id and reply.decision is not None:
            self._awaiting[event_id] = (
                "claim" if reply.decision.reason == "claim.registered" else "redemption"
            )
        if reply.wants_sync:
            self.sync.sync_now()
        if reply.changed:
            self.refresh_lists()
        self.reply_shown.emit(reply)

    def _show(self, decision: Decision, text: str = "") -> None:
        headline = HEADLINES.get(decision.reason or "")
        self.feedback.show(decision, code=text, headline=tr(headline) if headline else None)

    # --- views ---------------------------------------------------------------------------

    def _show_mode(self, mode: Mode) -> None:
        self.mode = mode
        self._mode_button[mode].setChecked(True)
        self.stack.setCurrentIndex(list(Mode).index(mode))
        hints = {
            Mode.REDEEM: self.tr(
                "Scan the voucher on the customer's phone, then CONFIRM (or scan it again)."
            ),
            Mode.VERIFY: self.tr("Scan the product's own code to check it is genuine."),
            Mode.REBATE: self.tr(
                "Scan the installer's card, then each product's code, then CONFIRM."
            ),
        }
        self.hint.setText(hints[mode])

    def _show_online(self, online: bool | None) -> None:
        """The badge beside the modes; on a small screen its word only, the rest a tooltip."""
        if online:
            short, full = self.tr("● Online"), self.tr("● Online: the brand confirms at once")
            style = "color: #ffffff; background: #1e8e3e;"
        else:
            short, full = self.tr("● Offline"), self.tr("● Offline: redemptions are provisional")
            style = "color: #202124; background: #f9ab00;"
        self.online_badge.setText(short if self._compact else full)
        self.online_badge.setToolTip(full)
        self.online_badge.setStyleSheet(style + " border-radius: 6px; padding: 4px 10px;")

    def _show_voucher(self, facts: VoucherFacts | None) -> None:
        if facts is None:
            self.voucher_title.setText(self.tr("Voucher"))
            self.voucher_prize.setText(self.tr("Scan a voucher"))
            self.voucher_value.setText("")
            self.voucher_facts.setText(self.tr("The customer shows the voucher QR on their phone."))
            return
        self.voucher_title.setText(self.tr("Valid voucher: scan CONFIRM to redeem"))
        self.voucher_prize.setText(facts.prize or facts.voucher_id)
        self.voucher_value.setText(money(facts.value_cents))
        lines = [
            self.tr("Voucher {id}").format(id=facts.voucher_id),
            self.tr("Valid until {date}").format(
                date=facts.expires.isoformat() if facts.expires else "—"
            ),
            self.tr("Dealer: {dealer}").format(dealer=facts.dealer_name or self.tr("any dealer")),
        ]
        if facts.campaign:
            lines.append(facts.campaign)
        self.voucher_facts.setText("\n".join(lines))

    def _show_facts(self, decision: Decision | None, facts: list[verify.Fact], source: str) -> None:
        while self.verify_grid.count():
            item = self.verify_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        for row in range(self.verify_grid.rowCount()):
            self.verify_grid.setRowStretch(row, 0)  # the last list's filler row
        if decision is None and not facts:
            self.verify_title.setText(self.tr("Scan a product code"))
            self.verify_source.setText(self.tr("What the brand knows about it shows here."))
            return
        if decision is not None:
            headline = HEADLINES.get(decision.reason or "")
            self.verify_title.setText(tr(headline) if headline else "")
        self.verify_source.setText(source)
        # A wide card shows the details in two columns (read down the left one, then the right
        # one), so a desk screen shows them all without scrolling.
        columns = 2 if self.verify_scroll.viewport().width() >= WIDE_DETAILS else 1
        per_column = -(-len(facts) // columns)
        for column in range(4):
            self.verify_grid.setColumnStretch(
                column, 1 if column % 2 and column // 2 < columns else 0
            )
        for n, fact in enumerate(facts):
            row, column = n % per_column, 2 * (n // per_column)
            name = QLabel(tr(fact.label), self.verify_details)
            name.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            name.setStyleSheet("color: #5f6368;")
            text = QLabel(fact_text(fact), self.verify_details)
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setWordWrap(True)
            text.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Minimum)
            for widget in (name, text):
                font = QFont(widget.font())
                font.setPixelSize(17)
                widget.setFont(font)
            # At least one line, not the wrapped label's hint for its narrowest width (which
            # made the list far taller than its rows); the layout gives each row its height
            # for the card's width.
            text.setMinimumHeight(text.fontMetrics().height())
            self.verify_grid.addWidget(name, row, column)
            self.verify_grid.addWidget(text, row, column + 1)
        self.verify_grid.setRowStretch(per_column, 1)

    def _show_draft(self, draft: ClaimDraft | None) -> None:
        if draft is None:
            self.installer.setText(self.tr("Scan an installer's card"))
            self.card_facts.setText(
                self.tr("The installer shows the card QR; then scan each product they fitted.")
            )
            self.claim_total.setText("")
            self.lines.set_rows([])
            return
        card = draft.card
        self.installer.setText(card.installer or card.card_id)
        self.card_facts.setText(
            self.tr("Card {id} · valid until {date}").format(
                id=card.card_id, date=card.expires.isoformat() if card.expires else "—"
            )
        )
        total = (  # English says one product apart, not "1 products"
            self.tr("1 product · about {total}")
            if len(draft.lines) == 1
            else self.tr("{count} products · about {total}")
        )
        self.claim_total.setText(
            total.format(count=len(draft.lines), total=money(draft.estimate_cents))
        )
        self.lines.set_rows(
            [
                (
                    line.code_key,
                    (line.product or "—", money(line.amount_cents), shown(line.code_key)),
                    None if line.checked else "warn",  # amber until the brand judged it
                )
                for line in reversed(draft.lines)
            ]
        )

    # --- the server's answers -----------------------------------------------------------------

    def _traced(self, key: str, trace: verify.BrandTrace | None, error: object) -> None:
        if key in self._claim_checks:
            self._claim_checked(key, trace, error)
        facts = self._verifying
        if facts is None or facts.key != key:
            return
        if trace is not None:
            self.gateway.read(
                lambda c: (dealer_name(c, trace.dealer_id), identity(c).station_id),
                lambda found: self._show_trace(facts, trace, *found),
            )
            return
        if isinstance(error, LookupTooLate):
            # The server answers, but the one sync thread was busy with a round past the
            # lookup's wait: the local answer stays and the trace is asked for after the round.
            self._retrace = key
            self.verify_source.setText(
                self.tr("The brand's server is busy with a sync; its trace follows when it ends.")
            )
            return
        if isinstance(error, NotAllowed):
            why, source = verify.NOT_SHARED, self.tr("What this station knows")
        elif error is None or isinstance(error, (Offline, Stopped)) or not self.sync.online:
            why, source = verify.OFFLINE, self.tr("Offline: what this station knows")
        else:
            why, source = verify.FAILED, self.tr("What this station knows")
        decision = verify.untraced_decision(facts, why)
        self._show_facts(decision, facts.facts, source)
        self._show(decision, shown(key))

    def _claim_checked(self, key: str, trace: verify.BrandTrace | None, error: object) -> None:
        """The brand's word on a claimed code this station could not judge: one it refuses is
        taken off the open claim at once; one whose trace it keeps from this dealer stays on
        it, and the clerk is told the brand decides at sync (no answer: the same, unsaid)."""
        self._claim_checks.discard(key)
        session = self.session
        if isinstance(error, NotAllowed):
            self.act(lambda conn: session.leave_to_brand(conn, key))
            return
        reason = rebates.brand_verdict(trace)
        if reason is not None:
            self.act(lambda conn: session.refuse_code(conn, key, reason))

    def _show_trace(
        self,
        facts: verify.LocalFacts,
        trace: verify.BrandTrace,
        dealer: str | None,
        me: str | None,
    ) -> None:
        decision = verify.trace_decision(trace, facts, dealer)
        lines = verify.trace_lines(trace, dealer, me)
        lines.append(verify.Fact(verify.LABELS["here"], str(facts.seen_here + 1)))
        self._show_facts(decision, lines, self.tr("The brand's trace"))
        self._show(decision, shown(trace.key))

    def _synced(self, _report: object, error: object) -> None:
        if error is not None and self._awaiting:
            log.info("sync after a counter action failed: %s", error)
        key, self._retrace = self._retrace, None
        if key is not None and self._verifying is not None and self._verifying.key == key:
            self.sync.trace(key)
        self.refresh_lists()
        if not self._awaiting:
            return
        awaiting, self._awaiting = self._awaiting, {}

        def answers(conn):
            out = []
            for event_id, what in awaiting.items():
                if what == "redemption":
                    row = redeem.redemption_by_event(conn, event_id)
                else:
                    rows = rebates.claims(conn, event_id=event_id)
                    row = rows[0] if rows else None
                out.append((event_id, what, row))
            return out

        self.gateway.read(answers, self._answered)

    def _answered(self, answers: list) -> None:
        for event_id, what, row in answers:
            if row is None or row.standing == "provisional":
                self._awaiting[event_id] = what  # not answered yet: ask again after the next sync
                continue
            if row.standing == "refused":
                what_text, todo = explain(row.reason, row.detail)
                reason = (
                    "voucher.server_refused" if what == "redemption" else "claim.server_refused"
                )
                self._show(
                    Decision(
                        Outcome.ERROR, REFUSED_BY_BRAND, {"what": what_text, "todo": todo}, reason
                    )
                )
            elif what == "redemption" and row.standing == "confirmed":
                self._show(
                    Decision(
                        Outcome.DONE,
                        CONFIRMED,
                        {"prize": row.prize or row.voucher_id},
                        "voucher.confirmed",
                    )
                )

    def refresh_lists(self) -> None:
        day = dt.date.today()

        def read(conn):
            return redeem.redemptions(conn, day.isoformat()), rebates.claims(conn, day.isoformat())

        self.gateway.read(read, self._lists)

    def _lists(self, data: tuple[list, list]) -> None:
        redemptions, claims = data
        self.redemptions.set_rows(
            [
                (
                    r.event_id,
                    (
                        local_time(r.redeemed_at),
                        r.prize,
                        money(r.value_cents),
                        standing_text(r.standing, r.reason, r.detail),
                        r.voucher_id,
                        r.operator_name,
                    ),
                    TINT[r.standing],
                )
                for r in reversed(redemptions)
            ]
        )
        standing = [r for r in redemptions if r.standing != "undone"]
        self.redemptions_title.setText(
            self.tr("Today: {count} redeemed, {value} ({provisional} provisional)").format(
                count=len(standing),
                value=money(sum(r.value_cents for r in standing)),
                provisional=sum(1 for r in standing if r.standing == "provisional"),
            )
        )
        self.claims.set_rows(
            [
                (
                    c.claim_id,
                    (
                        local_time(c.claimed_at),
                        c.claim_id,
                        c.installer or c.card_id,
                        str(c.units),
                        money(c.estimate_cents),
                        standing_text(c.standing, c.reason, c.detail),
                    ),
                    TINT[c.standing],
                )
                for c in reversed(claims)
            ]
        )
        units = sum(c.units for c in claims if c.standing != "refused")
        counted = (  # English counts one claim and one product apart, not "1 claims"
            self.tr("1 claim") if len(claims) == 1 else self.tr("{count} claims"),
            self.tr("1 product") if units == 1 else self.tr("{count} products"),
        )
        self.claims_today.setText(
            self.tr("Today: {claims}, {products}").format(
                claims=counted[0].format(count=len(claims)),
                products=counted[1].format(count=units),
            )
        )
        self.lists_refreshed.emit()

    # --- dialogs --------------------------------------------------------------------------

    def ask_supervisor(self, target: UndoTarget) -> None:
        from app.ui.counter.supervisor import SupervisorDialog

        dialog = SupervisorDialog(self.gateway, target, self)
        dialog.approved.connect(lambda person, reason: self._undo(target, person, reason))
        self.supervisor_dialog = dialog
        dialog.open()

    def _undo(self, target: UndoTarget, person: Any, reason: str) -> None:
        actor, supervisor = self.actor(), Actor(person.id, person.name)
        online, session = self.sync.online is True, self.session
        self.act(
            lambda conn: session.undo_redemption(
                conn, target, actor, supervisor, reason, online=online
            )
        )

    def command_sheet_sections(self) -> list[tuple[str, list[Any]]]:
        """The barcodes a clerk scans instead of touching the PC, in the operator's language."""
        from app.ui.warehouse.printing import SheetEntry

        return [
            (
                self.tr("Counter commands"),
                [
                    SheetEntry.command(self.tr("Confirm"), "Ctrl+Enter", "confirm"),
                    SheetEntry.command(self.tr("Cancel"), "Esc", "cancel"),
                    SheetEntry.command(self.tr("Undo (supervisor PIN)"), "Ctrl+Z", "undo"),
                    SheetEntry.command(self.tr("Sync now"), "", "sync"),
                    SheetEntry.command(self.tr("Type a code by hand"), "", "type"),
                ]
                + [
                    SheetEntry.command(tr(MODE_TITLES[mode]), f"Alt+{n + 1}", "switch", mode.value)
                    for n, mode in enumerate(Mode)
                ],
            )
        ]

    def print_command_sheet(self) -> None:
        """Write the command sheet PDF on a worker thread and open it."""
        import threading

        from app.ui.warehouse.printing import write_command_sheet

        path = self.context.data_dir / "reports" / "counter-commands.pdf"
        sections = self.command_sheet_sections()
        title = self.tr("Yima Scan · counter command sheet")

        def run() -> None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                write_command_sheet(path, sections, title)
            except OSError:
                log.exception("command sheet not written")
                return
            self.sheet_written.emit(path)

        threading.Thread(target=run, name="counter-sheet", daemon=True).start()

    def _sheet_written(self, path: Any) -> None:
        if self.open_files:
            from PySide6.QtCore import QUrl
            from PySide6.QtGui import QDesktopServices

            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def open_day_close(self) -> None:
        from app.ui.counter.day_close import DayCloseDialog

        dialog = DayCloseDialog(
            self.gateway,
            self.context.data_dir / "reports",
            self,
            station_name=self.context.settings.station_name,
        )
        self.day_close_dialog = dialog
        dialog.open()


def register(window: MainWindow, parts: PageParts) -> None:
    """Mount the counter page in the shell (listed in ``app/ui/page_registry.py``)."""
    from app.domain.operators import Role

    page = CounterPage(parts)
    window.add_page(
        "counter",
        QCoreApplication.translate("Counter", "Counter"),
        page,
        {Role.COUNTER, Role.SUPERVISOR},
    )
