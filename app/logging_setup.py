"""Rotating log files in ``<data-dir>/logs``: what support reads when a station misbehaves.

Logs travel (support asks a dealer to e-mail the folder), so nothing secret may
reach them: a filter masks PINs, passwords, tokens and keys wherever a message
or its arguments mention them, whoever wrote the log call.
"""

from __future__ import annotations

import logging
import logging.handlers
import re
from pathlib import Path

LOG_FILENAME = "yima-scan.log"
MAX_BYTES = 2_000_000
BACKUPS = 5
_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"

_SECRET = re.compile(
    r"(?P<name>\b(?:pin|pin_hash|password|passwd|secret|token|api[_-]?key|private[_-]?key|"
    r"authorization|credential)s?\b)(?P<sep>[\"']?\s*[:=]\s*[\"']?|\s+)"
    r"(?P<value>(?:bearer\s+|basic\s+)?[^\s\"',;&}]+)",
    re.IGNORECASE,
)


def redact(text: str) -> str:
    """Mask the value after any secret-looking name (``pin=1234`` -> ``pin=***``)."""
    return _SECRET.sub(lambda m: f"{m.group('name')}{m.group('sep')}***", text)


class RedactSecrets(logging.Filter):
    """Formats the record once and masks secrets in the result, so arguments cannot leak."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return True


def setup_logging(data_dir: Path, *, level: int = logging.INFO) -> Path:
    """Send the root logger to a rotating file in the data directory; returns the file."""
    log_dir = Path(data_dir) / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / LOG_FILENAME
    teardown_logging()
    root = logging.getLogger()
    handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
    )
    handler._yima_log = True  # type: ignore[attr-defined]
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(RedactSecrets())
    root.addHandler(handler)
    root.setLevel(level)
    return path


def teardown_logging() -> None:
    """Detach and close the station's log file (at quit, or before switching data folders)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_yima_log", False):
            root.removeHandler(handler)
            handler.close()
