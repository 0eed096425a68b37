"""Diversion cases for the audit team: a case with its chain, and its status workflow."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from sync.server import admin, evidence
from sync.server.console import evidence_pack, figures
from sync.server.console.pages import (
    audit,
    current,
    now,
    redirect,
    render,
    require_change,
    server_of,
)

# open -> investigating -> confirmed -> penalised, and dismissed from anywhere before penalised
CASE_MOVES = {
    "open": ("investigating", "confirmed", "dismissed"),
    "investigating": ("confirmed", "dismissed"),
    "confirmed": ("penalised", "dismissed"),
}

router = APIRouter()


@router.get("/cases/{case_id}")
def case_page(request: Request, case_id: str) -> Response:
    who = current(request)
    if who is None:
        return redirect("login")
    found = figures.case(server_of(request).db, case_id)
    if found is None:
        return render(request, "message.html", who, status=404, text="Case not found.")
    moves = CASE_MOVES.get(found["status"], ())
    photos = figures.case_photos(server_of(request).db, found)
    return render(request, "case.html", who, case=found, moves=moves, photos=photos)


@router.post("/cases/{case_id}/status")
def case_status(
    request: Request,
    case_id: str,
    csrf: str = Form(""),
    status: str = Form(""),
    note: str = Form(""),
) -> Response:
    require_change(request, csrf, "cases.review", "case.status", case_id)
    server = server_of(request)
    found = figures.case(server.db, case_id)
    if found is None or status not in CASE_MOVES.get(found["status"], ()):
        audit(request, "case.status", case_id, "refused", status=status)
        return Response(status_code=409)
    admin.set_case_status(server, case_id, status, note[:2000])
    audit(request, "case.status", case_id, "ok", status=status, note=note[:200])
    return RedirectResponse(f"/console/cases/{case_id}", status_code=303)


@router.get("/evidence/{sha256}")
def photo(request: Request, sha256: str) -> Response:
    if current(request) is None:
        return Response(status_code=401)
    data = evidence.photo(server_of(request).db, sha256)
    if data is None:
        return Response(status_code=404)
    return Response(
        data, media_type="image/jpeg", headers={"Cache-Control": "private, max-age=86400"}
    )


@router.get("/cases/{case_id}/pack.pdf")
def pack(request: Request, case_id: str) -> Response:
    """The evidence pack: the case, its chain and its photos in one PDF for the file."""
    who = current(request)
    if who is None:
        return redirect("login")
    db = server_of(request).db
    found = figures.case(db, case_id)
    if found is None:
        return Response(status_code=404)
    audit(request, "case.pack", case_id, "ok")
    pdf = evidence_pack.render(db, found, figures.case_photos(db, found), now(request))
    return Response(
        pdf,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{case_id}.pdf"'},
    )
