"""Run the reference server inside this process, on loopback: for the demo and the tests.

``ServerThread`` runs uvicorn on its own thread on a free port; ``start_demo`` is the demo's
server, seeded with the demo world the caller hands in (``app.demo.registry()``).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import uvicorn

from sync.server.app import create_app
from sync.server.db import open_database
from sync.server.service import Server

if TYPE_CHECKING:
    from sync.server.seed import DemoSeed, DemoWorld


class ServerThread:
    """A uvicorn server for ``server`` on ``host``:``port`` (0 = a free port) in a thread."""

    def __init__(
        self,
        server: Server,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        tls_cert: str | None = None,
        tls_key: str | None = None,
    ) -> None:
        self.server = server
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, port))
        self.host, self.port = self.sock.getsockname()[:2]
        config = uvicorn.Config(
            create_app(server),
            log_level="warning",
            access_log=False,
            timeout_keep_alive=30,
            ssl_certfile=tls_cert,
            ssl_keyfile=tls_key,
        )
        self.scheme = "https" if tls_cert else "http"
        self.uvicorn = uvicorn.Server(config)
        self.thread = threading.Thread(target=self._run, name=f"server-{self.port}", daemon=True)

    @property
    def url(self) -> str:
        return f"{self.scheme}://{self.host}:{self.port}"

    def _run(self) -> None:
        self.uvicorn.run(sockets=[self.sock])

    def start(self, timeout: float = 15) -> ServerThread:
        self.thread.start()
        deadline = time.monotonic() + timeout
        while not self.uvicorn.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the embedded server did not start")
            time.sleep(0.01)
        return self

    def stop(self, timeout: float = 10) -> None:
        self.uvicorn.should_exit = True
        self.thread.join(timeout)
        self.sock.close()


@dataclass
class DemoServer:
    url: str
    stop: Callable[[], None]
    enrollment_code: str
    seed: DemoSeed | None = None  # the vouchers and cards it issued, for the demo gun

    @property
    def console_url(self) -> str:
        """Where head office's console of this demo server opens in a browser."""
        return f"{self.url}/console/"


def start_demo(db_path: str | Path, world: DemoWorld, *, port: int = 0) -> DemoServer:
    """The demo's server: seeded with ``world``, on loopback, with a fresh one-time code for the
    demo station."""
    from sync.server.seed import seed_demo

    db = open_database(str(db_path))
    server = Server(db)
    seed = seed_demo(server, world)
    thread = ServerThread(server, port=port).start()

    def stop() -> None:
        thread.stop()
        db.close()

    return DemoServer(thread.url, stop, seed.enrollment_code, seed)
