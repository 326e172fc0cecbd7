"""Wallet renewals a batch at a time (app/signing/renewals/batch.py): what a merchant and their customers see is what
the per-contract path gives them — one paid renewal per period, one wallet payment, the membership to the period's
end, the contract's timeline and events — and a contract the batch cannot renew never holds the others back."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from tests.ledger.wallet.test_wallet import balance, top_up
from tests.signing.renewals.test_renewals import advance, clock, events, installed_hook, iso, monthly, unix  # noqa: F401
from tests.support.signing import subscribe

PRICE = 999


def wallet_subscription(api, worker, sku: str, clock: str, customer: str) -> dict:
    """A contract whose first order the customer paid from their wallet (the wallet is then its mandate)."""
    created = subscribe(api, sku, customer=customer, test_clock=clock)
    assert api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "wallet"}).status_code == 200
    worker()
    sub = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert sub["status"] == "active" and sub["mandate"]["channel"] == "wallet"
    return sub


def available(api, customer: str) -> int:
    return sum(m["amount"] for m in balance(api, customer)["available"])


def membership_of(api, customer: str) -> datetime:
    until = api.get(f"/customers/{customer}/entitlements").json["membership"]["until"]
    return datetime.fromisoformat(until.replace("Z", "+00:00"))


def ledger_is_sound(app) -> bool:
    from app.extensions import db
    from app.payments.integrity import run_check

    with app.app_context():
        check = run_check()
        ok = check.ok
        db.session.remove()
    return ok


def test_a_batch_renews_every_covered_wallet_and_leaves_a_short_one_to_dunning(
    app, api, sandbox, worker, monthly, clock
):
    funded = [f"cus_w{i}" for i in range(3)]
    for customer in funded:
        top_up(api, sandbox, worker, 2 * PRICE, customer=customer)
    top_up(api, sandbox, worker, PRICE, customer="cus_dry")  # the first month only
    subs = {c: wallet_subscription(api, worker, monthly, clock, c) for c in [*funded, "cus_dry"]}

    advance(api, worker, clock, unix(2027, 3, 1))

    for customer in funded:
        after = api.get(f"/subscriptions/{subs[customer]['id']}").json
        assert after["status"] == "active" and after["period"] == 2
        assert after["current_period_end"] == iso(2027, 3, 31)
        assert [(r["period"], r["status"], r["attempts"]) for r in after["renewals"]] == [(2, "paid", 1)]
        order = api.get(f"/orders/{after['renewals'][0]['order']}").json
        assert order["status"] in ("paid", "fulfilled") and order["amount"]["total"] == PRICE
        assert [(p["channel"], p["status"]) for p in order["payments"]] == [("wallet", "succeeded")]
        assert available(api, customer) == 0  # two months topped up, two paid
        assert membership_of(api, customer) == datetime(2027, 3, 31, 12, tzinfo=timezone.utc)
        reasons = [t["reason"] for t in after["timeline"]]
        assert f"period 2 opened: order {order['id']}" in reasons and f"period 2 paid by order {order['id']}" in reasons
    dry = api.get(f"/subscriptions/{subs['cus_dry']['id']}").json
    assert dry["status"] == "past_due" and [r["status"] for r in dry["renewals"]] == ["pending"]
    assert "does not cover" in dry["renewals"][0]["last_error"]
    assert available(api, "cus_dry") == 0
    renewed = [e["id"] for e in events(api, "subscription.renewed")]
    assert sorted(renewed) == sorted(subs[c]["id"] for c in funded)
    assert ledger_is_sound(app)


def test_a_batch_that_fails_midway_writes_nothing_and_each_contract_is_renewed_once(
    app, api, sandbox, worker, monthly, clock, monkeypatch
):
    from app.signing.renewals import rows as renewal_rows

    customers = [f"cus_c{i}" for i in range(3)]
    for customer in customers:
        top_up(api, sandbox, worker, 3 * PRICE, customer=customer)
    subs = [wallet_subscription(api, worker, monthly, clock, c) for c in customers]

    def crash(*args, **kwargs):
        raise RuntimeError("the worker died between the payments and the memberships")

    monkeypatch.setattr(renewal_rows, "grant_memberships_until", crash)
    advance(api, worker, clock, unix(2027, 3, 1))

    for sub, customer in zip(subs, customers):
        after = api.get(f"/subscriptions/{sub['id']}").json
        assert [(r["period"], r["status"], r["attempts"]) for r in after["renewals"]] == [(2, "paid", 1)]
        order = api.get(f"/orders/{after['renewals'][0]['order']}").json
        assert [p["status"] for p in order["payments"]] == ["succeeded"]
        assert available(api, customer) == PRICE  # charged once, though the batch had debited it before it died
        assert membership_of(api, customer) == datetime(2027, 3, 31, 12, tzinfo=timezone.utc)
    for customer in customers:  # the top-up, the first order and the renewal: the batch left no order behind
        assert len(api.get(f"/orders?customer={customer}&limit=100").json["data"]) == 3
    assert ledger_is_sound(app)


@pytest.mark.postgres_only
def test_two_workers_on_one_batch_renew_each_wallet_contract_once(app, api, sandbox, worker, monthly, clock):
    from app.extensions import db
    from app.signing.renewals.sweep import run_renewals
    from tests.payments.attempts.test_concurrency import in_parallel

    customers = [f"cus_p{i}" for i in range(8)]
    for customer in customers:
        top_up(api, sandbox, worker, 3 * PRICE, customer=customer)
    subs = [wallet_subscription(api, worker, monthly, clock, c) for c in customers]
    due = datetime.fromtimestamp(unix(2027, 2, 28, 13), tz=timezone.utc)

    def renew(_: int) -> dict:
        with app.app_context():
            try:
                return run_renewals(now=due, clock_id=clock, batch=8).as_dict()
            finally:
                db.session.remove()

    sweeps = in_parallel(2, renew)
    assert sum(s["opened"] for s in sweeps) == len(subs)
    for sub, customer in zip(subs, customers):
        after = api.get(f"/subscriptions/{sub['id']}").json
        assert [(r["period"], r["status"], r["attempts"]) for r in after["renewals"]] == [(2, "paid", 1)]
        payments = api.get(f"/orders/{after['renewals'][0]['order']}").json["payments"]
        assert [p["status"] for p in payments] == ["succeeded"]
        assert available(api, customer) == PRICE
    assert ledger_is_sound(app)


def test_with_a_hook_installed_a_wallet_renewal_still_asks_it(api, sandbox, worker, monthly, clock, installed_hook):
    from tests.support import hook_examples

    installed_hook("LoyaltyDiscount")
    hook_examples.SEEN.clear()
    top_up(api, sandbox, worker, 2 * PRICE, customer="cus_hooked")  # the first month and a half-price one
    sub = wallet_subscription(api, worker, monthly, clock, "cus_hooked")
    advance(api, worker, clock, unix(2027, 4, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert [(r["period"], r["status"]) for r in after["renewals"]] == [(2, "skipped"), (3, "paid")]
    assert api.get(f"/orders/{after['renewals'][1]['order']}").json["amount"]["total"] == PRICE // 2
    assert available(api, "cus_hooked") == PRICE - PRICE // 2
    assert hook_examples.SEEN == [("renewed", 3)]


def test_a_batch_renewal_announces_the_whole_order_and_contract_as_the_api_shows_them(
    api, sandbox, worker, monthly, clock
):
    top_up(api, sandbox, worker, 2 * PRICE, customer="cus_whole")
    sub = wallet_subscription(api, worker, monthly, clock, "cus_whole")
    advance(api, worker, clock, unix(2027, 3, 1))

    after = api.get(f"/subscriptions/{sub['id']}").json
    order = api.get(f"/orders/{after['renewals'][0]['order']}").json
    paid = [o for o in events(api, "order.paid") if o["id"] == order["id"]]
    assert len(paid) == 1
    # A receiver fulfils from the event alone: the lines, the customer and the amounts are the API's.
    assert paid[0]["items"] == order["items"] and paid[0]["customer"] == order["customer"]
    assert paid[0]["amount"] == order["amount"] and paid[0]["status"] == "paid"
    renewed = [s for s in events(api, "subscription.renewed") if s["id"] == sub["id"]]
    assert len(renewed) == 1
    shown = {k: after[k] for k in renewed[0] if k != "status"}
    assert {k: v for k, v in renewed[0].items() if k != "status"} == shown


def test_a_batch_renewal_in_euros_lists_the_euro_price_on_its_line(api, sandbox, worker, monthly, clock):
    """A contract signed in euros and paid from a euro wallet: the renewal's line (what the receipt and the order
    page show as "1 × price") is the euro price, as its total is. Before, the batch wrote the SKU's dollar price as
    the unit price next to a euro amount."""
    euro_price = 899
    assert (
        api.patch(f"/skus/{monthly}", json={"prices": [{"amount": euro_price, "currency": "eur"}]}).status_code == 200
    )
    top_up(api, sandbox, worker, 2 * euro_price, customer="cus_euro", currency="eur")
    created = subscribe(api, monthly, customer="cus_euro", test_clock=clock, currency="eur")
    assert api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "wallet"}).status_code == 200
    worker()
    advance(api, worker, clock, unix(2027, 3, 1))

    after = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert [(r["period"], r["status"]) for r in after["renewals"]] == [(2, "paid")]
    order = api.get(f"/orders/{after['renewals'][0]['order']}").json
    assert order["amount"]["total"] == euro_price and order["amount"]["currency"] == "eur"
    assert [(i["quantity"], i["unit_amount"], i["amount"]) for i in order["items"]] == [(1, euro_price, euro_price)]
    assert available(api, "cus_euro") == 0


def test_a_wallet_renewal_raised_after_its_notice_is_charged_what_the_notice_said(
    app, api, sandbox, worker, monthly, clock
):
    """The batch priced the renewal at the list price of the day: a raise made after the notice was charged
    without notice. Such a contract now goes the per-contract way, which charges what the notice said."""
    top_up(api, sandbox, worker, 3 * PRICE, customer="cus_w")
    sub = wallet_subscription(api, worker, monthly, clock, "cus_w")
    advance(api, worker, clock, unix(2027, 2, 26))
    assert api.patch(f"/skus/{monthly}", json={"price": {"amount": 1299, "currency": "usd"}}).status_code == 200
    advance(api, worker, clock, unix(2027, 3, 1))

    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 2
    assert api.get(f"/orders/{after['renewals'][0]['order']}").json["amount"]["total"] == PRICE
    assert available(api, "cus_w") == PRICE
