"""``flask --app wsgi kassa backup | verify-backup | restore``: an installation's database and uploaded images,
backed up while Kassa runs, checked, and put back (docs/production.md, "Backups")."""

from __future__ import annotations

from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from app.backups.books import describe
from app.backups.manifest import BackupProblem
from app.backups.restore import restore_backup
from app.backups.snapshot import prune_backups, take_backup
from app.backups.verify import latest_revision, verify_backup
from app.config import VAR_DIR
from app.payments.channels.credentials import key_fingerprints


def _say(line: str) -> None:
    click.echo(line, err=True)  # progress on stderr: stdout carries only the result


def _warn(warnings: list[str]) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


@click.command("backup")
@with_appcontext
@click.option(
    "--to",
    "into",
    type=click.Path(file_okay=False, path_type=Path),
    default=VAR_DIR / "backups",
    show_default=True,
    help="The folder the backup's own folder is made in.",
)
@click.option(
    "--keep",
    type=click.IntRange(min=1),
    default=None,
    help="Then delete all but this many newest backups in that folder (for a scheduled run).",
)
def backup_command(into: Path, keep: int | None) -> None:
    """Back up the database (a consistent snapshot, safe while Kassa runs) and the uploaded images."""
    try:
        folder, manifest = take_backup(
            current_app.config["SQLALCHEMY_DATABASE_URI"],
            Path(current_app.config["UPLOAD_DIR"]),
            into,
            key_fingerprints=key_fingerprints(),
            say=_say,
        )
    except BackupProblem as exc:
        raise click.ClickException(str(exc)) from exc
    size = sum(entry["bytes"] for entry in manifest.files.values())
    _say(f"backed up {describe(manifest.books)} ({size / 1e6:.1f} MB)")
    if keep is not None:
        for old in prune_backups(into, keep):
            _say(f"deleted the older backup {old.name}")
    click.echo(str(folder))


@click.command("verify-backup")
@with_appcontext
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
def verify_command(folder: Path) -> None:
    """Check a backup: every file whole, the database readable and as the manifest says; exit 1 if not."""
    try:
        verdict = verify_backup(folder, key_fingerprints=key_fingerprints())
    except BackupProblem as exc:
        raise click.ClickException(str(exc)) from exc
    _warn(verdict.warnings)
    if verdict.problems:
        raise click.ClickException("the backup does not verify:\n  - " + "\n  - ".join(verdict.problems))
    click.echo(
        f"ok: {verdict.manifest.database} backup of {verdict.manifest.created_at}, {describe(verdict.manifest.books)}"
    )


@click.command("restore")
@with_appcontext
@click.argument("folder", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--replace",
    is_flag=True,
    help="Replace a database that holds data (stop Kassa first). PostgreSQL keeps the old one renamed.",
)
def restore_command(folder: Path, replace: bool) -> None:
    """Restore a backup into DATABASE_URL and UPLOAD_DIR, after verifying it; then start Kassa."""
    try:
        restored = restore_backup(
            folder,
            current_app.config["SQLALCHEMY_DATABASE_URI"],
            Path(current_app.config["UPLOAD_DIR"]),
            replace=replace,
            key_fingerprints=key_fingerprints(),
            say=_say,
        )
    except BackupProblem as exc:
        raise click.ClickException(str(exc)) from exc
    _warn(restored.verdict.warnings)
    if restored.kept_database:
        _say(f"the database it replaced is kept as {restored.kept_database}: drop it once you are satisfied")
    if restored.figures["revision"] != latest_revision():
        _say(
            "the backup is from an older Kassa: run `flask --app wsgi db upgrade` before starting this one "
            "(make run does it)"
        )
    click.echo(f"restored {describe(restored.figures)}")


COMMANDS = (backup_command, verify_command, restore_command)
