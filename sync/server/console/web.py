"""The console's pages and form posts, mounted under ``/console`` on the server's FastAPI app.

Every page needs a session cookie; every change is a POST that must carry the session's CSRF
token and come from this origin, is allowed by the user's role or refused with 403, and is
written to the audit log either way.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import APIRouter, FastAPI, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup

from sync.server import admin
from sync.server.console import accounts, charts, figures
from sync.server.console.i18n import LANGUAGES, ZH, language, translator

HERE = Path(__file__).resolve().parent
COOKIE = "yima_console"
LANG_COOKIE = "yima_console_lang"
# open -> investigating -> confirmed -> penalised, and dismissed from anywhere before penalised
CASE_MOVES = {
    "open": ("investigating", "confirmed", "dismissed"),
    "investigating": ("confirmed", "dismissed"),
    "confirmed": ("penalised", "dismissed"),
}
REFUSALS = {
    "login.failed": "The user name or password is wrong.",
    "login.locked": "Too many failed attempts: this account is locked for 15 minutes. "
    "Ask an administrator if you need it sooner.",
}

_templates = Environment(
    loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"])
)


# Every HTML page the server sends may load only from the server itself: nothing from a CDN
# reaches a head-office browser (ReDoc's bundled "powered by" logo from its vendor included).
PAGE_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'"
)


def mount(api: FastAPI) -> None:
    """Add the console to the app; it reads ``api.state.server`` at request time."""
    accounts.create_schema(api.state.server.db)

    @api.middleware("http")
    async def _same_host_only(request: Request, call_next: Any) -> Any:
        response = await call_next(request)
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
        return response

    api.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")
    api.include_router(_router(), prefix="/console", include_in_schema=False)

    @api.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/console/", status_code=303)


def _router() -> APIRouter:
    router = APIRouter()

    @router.get("/")
    def home(request: Request) -> Response:
        return _redirect("dashboard" if _current(request) else "login")

    @router.get("/login")
    def login_page(request: Request) -> Response:
        return _page(request, "login.html", None, error=request.query_params.get("error", ""))

    @router.post("/login")
    def login(request: Request, username: str = Form(""), password: str = Form("")) -> Response:
        if not _same_origin(request):
            return _refused(request, None, 403, _csrf_text())
        server, now = _server(request), _now(request)
        try:
            token = accounts.log_in(server.db, now, username, password)
        except accounts.AccountError as refusal:
            accounts.audit(server.db, now, username, "login", "", refusal.code)
            return _page(request, "login.html", None, status=401, error=REFUSALS[refusal.code])
        accounts.audit(server.db, now, username, "login", "", "ok")
        response = _redirect("dashboard")
        response.set_cookie(
            COOKIE,
            token,
            httponly=True,
            samesite="strict",
            path="/console",
            secure=request.url.scheme == "https",
            max_age=int(accounts.SESSION_FOR.total_seconds()),
        )
        return response

    @router.post("/logout")
    def logout(request: Request, csrf: str = Form("")) -> Response:
        current = _current(request)
        if current and accounts.csrf_matches(current, csrf):
            accounts.log_out(_server(request).db, request.cookies.get(COOKIE))
        response = _redirect("login")
        response.delete_cookie(COOKIE, path="/console")
        return response

    @router.get("/lang/{lang}")
    def switch_language(request: Request, lang: str) -> Response:
        response = _redirect("")
        if lang in LANGUAGES:
            response.set_cookie(LANG_COOKIE, lang, samesite="strict", path="/console")
        return response

    @router.get("/dashboard")
    def dashboard(request: Request) -> Response:
        current = _current(request)
        if current is None:
            return _redirect("login")
        server, now = _server(request), _now(request)
        _ = translator(_lang(request))
        panels = [
            ("Scans per day", figures.scans_per_day(server.db, now)),
            ("Shipments per day", figures.shipments_per_day(server.db, now)),
            ("Shipments by region", figures.shipments_by_region(server.db)),
            ("Shipments by dealer", figures.shipments_by_dealer(server.db)),
            ("Diversion cases by status", _status_words(figures.cases_by_status(server.db), _)),
            ("Diversion cases by region", figures.cases_by_region(server.db)),
            ("Redemptions per month", figures.redemptions_by_month(server.db)),
            ("Installer rebates per month (yuan)", figures.rebates_by_month(server.db)),
            ("Anomaly flags by rule", figures.anomalies_by_rule(server.db)),
        ]
        stations = figures.stations(server.db, now)
        return _page(
            request,
            "dashboard.html",
            current,
            panels=[
                (title, Markup(charts.bars(items, title=_(title))), items)
                for title, items in panels
            ],
            online=sum(1 for s in stations if s["online"]),
            station_count=len(stations),
        )

    @router.get("/stations")
    def stations_page(request: Request) -> Response:
        current = _current(request)
        if current is None:
            return _redirect("login")
        rows = figures.stations(_server(request).db, _now(request))
        return _page(request, "stations.html", current, stations=rows)

    @router.post("/stations/{station_id}/{action}")
    def station_action(
        request: Request, station_id: str, action: str, csrf: str = Form("")
    ) -> Response:
        if action not in ("revoke", "restore"):
            return Response(status_code=404)
        denied = _check_change(request, csrf, "stations.manage", f"station.{action}", station_id)
        if denied is not None:
            return denied
        server = _server(request)
        try:
            admin.set_station_revoked(server, station_id, action == "revoke")
        except admin.AdminError:
            _audit(request, f"station.{action}", station_id, "unknown")
            return Response(status_code=404)
        _audit(request, f"station.{action}", station_id, "ok")
        return _redirect("stations")

    @router.get("/list/{name}")
    def rows_page(request: Request, name: str) -> Response:
        current = _current(request)
        if current is None:
            return _redirect("login")
        if name not in figures.LISTS:
            return Response(status_code=404)
        filters = {k: v for k, v in request.query_params.items() if k != "page"}
        page = _page_number(request.query_params.get("page"))
        result = figures.rows_behind(_server(request).db, name, filters, page)
        return _page(
            request,
            "rows.html",
            current,
            name=name,
            result=result,
            filters=filters,
            known=sorted(figures.LISTS[name][1]),
        )

    @router.get("/cases/{case_id}")
    def case_page(request: Request, case_id: str) -> Response:
        current = _current(request)
        if current is None:
            return _redirect("login")
        found = figures.case(_server(request).db, case_id)
        if found is None:
            return _page(request, "message.html", current, status=404, text="Case not found.")
        return _page(
            request, "case.html", current, case=found, moves=CASE_MOVES.get(found["status"], ())
        )

    @router.post("/cases/{case_id}/status")
    def case_status(
        request: Request,
        case_id: str,
        csrf: str = Form(""),
        status: str = Form(""),
        note: str = Form(""),
    ) -> Response:
        denied = _check_change(request, csrf, "cases.review", "case.status", case_id)
        if denied is not None:
            return denied
        server = _server(request)
        found = figures.case(server.db, case_id)
        if found is None or status not in CASE_MOVES.get(found["status"], ()):
            _audit(request, "case.status", case_id, "refused", status=status)
            return Response(status_code=409)
        admin.set_case_status(server, case_id, status, note[:2000])
        _audit(request, "case.status", case_id, "ok", status=status, note=note[:200])
        return RedirectResponse(f"/console/cases/{case_id}", status_code=303)

    @router.get("/audit")
    def audit_page(request: Request) -> Response:
        current = _current(request)
        if current is None:
            return _redirect("login")
        return _page(request, "audit.html", current, rows=accounts.audit_rows(_server(request).db))

    return router


# --- helpers ----------------------------------------------------------------------------------


def _server(request: Request) -> Any:
    return request.app.state.server


def _now(request: Request) -> Any:
    return _server(request).clock()


def _lang(request: Request) -> str:
    return language(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))


def _current(request: Request) -> accounts.Session | None:
    return accounts.session(_server(request).db, _now(request), request.cookies.get(COOKIE))


def _redirect(where: str) -> RedirectResponse:
    return RedirectResponse(f"/console/{where}", status_code=303)


def _page_number(raw: str | None) -> int:
    return int(raw) if raw and raw.isdigit() and 0 < int(raw) < 100_000 else 1


def _same_origin(request: Request) -> bool:
    """A browser names the page a form came from; a form from another site is refused."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True  # not a browser (or one that hides it): the CSRF token still has to match
    return urlsplit(origin).netloc == request.headers.get("host")


def _csrf_text() -> str:
    return "This form has expired or did not come from this console. Reload the page and try again."


def _audit(request: Request, action: str, target: str, result: str, **detail: Any) -> None:
    current = _current(request)
    accounts.audit(
        _server(request).db,
        _now(request),
        current.username if current else "-",
        action,
        target,
        result,
        **detail,
    )


def _check_change(
    request: Request, csrf: str, permission: str, action: str, target: str
) -> Response | None:
    """None when the change may go ahead; else the refusal, already in the audit log."""
    current = _current(request)
    if current is None:
        return _redirect("login?error=session")
    if not _same_origin(request) or not accounts.csrf_matches(current, csrf):
        _audit(request, action, target, "refused.csrf")
        return _refused(request, current, 403, _csrf_text())
    if not current.may(permission):
        _audit(request, action, target, "refused.role")
        return _refused(request, current, 403, "Your role may not do this. Ask an administrator.")
    return None


def _refused(
    request: Request, current: accounts.Session | None, status: int, text: str
) -> Response:
    return _page(request, "message.html", current, status=status, text=text)


def _status_words(items: list[figures.Bar], _: Any) -> list[figures.Bar]:
    return [figures.Bar(_(bar.label), bar.value, bar.link) for bar in items]


def _page(
    request: Request,
    template: str,
    current: accounts.Session | None,
    *,
    status: int = 200,
    **values: Any,
) -> HTMLResponse:
    lang = _lang(request)
    html = _templates.get_template(template).render(
        _=translator(lang), lang=lang, me=current, zh=ZH, **values
    )
    return HTMLResponse(
        html,
        status_code=status,
        headers={
            "Content-Security-Policy": PAGE_POLICY,
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "same-origin",
            "Cache-Control": "no-store",
        },
    )
