"""Kassa: a self-hostable payment checkout and merchant portal."""
from __future__ import annotations

from datetime import date, datetime

from flask import Flask

from app.platform.db.baseline import refuse_a_database_from_before_the_fold


def create_app(config: dict | None = None) -> Flask:
    """Build the Kassa web app: config, extensions, models, blueprints, errors, CLI, logging."""
    from app.config import PROJECT_ROOT, load_config

    app = Flask(__name__, template_folder=str(PROJECT_ROOT / "templates"),
                static_folder=str(PROJECT_ROOT / "static"))
    app.config.update(load_config(config))
    _register_proxies(app)
    _register_logging(app)
    _register_extensions(app)
    _register_blueprints(app)
    _register_errors(app)
    _register_cli(app)
    _register_template_helpers(app)
    return app


def _register_proxies(app: Flask) -> None:
    from werkzeug.middleware.proxy_fix import ProxyFix

    count = app.config["TRUSTED_PROXY_COUNT"]
    if count:
        # Trust exactly that many hops: a client cannot forge its address past our own proxies.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count)


def _register_logging(app: Flask) -> None:
    from app.platform.observability import logs

    logs.configure(app.config["LOG_LEVEL"])
    from app.platform.observability import metrics
    from app.risk import context as shopper_facts

    # Threads serve many requests: each starts with no merchant or order bound to its logs.
    app.before_request(logs.clear)
    from app.web import request_ids

    request_ids.init_app(app)  # after the clear: the request id is bound to every line of the request
    from app.web import api_request_log

    api_request_log.init_app(app)  # its clock starts before the rate limits and body checks below
    from app.web.url_text import refuse_non_utf8_url

    app.before_request(refuse_non_utf8_url)  # before any hook or view reads the query (a raw 0xFF was a 500)
    app.before_request(shopper_facts.capture_request)  # address and device, for the risk assessment
    from app.web import body_limits

    body_limits.init_app(app)  # before the CSRF check, which reads the form
    from app.web import rate_limits

    rate_limits.init_app(app)  # before any work: a request over its budget costs one Redis call
    metrics.init_app(app)


def _register_extensions(app: Flask) -> None:
    from app.config import PROJECT_ROOT
    from app.platform.db.pool import ping_idle_connections
    from app.platform.db.postgres import keep_prepared_statements
    from app.platform.db.sqlite import configure_sqlite
    from app.extensions import csrf, db, limiter, login_manager, migrate

    from app import models  # noqa: F401  (every table, for Alembic and relationships)
    from app import subscribers  # noqa: F401  (outbox handlers, in web and worker alike)

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
    from app.extensions import csrf
    from app.web.api import bp as api_bp
    from app.web.checkout import bp as checkout_bp
    from app.web.docs import bp as docs_bp
    from app.web.embed import bp as embed_bp
    from app.web.health import bp as health_bp
    from app.web.hooks import bp as hooks_bp
    from app.web.metrics import bp as metrics_bp
    from app.web.portal import bp as portal_bp

    # Bearer-key API and signed provider callbacks carry no browser session: no CSRF.
    csrf.exempt(api_bp)
    csrf.exempt(hooks_bp)
    # The embedded panel's posts carry a signed embed token instead (app/web/embed/tokens.py).
    csrf.exempt(embed_bp)
    for bp in (api_bp, checkout_bp, docs_bp, embed_bp, health_bp, hooks_bp, metrics_bp, portal_bp):
        app.register_blueprint(bp)


def _register_errors(app: Flask) -> None:
    from app.web.errors import register

    register(app)


def _register_cli(app: Flask) -> None:
    from app.cli.commands import kassa
    from app.cli.backups import COMMANDS as BACKUP_COMMANDS
    from app.cli.events import events_group

    for command in (events_group, *BACKUP_COMMANDS):
        kassa.add_command(command)

    app.cli.add_command(kassa)


def _register_template_helpers(app: Flask) -> None:
    from app.web import shopper_locale
    from app.web.api.stream import order_stream_url

    shopper_locale.init_app(app)  # the money and long_date filters, the page's language
    from app.web import static_assets

    static_assets.init_app(app)  # url_for('static', …) names the file's digest; such a name is kept a year

    app.add_template_global(order_stream_url)

    @app.template_filter("day")
    def day_filter(value: date | datetime) -> str:
        """A date people read at a glance: "23 Nov 2026"."""
        return f"{value.day} {value:%b %Y}"

    @app.template_filter("ink_on")
    def ink_on(colour: str) -> str:
        """Dark or white text, whichever reads better on a #rrggbb background (WCAG luminance)."""
        channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
        luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
        # Contrast with white is 1.05/(L+0.05), with our ink (#14213d, L≈0.016) (L+0.05)/0.066.
        return "#ffffff" if 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.066 else "#14213d"
