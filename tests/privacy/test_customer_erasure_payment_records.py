"""An erasure and the records of the customer's payments: the fingerprint of the card they paid with (a lasting
mark of a person) goes from the payment and from Kassa's log of its exchanges with the provider,
while the payment itself (channel, amount, status, provider reference: what reconciliation compares) stays."""

from __future__ import annotations

import json

import requests

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, _everything_kept, order_for
from tests.support.books import ledger_sums

CARD = "fp_card_of_gone_0001"


def _exchanges(app, merchant_id: str, attempt_id: str) -> str:
    """What the portal's order page shows of the attempt's exchanges with the provider, as one text."""
    from app.payments.integration_log import integration_logs_for_attempt
    from app.platform.observability.log_writer import flush_every_writer

    flush_every_writer()
    with app.app_context():
        return json.dumps([row.to_json() for row in integration_logs_for_attempt(merchant_id, attempt_id)], default=str)


def test_the_card_fingerprint_leaves_the_payment_its_provider_exchanges_and_events(
    app, api, merchant, catalog, sandbox, worker
):
    order = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    payment = pay(api, order["id"])
    answer = requests.post(
        f"{sandbox.url}/sandbox/api/payments/{payment['provider_reference']}/simulate",
        json={"outcome": "succeeded", "card_fingerprint": CARD},
        timeout=10,
    )
    assert answer.status_code == 200, answer.text
    wait_for(
        lambda: (
            status_of(api, order["id"]) == "paid"
            and api.get(f"/orders/{order['id']}").json["payments"][0]["card_fingerprint"] == CARD
        )
    )
    worker()
    before = api.get(f"/orders/{order['id']}").json["payments"]
    assert CARD in _exchanges(app, merchant.id, payment["id"])  # the provider's callback told it

    erased = api.post(f"/customers/{GONE}/erase").json["erased"]

    after = api.get(f"/orders/{order['id']}").json["payments"]
    assert after == [{**before[0], "card_fingerprint": "[erased]"}]  # the payment itself is kept as it was
    assert CARD not in _exchanges(app, merchant.id, payment["id"])
    assert erased["payments"] == 1 and erased["integration_logs"] >= 1
    assert payment["provider_reference"] in _exchanges(app, merchant.id, payment["id"])
    assert CARD not in _everything_kept(app, merchant.id)
    assert ledger_sums(app) == {"usd": 0}
    assert set(api.post(f"/customers/{GONE}/erase").json["erased"].values()) == {0}
