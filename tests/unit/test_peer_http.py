"""HTTP to a fixed peer (the provider, and the provider's callbacks to Kassa): the environment's proxy settings
still apply though they are read once, and a connection closed before any answer is tried again at once."""
from __future__ import annotations

import socket
import threading
import time
from typing import Callable

import pytest

from app.platform.http.peer import PeerSession, environment_for
from sandbox.callbacks import CallbackEvent, deliver


class RawServer:
    """A loopback HTTP server written on sockets, so it can misbehave: each accepted connection is handled by the
    next function of ``script`` (given the request's head, returning the bytes to answer, or None to hang up)."""

    def __init__(self, *script) -> None:
        self.script = list(script)
        self.heads: list[str] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        for answer in self.script:
            connection, _ = self.listener.accept()
            with connection:
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = connection.recv(65536)
                    if not chunk:
                        break
                    head += chunk
                self.heads.append(head.decode("latin-1"))
                reply = answer(head)
                if reply is not None:
                    connection.sendall(reply)

    def close(self) -> None:
        self.listener.close()


def ok(body: bytes) -> Callable[[bytes], bytes]:
    return lambda _head: b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s" % (len(body), body)


@pytest.fixture(autouse=True)
def fresh_environment():
    environment_for.cache_clear()
    yield
    environment_for.cache_clear()


def test_a_proxy_named_in_the_environment_carries_the_call(monkeypatch):
    proxy = RawServer(ok(b"through the proxy"))
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", f"http://127.0.0.1:{proxy.port}")
    try:
        answer = PeerSession().get("http://provider.example:8420/sandbox/api/payments", timeout=5)
    finally:
        proxy.close()

    assert answer.text == "through the proxy"
    assert proxy.heads[0].startswith("GET http://provider.example:8420/sandbox/api/payments HTTP/1.1")


def test_no_proxy_sends_the_call_straight_to_the_peer(monkeypatch):
    peer = RawServer(ok(b"straight"))
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there: using it would fail
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    try:
        answer = PeerSession().get(f"http://127.0.0.1:{peer.port}/health", timeout=5)
    finally:
        peer.close()

    assert answer.text == "straight"
    assert peer.heads[0].startswith("GET /health HTTP/1.1")


def test_a_callback_whose_connection_closed_unanswered_is_sent_again_at_once(monkeypatch):
    # The merchant's server closing a kept-alive connection just as the provider reuses it looks like this: the
    # request went out, the connection ended without an answer. Waiting the retry backoff would delay the payment.
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    merchant = RawServer(lambda _head: None, ok(b"{}"))
    event = CallbackEvent(event_id="evt_dropped", payment_id="sbx_pay_1",
                          url=f"http://127.0.0.1:{merchant.port}/hooks/channels/sandbox_card", secret="whsec_x",
                          body=b'{"id":"evt_dropped"}', recorded=False)
    started = time.monotonic()
    try:
        delivered = deliver(None, event)
    finally:
        merchant.close()

    assert delivered is True
    assert time.monotonic() - started < 0.5  # the first backoff is 0.5 s: this was the immediate second try
    assert len(merchant.heads) == 2
    assert all(head.startswith("POST /hooks/channels/sandbox_card HTTP/1.1") for head in merchant.heads)
