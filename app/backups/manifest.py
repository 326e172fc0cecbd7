"""A backup's manifest (``manifest.json``): which database it is, each file's size and SHA-256, and the books'
figures at the moment of the snapshot."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

FORMAT = 1
MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
UPLOADS = "uploads"


class BackupProblem(Exception):
    """A backup or restore that cannot go on; the message says what to do."""


@dataclass
class Manifest:
    created_at: str
    database: str  # "sqlite" or "postgresql"
    books: dict  # app/backups/books.py: revision, counts, whether the ledger balanced
    credential_keys: list[str]  # fingerprints of the keys the channel settings were encrypted under
    files: dict[str, dict] = field(default_factory=dict)  # relative path → {"bytes", "sha256"}
    format: int = FORMAT

    @property
    def database_file(self) -> str:
        return SQLITE_FILE if self.database == "sqlite" else POSTGRES_FILE


def digest(path: Path) -> dict:
    """A file's size and SHA-256, read in chunks (a database file can be larger than memory)."""
    sha = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            sha.update(chunk)
    return {"bytes": path.stat().st_size, "sha256": sha.hexdigest()}


def write_manifest(folder: Path, manifest: Manifest) -> None:
    (folder / MANIFEST).write_text(json.dumps(asdict(manifest), indent=2, sort_keys=True) + "\n")


def read_manifest(folder: Path) -> Manifest:
    path = folder / MANIFEST
    if not path.is_file():
        raise BackupProblem(f"{folder} has no {MANIFEST}: it is not a Kassa backup, or one that did not finish")
    try:
        raw = json.loads(path.read_text())
        manifest = Manifest(**raw)
    except (ValueError, TypeError) as exc:
        raise BackupProblem(f"{path} cannot be read ({exc}): the backup is damaged") from exc
    wrong = _misshapen(manifest)
    if wrong:
        raise BackupProblem(f"{path} holds {wrong}: the backup is damaged")
    if manifest.format > FORMAT:
        raise BackupProblem(
            f"{folder} was written by a newer Kassa (backup format {manifest.format}); restore it with that version"
        )
    if manifest.database not in ("sqlite", "postgresql"):
        raise BackupProblem(f"{path} names an unknown database {manifest.database!r}: the backup is damaged")
    return manifest


def _misshapen(manifest: Manifest) -> str | None:
    """What in a manifest is not of the shape ``write_manifest`` writes (one edited by hand, or crafted), said
    before any of it is used; None when all is."""
    if not isinstance(manifest.format, int) or isinstance(manifest.format, bool):
        return f"a format that is no whole number ({manifest.format!r})"
    if not isinstance(manifest.created_at, str):
        return "a created_at that is no text"
    if not isinstance(manifest.books, dict) or not isinstance(manifest.books.get("revision"), str):
        return "no books with the database's revision"
    if not isinstance(manifest.credential_keys, list) or not all(
        isinstance(key, str) for key in manifest.credential_keys
    ):
        return "credential_keys that are no list of fingerprints"
    if not isinstance(manifest.files, dict):
        return "files that are no list of names with their size and SHA-256"
    for name, entry in manifest.files.items():
        if (
            not isinstance(entry, dict)
            or not isinstance(entry.get("bytes"), int)
            or not isinstance(entry.get("sha256"), str)
        ):
            return f"a file {name!r} without its size and SHA-256"
    return None
