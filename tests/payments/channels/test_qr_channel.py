"""Paying with the sandbox_qr channel: a QR code of the provider's page, then its callback; and the
integration log of that exchange, with its secrets hidden."""

from __future__ import annotations

import base64
import json
import re
import time

import qrcode
import requests

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, status_of


def pay_qr(api, order_id: str) -> dict:
    response = api.post(f"/orders/{order_id}/pay", json={"channel": "sandbox_qr"})
    assert response.status_code == 200, response.json
    return response.json["payment"]


def dark_modules(svg: str) -> set[tuple[int, int]]:
    return {(int(x), int(y)) for x, y in re.findall(r"M(\d+),(\d+)H", svg)}


def expected_modules(text: str) -> set[tuple[int, int]]:
    code = qrcode.QRCode(border=2)
    code.add_data(text)
    code.make(fit=True)
    return {(x, y) for y, row in enumerate(code.get_matrix()) for x, dark in enumerate(row) if dark}


def test_qr_payment_shows_a_code_of_the_provider_page_and_is_paid_by_its_callback(app, api, catalog, sandbox):
    order = create_order(api, catalog["sku"], 2)
    payment = pay_qr(api, order["id"])

    action = payment["next_action"]
    assert action["type"] == "qr"
    assert action["url"] == f"{sandbox.url}/sandbox/pay/{payment['provider_reference']}"
    prefix = "data:image/svg+xml;base64,"
    assert action["image"].startswith(prefix)
    svg = base64.b64decode(action["image"][len(prefix) :], validate=True).decode()
    assert svg.startswith("<svg")
    assert dark_modules(svg) == expected_modules(action["url"])  # the image encodes exactly that page
    assert "19.98" in requests.get(action["url"], timeout=5).text  # the phone sees the amount

    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    paid = api.get(f"/orders/{order['id']}").json
    assert paid["payments"][0]["channel"] == "sandbox_qr"
    assert paid["timeline"][-1]["reason"].startswith("captured by sandbox_qr")


def _signed(app, payment: dict) -> tuple[bytes, dict]:
    import hashlib
    import hmac

    body = json.dumps(
        {"id": "evt_x", "type": "payment.succeeded", "created": int(time.time()), "data": payment}
    ).encode()
    t = int(time.time())
    signature = hmac.new(
        app.config["SANDBOX_CALLBACK_SECRET"].encode(), f"{t}.".encode() + body, hashlib.sha256
    ).hexdigest()
    return body, {"Content-Type": "application/json", "Sandbox-Signature": f"t={t},v1={signature}"}


def test_each_sandbox_channel_accepts_only_callbacks_for_its_own_method(app, api, catalog, sandbox, live_server):
    order = create_order(api, catalog["sku"])
    payment = pay_qr(api, order["id"])
    provider_payment = {
        "id": payment["provider_reference"],
        "status": "succeeded",
        "amount": 999,
        "currency": "usd",
        "reference": payment["id"],
        "method": "qr",
    }
    body, headers = _signed(app, provider_payment)

    misrouted = requests.post(f"{live_server}/hooks/channels/sandbox_card", data=body, headers=headers, timeout=5)
    assert misrouted.status_code == 400 and "not a sandbox_card" in misrouted.json()["error"]["message"]
    assert status_of(api, order["id"]) == "paying"

    right = requests.post(f"{live_server}/hooks/channels/sandbox_qr", data=body, headers=headers, timeout=5)
    assert right.status_code == 200
    assert status_of(api, order["id"]) == "paid"


def test_create_query_and_callback_are_logged_with_secrets_redacted(
    app, api, merchant, catalog, sandbox, worker, live_server
):
    from app.payments.integration_log import integration_logs_for_attempt
    from app.platform.observability.log_writer import flush_every_writer

    order = create_order(api, catalog["sku"])
    payment = pay_qr(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")
    from app.platform.queueing import PAYMENTS, enqueue

    with app.app_context():
        enqueue("app.jobs.poll_pending_payments", lane=PAYMENTS)
    worker()  # the status poll: a query to the provider
    assert status_of(api, order["id"]) in ("paid", "fulfilled")  # the worker also ran fulfilment
    # A callback arrives too (late), and a forged one that names the same payment.
    provider_payment = requests.get(
        f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}",
        timeout=5,
        headers={"Authorization": f"Bearer {app.config['SANDBOX_API_KEY']}"},
    ).json()
    body, headers = _signed(app, provider_payment)
    assert (
        requests.post(f"{live_server}/hooks/channels/sandbox_qr", data=body, headers=headers, timeout=5).status_code
        == 200
    )
    forged = requests.post(
        f"{live_server}/hooks/channels/sandbox_qr",
        data=body,
        timeout=5,
        headers={**headers, "Sandbox-Signature": "t=1,v1=00"},
    )
    assert forged.status_code == 400

    flush_every_writer()  # the integration log's rows are written on the log writer's thread
    with app.app_context():
        rows = [r.to_json() for r in integration_logs_for_attempt(merchant.id, payment["id"])]
        assert integration_logs_for_attempt("mch_someone_else", payment["id"]) == []
    create, query, callback = rows  # the forged callback is kept, but belongs to nobody
    assert (create["direction"], create["method"], create["status_code"]) == ("outbound", "POST", 201)
    assert create["url"].endswith("/sandbox/api/payments") and create["duration_ms"] >= 0
    assert json.loads(create["request_body"])["reference"] == payment["id"]
    assert json.loads(create["response_body"])["id"] == payment["provider_reference"]
    assert (query["method"], query["status_code"]) == ("GET", 200)
    assert json.loads(query["response_body"])["status"] == "succeeded"
    assert (callback["direction"], callback["verified"], callback["status_code"]) == ("inbound", True, 200)
    assert json.loads(callback["request_body"])["data"]["reference"] == payment["id"]

    everything = json.dumps(rows, default=str)
    assert app.config["SANDBOX_API_KEY"] not in everything
    assert headers["Sandbox-Signature"] not in everything
    assert create["request_headers"]["Authorization"] == "[redacted]"
    assert callback["request_headers"]["Sandbox-Signature"] == "[redacted]"

    with app.app_context():
        from app.extensions import db
        from app.payments.integration_log import IntegrationLog

        rejected = db.session.query(IntegrationLog).filter_by(verified=False).one()
        assert rejected.merchant_id is None and rejected.error == "callback timestamp is outside the tolerance window"
        assert rejected.request_headers["Sandbox-Signature"] == "[redacted]"


def test_redaction_reaches_nested_fields_and_query_strings():
    from app.payments.integration_log import redact_body, redact_url

    body = redact_body(b'{"amount": 5, "card": {"api_key": "k1", "Client-Secret": "s1"}, "tokens": ["t1"]}')
    assert json.loads(body) == {
        "amount": 5,
        "card": {"api_key": "[redacted]", "Client-Secret": "[redacted]"},
        "tokens": "[redacted]",
    }
    assert redact_body("a=1&access_token=abc") == "a=1&access_token=[redacted]"
    assert redact_url("https://p.test/x?reference=r&api_key=k") == "https://p.test/x?reference=r&api_key=[redacted]"
