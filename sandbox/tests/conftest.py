"""Fixtures for the sandbox provider's own tests: its app on a temporary SQLite database and a real callback receiver.

The provider stands in for another company's system, so its tests use nothing of Kassa's (tests/conftest.py is not
loaded here): a test that needs Kassa and the provider together lives in tests/."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy.orm import Session
from werkzeug.serving import BaseWSGIServer, make_server
from werkzeug.wrappers import Request, Response

from sandbox import create_sandbox_app
from sandbox.runtime import EXTENSION_KEY, SandboxRuntime

API_KEY = "sbx_test_key_for_tests"
CALLBACK_SECRET = "sbx_whsec_for_tests"


def _set(event: threading.Event) -> threading.Event:
    event.set()
    return event


@dataclass
class ReceivedCallback:
    """One request the merchant's callback endpoint received."""

    headers: dict[str, str]
    body: bytes


@dataclass
class CallbackReceiver:
    """A tiny merchant endpoint that records callbacks and answers with planned status codes."""

    url: str
    received: list[ReceivedCallback] = field(default_factory=list)
    planned_statuses: list[int] = field(default_factory=list)
    # Cleared: a callback is taken in but not answered until it is set again (a merchant still working on it).
    answering: threading.Event = field(default_factory=lambda: _set(threading.Event()))
    _changed: threading.Condition = field(default_factory=threading.Condition)

    def record(self, request: Request) -> int:
        """Store a request and return the status to answer with (200 once the plan is used up)."""
        with self._changed:
            self.received.append(ReceivedCallback(dict(request.headers), request.get_data()))
            self._changed.notify_all()
            status = self.planned_statuses.pop(0) if self.planned_statuses else 200
        self.answering.wait(10)
        return status

    def wait_for(self, count: int, timeout: float = 5.0) -> list[ReceivedCallback]:
        """Wait until at least `count` callbacks arrived and return them all."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.received) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._changed.wait(remaining)
            return list(self.received)


@pytest.fixture
def receiver() -> Iterator[CallbackReceiver]:
    """Run a real HTTP server on a free local port that records every callback."""
    holder: dict[str, CallbackReceiver] = {}

    @Request.application
    def wsgi(request: Request) -> Response:
        return Response("ok", status=holder["receiver"].record(request))

    server: BaseWSGIServer = make_server("127.0.0.1", 0, wsgi, threaded=True)
    holder["receiver"] = CallbackReceiver(url=f"http://127.0.0.1:{server.server_port}/callbacks")
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield holder["receiver"]
    server.shutdown()
    server.server_close()
    thread.join(timeout=2)


@pytest.fixture
def sandbox(tmp_path: Any) -> Iterator[Flask]:
    """The provider app on its own temporary SQLite database, with a short callback delay."""
    app = create_sandbox_app(
        {
            "SANDBOX_DATABASE_URL": f"sqlite:///{tmp_path / 'sandbox.db'}",
            "SANDBOX_API_KEY": API_KEY,
            "SANDBOX_CALLBACK_SECRET": CALLBACK_SECRET,
            "SANDBOX_CALLBACK_DELAY_SECONDS": 0.3,
            "SANDBOX_PUBLIC_URL": "http://sandbox.test:5001",
            "TESTING": True,
        }
    )
    yield app
    runtime(app).engine.dispose()


@pytest.fixture
def client(sandbox: Flask) -> FlaskClient:
    """A test client for the provider."""
    return sandbox.test_client()


@pytest.fixture
def auth() -> dict[str, str]:
    """Headers that authenticate as the configured merchant account."""
    return {"Authorization": f"Bearer {API_KEY}"}


@pytest.fixture
def create_payment(client: FlaskClient, auth: dict[str, str], receiver: CallbackReceiver) -> Any:
    """Create a payment through the API, with callbacks going to the receiver; returns its JSON."""

    def create(**overrides: Any) -> dict[str, Any]:
        body = build_payment_body(callback_url=receiver.url, **overrides)
        response = client.post("/sandbox/api/payments", json=body, headers=auth)
        assert response.status_code == 201, response.json
        return response.json

    return create


@pytest.fixture
def db_session(sandbox: Flask) -> Iterator[Session]:
    """A session on the provider's database, to check what it stored."""
    with runtime(sandbox).session_factory() as session:
        yield session


@pytest.fixture
def payment_body() -> Any:
    """Build a valid create-payment body; keyword arguments replace fields, None removes one."""
    return build_payment_body


def build_payment_body(**overrides: Any) -> dict[str, Any]:
    """A valid create-payment body, with fields replaced or removed (value None) as given."""
    body: dict[str, Any] = {
        "amount": 2500,
        "currency": "usd",
        "reference": "order_1",
        "description": "Gold membership, 1 month",
        "return_url": "http://shop.test/return?order=order_1",
        "callback_url": "http://127.0.0.1:9/callbacks",
    }
    body.update(overrides)
    return {key: value for key, value in body.items() if value is not None}


def runtime(app: Flask) -> SandboxRuntime:
    """The app's runtime, for tests that look into the provider's database."""
    return app.extensions[EXTENSION_KEY]
