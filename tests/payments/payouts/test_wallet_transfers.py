"""Wallet-to-wallet transfers through the API (issue 11), and the proof that nothing overdraws a wallet: transfers
both ways and withdrawals race on one wallet over real HTTP (PostgreSQL), and every cent is accounted for."""

from __future__ import annotations

import pytest
import requests

from tests.conftest import Api
from tests.payments.attempts.test_concurrency import in_parallel
from tests.support.wallet import books_are_clean, fund, held

ADA, BEN = "cus_ada", "cus_ben"


def test_a_transfer_moves_money_between_two_customers_once(app, api, merchant, client, other_merchant):
    fund(app, merchant.id, ADA, 2000)
    body = {"to": BEN, "amount": 750, "currency": "usd", "description": "for the raid"}
    sent = api.post(f"/customers/{ADA}/transfers", json=body, headers={"Idempotency-Key": "tr-1"})
    assert sent.status_code == 201, sent.json
    transfer = sent.json["transfer"]
    assert (transfer["from"], transfer["to"], transfer["amount"], transfer["currency"]) == (ADA, BEN, 750, "usd")
    again = api.post(f"/customers/{ADA}/transfers", json=body, headers={"Idempotency-Key": "tr-1"})
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json == sent.json
    assert (held(api, ADA), held(api, BEN)) == ((1250, 0), (750, 0))
    assert "transfer.created" in {e["type"] for e in api.get("/events").json["data"]}

    refused = api.post(f"/customers/{BEN}/transfers", json={"to": ADA, "amount": 751, "currency": "usd"})
    assert (refused.status_code, refused.json["error"]["code"]) == (422, "insufficient_balance")
    to_self = api.post(f"/customers/{ADA}/transfers", json={"to": ADA, "amount": 1, "currency": "usd"})
    assert (to_self.status_code, to_self.json["error"]["code"], to_self.json["error"]["param"]) == (
        400,
        "transfer_to_self",
        "to",
    )
    for bad, param in [
        ({"amount": 1, "currency": "usd"}, "to"),
        ({"to": BEN, "amount": -5, "currency": "usd"}, "amount"),
        ({"to": BEN, "amount": 5, "currency": "usd", "description": 7}, "description"),
    ]:
        response = api.post(f"/customers/{ADA}/transfers", json=bad)
        assert (response.status_code, response.json["error"]["param"]) == (400, param), bad
    # Test money never moves in live mode, nor does another merchant reach these wallets.
    assert api.post(f"/customers/{ADA}/transfers", json={"to": BEN, "amount": 1, "currency": "eur"}).status_code == 422
    rival = Api(client, other_merchant.secret_key)
    assert (
        rival.post(f"/customers/{ADA}/transfers", json={"to": BEN, "amount": 1, "currency": "usd"}).status_code == 422
    )
    # A blocked customer can neither send nor receive.
    api.post("/risk/list_entries", json={"kind": "customer", "value": BEN, "action": "block"})
    blocked = api.post(f"/customers/{ADA}/transfers", json={"to": BEN, "amount": 1, "currency": "usd"})
    assert (blocked.status_code, blocked.json["error"]["code"]) == (402, "risk_blocked")
    assert (held(api, ADA), held(api, BEN)) == ((1250, 0), (750, 0))
    books_are_clean(app)


@pytest.mark.postgres_only
def test_concurrent_transfers_and_withdrawals_never_overdraw_a_wallet(app, api, merchant, live_server):
    fund(app, merchant.id, ADA, 1000)
    fund(app, merchant.id, BEN, 300)
    headers = {"Authorization": f"Bearer {merchant.secret_key}"}
    # 30 requests at once on Ada's wallet: 10 withdrawals and 10 transfers to Ben of 150 each (3000 asked of 1000),
    # and 10 transfers of 30 the other way (locked in the same order, so the two directions never deadlock).
    calls = (
        [("withdrawals", ADA, {"amount": 150, "currency": "usd", "destination": "acct_ada_0001"})] * 10
        + [("transfers", ADA, {"to": BEN, "amount": 150, "currency": "usd"})] * 10
        + [("transfers", BEN, {"to": ADA, "amount": 30, "currency": "usd"})] * 10
    )

    def call(i: int) -> tuple[int, str]:
        route, customer, body = calls[i]
        answer = requests.post(
            f"{live_server}/api/v1/customers/{customer}/{route}", json=body, headers=headers, timeout=60
        )
        return answer.status_code, answer.json().get("error", {}).get("code", "")

    results = in_parallel(len(calls), call)
    assert {status for status, _ in results} <= {201, 422}, results
    assert all(code == "insufficient_balance" for status, code in results if status == 422)
    won = [calls[i] for i, (status, _) in enumerate(results) if status == 201]
    withdrawn = sum(body["amount"] for route, _, body in won if route == "withdrawals")
    to_ben = sum(body["amount"] for route, who, body in won if route == "transfers" and who == ADA)
    to_ada = sum(body["amount"] for route, who, body in won if route == "transfers" and who == BEN)
    available, frozen = held(api, ADA)
    assert available >= 0 and held(api, BEN)[0] >= 0
    assert (available, frozen) == (1000 - withdrawn - to_ben + to_ada, withdrawn)
    assert held(api, BEN) == (300 + to_ben - to_ada, 0)
    assert withdrawn + to_ben >= 1000 - 150  # the wallet was drained as far as it could be, no further
    books_are_clean(app)
