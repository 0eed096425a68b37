"""Shared fixtures: a throw-away PostgreSQL cluster, the reference server on loopback over
both databases, and an in-memory credential store for the station's keyring.

PostgreSQL comes from Debian's packages (``/usr/lib/postgresql/*/bin``). Without them the
PostgreSQL variants are skipped — unless ``YIMA_REQUIRE_POSTGRES`` is set (CI sets it), in
which case they fail, so CI can never pass by skipping the deployment database.

Qt runs offscreen unless the caller chose a platform, so plain ``pytest`` works on a machine
with no display. Every test that needs a Qt application (``qtbot``/``qapp``, or anything under
``tests/ui``) is marked ``gui``: ``pytest -m "not gui"`` runs the Qt-free layers alone.
"""

from __future__ import annotations

import contextlib
import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before pytest-qt makes the QApplication
# Hypothesis keeps its example database beside the working directory; tests never write into the
# checkout, so it lives in the system's temporary area.
os.environ.setdefault(
    "HYPOTHESIS_STORAGE_DIRECTORY", os.path.join(tempfile.gettempdir(), "yima-hypothesis")
)
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.pg_cluster import PostgresCluster, pg_bin, running_cluster

# --- markers -------------------------------------------------------------------------------------

GUI_FIXTURES = {"qtbot", "qapp"}
UI_FOLDER = Path(__file__).resolve().parent / "ui"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        needs_qt = GUI_FIXTURES & set(getattr(item, "fixturenames", ()))
        if needs_qt or UI_FOLDER in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.gui)


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


# --- screenshots --------------------------------------------------------------------------------


@pytest.fixture
def screenshots(tmp_path: Path) -> Path:
    """Where a test leaves what it saw: ``YIMA_SCREENSHOTS`` when set (to look at), else tmp."""
    folder = Path(os.environ.get("YIMA_SCREENSHOTS") or tmp_path / "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


# --- PostgreSQL ---------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One throw-away cluster per test session: trust auth on loopback, no fsync (tests only)."""
    if pg_bin() is None:
        message = "PostgreSQL binaries not found (apt-get install -y postgresql)"
        if os.environ.get("YIMA_REQUIRE_POSTGRES"):
            pytest.fail(f"{message}; YIMA_REQUIRE_POSTGRES is set, so this is a failure")
        pytest.skip(message)
    with running_cluster() as cluster:
        yield cluster


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
