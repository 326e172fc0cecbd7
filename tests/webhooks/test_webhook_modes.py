"""Webhook endpoints are test or live, like the key that made them. Endpoints were one set for both modes, so a
test secret key (the kind that leaks from CI configs) could add an endpoint that then heard live orders and their
customers' emails, or re-point, disable, roll or delete the endpoint a merchant's server hears live ``order.paid``
on. Now each endpoint hears only its mode's events and only its mode's keys see it."""

from __future__ import annotations

from typing import Iterator

import pytest

from tests.support.lifecycle import paid_order
from tests.support.webhook_receiver import Receiver
from tests.web.api.test_livemode import CUSTOMER, credit, live_key, order_body


@pytest.fixture(scope="module")
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    server.server.start()
    yield server
    server.server.stop()


@pytest.fixture
def live(app, client, merchant):
    return live_key(app, client, merchant, "secret")


def register(key, receiver: Receiver, path: str, events: list[str]):
    """An endpoint made with ``key`` at the receiver's ``path``; the hook verifies with its secret."""
    hook = receiver.hook(path)
    made = key.post("/webhook_endpoints", json={"url": f"{receiver.url}{path}", "events": events})
    assert made.status_code == 201, made.json
    hook.secret = made.json["secret"]
    return hook, made.json


def live_paid_order(app, merchant, live, sku: str) -> dict:
    """A live order paid from the customer's live wallet (the only live channel this installation has)."""
    credit(app, merchant.id, True, 5000)
    order = live.post("/orders", json=order_body(sku)).json
    assert live.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).json["payment"]["status"] == "succeeded"
    return order


def paid_events(hook) -> dict[str, bool]:
    """The orders whose ``order.paid`` the hook accepted, with the mode each event said."""
    return {e["data"]["object"]["id"]: e["livemode"] for e in hook.accepted if e["type"] == "order.paid"}


def test_a_test_keys_endpoint_hears_test_orders_and_never_a_live_one(
    app, api, live, merchant, catalog, sandbox, receiver, worker
):
    test_hook, test_endpoint = register(api, receiver, "/modes-test", ["*"])
    live_hook, live_endpoint = register(live, receiver, "/modes-live", ["*"])

    test_order = paid_order(api, sandbox, catalog["sku"])
    live_order = live_paid_order(app, merchant, live, catalog["sku"])
    worker()

    assert paid_events(test_hook) == {test_order["id"]: False}
    assert paid_events(live_hook) == {live_order["id"]: True}
    assert {e["livemode"] for e in test_hook.accepted} == {False}
    assert {e["livemode"] for e in live_hook.accepted} == {True}
    assert live_order["id"] not in str(test_hook.accepted) and CUSTOMER not in str(test_hook.accepted)
    assert test_hook.rejected == [] and live_hook.rejected == []
    assert (test_endpoint["livemode"], live_endpoint["livemode"]) == (False, True)

    # Sending an event again (the order page's Replay) reaches its own mode's endpoints only.
    from app.extensions import db
    from app.platform.outbox.events import Event
    from app.webhooks.fanout import replay_event

    with app.app_context():
        event_id = db.session.scalar(
            db.select(Event.id).where(Event.order_id == live_order["id"], Event.type == "order.paid")
        )
        sent = replay_event(merchant.id, event_id)
    assert [url for url, _ in sent] == [f"{receiver.url}/modes-live"]
    assert len(live_hook.accepted) > 0 and [e["id"] for e in live_hook.accepted].count(event_id) == 2
    assert event_id not in [e["id"] for e in test_hook.accepted]


def test_a_test_key_cannot_see_or_change_a_live_endpoint_which_keeps_receiving(
    app, api, live, merchant, catalog, receiver, worker
):
    live_hook, endpoint = register(live, receiver, "/modes-guarded", ["order.paid"])
    endpoint_id = endpoint["id"]

    assert endpoint_id not in [e["id"] for e in api.get("/webhook_endpoints").json["data"]]
    attempts = [
        api.get(f"/webhook_endpoints/{endpoint_id}"),
        api.post(f"/webhook_endpoints/{endpoint_id}", json={"url": f"{receiver.url}/stolen"}),
        api.post(f"/webhook_endpoints/{endpoint_id}", json={"enabled": False}),
        api.post(f"/webhook_endpoints/{endpoint_id}/roll_secret", json={"overlap_hours": 0}),
        api.post(f"/webhook_endpoints/{endpoint_id}/test", json={}),
        api.delete(f"/webhook_endpoints/{endpoint_id}"),
    ]
    assert [r.status_code for r in attempts] == [404] * 6
    assert {r.json["error"]["code"] for r in attempts} == {"resource_missing"}

    shown = live.get(f"/webhook_endpoints/{endpoint_id}").json
    assert (shown["url"], shown["enabled"], shown["previous_secret_expires_at"]) == (
        f"{receiver.url}/modes-guarded",
        True,
        None,
    )
    assert endpoint_id in [e["id"] for e in live.get("/webhook_endpoints").json["data"]]

    order = live_paid_order(app, merchant, live, catalog["sku"])
    worker()
    assert paid_events(live_hook) == {order["id"]: True}  # signed with the secret made at creation: never rolled
    assert live_hook.rejected == []

    # Its own mode's key still manages it; a sample sent to it is a live-mode sample.
    sample = live.post(f"/webhook_endpoints/{endpoint_id}/test", json={}).json["event"]
    assert (sample["livemode"], sample["data"]["object"]["livemode"], sample["test_webhook"]) == (True, True, True)
    assert live.delete(f"/webhook_endpoints/{endpoint_id}").json["deleted"] is True


def test_the_cli_trigger_reaches_test_endpoints_only(app, api, live, merchant, receiver, worker):
    from app.cli.event_triggers import trigger_event

    test_hook, _ = register(api, receiver, "/modes-trigger-test", ["settlement.paid"])
    live_hook, _ = register(live, receiver, "/modes-trigger-live", ["settlement.paid"])
    with app.app_context():
        trigger_event(merchant.id, "settlement.paid")
    worker()
    assert [(e["type"], e["livemode"]) for e in test_hook.accepted] == [("settlement.paid", False)]
    assert live_hook.accepted == []


def test_news_about_a_live_channel_reaches_live_endpoints(app, api, live, merchant, receiver, worker):
    """Channel settings are one for both modes and events about them named no order, so they were test events;
    with endpoints per mode a live endpoint would have stopped hearing that a live channel changed."""
    from app.payments.channels.configs import configure_channel

    test_hook, _ = register(api, receiver, "/modes-channels-test", ["*"])  # the type is not one to subscribe to alone
    live_hook, _ = register(live, receiver, "/modes-channels-live", ["*"])
    with app.app_context():
        configure_channel(merchant.id, "wallet", display_name="Store credit")
        configure_channel(merchant.id, "sandbox_card", display_name="Test card")
    worker()

    def changed(hook) -> list[str]:
        return [e["data"]["object"]["code"] for e in hook.accepted if e["type"] == "channel_config.updated"]

    assert changed(live_hook) == ["wallet"]
    assert changed(test_hook) == ["sandbox_card"]
