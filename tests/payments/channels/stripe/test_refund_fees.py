"""What comes back of a capture's fee when it is refunded is the provider's own rule (its channel spec's
``fee_returned_on_refund``): Stripe keeps its processing fee (localstripe books no fee credit on a refund either),
the sandbox gives back the fee's part in proportion to the refund. Driven through the API: a cleared order split
with a partner is refunded, and the merchant's balance, the partner's lines, the refund's record, reconciliation and
the channel's portal page then say what the provider did with its fee."""

from __future__ import annotations

from sqlalchemy import select

from tests.payments.attempts.test_payment_flow import create_order
from tests.payments.channels.stripe.test_stripe_channel import _pay, _poll, _status
from tests.reconciliation.test_reconciliation import found, reconcile
from tests.support.books import add_partner, completed_order, ledger_sums, partner_lines, set_rule

PRICE = 999  # the catalog's 9.99 USD
FEE = 59  # 2.9 % of 9.99 (28.97, half up 29) + 0.30: Stripe's and the sandbox's published rate alike


def _split_half_to_a_studio(api, sku: str) -> str:
    studio = add_partner(api, "Studio")["id"]
    assert set_rule(api, sku, [("self", 5000), (studio, 5000)]).status_code == 200
    return studio


def _available(api) -> int:
    return sum(b["amount"] for b in api.get("/balance").json["available"] if b["currency"] == "usd")


def _books_check(app) -> list[dict]:
    """What the ledger's integrity check finds: each order's postings must hold what it captured less refunded."""
    from app.payments.integrity import run_check

    with app.app_context():
        return run_check().findings


def _refund_fee(app, order_id: str) -> list[int]:
    from app.extensions import db
    from app.payments.models import Refund

    with app.app_context():
        return list(db.session.scalars(select(Refund.fee_amount).where(Refund.order_id == order_id)))


def _platform_takes_a_tenth(app, merchant_id: str) -> None:
    """The platform operator's fee on this merchant's sales (its own setting, not the merchant's API)."""
    from app.extensions import db
    from app.merchants.models import Merchant

    with app.app_context():
        db.session.get(Merchant, merchant_id).platform_fee_bps = 1000
        db.session.commit()


def _balance(app, merchant_id: str, account: str) -> int:
    from app.ledger.journal import account_balance

    with app.app_context():
        return account_balance(merchant_id, account, "usd")


def test_a_stripe_refund_leaves_the_fee_with_stripe_and_the_merchant_and_partner_bear_it(
    app, api, catalog, localstripe, stripe_merchant, worker, portal
):
    from app.ledger.accounts import channel_fee_account, platform_fee_account

    _platform_takes_a_tenth(app, stripe_merchant.id)
    studio = _split_half_to_a_studio(api, catalog["sku"])
    order = create_order(api, catalog["sku"])
    payment = _pay(api, order["id"])
    localstripe.pay_with_card(payment["provider_reference"])
    _poll(app, worker)
    worker()  # fulfilled
    assert api.post(f"/orders/{order['id']}/confirm").status_code == 200
    worker()  # order.completed → cleared: 9.99 less Stripe's 0.59 and the platform's 1.00, the rest half each
    assert _status(api, order["id"]) == "completed"
    platform = platform_fee_account(livemode=False)
    assert _balance(app, stripe_merchant.id, platform) == 100
    # Each half of 9.99 (5.00 to the merchant, 4.99 to the studio) bears its part of both fees (0.30 + 0.50 and
    # 0.29 + 0.50), as clearing takes them off.
    assert (_available(api), partner_lines(app, stripe_merchant.id, studio)) == (500 - 80, 499 - 79)

    refunded = api.post(f"/orders/{order['id']}/refunds", json={})
    assert refunded.status_code == 201 and refunded.json["refund"]["status"] == "succeeded", refunded.json

    # Stripe gave the shopper 9.99 and kept its 0.59: nothing of the fee came back, so the refund's record says so
    # and its 9.99 comes from those the order's money went to: the platform its fee, each half what it got before
    # Stripe's fee — so each ends bearing the part of Stripe's fee it bore, and the platform nothing of it.
    assert _refund_fee(app, order["id"]) == [0]
    assert _balance(app, stripe_merchant.id, platform) == 0
    assert (_available(api), partner_lines(app, stripe_merchant.id, studio)) == (-30, -29)
    assert _balance(app, stripe_merchant.id, channel_fee_account("stripe", livemode=False)) == FEE
    assert ledger_sums(app) == {"usd": 0} and _books_check(app) == []
    # The channel's page says so where the merchant types Stripe's rate.
    assert "On a refund the provider keeps this fee" in portal.text("/portal/channels/stripe")


def test_a_stripe_payment_refunded_in_full_before_it_completes_still_costs_the_merchant_the_fee(
    app, api, catalog, localstripe, stripe_merchant, worker
):
    """Such an order never completes, so it is never cleared (where a capture's fee is booked): the refund that
    gives everything back books the fee Stripe kept, against the merchant's own balance."""
    from app.ledger.accounts import channel_fee_account

    order = create_order(api, catalog["sku"])
    payment = _pay(api, order["id"])
    localstripe.pay_with_card(payment["provider_reference"])
    _poll(app, worker)
    part = api.post(f"/orders/{order['id']}/refunds", json={"amount": 400})
    assert part.status_code == 201 and part.json["refund"]["status"] == "succeeded", part.json
    assert _available(api) == 0  # a part given back: the fee is still booked when the rest clears

    rest = api.post(f"/orders/{order['id']}/refunds", json={})
    assert rest.status_code == 201 and rest.json["refund"]["status"] == "succeeded", rest.json
    assert _status(api, order["id"]) == "refunded"
    assert _refund_fee(app, order["id"]) == [0, 0]
    assert _available(api) == -FEE  # as on the merchant's Stripe balance: 9.99 in less 0.59, 9.99 out
    assert _balance(app, stripe_merchant.id, channel_fee_account("stripe", livemode=False)) == FEE
    assert ledger_sums(app) == {"usd": 0} and _books_check(app) == []


def test_a_sandbox_refund_still_gets_its_fee_back_in_proportion_and_reconciles_clean(
    app, api, catalog, sandbox, worker, merchant, portal
):
    studio = _split_half_to_a_studio(api, catalog["sku"])
    order = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    assert order["status"] == "completed"
    assert _available(api) + partner_lines(app, merchant.id, studio) == PRICE - FEE

    part = api.post(f"/orders/{order['id']}/refunds", json={"amount": 500})
    assert part.status_code == 201, part.json
    worker()
    assert [r["status"] for r in api.get(f"/orders/{order['id']}").json["refunds"]] == ["succeeded"]

    assert _refund_fee(app, order["id"]) == [30]  # round(59 × 500 / 999) came back with it
    assert _available(api) + partner_lines(app, merchant.id, studio) == PRICE - FEE - (500 - 30)
    run = reconcile(api, worker)
    assert found(run) == {} and run["matched"] == run["lines"] == 2  # the capture and the refund, fees agreeing
    assert ledger_sums(app) == {"usd": 0} and _books_check(app) == []
    assert "gives back the part of this fee in proportion" in portal.text("/portal/channels/sandbox_card")
