"""The door of the HTTP server: who is asking and how much they send, settled before a route
reads a byte of the body.

An ASGI middleware (not a FastAPI dependency: FastAPI reads and parses the body *before* it
resolves dependencies) that, for every request:

- refuses a declared ``Content-Length`` over the limit at once; Starlette's body limit counts
  the bytes of any other body (chunked too) as they arrive and refuses with 413 the moment it
  passes the limit;
- authenticates station routes (everything under ``/v1`` but info and enroll) from the
  ``Authorization`` header, so an unknown caller gets 401 without the server reading its body;
  the route takes the station from ``request.state.station``;
- refuses a station API body that is not JSON with 415;
- refuses a NUL in the address (path or query) on every route, the console's too, with 422:
  PostgreSQL can neither store nor compare text that holds one.

Error answers never repeat the input (a validation error names the field and the rule only),
so a huge or hostile body cannot be mirrored back.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.body_limit import RequestBodyLimitMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

from sync.protocol import API_PREFIX
from sync.server.stations import AccessError

MAX_BODY_BYTES = 16 * 1024 * 1024
PUBLIC = frozenset({f"{API_PREFIX}/info", f"{API_PREFIX}/enroll"})
_MAX_FIELD_ERRORS = 10


def error(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        status_code=status, content={"error": code, "message": message}, headers=headers
    )


RAW_BODIES = (f"{API_PREFIX}/evidence/",)  # evidence photos travel as bytes, not as JSON


def too_large() -> JSONResponse:
    return error(413, "request.too_large",
                 f"The request is over {MAX_BODY_BYTES // (1024 * 1024)} MB; send fewer events per request.")  # fmt: skip


class Guard:
    def __init__(self, app: ASGIApp, authenticate: Any) -> None:
        self.app = app
        self.authenticate = authenticate

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        length = headers.get("content-length", "")
        refusal = None
        if length.isdigit() and int(length) > MAX_BODY_BYTES:
            refusal = too_large()
        elif "\x00" in scope["path"] or b"%00" in scope.get("query_string", b""):
            # no text with a NUL reaches a route: PostgreSQL cannot store or compare it
            refusal = error(422, "request.invalid", "The address holds a NUL character.")
        elif scope["path"].startswith(f"{API_PREFIX}/"):
            refusal = await self._station_api(scope, headers, length)
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _station_api(
        self, scope: Scope, headers: dict[str, str], length: str
    ) -> JSONResponse | None:
        """For the station API: no credential, or a body that is not JSON, ends here."""
        if scope["path"] not in PUBLIC:
            try:
                station = await run_in_threadpool(self.authenticate, headers.get("authorization"))
            except AccessError as exc:
                return error(exc.status, exc.error, exc.message)
            scope.setdefault("state", {})["station"] = station
        has_body = length not in ("", "0") or "transfer-encoding" in headers
        kind = headers.get("content-type", "").split(";", 1)[0].strip().lower()
        if scope["method"] in ("POST", "PUT", "PATCH") and has_body:
            if scope["path"].startswith(RAW_BODIES):
                if kind != "application/octet-stream":
                    return error(
                        415, "request.not_bytes", "Send the photo as application/octet-stream."
                    )
            elif kind != "application/json":
                return error(415, "request.not_json", "Send the body as application/json.")
        return None


def install(api: FastAPI, authenticate: Any) -> None:
    """The guard in front of every route, and error answers in the server's one shape."""

    @api.exception_handler(RequestValidationError)
    async def _invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        problems = []
        for item in exc.errors()[:_MAX_FIELD_ERRORS]:
            where = ".".join(str(part)[:40] for part in item.get("loc", ()))
            problems.append(f"{where}: {item.get('msg', 'invalid')}")
        return error(422, "request.invalid", "; ".join(problems) or "The request is not valid.")

    @api.exception_handler(StarletteHTTPException)
    async def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        if exc.status_code == 413:
            return too_large()
        if exc.status_code == 400:  # FastAPI's "error parsing the body": not UTF-8, not JSON
            return error(422, "request.invalid", "The body is not JSON text in UTF-8.")
        return error(exc.status_code, f"http.{exc.status_code}", str(exc.detail))

    api.add_middleware(RequestBodyLimitMiddleware, max_body_size=MAX_BODY_BYTES)
    api.add_middleware(Guard, authenticate=authenticate)  # added last: runs first
