"""HTTP to the central server, with the behaviour a flaky network needs.

- explicit connect and read timeouts on every request;
- retries with exponential backoff and full jitter for connection errors, timeouts, 429 and
  5xx answers, honouring ``Retry-After`` (seconds or an HTTP date);
- 401/403 stop at once (``AuthRequired``): retrying cannot fix a revoked or unknown credential;
  a 403 ``access.*`` is ``NotAllowed`` instead (the station may not ask that; still enrolled);
- 413 is handed to the caller (``TooLarge``), which halves its batch;
- TLS certificates are verified by default; a private CA bundle can be given;
- every answer's ``X-Server-Time`` header (the server's clock) goes to ``on_server_time`` as
  it arrives, so the station can keep time that the wall clock cannot move.

Waiting between attempts is on a ``threading.Event``, so ``stop()`` of the sync thread ends a
wait at once. The credential is sent in a header and never logged.
"""

from __future__ import annotations

import email.utils
import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from app.domain.i18n import QT_TRANSLATE_NOOP
from sync.protocol import SERVER_TIME_HEADER

log = logging.getLogger(__name__)

ServerTimeCallback = Callable[[str], None]  # called with the header as the answer arrives


class SyncError(Exception):
    """A sync failure with a stable ``code`` and English operator text (translatable template)."""

    code = "sync.error"
    text = QT_TRANSLATE_NOOP("Sync", "Sync failed: {detail}")

    def __init__(self, detail: str = "") -> None:
        super().__init__(detail or self.code)
        self.detail = detail


class Offline(SyncError):
    code = "sync.offline"
    text = QT_TRANSLATE_NOOP(
        "Sync",
        "The server cannot be reached ({detail}). Work goes on offline; it will sync by itself.",
    )


class AuthRequired(SyncError):
    code = "sync.auth"
    text = QT_TRANSLATE_NOOP(
        "Sync",
        "The server no longer accepts this station ({detail}). Ask IT for a new enrollment code "
        "and enroll the station again.",
    )


class NotAllowed(SyncError):
    """The server answered 403 ``access.*``: this station's kind or dealer may not ask that
    (``sync.server.permissions``). The credential is fine: nothing to enroll again."""

    code = "sync.not_allowed"
    text = QT_TRANSLATE_NOOP(
        "Sync",
        "Not allowed for this station ({detail}): the brand does not share this with this"
        " station. Ask head office if it should.",
    )


class TooLarge(SyncError):
    code = "sync.too_large"


class ServerRefused(SyncError):
    code = "sync.refused"
    text = QT_TRANSLATE_NOOP("Sync", "The server refused the request ({detail}). Call IT.")


class Stopped(SyncError):
    code = "sync.stopped"


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 6
    base: float = 0.5
    cap: float = 60.0
    retry_after_cap: float = 300.0

    def delay(self, attempt: int) -> float:
        """Full jitter: a random wait up to base * 2^attempt, capped."""
        return random.uniform(0, min(self.cap, self.base * 2**attempt))


def retry_after(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def _error_text(response: requests.Response) -> str:
    try:
        body = response.json()
        return f"{response.status_code} {body.get('error', '')}".strip()
    except ValueError:
        return str(response.status_code)


class Transport:
    def __init__(
        self,
        base_url: str,
        credential: str | None = None,
        *,
        ca_bundle: str | None = None,
        connect_timeout: float = 5.0,
        read_timeout: float = 30.0,
        policy: RetryPolicy | None = None,
        stop: threading.Event | None = None,
        on_server_time: ServerTimeCallback | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = requests.Session()
        self.session.headers["User-Agent"] = "YimaScan-sync/1"
        if credential:
            self.session.headers["Authorization"] = f"Bearer {credential}"
        self.verify: bool | str = ca_bundle or True
        self.timeout = (connect_timeout, read_timeout)
        self.policy = policy or RetryPolicy()
        self.stop = stop or threading.Event()
        self.on_server_time = on_server_time

    def close(self) -> None:
        self.session.close()

    def wait(self, seconds: float) -> None:
        if self.stop.wait(seconds):
            raise Stopped("sync stopped")

    def request(
        self,
        method: str,
        path: str,
        *,
        attempts: int | None = None,
        timeout: tuple[float, float] | None = None,
        **kwargs: Any,
    ) -> requests.Response:
        """One request with retries; returns the 2xx response or raises a ``SyncError``.
        ``timeout`` (connect, read) replaces the transport's own for this request."""
        url = f"{self.base_url}{path}"
        attempts = attempts or self.policy.attempts
        last = ""
        for attempt in range(attempts):
            if self.stop.is_set():
                raise Stopped("sync stopped")
            wait: float | None = None
            try:
                response = self.session.request(
                    method, url, timeout=timeout or self.timeout, verify=self.verify, **kwargs
                )
            except requests.exceptions.SSLError as exc:
                raise Offline(f"TLS: {exc.__class__.__name__}") from exc
            except (
                requests.ConnectionError,
                requests.Timeout,
                requests.exceptions.ChunkedEncodingError,
            ) as exc:
                last = exc.__class__.__name__
                log.info("%s %s failed (%s), attempt %d", method, path, last, attempt + 1)
            else:
                self._server_time(response)
                status = response.status_code
                if status < 300:
                    return response
                last = _error_text(response)
                log.info("%s %s answered %s, attempt %d", method, path, last, attempt + 1)
                if status == 403 and last.startswith("403 access."):
                    raise NotAllowed(last)
                if status in (401, 403):
                    raise AuthRequired(last)
                if status == 413:
                    raise TooLarge(last)
                if status != 429 and status < 500:
                    raise ServerRefused(last)
                after = retry_after(response)
                if after is not None:
                    wait = min(after, self.policy.retry_after_cap)
                response.close()
            if attempt + 1 < attempts:
                self.wait(wait if wait is not None else self.policy.delay(attempt))
        raise Offline(last)

    def _server_time(self, response: requests.Response) -> None:
        header = response.headers.get(SERVER_TIME_HEADER)
        if header and self.on_server_time is not None:
            try:
                self.on_server_time(header)
            except Exception:  # the clock is a side matter: never fail a request over it
                log.exception("reading the server's time failed")

    def get_json(self, path: str, **kwargs: Any) -> Any:
        return self.request("GET", path, **kwargs).json()

    def post_json(self, path: str, body: Any, **kwargs: Any) -> Any:
        return self.request("POST", path, json=body, **kwargs).json()
