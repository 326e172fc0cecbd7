"""The platform's fixed fee is money in one currency: 30 minor units are $0.30, but would be ¥30 or 0.030 KWD if
taken off orders in any currency. The operator names its currency; orders in others pay the percentage only."""

from __future__ import annotations

from tests.support.books import completed_order, ledger_sums
from tests.web.portal.test_portal_login import sign_in


def _operator(app, *args: str):
    return app.test_cli_runner().invoke(args=["kassa", "platform-fee", *args])


def _fees(app, order_id: str) -> tuple[int, int, str]:
    from app.extensions import db
    from app.ledger.books_models import OrderClearing

    with app.app_context():
        clearing = db.session.get(OrderClearing, order_id)
        return clearing.channel_fee, clearing.platform_fee, clearing.currency


def test_a_fixed_fee_in_dollars_is_taken_off_dollar_orders_only(app, api, merchant, catalog, sandbox, worker):
    prices = [{"amount": 1000, "currency": "jpy"}, {"amount": 1500, "currency": "kwd"}]
    assert api.patch(f"/skus/{catalog['sku']}", json={"prices": prices}).status_code == 200
    set_fee = _operator(app, "--merchant", merchant.id, "--bps", "100", "--fixed", "30", "--currency", "USD")
    assert set_fee.exit_code == 0, set_fee.output
    assert '"platform_fee_fixed_currency": "usd"' in set_fee.output

    dollars = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])  # $9.99
    yen = completed_order(api, sandbox, worker, [(catalog["sku"], 1)], currency="jpy")  # ¥1,000
    dinars = completed_order(api, sandbox, worker, [(catalog["sku"], 1)], currency="kwd")  # 1.500 KWD
    # $0.30 + 1 % of $9.99 (10): 40. The yen and dinar orders pay 1 % only: ¥10, 0.015 KWD (not ¥40, 0.045 KWD).
    assert _fees(app, dollars["id"])[1:] == (40, "usd")
    assert _fees(app, yen["id"])[1:] == (10, "jpy")
    assert _fees(app, dinars["id"])[1:] == (15, "kwd")
    # The merchant keeps the rest (less the sandbox's own fee on each capture).
    kept = {b["currency"]: b["amount"] for b in api.get("/balance").json["available"]}
    assert kept == {
        "usd": 999 - _fees(app, dollars["id"])[0] - 40,
        "jpy": 1000 - _fees(app, yen["id"])[0] - 10,
        "kwd": 1500 - _fees(app, dinars["id"])[0] - 15,
    }
    assert ledger_sums(app) == {"usd": 0, "jpy": 0, "kwd": 0}


def test_a_fixed_fee_without_its_currency_is_refused_and_the_portal_names_it(app, client, merchant):
    refused = _operator(app, "--merchant", merchant.id, "--bps", "100", "--fixed", "30")
    assert refused.exit_code == 2 and "a fixed platform fee needs its currency" in refused.output
    assert (
        "is not"
        not in _operator(app, "--merchant", merchant.id, "--bps", "0", "--fixed", "40", "--currency", "jpy").output
    )
    assert sign_in(client, merchant.email, merchant.password).status_code == 302
    page = client.get("/portal/partners").get_data(as_text=True)
    assert "0 % of each completed order, + ¥40 on each in JPY (set by the operator)" in page
