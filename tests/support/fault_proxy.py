"""A fault-injecting HTTP proxy on loopback, between the station and the server.

Each request is read whole from the station, then handled by the action the ``plan`` picks:

- ``pass``: forward, answer;
- ``cut_request``: drop the connection after part of the request (the server sees nothing);
- ``cut_after_commit``: forward, let the server answer (it has committed), drop the answer;
- ``error``: answer 503 with ``Retry-After: 0`` (or 500) without forwarding;
- ``stall``: forward, then hold the answer past the client's read timeout, then drop it;
- ``repeat``: forward the same request several times at once, answer with one of them;
- ``truncate``: forward, send half the answer, drop the connection.

Upstream connections are one per request (``Connection: close``); so are downstream ones.
"""

from __future__ import annotations

import contextlib
import random
import socket
import threading
import time
from collections import Counter
from collections.abc import Callable

_ERROR_BODY = b'{"error":"proxy.down","message":"injected 503"}'
ERROR_503 = (
    b"HTTP/1.1 503 Service Unavailable\r\nRetry-After: 0\r\nContent-Type: application/json\r\n"
    + f"Content-Length: {len(_ERROR_BODY)}\r\nConnection: close\r\n\r\n".encode()
    + _ERROR_BODY
)
ACTIONS = ("pass", "cut_request", "cut_after_commit", "error", "stall", "repeat")


def _read_head(conn: socket.socket) -> tuple[bytes, bytes, int] | None:
    """The request head, the body bytes already read, and the body's length."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    return head, body, length


def _read_body(conn: socket.socket, body: bytes, length: int) -> bytes | None:
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    return body


def _upstream_request(head: bytes, body: bytes) -> bytes:
    lines = [
        line
        for line in head.split(b"\r\n")
        if not line.lower().startswith((b"connection:", b"keep-alive:"))
    ]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def _forward(upstream: tuple[str, int], request: bytes) -> bytes:
    with socket.create_connection(upstream, timeout=30) as up:
        up.sendall(request)
        parts = []
        while chunk := up.recv(65536):
            parts.append(chunk)
    return b"".join(parts)


class FaultProxy:
    def __init__(
        self, upstream_url: str, plan: Callable[[int, bytes], str], stall_seconds: float = 1.5
    ) -> None:
        host, port = upstream_url.removeprefix("http://").split(":")
        self.upstream = (host, int(port))
        self.plan = plan
        self.stall_seconds = stall_seconds
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.count = 0
        self.actions: Counter[str] = Counter()
        self.heads: list[bytes] = []
        self._lock = threading.Lock()
        self._stop = False
        self._thread = threading.Thread(target=self._serve, daemon=True)

    def __enter__(self) -> FaultProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop = True
        with contextlib.suppress(OSError):
            socket.create_connection(("127.0.0.1", self.port), timeout=1).close()
        self._thread.join(5)
        self.sock.close()

    def _serve(self) -> None:
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            if self._stop:
                conn.close()
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(30)
            try:
                found = _read_head(conn)
                if found is None:
                    return
                head, body, length = found
                with self._lock:
                    self.count += 1
                    number = self.count
                    self.heads.append(head)
                action = self.plan(number, head)
                with self._lock:
                    self.actions[action] += 1
                if action == "cut_request":
                    # part of the body read, then a hard reset: the server never hears of it
                    conn.setsockopt(
                        socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                    )
                    return
                full = _read_body(conn, body, length)
                if full is None:
                    return
                request = _upstream_request(head, full)
                if action == "error":
                    conn.sendall(ERROR_503)
                    return
                if action == "repeat":
                    answers: list[bytes] = []
                    workers = [
                        threading.Thread(
                            target=lambda: answers.append(_forward(self.upstream, request))
                        )
                        for _ in range(3)
                    ]
                    for w in workers:
                        w.start()
                    for w in workers:
                        w.join(60)
                    conn.sendall(answers[-1])
                    return
                answer = _forward(self.upstream, request)
                if action == "cut_after_commit":
                    return
                if action == "truncate":
                    conn.sendall(answer[: len(answer) // 2])
                    return
                if action == "stall":
                    time.sleep(self.stall_seconds)
                    return
                conn.sendall(answer)
            except OSError:
                return


def random_plan(
    seed: int, faults_until: int, weights: dict[str, int] | None = None
) -> Callable[[int, bytes], str]:
    """For the first ``faults_until`` requests a shuffled mix holding every action ``weights`` times
    (so each fault surely happens), then everything passes."""
    weights = weights or {
        "pass": 3,
        "cut_request": 2,
        "cut_after_commit": 2,
        "error": 2,
        "stall": 2,
        "repeat": 2,
    }
    pool = [name for name, n in weights.items() for _ in range(n)]
    order = [pool[i % len(pool)] for i in range(faults_until)]
    random.Random(seed).shuffle(order)

    def plan(number: int, head: bytes) -> str:
        return order[number - 1] if number <= faults_until else "pass"

    return plan
