"""The reference server on loopback with a watch on its wire: how many requests each station
has in flight at once. The sync engine promises one at a time per station (one thread, one
connection); this is how a test sees that promise kept, from the server's side.
"""

from __future__ import annotations

import asyncio
import threading
from collections import Counter
from typing import Any

from sync.server.embedded import ServerThread


class InFlight:
    """ASGI middleware: per ``Authorization`` header, requests now in flight and the most seen.
    ``hold`` seconds of extra time per request widen the window in which an overlap shows."""

    def __init__(self, app: Any, hold: float = 0.0) -> None:
        self.app = app
        self.hold = hold
        self.now: Counter[str] = Counter()
        self.most: Counter[str] = Counter()
        self.paths: list[str] = []
        self._lock = threading.Lock()

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        who = headers.get(b"authorization", b"anonymous").decode()
        with self._lock:
            self.now[who] += 1
            self.most[who] = max(self.most[who], self.now[who])
            self.paths.append(scope["path"])
        answered = False

        def done() -> None:
            nonlocal answered
            if not answered:
                answered = True
                with self._lock:
                    self.now[who] -= 1

        async def watched_send(message: dict) -> None:
            # A request is over when its last byte is handed over, not when the app returns: by
            # then the client may have read the answer and sent its next request, which would
            # count as an overlap that never happened on the wire.
            if message["type"] == "http.response.body" and not message.get("more_body"):
                done()
            await send(message)

        try:
            if self.hold:
                await asyncio.sleep(self.hold)
            await self.app(scope, receive, watched_send)
        finally:
            done()

    def most_at_once(self) -> int:
        """The most requests one station had in flight together (anonymous ones aside)."""
        with self._lock:
            return max((n for who, n in self.most.items() if who != "anonymous"), default=0)


def watched_server(server: Any, *, hold: float = 0.0) -> tuple[ServerThread, InFlight]:
    """A started ``ServerThread`` for ``server`` whose requests pass through ``InFlight``."""
    thread = ServerThread(server)
    watch = InFlight(thread.uvicorn.config.app, hold)
    thread.uvicorn.config.app = watch
    return thread.start(), watch
