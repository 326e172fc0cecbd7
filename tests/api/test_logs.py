"""Logs are JSON lines that carry the merchant and order they are about."""
import io
import json
import logging

from app.logs import JsonFormatter


def test_order_logs_carry_merchant_and_order_ids(api, merchant, catalog):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    logger = logging.getLogger("kassa")
    logger.addHandler(handler)
    try:
        order = api.post("/orders", json={"items": [{"sku": catalog["sku"], "quantity": 1}],
                                          "customer": {"id": "c"}, "agreement_accepted": True}).json
    finally:
        logger.removeHandler(handler)
    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    created = [line for line in lines if line["msg"] == "order created"]
    assert len(created) == 1
    assert created[0]["merchant_id"] == merchant.id and created[0]["order_id"] == order["id"]
    assert created[0]["level"] == "info" and created[0]["ts"].endswith("+00:00")
