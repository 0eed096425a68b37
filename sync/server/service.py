"""The server's operations, independent of HTTP: the FastAPI app and the admin CLI both call these."""

from __future__ import annotations

import datetime as dt
import logging
import random
import sqlite3
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from sync.protocol import (
    API_VERSION,
    REGISTRY_FIELDS,
    STREAM_REF,
    STREAMS,
    EnrollRequest,
    EnrollResponse,
    EventIn,
    Reason,
    RebateStatement,
    ServerInfo,
    SnapshotInfo,
    Status,
    Trace,
    TraceStep,
    VoucherStatus,
    Whoami,
)
from sync.server import keys, permissions, rebates, snapshots, stations
from sync.server.chain import ChainRefused, flag_refusal, kept_seq
from sync.server.changes import all_settings, get_setting
from sync.server.db import Database, Retryable
from sync.server.permissions import Denied, Own
from sync.server.push import Push, event_hash
from sync.server.util import Clock, compact, dumps, iso, loads, parse_time, utc_now

log = logging.getLogger(__name__)

_SQLITE_OUTAGES = ("locked", "busy", "unable to open", "disk i/o", "disk is full", "readonly")


def is_database_down(exc: BaseException) -> bool:
    """Errors that say "the database is not reachable right now", not "this data is bad"."""
    if isinstance(exc, sqlite3.OperationalError):
        # a locked, missing or failing file; not a statement SQLite refuses (that is a bug)
        return any(sign in str(exc).lower() for sign in _SQLITE_OUTAGES)
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    return isinstance(exc, psycopg.OperationalError)


class UnknownScope(Exception):
    """A snapshot scope this station may not ask for (each new scope would cost a build)."""

    def __init__(self, allowed: list[str]) -> None:
        super().__init__(f"Ask for one of these snapshot scopes: {', '.join(allowed)}.")


class RegistrySmall(Exception):
    """Too few code changes for a registry snapshot to pay: the station pulls them."""


class BatchTooLarge(Exception):
    """More events in one push than ``server.push_batch_limit``: nothing was judged."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"At most {limit} events per request.")


class Busy(Exception):
    """Not ready yet (a snapshot being built): the client should come back after ``retry_after`` s."""

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Server:
    def __init__(
        self, db: Database, *, clock: Clock = utc_now, snapshot_dir: Path | None = None
    ) -> None:
        self.db = db
        self.clock = clock
        with db.read() as tx:
            self.server_id = tx.scalar("SELECT value FROM meta WHERE key = 'server_id'")
            shared = get_setting(tx, "server.snapshot.dir")
        self.snapshots_private = False  # True: in a folder no other worker can read
        self.snapshot_dir = snapshot_dir or self._default_snapshot_dir(shared)

    def _default_snapshot_dir(self, shared: str | None) -> Path:
        """The folder every worker and host shares (setting ``server.snapshot.dir``, written by
        ``main.py server --snapshot-dir``); else beside a SQLite file; else a private folder
        on this host, which serves one worker only - never the working folder."""
        if shared:
            return Path(shared)
        if self.db.dialect == "sqlite" and self.db.url != ":memory:":
            return Path(self.db.url).with_name(Path(self.db.url).name + "-snapshots")
        log.warning(
            "snapshots are kept in a private folder of this process: give the server"
            " --snapshot-dir, a folder every worker and host shares"
        )
        self.snapshots_private = True
        return Path(tempfile.mkdtemp(prefix="yima-snapshots-"))

    # --- enrollment and identity -------------------------------------------------------------

    def info(self) -> ServerInfo:
        with self.db.read() as tx:
            settings = all_settings(tx)
        return ServerInfo(
            server_id=self.server_id,
            api_version=API_VERSION,
            push_batch_limit=int(settings["server.push_batch_limit"]),
            pull_page_limit=int(settings["server.pull_page_limit"]),
            server_time=iso(self.clock()),
        )

    def enroll(self, request: EnrollRequest) -> EnrollResponse:
        with self.db.transaction() as tx:
            tx.lock("enroll")
            response = stations.enroll(tx, request, self.server_id, self.clock())
        log.info("station %s enrolled", response.station_id)
        return response

    def authenticate(self, authorization: str | None) -> dict[str, Any]:
        with self.db.read() as tx:
            return stations.authenticate(tx, authorization)

    def whoami(self, station: dict[str, Any]) -> Whoami:
        return Whoami(
            station_id=station["id"],
            name=station["name"],
            tags=stations.station_tags(station),
            dealer_id=station["dealer_id"],
            site=station["site"],
            region_id=station["region_id"],
            chain_seq=self._kept_seq(station["id"]),
        )

    def _kept_seq(self, station_id: str) -> int | None:
        with self.db.read() as tx:
            return kept_seq(tx, station_id)

    # --- access (sync.server.permissions) -------------------------------------------------------

    def require(self, station: dict[str, Any], endpoint: str) -> Own:
        """What of ``endpoint`` this station may see; refused (and logged) when its kind may not."""
        own = permissions.rule(station, endpoint)
        if own is None:
            raise self.refuse(station, endpoint, permissions.refusal_for_kind(station, endpoint))
        return own

    def refuse(
        self, station: dict[str, Any], endpoint: str, denied: Denied, target: str = ""
    ) -> Denied:
        """Log a refused attempt for head office (an ``access.denied`` anomaly the console
        lists) and return the refusal to raise."""
        detail = {"endpoint": endpoint, "reason": denied.error, "kind": permissions.kind_of(station),
                  "target": target[:200]}  # fmt: skip
        with self.db.transaction() as tx:
            tx.execute(
                "INSERT INTO anomalies (kind, code_key, station_id, detail, created_at)"
                " VALUES ('access.denied', ?, ?, ?, ?)",
                (target[:200] if endpoint == "trace" else None, station["id"], dumps(detail),
                 iso(self.clock())),
            )  # fmt: skip
        log.warning("station %s refused %s %s: %s", station["id"], endpoint, target, denied.error)
        return denied

    # --- push ----------------------------------------------------------------------------------

    def push(self, station_id: str, events: list[EventIn]) -> list[dict[str, Any]]:
        """Judge a batch in one transaction; if that fails for a reason other than a lost race
        or a database outage, judge event by event so one bad event cannot block the queue."""
        for attempt in range(6):
            try:
                return self._push_batch(station_id, events)
            except Retryable:
                time.sleep(random.uniform(0, 0.05 * 2**attempt))
            except BatchTooLarge:  # nothing judged: the station sends fewer
                raise
            except ChainRefused as refused:  # nothing judged: the station must stop
                with self.db.transaction() as tx:
                    flag_refusal(tx, station_id, refused, iso(self.clock()))
                raise
            except Exception as exc:
                if is_database_down(exc):
                    raise
                log.exception("batch of %d events failed; judging them one by one", len(events))
                break
        else:
            raise Retryable("push kept losing races")
        results = []
        for event in events:
            try:
                results.extend(self._push_batch(station_id, [event]))
            except Exception as exc:
                if is_database_down(exc) or isinstance(exc, Retryable):
                    raise
                log.exception("event %s failed", event.event_id)
                results.append(self._record_failure(station_id, event))
        return results

    def _push_batch(self, station_id: str, events: list[EventIn]) -> list[dict[str, Any]]:
        with self.db.transaction() as tx:
            tx.lock(f"station:{station_id}")  # one station's pushes never interleave
            station = tx.one("SELECT * FROM stations WHERE id = ?", (station_id,))
            assert station is not None
            settings = all_settings(tx)  # the limit is checked here: no read of its own per push
            if len(events) > int(settings["server.push_batch_limit"]):
                raise BatchTooLarge(int(settings["server.push_batch_limit"]))
            push = Push(tx, station, settings, self.clock(), keys.verifying_keys)
            return push.run(events)

    def _record_failure(self, station_id: str, event: EventIn) -> dict[str, Any]:
        with self.db.transaction() as tx:
            tx.execute(
                "INSERT INTO events (event_id, station_id, device_seq, type, payload, payload_hash,"
                " occurred_at, operator, received_at, status, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (event_id) DO NOTHING",
                (
                    event.event_id,
                    station_id,
                    event.seq,
                    event.type,
                    *event_hash(event),
                    event.occurred_at,
                    event.operator,
                    iso(self.clock()),
                    Status.REJECTED.value,
                    Reason.SERVER_ERROR.value,
                ),
            )
        return {
            "event_id": event.event_id,
            "status": "rejected",
            "reason": Reason.SERVER_ERROR.value,
            "detail": {},
        }

    # --- pull ----------------------------------------------------------------------------------

    def pull(
        self, station: dict[str, Any], stream: str, cursor: int, limit: int, registry_as_of: int = 0
    ) -> bytes:
        """A page of changes as the JSON of ``PullResponse``, written straight from the rows:
        each change's data is stored as compact JSON already, so it is copied, not parsed and
        encoded again (most of what a page cost).

        ``registry_as_of``: the station loaded its registry snapshot made at that sequence
        number, so the code changes of the audiences the snapshot holds up to it are left out."""
        if stream not in STREAMS:
            raise ValueError(f"unknown stream {stream!r}")
        own = self.require(station, f"changes.{stream}")
        tags = stations.station_tags(station) if stream == STREAM_REF else ["*"]
        data, scoped = "data", []
        if own is Own.REGION:  # shipments into the station's regions; elsewhere: not named
            regions = sorted(permissions.regions_of(station)) or [""]
            data = (
                f"CASE WHEN {self._json_text('data', 'dealer_id')} IS NULL"
                f" OR {self._json_text('data', 'region_id')} IN ({', '.join('?' * len(regions))})"
                f" THEN data ELSE ? || {self._json_flag('data', 'void')} || '}}' END"
            )
            elsewhere = {"dealer_id": permissions.ELSEWHERE, "region_id": None,
                         "ship_date": None, "order_id": None}  # fmt: skip
            scoped = [*regions, compact(elsewhere)[:-1] + ',"void":']
        if (
            stream == STREAM_REF
            and permissions.TRACE_DETAIL[permissions.kind_of(station)] == "dealer"
        ):
            data, scoped = self._dealer_codes(), [station.get("dealer_id") or ""]
        held = registry_as_of > cursor and stream == STREAM_REF
        parts, params = [], []
        for n, tag in enumerate(tags):
            skip = held and not tag.startswith("station:")  # the audiences a registry holds
            leave_out = " AND NOT (kind = 'code' AND seq <= ?)" if skip else ""
            parts.append(
                f"SELECT * FROM (SELECT seq, kind, key, op, {data} AS data FROM changes"
                f" WHERE stream = ? AND audience = ? AND seq > ?{leave_out} ORDER BY seq LIMIT ?)"
                f" AS p{n}"
            )
            params += [*scoped, stream, tag, cursor, *([registry_as_of] if skip else []), limit]
        sql = f"SELECT seq, kind, key, op, data FROM ({' UNION ALL '.join(parts)}) AS u ORDER BY seq LIMIT ?"
        with self.db.read() as tx:
            rows = tx.rows(sql, [*params, limit])
        text = ",".join(
            f'{{"seq":{seq},"kind":{compact(kind)},"key":{compact(key)},"op":{compact(op)},"data":{data}}}'
            for seq, kind, key, op, data in rows
        )
        page = (
            f'{{"stream":{compact(stream)},"changes":[{text}],'
            f'"next_cursor":{rows[-1][0] if rows else cursor},"more":{"true" if len(rows) == limit else "false"}}}'
        )
        return page.encode("utf-8", "backslashreplace")

    def _dealer_codes(self) -> str:
        """A code change as a dealer's station may read it: never which station made it, and
        the dealer, order and holder of its own dealer's codes only (one parameter: the dealer)."""
        others = ("dealer_id", "order_id", "holder", "by")
        if self.db.dialect == "sqlite":
            hide = ", ".join(f"'$.{field}', NULL" for field in others)
            mine, theirs = "json_set(data, '$.by', NULL)", f"json_set(data, {hide})"
        else:
            nulls = compact(dict.fromkeys(others))
            mine = """(data::jsonb || '{"by": null}')::text"""
            theirs = f"(data::jsonb || '{nulls}')::text"
        dealer = self._json_text("data", "dealer_id")
        return (
            f"CASE WHEN kind <> 'code' THEN data WHEN COALESCE({dealer}, '') IN ('', ?)"
            f" THEN {mine} ELSE {theirs} END"
        )

    def _json_flag(self, column: str, field: str) -> str:
        """A JSON boolean of ``column`` as the text ``true`` or ``false``."""
        if self.db.dialect == "sqlite":
            return f"CASE WHEN json_extract({column}, '$.{field}') THEN 'true' ELSE 'false' END"
        return f"CASE WHEN ({column}::jsonb ->> '{field}') = 'true' THEN 'true' ELSE 'false' END"

    def _json_text(self, column: str, field: str) -> str:
        if self.db.dialect == "sqlite":
            return f"json_extract({column}, '$.{field}')"
        return f"({column}::jsonb ->> '{field}')"

    # --- lookups -------------------------------------------------------------------------------

    def trace_for(self, key: str, station: dict[str, Any]) -> Trace:
        """The trace this station may be told: a dealer's stations only about goods shipped to
        their dealer, and only the dealer's view; an inspector about codes in (or found in) its
        regions; the brand's own stations everything."""
        own = self.require(station, "trace")
        if own is Own.ANY:
            return self.trace(key)
        with self.db.read() as tx:
            code = tx.one("SELECT dealer_id, region_id FROM codes WHERE key = ?", (key,))
            found = set()
            if code is not None and own is Own.REGION:
                found = {row[0] for row in tx.rows(
                    "SELECT found_region_id FROM diversion_cases WHERE code_key = ? UNION"
                    " SELECT s.region_id FROM code_events e JOIN stations s ON s.id = e.station_id"
                    " WHERE e.code_key = ? AND e.what = 'inspecting'", (key, key))}  # fmt: skip
        if code is None:
            # unknown to the brand: the whole answer is "not authentic" (read outside the block
            # above: a second read on SQLite's per-thread connection cannot begin inside it)
            return Trace(key=key, known=False) if own is Own.DEALER else self.trace(key)
        regions = {code["region_id"], *found} - {None}
        if not permissions.may_see(station, "trace", dealer=code["dealer_id"], regions=regions):
            raise self.refuse(station, "trace", permissions.refusal_not_yours("code"), key)
        full = self.trace(key)
        if permissions.TRACE_DETAIL[permissions.kind_of(station)] == "full":
            return full
        return self._dealer_view(full, station)

    def _dealer_view(self, full: Trace, station: dict[str, Any]) -> Trace:
        """Product, batch, authentic or not, the dealer's own receipts and shipments: never
        another dealer's name, order or station, nor the brand's station ids or anomalies."""
        with self.db.read() as tx:
            own_stations = {row[0] for row in tx.rows(
                "SELECT id FROM stations WHERE dealer_id = ?", (station["dealer_id"],))}  # fmt: skip
        steps = []
        for step in full.steps:
            if step.what == "issued":
                steps.append(step)
            elif step.what == "shipped" and step.detail.get("dealer_id") == station["dealer_id"]:
                steps.append(TraceStep(at=step.at, what="shipped", detail=step.detail))
            elif step.station in own_stations:
                steps.append(step)
        return full.model_copy(update={"steps": steps, "anomalies": [], "scan_count": 0})

    def trace(self, key: str) -> Trace:
        with self.db.read() as tx:
            code = tx.one("SELECT * FROM codes WHERE key = ?", (key,))
            steps: list[TraceStep] = []
            anomalies = [
                dict(row, detail=loads(row["detail"], {}))
                for row in tx.all(
                    "SELECT kind, station_id, event_id, detail, created_at FROM anomalies WHERE code_key = ?"
                    " ORDER BY id",
                    (key,),
                )
            ]
            ancestors: list[str] = []
            parent = code["parent_key"] if code else None
            while parent and parent not in ancestors and len(ancestors) < 10:
                ancestors.append(parent)
                parent = tx.scalar("SELECT parent_key FROM codes WHERE key = ?", (parent,))
            for row in tx.all(
                "SELECT code_key, event_id, station_id, what, occurred_at FROM code_events WHERE code_key = ?",
                (key,),
            ):
                steps.append(TraceStep(at=row["occurred_at"], what=row["what"], station=row["station_id"],
                                       event_id=row["event_id"]))  # fmt: skip
            if code is None:
                return Trace(
                    key=key,
                    known=False,
                    steps=sorted(steps, key=lambda s: s.at),
                    anomalies=anomalies,
                )
            product = tx.one("SELECT name FROM products WHERE id = ?", (code["product_id"],))
            steps.append(
                TraceStep(at=code["issued_at"], what="issued", detail={"batch": code["batch_id"]})
            )
            for row in tx.all("SELECT * FROM shipments WHERE code_key = ? ORDER BY id", (key,)):
                detail = {k: row[k] for k in ("dealer_id", "region_id", "order_id", "ship_date")}
                detail["standing"] = bool(row["standing"])
                steps.append(TraceStep(at=row["created_at"], what="shipped", station=row["station_id"],
                                       event_id=row["event_id"], detail=detail))  # fmt: skip
            claim = tx.one(
                "SELECT c.claim_id, c.card_id, c.claimed_at, c.station_id FROM rebate_claim_items i"
                " JOIN rebate_claims c ON c.claim_id = i.claim_id WHERE i.code_key = ?",
                (key,),
            )
            if claim:
                steps.append(TraceStep(at=claim["claimed_at"], what="rebate_claimed", station=claim["station_id"],
                                       detail={"claim": claim["claim_id"], "card": claim["card_id"]}))  # fmt: skip
            for row in tx.all("SELECT * FROM diversion_cases WHERE code_key = ?", (key,)):
                steps.append(TraceStep(at=row["opened_at"], what="diversion_case", station=row["station_id"],
                                       detail={"case": row["case_id"], "verdict": row["verdict"],
                                               "status": row["status"]}))  # fmt: skip
            children = tx.scalar("SELECT COUNT(*) FROM codes WHERE parent_key = ?", (key,))
        return Trace(
            key=key,
            known=True,
            product_id=code["product_id"],
            product_name=product["name"] if product else None,
            level=code["level"],
            batch_id=code["batch_id"],
            issued_at=code["issued_at"],
            parent_key=code["parent_key"],
            ancestors=ancestors,
            children=int(children or 0),
            status=code["status"],
            dealer_id=code["dealer_id"],
            region_id=code["region_id"],
            order_id=code["order_id"],
            shipped_at=code["shipped_at"],
            scan_count=code["scan_count"],
            steps=sorted(steps, key=lambda s: s.at),
            anomalies=anomalies,
        )

    def voucher_status_for(self, voucher_id: str, station: dict[str, Any]) -> VoucherStatus:
        """A dealer's counter is told about vouchers issued to its dealer or to every dealer,
        and never which other station redeemed one."""
        own = self.require(station, "voucher")
        status = self.voucher_status(voucher_id)
        if own is Own.ANY or not status.known:
            return status
        with self.db.read() as tx:
            dealer = tx.scalar("SELECT dealer_id FROM vouchers WHERE id = ?", (voucher_id,))
            by = status.redeemed_by
            by_dealer = by and tx.scalar("SELECT dealer_id FROM stations WHERE id = ?", (by,))
        if dealer is not None and not permissions.may_see(station, "voucher", dealer=dealer):
            raise self.refuse(
                station, "voucher", permissions.refusal_not_yours("voucher"), voucher_id
            )
        if by_dealer != station.get("dealer_id"):
            status = status.model_copy(update={"redeemed_by": None})
        return status

    def voucher_status(self, voucher_id: str) -> VoucherStatus:
        with self.db.read() as tx:
            voucher = tx.one("SELECT id, status FROM vouchers WHERE id = ?", (voucher_id,))
            redemption = tx.one("SELECT * FROM redemptions WHERE voucher_id = ?", (voucher_id,))
            denied = tx.scalar(
                "SELECT 1 FROM deny_list WHERE kind = 'voucher' AND value = ?", (voucher_id,)
            )
        if voucher is None:
            return VoucherStatus(voucher_id=voucher_id, known=False, status="unknown")
        status = (
            "redeemed"
            if redemption
            else ("void" if denied or voucher["status"] == "void" else "open")
        )
        return VoucherStatus(
            voucher_id=voucher_id,
            known=True,
            status=status,
            redeemed_by=redemption["station_id"] if redemption else None,
            redeemed_at=redemption["redeemed_at"] if redemption else None,
        )

    def rebate_statement_for(
        self, card_id: str, month: str, station: dict[str, Any]
    ) -> RebateStatement:
        """A dealer's counter is told the statements of cards registered with its dealer only."""
        own = self.require(station, "rebate")
        if own is not Own.ANY:
            with self.db.read() as tx:
                dealer = tx.scalar("SELECT dealer_id FROM installer_cards WHERE id = ?", (card_id,))
            if not permissions.may_see(station, "rebate", dealer=dealer):
                raise self.refuse(station, "rebate", permissions.refusal_not_yours("card"), card_id)
        return self.rebate_statement(card_id, month)

    def rebate_statement(self, card_id: str, month: str) -> RebateStatement:
        with self.db.read() as tx:
            return rebates.statement(tx, card_id, month)

    # --- snapshots -----------------------------------------------------------------------------

    def build_snapshot(self, scope: str = "all") -> SnapshotInfo:
        if scope.startswith(snapshots.REGISTRY_PREFIX):
            _audiences, dealer = snapshots.registry_view(scope)
            data, params = ("data", []) if dealer is None else (self._dealer_codes(), [dealer])
            fields = ", ".join(self._json_text(f"({data})", field) for field in REGISTRY_FIELDS)
            return snapshots.build_registry(
                self.db, self.snapshot_dir, self.clock(), scope, fields,
                params * len(REGISTRY_FIELDS)
            )  # fmt: skip
        return snapshots.build(self.db, self.snapshot_dir, self.clock(), scope)

    def _worth_a_registry(self, scope: str) -> None:
        """Refuse (``RegistrySmall``) a registry of fewer code changes than the setting
        ``server.registry.min_codes``: replaying them costs the station less than a build."""
        audiences, _dealer = snapshots.registry_view(scope)
        with self.db.read() as tx:
            least = int(get_setting(tx, "server.registry.min_codes"))
            found = tx.scalar(
                "SELECT count(*) FROM (SELECT 1 FROM changes WHERE stream = 'ref' AND kind = 'code'"
                f" AND audience IN ({', '.join('?' * len(audiences))}) LIMIT ?) AS c",
                [*audiences, least],
            )
        if found < least:
            raise RegistrySmall(f"Fewer than {least} code changes: pull them.")

    def registry_scope(self, station: dict[str, Any]) -> str:
        """The registry snapshot this station's first pull may load: its audiences, in the
        view its code changes come in (a dealer's stations: their dealer's)."""
        dealer_view = permissions.TRACE_DETAIL[permissions.kind_of(station)] == "dealer"
        return snapshots.registry_scope(
            stations.station_tags(station),
            (station.get("dealer_id") or "") if dealer_view else None,
        )

    def latest_snapshot(self, scope: str | None, station: dict[str, Any]) -> SnapshotInfo:
        """The newest snapshot of a scope this station may ask for (none named: its default,
        its own region for an inspector); a stale or missing one is rebuilt in the background
        (by one worker of all)."""
        scope = scope or snapshots.default_scope(station)
        if scope == snapshots.REGISTRY:
            scope = self.registry_scope(station)
        self.require_scope(station, scope)
        if scope.startswith(snapshots.REGISTRY_PREFIX):
            self._worth_a_registry(scope)
        elif scope not in snapshots.scopes_for(station):
            raise UnknownScope(sorted(snapshots.scopes_for(station)))
        info = snapshots.latest(self.db, scope)
        with self.db.read() as tx:
            max_age = dt.timedelta(
                minutes=float(get_setting(tx, "server.snapshot.max_age_minutes"))
            )
        if info is None or self.clock() - parse_time(info.created_at) > max_age:
            self._build_in_background(scope)
        if info is None:
            raise Busy("The snapshot is being built.", 5)
        return info

    def _build_in_background(self, scope: str) -> None:
        if not snapshots.claim_build(self.db, scope, self.clock()):
            return  # another request, worker or host is building it

        def build() -> None:
            try:
                self.build_snapshot(scope)
            except Exception:
                log.exception("building the %s snapshot failed", scope)
            finally:
                snapshots.release_build(self.db, scope)

        threading.Thread(target=build, name=f"snapshot-{scope}", daemon=True).start()

    def require_scope(self, station: dict[str, Any], scope: str) -> None:
        """Refused (403) a snapshot scope its kind or regions do not allow; scopes no station
        may ask for are left to ``UnknownScope`` (422)."""
        if scope == snapshots.ALL:
            self.require(station, "snapshot.all")
        elif scope.startswith(snapshots.REGISTRY_PREFIX):  # its own view only
            self.require(station, "changes.ref")
            if scope != self.registry_scope(station):
                raise self.refuse(
                    station, "changes.ref", permissions.refusal_not_yours("registry"), scope
                )
        elif scope.startswith(snapshots.REGION):
            own = self.require(station, "snapshot.region")
            regions = snapshots.scope_regions(scope)
            if own is Own.REGION and not regions <= permissions.regions_of(station):
                raise self.refuse(
                    station, "snapshot.region", permissions.refusal_not_yours("region"), scope
                )

    def snapshot_path_for(self, snapshot_id: str, station: dict[str, Any]) -> Path | None:
        """The file of a snapshot whose scope this station may see."""
        scope = snapshots.scope_of(self.db, snapshot_id)
        if scope is None:
            return None
        self.require_scope(station, scope)
        return self.snapshot_path(snapshot_id)

    def snapshot_path(self, snapshot_id: str) -> Path | None:
        return snapshots.path_of(self.db, snapshot_id)
