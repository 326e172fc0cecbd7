"""The provider's HTTP to merchants: the environment's proxy settings apply though they are read once, and a
callback whose kept-alive connection closed before any answer is sent again at once."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest

from sandbox import merchant_http
from sandbox.callbacks import CallbackEvent, deliver

OK = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"


class ScriptedMerchant:
    """A loopback server written on sockets, so it can misbehave: its n-th connection gets the n-th reply (None:
    the request is read and the connection closed unanswered)."""

    def __init__(self, *replies: bytes | None) -> None:
        self.heads: list[str] = []
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.address = f"127.0.0.1:{self.listener.getsockname()[1]}"
        threading.Thread(target=self._answer, args=(replies,), daemon=True).start()

    def _answer(self, replies: tuple[bytes | None, ...]) -> None:
        for reply in replies:
            connection, _ = self.listener.accept()
            with connection:
                head = b""
                while b"\r\n\r\n" not in head and (chunk := connection.recv(65536)):
                    head += chunk
                self.heads.append(head.decode("latin-1"))
                if reply is not None:
                    connection.sendall(reply)

    def close(self) -> None:
        self.listener.close()


@pytest.fixture(autouse=True)
def environment_read_anew(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    for name in ("HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy", "NO_PROXY", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    merchant_http.environment_for.cache_clear()
    yield
    merchant_http.environment_for.cache_clear()


def test_a_proxy_named_in_the_environment_carries_the_callback_unless_no_proxy_names_the_merchant(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proxy, merchant = ScriptedMerchant(OK), ScriptedMerchant(OK)
    monkeypatch.setenv("HTTP_PROXY", f"http://{proxy.address}")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    try:
        merchant_http.post("http://shop.example:8420/hooks", b"{}", {}, timeout=5)
        merchant_http.post(f"http://{merchant.address}/hooks", b"{}", {}, timeout=5)
    finally:
        proxy.close()
        merchant.close()

    assert proxy.heads[0].startswith("POST http://shop.example:8420/hooks HTTP/1.1")
    assert merchant.heads[0].startswith("POST /hooks HTTP/1.1")


def test_a_callback_whose_connection_closed_unanswered_is_sent_again_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # The merchant's server closing a kept-alive connection just as the provider reuses it looks like this: the
    # request went out, the connection ended without an answer. Waiting the retry backoff would delay the payment.
    merchant = ScriptedMerchant(None, OK)
    event = CallbackEvent(
        event_id="evt_dropped",
        payment_id="sbp_1",
        url=f"http://{merchant.address}/hooks",
        secret="whsec_x",
        body=b'{"id":"evt_dropped"}',
        recorded=False,
    )
    started = time.monotonic()
    try:
        delivered = deliver(None, event)
    finally:
        merchant.close()

    assert delivered is True
    assert time.monotonic() - started < 0.5  # the first backoff is 0.5 s: this was the immediate second try
    assert len(merchant.heads) == 2
    assert all(head.startswith("POST /hooks HTTP/1.1") for head in merchant.heads)
