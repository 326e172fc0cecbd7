"""Checking a backup before anyone depends on it: every file whole (size and SHA-256 as the manifest says),
the database readable and holding what the manifest says, its schema one this Kassa knows, and the credential
keys configured here able to read the merchants' channel settings."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError

from app.backups import databases
from app.backups.manifest import UPLOADS, BackupProblem, Manifest, digest, read_manifest
from app.config import PROJECT_ROOT
from app.platform.db.baseline import FOLDED_REVISIONS

_FIGURES = ("revision", "merchants", "orders", "journal_entries", "channel_settings", "ledger_balanced")


@dataclass
class Verdict:
    manifest: Manifest
    problems: list[str] = field(default_factory=list)  # the backup cannot be restored as it is
    warnings: list[str] = field(default_factory=list)  # it can, but something will need the operator


def _migrations() -> ScriptDirectory:
    config = Config()
    config.set_main_option("script_location", str(PROJECT_ROOT / "migrations"))
    return ScriptDirectory.from_config(config)


def known_revision(revision: str) -> bool:
    try:
        return _migrations().get_revision(revision) is not None
    except CommandError:
        return False


def latest_revision() -> str:
    return _migrations().get_current_head()


def _plain(name: str, manifest: Manifest) -> bool:
    """The database file or an image under uploads/: nothing that would read or write outside the backup."""
    parts = name.split("/")
    return name == manifest.database_file or (
        len(parts) == 2 and parts[0] == UPLOADS and parts[1] not in ("", ".", "..") and "\\" not in parts[1]
    )


def verify_backup(folder: Path, *, key_fingerprints: list[str]) -> Verdict:
    verdict = Verdict(read_manifest(folder))
    manifest = verdict.manifest
    for name, expected in sorted(manifest.files.items()):
        path = folder / name
        if not _plain(name, manifest):
            verdict.problems.append(f"the manifest names a file {name!r} a backup never holds: the backup is damaged")
        elif not path.is_file():
            verdict.problems.append(f"{name} is missing")
        elif digest(path) != expected:
            verdict.problems.append(f"{name} is damaged: its size or SHA-256 differs from the manifest's")
    if manifest.database_file not in manifest.files:
        verdict.problems.append(f"the manifest lists no {manifest.database_file}: the backup is damaged")
    if verdict.problems:
        return verdict  # a damaged file is not opened
    revision = manifest.books.get("revision")
    if revision in FOLDED_REVISIONS:
        verdict.problems.append(
            f"the database is at revision {revision}: the backup was taken by a Kassa older than "
            "0.1.0, whose migrations 0.1.0 folded into one baseline, so this Kassa cannot use it"
        )
    elif not known_revision(revision):
        verdict.problems.append(
            f"the database is at revision {revision}, which this Kassa does not know: the backup "
            "was taken by a newer Kassa; restore it with that version or newer"
        )
    database = folder / manifest.database_file
    try:
        if manifest.database == "sqlite":
            databases.check_sqlite(database)
            found = databases.figures_of(databases.sqlite_read_url(database))
            off = [name for name in _FIGURES if found.get(name) != manifest.books.get(name)]
            if off:
                verdict.problems.append(f"the database holds other figures than the manifest says ({', '.join(off)})")
        else:
            databases.check_postgres_archive(database)
    except BackupProblem as exc:
        verdict.problems.append(str(exc))
    settings = manifest.books.get("channel_settings", 0)
    if settings and not set(manifest.credential_keys) & set(key_fingerprints):
        verdict.warnings.append(
            f"none of the CHANNEL_CREDENTIALS_KEYS configured here is a key the backup's channel settings ({settings} "
            f"saved) were encrypted with (fingerprints {', '.join(manifest.credential_keys)}): set those keys, or "
            "merchants' payment channels will not work after a restore"
        )
    if not manifest.books.get("ledger_balanced", True):
        verdict.warnings.append(
            "the books did not balance when this backup was taken: run the ledger check after "
            "restoring (portal → Books) and see docs/ledger.md"
        )
    return verdict
