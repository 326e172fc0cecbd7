"""Kassa 0.1.0's one baseline revision: the schema it makes is the one the models describe, and it goes down to
nothing and up again to the same schema."""
from __future__ import annotations

import json

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import CheckConstraint, Engine, create_engine, inspect, text
from sqlalchemy.engine import make_url

from app import create_app
from app.extensions import db
from tests.conftest import DATABASE_URL, IS_POSTGRES, REDIS_URL, _prepare_database, dispose

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
    found = {(table, check["name"]) for table in inspector.get_table_names()
             for check in inspector.get_check_constraints(table)}
    declared = {(table.name, constraint.name) for table in metadata.sorted_tables
                for constraint in table.constraints if isinstance(constraint, CheckConstraint)}
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
        assert declared - found == {("skus", "ck_skus_test_stock_not_negative"),
                                    ("coupons", "ck_coupons_test_redemptions_within_limit"),
                                    ("coupons", "ck_coupons_test_redemptions_not_negative")}
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
            described["~sqlite"] = connection.execute(text(
                "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name")).all()
        else:
            described["~triggers"] = connection.execute(text(
                "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1")).all()
            described["~functions"] = connection.scalars(text(
                "SELECT proname FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1")).all()
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
