"""A simulated third-party payment provider: its own Flask app, port and database, reached only over HTTP."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask, render_template, request
from werkzeug.exceptions import HTTPException

from sandbox import api, disputes, pages, payouts_api, refunds, statements_api
from sandbox.models import create_tables, make_engine, make_session_factory
from sandbox.request_text import refuse_unreadable_address
from sandbox.runtime import EXTENSION_KEY, SandboxRuntime
from sandbox.services import SandboxError, ensure_account

# The project root is the parent of sandbox/; local state lives under its var/ (git-ignored).
PROJECT_ROOT = Path(__file__).resolve().parents[1]

DEFAULTS: dict[str, Any] = {
    "SANDBOX_DATABASE_URL": None,  # resolved lazily so importing never touches the disk
    "SANDBOX_API_KEY": "sbx_test_demo_key",
    "SANDBOX_CALLBACK_SECRET": "sbx_whsec_demo",
    "SANDBOX_CALLBACK_DELAY_SECONDS": 3.0,
    "SANDBOX_PUBLIC_URL": "http://127.0.0.1:5001",
    # "succeeded" or "failed": the provider decides every new payment itself at once, as a shopper who
    # presses that button as soon as the page opens (load benchmarks); empty: the shopper decides.
    "SANDBOX_AUTO_OUTCOME": "",
    # Demo: the bank pays each payout by itself this many seconds after it is sent (unset: only the control
    # endpoint decides, as the tests want).
    "SANDBOX_PAYOUT_AUTO_SECONDS": None,
}


def create_sandbox_app(config: dict[str, Any] | None = None) -> Flask:
    """Build the sandbox provider app; also a gunicorn factory: 'sandbox:create_sandbox_app()'."""
    app = Flask(__name__, template_folder="templates", static_folder=None)
    app.config.update(load_settings(config))
    init_database(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(pages.bp)
    app.register_blueprint(refunds.bp)
    app.register_blueprint(payouts_api.bp)
    app.register_blueprint(statements_api.bp)
    app.register_blueprint(disputes.bp)
    app.before_request(refuse_unreadable_address)
    register_error_handlers(app)
    return app


def load_settings(overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    """Read settings from the environment over the defaults, then apply explicit overrides."""
    settings = dict(DEFAULTS)
    for key in DEFAULTS:
        if key in os.environ:
            settings[key] = os.environ[key]
    settings.update(overrides or {})
    if not settings["SANDBOX_DATABASE_URL"]:
        settings["SANDBOX_DATABASE_URL"] = default_database_url()
    settings["SANDBOX_CALLBACK_DELAY_SECONDS"] = float(settings["SANDBOX_CALLBACK_DELAY_SECONDS"])
    if settings["SANDBOX_AUTO_OUTCOME"] not in ("", "succeeded", "failed"):
        raise ValueError("SANDBOX_AUTO_OUTCOME must be empty, 'succeeded' or 'failed'")
    if settings["SANDBOX_PAYOUT_AUTO_SECONDS"] not in (None, ""):
        settings["SANDBOX_PAYOUT_AUTO_SECONDS"] = float(settings["SANDBOX_PAYOUT_AUTO_SECONDS"])
    else:
        settings["SANDBOX_PAYOUT_AUTO_SECONDS"] = None
    return settings


def default_database_url() -> str:
    """Return the SQLite file under var/, creating the directory on first use."""
    var = PROJECT_ROOT / "var"
    var.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{var / 'sandbox.db'}"


def init_database(app: Flask) -> None:
    """Create the tables and the configured account, and attach the runtime the views and jobs use."""
    engine = make_engine(app.config["SANDBOX_DATABASE_URL"])
    create_tables(engine)
    session_factory = make_session_factory(engine)
    with session_factory() as session:
        ensure_account(session, app.config["SANDBOX_API_KEY"], app.config["SANDBOX_CALLBACK_SECRET"])
    app.extensions[EXTENSION_KEY] = SandboxRuntime(
        engine=engine,
        session_factory=session_factory,
        public_url=app.config["SANDBOX_PUBLIC_URL"],
        callback_delay_seconds=app.config["SANDBOX_CALLBACK_DELAY_SECONDS"],
        auto_outcome=app.config["SANDBOX_AUTO_OUTCOME"] or None,
    )


def register_error_handlers(app: Flask) -> None:
    """Answer domain and HTTP errors as JSON under the API, and HTTP errors as a page elsewhere."""
    app.register_error_handler(SandboxError, api.handle_sandbox_error)

    @app.errorhandler(HTTPException)
    def handle_http_error(error: HTTPException) -> Any:
        if request.path.startswith("/sandbox/api/"):
            # An unexpected error (Flask's InternalServerError) is ours, not the caller's: it may try again.
            code = "not_found" if error.code == 404 else "internal_error" if error.code >= 500 else "request_invalid"
            type_ = "api_error" if error.code >= 500 else "invalid_request_error"
            body = {"error": {"type": type_, "code": code, "message": error.description, "param": None}}
            return body, error.code
        if error.code == 404:
            return render_template("sandbox/not_found.html"), 404
        return error
