"""The load benchmark's baseline: a Flask route doing one INSERT + commit, served by the same gunicorn
command as Kassa's web (``gunicorn -c gunicorn.conf.py … 'bench.baseline_app:create_baseline_app()'``) on the same
database
settings (Flask-SQLAlchemy, Kassa's engine options, its pool's pings of idle connections, its PostgreSQL connections
and, on SQLite, its write-lock set-up).

``bench/checkout_load.py`` divides Kassa's ``POST /api/v1/orders`` throughput by this route's.
"""

from __future__ import annotations

import os
import secrets

from flask import Flask, jsonify, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from app.config import load_config
from app.platform.db.pool import ping_idle_connections
from app.platform.db.postgres import keep_prepared_statements
from app.platform.db.sqlite import configure_sqlite

db = SQLAlchemy()


class BaselineOrder(db.Model):
    __tablename__ = "bench_baseline_orders"

    id: Mapped[str] = mapped_column(String(40), primary_key=True)
    body: Mapped[dict] = mapped_column(JSON)


def create_baseline_app(database_url: str | None = None) -> Flask:
    """The one-route app, on DATABASE_URL with the engine options Kassa's config gives that database."""
    app = Flask(__name__)
    kassa = load_config({"SQLALCHEMY_DATABASE_URI": database_url or os.environ["DATABASE_URL"]})
    app.config.update(
        SQLALCHEMY_DATABASE_URI=kassa["SQLALCHEMY_DATABASE_URI"],
        SQLALCHEMY_ENGINE_OPTIONS=kassa["SQLALCHEMY_ENGINE_OPTIONS"],
    )
    db.init_app(app)
    with app.app_context():
        configure_sqlite(db.engine, busy_timeout_seconds=kassa["SQLITE_BUSY_TIMEOUT_SECONDS"])
        ping_idle_connections(db.engine, idle_seconds=kassa["POOL_PING_IDLE_SECONDS"])
        keep_prepared_statements(db.engine)

    @app.post("/orders")
    def create_order():
        order_id = f"ord_{secrets.token_hex(12)}"
        db.session.add(BaselineOrder(id=order_id, body=request.get_json()))
        db.session.commit()
        return jsonify({"id": order_id, "object": "order"}), 201

    return app


def create_baseline_table(database_url: str) -> None:
    """Create the baseline's table once, before its workers start (they would race to create it)."""
    app = create_baseline_app(database_url)
    with app.app_context():
        db.create_all()
        db.engine.dispose()
