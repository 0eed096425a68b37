"""``python main.py sync``: sync this station now, headless, or enroll it with a server.

``sync --enroll CODE --server URL`` exchanges a one-time code for the station's credential
(kept in the OS credential store). ``sync --once`` pushes every waiting event, pulls the
reference data, and exits; ``--snapshot`` also downloads the inspector snapshot. Exit codes:
0 done, 3 server unreachable (work stays queued), 4 the station must be enrolled (again),
2 anything else (a journal whose history was changed, a locked or full disk...), always with
a one-line reason on stderr and never a traceback.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time

log = logging.getLogger(__name__)

NAME = "sync"
HELP = "sync this station with the central server now (headless), or enroll it"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--once", action="store_true", help="push and pull once, then exit (the default)"
    )
    parser.add_argument(
        "--enroll", metavar="CODE", help="enroll this station with a one-time code from IT"
    )
    parser.add_argument(
        "--server", metavar="URL", help="the server's address, e.g. https://sync.brand.cn"
    )
    parser.add_argument(
        "--ca-bundle", metavar="PEM", help="trust this CA bundle for the server's certificate"
    )
    parser.add_argument(
        "--snapshot", action="store_true", help="also download the inspector snapshot"
    )
    parser.add_argument("--status", action="store_true", help="print the sync status and exit")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


class _Progress:
    """One line per phase on stderr, rewritten in place, at most ten times a second."""

    def __init__(self) -> None:
        self.last = 0.0
        self.phase = ""

    def __call__(self, phase: str, done: int, total: int | None) -> None:
        now = time.monotonic()
        if phase == self.phase and now - self.last < 0.1 and (total is None or done < total):
            return
        if phase != self.phase and self.phase:
            print(file=sys.stderr)
        self.phase, self.last = phase, now
        amount = f"{done:,}/{total:,} ({100 * done / total:.0f}%)" if total else f"{done:,}"
        print(f"\r{phase}: {amount}   ", end="", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from app.domain.store.database import DatabaseDamaged, open_database
    from app.domain.store.writer import Writer
    from app.paths import database_path, resolve_data_dir
    from app.rollout import apply as apply_rollout
    from app.settings import Settings
    from sync.client.client import NotEnrolled, SyncClient
    from sync.client.credentials import CredentialStoreError
    from sync.client.rollout import enroll_from_rollout
    from sync.client.transport import AuthRequired, Offline, SyncError

    data_dir = resolve_data_dir(args.data_dir)
    path = database_path(data_dir)
    try:
        open_database(path)
    except DatabaseDamaged as exc:
        print(f"sync: {exc}", file=sys.stderr)
        return 2
    settings = Settings.in_data_dir(data_dir)
    apply_rollout(settings)  # the installer's /SERVER= and /ENROLL=, if not taken over yet
    writer = Writer(path)
    writer.start()
    progress = _Progress()
    client = SyncClient(
        path, writer, ca_bundle=args.ca_bundle or settings.get("sync_ca_bundle"), progress=progress
    )
    try:
        if args.status:
            return _print(args, vars(client.status()))
        if args.enroll:
            url = args.server or settings.server_url
            if not url:
                print("sync: give the server's address with --server", file=sys.stderr)
                return 2
            me = client.enroll(url, args.enroll, station_name=settings.station_name)
            settings.server_url = url
            print(f"Enrolled station {me.station_id} with {url}")
        else:
            enroll_from_rollout(client, settings)
        report = client.sync_once(snapshot=args.snapshot)
        print(file=sys.stderr)
        return _print(args, {"ok": True, **vars(report), "pending": client.status().pending})
    except (AuthRequired, NotEnrolled) as exc:
        print(f"\nsync: {exc.text.format(detail=exc.detail)}", file=sys.stderr)
        return 4
    except Offline as exc:
        print(f"\nsync: {exc.text.format(detail=exc.detail)}", file=sys.stderr)
        return 3
    except (SyncError, CredentialStoreError) as exc:
        text = exc.text.format(detail=exc.detail) if isinstance(exc, SyncError) else str(exc)
        print(f"\nsync: {text}", file=sys.stderr)
        return 2
    except Exception as exc:  # exit 2 with one line, never a traceback (the log has the details)
        log.exception("sync failed")
        print(f"\nsync: failed ({type(exc).__name__}: {exc}); details in the log", file=sys.stderr)
        return 2
    finally:
        client.close()
        writer.stop()


def _print(args: argparse.Namespace, values: dict) -> int:
    if args.json:
        print(json.dumps(values, ensure_ascii=False, indent=1, default=str))
    else:
        for key, value in values.items():
            print(f"{key}: {value}")
    return 0
