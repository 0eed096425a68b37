"""EPCIS 2.0 on the reference server: the export, a capture endpoint and event queries.

So that a standard EPCIS client can feed the brand's server and read from it, the server
speaks the EPCIS 2.0 REST binding's shapes under ``/epcis``:

- ``POST /epcis/capture`` takes an EPCISDocument; it is checked (``app.domain.epcis.capture``),
  stored in one transaction (all or nothing, the binding's default ``rollback``) and answered
  202 with ``Location: /epcis/capture/{captureID}``; a document that cannot be captured is
  answered 400 with an RFC 7807 problem naming the event and what is wrong;
- ``GET /epcis/capture/{captureID}`` is that capture job (finished when the 202 was sent);
- ``GET /epcis/events`` answers an EPCISQueryDocument, filtered by the standard query
  parameters below, oldest first, ``perPage`` at a time with ``nextPageToken`` and a
  ``Link: <...>; rel="next"`` header.

Queries see captured events and every event the stations pushed that the server accepted,
in the same EPCIS shape the export writes (``app.domain.epcis.document``): station events are
copied into the query table on the way to answering, from a cursor, so each is converted
once. Capture and query take a station credential, like the rest of the station API.

(No ``from __future__ import annotations`` here: the routes' parameter types name the app's
station dependency, which FastAPI must see as an object, not as text.)
"""

import base64
import json
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from app.domain.codes import profiles_from_settings
from app.domain.epcis import Identifiers, Record, epcis_event, query_document, write_document
from app.domain.epcis.capture import CaptureRefused, cbv_word, facts, read_document, utc_text
from sync.protocol import text_problem, value_problem
from sync.server.db import Database, Tx
from sync.server.service import Server
from sync.server.util import loads

PREFIX = "/epcis"
HEADERS = {"GS1-EPCIS-Version": "2.0.0", "GS1-CBV-Version": "2.0.0"}
PER_PAGE, MAX_PER_PAGE = 100, 1000
# values in all of a query's list parameters: past this, QueryTooComplexException (413), well
# before the databases' limit on a statement's parameters (SQLite: 32,766)
MAX_QUERY_VALUES = 1000


class QueryTooComplex(ValueError):
    """A query asking for more values than one query may (EPCIS 2.0: QueryTooComplexException)."""


_CONVERT_BATCH = 2000

TABLES = """
CREATE TABLE IF NOT EXISTS epcis_events (
    event_id TEXT PRIMARY KEY, origin TEXT NOT NULL, event_type TEXT NOT NULL,
    event_time TEXT NOT NULL, record_time TEXT NOT NULL, action TEXT, biz_step TEXT,
    disposition TEXT, read_point TEXT, biz_location TEXT, body TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS epcis_events_time ON epcis_events (event_time, event_id);
CREATE TABLE IF NOT EXISTS epcis_event_epcs (
    event_id TEXT NOT NULL, epc TEXT NOT NULL, role TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS epcis_event_epcs_epc ON epcis_event_epcs (epc);
CREATE TABLE IF NOT EXISTS epcis_captures (
    capture_id TEXT PRIMARY KEY, station_id TEXT NOT NULL, created_at TEXT NOT NULL,
    events INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS epcis_cursor (
    name TEXT PRIMARY KEY, received_at TEXT NOT NULL, event_id TEXT NOT NULL)
"""


def create_tables(db: Database) -> None:
    with db.transaction() as tx:
        tx.lock("schema")
        for statement in TABLES.split(";"):
            if statement.strip():
                tx.execute(statement)


# --- the export ----------------------------------------------------------------------------


def export_document(server: Server, out: Path) -> int:
    """Every accepted station event, oldest first, streamed to ``out`` as one EPCISDocument."""
    out = Path(out)
    partial = out.with_name(out.name + ".partial")
    with server.db.read() as tx, partial.open("w", encoding="utf-8") as handle:
        count = write_document(
            _station_records(tx), handle, created=server.clock(), identifiers=identifiers(tx)
        )
    partial.replace(out)
    return count


def identifiers(tx: Tx) -> Identifiers:
    """URIs built with the brand's code profiles as the server hands them to stations."""
    profiles = loads(tx.scalar("SELECT value FROM settings WHERE key = 'code_profiles'"), None)
    try:
        return Identifiers(profiles_from_settings(profiles) if profiles else None)
    except ValueError:
        return Identifiers()


_STATION_EVENTS = (
    "SELECT event_id, station_id, type, payload, occurred_at, operator, received_at"
    " FROM events WHERE status = 'accepted'"
)


def _station_records(
    tx: Tx, after: tuple[str, str] | None = None, limit: int | None = None
) -> Iterator[Record]:
    """Accepted station events: all in the order the server took them (each station's in its
    own order), or, for the query table's cursor, those after ``after`` by (time, id)."""
    sql = _STATION_EVENTS
    params: tuple[Any, ...] = ()
    if limit is None:
        sql += " ORDER BY received_at, station_id, device_seq"
    else:
        if after is not None:
            sql += " AND (received_at > ? OR (received_at = ? AND event_id > ?))"
            params = (after[0], after[0], after[1])
        sql += " ORDER BY received_at, event_id LIMIT ?"
        params = (*params, limit)
    for event_id, station, kind, payload, occurred_at, operator, received_at in tx.stream(
        sql, params
    ):
        yield Record(
            event_id=event_id,
            type=kind,
            payload=loads(payload, {}),
            occurred_at=occurred_at,
            station=station,
            operator=operator,
            recorded_at=received_at,
        )


# --- the query table -----------------------------------------------------------------------


def _store(tx: Tx, event: dict[str, Any], origin: str, record_time: str) -> None:
    found = facts(event)
    if origin == "station":
        _take_back(tx, found.event_id)
    inserted = tx.execute(
        "INSERT INTO epcis_events (event_id, origin, event_type, event_time, record_time, action,"
        " biz_step, disposition, read_point, biz_location, body)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (event_id) DO NOTHING",
        (
            found.event_id,
            origin,
            found.event_type,
            found.event_time,
            record_time,
            found.action,
            found.biz_step,
            found.disposition,
            found.read_point,
            found.biz_location,
            json.dumps(event, ensure_ascii=False, separators=(",", ":")),
        ),
    )
    if inserted.rowcount:  # a repeated capture of the same event keeps the first
        tx.executemany(
            "INSERT INTO epcis_event_epcs (event_id, epc, role) VALUES (?, ?, ?)",
            [(found.event_id, epc, role) for epc, role in found.epcs],
        )


def _take_back(tx: Tx, event_id: str) -> None:
    """A station's accepted event is the brand's record: a capture that came first under its
    eventID goes (another station that learnt the id from a trace answer could otherwise have
    every query serve a forgery as that station's event)."""
    if tx.scalar(
        "SELECT 1 FROM epcis_events WHERE event_id = ? AND origin = 'capture'", (event_id,)
    ):
        tx.execute("DELETE FROM epcis_event_epcs WHERE event_id = ?", (event_id,))
        tx.execute("DELETE FROM epcis_events WHERE event_id = ?", (event_id,))


def catch_up(server: Server) -> int:
    """Copy accepted station events not yet in the query table; returns how many."""
    copied = 0
    while True:
        with server.db.transaction() as tx:
            tx.lock("epcis")
            row = tx.one("SELECT received_at, event_id FROM epcis_cursor WHERE name = 'station'")
            after = (row["received_at"], row["event_id"]) if row else None
            ids = identifiers(tx)
            batch = list(_station_records(tx, after, _CONVERT_BATCH))
            for record in batch:
                event = epcis_event(record, ids)
                _store(tx, event, "station", utc_text(record.recorded_at or record.occurred_at))
            if batch:
                last = batch[-1]
                tx.execute(
                    "INSERT INTO epcis_cursor (name, received_at, event_id) VALUES ('station', ?, ?)"
                    " ON CONFLICT (name) DO UPDATE SET received_at = excluded.received_at,"
                    " event_id = excluded.event_id",
                    (last.recorded_at, last.event_id),
                )
        copied += len(batch)
        if len(batch) < _CONVERT_BATCH:
            return copied


def _capture(server: Server, station_id: str, events: list[dict[str, Any]]) -> str:
    """Store the events of one capture in one transaction; returns the capture job's id."""
    capture_id = secrets.token_hex(10)
    now = server.clock()
    with server.db.transaction() as tx:
        for event in events:
            _store(tx, event, "capture", utc_text(now.isoformat()))
        tx.execute(
            "INSERT INTO epcis_captures (capture_id, station_id, created_at, events)"
            " VALUES (?, ?, ?, ?)",
            (capture_id, station_id, now.isoformat(), len(events)),
        )
    return capture_id


# --- the HTTP face -------------------------------------------------------------------------


def _problem(status: int, kind: str, title: str) -> JSONResponse:
    return JSONResponse(
        status_code=status,
        content={"type": f"epcisException:{kind}", "title": title, "status": status},
        media_type="application/problem+json",
        headers=HEADERS,
    )


_QUERY_FILTERS = {
    "EQ_action": "action",
    "EQ_bizStep": "biz_step",
    "EQ_disposition": "disposition",
    "EQ_readPoint": "read_point",
    "EQ_bizLocation": "biz_location",
    "EQ_eventID": "event_id",
    "eventType": "event_type",
}
_TIME_FILTERS = {
    "GE_eventTime": "event_time >= ?",
    "LT_eventTime": "event_time < ?",
    "GE_recordTime": "record_time >= ?",
    "LT_recordTime": "record_time < ?",
}
_EPC_FILTERS: dict[str, tuple[str, ...]] = {
    "MATCH_epc": ("epc",),
    "MATCH_anyEPC": ("epc", "parent"),
    "MATCH_parentID": ("parent",),
    "MATCH_epcClass": ("class",),
}


def create_router(server: Server, station: Any) -> APIRouter:
    """The ``/epcis`` routes over ``server`` (its tables created when missing); ``station`` is
    the app's authenticated-station dependency."""
    create_tables(server.db)
    router = APIRouter(prefix=PREFIX, tags=["epcis"])

    @router.post(
        "/capture",
        status_code=202,
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/ld+json": {}, "application/json": {}},
                "description": "an EPCISDocument (EPCIS 2.0 JSON/JSON-LD)",
            }
        },
    )
    async def capture(request: Request, me: station) -> Response:
        """Capture an EPCIS 2.0 document: all its events or, with a 400 saying why, none."""
        try:
            document = json.loads(await request.body())
        except ValueError:
            return _problem(400, "ValidationException", "The body is not JSON.")
        except RecursionError:
            return _problem(400, "ValidationException", "The body is nested too deeply to read.")
        # what the databases cannot hold (a NUL, a lone surrogate), named, never a 500
        problem = value_problem(document, "the document")
        if problem:
            return _problem(400, "ValidationException", f"Not captured: {problem}.")
        try:
            events = read_document(document)
        except CaptureRefused as exc:
            return _problem(400, "ValidationException", f"Not captured: {exc}.")
        capture_id = await run_in_threadpool(_capture, server, me["id"], events)
        return Response(
            status_code=202,
            headers={**HEADERS, "Location": f"{PREFIX}/capture/{capture_id}"},
        )

    @router.get("/capture/{capture_id}")
    def capture_job(capture_id: str, me: station) -> Response:
        with server.db.read() as tx:
            row = tx.one("SELECT * FROM epcis_captures WHERE capture_id = ?", (capture_id,))
        if row is None:
            return _problem(404, "NoSuchResourceException", "No such capture job.")
        job = {
            "captureID": capture_id,
            "createdAt": row["created_at"],
            "finishedAt": row["created_at"],
            "running": False,
            "success": True,
            "captureErrorBehaviour": "rollback",
            "errors": [],
        }
        return JSONResponse(job, headers=HEADERS)

    @router.get(
        "/events",
        responses={
            400: {"description": "QueryParameterException: a parameter it does not know or read"},
            413: {"description": f"QueryTooComplexException: over {MAX_QUERY_VALUES} values"},
        },
    )
    def events(
        request: Request,
        me: station,
        per_page: Annotated[int, Query(alias="perPage", ge=1, le=MAX_PER_PAGE)] = PER_PAGE,
        next_page_token: Annotated[str | None, Query(alias="nextPageToken")] = None,
    ) -> Response:
        """Events as an EPCISQueryDocument, oldest first. Parameters: eventType, EQ_action,
        EQ_bizStep, EQ_disposition, EQ_readPoint, EQ_bizLocation, EQ_eventID, GE_/LT_eventTime,
        GE_/LT_recordTime, MATCH_epc, MATCH_anyEPC, MATCH_parentID, MATCH_epcClass; a list
        parameter takes values separated by '|'."""
        try:
            sql, params = _where(request.query_params, next_page_token)
        except QueryTooComplex as exc:
            return _problem(413, "QueryTooComplexException", str(exc))
        except (CaptureRefused, ValueError) as exc:
            return _problem(400, "QueryParameterException", str(exc))
        catch_up(server)
        with server.db.read() as tx:
            rows = tx.rows(
                f"SELECT event_time, event_id, body FROM epcis_events WHERE {sql}"
                " ORDER BY event_time, event_id LIMIT ?",
                (*params, per_page + 1),
            )
        page = [json.loads(body) for _, _, body in rows[:per_page]]
        headers = dict(HEADERS)
        if len(rows) > per_page:
            last_time, last_id = rows[per_page - 1][0], rows[per_page - 1][1]
            token = base64.urlsafe_b64encode(json.dumps([last_time, last_id]).encode()).decode()
            query = {k: v for k, v in request.query_params.items() if k != "nextPageToken"}
            query["nextPageToken"] = token
            headers["Link"] = f'<{PREFIX}/events?{urlencode(query)}>; rel="next"'
        document = query_document(page, created=server.clock())
        return JSONResponse(document, headers=headers, media_type="application/ld+json")

    return router


def _where(query: Any, token: str | None) -> tuple[str, list[Any]]:
    """SQL conditions for the standard query parameters; raises ValueError for a bad one."""
    known = {*_QUERY_FILTERS, *_TIME_FILTERS, *_EPC_FILTERS, "perPage", "nextPageToken"}
    unknown = sorted(set(query.keys()) - known)
    if unknown:
        raise ValueError(f"Unsupported query parameter(s): {', '.join(unknown)}.")
    asked = sum(
        len(query[name].split("|")) for name in (*_QUERY_FILTERS, *_EPC_FILTERS) if name in query
    )
    if asked > MAX_QUERY_VALUES:
        raise QueryTooComplex(
            f"A query takes at most {MAX_QUERY_VALUES} values in all; split it into several."
        )
    clauses, params = ["1 = 1"], []
    for name, column in _QUERY_FILTERS.items():
        if name in query:
            values = query[name].split("|")
            if name in ("EQ_bizStep", "EQ_disposition"):
                values = [cbv_word(v) or v for v in values]
            clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
            params += values
    for name, clause in _TIME_FILTERS.items():
        if name in query:
            clauses.append(clause)
            params.append(utc_text(query[name], name))
    for name, roles in _EPC_FILTERS.items():
        if name in query:
            values = query[name].split("|")
            clauses.append(
                "event_id IN (SELECT event_id FROM epcis_event_epcs WHERE"
                f" epc IN ({', '.join('?' * len(values))})"
                f" AND role IN ({', '.join('?' * len(roles))}))"
            )
            params += [*values, *roles]
    if token:
        last_time, last_id = _page_token(token)
        clauses.append("(event_time > ? OR (event_time = ? AND event_id > ?))")
        params += [last_time, last_time, last_id]
    return " AND ".join(clauses), params


def _page_token(token: str) -> tuple[str, str]:
    """The (event time, event id) a ``nextPageToken`` this server gave out holds; ValueError
    for anything else (numbers, lists or text the databases cannot compare were a 500)."""
    try:
        parts = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, TypeError, RecursionError):
        parts = None
    if not (
        isinstance(parts, list)
        and len(parts) == 2
        and all(isinstance(part, str) and text_problem(part) is None for part in parts)
    ):
        raise ValueError("nextPageToken is not one this server gave out.")
    return parts[0], parts[1]
