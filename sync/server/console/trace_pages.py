"""Trace: any code in any form a gun or a person gives (GS1, Digital Link, a brand URL, a
key) -> its whole history, the case and pallet above it and what it holds."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from app.domain.codes import parse
from sync.server.console.pages import current, redirect, render, server_of

router = APIRouter()
CHILDREN_SHOWN = 200


@router.get("/trace")
def trace_page(request: Request) -> Response:
    who = current(request)
    if who is None:
        return redirect("login")
    raw = request.query_params.get("code", "").strip()[:500]
    if not raw:
        return render(request, "trace.html", who, raw="", trace=None, children=[], reason="")
    server = server_of(request)
    code = parse(raw)
    key = code.key if code.valid else raw  # a key copied from an export is looked up as it is
    with server.db.read() as tx:
        stored = tx.scalar("SELECT 1 FROM codes WHERE key = ?", (key,))
        children = tx.all(
            "SELECT key, level, status FROM codes WHERE parent_key = ? ORDER BY key LIMIT ?",
            (key, CHILDREN_SHOWN),
        )
    if not code.valid and not stored:
        return render(
            request, "trace.html", who, raw=raw, trace=None, children=[], reason=code.reason
        )
    trace = server.trace(key)
    return render(request, "trace.html", who, raw=raw, trace=trace, children=children, reason="")
