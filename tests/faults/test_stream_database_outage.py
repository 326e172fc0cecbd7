"""The database goes away under an open order stream, served by the stream process (the web process serves none:
app/web/api/stream.py), started from the Procfile and reaching PostgreSQL through a relay that the test brings down
the way a crash or a restart does (every connection closed, new ones refused). The stream's next read fails: it
ends with ``end {reason: "unavailable"}``, so the page (and the SDK) polls instead of waiting on a connection cut
without a word. Once the database is back a new stream carries on."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.conftest import DATABASE_URL, REDIS_URL, free_port
from tests.payments.attempts.test_payment_flow import create_order, pay
from tests.support.processes import Service, http_answers, kassa_environment
from tests.support.silent_link import SilentLink
from tests.support.sse_client import open_stream, read_until

pytestmark = [pytest.mark.faults, pytest.mark.postgres_only]


@pytest.fixture(scope="module")
def database_link():
    """PostgreSQL as the served processes reach it: through a relay that can go down."""
    link = SilentLink(urlsplit(DATABASE_URL).port or 5432)
    yield link
    link.close()


@pytest.fixture(scope="module")
def serving(database_link, tmp_path_factory):
    """The Procfile's ``stream`` process, its database behind ``database_link``; its base URL."""
    parts = urlsplit(DATABASE_URL)
    linked = parts._replace(netloc=f"{parts.username}@127.0.0.1:{database_link.port}").geturl()
    kassa_port, stream_port = free_port(), free_port()
    env = kassa_environment(
        database_url=linked,
        redis_url=REDIS_URL,
        var_dir=tmp_path_factory.mktemp("var"),
        kassa_port=kassa_port,
        sandbox_port=free_port(),
        STREAM_PORT=str(stream_port),
        ORDER_STREAM_SECONDS="60",
    )
    url = f"http://127.0.0.1:{stream_port}"
    service = Service.from_procfile(
        "stream", env, tmp_path_factory.mktemp("logs"), ready=http_answers(f"{url}/healthz")
    )
    service.start()
    yield url
    service.stop()


def test_a_stream_whose_database_goes_away_ends_saying_so(api, catalog, sandbox, serving, database_link):
    order = create_order(api, catalog["sku"])
    sock, opened = open_stream(serving, order)
    try:
        assert b'"status":"created"' in opened
        database_link.go_down()
        pay(api, order["id"])  # the shop's own database connection still works: the order changes, pinged
        told = read_until(sock, b"event: end", timeout=10)
        assert b'"reason":"unavailable"' in told
        sock.settimeout(5)
        rest = b""
        while chunk := sock.recv(4096):  # and the answer is over: the connection closes
            rest += chunk
        assert b"event:" not in rest
    finally:
        sock.close()
        database_link.come_back()

    again, opened = open_stream(serving, order)
    again.close()
    assert b'"status":"paying"' in opened


def test_a_stream_on_a_quiet_order_hears_of_the_outage_within_seconds(api, catalog, serving, database_link):
    """No payment wakes it: the periodic re-read meets the outage (the stream process re-reads all its orders in
    one query, which before only logged it and left each stream to find out at its next keepalive, 15 s on)."""
    order = create_order(api, catalog["sku"])
    sock, _ = open_stream(serving, order)
    try:
        database_link.go_down()
        assert b'"reason":"unavailable"' in read_until(sock, b"event: end", timeout=8)
    finally:
        sock.close()
        database_link.come_back()
