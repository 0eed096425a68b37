"""The station's HTTP behaviour under faults, against a scripted loopback server:
timeouts, backoff, Retry-After, 413, 401/403."""

from __future__ import annotations

import email.utils
import http.server
import threading
import time

import pytest

from sync.client.transport import (
    AuthRequired,
    Offline,
    RetryPolicy,
    ServerRefused,
    Stopped,
    TooLarge,
    Transport,
)


class Scripted(http.server.ThreadingHTTPServer):
    """Answers each request with the next (status, headers, delay) of its script."""

    def __init__(self, script: list[tuple[int, dict[str, str], float]]) -> None:
        self.script = list(script)
        self.times: list[float] = []
        super().__init__(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        server: Scripted = self.server  # type: ignore[assignment]
        server.times.append(time.monotonic())
        status, headers, delay = server.script.pop(0) if server.script else (200, {}, 0)
        time.sleep(delay)
        body = b'{"error": "scripted", "message": "scripted"}' if status >= 300 else b'{"ok": true}'
        try:
            self.send_response(status)
            for name, value in {"Content-Type": "application/json", **headers}.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except OSError:
            pass

    do_POST = do_GET


FAST = RetryPolicy(attempts=4, base=0.01, cap=0.02, retry_after_cap=5)


@pytest.fixture
def scripted():
    servers: list[Scripted] = []

    def make(*script: tuple[int, dict[str, str], float]) -> Scripted:
        server = Scripted(list(script))
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.shutdown()
        server.server_close()


def test_5xx_and_429_are_retried_with_backoff_and_retry_after_is_honoured(scripted):
    server = scripted(
        (503, {"Retry-After": "1"}, 0), (500, {}, 0), (429, {"Retry-After": "0"}, 0), (200, {}, 0)
    )
    transport = Transport(server.url, "secret", policy=FAST)
    assert transport.get_json("/x") == {"ok": True}
    gaps = [b - a for a, b in zip(server.times, server.times[1:], strict=False)]
    assert gaps[0] >= 0.95  # waited what Retry-After said, not the 10 ms backoff
    assert gaps[1] < 0.5
    # the HTTP-date form (whole seconds, so "in 3 s" is at least 2 s away)
    dated = scripted(
        (503, {"Retry-After": email.utils.formatdate(time.time() + 3, usegmt=True)}, 0),
        (200, {}, 0),
    )
    Transport(dated.url, policy=FAST).get_json("/x")
    assert dated.times[1] - dated.times[0] >= 1.5


def test_giving_up_says_offline_and_a_read_timeout_counts_as_a_failure(scripted):
    server = scripted(*[(500, {}, 0)] * 4)
    with pytest.raises(Offline):
        Transport(server.url, policy=FAST).get_json("/x")
    assert len(server.times) == 4
    slow = scripted((200, {}, 1.5), (200, {}, 0))
    started = time.monotonic()
    assert Transport(slow.url, policy=FAST, read_timeout=0.3).get_json("/x") == {"ok": True}
    assert time.monotonic() - started < 1.4 and len(slow.times) == 2


def test_401_403_413_and_other_4xx_are_not_retried(scripted):
    for status, error in (
        (401, AuthRequired),
        (403, AuthRequired),
        (413, TooLarge),
        (404, ServerRefused),
    ):
        server = scripted((status, {}, 0), (200, {}, 0))
        with pytest.raises(error):
            Transport(server.url, policy=FAST).get_json("/x")
        assert len(server.times) == 1


def test_stop_ends_a_long_wait_at_once(scripted):
    server = scripted((503, {"Retry-After": "60"}, 0))
    stop = threading.Event()
    transport = Transport(server.url, policy=FAST, stop=stop)
    threading.Timer(0.2, stop.set).start()
    started = time.monotonic()
    with pytest.raises(Stopped):
        transport.get_json("/x")
    assert time.monotonic() - started < 2


def test_an_unreachable_server_is_offline_quickly():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    with pytest.raises(Offline):
        Transport(f"http://127.0.0.1:{port}", policy=FAST, connect_timeout=0.5).get_json("/x")
