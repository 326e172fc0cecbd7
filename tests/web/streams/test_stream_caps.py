"""The stream process caps its open streams per order, per client address and in total (app/web/streams/caps.py):
past a cap the caller hears ``429 too_many_streams`` with ``Retry-After``, readable by its page, and holds no
socket; a stream that ends gives its slot back. Against the Procfile's stream process, with small caps; other
addresses of 127.0.0.0/8 play other clients."""

from __future__ import annotations

import json
import time

import pytest
import requests

from app.web.streams.caps import client_address
from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order
from tests.support.sse_client import ask_for_stream, read_until
from tests.support.stream_process import start_stream_process

SHOP = "https://shop.example"
STREAM_SECONDS = 4


@pytest.fixture(scope="module")
def capped(tmp_path_factory):
    """A stream process that holds at most 2 streams per order, 3 per address and 4 in all."""
    service, url = start_stream_process(
        tmp_path_factory,
        STREAM_CAP_PER_ORDER="2",
        STREAM_CAP_PER_ADDRESS="3",
        STREAM_CAP_TOTAL="4",
        ORDER_STREAM_SECONDS=str(STREAM_SECONDS),
    )
    yield url
    service.stop()


@pytest.fixture
def streams(capped):
    """The sockets a test opened, closed after it; and none left open on the process before the next."""
    opened: list = []
    yield opened
    for sock in opened:
        sock.close()
    wait_for(lambda: requests.get(f"{capped}/healthz", timeout=5).json()["open_streams"] == 0, 10)


def _open(capped: str, streams: list, order: dict, source: str = "127.0.0.1", headers: str = "") -> bytes:
    """Ask for ``order``'s stream from ``source``: what arrived up to its first status event, or the whole
    refusal."""
    sock = ask_for_stream(capped, order, origin=SHOP, source=source, headers=headers)
    streams.append(sock)
    said = read_until(sock, b"event: status", b"}}")
    return said


def _refusal(said: bytes) -> tuple[int, dict, dict]:
    head, _, body = said.partition(b"\r\n\r\n")
    status_line, *lines = head.decode("latin-1").split("\r\n")
    headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines)}
    return int(status_line.split(" ")[1]), headers, json.loads(body)


def _assert_too_many(said: bytes, words: str) -> None:
    status, headers, body = _refusal(said)
    assert status == 429, said
    assert headers["retry-after"] == "5" and headers["access-control-allow-origin"] == SHOP
    assert body["error"]["type"] == "rate_limit_error" and body["error"]["code"] == "too_many_streams"
    assert words in body["error"]["message"], body


def test_an_order_has_at_most_its_cap_of_streams_and_a_closed_one_frees_its_slot(api, catalog, capped, streams):
    order = create_order(api, catalog["sku"])
    assert b"event: status" in _open(capped, streams, order)
    assert b"event: status" in _open(capped, streams, order, source="127.0.0.2")
    _assert_too_many(_open(capped, streams, order, source="127.0.0.3"), "of this order (at most 2)")
    streams.pop(0).close()  # a shopper's tab closed
    wait_for(lambda: requests.get(f"{capped}/healthz", timeout=5).json()["open_streams"] == 1, 10)
    assert b"event: status" in _open(capped, streams, order, source="127.0.0.3")


def test_an_address_has_at_most_its_cap_and_a_forged_forwarded_for_does_not_escape_it(api, catalog, capped, streams):
    orders = [create_order(api, catalog["sku"]) for _ in range(4)]
    for order in orders[:3]:
        assert b"event: status" in _open(capped, streams, order)
    # No proxy is trusted (TRUSTED_PROXY_COUNT=0): the socket's peer is the address, whatever the header says.
    forged = _open(capped, streams, orders[3], headers="X-Forwarded-For: 198.51.100.7\r\n")
    _assert_too_many(forged, "from your address (at most 3)")
    assert b"event: status" in _open(capped, streams, orders[3], source="127.0.0.2")  # another shopper


def test_the_process_holds_at_most_its_total(api, catalog, capped, streams):
    orders = [create_order(api, catalog["sku"]) for _ in range(5)]
    for i, order in enumerate(orders[:4]):
        assert b"event: status" in _open(capped, streams, order, source=f"127.0.0.{10 + i}")
    _assert_too_many(_open(capped, streams, orders[4], source="127.0.0.20"), "its most open streams (4)")


def test_a_stream_ends_in_time_and_its_slot_is_free_again(api, catalog, capped, streams):
    order = create_order(api, catalog["sku"])
    _open(capped, streams, order)
    _open(capped, streams, order)
    started = time.monotonic()
    told = read_until(streams[0], b"event: end", timeout=STREAM_SECONDS + 5)
    assert b'"reason":"timeout","reconnect":true' in told and time.monotonic() - started < STREAM_SECONDS + 2
    read_until(streams[1], b"event: end", timeout=5)
    wait_for(lambda: requests.get(f"{capped}/healthz", timeout=5).json()["open_streams"] == 0, 10)
    assert b"event: status" in _open(capped, streams, order)


def test_a_page_that_followed_a_redirect_across_origins_may_read_the_stream(api, catalog, capped, streams):
    """After a redirect to another origin a browser sends ``Origin: null``; the stream answers it, so the SDK's
    EventSource, sent from the merchant's page to the web's 307, can read the stream process's events."""
    order = create_order(api, catalog["sku"])
    with requests.get(
        f"{capped}/api/v1/orders/{order['id']}/stream",
        params={"client_secret": order["client_secret"]},
        headers={"Origin": "null"},
        stream=True,
        timeout=5,
    ) as answer:
        assert answer.status_code == 200 and answer.headers["Access-Control-Allow-Origin"] == "null"
        assert answer.headers["Content-Type"] == "text/event-stream"


@pytest.mark.parametrize(
    ("peer", "forwarded", "trusted", "address"),
    [
        ("10.0.0.5", "203.0.113.9", 0, "10.0.0.5"),  # no proxy trusted: the header is the client's own words
        ("10.0.0.5", "203.0.113.9", 1, "203.0.113.9"),
        ("10.0.0.5", "6.6.6.6, 203.0.113.9", 1, "203.0.113.9"),  # a forged first hop is not read
        ("10.0.0.5", "203.0.113.9, 10.0.0.4", 2, "203.0.113.9"),
        ("10.0.0.5", "203.0.113.9", 2, "10.0.0.5"),  # fewer hops than proxies: the peer, as ProxyFix does
        ("10.0.0.5", None, 1, "10.0.0.5"),
    ],
)
def test_the_client_address_is_read_as_the_web_app_reads_it(peer, forwarded, trusted, address):
    assert client_address(peer, forwarded, trusted) == address
