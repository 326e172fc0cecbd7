"""Test and live are separate worlds (issue 8 item 17): orders and sessions carry ``livemode``, live keys never
reach sandbox channels, wallets hold separate balances per mode, and no read under one mode's keys returns an
object of the other. The parametrised tests walk every API read and every action on an order by id."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pytest

from tests.conftest import Api

CUSTOMER = "cus_both_worlds"
RECURRING_SKU = "sku_test_limited"  # given monthly terms by the ``worlds`` fixture
BALANCE = {False: 1111, True: 2222}  # what the customer's wallet holds in test and in live


def live_key(app, client, merchant, kind: str) -> Api:
    """A new live key of ``merchant``, as an API caller."""
    from app.extensions import db
    from app.merchants.services import issue_key

    with app.app_context():
        _, raw = issue_key(merchant.id, kind, "live")
        db.session.commit()
    return Api(client, raw)


@pytest.fixture
def live(app, client, merchant) -> Api:
    return live_key(app, client, merchant, "secret")


@pytest.fixture
def live_pk(app, client, merchant) -> Api:
    return live_key(app, client, merchant, "publishable")


def order_body(sku: str, customer: str = CUSTOMER) -> dict:
    return {"items": [{"sku": sku, "quantity": 1}], "customer": {"id": customer}, "agreement_accepted": True}


def credit(app, merchant_id: str, livemode: bool, amount: int) -> None:
    """Money in a wallet of one mode. Test wallets can also be topped up through the sandbox; live ones
    have no live channel to be topped up through in this installation, so the ledger is credited directly."""
    from app.extensions import db
    from app.ledger.wallet.services import credit_topup
    from app.platform.values.money import Money

    with app.app_context():
        credit_topup(merchant_id, CUSTOMER, Money(amount, "usd"), reference=f"seed_{livemode}", livemode=livemode)
        db.session.commit()


def saved_card(app, merchant_id: str, livemode: bool) -> str:
    """A card ``CUSTOMER`` saved in one mode. Only the sandbox keeps cards here, and it takes test orders alone, so
    the row is written as a paid checkout that asked to save its card leaves it."""
    from app.extensions import db
    from app.payments.saved_methods.models import SavedPaymentMethod
    from app.platform.values.ids import new_id

    with app.app_context():
        method = SavedPaymentMethod(
            id=new_id("spm"),
            merchant_id=merchant_id,
            livemode=livemode,
            customer_id=CUSTOMER,
            channel="sandbox_card",
            status="active",
            attempt_id=new_id("pay"),
            provider_reference=f"card_{livemode}",
            brand="visa",
            last4="4242",
        )
        db.session.add(method)
        db.session.commit()
        return method.id


def test_orders_and_sessions_carry_their_mode(api, live, catalog):
    test_order, live_order = (
        api.post("/orders", json=order_body(catalog["sku"])),
        live.post("/orders", json=order_body(catalog["sku"])),
    )
    assert (test_order.json["livemode"], live_order.json["livemode"]) == (False, True)
    session = {"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": CUSTOMER}}
    assert api.post("/checkout_sessions", json=session).json["livemode"] is False
    assert live.post("/checkout_sessions", json=session).json["livemode"] is True


def test_live_orders_never_reach_a_sandbox_channel(api, live, catalog):
    test_codes = [c["code"] for c in api.post("/orders", json=order_body(catalog["sku"])).json["available_channels"]]
    assert {"sandbox_card", "sandbox_qr"} <= set(test_codes)
    order = live.post("/orders", json=order_body(catalog["sku"])).json
    assert not [c for c in order["available_channels"] if c["code"].startswith("sandbox_")]
    for channel in ("sandbox_card", "sandbox_qr"):
        refused = live.post(f"/orders/{order['id']}/pay", json={"channel": channel})
        assert refused.status_code == 400
        assert refused.json["error"]["code"] == "channel_unavailable"
        assert "test channel" in refused.json["error"]["message"]
    assert live.get(f"/orders/{order['id']}").json["status"] == "created"
    assert (
        live.post(
            f"/customers/{CUSTOMER}/topups", json={"amount": 500, "currency": "usd", "channel": "sandbox_card"}
        ).status_code
        == 400
    )


def test_test_wallet_money_never_pays_a_live_order_and_the_reverse(app, api, live, merchant, catalog, sandbox, worker):
    from tests.ledger.wallet.test_wallet import top_up

    top_up(api, sandbox, worker, 5000, customer=CUSTOMER)  # a real test-mode top-up through the sandbox
    assert live.get(f"/customers/{CUSTOMER}/balance").json["available"] == []
    poor = live.post("/orders", json=order_body(catalog["sku"])).json
    assert "wallet" not in [c["code"] for c in poor["available_channels"]]
    refused = live.post(f"/orders/{poor['id']}/pay", json={"channel": "wallet"})
    assert refused.status_code == 422 and refused.json["error"]["code"] == "insufficient_balance"

    credit(app, merchant.id, True, 2000)
    rich = live.post("/orders", json=order_body(catalog["sku"])).json
    assert "wallet" in [c["code"] for c in rich["available_channels"]]
    assert live.post(f"/orders/{rich['id']}/pay", json={"channel": "wallet"}).json["payment"]["status"] == "succeeded"
    assert live.get(f"/customers/{CUSTOMER}/balance").json["available"] == [{"amount": 1001, "currency": "usd"}]
    assert api.get(f"/customers/{CUSTOMER}/balance").json["available"] == [{"amount": 5000, "currency": "usd"}]
    assert live.get("/balance").json["wallets"] == [{"amount": 1001, "currency": "usd"}]
    assert api.get("/balance").json["wallets"] == [{"amount": 5000, "currency": "usd"}]


def test_entitlements_granted_in_test_mode_are_not_held_in_live(app, api, live, merchant, catalog, sandbox, worker):
    from tests.support.lifecycle import paid_order, set_fulfilment

    set_fulfilment(app, catalog["sku"], {"membership_days": 30})
    paid_order(api, sandbox, catalog["sku"])  # customer cus_flow, test mode
    worker()
    assert api.get("/customers/cus_flow/entitlements").json["membership"]["active"] is True
    held = live.get("/customers/cus_flow/entitlements").json
    assert held["membership"] is None and held["grants"] == []


@dataclass
class World:
    """One mode's objects: an order, a checkout session, and the wallet balance of ``CUSTOMER``."""

    livemode: bool
    key: Api
    order: dict
    session: dict
    subscription: dict | None = None
    withdrawal: dict | None = None
    settlement: str | None = None
    dispute: str | None = None
    webhook_endpoint: str | None = None
    risk: dict | None = None
    saved_card: str | None = None


@pytest.fixture
def worlds(app, api, live, merchant, catalog) -> dict[bool, World]:
    from tests.support.signing import make_recurring

    make_recurring(app, RECURRING_SKU)
    made = {}
    for livemode, key in ((False, api), (True, live)):
        credit(app, merchant.id, livemode, BALANCE[livemode])
        order = key.post("/orders", json=order_body(catalog["sku"])).json
        session = key.post(
            "/checkout_sessions", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": CUSTOMER}}
        ).json
        made[livemode] = World(livemode, key, order, session, saved_card=saved_card(app, merchant.id, livemode))
    return made


def _order_ids(body: dict) -> set[str]:
    return {o["id"] for o in body["data"]}


# Every API read: how to ask it as ``mine`` and what must hold so that nothing of ``other`` comes back.
READS: dict[str, Callable[[World, World], None]] = {
    "api.orders_index": lambda mine, other: _check(
        _order_ids(mine.key.get("/orders").json) == {mine.order["id"]}
        and mine.key.get(f"/orders?customer={CUSTOMER}").json["data"][0]["id"] == mine.order["id"]
    ),
    "api.orders_show": lambda mine, other: _check(mine.key.get(f"/orders/{other.order['id']}").status_code == 404),
    "api.order_events_index": lambda mine, other: _check(
        mine.key.get(f"/orders/{other.order['id']}/events").status_code == 404
    ),
    "api.events_index": lambda mine, other: _check(
        {e["data"]["object"].get("id") for e in mine.key.get("/events").json["data"]} == {mine.order["id"]}
        and {e["livemode"] for e in mine.key.get("/events").json["data"]} == {mine.livemode}
    ),
    "api.checkout_sessions_show": lambda mine, other: _check(
        mine.key.get(f"/checkout_sessions/{other.session['id']}").status_code == 404
    ),
    "api.balance_show": lambda mine, other: _check(
        mine.key.get("/balance").json["wallets"] == [{"amount": BALANCE[mine.livemode], "currency": "usd"}]
    ),
    "api.customers_balance": lambda mine, other: _check(
        mine.key.get(f"/customers/{CUSTOMER}/balance").json["available"]
        == [{"amount": BALANCE[mine.livemode], "currency": "usd"}]
    ),
    # A person's access request under a live key covers their test records too, as their erasure does; a test
    # key's only the test ones.
    "api.customers_export": lambda mine, other: _check(
        {o["id"] for o in mine.key.get(f"/customers/{CUSTOMER}/export").json["orders"]}
        == ({mine.order["id"], other.order["id"]} if mine.livemode else {mine.order["id"]})
    ),
    "api.customers_entitlements": lambda mine, other: _check(
        mine.key.get(f"/customers/{CUSTOMER}/entitlements").json["grants"] == []
    ),
    "api.orders_stream": lambda mine, other: _check(True),  # authorised by the order's own client secret
    # Catalog coupons are one for both modes (each mode counts its own uses); a personal coupon is of one mode.
    "api.coupons_index": lambda mine, other: _check(
        _personal_coupon(other)["code"] not in {c["code"] for c in mine.key.get("/coupons").json["data"]}
    ),
    "api.coupons_show": lambda mine, other: _check(
        mine.key.get(f"/coupons/{_personal_coupon(other)['id']}").status_code == 404
    ),
    "api.coupons_redemptions": lambda mine, other: _check(
        mine.key.get(f"/coupons/{_personal_coupon(other)['id']}/redemptions").status_code == 404
    ),
    "api.customers_coupons_index": lambda mine, other: _check(
        _personal_coupon(other)["id"]
        not in {c["id"] for c in mine.key.get(f"/customers/{CUSTOMER}/coupons").json["data"]}
    ),
    "api.orders_coupons_index": lambda mine, other: _check(
        mine.key.get(f"/orders/{other.order['id']}/coupons").status_code == 404
    ),
    "api.campaigns_index": lambda mine, other: _check(
        _campaign(other)["id"] not in {c["id"] for c in mine.key.get("/campaigns").json["data"]}
    ),
    "api.campaigns_show": lambda mine, other: _check(
        mine.key.get(f"/campaigns/{_campaign(other)['id']}").status_code == 404
    ),
    "api.subscriptions_show": lambda mine, other: _check(
        mine.key.get(f"/subscriptions/{_subscription_of(other)['id']}").status_code == 404
    ),
    "api.subscriptions_index": lambda mine, other: _check(
        (_subscription_of(mine), _subscription_of(other))
        and [s["id"] for s in mine.key.get("/subscriptions").json["data"]] == [mine.subscription["id"]]
    ),
    # Test clocks exist in test mode only: live keys see none, not even by id.
    "api.test_clocks_index": lambda mine, other: _check(
        ([] if mine.livemode else [_test_clock(mine, other)])
        == [c["id"] for c in mine.key.get("/test_clocks").json["data"]]
    ),
    "api.test_clocks_show": lambda mine, other: _check(
        mine.key.get(f"/test_clocks/{_test_clock(mine, other)}").status_code == (404 if mine.livemode else 200)
    ),
    # The wallet: each mode's statement holds that mode's top-up only; a withdrawal exists in test mode only.
    "api.customers_wallet_statement": lambda mine, other: _check(
        [m["available_balance"] for m in mine.key.get(f"/customers/{CUSTOMER}/wallet/statement").json["data"]]
        == [BALANCE[mine.livemode]]
    ),
    "api.customers_wallet_statement_csv": lambda mine, other: _check(
        f",{BALANCE[mine.livemode]},"
        in (csv := mine.key.get(f"/customers/{CUSTOMER}/wallet/statement.csv").get_data(as_text=True))
        and f",{BALANCE[other.livemode]}," not in csv
    ),
    "api.customers_payment_methods_index": lambda mine, other: _check(
        [m["id"] for m in mine.key.get(f"/customers/{CUSTOMER}/payment_methods").json["data"]] == [mine.saved_card]
    ),
    "api.customers_withdrawals_index": lambda mine, other: _check(
        ([] if mine.livemode else [_withdrawal_of(mine, other)])
        == [w["id"] for w in mine.key.get(f"/customers/{CUSTOMER}/withdrawals").json["data"]]
    ),
    "api.withdrawals_show": lambda mine, other: _check(
        mine.key.get(f"/withdrawals/{_withdrawal_of(mine, other)}").status_code == (404 if mine.livemode else 200)
    ),
    # The books: settlements are of one mode (partners are shared, below).
    "api.settlements_index": lambda mine, other: _check(_lists_only_its_own_settlement(mine, other)),
    # Disputes are of the payment's mode.
    "api.disputes_index": lambda mine, other: _check(_lists_only_its_own_dispute(mine, other)),
    "api.disputes_show": lambda mine, other: _check(mine.key.get(f"/disputes/{_dispute_of(other)}").status_code == 404),
    "api.settlements_show": lambda mine, other: _check(
        mine.key.get(f"/settlements/{_settlement_of(other)}").status_code == 404
    ),
    "api.settlements_lines": lambda mine, other: _check(
        mine.key.get(f"/settlements/{_settlement_of(other)}/lines").status_code == 404
    ),
    "api.settlements_statement": lambda mine, other: _check(
        mine.key.get(f"/settlements/{_settlement_of(other)}/statement.csv").status_code == 404
    ),
    # Webhook endpoints are of the key's mode: a test key never lists, reads or changes the one live events go to.
    "api.webhook_endpoints_index": lambda mine, other: _check(
        (_webhook_endpoint_of(other), _webhook_endpoint_of(mine))
        and [e["id"] for e in mine.key.get("/webhook_endpoints").json["data"]] == [mine.webhook_endpoint]
    ),
    "api.webhook_endpoints_show": lambda mine, other: _check(
        mine.key.get(f"/webhook_endpoints/{_webhook_endpoint_of(other)}").status_code == 404
    ),
    # Risk lists and rules are each mode's own (a test key cannot see, nor so remove, the live block list).
    "api.risk_list_entries_index": lambda mine, other: _check(
        [_risk_of(mine, other)["entry"]] == [e["id"] for e in mine.key.get("/risk/list_entries").json["data"]]
    ),
    "api.risk_list_entries_export": lambda mine, other: _check(
        _risk_of(mine, other)
        and mine.key.get("/risk/list_entries/export").get_data(as_text=True).splitlines()[1:]
        == [f"customer,cus_risk_{mine.livemode},review,,"]
    ),
    "api.risk_rules_index": lambda mine, other: _check(
        [_risk_of(mine, other)["rule"]] == [r["id"] for r in mine.key.get("/risk/rules").json["data"]]
    ),
}


def _webhook_endpoint_of(world: World) -> str:
    """An endpoint made with the world's key."""
    if world.webhook_endpoint is None:
        world.webhook_endpoint = world.key.post(
            "/webhook_endpoints",
            json={"url": f"https://hooks.example.test/{'live' if world.livemode else 'test'}", "events": ["*"]},
        ).json["id"]
    return world.webhook_endpoint


def _risk_of(*worlds: World) -> dict:
    """A list entry and a rule in each world's mode (made on first use, so before the read); the first world's
    ids."""
    for world in worlds:
        if world.risk is None:
            entry = world.key.post(
                "/risk/list_entries",
                json={"kind": "customer", "value": f"cus_risk_{world.livemode}", "action": "review"},
            ).json
            rule = world.key.post(
                "/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 10**9}, "action": "review"}
            ).json
            world.risk = {"entry": entry["id"], "rule": rule["id"]}
    return worlds[0].risk


def _withdrawal_of(*worlds: World) -> str:
    """A withdrawal made with the test key; the live key's is refused (the sandbox pays out test money only)."""
    test, live = sorted(worlds, key=lambda w: w.livemode)
    if test.withdrawal is None:
        body = {"amount": 100, "currency": "usd", "destination": "acct_both_0001"}
        test.withdrawal = test.key.post(f"/customers/{CUSTOMER}/withdrawals", json=body).json["withdrawal"]
        refused = live.key.post(f"/customers/{CUSTOMER}/withdrawals", json=body)
        assert (refused.status_code, refused.json["error"]["code"]) == (400, "channel_unavailable")
    return test.withdrawal["id"]


def _lists_only_its_own_settlement(mine: World, other: World) -> bool:
    own, _ = _settlement_of(mine), _settlement_of(other)
    return [s["id"] for s in mine.key.get("/settlements").json["data"]] == [own]


def _settlement_of(world: World) -> str:
    """An (empty, paid) settlement of the merchant's own share in the world's mode."""
    if world.settlement is None:
        from app.extensions import db
        from app.ledger.books_models import Settlement
        from app.ledger.partners import ensure_self
        from app.orders.models import Order
        from app.platform.db.types import utcnow
        from app.platform.values.ids import new_id

        with world.key.client.application.app_context():
            merchant_id = db.session.get(Order, world.order["id"]).merchant_id
            ensure_self(merchant_id)
            world.settlement = new_id("stl")
            db.session.add(
                Settlement(
                    id=world.settlement,
                    merchant_id=merchant_id,
                    partner_id="self",
                    livemode=world.livemode,
                    currency="usd",
                    period_end=utcnow(),
                    gross=0,
                    fees=0,
                    refunds=0,
                    adjustments=0,
                    reserve_held=0,
                    net=0,
                    payout_amount=0,
                    status="paid",
                )
            )
            db.session.commit()
    return world.settlement


def _lists_only_its_own_dispute(mine: World, other: World) -> bool:
    own, _ = _dispute_of(mine), _dispute_of(other)
    return [d["id"] for d in mine.key.get("/disputes").json["data"]] == [own]


def _dispute_of(world: World) -> str:
    """A dispute of the world's order (written as the provider's callback would book it, without the books)."""
    if world.dispute is None:
        from app.extensions import db
        from app.orders.models import Order
        from app.payments.models import Dispute, PaymentAttempt
        from app.platform.values.ids import new_id

        with world.key.client.application.app_context():
            order = db.session.get(Order, world.order["id"])
            attempt = PaymentAttempt(
                id=new_id("pay"),
                merchant_id=order.merchant_id,
                order_id=order.id,
                channel="sandbox_card",
                amount=order.total,
                currency=order.currency,
            )
            world.dispute = new_id("dp")
            db.session.add(attempt)
            db.session.flush()
            db.session.add(
                Dispute(
                    id=world.dispute,
                    merchant_id=order.merchant_id,
                    livemode=world.livemode,
                    order_id=order.id,
                    payment_id=attempt.id,
                    channel="sandbox_card",
                    provider_dispute_id=f"sbd_{world.dispute}",
                    amount=order.total,
                    currency=order.currency,
                    reason="fraudulent",
                    status="needs_response",
                )
            )
            db.session.commit()
    return world.dispute


def _test_clock(*worlds: World) -> str:
    """A clock made with the test key (live keys cannot make one)."""
    test = next(w for w in worlds if not w.livemode)
    assert test.key.post("/test_clocks", json={"frozen_time": 1_800_000_000}).status_code == 201
    made = test.key.get("/test_clocks").json["data"]
    assert live_refused(next(w for w in worlds if w.livemode))
    return made[0]["id"]


def live_refused(world: World) -> bool:
    return world.key.post("/test_clocks", json={"frozen_time": 1_800_000_000}).status_code == 400


def _subscription_of(world: World) -> dict:
    """The world's subscription to the recurring SKU (opened on first use: its first order would
    otherwise show up in the order reads)."""
    if world.subscription is None:
        world.subscription = world.key.post(
            "/subscriptions", json={"sku": RECURRING_SKU, "customer": {"id": CUSTOMER}, "agreement_accepted": True}
        ).json["subscription"]
    return world.subscription


# Reads of things that are not test or live: the catalog, the API's own description.
# Partners and business lines are the merchant's business relations and structure, whatever the mode.
SHARED = {
    "api.products_index",
    "api.products_show",
    "api.openapi_json",
    "api.partners_index",
    "api.partners_show",
    "api.business_lines_index",
    "api.business_lines_show",
    "api.business_lines_channels",
}
# A provider's statement is of its account and day, whichever keys made the payments on it: a live key reads every
# run, a test key those of test-only channels alone (tests/reconciliation/test_test_key_reconciliation.py).
TEST_CHANNELS_ONLY = {
    "api.reconciliation_runs_index",
    "api.reconciliation_runs_show",
    "api.reconciliation_runs_discrepancies",
}

# Every action on an order by id: under the other mode's key the order does not exist.
ACTIONS: dict[str, Callable[[Api, dict], object]] = {
    "api.orders_pay": lambda key, order: key.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}),
    "api.orders_cancel": lambda key, order: key.post(f"/orders/{order['id']}/cancel"),
    "api.orders_change_payment_method": lambda key, order: key.post(
        f"/orders/{order['id']}/change_payment_method", json={}
    ),
    "api.orders_confirm": lambda key, order: key.post(f"/orders/{order['id']}/confirm"),
    "api.sub_order_refunds_create": lambda key, order: key.post(
        f"/orders/{order['id']}/sub_orders/so_none/refunds", json={}
    ),
    "api.sub_orders_confirm": lambda key, order: key.post(f"/orders/{order['id']}/sub_orders/so_none/confirm"),
    "api.sub_orders_cancel": lambda key, order: key.post(f"/orders/{order['id']}/sub_orders/so_none/cancel", json={}),
    "api.orders_fulfilment_report": lambda key, order: key.post(
        f"/orders/{order['id']}/fulfilment", json={"status": "succeeded"}
    ),
    "api.refunds_create": lambda key, order: key.post(f"/orders/{order['id']}/refunds", json={}),
    "api.orders_review": lambda key, order: key.post(f"/orders/{order['id']}/review", json={"decision": "reject"}),
    "api.orders_refund_requests": lambda key, order: key.post(
        f"/orders/{order['id']}/refund_requests", json={"reason": "wrong mode"}
    ),
}


def _personal_coupon(world: World) -> dict:
    """A coupon issued to ``CUSTOMER`` in ``world``'s mode (from a catalog coupon, which is one for both modes)."""
    template = world.key.post(
        "/coupons", json={"code": f"TPL{int(world.livemode)}", "kind": "percent_off", "percent_bps": 1000}
    )
    template_id = (
        template.json["id"]
        if template.status_code == 201
        else world.key.get(f"/coupons?code=TPL{int(world.livemode)}").json["data"][0]["id"]
    )
    issued = world.key.post(f"/customers/{CUSTOMER}/coupons", json={"coupon": template_id})
    assert issued.status_code == 201, issued.json
    return issued.json


def _campaign(world: World) -> dict:
    template = _personal_coupon(world)  # makes the catalog coupon too
    catalog_coupon = world.key.get(f"/coupons?code=TPL{int(world.livemode)}").json["data"][0]["id"]
    created = world.key.post(
        "/campaigns", json={"name": "Welcome", "rule": "first_order", "template_coupon": catalog_coupon}
    )
    assert created.status_code == 201, (created.json, template)
    return created.json


def _check(ok: bool) -> None:
    assert ok


def test_every_api_read_is_mode_scoped_or_declared_shared(app):
    reads = {
        rule.endpoint for rule in app.url_map.iter_rules() if rule.endpoint.startswith("api.") and "GET" in rule.methods
    }
    assert reads == set(READS) | SHARED | TEST_CHANNELS_ONLY


def test_every_action_on_an_order_by_id_is_walked(app):
    by_id = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1/orders/<order_id>/") and "POST" in rule.methods
    }
    assert by_id == set(ACTIONS)


@pytest.mark.parametrize("livemode", [False, True], ids=["test keys", "live keys"])
@pytest.mark.parametrize("endpoint", sorted(READS))
def test_no_read_returns_an_object_of_the_other_mode(worlds, endpoint, livemode):
    READS[endpoint](worlds[livemode], worlds[not livemode])


@pytest.mark.parametrize("livemode", [False, True], ids=["test keys", "live keys"])
@pytest.mark.parametrize("endpoint", sorted(ACTIONS))
def test_no_action_reaches_an_order_of_the_other_mode(worlds, endpoint, livemode):
    mine, other = worlds[livemode], worlds[not livemode]
    response = ACTIONS[endpoint](mine.key, other.order)
    assert response.status_code == 404, (endpoint, response.json)
    assert other.key.get(f"/orders/{other.order['id']}").json["status"] == "created"


SUBSCRIPTION_ACTIONS: dict[str, Callable[[Api, dict], object]] = {
    "api.subscriptions_cancel": lambda key, sub: key.post(f"/subscriptions/{sub['id']}/cancel", json={}),
    "api.subscriptions_pause": lambda key, sub: key.post(f"/subscriptions/{sub['id']}/pause"),
    "api.subscriptions_resume": lambda key, sub: key.post(f"/subscriptions/{sub['id']}/resume"),
    "api.subscriptions_update": lambda key, sub: key.patch(f"/subscriptions/{sub['id']}", json={"sku": RECURRING_SKU}),
}


def test_every_action_on_a_subscription_by_id_is_walked(app):
    by_id = {
        rule.endpoint
        for rule in app.url_map.iter_rules()
        if rule.rule.startswith("/api/v1/subscriptions/<") and rule.methods & {"POST", "PATCH"}
    }
    assert by_id == set(SUBSCRIPTION_ACTIONS)


@pytest.mark.parametrize("livemode", [False, True], ids=["test keys", "live keys"])
@pytest.mark.parametrize("endpoint", sorted(SUBSCRIPTION_ACTIONS))
def test_no_action_reaches_a_subscription_of_the_other_mode(worlds, endpoint, livemode):
    mine, other = worlds[livemode], worlds[not livemode]
    response = SUBSCRIPTION_ACTIONS[endpoint](mine.key, _subscription_of(other))
    assert response.status_code == 404, (endpoint, response.json)
    assert other.key.get(f"/subscriptions/{other.subscription['id']}").json["status"] == "pending"


def test_a_live_publishable_key_cannot_use_a_test_session(live_pk, worlds, catalog):
    refused = live_pk.post(
        "/orders", json={"checkout_session": worlds[False].session["client_secret"], "agreement_accepted": True}
    )
    assert refused.status_code == 400 and refused.json["error"]["code"] == "checkout_session_invalid"


def test_an_idempotency_key_never_replays_across_modes(api, live, catalog):
    body = order_body(catalog["sku"])
    first = api.post("/orders", json=body, headers={"Idempotency-Key": "same-key"})
    other = live.post("/orders", json=body, headers={"Idempotency-Key": "same-key"})
    assert first.status_code == 201
    # Another mode's key is another key: the live request runs as new, it neither replays nor conflicts.
    assert other.status_code == 201 and "Idempotent-Replayed" not in other.headers
    assert other.json["id"] != first.json["id"] and other.json["livemode"] is True


def test_the_hosted_product_page_follows_the_merchants_live_checkout_setting(app, client, merchant, catalog):
    from app.extensions import db
    from app.merchants.models import Merchant

    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert "Card (sandbox)" in page  # test mode by default
    with app.app_context():
        db.session.get(Merchant, merchant.id).live_checkout = True
        db.session.commit()
    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert "Card (sandbox)" not in page and "No payment method is available right now." in page


def _paid_in_test_mode(pk_api, sandbox, body: dict) -> dict:
    """An order someone holding the test publishable key places and pays through the sandbox (for nothing)."""
    from tests.conftest import wait_for

    order = pk_api.post("/orders", json=body)
    assert order.status_code == 201, order.json
    order = order.json
    assert order["livemode"] is False
    payment = pk_api.post(
        f"/orders/{order['id']}/pay", json={"channel": "sandbox_card", "client_secret": order["client_secret"]}
    )
    assert payment.status_code == 200, payment.json
    sandbox.simulate(payment.json["payment"]["provider_reference"], "succeeded")
    wait_for(
        lambda: (
            pk_api.get(f"/orders/{order['id']}", query_string={"client_secret": order["client_secret"]}).json["status"]
            == "paid"
        )
    )
    return order


def test_test_mode_purchases_never_take_live_stock(api, pk_api, live, catalog, sandbox):
    """Stock was one number for both modes: the 3 Founder editions bought in test mode (anyone with the test
    publishable key, any origin, paid by the sandbox for nothing) left live shoppers 409 out_of_stock. Test orders
    now take from a stock of their own; each key sees its mode's; a restock restocks both."""

    def stock(key) -> int:
        skus = key.get(f"/products/{catalog['product']}").json["skus"]
        return {s["id"]: s["stock"] for s in skus}[catalog["limited_sku"]]

    _paid_in_test_mode(
        pk_api,
        sandbox,
        {**order_body(catalog["limited_sku"]), "items": [{"sku": catalog["limited_sku"], "quantity": 3}]},
    )
    assert (stock(api), stock(live)) == (0, 3)
    assert api.post("/orders", json=order_body(catalog["limited_sku"])).json["error"]["code"] == "out_of_stock"
    bought = live.post("/orders", json=order_body(catalog["limited_sku"]))
    assert bought.status_code == 201, bought.json
    assert (stock(api), stock(live)) == (0, 2)

    assert live.patch(f"/skus/{catalog['limited_sku']}", json={"stock": 10}).status_code == 200
    assert (stock(api), stock(live)) == (10, 10)
    assert live.post(f"/orders/{bought.json['id']}/cancel").status_code == 200
    assert (stock(api), stock(live)) == (10, 11)  # the live order's unit goes back to the live stock


def test_test_mode_purchases_never_use_up_a_live_coupon(app, merchant, api, pk_api, live, catalog, sandbox):
    """A 1-use LAUNCH coupon redeemed by a paid test order was used up for live shoppers (409 coupon_exhausted).
    Each mode counts its uses against the same limits, the per-customer limit too."""
    from app.catalog.coupon_models import Coupon
    from app.catalog.coupons import create_coupon
    from app.extensions import db

    with app.app_context():
        create_coupon(
            merchant.id,
            {"code": "LAUNCH", "kind": "percent_off", "percent_bps": 5000, "max_redemptions": 1, "max_per_customer": 1},
        )
    _paid_in_test_mode(pk_api, sandbox, {**order_body(catalog["sku"]), "coupon": "LAUNCH"})
    again = api.post("/orders", json={**order_body(catalog["sku"], "cus_other"), "coupon": "LAUNCH"})
    assert (again.status_code, again.json["error"]["code"]) == (409, "coupon_exhausted")  # used up in test mode

    live_order = live.post("/orders", json={**order_body(catalog["sku"]), "coupon": "LAUNCH"})
    assert live_order.status_code == 201, live_order.json
    assert live_order.json["amount"]["discount"] == 499  # half of $9.99
    with app.app_context():
        coupon = db.session.scalar(db.select(Coupon).where(Coupon.code == "LAUNCH"))
        assert (coupon.times_redeemed, coupon.test_times_redeemed) == (1, 1)
    assert live.post(f"/orders/{live_order.json['id']}/cancel").status_code == 200
    with app.app_context():  # the canceled live order gives its use back to the live count only
        coupon = db.session.scalar(db.select(Coupon).where(Coupon.code == "LAUNCH"))
        assert (coupon.times_redeemed, coupon.test_times_redeemed) == (0, 1)


def test_test_orders_never_use_up_a_live_purchase_limit(api, live, catalog):
    """A SKU limited to 1 per customer: the customer's test order (a developer trying the checkout with the real
    customer id) made their first live purchase a 422 purchase_limit_exceeded."""
    assert live.patch(f"/skus/{catalog['limited_sku']}", json={"purchase_limit": 1}).status_code == 200
    assert api.post("/orders", json=order_body(catalog["limited_sku"])).status_code == 201
    again = api.post("/orders", json=order_body(catalog["limited_sku"]))
    assert (again.status_code, again.json["error"]["code"]) == (422, "purchase_limit_exceeded")  # test: the limit
    bought = live.post("/orders", json=order_body(catalog["limited_sku"]))
    assert bought.status_code == 201, bought.json
    assert live.post("/orders", json=order_body(catalog["limited_sku"])).status_code == 422
