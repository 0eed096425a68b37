"""Finance's rebate ledger: per installer card and month, approve for payout, export."""

from __future__ import annotations

import re

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from sync.server.console import ledger
from sync.server.console.pages import audit, current, redirect, render, require_change, server_of

router = APIRouter()
MONTH = re.compile(r"\d{4}-\d{2}")


@router.get("/rebates")
def rebates_page(request: Request) -> Response:
    who = current(request)
    if who is None:
        return redirect("login")
    db = server_of(request).db
    months = ledger.months(db)
    month = request.query_params.get("month") or (months[0] if months else "")
    rows = ledger.statements(db, month) if MONTH.fullmatch(month) else []
    return render(request, "rebates.html", who, months=months, month=month, rows=rows)


@router.post("/rebates/{month}/{card_id}/approve")
def approve(request: Request, month: str, card_id: str, csrf: str = Form("")) -> Response:
    target = f"{card_id}/{month}"
    require_change(request, csrf, "rebates.approve", "rebate.approve", target)
    server = server_of(request)
    who = current(request)
    try:
        total = ledger.approve(
            server.db, server.clock(), who.username if who else "-", card_id, month
        )
    except ledger.AlreadyApproved:
        audit(request, "rebate.approve", target, "refused.already")
        return redirect(f"rebates?month={month}")
    audit(request, "rebate.approve", target, "ok", total_cents=total)
    return redirect(f"rebates?month={month}")


@router.get("/rebates/{month}.{kind}")
def export(request: Request, month: str, kind: str) -> Response:
    who = current(request)
    if who is None:
        return redirect("login")
    if not MONTH.fullmatch(month) or kind not in ("csv", "xlsx"):
        return Response(status_code=404)
    db = server_of(request).db
    audit(request, "rebate.export", f"{month}.{kind}", "ok")
    if kind == "csv":
        body, media = ledger.as_csv(db, month), "text/csv; charset=utf-8"
    else:
        body = ledger.as_xlsx(db, month)
        media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(
        body,
        media_type=media,
        headers={"Content-Disposition": f'attachment; filename="rebates-{month}.{kind}"'},
    )
