"""The console mounted under ``/console``: logging in and out, the language switch, the
dashboard and the rows behind its figures; each other area adds its own router."""

from __future__ import annotations

from fastapi import APIRouter, Depends, FastAPI, Form, Request
from fastapi.responses import RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from markupsafe import Markup
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from sync.server.console import (
    accounts,
    case_pages,
    charts,
    figures,
    ledger,
    rebate_pages,
    station_pages,
    trace_pages,
    user_pages,
)
from sync.server.console.dashboard import DashboardFigures
from sync.server.console.i18n import LANGUAGES
from sync.server.console.pages import (
    COOKIE,
    HERE,
    LANG_COOKIE,
    PAGE_POLICY,
    ChangeRefused,
    current,
    now,
    page_number,
    redirect,
    render,
    same_origin,
    server_of,
    storable_form,
    translate,
)

REFUSALS = {
    "login.failed": "The user name or password is wrong.",
    "login.locked": "Too many failed attempts: this account is locked for 15 minutes. "
    "Ask an administrator if you need it sooner.",
}


class SameHostPages:
    """Every HTML answer, the API's own documents included, loads only from this host (the
    console's policy, where the page did not set one). A plain ASGI middleware: Starlette's
    function middleware carried every station push's answer through a task group and a stream
    of its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def with_policy(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                if headers.get("content-type", "").startswith("text/html"):
                    headers.setdefault("Content-Security-Policy", PAGE_POLICY)
            await send(message)

        await self.app(scope, receive, with_policy)


def mount(api: FastAPI) -> None:
    """Add the console to the app; it reads ``api.state.server`` at request time."""
    accounts.create_schema(api.state.server.db)
    ledger.create_schema(api.state.server.db)
    figures.create_indexes(api.state.server.db)
    api.state.console_figures = DashboardFigures(api.state.server.db, api.state.server.clock)

    api.add_middleware(SameHostPages)

    @api.exception_handler(ChangeRefused)
    async def _refused(_: Request, exc: ChangeRefused) -> Response:
        return exc.response

    api.mount("/console/static", StaticFiles(directory=HERE / "static"), name="console-static")
    for router in (
        _router(),
        case_pages.router,
        rebate_pages.router,
        station_pages.router,
        trace_pages.router,
        user_pages.router,
    ):
        api.include_router(
            router,
            prefix="/console",
            include_in_schema=False,
            dependencies=[Depends(storable_form)],
        )

    @api.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/console/", status_code=303)


def _router() -> APIRouter:
    router = APIRouter()

    @router.get("/")
    def home(request: Request) -> Response:
        return redirect("dashboard" if current(request) else "login")

    @router.get("/login")
    def login_page(request: Request) -> Response:
        return render(request, "login.html", None, error=request.query_params.get("error", ""))

    @router.post("/login")
    def login(request: Request, username: str = Form(""), password: str = Form("")) -> Response:
        if not same_origin(request):
            return render(request, "message.html", None, status=403, text="login.failed")
        server, moment = server_of(request), now(request)
        try:
            token = accounts.log_in(server.db, moment, username, password)
        except accounts.AccountError as refusal:
            accounts.audit(server.db, moment, username[:64], "login", "", refusal.code)
            return render(request, "login.html", None, status=401, error=REFUSALS[refusal.code])
        accounts.audit(server.db, moment, username, "login", "", "ok")
        response = redirect("dashboard")
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
        who = current(request)
        if who and accounts.csrf_matches(who, csrf):
            accounts.log_out(server_of(request).db, request.cookies.get(COOKIE))
        response = redirect("login")
        response.delete_cookie(COOKIE, path="/console")
        return response

    @router.get("/lang/{lang}")
    def switch_language(request: Request, lang: str) -> Response:
        response = redirect("")
        if lang in LANGUAGES:
            response.set_cookie(LANG_COOKIE, lang, samesite="strict", path="/console")
        return response

    @router.get("/dashboard")
    def dashboard(request: Request) -> Response:
        who = current(request)
        if who is None:
            return redirect("login")
        counted, _ = request.app.state.console_figures.get(), translate(request)
        panels = []
        for title, items in counted.panels:
            if title == "Diversion cases by status":
                items = [figures.Bar(_(b.label), b.value, b.link) for b in items]
            panels.append((title, Markup(charts.bars(items, title=_(title))), items))
        return render(
            request,
            "dashboard.html",
            who,
            panels=panels,
            online=counted.online,
            station_count=counted.stations,
            backlog=counted.backlog,
            skewed=counted.skewed,
            counted_at=counted.counted_at.astimezone().strftime("%H:%M:%S"),
        )

    @router.get("/list/{name}")
    def rows_page(request: Request, name: str) -> Response:
        who = current(request)
        if who is None:
            return redirect("login")
        if name not in figures.LISTS:
            return Response(status_code=404)
        filters = {k: v for k, v in request.query_params.items() if k != "page"}
        number = page_number(request.query_params.get("page"))
        result = figures.rows_behind(server_of(request).db, name, filters, number)
        return render(
            request,
            "rows.html",
            who,
            name=name,
            result=result,
            filters=filters,
            known=sorted(figures.LISTS[name][1]),
        )

    @router.get("/audit")
    def audit_page(request: Request) -> Response:
        who = current(request)
        if who is None:
            return redirect("login")
        rows = accounts.audit_rows(server_of(request).db)
        return render(request, "audit.html", who, rows=rows)

    return router
