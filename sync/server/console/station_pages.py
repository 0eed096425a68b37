"""IT's pages: stations (revoke, restore), enrollment codes shown as QR codes a station scans,
signing keys, the deny list, settings published to stations (offline caps, rebate rules), and
code batches and vouchers issued as downloadable packs.

A pack is produced in the answer to the POST that issues it and kept nowhere else: voucher
tokens are secrets, so the console never lists them again.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import segno
from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from markupsafe import Markup

from app.domain.export_cells import safe_row
from sync.server import admin
from sync.server.changes import all_settings
from sync.server.console import figures
from sync.server.console.pages import (
    audit,
    current,
    redirect,
    render,
    require_change,
    server_of,
    whole_number,
)
from sync.server.permissions import KINDS

router = APIRouter()
DENY_KINDS = ("voucher", "card", "device", "code")
# Settings head office may change here: name -> what a value must be
EDITABLE_SETTINGS = {"counter.offline_caps": dict, "server.snapshot.max_age_minutes": int}


def _yuan_to_cents(text: str) -> int | None:
    try:
        cents = round(float(text) * 100)
    except (ValueError, OverflowError):  # not a number, NaN, or 1e400 (infinite)
        return None
    return cents if 0 <= cents <= 100_000_000 else None


@router.get("/stations")
def stations_page(request: Request) -> Response:
    who = current(request)
    if who is None:
        return redirect("login")
    server = server_of(request)
    rows = figures.stations(server.db, server.clock())
    error = request.query_params.get("error", "")
    return render(request, "stations.html", who, stations=rows, code=None, kinds=KINDS, error=error)


@router.post("/stations/{station_id}/{action}")
def station_action(
    request: Request, station_id: str, action: str, csrf: str = Form("")
) -> Response:
    if action not in ("revoke", "restore"):
        return Response(status_code=404)
    require_change(request, csrf, "stations.manage", f"station.{action}", station_id)
    try:
        admin.set_station_revoked(server_of(request), station_id, action == "revoke")
    except admin.AdminError:
        audit(request, f"station.{action}", station_id, "unknown")
        return Response(status_code=404)
    audit(request, f"station.{action}", station_id, "ok")
    return redirect("stations")


@router.post("/stations/role")
def station_role(
    request: Request,
    csrf: str = Form(""),
    station: str = Form(""),
    kind: str = Form(""),
    dealer: str = Form(""),
    site: str = Form(""),
    region: str = Form(""),
    granted: str = Form(""),
) -> Response:
    """What a station is and whose: changed here or by ``admin station-role`` only, each change
    (or refusal) a row of the audit log, written by ``admin.set_station_role``."""
    require_change(request, csrf, "stations.manage", "station.role", station[:100])
    who = current(request)
    try:
        admin.set_station_role(
            server_of(request),
            station[:100],
            kind=kind,
            actor=who.username if who else "-",
            dealer_id=dealer[:40] or None,
            site=site[:40] or None,
            region_id=region[:40] or None,
            granted_regions=[r.strip()[:40] for r in granted.split(",") if r.strip()][:20],
        )
    except admin.AdminError:
        return redirect("stations?error=role")
    return redirect("stations")


@router.post("/enroll")
def new_enrollment_code(
    request: Request,
    csrf: str = Form(""),
    name: str = Form(""),
    site: str = Form(""),
    dealer: str = Form(""),
    region: str = Form(""),
    kind: str = Form(""),
) -> Response:
    require_change(request, csrf, "stations.manage", "enroll.code", name)
    server = server_of(request)
    if kind and kind not in KINDS:
        audit(request, "enroll.code", name, "refused.kind", kind=kind[:40])
        return redirect("stations")
    code = admin.create_enrollment_code(
        server,
        name=name[:100],
        site=site or None,
        dealer_id=dealer or None,
        region_id=region or None,
        kind=kind or None,
    )
    audit(request, "enroll.code", name, "ok", site=site, dealer=dealer, region=region, kind=kind)
    base = str(request.base_url).rstrip("/")
    scan_text = f"YIMA:ENROLL:{code}@{base}"
    qr = segno.make(scan_text, error="m").svg_inline(scale=5)
    rows = figures.stations(server.db, server.clock())
    return render(
        request,
        "stations.html",
        current(request),
        stations=rows,
        kinds=KINDS,
        error="",
        code={"code": code, "qr": Markup(qr), "text": scan_text, "name": name},
    )


@router.get("/settings")
def settings_page(request: Request) -> Response:
    who = current(request)
    if who is None:
        return redirect("login")
    server = server_of(request)
    with server.db.read() as tx:
        settings = all_settings(tx)
        keys = tx.all(
            "SELECT kid, status, created_at, retired_at FROM signing_keys ORDER BY created_at DESC"
        )
        deny = tx.all(
            "SELECT kind, value, reason, created_at FROM deny_list ORDER BY created_at DESC"
        )
        rules = tx.all(
            "SELECT id, product_id, amount_cents, valid_from, valid_to FROM rebate_rules ORDER BY id"
        )
        tiers = tx.all("SELECT name, min_units, bonus_cents FROM rebate_tiers ORDER BY min_units")
        products = tx.all("SELECT id, name FROM products ORDER BY id")
        dealers = tx.all("SELECT id, name FROM dealers ORDER BY id")
    editable = {k: json.dumps(settings.get(k), ensure_ascii=False) for k in EDITABLE_SETTINGS}
    return render(
        request,
        "settings.html",
        who,
        keys=keys,
        deny=deny,
        rules=rules,
        tiers=tiers,
        editable=editable,
        deny_kinds=DENY_KINDS,
        products=products,
        dealers=dealers,
        error=request.query_params.get("error", ""),
    )


@router.post("/settings/keys/rotate")
def rotate_key(request: Request, csrf: str = Form("")) -> Response:
    require_change(request, csrf, "settings.manage", "key.rotate", "")
    kid = admin.rotate_key(server_of(request))
    audit(request, "key.rotate", kid, "ok")
    return redirect("settings")


@router.post("/settings/deny")
def deny(
    request: Request,
    csrf: str = Form(""),
    kind: str = Form(""),
    value: str = Form(""),
    reason: str = Form(""),
    remove: str = Form(""),
) -> Response:
    action = "deny.remove" if remove else "deny.add"
    require_change(request, csrf, "settings.manage", action, f"{kind}:{value}")
    if kind not in DENY_KINDS or not value.strip() or len(value) > 500:
        audit(request, action, f"{kind}:{value[:100]}", "refused.invalid")
        return redirect("settings?error=deny")
    admin.deny(server_of(request), kind, value.strip(), reason[:500], remove=bool(remove))
    audit(request, action, f"{kind}:{value}", "ok", reason=reason[:200])
    return redirect("settings")


@router.post("/settings/value")
def set_value(
    request: Request, csrf: str = Form(""), key: str = Form(""), value: str = Form("")
) -> Response:
    require_change(request, csrf, "settings.manage", "setting.set", key)
    try:
        parsed = json.loads(value)
    except (ValueError, RecursionError):
        parsed = None
    if key not in EDITABLE_SETTINGS or not isinstance(parsed, EDITABLE_SETTINGS[key]):
        audit(request, "setting.set", key, "refused.invalid", value=value[:200])
        return redirect("settings?error=setting")
    admin.set_setting_value(server_of(request), key, parsed)
    audit(request, "setting.set", key, "ok", value=parsed)
    return redirect("settings")


@router.post("/settings/rebate-rule")
def rebate_rule(
    request: Request,
    csrf: str = Form(""),
    product: str = Form(""),
    amount: str = Form(""),
    valid_from: str = Form(""),
    valid_to: str = Form(""),
) -> Response:
    require_change(request, csrf, "settings.manage", "rebate.rule", product)
    cents = _yuan_to_cents(amount)
    if cents is None:
        audit(request, "rebate.rule", product, "refused.invalid", amount=amount[:20])
        return redirect("settings?error=amount")
    rule = admin.set_rebate_rule(
        server_of(request),
        cents,
        product_id=product or None,
        valid_from=valid_from or None,
        valid_to=valid_to or None,
    )
    audit(request, "rebate.rule", rule, "ok", product=product, cents=cents)
    return redirect("settings")


def _pack(name: str, header: list[str], rows: list[list[Any]]) -> Response:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(safe_row(row) for row in rows)
    return Response(
        ("\ufeff" + out.getvalue()).encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={
            "Content-Disposition": f'attachment; filename="{name}"',
            "Cache-Control": "no-store",
        },
    )


@router.post("/settings/batch")
def issue_batch(
    request: Request,
    csrf: str = Form(""),
    product: str = Form(""),
    count: str = Form(""),
    level: str = Form("item"),
    site: str = Form(""),
) -> Response:
    require_change(request, csrf, "codes.issue", "codes.batch", product)
    number = whole_number(count)
    if not 0 < number <= 100_000:
        audit(request, "codes.batch", product, "refused.invalid", count=count[:20])
        return redirect("settings?error=count")
    server = server_of(request)
    try:
        batch, issued = admin.issue_batch(server, product, number, level=level, site=site or None)
    except admin.AdminError:
        audit(request, "codes.batch", product, "refused.invalid", level=level)
        return redirect("settings?error=batch")
    audit(request, "codes.batch", batch, "ok", product=product, count=issued, level=level)
    return _pack(f"{batch}.csv", ["code"], [[code] for code in admin.batch_codes(server, batch)])


@router.post("/settings/vouchers")
def issue_vouchers(
    request: Request,
    csrf: str = Form(""),
    prize: str = Form(""),
    value: str = Form(""),
    count: str = Form(""),
    dealer: str = Form(""),
) -> Response:
    require_change(request, csrf, "codes.issue", "vouchers.issue", prize)
    cents, number = _yuan_to_cents(value), whole_number(count)
    if cents is None or not 0 < number <= 10_000 or not prize.strip():
        audit(request, "vouchers.issue", prize[:100], "refused.invalid")
        return redirect("settings?error=vouchers")
    try:
        vouchers = admin.issue_vouchers(
            server_of(request),
            number,
            prize=prize[:100],
            value_cents=cents,
            dealer_id=dealer or None,
        )
    except admin.AdminError:
        audit(request, "vouchers.issue", prize[:100], "refused.invalid", dealer=dealer)
        return redirect("settings?error=vouchers")
    audit(request, "vouchers.issue", prize[:100], "ok", count=number, cents=cents, dealer=dealer)
    return _pack("vouchers.csv", ["voucher_id", "qr_text"], [list(v) for v in vouchers])
