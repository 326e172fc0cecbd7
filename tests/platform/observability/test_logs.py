"""Logs are JSON lines that carry the merchant and order they are about."""

import io
import json
import logging
from contextlib import contextmanager
from typing import Iterator

from app.platform.observability.logs import JsonFormatter


@contextmanager
def kassa_logs() -> Iterator[io.StringIO]:
    """The JSON lines Kassa's loggers write meanwhile, as stdout would get them."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("kassa")
    logger.addHandler(handler)
    try:
        yield stream
    finally:
        logger.removeHandler(handler)


def test_order_logs_carry_merchant_and_order_ids(api, merchant, catalog):
    with kassa_logs() as stream:
        order = api.post(
            "/orders",
            json={
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "customer": {"id": "c"},
                "agreement_accepted": True,
            },
        ).json
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    created = [line for line in lines if line["msg"] == "order created"]
    assert len(created) == 1
    assert created[0]["merchant_id"] == merchant.id and created[0]["order_id"] == order["id"]
    assert created[0]["level"] == "info" and created[0]["ts"].endswith("+00:00")


def test_a_refund_reason_the_shopper_typed_stays_out_of_the_logs(client, api, merchant, catalog, sandbox):
    from tests.risk.test_refund_requests import paid

    order = paid(api, sandbox, catalog["sku"], "cus_typed")
    typed = "Ada Lovelace, 12 Elm Street, ada@example.com: charged twice"
    with kassa_logs() as stream:
        answer = client.post(
            f"/api/v1/orders/{order['id']}/refund_requests",
            json={"reason": typed, "client_secret": order["client_secret"]},
            headers={"Authorization": f"Bearer {merchant.publishable_key}"},
        )
        by_merchant = api.post(
            f"/orders/{paid(api, sandbox, catalog['sku'], 'cus_typed_2')['id']}/refunds", json={"reason": typed}
        )
    assert answer.status_code == 201 and by_merchant.status_code == 201
    logged = stream.getvalue()
    assert "Ada Lovelace" not in logged and "ada@example.com" not in logged
    assert "characters typed]" in logged  # the log still says a reason was given, and how long it was
    timeline = api.get(f"/orders/{order['id']}").json["timeline"]
    assert any(typed in (entry["reason"] or "") for entry in timeline)  # the merchant still reads it
