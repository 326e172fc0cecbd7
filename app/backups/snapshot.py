"""Taking a backup: the database as one consistent snapshot, the uploaded images, and the manifest, written
into a folder that gets its final name only once everything in it is complete."""

from __future__ import annotations

import shutil
import sqlite3
import time
from datetime import datetime
from pathlib import Path
from typing import Callable

from app.backups import databases
from app.backups.manifest import (
    MANIFEST,
    POSTGRES_FILE,
    SQLITE_FILE,
    UPLOADS,
    BackupProblem,
    Manifest,
    digest,
    write_manifest,
)
from app.platform.db.types import utcnow


def prune_backups(into: Path, keep: int) -> list[Path]:
    """Delete all but the ``keep`` newest complete backups under ``into`` (their names sort by time), and any
    ``.partial`` folder a backup that died left behind more than a day ago; returns what was deleted. Only folders
    this command made (a manifest, or the .partial name) are ever touched."""
    backups = sorted(path for path in into.glob("kassa-backup-*Z") if (path / MANIFEST).is_file())
    stale = [
        path
        for path in into.glob("kassa-backup-*Z.partial")
        if path.is_dir() and time.time() - path.stat().st_mtime > 86_400
    ]
    gone = (backups[:-keep] if keep > 0 else []) + stale
    for path in gone:
        shutil.rmtree(path)
    return gone


def take_backup(
    database_url: str,
    upload_dir: Path,
    into: Path,
    *,
    key_fingerprints: list[str],
    say: Callable[[str], None] = lambda line: None,
    now: datetime | None = None,
) -> tuple[Path, Manifest]:
    """Back up the database at ``database_url`` and the images under ``upload_dir`` into a new folder under
    ``into`` named by ``now``; returns the folder and its manifest."""
    kind = databases.backend(database_url)
    created = now or utcnow()
    folder = into / f"kassa-backup-{created:%Y%m%dT%H%M%SZ}"
    partial = folder.with_name(folder.name + ".partial")
    if folder.exists() or partial.exists():
        raise BackupProblem(f"{folder} already exists: a backup was taken this second; try again")
    partial.mkdir(parents=True)
    try:
        if kind == "sqlite":
            source = databases.sqlite_path(database_url)
            say(f"copying the SQLite database {source} …")
            databases.copy_sqlite(source, partial / SQLITE_FILE)
            figures = databases.figures_of(databases.sqlite_read_url(partial / SQLITE_FILE))
        else:
            say("dumping the PostgreSQL database with pg_dump …")
            figures = databases.dump_postgres(database_url, partial / POSTGRES_FILE)
        manifest = Manifest(
            created_at=created.isoformat(), database=kind, books=figures, credential_keys=key_fingerprints
        )
        manifest.files[manifest.database_file] = digest(partial / manifest.database_file)
        # After the database: every image its rows name was on disk before its row committed. Not an upload still
        # being written (app/catalog/images.py writes a .part, then renames it).
        images = (
            sorted(path for path in upload_dir.iterdir() if path.is_file() and path.suffix != ".part")
            if upload_dir.is_dir()
            else []
        )
        if images:
            say(f"copying {len(images)} uploaded image{'s' if len(images) != 1 else ''} …")
            (partial / UPLOADS).mkdir()
        for image in images:
            shutil.copyfile(image, partial / UPLOADS / image.name)
            manifest.files[f"{UPLOADS}/{image.name}"] = digest(partial / UPLOADS / image.name)
        write_manifest(partial, manifest)
        partial.rename(folder)
    except BaseException as exc:
        shutil.rmtree(partial, ignore_errors=True)  # never a folder that looks like a backup and is not one
        if isinstance(exc, (OSError, sqlite3.Error)):  # a full disk, most often: said, not a traceback
            raise BackupProblem(
                f"the backup could not be written to {into}: {exc}; nothing was kept "
                "(free space there, or back up to another disk)"
            ) from exc
        raise
    return folder, manifest
