"""Sending a raw label job (ZPL, TSPL) to a network label printer on its raw port (9100).

Label printers take a print job as plain bytes on TCP port 9100 ("JetDirect"/raw) and
answer nothing, so a job is sent when every byte was accepted and the connection closed
cleanly. A printer that is off, out of paper with a full buffer, or on another address
does not accept the connection (or the bytes) within ``timeout`` seconds: that raises
``PrinterUnreachable`` with the address; the station says it in the operator's words.
Blocking: callers run it off the GUI thread.
"""

from __future__ import annotations

import socket

RAW_PORT = 9100
TIMEOUT_S = 5.0


class PrinterUnreachable(OSError):
    """The printer at ``address`` did not take the job; ``detail`` is the system's words (for IT)."""

    def __init__(self, address: str, detail: str) -> None:
        super().__init__(f"label printer {address}: {detail}")
        self.address = address
        self.detail = detail


def send_raw(host: str, port: int, job: bytes, timeout: float = TIMEOUT_S) -> None:
    """Send ``job`` to ``host:port`` and close; raise ``PrinterUnreachable`` if it does not take it."""
    address = f"{host}:{port}"
    try:
        with socket.create_connection((host, port), timeout=timeout) as conn:
            conn.settimeout(timeout)
            conn.sendall(job)
            conn.shutdown(socket.SHUT_WR)  # the printer sees the end of the job
    except OSError as exc:
        raise PrinterUnreachable(address, str(exc) or type(exc).__name__) from exc
