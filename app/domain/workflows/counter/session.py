"""The counter driven by the gun alone: every scan or command barcode becomes one Reply.

The session runs inside writer actions (so scans are handled one at a time, in order) and
hands back immutable replies for the page to show. Its state between scans (the mode, a voucher
waiting for the confirming scan, an open claim) is one row, ``counter_session``, read at the
start of each action and written in the same transaction, as the warehouse keeps its jobs: a
restart resumes it and a rolled-back scan leaves it untouched. What the scan is decides the work: a
voucher QR redeems, an installer card starts a rebate claim, a product code is verified (or,
with a claim open, added to it). Command barcodes confirm, cancel, undo, switch and sync.
Nothing is acknowledged before its transaction commits; a voucher waiting for its confirming
scan is only shown, never written.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field

from app.domain import clock as station_clock
from app.domain.codes import Code, CodeParser, Scheme
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.workflows.base import Actor, Decision, Outcome
from app.domain.workflows.counter import rebates, redeem, verify
from app.domain.workflows.counter.model import (
    CardFacts,
    ClaimDraft,
    ClaimLine,
    Mode,
    VoucherFacts,
    alert_words,
    money,
    shown,
)
from app.domain.workflows.counter.redeem import UndoRefused, UndoTarget
from app.domain.workflows.counter.tokens import Refusal, looks_like_token

Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True, slots=True)
class Reply:
    """What the page shows after one scan; ``decision`` is None when there is nothing to say."""

    decision: Decision | None
    mode: Mode
    pending: VoucherFacts | None = None
    draft: ClaimDraft | None = None
    verification: verify.LocalFacts | None = None
    undo: UndoTarget | None = None  # ask a supervisor to approve undoing this
    wants_sync: bool = False
    changed: bool = False  # redemptions or claims changed: refresh the lists
    extra: dict[str, str] = field(default_factory=dict)
    subject: str = ""  # what was scanned, as a person reads it (the scan log's code column)


UNCHECKED = QT_TRANSLATE_NOOP(
    "Decisions",
    "ADDED, NOT CHECKED YET: this counter cannot see whether {code} was sold; the brand checks it. "
    "{count} products, about {total}.",
)
UNCHECKED_ONE = QT_TRANSLATE_NOOP(  # English says one product apart, not "1 products"
    "Decisions",
    "ADDED, NOT CHECKED YET: this counter cannot see whether {code} was sold; the brand checks it. "
    "1 product, about {total}.",
)


def _refusal(refusal: Refusal) -> Decision:
    return Decision(
        Outcome.ERROR,
        alert_words(refusal.alert, refusal.args),
        dict(refusal.args),
        refusal.alert.value,
    )


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _dump(value: VoucherFacts | ClaimDraft | None) -> str | None:
    if value is None:
        return None
    return json.dumps(dataclasses.asdict(value), ensure_ascii=False, default=dt.date.isoformat)


def _voucher(text: str | None) -> VoucherFacts | None:
    if not text:
        return None
    fields = json.loads(text)
    return VoucherFacts(**{**fields, "expires": _date(fields["expires"])})


def _draft(text: str | None) -> ClaimDraft | None:
    if not text:
        return None
    fields = json.loads(text)
    card = fields["card"]
    return ClaimDraft(
        CardFacts(**{**card, "expires": _date(card["expires"])}),
        tuple(ClaimLine(**line) for line in fields["lines"]),
    )


class CounterSession:
    """The counter's rules between scans. ``mode``, ``pending`` and ``draft`` hold the
    ``counter_session`` row while one writer action runs; between actions the row is the truth."""

    def __init__(
        self,
        parser: CodeParser | None = None,
        clock: Clock = utc_now,
        machine: station_clock.Machine | None = None,
    ) -> None:
        self.parser = parser or CodeParser()
        self.clock = clock  # the wall clock; checks use the server's time (``time``) when known
        self.machine = machine or station_clock.Machine(wall=clock)
        self.time: station_clock.TrustedTime | None = None  # during one writer action
        self.mode = Mode.REDEEM
        self.pending: VoucherFacts | None = None
        self.draft: ClaimDraft | None = None
        self.checking: frozenset[str] = frozenset()  # during one writer action

    # --- the state row -------------------------------------------------------------------

    def _load(self, conn: sqlite3.Connection) -> None:
        row = conn.execute("SELECT mode, pending, draft FROM counter_session").fetchone()
        if row is None:
            self.mode, self.pending, self.draft = Mode.REDEEM, None, None
            return
        self.mode, self.pending, self.draft = Mode(row[0]), _voucher(row[1]), _draft(row[2])

    def _save(self, conn: sqlite3.Connection) -> None:
        conn.execute(
            "INSERT INTO counter_session (id, mode, pending, draft) VALUES (1, ?, ?, ?)"
            " ON CONFLICT (id) DO UPDATE SET mode = excluded.mode, pending = excluded.pending,"
            " draft = excluded.draft",
            (self.mode.value, _dump(self.pending), _dump(self.draft)),
        )

    def current(self, conn: sqlite3.Connection) -> Reply:
        """Where the counter stands (after start-up or a restart), to show; reads only."""
        self._load(conn)
        return self._reply(None)

    # --- entry points --------------------------------------------------------------------

    def handle(
        self,
        conn: sqlite3.Connection,
        text: str,
        actor: Actor,
        *,
        online: bool,
        checking: frozenset[str] = frozenset(),
    ) -> Reply:
        """One scan, inside a writer action; ``checking`` holds the claimed codes the brand is
        being asked about (CONFIRM waits for them: one refused code refuses the whole claim)."""
        self._load(conn)
        self.checking = checking
        reply = self._handle(conn, text, actor, online)
        self._save(conn)
        return dataclasses.replace(reply, subject=self._subject(text, reply))

    def _subject(self, text: str, reply: Reply) -> str:
        """A voucher or card by its number, a product code by the text under its barcode, the
        CONFIRM that registered a claim by the claim's number; never the signed token or the
        store's key."""
        args = reply.decision.args if reply.decision is not None else {}
        if looks_like_token(text):
            if reply.pending is not None:
                return reply.pending.voucher_id
            if reply.draft is not None and reply.draft.card.token == text.strip():
                return reply.draft.card.card_id
            return str(args.get("voucher") or args.get("card") or "")
        code = self.parser.parse(text)
        if code.scheme is Scheme.COMMAND:
            return str(args.get("claim") or "")
        if not code.key:
            return ""
        return shown(code.key)

    def _handle(self, conn: sqlite3.Connection, text: str, actor: Actor, online: bool) -> Reply:
        self.time = redeem.trusted_time(conn, self.machine)
        now = self.time.now
        if looks_like_token(text):
            if text.strip()[:3].upper() == "YC1":
                return self._card(conn, text.strip(), now)
            return self._voucher(conn, text.strip(), actor, now, online)
        code = self.parser.parse(text)
        if code.scheme is Scheme.COMMAND:
            return self._command(conn, code, actor, now, online)
        if not code.valid:
            return self._reply(
                Decision(Outcome.ERROR, code.message or "", {}, code.reason or "code.invalid")
            )
        if self.mode is Mode.REBATE and self.draft is not None:
            return self._claim_code(conn, code, now)
        return self._verify(conn, code, actor, now)

    def _switch(self, mode: Mode) -> Reply:
        self.mode = mode
        self.pending = None
        if mode is not Mode.REBATE:
            self.draft = None
        return self._reply(None)

    def _reply(self, decision: Decision | None, **extra: object) -> Reply:
        return Reply(decision, self.mode, self.pending, self.draft, **extra)  # type: ignore[arg-type]

    # --- vouchers --------------------------------------------------------------------------

    def _voucher(
        self, conn: sqlite3.Connection, text: str, actor: Actor, now: dt.datetime, online: bool
    ) -> Reply:
        if self.draft is not None and self.draft.lines:
            return self._reply(
                Decision(
                    Outcome.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "An installer claim is still open. Scan CONFIRM to register it or CANCEL "
                        "to drop it, then scan the voucher again.",
                    ),
                    {},
                    "counter.claim_open",
                )
            )
        self.mode, self.draft = Mode.REDEEM, None
        if self.pending is not None and self.pending.token == text:
            return self._confirm(conn, actor, now, online)
        self.pending = None
        result = redeem.assess(conn, text, now, online=online, since_sync=self._since_sync())
        if isinstance(result, Refusal):
            return self._reply(_refusal(result))
        self.pending = result
        return self._reply(
            Decision(
                Outcome.OK,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Valid voucher: {prize} ({value}). Scan CONFIRM (or the voucher again) to "
                    "redeem it; CANCEL to stop.",
                ),
                {"prize": result.prize or result.voucher_id, "value": money(result.value_cents)},
                "voucher.valid",
            )
        )

    def _since_sync(self) -> dt.timedelta | None:
        return self.time.since_sync if self.time is not None else None

    def _confirm(
        self, conn: sqlite3.Connection, actor: Actor, now: dt.datetime, online: bool
    ) -> Reply:
        facts = self.pending
        assert facts is not None
        self.pending = None
        result = redeem.redeem(
            conn, facts.token, actor, now, online=online, since_sync=self._since_sync()
        )
        if isinstance(result, Refusal):
            return self._reply(_refusal(result))
        args: dict[str, str | int] = {
            "prize": facts.prize or facts.voucher_id,
            "value": money(facts.value_cents),
            "voucher": facts.voucher_id,
        }
        if result.provisional:
            decision = Decision(
                Outcome.DONE,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "REDEEMED (offline, provisional): hand out {prize}. The brand confirms it at "
                    "the next sync.",
                ),
                args,
                "voucher.redeemed_provisional",
                result.event.seq,
            )
        else:
            decision = Decision(
                Outcome.DONE,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "REDEEMED: {prize}. Waiting for the brand's confirmation; it shows here in a "
                    "moment.",
                ),
                args,
                "voucher.redeemed",
                result.event.seq,
            )
        return self._reply(
            decision, wants_sync=online, changed=True, extra={"event_id": result.event.event_id}
        )

    # --- installer claims -------------------------------------------------------------------

    def _card(self, conn: sqlite3.Connection, text: str, now: dt.datetime) -> Reply:
        if self.draft is not None and self.draft.lines and self.draft.card.token != text:
            return self._reply(
                Decision(
                    Outcome.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "The claim for {installer} is still open. Scan CONFIRM to register it or "
                        "CANCEL to drop it before the next installer's card.",
                    ),
                    {"installer": self.draft.card.installer or self.draft.card.card_id},
                    "counter.claim_open",
                )
            )
        self.mode, self.pending = Mode.REBATE, None
        if self.draft is not None and self.draft.card.token == text:
            return self._reply(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP(
                        "Decisions", "Card of {installer} is open. Scan the products' codes."
                    ),
                    {"installer": self.draft.card.installer or self.draft.card.card_id},
                    "card.valid",
                )
            )
        result = rebates.start(conn, text, now.astimezone().date())
        if isinstance(result, Refusal):
            self.draft = None
            return self._reply(_refusal(result))
        self.draft = result
        return self._reply(
            Decision(
                Outcome.OK,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Installer {installer}: scan each product's code, then CONFIRM to register the "
                    "claim.",
                ),
                {"installer": result.card.installer or result.card.card_id},
                "card.valid",
            )
        )

    def _claim_code(self, conn: sqlite3.Connection, code: Code, now: dt.datetime) -> Reply:
        assert self.draft is not None
        result = rebates.add_code(conn, self.draft, code, now.astimezone().date())
        if isinstance(result, rebates.LineRefused):
            return self._reply(
                Decision(Outcome.ERROR, result.message, dict(result.args), result.reason)
            )
        self.draft, line = result
        args: dict[str, str | int] = {
            "product": line.product or shown(line.code_key),
            "code": shown(line.code_key, line.product),
            "amount": money(line.amount_cents),
            "count": len(self.draft.lines),
            "total": money(self.draft.estimate_cents),
        }
        if not line.checked:  # the page asks the brand, when it can, and takes it off if refused
            return self._reply(
                Decision(
                    Outcome.WARNING,
                    UNCHECKED_ONE if len(self.draft.lines) == 1 else UNCHECKED,
                    args,
                    "claim.code_unchecked",
                ),
                extra={"check_code": line.code_key},
            )
        return self._reply(
            Decision(
                Outcome.OK,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Added {product}: rebate about {amount}. 1 product, about {total} so far.",
                )
                if len(self.draft.lines) == 1
                else QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Added {product}: rebate about {amount}. {count} products, about {total} so far.",
                ),
                args,
                "claim.code_added",
            )
        )

    def leave_to_brand(self, conn: sqlite3.Connection, key: str) -> Reply:
        """The brand keeps the trace of a code this station could not judge from this dealer
        (another dealer's sale, or none): it stays on the open claim unchecked, and the clerk is
        told the brand decides at sync (the server's rule may pay for it)."""
        self._load(conn)
        if self.draft is None or not self.draft.has(key):
            return self._reply(None)
        line = next(line for line in self.draft.lines if line.code_key == key)
        return self._reply(
            Decision(
                Outcome.WARNING,
                rebates.LEFT_TO_BRAND,
                {"code": shown(key, line.product)},
                rebates.LEFT_TO_BRAND_REASON,
            ),
            subject=shown(key),
        )

    def refuse_code(self, conn: sqlite3.Connection, key: str, reason: str) -> Reply:
        """The brand refused a code this station could not judge (``claim.code_unchecked``):
        take it off the open claim and say why. A claim already registered keeps it; the server
        judges that one."""
        self._load(conn)
        if self.draft is None or not self.draft.has(key):
            return self._reply(None)
        line = next(line for line in self.draft.lines if line.code_key == key)
        self.draft = rebates.drop(self.draft, key)
        self._save(conn)
        refused = rebates.brand_refusal(key, line.product, reason)
        return self._reply(
            Decision(Outcome.ERROR, refused.message, dict(refused.args), refused.reason),
            subject=shown(key),
        )

    def _register(
        self, conn: sqlite3.Connection, actor: Actor, now: dt.datetime, online: bool
    ) -> Reply:
        assert self.draft is not None
        waiting = [line for line in self.draft.lines if line.code_key in self.checking]
        if waiting:
            return self._reply(
                Decision(
                    Outcome.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "Still checking 1 product with the brand. Scan CONFIRM again in a moment.",
                    )
                    if len(waiting) == 1
                    else QT_TRANSLATE_NOOP(
                        "Decisions",
                        "Still checking {count} products with the brand. Scan CONFIRM again in a "
                        "moment.",
                    ),
                    {"count": len(waiting)},
                    "claim.checking",
                )
            )
        result = rebates.register(conn, self.draft, actor, now, online=online)
        if isinstance(result, rebates.LineRefused):
            return self._reply(
                Decision(Outcome.ERROR, result.message, dict(result.args), result.reason)
            )
        installer = self.draft.card.installer or self.draft.card.card_id
        self.draft = None
        return self._reply(
            Decision(
                Outcome.DONE,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "CLAIM {claim} REGISTERED for {installer}: 1 product, rebate about {total}. "
                    "The brand confirms it at sync.",
                )
                if result.units == 1
                else QT_TRANSLATE_NOOP(
                    "Decisions",
                    "CLAIM {claim} REGISTERED for {installer}: {count} products, rebate about "
                    "{total}. The brand confirms it at sync.",
                ),
                {
                    "claim": result.claim_id,
                    "installer": installer,
                    "count": result.units,
                    "total": money(result.estimate_cents),
                },
                "claim.registered",
                result.event.seq,
            ),
            wants_sync=online,
            changed=True,
            extra={"event_id": result.event.event_id},
        )

    # --- verification ----------------------------------------------------------------------

    def _verify(
        self, conn: sqlite3.Connection, code: Code, actor: Actor, now: dt.datetime
    ) -> Reply:
        if self.mode is not Mode.VERIFY:
            self.mode, self.pending = Mode.VERIFY, None
            if self.draft is not None and not self.draft.lines:
                self.draft = None
        if not code.serialized:
            return self._reply(
                Decision(
                    Outcome.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "{code} names a product, not one item: it cannot be traced. Scan the "
                        "item's own QR or DataMatrix code.",
                    ),
                    {"code": shown(code.key) if code.key else code.raw},
                    "verify.not_serialized",
                )
            )
        facts = verify.check(conn, code, actor, now)
        return self._reply(verify.local_decision(facts), verification=facts)

    # --- commands --------------------------------------------------------------------------

    def _command(
        self, conn: sqlite3.Connection, code: Code, actor: Actor, now: dt.datetime, online: bool
    ) -> Reply:
        name = code.key.removeprefix("cmd:")
        if name in ("confirm", "finish"):
            if self.pending is not None:
                return self._confirm(conn, actor, now, online)
            if self.draft is not None:
                return self._register(conn, actor, now, online)
            return self._reply(
                Decision(
                    Outcome.WARNING,
                    QT_TRANSLATE_NOOP(
                        "Decisions",
                        "Nothing to confirm. Scan a voucher or an installer card first.",
                    ),
                    {},
                    "counter.nothing_to_confirm",
                )
            )
        if name == "cancel":
            had = self.pending is not None or self.draft is not None
            self.pending, self.draft = None, None
            return self._reply(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP("Decisions", "Cancelled. Nothing was recorded.")
                    if had
                    else QT_TRANSLATE_NOOP("Decisions", "Nothing to cancel."),
                    {},
                    "counter.cancelled",
                )
            )
        if name == "undo":
            return self._undo(conn, now)
        if name == "switch":
            arg = code.fields.get("arg", "").lower()
            try:
                mode = Mode(arg)
            except ValueError:
                return self._reply(
                    Decision(
                        Outcome.ERROR,
                        QT_TRANSLATE_NOOP(
                            "Decisions",
                            "This switch sheet is for another page ({arg}). Use the counter's "
                            "sheet: redeem, verify or rebate.",
                        ),
                        {"arg": arg},
                        "counter.unknown_switch",
                    )
                )
            self._switch(mode)
            return self._reply(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP("Decisions", "Switched. Scan the next code."),
                    {},
                    "counter.switched",
                )
            )
        if name == "sync":
            return self._reply(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP("Decisions", "Syncing with the brand's server now."),
                    {},
                    "counter.sync",
                ),
                wants_sync=True,
            )
        return self._reply(
            Decision(
                Outcome.WARNING,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "The counter does not use this command. Use CONFIRM, CANCEL, UNDO or SWITCH.",
                ),
                {},
                "counter.command_unused",
            )
        )

    def _undo(self, conn: sqlite3.Connection, now: dt.datetime) -> Reply:
        if self.pending is not None:
            self.pending = None
            return self._reply(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP("Decisions", "Voucher put back; nothing was redeemed."),
                    {},
                    "counter.cancelled",
                )
            )
        if self.draft is not None:
            self.draft, line = rebates.drop_last(self.draft)
            if line is None:
                self.draft = None
                return self._reply(
                    Decision(
                        Outcome.OK,
                        QT_TRANSLATE_NOOP("Decisions", "Claim closed; nothing was registered."),
                        {},
                        "counter.cancelled",
                    )
                )
            return self._reply(
                Decision(
                    Outcome.OK,
                    QT_TRANSLATE_NOOP("Decisions", "Took {product} off the claim. 1 product left.")
                    if len(self.draft.lines) == 1
                    else QT_TRANSLATE_NOOP(
                        "Decisions", "Took {product} off the claim. {count} products left."
                    ),
                    {
                        "product": line.product or shown(line.code_key),
                        "count": len(self.draft.lines),
                    },
                    "claim.code_removed",
                )
            )
        target = redeem.last_undoable(conn, now)
        if target is None:
            window = int(redeem.undo_window(conn).total_seconds() // 60)
            return self._reply(
                Decision(
                    Outcome.WARNING,
                    redeem.UNDO_WINDOW_PASSED_ONE if window == 1 else redeem.UNDO_WINDOW_PASSED,
                    {"minutes": window},
                    "counter.undo_window_passed",
                )
            )
        return self._reply(
            Decision(
                Outcome.WARNING,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "Undo the redemption of {prize}? A supervisor must approve with their PIN.",
                ),
                {"prize": target.prize or target.voucher_id},
                "counter.undo_needs_supervisor",
            ),
            undo=target,
        )

    def undo_redemption(
        self,
        conn: sqlite3.Connection,
        target: UndoTarget,
        actor: Actor,
        supervisor: Actor,
        reason: str,
        *,
        online: bool,
    ) -> Reply:
        """Undo after the supervisor's PIN was checked (by the page, through ``operators``)."""
        self._load(conn)
        try:
            event = redeem.undo(conn, target.voucher_id, actor, supervisor, reason, self.clock())
        except UndoRefused as exc:
            return self._reply(Decision(Outcome.ERROR, exc.message, dict(exc.args_), exc.reason))
        return self._reply(
            Decision(
                Outcome.DONE,
                QT_TRANSLATE_NOOP(
                    "Decisions",
                    "UNDONE: the redemption of {prize} is cancelled (approved by {supervisor}). "
                    "Take the prize back.",
                ),
                {
                    "prize": target.prize or target.voucher_id,
                    "supervisor": supervisor.operator_name,
                },
                "voucher.undone",
                event.seq,
            ),
            wants_sync=online,
            changed=True,
        )
