"""Renewals and dunning, driven the way a merchant sees them: a subscription on a test clock, the clock advanced
over the API (the worker runs what falls due), the provider's bank deciding each deduction."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests

from tests.conftest import wait_for
from tests.support.signing import CUSTOMER, make_recurring, pay_first_order, subscribe

START = datetime(2027, 1, 31, 12, 0, tzinfo=timezone.utc)  # a month end: renewals must not drift


def another_plan(app, catalog, sku_id: str, name: str, amount: int, interval: str) -> None:
    """Another subscription SKU of the product, for a contract to switch to."""
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():
        db.session.add(
            Sku(
                id=sku_id,
                merchant_id=db.session.get(Sku, catalog["sku"]).merchant_id,
                product_id=catalog["product"],
                name=name,
                price_amount=amount,
                currency="usd",
                specs={},
                subscription_interval=interval,
                subscription_interval_count=1,
            )
        )
        db.session.commit()


def unix(year: int, month: int, day: int, hour: int = 12) -> int:
    """A time as a request may send it: unix seconds."""
    return int(datetime(year, month, day, hour, tzinfo=timezone.utc).timestamp())


def iso(year: int, month: int, day: int, hour: int = 12) -> str:
    """The same time as every answer writes it (API.md): ISO 8601 UTC ending in Z."""
    return datetime(year, month, day, hour, tzinfo=timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


@pytest.fixture
def monthly(app, catalog) -> str:
    """The 30-day SKU sold monthly; it grants membership, so each paid period extends it."""
    from app.catalog.models import Sku
    from app.extensions import db

    make_recurring(app, catalog["sku"], "month")
    with app.app_context():
        db.session.get(Sku, catalog["sku"]).fulfilment = {"membership_days": 30}
        db.session.commit()
    return catalog["sku"]


@pytest.fixture
def clock(api) -> str:
    response = api.post("/test_clocks", json={"frozen_time": int(START.timestamp())})
    assert response.status_code == 201, response.json
    assert response.json["status"] == "ready"
    return response.json["id"]


def advance(api, worker, clock: str, to: int) -> dict:
    """Advance the clock as a merchant would and wait until it reports ready."""
    started = api.post(f"/test_clocks/{clock}/advance", json={"to": to})
    assert started.status_code == 200, started.json
    assert started.json["status"] == "advancing"
    worker()
    after = api.get(f"/test_clocks/{clock}").json
    assert after == {**after, "status": "ready", "frozen_time": iso_of(to)}
    worker()  # the outbox: fulfilment and webhooks of what the advance paid
    return after


def iso_of(seconds: int) -> str:
    return datetime.fromtimestamp(seconds, timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def membership_until(api) -> datetime:
    until = api.get(f"/customers/{CUSTOMER}/entitlements").json["membership"]["until"]
    return datetime.fromisoformat(until.replace("Z", "+00:00"))


def active_subscription(api, sandbox, worker, sku: str, clock: str, customer: str = CUSTOMER) -> dict:
    sub = pay_first_order(api, sandbox, worker, subscribe(api, sku, customer=customer, test_clock=clock))
    assert sub["status"] == "active" and sub["current_period_end"] == iso(2027, 2, 28)
    return sub


def decline_next(sandbox, sub: dict, count: int) -> None:
    response = requests.post(
        f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/simulate",
        json={"fail_next": count},
        timeout=5,
    )
    assert response.status_code == 200


def set_dunning(app, merchant_id: str, *, retry_days: str, final_action: str) -> None:
    """The merchant's own dunning schedule (and no renewal notice), as set in the portal's settings."""
    from app.extensions import db
    from app.signing.renewals.dunning import update_dunning

    with app.app_context():
        update_dunning(merchant_id, retry_days=retry_days, final_action=final_action, notice_days=0)
        db.session.commit()


def events(api, type_: str) -> list[dict]:
    return [e["data"]["object"] for e in api.get(f"/events?type={type_}&limit=100").json["data"]]


def test_a_year_on_the_clock_renews_every_month_once_and_the_membership_follows(api, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    advance(api, worker, clock, unix(2027, 12, 31, 13))

    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 12
    # Counted from the anchor: Feb 28, Mar 31, Apr 30 … never drifting to the 28th.
    assert [r["period_start"] for r in after["renewals"]][:3] == [
        iso(2027, 2, 28),
        iso(2027, 3, 31),
        iso(2027, 4, 30),
    ]
    assert after["current_period_end"] == iso(2028, 1, 31)
    assert [r["status"] for r in after["renewals"]] == ["paid"] * 11
    orders = [r["order"] for r in after["renewals"]]
    assert len(set(orders)) == 11 and after["latest_order"] == orders[-1]
    for order_id in orders:
        order = api.get(f"/orders/{order_id}").json
        assert order["status"] in ("paid", "fulfilled") and order["amount"]["total"] == 999
        assert [p["status"] for p in api.get(f"/orders/{order_id}").json["payments"]] == ["succeeded"]
    assert membership_until(api).timestamp() == unix(2028, 1, 31)  # exactly the end of the last paid period
    assert len(events(api, "subscription.renewed")) == 11
    notices = events(api, "subscription.renewal_upcoming")
    assert sorted(n["renewal"]["period"] for n in notices) == list(range(2, 13))  # told once before each


def test_the_renewal_notice_names_the_price_the_renewal_charges(app, api, sandbox, worker, monthly, catalog, clock):
    """The notice told the customer last period's price: after a price raise, or with a switch to another SKU
    waiting, the renewal days later charged more than the notice said."""
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    assert api.patch(f"/skus/{monthly}", json={"price": {"amount": 1299, "currency": "usd"}}).status_code == 200
    advance(api, worker, clock, unix(2027, 2, 26))
    [notice] = events(api, "subscription.renewal_upcoming")
    assert notice["renewal"]["amount"] == {"amount": 1299, "currency": "usd"}
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert api.get(f"/orders/{renewed['renewals'][0]['order']}").json["amount"]["total"] == 1299

    make_recurring(app, catalog["limited_sku"], "month")
    assert api.patch(f"/subscriptions/{sub['id']}", json={"sku": catalog["limited_sku"]}).status_code == 200
    advance(api, worker, clock, unix(2027, 3, 29))
    latest = max(events(api, "subscription.renewal_upcoming"), key=lambda n: n["renewal"]["period"])
    assert (latest["renewal"]["period"], latest["renewal"]["amount"]["amount"]) == (3, 2500)


def test_a_price_raised_after_the_notice_applies_from_the_next_noticed_period(api, sandbox, worker, monthly, clock):
    """The notice named $9.99; the merchant then raised the price to $12.99. Before, the renewal two days later
    charged $12.99, which the subscriber was never told of. Now the announced period is charged what its notice
    said, and the raise applies from the next period, whose own notice names it."""
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    advance(api, worker, clock, unix(2027, 2, 26))
    assert [n["renewal"]["amount"]["amount"] for n in events(api, "subscription.renewal_upcoming")] == [999]
    assert api.patch(f"/skus/{monthly}", json={"price": {"amount": 1299, "currency": "usd"}}).status_code == 200

    advance(api, worker, clock, unix(2027, 3, 31, 13))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 3
    totals = [api.get(f"/orders/{r['order']}").json["amount"]["total"] for r in after["renewals"]]
    assert totals == [999, 1299]
    notices = sorted(events(api, "subscription.renewal_upcoming"), key=lambda n: n["renewal"]["period"])
    assert [(n["renewal"]["period"], n["renewal"]["amount"]["amount"]) for n in notices] == [(2, 999), (3, 1299)]


def test_a_declined_renewal_goes_past_due_and_is_paid_by_the_next_try(api, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 1)
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    past_due = api.get(f"/subscriptions/{sub['id']}").json
    assert past_due["status"] == "past_due"
    renewal = past_due["renewals"][0]
    assert renewal["status"] == "pending" and renewal["attempts"] == 1
    assert renewal["next_attempt_at"] == iso(2027, 3, 1) and "insufficient" in renewal["last_error"]
    assert membership_until(api).timestamp() == unix(2027, 2, 28)  # unpaid: the membership stops at the paid end

    advance(api, worker, clock, unix(2027, 3, 1, 13))
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert renewed["status"] == "active" and renewed["period"] == 2
    assert renewed["renewals"][0]["status"] == "paid" and renewed["renewals"][0]["attempts"] == 2
    assert renewed["current_period_end"] == iso(2027, 3, 31)  # the late payment does not move the anchor
    payments = api.get(f"/orders/{renewed['renewals'][0]['order']}").json["payments"]
    assert [p["status"] for p in payments] == ["failed", "succeeded"]  # one order, two tries, one charge
    assert membership_until(api).timestamp() == unix(2027, 3, 31)
    assert [e["status"] for e in events(api, "subscription.past_due")] == ["past_due"]


def test_eight_declines_in_fourteen_days_cancel_the_subscription(api, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 3, 20))

    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["next_renewal_at"] is None
    renewal = after["renewals"][0]
    assert renewal["status"] == "failed" and renewal["attempts"] == 8
    payments = api.get(f"/orders/{renewal['order']}").json["payments"]
    assert [p["status"] for p in payments] == ["failed"] * 8  # dunning never charged
    assert api.get(f"/orders/{renewal['order']}").json["status"] == "closed"
    failures = events(api, "subscription.renewal_failed")
    assert len(failures) == 8
    # Tried at the due time, then 1, 2, 3, 5, 7, 10 and 14 days after it.
    assert "(try 8 of 8, the last)" in after["timeline"][-1]["reason"]
    assert after["canceled_at"] == iso(2027, 3, 14)


def test_the_merchant_can_pause_instead_of_cancel_after_the_last_try(
    app, merchant, api, sandbox, worker, monthly, clock
):
    set_dunning(app, merchant.id, retry_days="2, 4", final_action="pause")
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 3, 10))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "paused" and after["renewals"][0]["attempts"] == 3
    assert events(api, "subscription.renewal_upcoming") == []  # no notice when the merchant set 0 days


def test_a_subscription_canceling_at_period_end_is_never_charged_again(api, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True}).status_code == 200
    advance(api, worker, clock, unix(2027, 6, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["renewals"] == []
    assert after["canceled_at"] == iso(2027, 2, 28)
    assert membership_until(api).timestamp() == unix(2027, 2, 28)


def test_a_revoked_mandate_ends_the_contract_with_its_paid_period(api, sandbox, worker, monthly, clock):
    from tests.conftest import wait_for

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")
    advance(api, worker, clock, unix(2027, 4, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["renewals"] == []


def test_a_mandate_revoked_while_paused_ends_the_contract(api, sandbox, worker, monthly, clock):
    from tests.conftest import wait_for

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    assert api.post(f"/subscriptions/{sub['id']}/pause").json["status"] == "paused"
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    # Paused, it renews nothing: no sweep would ever reach the end of its period, so it ends now.
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["status"] == "canceled")
    ended = api.get(f"/subscriptions/{sub['id']}").json
    assert ended["mandate"]["status"] == "revoked" and ended["next_renewal_at"] is None
    assert membership_until(api).timestamp() == unix(2027, 2, 28)  # the paid month is kept
    advance(api, worker, clock, unix(2027, 4, 1))
    assert api.get(f"/subscriptions/{sub['id']}").json["renewals"] == []
    assert len([e for e in events(api, "subscription.canceled") if e["id"] == sub["id"]]) == 1


def test_a_sku_change_is_charged_from_the_next_renewal(app, api, sandbox, worker, monthly, catalog, clock):
    another_plan(app, catalog, "sku_test_premium", "Premium", 1999, "month")
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    assert api.patch(f"/subscriptions/{sub['id']}", json={"sku": "sku_test_premium"}).status_code == 200
    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["sku"] == "sku_test_premium" and after["next_sku"] is None
    assert after["price"] == {"amount": 1999, "currency": "usd"}
    order = api.get(f"/orders/{after['renewals'][0]['order']}").json
    assert order["amount"]["total"] == 1999 and order["status"] in ("paid", "fulfilled")


def test_a_wallet_subscription_renews_from_the_wallet_and_goes_past_due_when_it_runs_dry(
    api, sandbox, worker, monthly, clock
):
    from tests.ledger.wallet.test_wallet import balance, top_up

    top_up(api, sandbox, worker, 2000, customer=CUSTOMER)  # the first month and one renewal
    created = subscribe(api, monthly, test_clock=clock)
    assert api.post(f"/orders/{created['order']['id']}/pay", json={"channel": "wallet"}).status_code == 200
    worker()
    advance(api, worker, clock, unix(2027, 3, 31, 13))
    after = api.get(f"/subscriptions/{created['subscription']['id']}").json
    assert [r["status"] for r in after["renewals"]] == ["paid", "pending"]
    assert after["status"] == "past_due" and after["period"] == 2
    assert balance(api, CUSTOMER)["available"] == [{"amount": 2, "currency": "usd"}]  # 2000 - 3 × 999 never


def test_cancel_stops_dunning_and_closes_the_renewal_order(api, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 3, 2))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "past_due"
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={}).status_code == 200
    decline_next(sandbox, sub, 0)
    advance(api, worker, clock, unix(2027, 4, 30))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["renewals"][0]["status"] == "canceled"
    order = after["renewals"][0]["order"]
    assert api.get(f"/orders/{order}").json["status"] == "closed"
    assert all(p["status"] == "failed" for p in api.get(f"/orders/{order}").json["payments"])


def test_test_clocks_say_what_is_wrong(api, client, other_merchant, clock):
    from tests.conftest import Api

    assert api.post("/test_clocks", json={"frozen_time": "soon"}).json["error"]["param"] == "frozen_time"
    for year_beyond_any_calendar in (2**40 - 1, -(2**40 - 1)):  # past datetime's year 9999: once a 500
        far = api.post("/test_clocks", json={"frozen_time": year_beyond_any_calendar})
        assert far.status_code == 400 and "between the years 2000 and 2200" in far.json["error"]["message"]
    backwards = api.post(f"/test_clocks/{clock}/advance", json={"to": int(START.timestamp()) - 1})
    assert backwards.status_code == 400 and "forward" in backwards.json["error"]["message"]
    too_far = api.post(f"/test_clocks/{clock}/advance", json={"to": unix(2030, 1, 1)})
    assert too_far.status_code == 400 and too_far.json["error"]["param"] == "to"
    rival = Api(client, other_merchant.secret_key)
    assert rival.get(f"/test_clocks/{clock}").status_code == 404
    assert rival.post(f"/test_clocks/{clock}/advance", json={"to": unix(2027, 2, 2)}).status_code == 404
    assert (
        api.post(
            "/subscriptions",
            json={"sku": "x", "customer": {"id": "c"}, "agreement_accepted": True, "test_clock": "clock_nope"},
        ).status_code
        == 400
    )


@pytest.fixture
def installed_hook(monkeypatch):
    """Install one hook class the way a package would: an entry point in the kassa.subscription_hooks group."""
    from importlib.metadata import EntryPoint

    from app.signing import hooks

    def install(attribute: str) -> None:
        point = EntryPoint(
            name="merchant", value=f"tests.support.hook_examples:{attribute}", group=hooks.ENTRY_POINT_GROUP
        )
        monkeypatch.setattr(hooks, "entry_points", lambda group: [point] if group == hooks.ENTRY_POINT_GROUP else [])
        hooks.installed_hooks.cache_clear()

    yield install
    hooks.installed_hooks.cache_clear()


def test_a_hook_can_skip_a_period_and_amend_the_amount(api, sandbox, worker, monthly, clock, installed_hook):
    from tests.support import hook_examples

    installed_hook("LoyaltyDiscount")
    hook_examples.SEEN.clear()
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    advance(api, worker, clock, unix(2027, 4, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert [(r["period"], r["status"], r["order"] is None) for r in after["renewals"]] == [
        (2, "skipped", True),
        (3, "paid", False),
    ]
    assert api.get(f"/orders/{after['renewals'][1]['order']}").json["amount"]["total"] == 499  # 999 // 2
    assert after["period"] == 3 and after["current_period_end"] == iso(2027, 4, 30)
    assert hook_examples.SEEN == [("renewed", 3)]
    assert any("free second month" in t["reason"] for t in after["timeline"])


def test_a_failing_hook_postpones_the_renewal_and_charges_nothing(api, sandbox, worker, monthly, clock, installed_hook):
    installed_hook("Undecided")
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    advance(api, worker, clock, unix(2027, 3, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["renewals"] == [] and after["status"] == "active" and after["period"] == 1
    assert "a subscription hook failed" in after["timeline"][-1]["reason"]


@pytest.mark.postgres_only
def test_two_workers_renewing_the_same_due_contracts_open_one_renewal_each(app, api, sandbox, worker, monthly, clock):
    from app.extensions import db
    from app.signing.renewals.sweep import run_renewals
    from tests.payments.attempts.test_concurrency import in_parallel

    subs = [active_subscription(api, sandbox, worker, monthly, clock, customer=f"cus_{i}") for i in range(6)]
    due = datetime.fromtimestamp(unix(2027, 2, 28, 13), tz=timezone.utc)

    def renew(_: int) -> dict:
        with app.app_context():
            try:
                return run_renewals(now=due, clock_id=clock).as_dict()
            finally:
                db.session.remove()

    sweeps = in_parallel(2, renew)
    assert sum(s["opened"] for s in sweeps) == 6
    for sub in subs:
        after = api.get(f"/subscriptions/{sub['id']}").json
        assert [(r["period"], r["status"], r["attempts"]) for r in after["renewals"]] == [(2, "paid", 1)]
        payments = api.get(f"/orders/{after['renewals'][0]['order']}").json["payments"]
        assert [p["status"] for p in payments] == ["succeeded"]


def test_a_renewal_paid_as_the_subscription_is_canceled_is_given_back(api, sandbox, worker, monthly, clock):
    """The shopper pays a failed renewal and the subscription is canceled before Kassa has moved the contract into
    the paid period: the contract stays canceled, so the payment buys nothing and goes back in full, and the
    membership stays where it ended. (A capture landing after the cancel closed the order is returned as a stray
    capture; this is the other side of the race.)"""
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 3, 2))
    renewal_order = api.get(f"/subscriptions/{sub['id']}").json["renewals"][0]["order"]
    paying = api.post(f"/orders/{renewal_order}/pay", json={"channel": "sandbox_card"})
    assert paying.status_code == 200, paying.json
    ended = membership_until(api)
    sandbox.simulate(paying.json["payment"]["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{renewal_order}").json["status"] == "paid")

    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={}).status_code == 200  # before the outbox ran
    worker()
    worker()  # the refund's own events

    after = api.get(f"/subscriptions/{sub['id']}").json
    order = api.get(f"/orders/{renewal_order}").json
    assert after["status"] == "canceled" and after["renewals"][0]["status"] == "canceled"
    assert [(r["amount"], r["status"]) for r in order["refunds"]] == [(999, "succeeded")]
    assert order["status"] == "refunded" and order["refunded_amount"] == 999
    assert membership_until(api) == ended


def test_canceling_a_past_due_subscription_at_period_end_stops_dunning(api, sandbox, worker, monthly, clock):
    """A past-due contract's paid period has already ended: "cancel at period end" must not let the next dunning
    try charge the customer for a period they asked not to have (self-service already ends such a contract now)."""
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 1)  # the first try at Feb 28 is declined, the next (Mar 1) would go through
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "past_due"

    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True}).status_code == 200
    advance(api, worker, clock, unix(2027, 3, 2))
    after = api.get(f"/subscriptions/{sub['id']}").json
    order = after["renewals"][0]["order"]
    payments = api.get(f"/orders/{order}").json["payments"]
    assert [p["status"] for p in payments] == ["failed"]  # no charge after the cancel
    assert after["status"] == "canceled" and after["period"] == 1
    assert membership_until(api).timestamp() == unix(2027, 2, 28)


def test_a_change_to_a_yearly_sku_renews_yearly_not_monthly_at_the_yearly_price(
    app, api, sandbox, worker, monthly, catalog, clock
):
    """Switching a monthly contract to the product's annual SKU: the annual price buys a year. The contract kept its
    monthly interval, so the annual price was charged again every month (11 × 9,999 for what should be one)."""
    another_plan(app, catalog, "sku_test_annual", "Annual", 9999, "year")
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    assert api.patch(f"/subscriptions/{sub['id']}", json={"sku": "sku_test_annual"}).status_code == 200
    advance(api, worker, clock, unix(2027, 6, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    charged = [api.get(f"/orders/{r['order']}").json["amount"]["total"] for r in after["renewals"]]
    assert charged == [9999]  # one year bought on Feb 28, nothing more by June
    assert after["interval"] == "year" and after["sku"] == "sku_test_annual"
    assert after["current_period_start"] == iso(2027, 2, 28)
    assert after["current_period_end"] == after["next_renewal_at"] == iso(2028, 2, 28)


def test_maintenance_postpones_a_renewal_instead_of_failing_the_customer(
    app, api, sandbox, worker, monthly, clock, merchant
):
    """Maintenance (the operator's or the merchant's own) refuses new orders, but jobs go on: the renewal job could
    not open the period's order and counted it as the customer's failed try. The contract went past_due, the
    merchant was sent subscription.renewal_failed and subscription.past_due ("Kassa is in maintenance"), a dunning
    try was spent, and a maintenance over the last try canceled a customer whose card was fine."""
    from tests.platform.test_switches import cli

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    cli(app, "on", "maintenance", "--merchant-id", merchant.id, "--reason", "database upgrade")
    try:
        advance(api, worker, clock, unix(2027, 2, 28, 13))
        during = api.get(f"/subscriptions/{sub['id']}").json
        assert during["status"] == "active" and during["period"] == 1, (during["status"], during["renewals"])
        assert events(api, "subscription.renewal_failed") == [] and events(api, "subscription.past_due") == []
    finally:
        cli(app, "off", "maintenance", "--merchant-id", merchant.id)

    advance(api, worker, clock, unix(2027, 3, 1, 13))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "active" and after["period"] == 2
    assert [(r["status"], r["attempts"]) for r in after["renewals"]] == [("paid", 1)]
    assert after["current_period_end"] == iso(2027, 3, 31)  # the postponement does not move the anchor
    assert events(api, "subscription.renewal_failed") == [] and events(api, "subscription.past_due") == []
