"""``python main.py server``: run the reference central server that stations sync with.

``--db`` takes a SQLite path (one machine, the default) or a ``postgresql://`` URL (deployments
where many stations sync). The API and its OpenAPI document are at ``/v1/...`` and
``/openapi.json``; put it behind TLS (``--tls-cert``/``--tls-key``, or a reverse proxy).
``--workers N`` runs N processes on the one database (see the README's deployment section);
``--snapshot-dir`` is then a folder every worker and host shares, and is remembered in the
database so admin commands on any host write snapshots there too.
"""

from __future__ import annotations

import argparse
import logging
import sys

NAME = "server"
HELP = "run the reference central server (SQLite path or postgresql:// URL)"

DEFAULT_DB = "yima-server.sqlite3"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db", default=DEFAULT_DB, help=f"SQLite file or postgresql:// URL (default: {DEFAULT_DB})"
    )
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8765, help="port to listen on (default: 8765)")
    parser.add_argument(
        "--snapshot-dir",
        help="where snapshot files are kept, shared by every worker and host (default: beside"
        " the SQLite file; with PostgreSQL give one)",
    )
    parser.add_argument(
        "--workers", type=int, default=1, help="server processes on the one database (default: 1)"
    )
    parser.add_argument("--tls-cert", help="certificate file (PEM) to serve HTTPS")
    parser.add_argument("--tls-key", help="private key file (PEM) for --tls-cert")
    parser.add_argument(
        "--seed-demo", action="store_true", help="fill an empty database with sample data first"
    )
    parser.add_argument(
        "--log-level", default="info", choices=("debug", "info", "warning", "error")
    )


def run(args: argparse.Namespace) -> int:
    import os
    from pathlib import Path

    import uvicorn

    from sync.server import workers
    from sync.server.app import create_app
    from sync.server.db import open_database
    from sync.server.service import Server

    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    if bool(args.tls_cert) != bool(args.tls_key):
        print("server: --tls-cert and --tls-key go together", file=sys.stderr)
        return 2
    if args.workers < 1:
        print("server: --workers needs 1 or more", file=sys.stderr)
        return 2
    try:
        db = open_database(args.db)
    except Exception as exc:
        print(f"server: cannot open the database {_redact(args.db)}: {exc}", file=sys.stderr)
        return 2
    if args.snapshot_dir:
        from sync.server.snapshots import share_folder

        share_folder(db, str(Path(args.snapshot_dir).resolve()))
    server = Server(db)
    if args.workers > 1 and server.snapshots_private:
        db.close()
        print(
            "server: several workers need --snapshot-dir, a folder they all share", file=sys.stderr
        )
        return 2
    if args.seed_demo:
        from app.demo import registry
        from sync.server.seed import seed_demo

        seed = seed_demo(server, registry())
        print(f"Demo data ready. Enrollment code for a station: {seed.enrollment_code}")
        user, password = seed.console_login
        print(f"Head-office console: /console/ on this server, user {user}, password {password}")
    scheme = "https" if args.tls_cert else "http"
    processes = f", {args.workers} workers" if args.workers > 1 else ""
    print(
        f"Yima Scan server {server.server_id} on {scheme}://{args.host}:{args.port}"
        f" ({db.dialect}{processes})",
        flush=True,
    )
    options = {"host": args.host, "port": args.port, "log_level": args.log_level,
               "ssl_certfile": args.tls_cert, "ssl_keyfile": args.tls_key}  # fmt: skip
    if args.workers == 1:
        try:
            uvicorn.run(workers.serving(create_app(server)), **options)
        finally:
            db.close()
        return 0
    db.close()  # each worker opens its own connections
    os.environ[workers.DB_VARIABLE] = args.db
    uvicorn.run("sync.server.workers:create", factory=True, workers=args.workers, **options)
    return 0


def _redact(url: str) -> str:
    """A database URL without its password, for messages."""
    if "://" in url and "@" in url:
        scheme, rest = url.split("://", 1)
        credentials, host = rest.rsplit("@", 1)
        user = credentials.split(":", 1)[0]
        return f"{scheme}://{user}:***@{host}"
    return url
