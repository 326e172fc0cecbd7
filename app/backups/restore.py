"""Putting a backup back: only one that verifies, never over a database that holds data unless told to, and
never half: the database is restored whole or left as it was, then the images, then the restored books are
compared with the manifest's."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from app.backups import databases
from app.backups.manifest import UPLOADS, BackupProblem
from app.backups.verify import Verdict, verify_backup
from app.platform.db.types import utcnow


@dataclass
class Restored:
    verdict: Verdict
    figures: dict  # the restored database's, as app/backups/books.py reads them
    kept_database: str | None  # PostgreSQL: the name the replaced database is kept under


def restore_backup(
    folder: Path,
    database_url: str,
    upload_dir: Path,
    *,
    replace: bool,
    key_fingerprints: list[str],
    say: Callable[[str], None] = lambda line: None,
) -> Restored:
    """Restore the backup in ``folder`` into ``database_url`` and ``upload_dir``. ``replace``: the target may
    hold data, which the restore replaces (SQLite: overwritten; PostgreSQL: kept under another name)."""
    kind = databases.backend(database_url)
    say(f"verifying {folder} …")
    verdict = verify_backup(folder, key_fingerprints=key_fingerprints)
    if verdict.problems:
        raise BackupProblem(
            "the backup does not verify, so nothing was restored:\n  - " + "\n  - ".join(verdict.problems)
        )
    manifest = verdict.manifest
    if manifest.database != kind:
        raise BackupProblem(
            f"this is a {manifest.database} backup and the target is {kind}: restore it into a "
            f"{manifest.database} database (DATABASE_URL)"
        )
    source = folder / manifest.database_file
    kept = None
    if kind == "sqlite":
        target = databases.sqlite_path(database_url)
        if databases.sqlite_has_data(target) and not replace:
            raise BackupProblem(f"{target} already holds a database: stop Kassa and pass --replace to overwrite it")
        say(f"restoring the SQLite database into {target} …")
        target.parent.mkdir(parents=True, exist_ok=True)
        databases.copy_sqlite(source, target)  # one write transaction on the target: whole or not at all
    else:
        if databases.postgres_has_data(database_url) and not replace:
            raise BackupProblem(
                "the target database already holds tables: stop Kassa and pass --replace (the "
                "database it replaces is kept under another name)"
            )
        say("restoring the PostgreSQL database with pg_restore …")
        kept = databases.restore_postgres(source, database_url, utcnow())
    images = [name for name in manifest.files if name.startswith(f"{UPLOADS}/")]
    if images:
        say(f"restoring {len(images)} uploaded image{'s' if len(images) != 1 else ''} into {upload_dir} …")
        upload_dir.mkdir(parents=True, exist_ok=True)
    for name in images:
        # Content-addressed names: an image already there is the same bytes.
        target_image = upload_dir / Path(name).name
        if not target_image.exists():
            partial = target_image.with_name(target_image.name + ".restoring")
            shutil.copyfile(folder / name, partial)
            partial.rename(target_image)
    figures = databases.figures_of(database_url)
    off = [name for name, value in manifest.books.items() if figures.get(name) != value]
    if off:
        raise BackupProblem(f"the restored database holds other figures than the backup's manifest ({', '.join(off)})")
    return Restored(verdict, figures, kept)
