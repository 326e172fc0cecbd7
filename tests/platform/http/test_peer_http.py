"""Kassa's HTTP to a fixed peer (the payment provider): the environment's proxy settings still apply though they are
read once. (The provider's own callbacks: sandbox/tests/test_merchant_http.py.)"""

from __future__ import annotations

import socket
import threading
from typing import Callable

import pytest

from app.platform.http.peer import PeerSession, environment_for


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
