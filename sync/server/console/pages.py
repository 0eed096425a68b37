"""What every console page shares: who is asking, how a page is rendered, and how a change is
checked (session, CSRF token, same origin, role) and written to the audit log."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from sync.server.console import accounts
from sync.server.console.i18n import ZH, language, translator

HERE = Path(__file__).resolve().parent
COOKIE = "yima_console"
LANG_COOKIE = "yima_console_lang"
# Every HTML page the server sends may load only from the server itself: nothing from a CDN
# reaches a head-office browser (ReDoc's bundled "powered by" logo from its vendor included).
PAGE_POLICY = (
    "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; font-src 'self' data:; worker-src 'self' blob:; "
    "connect-src 'self'; frame-ancestors 'none'; form-action 'self'"
)
CSRF_TEXT = (
    "This form has expired or did not come from this console. Reload the page and try again."
)
ROLE_TEXT = "Your role may not do this. Ask an administrator."
FORM_TEXT = "A field holds a NUL character, which cannot be stored. Remove it and send again."

_templates = Environment(
    loader=FileSystemLoader(HERE / "templates"), autoescape=select_autoescape(["html"])
)


def server_of(request: Request) -> Any:
    return request.app.state.server


def now(request: Request) -> dt.datetime:
    return server_of(request).clock()


def current(request: Request) -> accounts.Session | None:
    return accounts.session(server_of(request).db, now(request), request.cookies.get(COOKIE))


def redirect(where: str) -> RedirectResponse:
    return RedirectResponse(f"/console/{where}", status_code=303)


def whole_number(raw: str | None) -> int:
    """The number ``raw`` writes in ASCII digits, else 0 (``str.isdigit`` also takes '²',
    which ``int`` refuses: a 500)."""
    return int(raw) if raw and raw.isascii() and raw.isdigit() else 0


def page_number(raw: str | None) -> int:
    number = whole_number(raw)
    return number if 0 < number < 100_000 else 1


def same_origin(request: Request) -> bool:
    """A browser names the page a form came from; a form from another site is refused."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True  # not a browser (or one that hides it): the CSRF token still has to match
    return urlsplit(origin).netloc == request.headers.get("host")


def audit(request: Request, action: str, target: str, result: str, **detail: Any) -> None:
    who = current(request)
    accounts.audit(
        server_of(request).db,
        now(request),
        who.username if who else "-",
        action,
        target,
        result,
        **detail,
    )


class ChangeRefused(Exception):
    """A change the console will not make; ``response`` says why (already in the audit log).
    The app answers it (``web.mount`` installs the handler), so each form handler checks in one
    line and goes on only when the change may be made."""

    def __init__(self, response: Response) -> None:
        super().__init__("change refused")
        self.response = response


async def storable_form(request: Request) -> None:
    """A console form whose fields hold a NUL (no keyboard types one; PostgreSQL cannot store
    or compare it, so each form failed with a 500 there) is refused whole, before a handler
    reads it. FastAPI has parsed the form already; this reads it from the request's cache."""
    if request.method != "POST":
        return
    form = await request.form()
    if any(isinstance(value, str) and "\x00" in value for _, value in form.multi_items()):
        who = current(request)
        raise ChangeRefused(render(request, "message.html", who, status=422, text=FORM_TEXT))


def require_change(request: Request, csrf: str, permission: str, action: str, target: str) -> None:
    """Raise ChangeRefused unless this session may make this change from this form."""
    who = current(request)
    if who is None:
        raise ChangeRefused(redirect("login?error=session"))
    if not same_origin(request) or not accounts.csrf_matches(who, csrf):
        audit(request, action, target, "refused.csrf")
        raise ChangeRefused(render(request, "message.html", who, status=403, text=CSRF_TEXT))
    if not who.may(permission):
        audit(request, action, target, "refused.role")
        raise ChangeRefused(render(request, "message.html", who, status=403, text=ROLE_TEXT))


def render(
    request: Request,
    template: str,
    who: accounts.Session | None,
    *,
    status: int = 200,
    **values: Any,
) -> HTMLResponse:
    lang = language(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))
    html = _templates.get_template(template).render(
        _=translator(lang), lang=lang, me=who, zh=ZH, **values
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


def translate(request: Request) -> Any:
    return translator(
        language(request.cookies.get(LANG_COOKIE), request.headers.get("accept-language"))
    )
