"""Kassa 0.1.0's one baseline revision: the schema it makes is the one the models describe, it goes down to nothing
and up again to the same schema, and a database the revisions folded into it made is refused before anything is
written: by `flask db upgrade` (as `make run` runs it), by a process's start and by an upgrade in process; a backup
of one is refused as what it is."""

from __future__ import annotations

import gc
import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import CheckConstraint, Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db
from app.platform.db.baseline import FOLDED_REVISIONS, START_REFUSED
from tests.backups.test_backups import backup
from tests.backups.test_backups import kassa as kassa_command
from tests.conftest import DATABASE_URL, IS_POSTGRES, REDIS_URL, _prepare_database, dispose, free_port
from tests.support.processes import ROOT, kassa_environment

BASELINE = "0138_baseline"
HEAD = "0153_line_settings"  # the newest revision: where an upgrade of a fresh database ends

# SQLAlchemy cannot reflect SQLite's index on lower(customer_email): the text of it in sqlite_master is compared.
pytestmark = [
    pytest.mark.filterwarnings("ignore:Skipped unsupported reflection of expression-based:sqlalchemy.exc.SAWarning"),
    pytest.mark.filterwarnings("ignore:autogenerate skipping metadata-specified expression-based index:UserWarning"),
]


def _integers_alike(context, inspected_column, metadata_column, inspected_type, metadata_type) -> bool | None:
    """SQLite's INTEGER and BIGINT are one 64-bit integer; the baseline keeps the names the revisions used there."""
    if context.dialect.name == "sqlite" and {inspected_type.python_type, metadata_type.python_type} == {int}:
        return False
    return None


def _differences(engine: Engine, metadata) -> list[tuple]:
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": _integers_alike})
        found = compare_metadata(context, metadata)
    said = []
    for difference in found:
        kind, subject = difference[0], difference[1]
        if kind == "add_fk":
            said.append((kind, subject.parent.name, tuple(subject.column_keys), subject.referred_table.name))
        else:
            said.append(tuple(str(part) for part in difference[:4]))
    return said


def _check_constraints(engine: Engine, metadata) -> tuple[set, set]:
    """The CHECK constraints (table, name) the database has and the ones the models declare."""
    inspector = inspect(engine)
    found = {
        (table, check["name"])
        for table in inspector.get_table_names()
        for check in inspector.get_check_constraints(table)
    }
    declared = {
        (table.name, constraint.name)
        for table in metadata.sorted_tables
        for constraint in table.constraints
        if isinstance(constraint, CheckConstraint)
    }
    return found, declared


def test_the_migrated_schema_is_what_the_models_describe(app):
    with app.app_context():
        differences = _differences(db.engine, db.metadata)
        found, declared = _check_constraints(db.engine, db.metadata)
    if IS_POSTGRES:
        # PostgreSQL checks that a posting's journal entry exists once per statement, by trigger, not per row by key.
        assert differences == [("add_fk", "postings", ("entry_id",), "journal_entries")]
        assert found == declared
    else:
        assert differences == []
        # SQLite has these only on tables made anew: the revisions added them to tables that existed, which SQLite
        # does only by rebuilding the table, and the baseline keeps what they made.
        assert declared - found == {
            ("skus", "ck_skus_test_stock_not_negative"),
            ("coupons", "ck_coupons_test_redemptions_within_limit"),
            ("coupons", "ck_coupons_test_redemptions_not_negative"),
        }
        assert found <= declared


@pytest.fixture
def fresh_url(tmp_path) -> str:
    """An empty database of this test's own, beside the suite's (PostgreSQL: dropped afterwards)."""
    if not IS_POSTGRES:
        yield f"sqlite:///{tmp_path / 'fold.db'}"
        return
    parsed = make_url(DATABASE_URL)
    url = parsed.set(database=f"{parsed.database}_fold").render_as_string(hide_password=False)
    _prepare_database(url)
    yield url
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{make_url(url).database}" WITH (FORCE)'))
    admin.dispose()


def _kassa(url: str):
    return create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": url, "REDIS_URL": REDIS_URL})


def _as_text(described: list[dict]) -> list[str]:
    return sorted(json.dumps(item, sort_keys=True, default=str) for item in described)


def _schema(engine: Engine) -> dict:
    """Everything a migration makes, as the database describes it: tables, columns (type, nullability, default),
    keys, indexes, constraints, triggers and functions."""
    inspector = inspect(engine)
    described = {}
    for table in inspector.get_table_names():
        described[table] = (
            [(c["name"], str(c["type"]), c["nullable"], c["default"]) for c in inspector.get_columns(table)],
            inspector.get_pk_constraint(table),
            _as_text(inspector.get_foreign_keys(table)),
            _as_text(inspector.get_indexes(table)),  # a partial index's predicate is SQL text: compared as text
            _as_text(inspector.get_unique_constraints(table)),
            _as_text(inspector.get_check_constraints(table)),
        )
    with engine.connect() as connection:
        if engine.dialect.name == "sqlite":
            described["~sqlite"] = connection.execute(
                text("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")
            ).all()
        else:
            described["~triggers"] = connection.execute(
                text("SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")
            ).all()
            described["~functions"] = connection.scalars(
                text("SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1")
            ).all()
    return described


def test_the_baseline_goes_down_to_nothing_and_up_again_to_the_same_schema(fresh_url):
    kassa = _kassa(fresh_url)
    with kassa.app_context():
        upgrade()
        made = _schema(db.engine)
        downgrade(revision="base")
        left = _schema(db.engine)
        upgrade()
        again = _schema(db.engine)
    dispose(kassa)
    assert len(made) > 60 and "postings" in made
    assert set(left) - {"~sqlite", "~triggers", "~functions"} == {"alembic_version"}
    assert not left.get("~triggers") and not left.get("~functions")
    assert [row for row in left.get("~sqlite", []) if row.type == "trigger"] == []
    assert again == made


def _stamp(url: str, revision: str) -> None:
    """What a Kassa before 0.1.0 left: its schema (the baseline's is the same as 0137's) stamped with its revision."""
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = :revision"), {"revision": revision})
        connection.execute(
            text(
                "INSERT INTO merchants (id, name, email, order_timeout_minutes, created_at) "
                "VALUES ('m_before', 'Before', 'before@example.com', 15, CURRENT_TIMESTAMP)"
            )
        )
    engine.dispose()


def _state(url: str) -> tuple:
    """The database as a refusal must leave it: schema, stamp and rows (SQLite: the file's very bytes)."""
    engine = create_engine(url)
    with engine.connect() as connection:
        rows = (
            connection.scalars(text("SELECT version_num FROM alembic_version")).all(),
            connection.scalars(text("SELECT id FROM merchants")).all(),
        )
    state = (_schema(engine), rows)
    engine.dispose()
    if not IS_POSTGRES:
        state += (hashlib.sha256(Path(make_url(url).database).read_bytes()).hexdigest(),)
    return state


@pytest.mark.parametrize("revision", ["0137_payout_sweep_backoff", "0001"])
def test_flask_db_upgrade_refuses_a_database_from_before_the_fold_and_writes_nothing(fresh_url, tmp_path, revision):
    kassa = _kassa(fresh_url)
    with kassa.app_context():
        upgrade()
    dispose(kassa)
    _stamp(fresh_url, revision)
    before = _state(fresh_url)

    env = kassa_environment(
        database_url=fresh_url,
        redis_url=REDIS_URL,
        var_dir=tmp_path / "var",
        kassa_port=free_port(),
        sandbox_port=free_port(),
    )
    done = subprocess.run(
        [str(ROOT / ".venv/bin/flask"), "--app", "wsgi", "db", "upgrade"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode == START_REFUSED
    assert f"a Kassa older than 0.1.0 made it. It is at migration {revision}," in done.stderr
    assert "`make clean`" in done.stderr and "DATABASE_URL" in done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert _state(fresh_url) == before


def test_a_process_does_not_start_on_a_database_from_before_the_fold(fresh_url, capsys):
    kassa = _kassa(fresh_url)
    with kassa.app_context():
        upgrade()
    dispose(kassa)
    _stamp(fresh_url, "0098_checkout_language")
    before = _state(fresh_url)

    with pytest.raises(SystemExit) as refused:
        _kassa(fresh_url)

    assert refused.value.code == START_REFUSED  # gunicorn stops instead of booting another worker
    assert "It is at migration 0098_checkout_language" in capsys.readouterr().err
    assert _state(fresh_url) == before
    gc.collect()  # the refused app left no open connection behind (psycopg would warn here, failing this test)


def test_an_upgrade_in_process_refuses_a_database_stamped_before_the_fold_after_the_app_started(fresh_url, caplog):
    """An app built on a database still good (tests, benchmarks, a restore) that meets a folded stamp at upgrade."""
    kassa = _kassa(fresh_url)
    with kassa.app_context():
        upgrade()
        db.engine.dispose()
        _stamp(fresh_url, "0137_payout_sweep_backoff")
        before = _state(fresh_url)
        with pytest.raises(SystemExit) as refused:
            upgrade()  # Flask-Migrate logs the error and exits 1
    dispose(kassa)

    assert refused.value.code == 1
    assert "Kassa refuses this database" in caplog.text and "Traceback" not in caplog.text
    assert _state(fresh_url) == before


def test_a_fresh_or_current_database_is_not_refused(fresh_url):
    kassa = _kassa(fresh_url)  # empty: not migrated yet
    with kassa.app_context():
        upgrade()
    dispose(kassa)
    dispose(_kassa(fresh_url))  # at the baseline
    engine = create_engine(fresh_url)
    with engine.connect() as connection:
        assert connection.scalars(text("SELECT version_num FROM alembic_version")).all() == [HEAD]
    engine.dispose()


def test_every_revision_before_the_baseline_is_known_as_folded():
    # 74 revisions, 0001 to 0137 (numbers were skipped, and 0021 used twice), none of which the baseline can be.
    assert len(FOLDED_REVISIONS) == 74
    assert BASELINE not in FOLDED_REVISIONS
    assert not any(BASELINE.startswith(revision) for revision in FOLDED_REVISIONS)  # Alembic matches by prefix too


def test_a_backup_taken_before_the_fold_is_refused_as_such(app, tmp_path):
    folder = backup(app, tmp_path / "backups")
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["books"]["revision"] = "0137_payout_sweep_backoff"
    (folder / "manifest.json").write_text(json.dumps(manifest))

    refused = kassa_command(app, "verify-backup", str(folder))
    assert refused.exit_code == 1
    assert "taken by a Kassa older than 0.1.0" in refused.stderr and "newer Kassa" not in refused.stderr
