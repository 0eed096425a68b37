"""One storage interface over two databases: SQLite for one machine, PostgreSQL for deployments.

The server's SQL is written once, with ``?`` placeholders and portable syntax (``ON CONFLICT``,
``RETURNING``, recursive CTEs); the PostgreSQL backend rewrites the placeholders. What differs
between the two is isolated here: how connections are shared, how a writer is serialised, and
how a list parameter is passed (``IN (?, ?)`` versus ``= ANY(%s)``).

SQLite: one writing connection behind a lock (SQLite has one writer anyway) and a connection
per reading thread (WAL lets them read while the writer writes). PostgreSQL: a small pool;
writers that must not interleave take a transaction-scoped advisory lock.
"""

from __future__ import annotations

import contextlib
import queue
import re
import sqlite3
import threading
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any


class Retryable(Exception):
    """A transaction lost a race (deadlock, serialisation failure); running it again is safe."""


class Tx:
    """A transaction on one connection. Placeholders are ``?`` for both databases."""

    dialect = ""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def _sql(self, sql: str) -> str:
        return sql

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.conn.execute(self._sql(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            self.conn.executemany(self._sql(sql), rows)

    def bulk_insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Insert many rows at once (PostgreSQL: COPY; SQLite: executemany)."""
        if rows:
            marks = ", ".join("?" * len(columns))
            self.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)

    def bulk_update(
        self, table: str, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        """Set ``columns`` of many rows found by ``key``; each row is the column values, then the key."""
        if rows:
            sets = ", ".join(f"{c} = ?" for c in columns)
            self.executemany(f"UPDATE {table} SET {sets} WHERE {key} = ?", rows)

    def rows(self, sql: str, params: Sequence[Any] = ()) -> list[tuple]:
        return list(self.execute(sql, params).fetchall())

    def all(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.execute(sql, params)
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]

    def one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        cur = self.execute(sql, params)
        row = cur.fetchone()
        if row is None:
            return None
        return dict(zip([d[0] for d in cur.description], row, strict=True))

    def scalar(self, sql: str, params: Sequence[Any] = ()) -> Any:
        row = self.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 10000) -> Iterator[tuple]:
        """Rows of a large result without holding them all in memory."""
        cur = self.execute(sql, params)
        while rows := cur.fetchmany(size):
            yield from rows

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        """``column IN (...)`` as SQL and parameters; an empty list matches nothing."""
        raise NotImplementedError

    chunk = 1 << 30  # how many values one ``in_list`` may carry

    def in_chunks(self, column: str, values: Sequence[Any]) -> Iterator[tuple[str, list[Any]]]:
        """``in_list`` for a list of any length: one condition per slice the database takes
        in one statement (in order), none for an empty list."""
        for start in range(0, len(values), self.chunk):
            yield self.in_list(column, values[start : start + self.chunk])

    def lock(self, name: str) -> None:
        """Serialise writers that use the same ``name`` until this transaction ends."""

    def for_update(self) -> str:
        """The row-locking suffix for a SELECT (empty where the database locks whole files)."""
        return ""


class SqliteTx(Tx):
    dialect = "sqlite"
    chunk = 5000  # well under SQLite's variable limit (32,766; 999 before 3.32)

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        if not values:
            return "0", []
        return f"{column} IN ({','.join('?' * len(values))})", list(values)


_PLACEHOLDER = re.compile(r"\?")


class PostgresTx(Tx):
    dialect = "postgres"
    _cache: dict[str, str] = {}  # noqa: RUF012 - shared translation cache

    def _sql(self, sql: str) -> str:
        out = self._cache.get(sql)
        if out is None:
            out = _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))
            self._cache[sql] = out
        return out

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return _pg_call(self.conn.execute, self._sql(sql), params)

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        rows = list(rows)
        if rows:
            _pg_call(self.conn.cursor().executemany, self._sql(sql), rows)

    def in_list(self, column: str, values: Sequence[Any]) -> tuple[str, list[Any]]:
        return f"{column} = ANY(?)", [list(values)]

    def stream(self, sql: str, params: Sequence[Any] = (), size: int = 10000) -> Iterator[tuple]:
        with self.conn.cursor(name="yima_stream") as cur:  # server-side cursor
            cur.itersize = size
            cur.execute(self._sql(sql), params)
            yield from cur

    def lock(self, name: str) -> None:
        self.execute("SELECT pg_advisory_xact_lock(?)", (zlib.crc32(name.encode()),))

    def bulk_insert(
        self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        # one COPY instead of a statement per row: the per-statement cost is most of a push
        if not rows:
            return
        with (
            self.conn.cursor() as cur,
            cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy,
        ):
            for row in rows:
                copy.write_row(row)

    def bulk_update(
        self, table: str, key: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
    ) -> None:
        if not rows:
            return
        scratch = f"_bulk_{table}_{zlib.crc32(','.join(columns).encode()):08x}"
        self.execute(
            f"CREATE TEMP TABLE IF NOT EXISTS {scratch} ON COMMIT DELETE ROWS AS"
            f" SELECT {', '.join(columns)}, {key} FROM {table} WITH NO DATA"
        )
        self.bulk_insert(scratch, [*columns, key], rows)
        sets = ", ".join(f"{c} = s.{c}" for c in columns)
        self.execute(f"UPDATE {table} SET {sets} FROM {scratch} s WHERE {table}.{key} = s.{key}")

    def for_update(self) -> str:
        return " FOR UPDATE"


def _pg_call(fn: Any, sql: str, params: Any) -> Any:
    import psycopg.errors

    try:
        return fn(sql, params)
    except (psycopg.errors.DeadlockDetected, psycopg.errors.SerializationFailure) as exc:
        raise Retryable(str(exc)) from exc


class Database:
    """Open with ``open_database(url)``. ``transaction()`` writes, ``read()`` reads a snapshot."""

    dialect = ""
    url = ""

    def transaction(self) -> contextlib.AbstractContextManager[Tx]:
        raise NotImplementedError

    def read(self) -> contextlib.AbstractContextManager[Tx]:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class SqliteDatabase(Database):
    dialect = "sqlite"

    def __init__(self, path: str) -> None:
        self.url = path
        self.path = path
        if path != ":memory:":
            Path(path).expanduser().parent.mkdir(parents=True, exist_ok=True)
        self._write_lock = threading.Lock()
        self._writer = self._connect()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30)
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=FULL")  # an answered push must survive a power cut
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("PRAGMA cache_size=-65536")
        return conn

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        with self._write_lock:
            conn = self._writer
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield SqliteTx(conn)
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")

    @contextlib.contextmanager
    def read(self) -> Iterator[Tx]:
        conn = getattr(self._local, "conn", None)
        if conn is None:
            conn = self._connect()
            self._local.conn = conn
            with self._readers_lock:
                self._readers.append(conn)
        conn.execute("BEGIN")
        try:
            yield SqliteTx(conn)
        finally:
            conn.execute("ROLLBACK")

    def close(self) -> None:
        with self._readers_lock:
            for conn in self._readers:
                with contextlib.suppress(sqlite3.Error):
                    conn.close()
            self._readers.clear()
        with self._write_lock:
            self._writer.close()


class PostgresDatabase(Database):
    dialect = "postgres"

    def __init__(self, url: str, pool_size: int = 8) -> None:
        import psycopg

        self.url = url
        self._psycopg = psycopg
        self._pool: queue.LifoQueue = queue.LifoQueue()
        self._all: list[Any] = []
        self._lock = threading.Lock()
        self._size = pool_size
        self._put(self._connect())  # fail early with a clear error when the URL is wrong

    def _connect(self) -> Any:
        conn = self._psycopg.connect(self.url, autocommit=True, connect_timeout=10)
        with self._lock:
            self._all.append(conn)
        return conn

    def _put(self, conn: Any) -> None:
        self._pool.put(conn)

    @contextlib.contextmanager
    def _conn(self) -> Iterator[Any]:
        try:
            conn = self._pool.get_nowait()
        except queue.Empty:
            with self._lock:
                grow = len(self._all) < self._size
            conn = self._connect() if grow else self._pool.get(timeout=60)
        try:
            yield conn
        finally:
            if conn.closed or conn.broken:
                with self._lock:
                    self._all.remove(conn)
            else:
                self._put(conn)

    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        with self._conn() as conn, conn.transaction():
            yield PostgresTx(conn)

    @contextlib.contextmanager
    def read(self) -> Iterator[Tx]:
        with self._conn() as conn, conn.transaction():
            conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield PostgresTx(conn)

    def close(self) -> None:
        with self._lock:
            for conn in self._all:
                with contextlib.suppress(Exception):
                    conn.close()
            self._all.clear()


def open_database(url: str) -> Database:
    """``postgresql://...`` (or ``postgres://``) opens PostgreSQL; anything else is a SQLite path."""
    from sync.server.schema import create_schema

    if url.startswith(("postgresql://", "postgres://")):
        db: Database = PostgresDatabase(url)
    else:
        db = SqliteDatabase(url.removeprefix("sqlite:///"))
    create_schema(db)
    return db
