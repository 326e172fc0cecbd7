"""Bytes that are no UTF-8 in a URL, sent over a socket as they are to the Procfile's gunicorn: it hands a
percent-encoded byte in the path to the app as that byte (the test client and the dev server make it U+FFFD
first), and refuses a raw one in the request line itself. Every answer is a 400, none a 500 or a list or lookup
made from a mangled value. Brings its own SQLite file and Redis, so it runs in make test's SQLite pass only."""

from __future__ import annotations

import json
import socket

import pytest

from tests.conftest import IS_POSTGRES, free_port
from tests.support.processes import RedisServer, Service, flask_command, http_answers, kassa_environment

pytestmark = pytest.mark.skipif(IS_POSTGRES, reason="brings its own SQLite file: runs in make test's SQLite pass")


def raw_get(port: int, target: bytes, key: str) -> tuple[int, bytes]:
    """The status and body of ``GET <target>``, the target's bytes sent as they are."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(
            b"GET " + target + b" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
            b"Authorization: Bearer " + key.encode() + b"\r\n\r\n"
        )
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def test_a_url_that_is_not_utf8_is_a_400_under_gunicorn(tmp_path):
    redis = RedisServer(tmp_path / "redis", tmp_path).start()
    port = free_port()
    env = kassa_environment(
        database_url=f"sqlite:///{tmp_path / 'kassa.db'}",
        redis_url=redis.url(),
        var_dir=tmp_path / "var",
        kassa_port=port,
        sandbox_port=free_port(),
        WEB_WORKERS="1",
        WEB_THREADS="2",
    )
    flask_command(env, "db", "upgrade")
    key = json.loads(
        flask_command(
            env, "kassa", "create-merchant", "--name", "Acme", "--email", "o@acme.test", "--password", "correct-horse-1"
        )
    )["secret_key"]
    web = Service.from_procfile("web", env, tmp_path, ready=http_answers(f"http://127.0.0.1:{port}/healthz"))
    try:
        web.start()
        assert raw_get(port, b"/api/v1/orders?customer=caf%C3%A9", key)[0] == 200  # UTF-8 text: a list
        # Without the check: a 404 for order "ord_\ufffd", and a list of the orders of customer "%FF" (none).
        for target, says in [
            (b"/api/v1/orders/ord_%FF", b"URL path must be UTF-8"),
            (b"/api/v1/orders?customer=%FF", b"query string must be UTF-8"),
        ]:
            status, body = raw_get(port, target, key)
            assert (status, says in body) == (400, True), (target, status, body[:300], web.log_tail())
            assert json.loads(body)["error"]["code"] == "parameter_invalid"
        status, body = raw_get(port, b"/portal/login?next=%FF", key)
        assert status == 400 and b"not valid text (UTF-8)" in body, (status, body[:300])
        # A raw byte never reaches the app: gunicorn refuses the request line.
        for target in (b"/api/v1/orders?status=\xff", b"/api/v1/orders/ord_\xff", b"/checkout/prod_1?quantity=\xff"):
            assert raw_get(port, target, key)[0] == 400, target
    finally:
        web.stop()
        redis.stop()


def test_the_sandbox_provider_refuses_a_url_that_is_not_utf8_under_gunicorn(tmp_path):
    # The Procfile's sandbox: gunicorn hands /sandbox/pay/sbp_%FF over as the byte 0xFF, which was looked up as
    # U+FFFD (a 404 'no such payment', as if the id were merely unknown).
    port = free_port()
    env = kassa_environment(
        database_url=f"sqlite:///{tmp_path / 'kassa.db'}",
        redis_url="redis://127.0.0.1:1/0",
        var_dir=tmp_path / "var",
        kassa_port=free_port(),
        sandbox_port=port,
        SANDBOX_WORKERS="1",
    )
    sandbox = Service.from_procfile(
        "sandbox", env, tmp_path, ready=http_answers(f"http://127.0.0.1:{port}/sandbox/api/payments/x")
    )
    try:
        sandbox.start()
        for target in (b"/sandbox/api/payments/sbp_%FF", b"/sandbox/api/payments?reference=%FF"):
            status, body = raw_get(port, target, "sbx_test_demo_key")
            assert (status, b"must be UTF-8" in body) == (400, True), (target, status, body[:300], sandbox.log_tail())
        status, body = raw_get(port, b"/sandbox/pay/sbp_%FF", "")
        assert status == 400 and b"UTF-8" in body, (status, body[:300])
    finally:
        sandbox.stop()
