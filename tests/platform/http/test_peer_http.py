"""Kassa's HTTP to a fixed peer (the payment provider): the environment's proxy settings still apply though they are
read once. (The provider's own callbacks: sandbox/tests/test_merchant_http.py.)"""

from __future__ import annotations

import socket
import threading
from typing import Callable

import pytest

from app.platform.http.peer import PeerError, PeerSession, connection_dropped, environment_for, never_connected
from tests.conftest import free_port


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


def test_a_peer_refusing_the_connection_was_never_reached(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with pytest.raises(PeerError) as refused:
        PeerSession().get(f"http://127.0.0.1:{free_port()}/sandbox/api/payments", timeout=5)

    assert never_connected(refused.value) and not connection_dropped(refused.value)


def test_a_peer_hanging_up_without_an_answer_dropped_the_connection(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    peer = RawServer(lambda _head: None)
    try:
        with pytest.raises(PeerError) as dropped:
            PeerSession().post(f"http://127.0.0.1:{peer.port}/sandbox/api/payments", json={"amount": 1}, timeout=5)
    finally:
        peer.close()

    # Sent, so it may have acted; a second try on a new connection is what the adapter does next.
    assert connection_dropped(dropped.value) and not never_connected(dropped.value)
    assert peer.heads[0].startswith("POST /sandbox/api/payments HTTP/1.1")


def test_a_peer_answering_too_late_neither_dropped_nor_refused(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    late = threading.Event()
    peer = RawServer(lambda _head: late.wait(5) and None)
    try:
        with pytest.raises(PeerError) as timed_out:
            PeerSession().get(f"http://127.0.0.1:{peer.port}/sandbox/api/payments", timeout=0.2)
    finally:
        late.set()
        peer.close()

    assert timed_out.value.kind == "ReadTimeoutError"
    assert not connection_dropped(timed_out.value) and not never_connected(timed_out.value)


def test_the_answer_is_read_whole_as_json(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    peer = RawServer(ok(b'{"id": "pay_1", "status": "pending"}'))
    try:
        answer = PeerSession().get(f"http://127.0.0.1:{peer.port}/sandbox/api/payments/pay_1", timeout=5)
    finally:
        peer.close()

    assert (answer.status_code, answer.json()) == (200, {"id": "pay_1", "status": "pending"})
