"""Alembic environment: runs against the Flask app's engine (Flask-SQLAlchemy 3)."""

import logging
from logging.config import fileConfig

from alembic import context
from alembic.util import CommandError
from flask import current_app

from app.platform.db.baseline import folded_revision, refusal
from app.platform.db.postgres import unbounded_statements

config = context.config
if config.config_file_name and not logging.getLogger("kassa").handlers:
    fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

db = current_app.extensions["migrate"].db
config.set_main_option("sqlalchemy.url", db.engine.url.render_as_string(hide_password=False).replace("%", "%%"))


def render_item(type_, obj, autogen_context):
    """Write our column types as plain SQLAlchemy types: migrations must not import app code."""
    if type_ == "type" and obj.__class__.__name__ == "UTCDateTime":
        return "sa.DateTime(timezone=True)"
    return False


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=db.metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    def skip_empty(context_, revision, directives):
        # `flask db migrate` with no model change should not write an empty revision.
        if getattr(config.cmd_opts, "autogenerate", False) and directives[0].upgrade_ops.is_empty():
            directives[:] = []
            logger.info("No changes in schema detected.")

    conf_args = dict(current_app.extensions["migrate"].configure_args)
    conf_args.setdefault("process_revision_directives", skip_empty)
    # Batch mode lets later ALTERs work on SQLite too.
    conf_args.setdefault("render_as_batch", True)
    conf_args.setdefault("render_item", render_item)
    # A database the revisions folded into the baseline made: said plainly (flask db prints it without a traceback)
    # before anything is written. On a connection of its own: the migrations' must start outside a transaction.
    with db.engine.connect() as connection:
        revision = folded_revision(connection)
    if revision is not None:
        raise CommandError(refusal(revision))

    # A migration may rewrite or index a large table for minutes: no statement bound (DB_STATEMENT_TIMEOUT_SECONDS).
    with db.engine.connect() as connection, unbounded_statements(connection):
        context.configure(connection=connection, target_metadata=db.metadata, **conf_args)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
