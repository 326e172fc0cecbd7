"""Run one Alembic revision's upgrade or downgrade in place, in the suite's own database, for the tests of a
migration's data step."""
from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

VERSIONS = Path(__file__).resolve().parents[1] / "migrations" / "versions"


def load_migration(filename: str) -> ModuleType:
    """The revision module ``migrations/versions/<filename>``."""
    spec = importlib.util.spec_from_file_location(filename.removesuffix(".py"), VERSIONS / filename)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_migration_step(app, filename: str, step: str) -> None:
    """Call the revision's ``upgrade`` or ``downgrade`` in one transaction on the app's database."""
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from app.extensions import db

    with app.app_context(), db.engine.begin() as connection:
        with Operations.context(MigrationContext.configure(connection)):
            getattr(load_migration(filename), step)()
