"""Shared fixtures: a throw-away PostgreSQL cluster, the reference server on loopback over
both databases, and an in-memory credential store for the station's keyring.

PostgreSQL comes from Debian's packages (``/usr/lib/postgresql/*/bin``). Without them the
PostgreSQL variants are skipped — unless ``YIMA_REQUIRE_POSTGRES`` is set (CI sets it), in
which case they fail, so CI can never pass by skipping the deployment database.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import socket
import subprocess
import tempfile
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- keyring ------------------------------------------------------------------------------------


@pytest.fixture
def memory_keyring() -> Iterator[object]:
    """The station keeps its credential in the OS store; tests use a file-less in-memory one."""
    import keyring

    from sync.client.credentials import MemoryKeyring

    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


# --- PostgreSQL ---------------------------------------------------------------------------------


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if found:
        return Path(found[0]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _as_postgres(cmd: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the ``postgres`` user."""
    if os.geteuid() == 0:
        return ["runuser", "-u", "postgres", "--", *cmd]
    return cmd


@dataclass
class PostgresCluster:
    host: str
    port: int
    _counter: int = 0
    _lock = threading.Lock()

    def admin_url(self) -> str:
        return f"postgresql://postgres@{self.host}:{self.port}/postgres"

    def create_database(self) -> str:
        import psycopg

        with self._lock:
            self._counter += 1
            name = f"yima_test_{os.getpid()}_{self._counter}"
        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name

    def drop_database(self, name: str) -> None:
        import psycopg

        with psycopg.connect(self.admin_url(), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def url(self, name: str) -> str:
        return f"postgresql://postgres@{self.host}:{self.port}/{name}"


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One throw-away cluster per test session: trust auth on loopback, no fsync (tests only)."""
    bin_dir = _pg_bin()
    if bin_dir is None:
        message = "PostgreSQL binaries not found (apt-get install -y postgresql)"
        if os.environ.get("YIMA_REQUIRE_POSTGRES"):
            pytest.fail(f"{message}; YIMA_REQUIRE_POSTGRES is set, so this is a failure")
        pytest.skip(message)
    base = Path(tempfile.mkdtemp(prefix="yima-pg-"))
    data, sockets = base / "data", base / "sock"
    data.mkdir()
    sockets.mkdir()
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(data, "postgres")
        shutil.chown(sockets, "postgres")
    subprocess.run(
        _as_postgres([str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust",
                      "--no-sync", "-E", "UTF8", "--locale=C"]),
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    port = _free_port()
    options = (
        f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off"
        " -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
    )
    subprocess.run(
        _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-o", options, "-l", str(base / "log"),
                      "-w", "-t", "60", "start"]),
        check=True, capture_output=True, timeout=90,
    )  # fmt: skip
    try:
        yield PostgresCluster("127.0.0.1", port)
    finally:
        subprocess.run(
            _as_postgres([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"]),
            capture_output=True, timeout=60,
        )  # fmt: skip
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> Iterator[str]:
    """A fresh, empty database in the session's cluster."""
    name = postgres_cluster.create_database()
    yield postgres_cluster.url(name)
    postgres_cluster.drop_database(name)


# --- the reference server on loopback, over both databases ---------------------------------------


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server_db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "postgres":
        return request.getfixturevalue("postgres_url")
    return str(tmp_path / "server.sqlite3")


@dataclass
class Central:
    """The running reference server: ``url`` for clients, ``server`` for direct admin calls."""

    server: object
    url: str
    dialect: str


@pytest.fixture
def central(server_db_url: str, tmp_path: Path) -> Iterator[Central]:
    from sync.server.db import open_database
    from sync.server.embedded import ServerThread
    from sync.server.service import Server

    db = open_database(server_db_url)
    server = Server(db, snapshot_dir=tmp_path / "server-snapshots")
    thread = ServerThread(server).start()
    try:
        yield Central(server=server, url=thread.url, dialect=db.dialect)
    finally:
        thread.stop()
        with contextlib.suppress(Exception):
            db.close()
