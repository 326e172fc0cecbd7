"""SSRF (issue 8, item 7): merchant-chosen URLs Kassa calls — webhook endpoints and fulfilment webhooks —
cannot reach this machine, its private networks, link-local (cloud metadata), multicast or unspecified
addresses; refused when registered, and again when sending, on the address the name resolves to then.
OUTBOUND_ALLOWED_NETWORKS lets a local receiver in (the suite's own receivers use it)."""

from __future__ import annotations

import pytest

from tests.payments.attempts.test_payment_flow import create_order
from tests.webhooks.test_webhooks import _receiver_server, attempts, deliveries, receiver, worker  # noqa: F401

REFUSED = [
    ("http://127.0.0.1:8080/hooks", "loopback"),
    ("http://127.9.9.9/hooks", "loopback"),
    ("http://localhost:5000/hooks", "loopback"),
    ("http://api.localhost/hooks", "loopback"),
    ("http://[::1]/hooks", "loopback"),
    ("http://[::ffff:127.0.0.1]/hooks", "loopback"),
    ("http://10.1.2.3/hooks", "private"),
    ("http://172.16.0.1/hooks", "private"),
    ("http://192.168.1.1/hooks", "private"),
    ("http://[fd00::1]/hooks", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local"),
    ("http://[fe80::1]/hooks", "link-local"),
    ("http://224.0.0.1/hooks", "multicast"),
    ("http://0.0.0.0:5000/hooks", "unspecified"),
    # Shared address space (RFC 6598, 100.64.0.0/10): not private to Python's ipaddress, but not public either;
    # Alibaba Cloud's instance metadata answers at 100.100.100.200, and carrier-grade NAT hides hosts there.
    ("http://100.100.100.200/latest/meta-data/", "not a public"),
    ("http://100.64.0.1/hooks", "not a public"),
    # 6to4 (2002::/16) embeds an IPv4 address: 2002:a9fe:a9fe:: is 169.254.169.254, 2002:7f00:1:: is 127.0.0.1.
    ("http://[2002:a9fe:a9fe::]/latest/meta-data/", "link-local"),
    ("http://[2002:7f00:1::]/hooks", "loopback"),
    # IPv6 site-local (fec0::/10): deprecated, yet routed inside some networks, and public to Python's ipaddress.
    ("http://[fec0::1]/hooks", "site-local"),
    ("http://[feff::1]/hooks", "site-local"),
    # A name written with its root dot is the same name: localhost. is this machine.
    ("http://localhost./hooks", "loopback"),
    ("http://api.localhost./hooks", "loopback"),
]


@pytest.fixture
def no_allow_list(app, monkeypatch) -> None:
    """Production's default: no network is allowed beyond the public internet."""
    monkeypatch.setitem(app.config, "OUTBOUND_ALLOWED_NETWORKS", "")


@pytest.mark.parametrize("url, kind", REFUSED)
def test_internal_addresses_are_refused_when_registered(api, no_allow_list, url, kind):
    endpoint = api.post("/webhook_endpoints", json={"url": url, "events": ["*"]})
    assert endpoint.status_code == 400, endpoint.json
    error = endpoint.json["error"]
    assert (error["code"], error["param"]) == ("url_not_allowed", "url") and kind in error["message"]
    product = api.post(
        "/products",
        json={
            "name": "Gold",
            "skus": [
                {"name": "100 coins", "price": {"amount": 199, "currency": "usd"}, "fulfilment": {"webhook_url": url}}
            ],
        },
    )
    assert product.status_code == 400 and product.json["error"]["param"] == "fulfilment.webhook_url"
    assert kind in product.json["error"]["message"]
    assert api.get("/webhook_endpoints").json["data"] == [] and api.get("/products").json["data"] == []


def test_public_addresses_and_names_are_accepted_without_sending_anything(api, no_allow_list):
    for url in ("https://93.184.215.14/hooks", "https://merchant.example/hooks"):  # the name does not resolve here
        assert api.post("/webhook_endpoints", json={"url": url, "events": ["*"]}).status_code == 201


def test_an_allowed_network_lets_a_local_receiver_in_and_the_name_is_kept_in_the_host_header(
    app, api, merchant, catalog, receiver, worker
):
    port = receiver.url.rsplit(":", 1)[1]
    hook = receiver.hook("/local")
    created = api.post(
        "/webhook_endpoints", json={"url": f"http://localhost:{port}/local", "events": ["order.created"]}
    )
    assert created.status_code == 201
    hook.secret = created.json["secret"]
    create_order(api, catalog["sku"])
    worker()
    assert [e["type"] for e in hook.accepted] == ["order.created"]
    assert hook.hosts == [f"localhost:{port}"]  # connected to the checked address, addressed by name


def test_sending_checks_the_address_again_and_sends_nothing_to_a_refused_one(
    app, api, merchant, catalog, receiver, worker, monkeypatch
):
    # Registered while allowed (or: a public name whose DNS now answers 127.0.0.1 — rebinding).
    port = receiver.url.rsplit(":", 1)[1]
    hook = receiver.hook("/rebound")
    created = api.post(
        "/webhook_endpoints", json={"url": f"http://localhost:{port}/rebound", "events": ["order.created"]}
    )
    assert created.status_code == 201
    hook.secret = created.json["secret"]
    monkeypatch.setitem(app.config, "OUTBOUND_ALLOWED_NETWORKS", "")
    create_order(api, catalog["sku"])
    worker(max_jobs=10)

    assert hook.hosts == []  # not one byte reached the receiver
    [delivery] = deliveries(app, merchant.id, created.json["id"])
    [first, *_] = attempts(app, merchant.id, delivery.id)
    assert first.status_code is None and "127.0.0.1 is a loopback address" in first.error
    assert delivery.status == "pending"  # retried later, in case the operator allows it or DNS changes back


def test_a_fulfilment_webhook_is_checked_again_when_sent(app, api, catalog, sandbox, worker, monkeypatch):
    from tests.payments.attempts.test_payment_flow import status_of
    from tests.support.lifecycle import ReceiverServer, paid_order, set_fulfilment

    server = ReceiverServer(status=200)
    try:
        set_fulfilment(app, catalog["sku"], {"webhook_url": server.receiver.url})  # stored while allowed
        monkeypatch.setitem(app.config, "OUTBOUND_ALLOWED_NETWORKS", "")
        order = paid_order(api, sandbox, catalog["sku"])
        worker()
        assert server.receiver.received == []  # nothing sent to loopback
        assert status_of(api, order["id"]) == "paid"  # not fulfilled; retried, then compensated as any failure
        from app.extensions import db
        from app.orders.fulfilment_models import OrderFulfilment

        with app.app_context():
            progress = db.session.get(OrderFulfilment, order["id"])
            assert progress.attempts == 1 and "127.0.0.1 is a loopback address" in progress.last_error
    finally:
        server.stop()
