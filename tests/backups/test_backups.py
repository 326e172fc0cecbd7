"""Backups as an operator takes them: `flask --app wsgi kassa backup` while Kassa takes orders, `verify-backup`,
and `restore` onto a new database, after which Kassa, started on it, shows the merchant's orders and images.

Runs on the suite's own database kind (PostgreSQL through pg_dump/pg_restore, SQLite through its backup API);
restores go to a database of the test's own, never the suite's."""

from __future__ import annotations

import json
import subprocess
import threading
from pathlib import Path

import pytest
import requests
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from tests.conftest import DATABASE_URL, IS_POSTGRES, REDIS_URL, free_port, wait_for
from tests.payments.attempts.test_payment_flow import create_order
from tests.support.lifecycle import paid_order
from tests.support.processes import ROOT, Service, http_answers, kassa_environment

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


@pytest.fixture
def target(tmp_path) -> str:
    """A database URL of the test's own to restore into (dropped afterwards, with any it replaced)."""
    if not IS_POSTGRES:
        yield f"sqlite:///{tmp_path / 'restored.db'}"
        return
    name = f"{make_url(DATABASE_URL).database}_restored"
    admin = create_engine(make_url(DATABASE_URL).set(database="postgres"), isolation_level="AUTOCOMMIT")

    def drop_all() -> None:
        with admin.connect() as connection:
            for (found,) in connection.execute(
                text("SELECT datname FROM pg_database WHERE datname LIKE :n"), {"n": f"{name}%"}
            ).all():
                connection.execute(text(f'DROP DATABASE "{found}" WITH (FORCE)'))

    drop_all()
    yield make_url(DATABASE_URL).set(database=name).render_as_string(hide_password=False)
    drop_all()
    admin.dispose()


def operator(tmp_path: Path, database_url: str, upload_dir: Path) -> dict:
    """The environment of an operator's shell on another machine: its DATABASE_URL and UPLOAD_DIR."""
    return kassa_environment(
        database_url=database_url,
        redis_url=REDIS_URL,
        var_dir=tmp_path / "var",
        kassa_port=free_port(),
        sandbox_port=free_port(),
        UPLOAD_DIR=str(upload_dir),
    )


def kassa(
    app, *args: str, database_url: str | None = None, upload_dir: Path | None = None, credential_keys: str | None = None
):
    """``flask --app wsgi kassa …`` run in this process (the same command, without a process start per call),
    against the suite's database unless ``database_url`` names another."""
    saved = dict(app.config)
    if database_url:
        app.config["SQLALCHEMY_DATABASE_URI"] = database_url  # what the command targets; the app's engine stays
    if upload_dir:
        app.config["UPLOAD_DIR"] = str(upload_dir)
    if credential_keys:
        app.config["CHANNEL_CREDENTIALS_KEYS"] = credential_keys
    try:
        return app.test_cli_runner().invoke(args=["kassa", *args])
    finally:
        app.config.clear()
        app.config.update(saved)


def backup(app, into: Path):
    done = kassa(app, "backup", "--to", str(into))
    assert done.exit_code == 0, done.output
    return Path(done.stdout.strip())


def uploaded_image(app, product_id: str, merchant_id: str) -> str:
    from app.catalog.images import add_product_image

    with app.app_context():
        return add_product_image(merchant_id, product_id, PNG).filename


def test_a_backup_taken_while_kassa_runs_restores_on_a_new_database_with_the_orders_and_images(
    app, api, merchant, catalog, sandbox, tmp_path, target
):
    paid = paid_order(api, sandbox, catalog["sku"])
    image = uploaded_image(app, catalog["product"], merchant.id)
    folder = backup(app, tmp_path / "backups")
    later = create_order(api, catalog["sku"])  # after the backup: not in it

    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["books"]["ledger_balanced"] is True and manifest["books"]["orders"] == 1
    verified = kassa(app, "verify-backup", str(folder))
    assert verified.exit_code == 0 and verified.stdout.startswith("ok: "), verified.output
    assert "1 order, " in verified.stdout and "the books balance" in verified.stdout

    # On the new machine, as its operator would: the command in a shell, then Kassa started on what it restored.
    new_uploads = tmp_path / "new-machine-uploads"
    env = operator(tmp_path, target, new_uploads)
    restored = subprocess.run(
        [str(ROOT / ".venv/bin/flask"), "--app", "wsgi", "kassa", "restore", str(folder)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert restored.returncode == 0, restored.stderr
    assert "restored 1 merchant" in restored.stdout and "the books balance" in restored.stdout
    assert (new_uploads / image).read_bytes() == PNG

    web = Service.from_procfile("web", env, tmp_path, ready=http_answers(f"{env['KASSA_PUBLIC_URL']}/healthz")).start()
    try:
        base, key = f"{env['KASSA_PUBLIC_URL']}/api/v1", {"Authorization": f"Bearer {merchant.secret_key}"}
        shown = requests.get(f"{base}/orders/{paid['id']}", headers=key, timeout=10)
        assert shown.status_code == 200 and shown.json()["status"] == "paid"
        assert shown.json()["payments"][0]["status"] == "succeeded"
        assert requests.get(f"{base}/orders/{later['id']}", headers=key, timeout=10).status_code == 404
        images = requests.get(f"{base}/products/{catalog['product']}", headers=key, timeout=10).json()["images"]
        [shown_image] = [url for url in images if url.endswith(image)]
        served = requests.get(shown_image, timeout=10)
        assert served.status_code == 200 and served.content == PNG
    finally:
        web.stop()


def test_a_backup_is_one_moment_even_while_orders_keep_coming(app, api, catalog, tmp_path, target):
    # The manifest's figures are read in the snapshot the dump is taken in: restore compares the restored
    # database with them and refuses a mismatch, so orders written during the backup must be wholly in or out.
    stop, made = threading.Event(), []

    def shop() -> None:
        for _ in range(300):  # bounded; the backup usually ends well before
            if stop.is_set():
                return
            made.append(create_order(api, catalog["sku"])["id"])

    shopper = threading.Thread(target=shop)
    shopper.start()
    try:
        wait_for(lambda: len(made) >= 3)
        folder = backup(app, tmp_path / "backups")
    finally:
        stop.set()
        shopper.join(timeout=60)
    restored = kassa(app, "restore", str(folder), database_url=target, upload_dir=tmp_path / "restored-uploads")
    assert restored.exit_code == 0, restored.output
    orders = json.loads((folder / "manifest.json").read_text())["books"]["orders"]
    assert 3 <= orders <= len(made) and f"{orders} orders" in restored.stdout


def test_a_damaged_or_unfinished_backup_is_refused_and_nothing_is_restored(app, api, catalog, tmp_path, target):
    create_order(api, catalog["sku"])
    folder = backup(app, tmp_path / "backups")
    database = next(path for path in folder.iterdir() if path.name.startswith("database."))
    data = bytearray(database.read_bytes())
    data[len(data) // 2] ^= 0xFF
    database.write_bytes(bytes(data))

    verified = kassa(app, "verify-backup", str(folder))
    assert verified.exit_code == 1 and f"{database.name} is damaged" in verified.stderr
    refused = kassa(app, "restore", str(folder), database_url=target, upload_dir=tmp_path / "restored-uploads")
    assert refused.exit_code == 1 and "does not verify, so nothing was restored" in refused.stderr
    assert not _holds_tables(target)

    (folder / "manifest.json").unlink()  # what a backup cut off before it finished looks like
    unfinished = kassa(app, "restore", str(folder), database_url=target, upload_dir=tmp_path / "restored-uploads")
    assert unfinished.exit_code == 1 and "not a Kassa backup, or one that did not finish" in unfinished.stderr


def test_a_manifest_of_another_shape_is_a_damaged_backup_not_a_traceback(app, api, catalog, tmp_path, target):
    # A manifest edited by hand or crafted (a list where the files are named, a format in quotes, a file without its
    # digest) stopped verify-backup and restore with a Python traceback (AttributeError, TypeError) that told the
    # operator nothing; one with credential_keys of 5 or a created_at of {} even verified as ok.
    create_order(api, catalog["sku"])
    folder = backup(app, tmp_path / "backups")
    good = json.loads((folder / "manifest.json").read_text())
    for shape in (
        {"files": []},
        {"files": {good_name: "x" for good_name in good["files"]}},
        {"books": []},
        {"books": {**good["books"], "revision": ["x"]}},
        {"format": "2"},
        {"credential_keys": 5},
        {"created_at": {}},
    ):
        (folder / "manifest.json").write_text(json.dumps({**good, **shape}))
        for args, into in (
            (("verify-backup",), {}),
            (("restore",), {"database_url": target, "upload_dir": tmp_path / "restored-uploads"}),
        ):
            refused = kassa(app, *args, str(folder), **into)
            assert refused.exit_code == 1 and isinstance(refused.exception, SystemExit), (shape, refused.exception)
            assert "manifest.json holds" in refused.stderr and "the backup is damaged" in refused.stderr, shape
    assert not _holds_tables(target)


def test_restore_never_overwrites_a_database_with_data_unless_told_to(app, api, catalog, tmp_path, target):
    first = create_order(api, catalog["sku"])
    folder = backup(app, tmp_path / "backups")
    into = {"database_url": target, "upload_dir": tmp_path / "restored-uploads"}
    assert kassa(app, "restore", str(folder), **into).exit_code == 0

    refused = kassa(app, "restore", str(folder), **into)
    assert refused.exit_code == 1 and "--replace" in refused.stderr
    create_order(api, catalog["sku"])
    newer = backup(app, tmp_path / "newer")
    replaced = kassa(app, "restore", "--replace", str(newer), **into)
    assert replaced.exit_code == 0, replaced.output
    assert "restored 1 merchant, 2 orders" in replaced.stdout
    if IS_POSTGRES:  # the database it replaced is kept, with the first backup's one order
        kept = replaced.stderr.split("kept as ")[1].split(":")[0]
        assert _order_ids(make_url(target).set(database=kept)) == [first["id"]]


def test_verify_warns_when_the_keys_here_cannot_read_the_backups_channel_settings(app, merchant, tmp_path):
    from cryptography.fernet import Fernet

    from app.payments.channels.credentials import save_channel_settings

    with app.app_context():
        save_channel_settings(
            merchant.id,
            "stripe",
            {"secret_key": "sk_test_backup", "publishable_key": "pk_test_backup", "webhook_secret": "whsec_backup"},
        )
    folder = backup(app, tmp_path / "backups")
    same_keys = kassa(app, "verify-backup", str(folder))
    assert same_keys.exit_code == 0 and "warning" not in same_keys.stderr

    other_keys = kassa(app, "verify-backup", str(folder), credential_keys=Fernet.generate_key().decode())
    assert other_keys.exit_code == 0  # restorable, but the operator must bring the keys
    assert "warning: none of the CHANNEL_CREDENTIALS_KEYS configured here" in other_keys.stderr
    assert "channel settings (1 saved)" in other_keys.stderr


def _holds_tables(database_url: str) -> bool:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        return Path(url.database).exists() and Path(url.database).stat().st_size > 0
    admin = create_engine(url.set(database="postgres"))
    try:
        with admin.connect() as connection:
            if not connection.scalar(text("SELECT count(*) FROM pg_database WHERE datname = :n"), {"n": url.database}):
                return False
    finally:
        admin.dispose()
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.scalar(text("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")) > 0
    finally:
        engine.dispose()


def _order_ids(url) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return [row[0] for row in connection.execute(text("SELECT id FROM orders ORDER BY id"))]
    finally:
        engine.dispose()


def test_a_scheduled_backup_keeps_the_newest_and_clears_what_a_dead_run_left(app, tmp_path):
    import os
    import time

    into = tmp_path / "backups"
    for day in ("20261101", "20261102", "20261103"):  # earlier nightly runs
        (into / f"kassa-backup-{day}T020000Z").mkdir(parents=True)
        (into / f"kassa-backup-{day}T020000Z" / "manifest.json").write_text("{}")
    dead = into / "kassa-backup-20261104T020000Z.partial"  # a run killed half-way, two days ago
    dead.mkdir()
    os.utime(dead, (time.time() - 2 * 86_400,) * 2)
    (into / "notes").mkdir()  # not the command's: never touched

    done = kassa(app, "backup", "--to", str(into), "--keep", "2")
    assert done.exit_code == 0, done.output
    assert "deleted the older backup kassa-backup-20261101T020000Z" in done.stderr
    assert sorted(path.name for path in into.iterdir()) == [
        "kassa-backup-20261103T020000Z",
        Path(done.stdout.strip()).name,
        "notes",
    ]
    assert kassa(app, "backup", "--keep", "0").exit_code == 2  # keeping none would delete the one just taken


def test_the_cron_sweep_takes_a_backup_a_day_and_keeps_the_newest(app, api, catalog, tmp_path, monkeypatch):
    from datetime import timedelta

    from app.backups.schedule import backup_when_due
    from app.jobs import backup_when_due as job
    from app.platform.db.types import utcnow

    monkeypatch.setitem(app.config, "BACKUP_DIR", "")
    with app.app_context():
        assert job() is None  # no BACKUP_DIR: off
    into = tmp_path / "scheduled"
    monkeypatch.setitem(app.config, "BACKUP_DIR", str(into))
    monkeypatch.setitem(app.config, "BACKUP_KEEP", 2)
    create_order(api, catalog["sku"])
    with app.app_context():
        first = Path(job())  # the sweep, as rq cron runs it: none yet, so one is taken
        assert json.loads((first / "manifest.json").read_text())["books"]["orders"] == 1
        assert job() is None  # the next sweep, minutes later: not due
        now = utcnow()
        taken = [backup_when_due(now + timedelta(hours=24 * day + 1)) for day in (1, 2)]
    assert all(taken) and sorted(into.iterdir()) == sorted(taken)  # the first is gone: two kept
    assert kassa(app, "verify-backup", str(taken[-1])).exit_code == 0


def test_the_cron_gives_the_scheduled_backup_as_long_as_a_dump_may_take(tmp_path):
    """RQ cuts a job off after 180 s unless told otherwise: every scheduled backup of a database whose pg_dump takes
    longer (a few GB) was killed half-way, its folder deleted, and tried again 15 minutes later, for ever; no
    backup was ever taken. The Procfile's cron queues it with a timeout beyond the dump's own bound."""
    from rq import Queue

    from app.backups.databases import PG_TIMEOUT_SECONDS
    from tests.support.processes import RedisServer

    redis = RedisServer(tmp_path / "redis", tmp_path).start()
    env = kassa_environment(
        database_url=DATABASE_URL,
        redis_url=redis.url(),
        var_dir=tmp_path / "var",
        kassa_port=free_port(),
        sandbox_port=free_port(),
        BACKUP_DIR=str(tmp_path / "backups"),
    )
    cron = Service.from_procfile("cron", env, tmp_path)
    cron.start()
    try:
        queue = Queue("kassa-batch", connection=redis.client())  # no worker: the sweeps it queues at start stay there
        wait_for(lambda: any(job.func_name == "app.jobs.backup_when_due" for job in queue.jobs), timeout=30)
        backup = next(job for job in queue.jobs if job.func_name == "app.jobs.backup_when_due")
        assert backup.timeout > PG_TIMEOUT_SECONDS
    finally:
        cron.stop()
        redis.stop()
