"""Stripe's answers that localstripe does not model, recorded from Stripe's API reference and served over real
HTTP on loopback: how each maps onto Kassa's error classes, and what the shopper and the merchant then see."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from app.payments.channels.adapters.stripe_card import StripeAdapter
from app.payments.channels.adapters.stripe_currency import from_stripe_amount, to_stripe_amount
from app.payments.channels.interface import ProviderOutcomeUnknown, ProviderRefused, ProviderUnavailable
from tests.payments.attempts.test_payment_flow import create_order
from tests.support.localstripe import PUBLISHABLE_KEY, SECRET_KEY, WEBHOOK_SECRET
from tests.support.recorded_stripe import (
    AMOUNT_TOO_LARGE,
    API_ERROR,
    AUTHENTICATION_REQUIRED,
    BAD_KEY,
    CARD_DECLINED,
    RATE_LIMITED,
    RecordedStripe,
    payment_intent,
)


@pytest.fixture
def recorded(app):
    server = RecordedStripe()
    saved = app.config["STRIPE_API_BASE"]
    app.config["STRIPE_API_BASE"] = server.url
    yield server
    app.config["STRIPE_API_BASE"] = saved
    server.close()


def _adapter(url: str, key: str = SECRET_KEY) -> StripeAdapter:
    return StripeAdapter(key, PUBLISHABLE_KEY, WEBHOOK_SECRET, api_base=url, public_url="http://127.0.0.1:1", timeout=2)


@pytest.mark.parametrize(
    "answer, error",
    [
        (CARD_DECLINED, ProviderRefused),
        (BAD_KEY, ProviderRefused),
        (RATE_LIMITED, ProviderUnavailable),
        (API_ERROR, ProviderOutcomeUnknown),
    ],
)
def test_stripe_errors_map_onto_kassas_classes(app, recorded, answer, error):
    recorded.answers.append(answer)
    with app.app_context(), pytest.raises(error) as raised:
        _adapter(recorded.url).query_payment("pi_recorded")
    assert type(raised.value) is error
    assert answer[1]["error"]["message"][:20] in str(raised.value)


def test_no_answer_to_a_create_leaves_the_outcome_unknown_for_the_janitor(app, api, catalog, stripe_merchant, recorded):
    recorded.answers.append(API_ERROR)
    order = create_order(api, catalog["sku"])
    answer = api.post(f"/orders/{order['id']}/pay", json={"channel": "stripe"})
    assert answer.status_code == 502 and answer.json["error"]["code"] == "payment_outcome_unknown"
    again = api.post(f"/orders/{order['id']}/pay", json={"channel": "stripe"})
    assert again.status_code == 409 and again.json["error"]["code"] == "payment_outcome_unknown"
    sent = recorded.requests[0]
    assert sent["path"] == "/v1/payment_intents" and sent["headers"]["Idempotency-Key"].startswith("pay_")
    assert f"metadata[kassa_attempt_id]={sent['headers']['Idempotency-Key']}" in sent["body"].replace(
        "%5B", "["
    ).replace("%5D", "]")


def test_a_refused_create_fails_the_attempt_and_the_shopper_may_try_again(app, api, catalog, stripe_merchant, recorded):
    recorded.answers.append(BAD_KEY)
    order = create_order(api, catalog["sku"])
    answer = api.post(f"/orders/{order['id']}/pay", json={"channel": "stripe"})
    assert answer.status_code == 502 and "stripe could not start the payment" in answer.json["error"]["message"]
    assert api.get(f"/orders/{order['id']}").json["status"] == "created"


def test_an_idempotent_replay_returns_the_first_payment_intent(app, recorded):
    from app.payments.channels.interface import PaymentRequest

    recorded.replayed.add("pay_replayed")
    recorded.answers.extend([payment_intent("pi_first", "pay_replayed")] * 2)
    request = PaymentRequest(
        attempt_id="pay_replayed",
        amount=999,
        currency="usd",
        description="Order ord_1",
        return_url="http://127.0.0.1:1/r",
        callback_url="http://127.0.0.1:1/c",
    )
    with app.app_context():
        first, second = (_adapter(recorded.url).create_payment(request) for _ in range(2))
    assert first.reference == second.reference == "pi_first"
    assert [r["headers"]["Idempotency-Key"] for r in recorded.requests] == ["pay_replayed", "pay_replayed"]


def test_a_refund_stripe_refuses_is_failed_and_one_it_did_not_answer_is_unknown(app, recorded):
    with app.app_context():
        recorded.answers.extend(
            [
                payment_intent("pi_paid", "pay_1", status="succeeded"),
                (200, {"object": "list", "data": [], "has_more": False, "url": "/v1/refunds"}),
                AMOUNT_TOO_LARGE,
            ]
        )
        refused = _adapter(recorded.url).refund("pi_paid", 2000, "re_1")
        assert refused.status == "failed" and "greater than unrefunded amount" in refused.failure_reason
        recorded.answers.extend(
            [
                payment_intent("pi_paid", "pay_1", status="succeeded"),
                (200, {"object": "list", "data": [], "has_more": False, "url": "/v1/refunds"}),
                API_ERROR,
            ]
        )
        with pytest.raises(ProviderUnavailable):  # the refund service keeps the reference for the retry
            _adapter(recorded.url).refund("pi_paid", 500, "re_2")


@pytest.mark.parametrize(
    "amount, currency, stripe_amount",
    [(999, "usd", 999), (500, "jpy", 500), (5, "isk", 500), (1230, "kwd", 1230), (12300, "ugx", 123)],
)
def test_amounts_follow_stripes_currency_table(amount, currency, stripe_amount):
    assert to_stripe_amount(amount, currency) == stripe_amount
    assert from_stripe_amount(stripe_amount, currency) == amount


def test_amounts_stripe_cannot_express_are_refused_with_the_reason():
    with pytest.raises(ValueError, match="multiples of 0.010"):
        to_stripe_amount(1234, "kwd")
    with pytest.raises(ValueError, match="whole units only"):
        to_stripe_amount(12345, "ugx")


def test_a_key_takes_only_orders_of_its_own_mode():
    order = SimpleNamespace(livemode=True, total=999, currency="usd")
    assert "needs a live (sk_live_…) Stripe key" in _adapter("http://127.0.0.1:1").refuse(order)
    assert _adapter("http://127.0.0.1:1", key="sk_live_51abc").refuse(order) is None
    assert "not set up" in _adapter("http://127.0.0.1:1", key="").refuse(order)
    assert "multiples" in _adapter("http://127.0.0.1:1").refuse(
        SimpleNamespace(livemode=False, total=1, currency="kwd")
    )


def test_an_off_session_charge_the_bank_wants_authenticated_is_a_failed_result_with_the_reason(app, recorded):
    from app.payments.channels.interface import PaymentRequest

    recorded.answers.append(AUTHENTICATION_REQUIRED)
    request = PaymentRequest(
        attempt_id="pay_renewal", amount=999, currency="usd", description="Renewal", return_url="", callback_url=""
    )
    with app.app_context():
        result = _adapter(recorded.url).charge_off_session(request, customer="cus_1", payment_method="pm_1")
    assert (result.status, result.provider_reference) == ("failed", "pi_offsession")
    assert result.failure_reason == "Your card was declined. This transaction requires authentication."
    assert len(recorded.requests) == 1 and "off_session=true" in recorded.requests[0]["body"]


def test_a_renewal_the_bank_wants_authenticated_fails_its_try_with_a_reason_the_shopper_reads(app, recorded):
    """Stripe's 402 for a saved card charged off session: the renewal's try fails (dunning asks the subscriber),
    its reason says the bank asks them to confirm, and the charge went to the card's own Customer with the renewal
    attempt's id as idempotency key."""
    from app.payments.channels.adapters.stripe_mandates import AUTHENTICATION_REQUIRED as ASKS_THE_SHOPPER

    recorded.answers.append((200, {"id": "pm_1", "object": "payment_method", "customer": "cus_1", "type": "card"}))
    recorded.answers.append(AUTHENTICATION_REQUIRED)
    with app.app_context():
        result = _adapter(recorded.url).deduct(
            "pm_1", amount=999, currency="usd", reference="pay_renewal", description="Order ord_1"
        )
    assert (result.status, result.provider_reference, result.failure_reason) == (
        "failed",
        "pi_offsession",
        ASKS_THE_SHOPPER,
    )
    charge = recorded.requests[1]
    assert charge["headers"]["Idempotency-Key"] == "pay_renewal"
    assert all(f in charge["body"] for f in ("off_session=true", "customer=cus_1", "payment_method=pm_1"))


def _without(body: dict, key: str) -> dict:
    return {k: v for k, v in body.items() if k != key}


_INTENT = payment_intent("pi_odd", "pay_odd", status="succeeded")[1]


@pytest.mark.parametrize(
    "body",
    [
        _without(_INTENT, "amount"),
        _without(_INTENT, "currency"),
        _without(_INTENT, "id"),
        _INTENT | {"amount": "999"},
        _INTENT | {"currency": 840},
        _INTENT | {"metadata": {"kassa_attempt_id": 7}},
        _INTENT | {"status": "requires_payment_method", "last_payment_error": "declined"},
    ],
    ids=[
        "no amount",
        "no currency",
        "no id",
        "amount as text",
        "currency as number",
        "attempt id as number",
        "error as text",
    ],
)
def test_a_payment_intent_kassa_cannot_read_is_an_unknown_outcome_not_a_crash(app, recorded, body):
    """A PaymentIntent missing a field or with one of the wrong type (a proxy's rewrite, an API change) was read
    unguarded: a KeyError or TypeError out of polling, the janitor or the card page. Now it is an outcome not known
    yet, which each of them already handles (asked again later)."""
    recorded.answers.extend(
        [
            (200, body),
            (
                200,
                {
                    "object": "list",
                    "data": [_without(body, "metadata") | {"metadata": {"kassa_attempt_id": "pay_odd"}}],
                    "has_more": False,
                },
            ),
        ]
    )
    with app.app_context():
        with pytest.raises(ProviderOutcomeUnknown, match="cannot read as a PaymentIntent"):
            _adapter(recorded.url).query_payment("pi_odd")
        if body.get("metadata") == _INTENT["metadata"]:  # the janitor's look-up finds it by its attempt id
            with pytest.raises(ProviderOutcomeUnknown, match="cannot read as a PaymentIntent"):
                _adapter(recorded.url).find_payment("pay_odd")
