"""The two databases Kassa runs on, copied and put back: SQLite through its online backup API (a consistent
copy while Kassa writes), PostgreSQL through ``pg_dump`` in a snapshot the backup's figures are read in too,
and ``pg_restore`` into a database of its own that replaces the target only once it is whole."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.pool import NullPool

from app.backups.books import book_figures
from app.backups.manifest import BackupProblem

PG_TIMEOUT_SECONDS = 6 * 3600  # a dump or restore of a large database takes long, but never for ever


def backend(database_url: str) -> str:
    name = make_url(database_url).get_backend_name()
    if name not in ("sqlite", "postgresql"):
        raise BackupProblem(f"backups cover SQLite and PostgreSQL, not {name}")
    return name


def figures_of(database_url: str | URL) -> dict:
    engine = create_engine(database_url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return book_figures(connection)
    finally:
        engine.dispose()


# --- SQLite -------------------------------------------------------------------------------------------------


def sqlite_path(database_url: str) -> Path:
    path = make_url(database_url).database
    if not path or path == ":memory:":
        raise BackupProblem(f"{database_url} is not a SQLite file")
    return Path(path)


def sqlite_read_url(path: Path) -> str:
    """A read-only URL of a SQLite file that nothing else writes (a backup's copy): opening it leaves no -wal or
    -shm file beside it."""
    return f"sqlite:///file:{path}?mode=ro&immutable=1&uri=true"


def copy_sqlite(source: Path, target: Path) -> None:
    """Page by page through SQLite's backup API: consistent even while Kassa writes (a file copy of a WAL
    database is not)."""
    if not source.is_file():
        raise BackupProblem(f"there is no database at {source}")
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def check_sqlite(copy: Path) -> None:
    with closing(sqlite3.connect(f"file:{copy}?mode=ro&immutable=1", uri=True)) as connection:
        try:
            found = connection.execute("PRAGMA integrity_check").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise BackupProblem(f"{copy.name} is not a readable SQLite database ({exc})") from exc
    if found != "ok":
        raise BackupProblem(f"{copy.name} fails SQLite's integrity check: {found}")


def sqlite_has_data(path: Path) -> bool:
    if not path.is_file() or path.stat().st_size == 0:
        return False
    with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as connection:
        return connection.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0] > 0


# --- PostgreSQL ---------------------------------------------------------------------------------------------


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupProblem(
            f"{name} is not installed: apt-get install postgresql-client (the server's major version or newer)"
        )
    return found


def _libpq(url: URL) -> tuple[str, dict]:
    """The URL pg_dump and pg_restore take, and their environment: the password travels in PGPASSWORD, not on a
    command line every user of the machine can read."""
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    return url.set(drivername="postgresql", password=None).render_as_string(hide_password=False), env


def _run(argv: list[str], env: dict, what: str) -> None:
    done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=PG_TIMEOUT_SECONDS)
    if done.returncode != 0:
        said = " ".join(done.stderr.strip().splitlines()[-3:]) or f"exit status {done.returncode}"
        raise BackupProblem(f"{what} failed: {said}")


def dump_postgres(database_url: str, target: Path) -> dict:
    """``pg_dump`` (custom format) of the database as one snapshot, and the book figures read in that same
    snapshot, so the manifest describes exactly what the dump holds even while orders are being paid."""
    url = make_url(database_url)
    pg_dump = _tool("pg_dump")
    dbname, env = _libpq(url)
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            connection = connection.execution_options(isolation_level="REPEATABLE READ")
            with connection.begin():
                snapshot = connection.scalar(text("SELECT pg_export_snapshot()"))
                figures = book_figures(connection)
                # The transaction stays open until pg_dump is done: the snapshot lives as long as it does.
                _run(
                    [
                        pg_dump,
                        "--format=custom",
                        "--no-owner",
                        "--no-privileges",
                        f"--snapshot={snapshot}",
                        f"--file={target}",
                        f"--dbname={dbname}",
                    ],
                    env,
                    "pg_dump",
                )
    finally:
        engine.dispose()
    return figures


def check_postgres_archive(archive: Path) -> None:
    pg_restore = _tool("pg_restore")
    _run([pg_restore, "--list", str(archive)], dict(os.environ), f"reading {archive.name}")


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _admin(url: URL):
    return create_engine(url.set(database="postgres"), poolclass=NullPool, isolation_level="AUTOCOMMIT")


def _database_state(admin, name: str) -> tuple[bool, int]:
    """Whether the database exists, and how many sessions other than ours are connected to it."""
    with admin.connect() as connection:
        exists = connection.scalar(text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": name}) > 0
        sessions = connection.scalar(
            text("SELECT count(*) FROM pg_stat_activity WHERE datname = :n AND pid <> pg_backend_pid()"), {"n": name}
        )
    return exists, sessions


def postgres_has_data(database_url: str) -> bool:
    url = make_url(database_url)
    admin = _admin(url)
    try:
        exists, _ = _database_state(admin, url.database)
    finally:
        admin.dispose()
    if not exists:
        return False
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return connection.scalar(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) > 0
    finally:
        engine.dispose()


def restore_postgres(archive: Path, database_url: str, now: datetime) -> str | None:
    """Restore into a new database, in one transaction, then put it in the target's place; the database it
    replaces is kept under another name, which is returned (None if there was none, or it was empty). A restore
    that fails leaves the target as it was."""
    url = make_url(database_url)
    target = url.database
    stamp = now.strftime("%Y%m%d%H%M%S")
    restoring, kept = f"{target[:40]}_restoring_{stamp}", f"{target[:35]}_before_restore_{stamp}"
    pg_restore = _tool("pg_restore")
    admin = _admin(url)
    try:
        exists, sessions = _database_state(admin, target)
        if sessions:
            raise BackupProblem(
                f"{sessions} sessions are connected to database {target}: stop Kassa's web, worker, "
                "cron and stream processes before restoring"
            )
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {_quoted(restoring)}"))
        try:
            dbname, env = _libpq(url.set(database=restoring))
            _run(
                [
                    pg_restore,
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    "--exit-on-error",
                    f"--dbname={dbname}",
                    str(archive),
                ],
                env,
                "pg_restore",
            )
        except BaseException:
            with admin.connect() as connection:
                connection.execute(text(f"DROP DATABASE IF EXISTS {_quoted(restoring)}"))
            raise
        had_data = exists and postgres_has_data(database_url)
        with admin.connect() as connection:
            if had_data:
                connection.execute(text(f"ALTER DATABASE {_quoted(target)} RENAME TO {_quoted(kept)}"))
            elif exists:
                connection.execute(text(f"DROP DATABASE {_quoted(target)}"))
            connection.execute(text(f"ALTER DATABASE {_quoted(restoring)} RENAME TO {_quoted(target)}"))
    finally:
        admin.dispose()
    return kept if had_data else None
