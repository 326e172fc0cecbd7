"""A merchant's server may answer a webhook delivery with what it was sent (or an error quoting it); Kassa keeps
an excerpt of every answer for the portal's delivery history. An erasure takes the customer's data out of those
excerpts too, and the history (when, which status) stays."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ServerThread, free_port
from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, STAYS, STAYS_EMAIL, order_for


def _echo(environ, start_response):
    """A merchant server that answers each delivery with its body, as some frameworks' error pages do."""
    body = environ["wsgi.input"].read(int(environ.get("CONTENT_LENGTH") or 0))
    start_response("422 Unprocessable Entity", [("Content-Type", "application/json")])
    return [b'{"error": "could not handle", "received": ' + body + b"}"]


@pytest.fixture
def echo_server():
    server = ServerThread(_echo, free_port())
    server.start()
    yield server.url
    server.stop()


def _answers(app, merchant_id: str) -> list[tuple[int, str]]:
    from sqlalchemy import select

    from app.extensions import db
    from app.webhooks.models import WebhookDeliveryAttempt

    with app.app_context():
        return [
            (row.status_code, row.response_excerpt or "")
            for row in db.session.scalars(
                select(WebhookDeliveryAttempt)
                .where(WebhookDeliveryAttempt.merchant_id == merchant_id)
                .order_by(WebhookDeliveryAttempt.at)
            )
        ]


def test_the_answers_kept_of_webhook_deliveries_lose_the_erased_customers_data(
    app, api, merchant, catalog, echo_server, worker
):
    assert (
        api.post("/webhook_endpoints", json={"url": f"{echo_server}/hooks", "events": ["order.created"]}).status_code
        == 201
    )
    order_for(api, catalog["sku"], GONE, GONE_EMAIL)
    order_for(api, catalog["sku"], STAYS, STAYS_EMAIL)
    worker()
    before = _answers(app, merchant.id)
    assert [code for code, _ in before] == [422, 422]
    assert GONE_EMAIL in json.dumps(before) and STAYS_EMAIL in json.dumps(before)

    erased = api.post(f"/customers/{GONE}/erase").json["erased"]

    after = _answers(app, merchant.id)
    assert [code for code, _ in after] == [422, 422]  # the delivery history stays
    assert GONE_EMAIL not in json.dumps(after) and STAYS_EMAIL in json.dumps(after)
    assert erased["webhook_attempts"] == 1
    assert api.post(f"/customers/{GONE}/erase").json["erased"]["webhook_attempts"] == 0
