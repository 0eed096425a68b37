"""Head-office accounts, managed by an administrator: add a person with a role, unlock one."""

from __future__ import annotations

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from sync.server.console import accounts
from sync.server.console.pages import audit, current, redirect, render, require_change, server_of

router = APIRouter()
REFUSALS = {
    "account.exists": "That user name is taken.",
    "account.weak_password": "Use a password of at least 10 characters.",
    "account.bad_name": "A user name has 1 to 64 characters.",
    "account.bad_role": "Choose one of the roles.",
}


@router.get("/users")
def users_page(request: Request) -> Response:
    who = current(request)
    if who is None:
        return redirect("login")
    error = REFUSALS.get(request.query_params.get("error", ""), "")
    rows = accounts.users(server_of(request).db)
    return render(request, "users.html", who, users=rows, roles=accounts.ROLES, error=error)


@router.post("/users")
def add_user(
    request: Request,
    csrf: str = Form(""),
    username: str = Form(""),
    password: str = Form(""),
    role: str = Form(""),
) -> Response:
    require_change(request, csrf, "users.manage", "user.create", username[:64])
    server = server_of(request)
    try:
        accounts.create_user(server.db, server.clock(), username.strip(), password, role)
    except accounts.AccountError as refusal:
        audit(request, "user.create", username[:64], refusal.code)
        return redirect(f"users?error={refusal.code}")
    audit(request, "user.create", username, "ok", role=role)
    return redirect("users")


@router.post("/users/{username}/unlock")
def unlock(request: Request, username: str, csrf: str = Form("")) -> Response:
    require_change(request, csrf, "users.manage", "user.unlock", username)
    accounts.unlock(server_of(request).db, username)
    audit(request, "user.unlock", username, "ok")
    return redirect("users")
