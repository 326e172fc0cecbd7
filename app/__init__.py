"""Kassa: a self-hostable payment checkout and merchant portal."""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from app import (
    models,  # noqa: F401  (every table, for Alembic and relationships)
    subscribers,  # noqa: F401  (outbox handlers, in web and worker alike)
)
from app.cli.api_document import api_document_command
from app.cli.backups import COMMANDS as BACKUP_COMMANDS
from app.cli.commands import kassa
from app.cli.events import events_group
from app.config import PROJECT_ROOT, load_config
from app.extensions import csrf, db, limiter, login_manager, migrate
from app.platform import metrics
from app.platform.db.baseline import refuse_a_database_from_before_the_fold
from app.platform.db.pool import ping_idle_connections
from app.platform.db.postgres import keep_prepared_statements
from app.platform.db.sqlite import configure_sqlite
from app.platform.observability import logs
from app.risk import context as shopper_facts
from app.web import (
    api_request_log,
    body_limits,
    framing,
    page_filters,
    rate_limits,
    request_ids,
    shopper_locale,
    static_assets,
)
from app.web.api import bp as api_bp
from app.web.api.stream import order_stream_url
from app.web.checkout import bp as checkout_bp
from app.web.docs import bp as docs_bp
from app.web.embed import bp as embed_bp
from app.web.errors import register as register_error_handlers
from app.web.health import bp as health_bp
from app.web.hooks import bp as hooks_bp
from app.web.metrics import bp as metrics_bp
from app.web.portal import bp as portal_bp
from app.web.url_text import refuse_non_utf8_url


def create_app(config: dict | None = None) -> Flask:
    """Build the Kassa web app: config, extensions, models, blueprints, errors, CLI, logging."""
    app = Flask(__name__, template_folder=str(PROJECT_ROOT / "templates"), static_folder=str(PROJECT_ROOT / "static"))
    app.config.update(load_config(config))
    _register_proxies(app)
    logs.configure(app.config["LOG_LEVEL"])
    _register_request_hooks(app)
    _register_extensions(app)
    _register_blueprints(app)
    register_error_handlers(app)
    _register_cli(app)
    _register_template_helpers(app)
    return app


def _register_proxies(app: Flask) -> None:
    count = app.config["TRUSTED_PROXY_COUNT"]
    if count:
        # Trust exactly that many hops: a client cannot forge its address past our own proxies.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)


def _register_request_hooks(app: Flask) -> None:
    """Hooks around every view, registered in the order their before-request halves must run."""
    # Threads serve many requests: each starts with no merchant or order bound to its logs.
    app.before_request(logs.clear)
    request_ids.init_app(app)  # after the clear: the request id is bound to every line of the request
    api_request_log.init_app(app)  # its clock starts before the rate limits and body checks below
    app.before_request(refuse_non_utf8_url)  # before any hook or view reads the query (a raw 0xFF was a 500)
    app.before_request(shopper_facts.capture_request)  # address and device, for the risk assessment
    body_limits.init_app(app)  # before the CSRF check, which reads the form
    rate_limits.init_app(app)  # before any work: a request over its budget costs one Redis call
    metrics.init_app(app)
    framing.init_app(app)  # every answer, error pages too: no site frames a page not made to be embedded


def _register_extensions(app: Flask) -> None:
    db.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine, busy_timeout_seconds=app.config["SQLITE_BUSY_TIMEOUT_SECONDS"])
        ping_idle_connections(db.engine, idle_seconds=app.config["POOL_PING_IDLE_SECONDS"])
        keep_prepared_statements(db.engine)
        refuse_a_database_from_before_the_fold(db.engine)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    login_manager.init_app(app)
    login_manager.login_view = "portal.login"
    login_manager.session_protection = "strong"


def _register_blueprints(app: Flask) -> None:
    # Bearer-key API and signed provider callbacks carry no browser session: no CSRF.
    csrf.exempt(api_bp)
    csrf.exempt(hooks_bp)
    # The embedded panel's posts carry a signed embed token instead (app/web/embed/tokens.py).
    csrf.exempt(embed_bp)
    for bp in (api_bp, checkout_bp, docs_bp, embed_bp, health_bp, hooks_bp, metrics_bp, portal_bp):
        app.register_blueprint(bp)


def _register_cli(app: Flask) -> None:
    for command in (events_group, api_document_command, *BACKUP_COMMANDS):
        kassa.add_command(command)

    app.cli.add_command(kassa)


def _register_template_helpers(app: Flask) -> None:
    shopper_locale.init_app(app)  # the money and long_date filters, the page's language
    static_assets.init_app(app)  # url_for('static', …) names the file's digest; such a name is kept a year
    app.add_template_global(order_stream_url)
    page_filters.init_app(app)  # the day and ink_on filters
