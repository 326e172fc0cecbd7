"""Backups on a timer, for an installation that names BACKUP_DIR (``make run`` does: var/backups): the cron's
sweep takes one when the newest there is BACKUP_EVERY_HOURS old, and keeps the BACKUP_KEEP newest. One machine's
disk is no place for the only copy: the operator copies them off (docs/production.md, "Backups")."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from flask import current_app
from redis.exceptions import RedisError

from app.backups.books import describe
from app.backups.databases import PG_TIMEOUT_SECONDS
from app.backups.manifest import MANIFEST, BackupProblem
from app.backups.snapshot import prune_backups, take_backup
from app.extensions import redis_client
from app.payments.channels.credentials import key_fingerprints
from app.platform.db.types import utcnow
from app.platform.observability import logs

log = logs.get("backups")

_LOCK = "kassa:backups:taking"
# How long the scheduled backup may run: its pg_dump's own bound and time for the rest (the figures, the images).
# RQ gives a job 180 s unless told, and cut every backup of a database that takes longer to dump off half-way; the
# lock lasts as long, so a second worker never starts one while the first may still be at it.
BACKUP_JOB_SECONDS = PG_TIMEOUT_SECONDS + 1800


def newest_backup(into: Path) -> datetime | None:
    """When the newest complete backup under ``into`` was taken, read from its name."""
    taken = []
    for path in into.glob("kassa-backup-*Z"):
        try:
            when = datetime.strptime(path.name, "kassa-backup-%Y%m%dT%H%M%SZ").replace(tzinfo=timezone.utc)
        except ValueError:
            continue
        if (path / MANIFEST).is_file():
            taken.append(when)
    return max(taken, default=None)


def backup_when_due(now: datetime | None = None) -> Path | None:
    """Take a backup if one is due; returns its folder (None: off, not due, or another worker is taking it)."""
    config = current_app.config
    if not config["BACKUP_DIR"]:
        return None
    into, now = Path(config["BACKUP_DIR"]), now or utcnow()
    newest = newest_backup(into)
    if newest is not None and now - newest < timedelta(hours=config["BACKUP_EVERY_HOURS"]):
        return None
    try:  # two workers' sweeps at once: one takes it
        if not redis_client().set(_LOCK, "1", nx=True, ex=BACKUP_JOB_SECONDS):
            return None
    except RedisError:
        log.warning("backup postponed: Redis unavailable for its lock")
        return None
    try:
        folder, manifest = take_backup(
            config["SQLALCHEMY_DATABASE_URI"],
            Path(config["UPLOAD_DIR"]),
            into,
            key_fingerprints=key_fingerprints(),
            now=now,
        )
        pruned = prune_backups(into, config["BACKUP_KEEP"])
    except (BackupProblem, OSError) as exc:
        log.error("scheduled backup failed: %s", exc, extra={"fields": {"backup_dir": str(into)}})
        return None
    finally:
        try:
            redis_client().delete(_LOCK)
        except RedisError:
            pass  # it expires
    log.info(
        "backup taken: %s",
        describe(manifest.books),
        extra={"fields": {"backup": str(folder), "deleted_older": len(pruned)}},
    )
    return folder
