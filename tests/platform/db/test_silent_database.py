"""A PostgreSQL that is there but silent (a partition; a host that took the address and never answers) fails a
request with a 503 in seconds: a new connection waited on its startup handshake for as long as TCP does, so every
web thread that needed one hung and the process stopped answering, /healthz included."""

from __future__ import annotations

import socket
import threading

import pytest

from tests.conftest import IS_POSTGRES, REDIS_URL

pytestmark = pytest.mark.skipif(not IS_POSTGRES, reason="PostgreSQL's connection settings")


@pytest.fixture
def silent_database():
    """A loopback port that takes connections and never says a word; closed (with them) after the test."""
    listener = socket.create_server(("127.0.0.1", 0))
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.1)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except (TimeoutError, OSError):
                continue

    threading.Thread(target=accept, daemon=True).start()
    yield listener.getsockname()[1]
    stop.set()
    listener.close()
    for connection in held:
        connection.close()


def test_a_silent_database_fails_the_health_check_in_seconds_not_never(silent_database, monkeypatch):
    from app import create_app

    monkeypatch.setenv("DB_CONNECT_TIMEOUT_SECONDS", "2")
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"postgresql+psycopg://kassa@127.0.0.1:{silent_database}/kassa",
            "TESTING": True,
            "REDIS_URL": REDIS_URL,
        }
    )
    answers: list = []
    asking = threading.Thread(target=lambda: answers.append(app.test_client().get("/healthz")), daemon=True)
    asking.start()
    asking.join(timeout=15)  # the check's own bound (2 s) and more; before, it never came back

    assert answers, "the health check was still waiting on the silent database after 15 s"
    assert answers[0].status_code == 503
    assert answers[0].json["checks"]["database"].startswith("error")


def test_the_urls_own_connect_timeout_wins(monkeypatch):
    from app import create_app

    monkeypatch.setenv("DB_CONNECT_TIMEOUT_SECONDS", "2")
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://kassa@127.0.0.1/kassa?connect_timeout=9",
            "TESTING": True,
            "REDIS_URL": REDIS_URL,
        }
    )
    connect_args = app.config["SQLALCHEMY_ENGINE_OPTIONS"]["connect_args"]
    assert "connect_timeout" not in connect_args  # the URL's 9 reaches libpq
    assert connect_args["keepalives"] == 1 and connect_args["tcp_user_timeout"] == 30_000


def test_statements_are_bounded_per_process_and_the_urls_own_statement_timeout_wins(monkeypatch):
    from app import create_app

    monkeypatch.setenv("DB_STATEMENT_TIMEOUT_SECONDS", "15")
    monkeypatch.setenv("JOB_STATEMENT_TIMEOUT_SECONDS", "120")
    url = "postgresql+psycopg://kassa@127.0.0.1/kassa?options=-c%20search_path%3Dkassa"
    web, worker = (
        create_app({"SQLALCHEMY_DATABASE_URI": url, "TESTING": True, "REDIS_URL": REDIS_URL, "RUNS_JOBS": jobs})
        for jobs in (False, True)
    )
    web_args = web.config["SQLALCHEMY_ENGINE_OPTIONS"]["connect_args"]
    assert web_args["options"] == "-c search_path=kassa -c statement_timeout=15000"  # added to the URL's own
    assert worker.config["SQLALCHEMY_ENGINE_OPTIONS"]["connect_args"]["options"].endswith("statement_timeout=120000")

    own = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": "postgresql+psycopg://kassa@127.0.0.1/kassa?options=-c%20statement_timeout%3D0",
            "TESTING": True,
            "REDIS_URL": REDIS_URL,
        }
    )
    assert "options" not in own.config["SQLALCHEMY_ENGINE_OPTIONS"]["connect_args"]  # the URL's 0 reaches libpq
