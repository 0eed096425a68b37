"""The station's sync client: enroll, push the journal, pull reference data, fetch snapshots.

One ``SyncClient`` per station database. It reads with its own read-only connection and
writes only through the store's ``Writer`` (each page or batch result is one transaction),
so it can run on the sync thread while the operator keeps scanning. ``sync_once`` does a
whole round: push everything pending, then pull; it raises ``Offline`` when the server
cannot be reached and ``AuthRequired`` when the station must be enrolled again.

Lookups a person waits for (a code's trace, a voucher's status, an installer's statement, the
online probe) are one attempt with short timeouts: on a poor network the clerk gets the offline
answer in seconds instead of a retry loop. Every answer's server time is kept (``app.domain
.clock``): offline limits count on it, not on the PC's wall clock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import quote

from app import __version__
from app.domain import clock
from app.domain.i18n import QT_TRANSLATE_NOOP
from app.domain.store import journal
from app.domain.store.database import connect, station_id
from app.domain.store.writer import Writer
from app.domain.workflows.counter.verify import BrandTrace
from sync.client import credentials, evidence, issues, registry, state
from sync.client.apply import StaleCursor, apply_page, record_results
from sync.client.trace import brand_trace
from sync.client.transport import (
    AuthRequired,
    Offline,
    RetryPolicy,
    ServerRefused,
    SyncError,
    TooLarge,
    Transport,
)
from sync.protocol import (
    API_PREFIX,
    STREAM_REF,
    STREAM_SHIPMENTS,
    EnrollResponse,
    PullResponse,
    PushResponse,
    RebateStatement,
    ServerInfo,
    Trace,
    VoucherStatus,
    Whoami,
)

log = logging.getLogger(__name__)

LOOKUP_TIMEOUT = (2.0, 5.0)  # connect, read: a person is waiting
CLOCK_SAVE_EVERY = 60.0  # seconds between writes of the server's time heard in lookups

Progress = Callable[[str, int, int | None], None]


class HistoryAltered(SyncError):
    """The journal's hash chain does not verify: what follows was changed behind the app's back."""

    code = "sync.chain_broken"
    text = QT_TRANSLATE_NOOP(
        "Sync",
        "Sending stopped: the station's history was changed outside Yima Scan at event "
        "{detail}. Call IT; do not delete the database.",
    )


class HistoryDiffers(SyncError):
    """The server holds a different history for this station than its own journal: the
    station's database was rolled back (a copy put back, its -wal file lost) or replaced."""

    code = "sync.history_differs"
    text = QT_TRANSLATE_NOOP(
        "Sync",
        "Sending stopped: the station database was rolled back ({detail}). Stop scanning and "
        "call IT.",
    )


class NotEnrolled(SyncError):
    code = "sync.not_enrolled"
    text = QT_TRANSLATE_NOOP(
        "Sync", "This station is not enrolled with a server yet. Ask IT for an enrollment code."
    )


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")


@dataclass
class SyncReport:
    accepted: int = 0
    duplicate: int = 0
    rejected: int = 0
    pulled_pages: int = 0
    pulled_changes: int = 0
    snapshot_rows: int = 0
    registry_codes: int = 0  # codes a first pull loaded from the registry snapshot
    evidence: int = 0  # inspectors' photos that reached the server
    seconds: float = 0.0

    @property
    def pushed(self) -> int:
        return self.accepted + self.duplicate + self.rejected


@dataclass
class SyncStatus:
    """What the status bar shows."""

    enrolled: bool
    server_url: str | None
    pending: int
    open_issues: int
    last_success_at: str | None
    last_attempt_at: str | None
    last_error: dict[str, Any] | None
    needs_enrollment: bool
    online: bool | None = None  # None: not tried yet
    snapshot: dict[str, Any] = field(default_factory=dict)


class SyncClient:
    def __init__(
        self,
        db_path: str | Path,
        writer: Writer,
        *,
        ca_bundle: str | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        policy: RetryPolicy | None = None,
        stop: threading.Event | None = None,
        progress: Progress | None = None,
        push_batch: int | None = None,
        lookup_timeout: tuple[float, float] = LOOKUP_TIMEOUT,
        machine: clock.Machine = clock.SYSTEM,
    ) -> None:
        self.db_path = Path(db_path)
        self.writer = writer
        self.ca_bundle = ca_bundle
        self.timeouts = (connect_timeout, read_timeout)
        self.policy = policy or RetryPolicy()
        self.stop = stop or threading.Event()
        self.progress = progress or (lambda phase, done, total: None)
        self.push_batch = push_batch
        self.lookup_timeout = lookup_timeout
        self.machine = machine
        self._heard: clock.Anchor | None = None  # the server's time at its latest answer
        self._clock_saved_at: float | None = None  # monotonic
        self._reader: sqlite3.Connection | None = None
        self._transport: Transport | None = None
        self._info: ServerInfo | None = None

    # --- plumbing -------------------------------------------------------------------------------

    @property
    def reader(self) -> sqlite3.Connection:
        if self._reader is None:
            self._reader = connect(self.db_path, readonly=True)
        return self._reader

    def setting(self, key: str, default: Any = None) -> Any:
        return state.get(self.reader, key, default)

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
            self._transport = None
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    def _make_transport(self, url: str, credential: str | None) -> Transport:
        return Transport(
            url,
            credential,
            ca_bundle=self.ca_bundle or self.setting("sync.ca_bundle"),
            connect_timeout=self.timeouts[0],
            read_timeout=self.timeouts[1],
            policy=self.policy,
            stop=self.stop,
            on_server_time=self._server_time,
        )

    def transport(self) -> Transport:
        if self._transport is None:
            url, server_id, me = (
                self.setting("sync.server_url"),
                self.setting("sync.server_id"),
                self.setting("sync.station_id"),
            )
            if not (url and server_id and me):
                raise NotEnrolled()
            credential = credentials.load(server_id, me)
            if not credential:
                raise NotEnrolled("no credential in the system credential store")
            self._transport = self._make_transport(url, credential)
        return self._transport

    def info(self) -> ServerInfo:
        if self._info is None:
            self._info = ServerInfo.model_validate(self.transport().get_json(f"{API_PREFIX}/info"))
        return self._info

    # --- the server's time ------------------------------------------------------------------------

    def _server_time(self, header: str) -> None:
        try:
            moment = dt.datetime.fromisoformat(header)
        except ValueError:
            log.warning("the server sent an unreadable time: %r", header[:40])
            return
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=dt.UTC)
        m = self.machine
        self._heard = clock.Anchor.heard(moment, m.wall(), m.monotonic(), m.boot())

    def _anchor(self, conn: sqlite3.Connection, *, synced: bool) -> clock.Anchor | None:
        """What to store now: the latest server time heard (the last complete round's too when
        ``synced``), or the stored anchor carried to this moment when the server was silent."""
        stored = clock.load(conn)
        heard, self._heard = self._heard, None
        if heard is None:
            return stored.carried(self.machine) if stored is not None else None
        last_round = heard.server_at if synced else (stored.synced_at if stored else None)
        return replace(heard, synced_at=last_round)

    def _save_clock(self, conn: sqlite3.Connection, *, synced: bool) -> None:
        anchor = self._anchor(conn, synced=synced)
        if anchor is not None:
            clock.save(conn, anchor)
        self._clock_saved_at = self.machine.monotonic()

    def save_clock(self) -> None:
        """Keep the server's time heard in lookups (at most once a minute: it is only a mark)."""
        last = self._clock_saved_at
        if self._heard is None or (
            last is not None and self.machine.monotonic() - last < CLOCK_SAVE_EVERY
        ):
            return
        self._write(lambda conn: self._save_clock(conn, synced=False))

    def _write(self, action: Callable[[sqlite3.Connection], Any], timeout: float = 60) -> Any:
        return self.writer.call(action, timeout=timeout)

    # --- enrollment -----------------------------------------------------------------------------

    def enroll(
        self, server_url: str, code: str, *, station_name: str = "", ca_bundle: str | None = None
    ) -> Whoami:
        """Exchange a one-time code for this station's credential (kept in the OS keyring)."""
        if ca_bundle:
            self.ca_bundle = ca_bundle
        anonymous = self._make_transport(server_url, None)
        try:
            info = ServerInfo.model_validate(anonymous.get_json(f"{API_PREFIX}/info", attempts=2))
            me = station_id(self.reader)
            answer = EnrollResponse.model_validate(
                anonymous.post_json(
                    f"{API_PREFIX}/enroll",
                    {
                        "enrollment_code": code,
                        "station_id": me,
                        "station_name": station_name,
                        "app_version": __version__,
                    },
                    attempts=1,
                )
            )
        finally:
            anonymous.close()
        credentials.save(answer.server_id, answer.station_id, answer.credential)
        previous = self.setting("sync.server_id")
        self.close()

        def save(conn: sqlite3.Connection) -> None:
            if previous and previous != answer.server_id:
                # another server's cursors mean nothing here: start over
                conn.execute("DELETE FROM sync_cursors")
                conn.execute("DELETE FROM sync_snapshot")
                state.put(conn, "sync.snapshot", None)
                state.put(conn, registry.STATE_KEY, None)
            state.put(conn, "sync.server_url", server_url.rstrip("/"))
            state.put(conn, "sync.server_id", answer.server_id)
            state.put(conn, "sync.station_id", answer.station_id)
            state.put(conn, "sync.ca_bundle", self.ca_bundle)
            state.put(conn, "sync.needs_enrollment", False)
            state.put(conn, "sync.last_error", None)

        self._write(save)
        log.info("enrolled with server %s as %s", info.server_id, answer.station_id)
        return self.refresh_identity()

    def refresh_identity(self) -> Whoami:
        me = Whoami.model_validate(self.transport().get_json(f"{API_PREFIX}/whoami"))
        self._write(lambda conn: state.put(conn, "sync.whoami", me.model_dump()))
        return me

    # --- push -----------------------------------------------------------------------------------

    def push(self, report: SyncReport | None = None) -> SyncReport:
        """Send every pending event, oldest first, batch by batch; record each answer.

        While one batch is on the wire, the next is read and encoded on a helper thread and the
        previous batch's answers are written by the writer: the three overlap.
        """
        report = report or SyncReport()
        batch = self.push_batch or self.info().push_batch_limit
        total = journal.count_pending(self.reader)
        done = 0
        self.progress("push", 0, total)
        recording: Future | None = None  # the previous batch's answers, being written meanwhile
        with _BatchReader(self.db_path, journal.verified_point(self.reader)) as reader:
            upcoming = reader.prepare(0, batch)
            while True:
                try:
                    read = upcoming.result(timeout=120)
                except HistoryAltered as exc:
                    self._history_altered(exc)
                    raise
                events, body, verified = read.events, read.body, read.verified
                if read.damaged:
                    self._write(partial(_quarantine, damaged=read.damaged, now=_now()))
                if not read.last_seq:
                    break
                upcoming = reader.prepare(read.last_seq, batch)
                if not events:  # only damaged rows in this batch: set aside, go on
                    continue
                try:  # the answer parsed and validated in one pass from its bytes
                    answer = PushResponse.model_validate_json(
                        self.transport()
                        .request("POST", f"{API_PREFIX}/events", data=body, headers=_JSON)
                        .content
                    )
                except ServerRefused as exc:
                    if exc.detail.startswith("409 chain."):  # the server's chain goes elsewhere
                        self._history_differs(self.refresh_identity().chain_seq, refused=True)
                    raise
                except TooLarge:
                    if batch == 1:
                        raise
                    batch = max(1, batch // 2)
                    log.info("server said the batch was too large; sending %d at a time", batch)
                    # drop the read-ahead made for the bigger batch (a break in it is found again)
                    with contextlib.suppress(HistoryAltered):
                        upcoming.result(timeout=120)
                    upcoming = reader.prepare(events[0].seq - 1, batch)
                    continue
                if recording is not None:
                    self._count(report, recording.result(timeout=120))
                now = _now()
                recording = self.writer.submit(
                    partial(
                        _record, events=events, results=answer.results, now=now, verified=verified
                    )
                )
                done += len(events)
                self.progress("push", done, max(total, done))
        if recording is not None:
            self._count(report, recording.result(timeout=120))
        return report

    def _history_differs(self, server_seq: int | None, *, refused: bool = False) -> None:
        """Raise ``HistoryDiffers`` (with a sync issue) when the server holds events past this
        station's last one, or ``refused`` a batch that does not continue its chain: nothing
        the station does now can be pushed on top of what the server holds."""
        last = journal.last_point(self.reader)
        if not refused and (server_seq is None or server_seq <= last.seq):
            return
        log.error(
            "rolled back: the server holds up to event %d, this station %d", server_seq, last.seq
        )
        detail = {"seq": last.seq, "server_seq": server_seq}
        self._write(
            lambda conn: issues.report_station_issue(
                conn,
                event_id=f"rollback-{server_seq}",
                seq=last.seq,
                reason=issues.ROLLED_BACK,
                detail=detail,
            )
        )
        raise HistoryDiffers(f"server {server_seq}, station {last.seq}")

    def _history_altered(self, exc: HistoryAltered) -> None:
        """List the break where a supervisor looks (sync issues); ``_failed`` keeps the error."""
        seq = int(exc.detail)
        row = self.reader.execute(
            "SELECT CAST(event_id AS BLOB) FROM journal WHERE seq = ?", (seq,)
        ).fetchone()
        event_id = row[0].decode("utf-8", "replace") if row else f"seq-{seq}"
        log.error("journal chain broken at event %d: pushing stopped", seq)
        self._write(
            lambda conn: issues.report_station_issue(
                conn, event_id=event_id, seq=seq, reason=issues.CHAIN_BROKEN, detail={"seq": seq}
            )
        )

    @staticmethod
    def _count(report: SyncReport, counts: dict[str, int]) -> None:
        report.accepted += counts["accepted"]
        report.duplicate += counts["duplicate"]
        report.rejected += counts["rejected"]

    @staticmethod
    def _wire(event: journal.Event) -> dict[str, Any]:
        return {
            "event_id": event.event_id,
            "seq": event.seq,
            "type": event.type,
            "payload": event.payload,
            "occurred_at": event.occurred_at,
            "operator": event.operator,
            "station": event.station,
            "prev_hash": event.prev_hash,
            "hash": event.hash,
        }

    # --- pull -----------------------------------------------------------------------------------

    def pull(
        self,
        stream: str = STREAM_REF,
        report: SyncReport | None = None,
        *,
        max_pages: int | None = None,
    ) -> SyncReport:
        """Fetch and apply pages from the stored cursor until the server has no more.

        Pages are fetched while earlier ones are applied, up to ``PULL_PAGES_AHEAD`` queued on the
        writer; the writer commits what is queued together, so a first sync writes each database
        page of ``codes`` a few times instead of once per pulled page. Each page is still its own
        action: it checks the cursor it continues and stores its own next cursor, so a cut pull
        resumes exactly and a page that does not continue the stored cursor changes nothing.
        """
        report = report or SyncReport()
        me = self.setting("sync.station_id") or station_id(self.reader)
        limit = self.info().pull_page_limit
        phase = "pull" if stream == STREAM_REF else "snapshot.catchup"
        cursor = state.cursor(self.reader, stream) or 0
        held = 0  # the registry's as_of: code changes up to it are left out, the end moves past it
        if stream == STREAM_REF:
            if max_pages is None and registry.wanted(self.reader):
                report.registry_codes += registry.load(self, me)
            else:
                registry.discard_leftover(self)
            held = registry.held_as_of(self.reader)
        fetched, pages = 0, 0
        more = max_pages != 0
        queued: deque[Future[int]] = deque()
        with self._roomy_writer_cache():
            try:
                while more or queued:
                    if more and len(queued) < PULL_PAGES_AHEAD:
                        page, now = self._page(stream, cursor, limit, held), _now()
                        # the stream's end: every change up to the registry's as_of is here
                        after = page.next_cursor if page.more else max(page.next_cursor, held)
                        queued.append(
                            self.writer.submit(
                                partial(
                                    apply_page,
                                    stream=stream,
                                    expected_cursor=cursor,
                                    changes=page.changes,
                                    next_cursor=after,
                                    me=me,
                                    now=now,
                                )
                            )
                        )
                        fetched += 1
                        cursor, more = after, page.more and fetched != max_pages
                        continue
                    try:
                        applied = queued.popleft().result(timeout=120)
                    except StaleCursor:  # another pull moved the cursor: go on from where it is
                        pages += _settle(queued, report)
                        cursor, fetched = state.cursor(self.reader, stream) or 0, pages
                        more = fetched != max_pages
                        continue
                    pages += 1
                    report.pulled_pages += 1
                    report.pulled_changes += applied
                    self.progress(phase, pages, None)
            finally:  # nothing of this pull is left running when it ends
                with contextlib.suppress(Exception):  # the error that ended it is the one to tell
                    _settle(queued, report)
        return report

    @contextlib.contextmanager
    def _roomy_writer_cache(self) -> Iterator[None]:
        """A bigger page cache on the writer while pulling: a page of codes touches thousands of
        database pages, and with the default 2 MB SQLite spills them to the WAL mid-transaction."""
        before = self._write(lambda conn: conn.execute("PRAGMA cache_size").fetchone()[0])
        self._write(lambda conn: conn.execute(f"PRAGMA cache_size = {PULL_CACHE_SIZE}"))
        try:
            yield
        finally:
            with contextlib.suppress(Exception):  # a stopped writer has no cache to give back
                self._write(lambda conn: conn.execute(f"PRAGMA cache_size = {int(before)}"))

    def _page(self, stream: str, cursor: int, limit: int, held: int = 0) -> PullResponse:
        """One page, parsed and validated from the raw bytes in one pass (pydantic's own JSON
        reader: about five times faster than ``json.loads`` and then validating the dicts).
        ``held``: the as_of of the registry loaded, whose code changes the server leaves out."""
        params = {"stream": stream, "cursor": cursor, "limit": limit}
        if held > cursor:
            params["registry_as_of"] = held
        response = self.transport().request("GET", f"{API_PREFIX}/changes", params=params)
        return PullResponse.model_validate_json(response.content)

    # --- a whole round --------------------------------------------------------------------------

    def sync_once(self, *, snapshot: bool = False) -> SyncReport:
        """Push everything, pull everything (and, if asked or already held, the snapshot stream)."""
        started = time.perf_counter()
        report = SyncReport()
        self._write(lambda conn: state.put(conn, "sync.last_attempt_at", _now()))
        try:
            self._info = None
            self.push(report)
            report.evidence = evidence.upload_pending(self.reader, self.transport(), self._write)
            self._history_differs(self.refresh_identity().chain_seq)
            self.pull(STREAM_REF, report)
            if snapshot:
                from sync.client.snapshot import refresh_snapshot

                report.snapshot_rows = refresh_snapshot(self)
            elif state.cursor(self.reader, STREAM_SHIPMENTS) is not None:
                self.pull(STREAM_SHIPMENTS, report)
                self._write(lambda conn: _touch_snapshot(conn))
            self._report_station()
        except AuthRequired as exc:
            self._failed(exc, needs_enrollment=True)
            self.close()
            raise
        except SyncError as exc:
            self._failed(exc)
            raise
        report.seconds = time.perf_counter() - started

        def done(conn: sqlite3.Connection) -> None:
            state.put(conn, "sync.last_success_at", _now())
            state.put(conn, "sync.last_error", None)
            self._save_clock(conn, synced=True)

        self._write(done)
        return report

    def _report_station(self) -> None:
        """Tell head office this station's version, backlog and clock offset (a server too old
        to know the report is no reason to fail the round)."""
        anchor = self._heard or clock.load(self.reader)  # this round's, else the stored one
        body = {
            "version": __version__,
            "backlog": journal.count_pending(self.reader),
            "clock_offset_s": anchor.offset.total_seconds() if anchor else None,
        }
        try:
            self.transport().request("POST", f"{API_PREFIX}/station-report", json=body)
        except ServerRefused as exc:
            log.info("the server did not take the station report: %s", exc)

    def _failed(self, exc: SyncError, *, needs_enrollment: bool = False) -> None:
        error = {"code": exc.code, "detail": exc.detail, "at": _now()}

        def save(conn: sqlite3.Connection) -> None:
            state.put(conn, "sync.last_error", error)
            if needs_enrollment:
                state.put(conn, "sync.needs_enrollment", True)
            self._save_clock(conn, synced=False)  # also marks the time while offline

        try:
            self._write(save)
        except Exception:  # the writer may be stopping; the error is still raised to the caller
            log.exception("could not record the sync error")

    # --- lookups (one attempt, short timeouts) ----------------------------------------------------

    def _lookup(self, path: str) -> Any:
        return self.transport().get_json(path, attempts=1, timeout=self.lookup_timeout)

    def trace(self, key: str) -> BrandTrace:
        """Everything the brand knows about a code, in the counter's own model; raises
        ``SyncError`` (``Offline``, ``NotEnrolled``...) when the brand cannot be asked."""
        wire = Trace.model_validate(self._lookup(f"{API_PREFIX}/trace/{quote(key, safe=':')}"))
        return brand_trace(wire)

    def voucher_status(self, voucher_id: str) -> VoucherStatus:
        return VoucherStatus.model_validate(
            self._lookup(f"{API_PREFIX}/vouchers/{quote(voucher_id, safe='')}")
        )

    def rebate_statement(self, card_id: str, month: str) -> RebateStatement:
        return RebateStatement.model_validate(
            self._lookup(f"{API_PREFIX}/rebates/{quote(card_id, safe='')}/{quote(month)}")
        )

    def probe(self) -> None:
        """Returns when the server answers (its ``info``); raises ``SyncError`` when it does not."""
        self._lookup(f"{API_PREFIX}/info")

    def status(self, *, online: bool | None = None) -> SyncStatus:
        conn = self.reader
        return SyncStatus(
            enrolled=bool(self.setting("sync.station_id")),
            server_url=self.setting("sync.server_url"),
            pending=journal.count_pending(conn),
            open_issues=conn.execute(
                "SELECT count(*) FROM sync_issues WHERE resolved_at IS NULL"
            ).fetchone()[0],
            last_success_at=self.setting("sync.last_success_at"),
            last_attempt_at=self.setting("sync.last_attempt_at"),
            last_error=self.setting("sync.last_error"),
            needs_enrollment=bool(self.setting("sync.needs_enrollment")),
            online=online,
            snapshot=self.setting("sync.snapshot") or {},
        )


_JSON = {"Content-Type": "application/json"}
PULL_PAGES_AHEAD = 4  # pages fetched and queued on the writer ahead of the one being applied
PULL_CACHE_SIZE = -65536  # KiB (SQLite's negative form): the writer's page cache while pulling


def _settle(queued: deque[Future[int]], report: SyncReport) -> int:
    """Wait for pages already handed to the writer; count those applied, drop the stale ones
    (they did not continue the stored cursor, so they changed nothing). Returns pages applied."""
    pages = 0
    while queued:
        try:
            applied = queued.popleft().result(timeout=120)
        except StaleCursor:
            continue
        pages += 1
        report.pulled_pages += 1
        report.pulled_changes += applied
    return pages


@dataclass(frozen=True)
class _Batch:
    events: list[journal.Event]
    body: bytes
    damaged: list[journal.Damaged]
    verified: journal.ChainPoint  # the chain verifies up to here, this batch included
    last_seq: int  # the batch's last row, readable or not (0: nothing was pending)


class _BatchReader:
    """Reads, verifies and encodes the next batch of pending events on its own thread and
    connection.

    Before a batch is sent, the hash chain is recomputed from the last verified point to the
    batch's last event, so an event edited in the file is never pushed: the read raises
    ``HistoryAltered`` naming the first bad sequence number, and everything before it has
    already gone. A row that cannot be read at all (disk damage) but whose neighbours still
    link to it comes back in ``damaged``, to be set aside while the rest goes on.
    """

    def __init__(self, db_path: Path, verified: journal.ChainPoint) -> None:
        self._db_path = db_path
        self._verified = verified
        self._broken: int | None = None  # the first sequence number that did not verify
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-read-ahead")
        self._conn: sqlite3.Connection | None = None

    def __enter__(self) -> _BatchReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self._pool.submit(self._close).result(timeout=30)
        self._pool.shutdown()

    def _close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def prepare(self, after_seq: int, limit: int) -> Future[_Batch]:
        return self._pool.submit(self._read, after_seq, limit)

    def _read(self, after_seq: int, limit: int) -> _Batch:
        if self._conn is None:
            self._conn = connect(self._db_path, readonly=True)
        if self._broken is not None:
            raise HistoryAltered(str(self._broken))
        rows = journal.read_pending(self._conn, limit, after_seq=after_seq)
        if rows:
            check = journal.verify_chain(self._conn, start=self._verified, upto_seq=rows[-1].seq)
            if not check.ok:  # send what comes before the break, then stop
                self._broken = check.first_bad_seq
                rows = [r for r in rows if r.seq < (check.first_bad_seq or 0)]
                if not rows:
                    raise HistoryAltered(str(self._broken))
            if check.last.seq > self._verified.seq:
                self._verified = check.last
        events = [r for r in rows if isinstance(r, journal.Event)]
        damaged = [r for r in rows if isinstance(r, journal.Damaged)]
        body = json.dumps({"events": [SyncClient._wire(e) for e in events]}, ensure_ascii=False)
        last_seq = rows[-1].seq if rows else 0
        return _Batch(events, body.encode("utf-8"), damaged, self._verified, last_seq)


def _record(
    conn: sqlite3.Connection,
    events: list[journal.Event],
    results: list,
    now: str,
    verified: journal.ChainPoint,
) -> dict[str, int]:
    """One batch's answers and how far the chain is now known good, in one transaction."""
    counts = record_results(conn, events, results, now)
    journal.set_verified_point(conn, verified)
    return counts


def _quarantine(conn: sqlite3.Connection, damaged: list[journal.Damaged], now: str) -> None:
    """Set unreadable rows aside and list each as a sync issue saying what to do."""
    for row in damaged:
        log.error("journal row %d is damaged and set aside: %s", row.seq, row.detail)
        journal.quarantine(conn, row, now)
        issues.report_station_issue(
            conn,
            event_id=row.event_id or f"seq-{row.seq}",
            seq=row.seq,
            reason=issues.UNREADABLE_EVENT,
            detail={"seq": row.seq, "error": row.detail},
            now=now,
        )


def _touch_snapshot(conn: sqlite3.Connection) -> None:
    """The snapshot is as fresh as the last catch-up of its stream."""
    info = state.get(conn, "sync.snapshot") or {}
    if info:
        info["synced_at"] = _now()
        state.put(conn, "sync.snapshot", info)


__all__ = ["AuthRequired", "NotEnrolled", "Offline", "SyncClient", "SyncReport", "SyncStatus"]
