"""The HTTP face of the server: FastAPI routes over ``Server``, with the OpenAPI document at
``/openapi.json`` (and a browsable one at ``/docs``).

Error answers carry ``{"error": code, "message": text}``: 401 when the credential is missing or
unknown, 403 when the station is revoked, 413 when a batch is over the advertised limit,
503 with ``Retry-After`` when the database is unreachable.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable
from importlib import metadata
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Path, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi_offline import FastAPIOffline
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException

from sync.protocol import (
    API_PREFIX,
    PAYLOAD_DEPTH_MAX,
    SEQ_MAX,
    SERVER_TIME_HEADER,
    STREAM_REF,
    EnrollRequest,
    EnrollResponse,
    ErrorBody,
    PullResponse,
    PushRequest,
    PushResponse,
    RebateStatement,
    ServerInfo,
    SnapshotInfo,
    Trace,
    VoucherStatus,
    Whoami,
)
from sync.server import console, epcis, evidence, guard, permissions, station_reports
from sync.server.chain import ChainRefused
from sync.server.service import (
    BatchTooLarge,
    Busy,
    RegistrySmall,
    Server,
    UnknownScope,
    is_database_down,
)
from sync.server.stations import AccessError
from sync.server.util import ascii_json, iso

log = logging.getLogger(__name__)

# what every route may answer besides its own success (the guard and the validation in front)
CHECKED: dict[int | str, dict[str, Any]] = {
    413: {"model": ErrorBody, "description": "request body over the limit"},
    415: {"model": ErrorBody, "description": "a body that is not application/json"},
    422: {"model": ErrorBody, "description": "a parameter or the body does not fit the schema"},
}
ERRORS: dict[int | str, dict[str, Any]] = {
    **CHECKED,
    401: {"model": ErrorBody, "description": "credential missing or unknown: enroll again"},
    403: {
        "model": ErrorBody,
        "description": "station revoked (station.revoked), or not allowed for this station's"
        " kind (access.kind) or owner (access.not_yours): see the permissions table",
    },
    503: {
        "model": ErrorBody,
        "description": "database unreachable: retry after Retry-After seconds",
    },
}


def _error(
    status: int, error: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"error": error, "message": message}, headers=headers
    )


_bearer = HTTPBearer(auto_error=False, description="the station's credential from /v1/enroll")


def current_station(
    request: Request, credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]
) -> dict[str, Any]:
    """The authenticated station, for every route but info and enroll. Under ``/v1``
    ``guard.Guard`` checked the credential before the body was read; other routers that
    depend on it are checked here."""
    station = getattr(request.state, "station", None)
    if station is None:
        header = f"Bearer {credentials.credentials}" if credentials else None
        station = request.app.state.server.authenticate(header)
    return station


Station = Annotated[dict[str, Any], Depends(current_station)]


async def pushed_batch(request: Request) -> PushRequest:
    """A push's body, read whole, parsed and validated in one pass from its bytes (pydantic's
    JSON reader; FastAPI's own way builds Python objects first and validates those after, about
    twice the work on a batch of a thousand events). JSON that reader refuses but Python's takes
    (a lone surrogate escape in a text) is read the other way, so such an event is rejected on
    its own and the rest of its batch is judged."""
    body = await request.body()
    try:
        return PushRequest.model_validate_json(body)
    except ValidationError as exc:
        if not any(error["type"] == "json_invalid" for error in exc.errors()):
            raise RequestValidationError(_in_body(exc)) from None
    try:
        data = json.loads(body)
    except ValueError:  # not JSON, or not UTF-8: answered as FastAPI's own parsing would be
        raise StarletteHTTPException(400, "There was an error parsing the body") from None
    except RecursionError:  # deeper than any reader goes: no event can be told from the rest
        raise RequestValidationError(
            [{"type": "too_deep", "loc": ("body",), "msg": _TOO_DEEP}]
        ) from None
    try:
        return PushRequest.model_validate(data)
    except ValidationError as exc:
        raise RequestValidationError(_in_body(exc)) from None


_TOO_DEEP = (
    f"nested too deeply to read (an event's payload nests at most {PAYLOAD_DEPTH_MAX} levels)"
)


def _in_body(exc: ValidationError) -> list[dict[str, Any]]:
    return [dict(error, loc=("body", *error["loc"])) for error in exc.errors(include_input=False)]


def _inline(schema: dict[str, Any]) -> dict[str, Any]:
    """A model's JSON schema with its ``$defs`` put where they are used: the push body's schema
    in the OpenAPI document, which does not read a route's own definitions."""
    defs = schema.pop("$defs", {})

    def place(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref", "")
            if ref.startswith("#/$defs/"):
                return place(defs[ref.removeprefix("#/$defs/")])
            return {key: place(value) for key, value in node.items()}
        if isinstance(node, list):
            return [place(value) for value in node]
        return node

    return place(schema)


PUSH_BODY = {
    "requestBody": {
        "required": True,
        "content": {"application/json": {"schema": _inline(PushRequest.model_json_schema())}},
    }
}


def installed_version() -> str:
    """The installed distribution's version: the server does not import the station's ``app``
    package for it (see the table in tests/test_layers.py)."""
    try:
        return metadata.version("yima-scan")
    except metadata.PackageNotFoundError:  # a bare checkout, or a bundle without the metadata
        return "0+unknown"


class ServerTime:
    """Every answer carries the server's clock (``X-Server-Time``), refusals too: stations keep
    time from it that their own wall clock cannot move (offline limits, expiry, skew)."""

    def __init__(self, app: Any, clock: Callable[[], dt.datetime]) -> None:
        self.app = app
        self.clock = clock

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def stamped(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                stamp = (SERVER_TIME_HEADER.lower().encode(), iso(self.clock()).encode())
                message["headers"] = [*message.get("headers", ()), stamp]
            await send(message)

        await self.app(scope, receive, stamped)


# (method, route path) -> the endpoints of ``permissions.READS`` it answers (the route checks them)
ROUTE_ENDPOINTS: dict[tuple[str, str], tuple[str, ...]] = {
    ("GET", f"{API_PREFIX}/whoami"): ("whoami",),
    ("GET", f"{API_PREFIX}/changes"): ("changes.ref", "changes.shipments"),
    ("GET", f"{API_PREFIX}/snapshots/latest"): ("snapshot.all", "snapshot.region", "changes.ref"),
    ("GET", f"{API_PREFIX}/snapshots/{{snapshot_id}}"): (
        "snapshot.all",
        "snapshot.region",
        "changes.ref",
    ),
    ("GET", f"{API_PREFIX}/trace/{{key:path}}"): ("trace",),
    ("GET", f"{API_PREFIX}/vouchers/{{voucher_id}}"): ("voucher",),
    ("GET", f"{API_PREFIX}/rebates/{{card_id}}/{{month}}"): ("rebate",),
    ("POST", f"{epcis.PREFIX}/capture"): ("epcis.capture",),
    ("GET", f"{epcis.PREFIX}/capture/{{capture_id}}"): ("epcis.capture",),
    ("GET", f"{epcis.PREFIX}/events"): ("epcis.query",),
    ("GET", f"{API_PREFIX}/evidence/{{sha256}}"): ("evidence",),
    ("PUT", f"{API_PREFIX}/evidence/{{sha256}}"): ("evidence",),
}


def allowed(*endpoints: str) -> str:
    """A route's line of the permissions table (``sync.server.permissions``), for its OpenAPI
    description."""
    parts = []
    for endpoint in endpoints:
        row = permissions.READS[endpoint]
        kinds = ", ".join(f"{kind.value} ({own.value})" for kind, own in row.items())
        parts.append(f"{endpoint}: {kinds}")
    return (
        "\n\nAllowed (kind (which objects)): "
        + "; ".join(parts)
        + (
            ". Any other station: 403 access.kind; another dealer's or region's object: 403"
            " access.not_yours; each refusal is logged for head office."
        )
    )


def create_app(server: Server) -> FastAPI:
    api = FastAPIOffline(  # Swagger UI and ReDoc served by the server itself, no CDN
        title="Yima Scan central server",
        version=installed_version(),
        description="Enrollment, event push, reference pull and snapshots for Yima Scan stations."
        "\n\nWhat each kind of station may read and push (any other request is 403):\n\n"
        + permissions.table_markdown(),
    )
    api.state.server = server
    console.mount(api)

    @api.exception_handler(AccessError)
    async def _access(_: Request, exc: AccessError) -> JSONResponse:
        return _error(exc.status, exc.error, exc.message)

    @api.exception_handler(UnknownScope)
    async def _scope(_: Request, exc: UnknownScope) -> JSONResponse:
        return _error(422, "snapshot.unknown_scope", str(exc))

    @api.exception_handler(RegistrySmall)
    async def _small(_: Request, exc: RegistrySmall) -> JSONResponse:
        return _error(404, "snapshot.not_needed", str(exc))

    @api.exception_handler(Busy)
    async def _busy(_: Request, exc: Busy) -> JSONResponse:
        return _error(503, "server.busy", str(exc), {"Retry-After": str(exc.retry_after)})

    @api.exception_handler(Exception)
    async def _failure(_: Request, exc: Exception) -> JSONResponse:
        if is_database_down(exc):
            log.warning("database unreachable: %s", exc)
            return _error(
                503, "server.unavailable", "The database is unreachable.", {"Retry-After": "2"}
            )
        log.exception("request failed")
        return _error(500, "server.error", "The server failed; the request can be retried.")

    guard.install(api, server.authenticate)
    api.add_middleware(ServerTime, clock=server.clock)  # outermost: on every answer

    @api.get(f"{API_PREFIX}/info", response_model=ServerInfo, tags=["station"], responses=CHECKED)
    def info() -> ServerInfo:
        """What a station needs before it talks: the server's id and its batch and page limits."""
        return server.info()

    @api.post(
        f"{API_PREFIX}/enroll",
        response_model=EnrollResponse,
        tags=["station"],
        responses={
            **CHECKED,
            403: {
                "model": ErrorBody,
                "description": "code unknown, used, expired, revoked or for another station",
            },
        },
    )
    def enroll(request: EnrollRequest) -> EnrollResponse:
        """Exchange a one-time enrollment code for the station's credential."""
        return server.enroll(request)

    @api.get(f"{API_PREFIX}/whoami", response_model=Whoami, tags=["station"], responses=ERRORS)
    def whoami(me: Station) -> Whoami:
        """Who the server takes this station for (its tags carry ``kind:``)."""
        return server.whoami(me)

    @api.post(
        f"{API_PREFIX}/events",
        response_model=PushResponse,
        openapi_extra=PUSH_BODY,
        tags=["sync"],
        responses={
            **ERRORS,
            413: {"model": ErrorBody, "description": "batch over the limit: send half"},
            409: {
                "model": ErrorBody,
                "description": "the batch does not continue the station's hash chain: "
                "chain.broken (history rewritten) or chain.rolled_back (sequence numbers the "
                "server already holds); nothing was taken",
            },
        },
    )
    def push(me: Station, body: Annotated[PushRequest, Depends(pushed_batch)]) -> Response:
        """Push a batch of the station's journal events; each is answered accepted, duplicate or
        rejected with a reason. Safe to repeat: an event id is judged once, forever.

        An event of a type the station's kind may not push is rejected auth.not_authorised, one
        recorded by another station auth.not_own_event (permissions.PUSH)."""
        try:
            results = server.push(me["id"], body.events)
        except BatchTooLarge as refused:
            return _error(413, "batch.too_large", str(refused))
        except ChainRefused as refused:
            return _error(409, refused.code, refused.message)
        # ASCII with escapes: the JSON encoder's fast path, and an event id with a lone
        # surrogate is answered as the escape it arrived as
        return Response(ascii_json({"results": results}), media_type="application/json")

    @api.get(f"{API_PREFIX}/changes", response_model=PullResponse, tags=["sync"], responses=ERRORS)
    def changes(
        me: Station,
        stream: Annotated[str, Query(pattern="^(ref|shipments)$")] = STREAM_REF,
        cursor: Annotated[int, Query(ge=0, le=SEQ_MAX)] = 0,
        limit: Annotated[int, Query(ge=1, le=10000)] = 1000,
        registry_as_of: Annotated[int, Query(ge=0, le=SEQ_MAX)] = 0,
    ) -> Response:
        """Changes after ``cursor`` that this station may see, oldest first (the shipments
        stream of its own regions only for an inspector). ``registry_as_of``: the ``as_of`` of
        the registry snapshot (``scope=registry``) the station loaded; the code changes it holds
        up to there are left out."""
        limit = min(limit, server.info().pull_page_limit)
        page = server.pull(me, stream, cursor, limit, registry_as_of)
        return Response(page, media_type="application/json")

    @api.get(
        f"{API_PREFIX}/snapshots/latest",
        response_model=SnapshotInfo,
        tags=["sync"],
        responses={
            **ERRORS,
            404: {"model": ErrorBody, "description": "registry: too few codes, pull the changes"},
        },
    )
    def latest_snapshot(
        me: Station, scope: Annotated[str | None, Query(max_length=120)] = None
    ) -> SnapshotInfo:
        """The newest code -> dealer/region snapshot of ``all`` codes or of those shipped into
        the station's own region (``region:ID``); built when missing or too old. Without a
        scope: ``all``, or the own region for a station that may not see all (inspectors).
        ``registry``: the code registry as this station's pull sees it, for a first pull (any
        station that pulls changes)."""
        return server.latest_snapshot(scope, me)

    @api.get(
        f"{API_PREFIX}/snapshots/{{snapshot_id}}",
        tags=["sync"],
        responses={**ERRORS, 404: {"model": ErrorBody}, 206: {"description": "partial content"}},
        response_class=FileResponse,
    )
    def snapshot_file(snapshot_id: str, me: Station) -> Any:
        """The snapshot file (gzip TSV); honours ``Range`` so a cut download resumes."""
        path = server.snapshot_path_for(snapshot_id, me)
        if path is None:
            return _error(404, "snapshot.unknown", "No such snapshot; ask for the latest one.")
        return FileResponse(path, media_type="application/gzip", filename=f"{snapshot_id}.tsv.gz")

    @api.get(
        f"{API_PREFIX}/trace/{{key:path}}", response_model=Trace, tags=["lookup"], responses=ERRORS
    )
    def trace(key: str, me: Station) -> Trace:
        """What the brand knows about a code that this station may be told: issued, packed into,
        shipped to, scanned, claimed (a dealer's stations: their own goods, in the dealer's view)."""
        return server.trace_for(key, me)

    @api.get(
        f"{API_PREFIX}/vouchers/{{voucher_id}}",
        response_model=VoucherStatus,
        tags=["lookup"],
        responses=ERRORS,
    )
    def voucher(voucher_id: str, me: Station) -> VoucherStatus:
        """A voucher's status: open, redeemed or void (a dealer's counter: its dealer's vouchers
        and those for every dealer)."""
        return server.voucher_status_for(voucher_id, me)

    @api.get(
        f"{API_PREFIX}/rebates/{{card_id}}/{{month}}",
        response_model=RebateStatement,
        tags=["lookup"],
        responses=ERRORS,
    )
    def rebate(
        card_id: str,
        month: Annotated[str, Path(pattern=r"^[0-9]{4}-(0[1-9]|1[0-2])$")],
        me: Station,
    ) -> RebateStatement:
        """An installer card's statement for a month (a dealer's counter: cards registered with
        its dealer)."""
        return server.rebate_statement_for(card_id, month, me)

    @api.get("/health", tags=["ops"])
    def health() -> dict[str, str]:
        return {"status": "ok", "server_id": server.server_id}

    def kind_allowed(request: Request, me: Station) -> None:
        """The routers of other modules (EPCIS, evidence) checked against the table by route."""
        route = request.scope["route"]
        server.require(me, ROUTE_ENDPOINTS[(request.method, route.path)][0])

    checked = [Depends(kind_allowed)]
    api.include_router(epcis.create_router(server, Station), dependencies=checked)  # EPCIS 2.0
    api.include_router(evidence.create_router(server, Station), dependencies=checked)  # photos
    # every kind reports on itself only (its version, backlog, clock), so no table row is needed
    api.include_router(station_reports.create_router(server, Station))
    for route in api.routes:  # each route's OpenAPI description says who may use it
        methods = getattr(route, "methods", None) or ()
        for method in methods:
            endpoints = ROUTE_ENDPOINTS.get((method, getattr(route, "path", "")))
            if endpoints:
                route.description = (route.description or "") + allowed(*endpoints)  # type: ignore[attr-defined]
    return api
