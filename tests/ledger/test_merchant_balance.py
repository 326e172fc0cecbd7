"""GET /balance: what the merchant has earned, is about to earn, and is giving back."""

from tests.conftest import Api
from tests.ledger.wallet.test_wallet import top_up
from tests.support.lifecycle import paid_order


def test_balance_buckets_follow_orders_refunds_and_wallets(api, client, catalog, sandbox, worker, other_merchant):
    assert api.get("/balance").json == {
        "object": "balance",
        "available": [],
        "pending": [],
        "frozen": [],
        "wallets": [],
    }
    completed = paid_order(api, sandbox, catalog["sku"], quantity=3)  # $29.97
    worker()  # fulfilled
    assert api.post(f"/orders/{completed['id']}/confirm").status_code == 200
    worker()  # completed orders are cleared: the merchant's share, less the sandbox's fee, is available
    fee = 30 + 87  # the sandbox keeps 30 cents + 2.9 % of $29.97
    assert api.get("/balance").json["available"] == [{"amount": 2997 - fee, "currency": "usd"}]
    assert api.post(f"/orders/{completed['id']}/refunds", json={"amount": 997}).status_code == 201
    paid_order(api, sandbox, catalog["limited_sku"])  # $25.00, not yet completed
    top_up(api, sandbox, worker, 4000)  # customers' money, not the merchant's

    balance = api.get("/balance")
    assert balance.status_code == 200
    # A refund after clearing gives back its share of the sandbox's fee (39 of the 117) and takes the rest
    # from the merchant's share.
    assert balance.json["available"] == [{"amount": 2997 - fee - (997 - 39), "currency": "usd"}]
    assert balance.json["pending"] == [{"amount": 2500, "currency": "usd"}]
    assert balance.json["frozen"] == []
    assert balance.json["wallets"] == [{"amount": 4000, "currency": "usd"}]
    assert Api(client, other_merchant.secret_key).get("/balance").json["available"] == []


def test_balance_needs_a_secret_key(pk_api):
    assert pk_api.get("/balance").status_code == 403
