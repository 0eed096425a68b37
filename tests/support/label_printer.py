"""A network label printer on loopback: a TCP server on 127.0.0.1 that keeps every job's bytes.

Like a real printer on port 9100 it reads a job until the sender closes its side and
answers nothing. ``jobs`` holds one ``bytes`` per connection, in arrival order.
"""

from __future__ import annotations

import socket
import threading
import time


class LoopbackPrinter:
    def __init__(self) -> None:
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.2)
        self.host, self.port = self._server.getsockname()[:2]
        self.jobs: list[bytes] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="loopback-printer", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            with conn:
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
                self.jobs.append(b"".join(chunks))

    def wait_for_jobs(self, n: int, timeout: float = 5.0) -> list[bytes]:
        deadline = time.monotonic() + timeout
        while len(self.jobs) < n and time.monotonic() < deadline:
            time.sleep(0.01)
        return list(self.jobs)

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self._server.close()


def closed_port() -> int:
    """A loopback port nothing listens on (bound, then released): a printer that is off."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
