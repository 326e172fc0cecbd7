"""The order stream process (the Procfile's ``stream``: uvicorn) as a real process: many
shoppers wait on one process, each told of its own order's payment at once, a wrong secret learns nothing,
and the hosted order page opens its stream there when STREAM_PUBLIC_URL says so."""

from __future__ import annotations

import json
import time

import pytest
import requests

from tests.conftest import free_port, wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay
from tests.support.sse_client import open_stream, order_row_gone, read_until
from tests.support.stream_process import start_stream_process

WAITING = 200


@pytest.fixture(scope="module")
def stream_server(app, tmp_path_factory):
    """The Procfile's stream process on the test database and Redis."""
    # Many shoppers of a few orders, all on loopback: caps of their own (tests/web/streams/test_stream_caps.py).
    service, url = start_stream_process(
        tmp_path_factory, STREAM_CAP_PER_ORDER=str(WAITING), STREAM_CAP_PER_ADDRESS=str(WAITING + 50)
    )
    yield url
    service.stop()


def test_one_process_holds_many_waiting_shoppers_and_tells_each_of_its_own_payment(
    api, catalog, sandbox, stream_server
):
    orders = [create_order(api, catalog["sku"]) for _ in range(3)]
    payer = orders[0]
    waiting = [open_stream(stream_server, orders[i % len(orders)])[0] for i in range(WAITING)]
    try:
        assert requests.get(f"{stream_server}/healthz", timeout=5).json()["open_streams"] >= WAITING
        payment = pay(api, payer["id"])
        time.sleep(0.3)  # the payer's streams announce "paying"; the others stay quiet
        started = time.monotonic()
        sandbox.simulate(payment["provider_reference"], "succeeded")
        for sock in waiting[:: len(orders)]:  # every stream of the paid order hears of it, and ends
            told = read_until(sock, b"event: end")
            assert b'"status":"paid"' in told and b'"reason":"decided"' in told
        assert time.monotonic() - started < 5
        for sock in [s for i, s in enumerate(waiting) if i % len(orders)][:5]:  # the others' stay quiet
            sock.settimeout(0.2)
            with pytest.raises(TimeoutError):
                sock.recv(4096)
    finally:
        for sock in waiting:
            sock.close()
    wait_for(lambda: requests.get(f"{stream_server}/healthz", timeout=5).json()["open_streams"] == 0, 10)


def test_a_wrong_secret_or_path_learns_nothing(api, catalog, stream_server):
    order = create_order(api, catalog["sku"])
    wrong = requests.get(
        f"{stream_server}/api/v1/orders/{order['id']}/stream", params={"client_secret": "nope"}, timeout=5
    )
    assert wrong.status_code == 404 and wrong.json()["error"]["code"] == "resource_missing"
    assert requests.get(f"{stream_server}/api/v1/orders", timeout=5).status_code == 404
    # The secret is checked in the stream's first read, watched for changes from before it: a refused caller
    # leaves nothing waiting behind.
    wait_for(lambda: requests.get(f"{stream_server}/healthz", timeout=5).json()["open_streams"] == 0, 10)


def test_the_hosted_order_page_opens_its_stream_on_the_stream_process(
    app, client, api, catalog, sandbox, stream_server
):
    order = create_order(api, catalog["sku"])
    pay(api, order["id"])
    app.config["STREAM_PUBLIC_URL"] = stream_server
    try:
        page = client.get(f"/checkout/orders/{order['id']}", query_string={"client_secret": order["client_secret"]})
    finally:
        app.config["STREAM_PUBLIC_URL"] = ""
    assert f'data-order-stream="{stream_server}/api/v1/orders/{order["id"]}/stream?client_secret=' in page.get_data(
        as_text=True
    )
    with requests.get(
        f"{stream_server}/api/v1/orders/{order['id']}/stream",
        params={"client_secret": order["client_secret"]},
        stream=True,
        timeout=5,
    ) as stream:
        assert stream.headers["Content-Type"] == "text/event-stream"
        data = next(line for line in stream.iter_lines(chunk_size=1, decode_unicode=True) if line.startswith("data: "))
    assert json.loads(data.removeprefix("data: "))["status"] == "paying"  # what the page's script reads


def test_a_query_the_web_route_refuses_is_refused_the_same_way(client, api, catalog, stream_server):
    # The stream process took the first client_secret of two, read %FF as U+FFFD and a NUL as text, so a client
    # got a stream (or a 404) where the web route, serving the same URL, said 400 and why.
    order = create_order(api, catalog["sku"])
    path = f"/api/v1/orders/{order['id']}/stream"
    secret = order["client_secret"]
    for query in (
        f"client_secret={secret}&client_secret=nope",
        f"client_secret=nope&client_secret={secret}",
        f"client_secret={secret}&client_secret={secret}",
        "client_secret=%FF",
        f"client_secret={secret}%00",
        f"client_secret={secret}&x=caf%E9",
    ):
        web = client.get(f"{path}?{query}")
        with requests.get(f"{stream_server}{path}?{query}", stream=True, timeout=5) as streamed:
            assert web.status_code == 400, (query, web.status_code)
            assert streamed.status_code == 400, (query, streamed.status_code)
            assert streamed.headers["Content-Type"] == "application/json"
            said, web_said = streamed.json()["error"], web.json["error"]
        assert (said["code"], said.get("param"), said["message"]) == (
            web_said["code"],
            web_said.get("param"),
            web_said["message"],
        ), query
    wait_for(lambda: requests.get(f"{stream_server}/healthz", timeout=5).json()["open_streams"] == 0, 10)


def test_a_stream_whose_order_vanished_ends_cleanly(app, api, catalog, stream_server):
    order = create_order(api, catalog["sku"])
    sock, _ = open_stream(stream_server, order)
    try:
        time.sleep(0.5)
        order_row_gone(app, order["id"])
        told = read_until(sock, b"event: end", timeout=8)  # within a re-read of all watched orders, not 15 s
    finally:
        sock.close()
    assert b'"reason":"gone"' in told
    gone = requests.get(
        f"{stream_server}/api/v1/orders/{order['id']}/stream",
        params={"client_secret": order["client_secret"]},
        timeout=5,
    )
    assert gone.status_code == 404


def test_a_stream_opened_while_the_database_is_down_is_a_503_that_says_so(tmp_path_factory):
    """The web route answers a database outage with a 503 and when to try again; the stream process closed the
    connection without a word (and logged a traceback), so a page could not tell an outage from a broken server."""
    service, url = start_stream_process(
        tmp_path_factory, database_url=f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/kassa"
    )
    try:
        answer = requests.get(
            f"{url}/api/v1/orders/ord_01abc/stream",
            params={"client_secret": "ord_01abc_secret"},
            headers={"Origin": "https://shop.example"},
            timeout=30,
        )
    finally:
        service.stop()
    assert answer.status_code == 503 and answer.headers["Retry-After"] == "5"
    assert answer.headers["Access-Control-Allow-Origin"] == "https://shop.example"  # the page can read why
    error = answer.json()["error"]
    assert error["code"] == "service_unavailable" and "try again in a moment" in error["message"]
