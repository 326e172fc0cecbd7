"""Issue 54's attack on real processes: one address opens many order streams (N sockets; 1,000 with
KASSA_STREAM_SOCKETS=1000, 200 by default) the way a script would, through the web route and wherever it points.
The web (gunicorn, as the Procfile runs it) must stay free: ``/healthz``, a checkout page and a provider callback
each answer within a second while the sockets are open; the stream process (uvicorn) holds the address's cap of
streams and answers the rest 429; and a shopper on another address still hears, pushed, that the order was paid.

Before, each stream held one of the web's 32 threads (2 workers × 16) for ORDER_STREAM_SECONDS: the web stopped
answering until they ended."""

from __future__ import annotations

import json
import os
import selectors
import socket
import time
from urllib.parse import urlsplit

import pytest
import requests

from tests.conftest import DATABASE_URL, free_port, wait_for
from tests.faults.conftest import KassaApi
from tests.support.processes import Service, http_answers, kassa_environment
from tests.support.provider_api import signed_callback
from tests.support.sse_client import read_until

pytestmark = [pytest.mark.faults, pytest.mark.postgres_only]

SOCKETS = int(os.environ.get("KASSA_STREAM_SOCKETS", "200"))
ATTACKER = "127.0.0.2"  # one address, not the shopper's (127.0.0.1)
PER_ADDRESS = 50  # the default caps (app/config.py)
PER_ORDER = 5
ORDERS = 20  # the attacker's orders: 20 × 5 per order > 50 per address, so the address's cap is the one met
ANSWER_WITHIN = 1.0


@pytest.fixture(scope="module")
def stack(harness, tmp_path_factory):
    """The Procfile's web and stream processes, as `make run` starts them (STREAM_PUBLIC_URL set), on the
    harness's database, Redis and provider (its worker runs their jobs); their base URLs."""
    log_dir = tmp_path_factory.mktemp("stream-sockets")
    kassa_port, stream_port = free_port(), free_port()
    stream_url = f"http://127.0.0.1:{stream_port}"
    env = kassa_environment(
        database_url=DATABASE_URL,
        redis_url=harness.redis.url(),
        var_dir=log_dir / "var",
        kassa_port=kassa_port,
        sandbox_port=urlsplit(harness.sandbox_url).port,
        sandbox_url=harness.proxy.url,
        STREAM_PORT=str(stream_port),
        STREAM_PUBLIC_URL=stream_url,
        DB_POOL_SIZE="2",
        DB_MAX_OVERFLOW="30",
    )
    web_url = f"http://127.0.0.1:{kassa_port}"
    web = Service.from_procfile("web", env, log_dir, ready=http_answers(f"{web_url}/healthz"))
    stream = Service.from_procfile("stream", env, log_dir, ready=http_answers(f"{stream_url}/healthz"))
    web.start()
    stream.start()
    yield web_url, stream_url, stream
    stream.stop()
    web.stop()


def _ask(url: str, target: str) -> socket.socket:
    parts = urlsplit(url)
    sock = socket.create_connection((parts.hostname, parts.port), timeout=10, source_address=(ATTACKER, 0))
    sock.sendall(
        f"GET {target} HTTP/1.1\r\nHost: {parts.netloc}\r\nOrigin: https://evil.example\r\n"
        "Accept: text/event-stream\r\n\r\n".encode()
    )
    return sock


def _heads(socks: list[socket.socket], seconds: float) -> list[bytes | None]:
    """Each socket's answer up to the end of its head (None: no whole head within ``seconds``, all together)."""
    got = {sock: b"" for sock in socks}
    with selectors.DefaultSelector() as selector:
        for sock in socks:
            sock.setblocking(False)
            selector.register(sock, selectors.EVENT_READ)
        pending, deadline = len(socks), time.monotonic() + seconds
        while pending and (left := deadline - time.monotonic()) > 0:
            for key, _ in selector.select(min(left, 0.5)):
                try:
                    chunk = key.fileobj.recv(65536)
                except BlockingIOError:
                    continue
                got[key.fileobj] += chunk
                if b"\r\n\r\n" in got[key.fileobj] or not chunk:
                    selector.unregister(key.fileobj)
                    pending -= 1
    return [got[sock] if b"\r\n\r\n" in got[sock] else None for sock in socks]


def _status(head: bytes | None) -> int | None:
    return None if head is None else int(head.split(b" ", 2)[1])


def _header(head: bytes, name: str) -> str:
    for line in head.decode("latin-1").split("\r\n")[1:]:
        key, _, value = line.partition(":")
        if key.strip().lower() == name:
            return value.strip()
    raise AssertionError(f"no {name} in {head!r}")


def _timed(method: str, url: str, **kw) -> tuple[int | None, float]:
    """The answer's status and how long it took (None: no answer within 5 s)."""
    started = time.monotonic()
    try:
        status = requests.request(method, url, timeout=5, **kw).status_code
    except requests.RequestException:
        status = None
    return status, time.monotonic() - started


def _rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def test_a_thousand_stream_sockets_from_one_address_stall_nothing(app, faults, merchant, catalog, stack):
    web_url, stream_url, stream_service = stack
    shop = KassaApi(web_url, merchant.secret_key)
    targets = []
    for _ in range(ORDERS):
        order = shop.create_order(catalog["sku"], customer="cus_crowd")
        targets.append(f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}")

    # The shopper waits on its order's stream, found through the web route as the SDK finds it.
    mine = shop.create_order(catalog["sku"], customer="cus_shopper")
    started = shop.post(f"/orders/{mine['id']}/pay", {"channel": "sandbox_card"})
    assert started.status_code == 200, started.text
    shopper = requests.get(
        f"{web_url}/api/v1/orders/{mine['id']}/stream",
        params={"client_secret": mine["client_secret"]},
        headers={"Origin": "https://shop.example"},
        stream=True,
        timeout=10,
    )
    assert shopper.status_code == 200
    shopper_lines = shopper.iter_lines(chunk_size=1, decode_unicode=True)
    first = next(line for line in shopper_lines if line.startswith("data: "))
    assert json.loads(first.removeprefix("data: "))["status"] == "paying"

    # The crowd: N requests on the web route from one address, each followed to where it points.
    crowd_started = time.monotonic()
    asked = [_ask(web_url, targets[i % ORDERS]) for i in range(SOCKETS)]
    web_heads = _heads(asked, 10)
    held: list[socket.socket] = []
    try:
        # Before, the web's answers were the streams themselves (the first 32), the rest waiting for a thread:
        # all of them stay held. Now each is a redirect, followed on a socket of its own.
        redirects = [head for head in web_heads if _status(head) == 307]
        for sock, head in zip(asked, web_heads):
            if _status(head) == 307:
                sock.close()
            else:
                held.append(sock)
        followed = [
            _ask(stream_url, urlsplit(_header(head, "location"))._replace(scheme="", netloc="").geturl())
            for head in redirects
        ]
        held.extend(followed)
        stream_heads = _heads(followed, 15)
        crowd_seconds = time.monotonic() - crowd_started
        statuses = [_status(head) for head in stream_heads]
        opened, refused = statuses.count(200), statuses.count(429)

        # While they are open: the web answers its health check, a checkout page and a provider callback at once.
        health = _timed("GET", f"{web_url}/healthz")
        page = _timed("GET", f"{web_url}/checkout/{catalog['product']}")
        approved = faults.provider.decide(faults.provider.payment_for(started.json()["payment"]["id"])["id"])
        body, headers = signed_callback(approved)
        callback = _timed("POST", f"{web_url}/hooks/channels/sandbox_card", data=body, headers=headers)
        stream_health = requests.get(f"{stream_url}/healthz", timeout=5).json()
        rss_kb = _rss_kb(stream_service.process.pid)

        # And the shopper hears of the payment, pushed.
        told = ""
        for line in shopper_lines:
            told += line + "\n"
            if line.startswith('data: {"reason"'):  # the end event's data
                break
        shopper.close()
    finally:
        for sock in held:
            sock.close()
    print(
        f"\n{SOCKETS} sockets from {ATTACKER} in {crowd_seconds:.2f} s: {len(redirects)} redirected by the web,"
        f" {opened} streams held, {refused} refused"
        f" (429); web /healthz {health[1] * 1000:.0f} ms, checkout page {page[1] * 1000:.0f} ms,"
        f" provider callback {callback[1] * 1000:.0f} ms; stream process: {stream_health['open_streams']} open,"
        f" RSS {rss_kb / 1024:.1f} MB"
    )
    assert (health[0], page[0], callback[0]) == (200, 200, 200), (health, page, callback)
    assert shopper.url.startswith(stream_url), shopper.url  # the web route pointed the shopper there
    assert len(redirects) == SOCKETS, sorted({_status(head) for head in web_heads}, key=str)
    for name, (_, took) in (("/healthz", health), ("checkout page", page), ("provider callback", callback)):
        assert took < ANSWER_WITHIN, f"{name} took {took:.2f} s"
    assert opened == PER_ADDRESS and refused == SOCKETS - PER_ADDRESS, statuses
    refusal = next(head for head in stream_heads if _status(head) == 429)
    assert _header(refusal, "retry-after") == "5"
    assert '"status":"paid"' in told and '"reason":"decided"' in told, told
    wait_for(lambda: requests.get(f"{stream_url}/healthz", timeout=5).json()["open_streams"] == 0, 10)


def test_an_order_holds_at_most_its_cap_of_streams(faults, merchant, catalog, stack):
    web_url, stream_url, _ = stack
    order = KassaApi(web_url, merchant.secret_key).create_order(catalog["sku"], customer="cus_tabs")
    target = f"/api/v1/orders/{order['id']}/stream?client_secret={order['client_secret']}"
    socks = [_ask(stream_url, target) for _ in range(PER_ORDER + 2)]
    try:
        heads = _heads(socks, 10)
        statuses = [_status(head) for head in heads]
        assert statuses.count(200) == PER_ORDER and statuses.count(429) == 2, statuses
        refused = statuses.index(429)
        said = heads[refused]
        if not said.endswith(b"}}"):  # the body came after the head
            said += read_until(socks[refused], b"}}")
        error = json.loads(said.partition(b"\r\n\r\n")[2])["error"]
        assert error["code"] == "too_many_streams" and "of this order (at most 5)" in error["message"], error
    finally:
        for sock in socks:
            sock.close()
