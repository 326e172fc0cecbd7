"""A merchant's endpoint that answers slowly: a delivery attempt never outlasts WEBHOOK_TIMEOUT_SECONDS."""

from __future__ import annotations

import socket
import threading
import time

import pytest

from tests.conftest import free_port
from tests.payments.attempts.test_payment_flow import create_order
from tests.webhooks.test_webhooks import attempts, deliveries


class TricklingReceiver:
    """Reads the request, then sends its answer (a 200) one byte at a time, each byte well within the per-read
    timeout, so the whole answer takes seconds (a slow or hostile receiver; sent for ever, it held a worker for
    ever). ``total`` bounds it, so the test ends either way."""

    def __init__(self, *, step: float, total: float) -> None:
        self.step, self.total = step, total
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/hooks"
        self.requests = 0
        self._server = socket.create_server(("127.0.0.1", self.port))
        self._stop = False
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        self._server.settimeout(0.2)
        while not self._stop:
            try:
                conn, _ = self._server.accept()
            except OSError:
                continue
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        self.requests += 1
        try:
            conn.recv(65536)
            answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n" + b"X-Pad: " + b"a" * 200 + b"\r\n\r\nok"
            started = time.monotonic()
            for byte in answer:
                if self._stop or time.monotonic() - started > self.total:
                    break
                conn.sendall(bytes([byte]))
                time.sleep(self.step)
        except OSError:
            pass
        finally:
            conn.close()

    def stop(self) -> None:
        self._stop = True
        self._server.close()


@pytest.fixture
def trickler():
    receiver = TricklingReceiver(step=0.012, total=10.0)  # a whole 200 answer, ~3 s
    yield receiver
    receiver.stop()


def test_a_receiver_that_trickles_its_answer_times_out_within_the_webhook_timeout(
    app, api, merchant, catalog, worker, trickler, monkeypatch
):
    # Each byte comes well within the per-read timeout, but the answer as a whole takes far longer than it.
    monkeypatch.setitem(app.config, "WEBHOOK_TIMEOUT_SECONDS", 1.0)
    response = api.post("/webhook_endpoints", json={"url": trickler.url, "events": ["order.created"]})
    assert response.status_code == 201, response.json
    create_order(api, catalog["sku"])

    started = time.monotonic()
    worker()  # dispatch, fan-out, the first attempt (its retry waits in the scheduler)
    elapsed = time.monotonic() - started

    [delivery] = deliveries(app, merchant.id, response.json["id"])
    [attempt] = attempts(app, merchant.id, delivery.id)
    # "No answer within WEBHOOK_TIMEOUT_SECONDS" is a failed attempt, retried later; the worker is not held.
    assert attempt.status_code is None, (attempt.status_code, attempt.error)
    assert attempt.error == "Timeout: no complete answer within 1 s"
    assert attempt.duration_ms < 2500, attempt.duration_ms
    assert delivery.status == "pending" and delivery.next_attempt_at is not None
    assert elapsed < 4.5, elapsed
