"""Subscriptions over the API: a contract opens with its first order, paying that order activates it,
and cancel, pause, resume and SKU changes behave as API.md says (idempotent, events in the outbox)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from tests.payments.attempts.test_payment_flow import events_of, status_of
from tests.support.signing import CUSTOMER, make_recurring, pay_first_order, subscribe


@pytest.fixture
def monthly(app, catalog) -> str:
    make_recurring(app, catalog["sku"], "month")
    return catalog["sku"]


def test_opening_a_subscription_creates_a_pending_contract_and_its_first_order(api, monthly):
    created = subscribe(api, monthly)
    sub, order = created["subscription"], created["order"]
    assert sub["status"] == "pending" and sub["latest_order"] == order["id"]
    assert (sub["interval"], sub["interval_count"], sub["price"]) == ("month", 1, {"amount": 999, "currency": "usd"})
    assert sub["current_period_end"] is None and sub["mandate"] is None and sub["renewals"] == []
    assert order["status"] == "created" and order["amount"]["total"] == 999
    assert api.get(f"/subscriptions/{sub['id']}").json["customer"]["id"] == CUSTOMER


def test_a_coupon_takes_off_the_first_order_and_no_renewal(app, api, sandbox, worker, merchant, monthly):
    from datetime import timedelta

    from app.catalog.coupons import create_coupon
    from app.platform.db.types import utcnow
    from app.signing.renewals.sweep import run_renewals

    with app.app_context():
        create_coupon(merchant.id, {"code": "FIRSTMONTH", "kind": "amount_off", "amount_off": 500, "currency": "usd"})
    quoted = api.post("/quotes", json={"items": [{"sku": monthly, "quantity": 1}], "coupon": "firstmonth"}).json
    unknown = api.post(
        "/subscriptions",
        json={"sku": monthly, "customer": {"id": CUSTOMER}, "agreement_accepted": True, "coupon": "NOPE"},
    )
    assert unknown.status_code == 400 and unknown.json["error"]["param"] == "coupon"
    created = subscribe(api, monthly, coupon="firstmonth")
    assert created["order"]["amount"]["total"] == quoted["total"] == 499
    assert created["subscription"]["price"] == {"amount": 999, "currency": "usd"}
    sub = pay_first_order(api, sandbox, worker, created)
    assert sub["status"] == "active"
    with app.app_context():  # a month on, the renewal charges the SKU's price: the coupon was the first order's
        run_renewals(now=utcnow() + timedelta(days=32))
    worker()
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert renewed["period"] == 2 and api.get(f"/orders/{renewed['latest_order']}").json["amount"]["total"] == 999


def test_bad_requests_say_what_to_fix(api, catalog, monthly):
    one_off = api.post(
        "/subscriptions", json={"sku": catalog["limited_sku"], "customer": {"id": "c"}, "agreement_accepted": True}
    )
    assert one_off.status_code == 400 and one_off.json["error"]["code"] == "sku_not_recurring"
    assert (
        api.post("/subscriptions", json={"sku": "sku_nope", "customer": {"id": "c"}, "agreement_accepted": True}).json[
            "error"
        ]["param"]
        == "sku"
    )
    unsigned = api.post("/subscriptions", json={"sku": monthly, "customer": {"id": "c"}})
    assert unsigned.status_code == 422 and unsigned.json["error"]["code"] == "agreement_required"
    assert api.post("/subscriptions", json={"sku": monthly, "agreement_accepted": True}).status_code == 400
    assert api.get("/subscriptions?status=sleeping").status_code == 400
    assert api.get("/subscriptions/sub_missing").status_code == 404
    assert api.get("/orders").json["data"] == []  # nothing half-made


def test_a_subscription_sku_is_not_sold_as_an_order(app, api, pk_api, catalog, monthly):
    """An order of a subscription SKU charged one period and never renewed, while the merchant's catalog (and the
    SDK's own panel) sold it as renewing: POST /orders and checkout sessions now send it to POST /subscriptions,
    creating and reserving nothing."""
    from app.catalog.models import Sku
    from app.extensions import db

    basket = [{"sku": catalog["limited_sku"], "quantity": 1}, {"sku": monthly, "quantity": 1}]
    for caller in (api, pk_api):
        refused = caller.post(
            "/orders", json={"items": basket, "customer": {"id": "cus_x"}, "agreement_accepted": True}
        )
        assert refused.status_code == 400, refused.json
        assert refused.json["error"]["code"] == "sku_recurring"
        assert refused.json["error"]["param"] == "items[1].sku"
        assert "POST /subscriptions" in refused.json["error"]["message"]
    session = api.post("/checkout_sessions", json={"items": basket, "customer": {"id": "cus_x"}})
    assert (session.status_code, session.json["error"]["param"]) == (400, "items[1].sku")
    assert api.get("/orders").json["data"] == [] and api.get("/subscriptions").json["data"] == []
    with app.app_context():
        assert db.session.get(Sku, catalog["limited_sku"]).stock == 3  # nothing held for an order never made

    # A session for the product sells its one-off option only.
    picked = api.post("/checkout_sessions", json={"product": catalog["product"], "customer": {"id": "cus_x"}})
    assert picked.status_code == 201, picked.json
    secret = picked.json["client_secret"]
    via_sdk = pk_api.post(
        "/orders",
        json={"checkout_session": secret, "items": [{"sku": monthly, "quantity": 1}], "agreement_accepted": True},
    )
    assert (via_sdk.status_code, via_sdk.json["error"]["code"]) == (400, "sku_recurring")
    page = api.client.get(f"/checkout/sessions/{picked.json['id']}?client_secret={secret}").get_data(as_text=True)
    assert "Founder edition" in page and "30 days" not in page
    one_off = pk_api.post(
        "/orders",
        json={
            "checkout_session": secret,
            "agreement_accepted": True,
            "items": [{"sku": catalog["limited_sku"], "quantity": 1}],
        },
    )
    assert one_off.status_code == 201, one_off.json

    make_recurring(app, catalog["limited_sku"], "year")
    only_subscriptions = api.post(
        "/checkout_sessions", json={"product": catalog["product"], "customer": {"id": "cus_x"}}
    )
    assert only_subscriptions.status_code == 400
    assert (only_subscriptions.json["error"]["code"], only_subscriptions.json["error"]["param"]) == (
        "sku_recurring",
        "product",
    )


def test_paying_the_first_order_activates_the_contract_for_one_period(app, api, sandbox, worker, monthly):
    created = subscribe(api, monthly)
    sub = pay_first_order(api, sandbox, worker, created)
    assert sub["status"] == "active" and sub["period"] == 1
    start, end = (datetime.fromisoformat(sub[name]) for name in ("current_period_start", "current_period_end"))
    assert (
        timedelta(days=28) <= end - start <= timedelta(days=31) and sub["next_renewal_at"] == sub["current_period_end"]
    )
    assert [t["status"] for t in sub["timeline"]] == ["pending", "active"]
    activated = events_of(app, "subscription.activated")
    assert [e.data["object"]["id"] for e in activated] == [sub["id"]]
    worker()  # the event handled again changes nothing
    assert len(events_of(app, "subscription.activated")) == 1


def test_cancel_now_is_final_and_idempotent(app, api, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    canceled = api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": False})
    assert canceled.status_code == 200
    assert canceled.json["status"] == "canceled" and canceled.json["next_renewal_at"] is None
    assert canceled.json["canceled_at"] is not None
    again = api.post(f"/subscriptions/{sub['id']}/cancel", json={})
    assert again.status_code == 200 and again.json["canceled_at"] == canceled.json["canceled_at"]
    assert len(events_of(app, "subscription.canceled")) == 1
    refused = api.post(f"/subscriptions/{sub['id']}/resume")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "subscription_state_invalid"


def test_cancel_at_period_end_keeps_the_contract_until_then(api, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    later = api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True}).json
    assert later["status"] == "active" and later["cancel_at_period_end"] is True
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": "yes"}).status_code == 400


def test_a_paused_subscription_canceled_at_period_end_does_end(app, api, sandbox, worker, monthly):
    from datetime import timedelta

    from app.platform.db.types import utcnow
    from app.signing.renewals.sweep import run_renewals

    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    api.post(f"/subscriptions/{sub['id']}/pause")
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True}).status_code == 200
    with app.app_context():  # the paid period is long over; the renewal job has run since
        run_renewals(now=utcnow() + timedelta(days=40))
    ended = api.get(f"/subscriptions/{sub['id']}").json
    assert ended["status"] == "canceled" and ended["mandate"]["status"] == "canceled"
    assert len(events_of(app, "subscription.canceled")) == 1


def test_a_subscription_ending_at_period_end_cannot_be_paused_into_never_ending(app, api, sandbox, worker, monthly):
    from datetime import timedelta

    from app.platform.db.types import utcnow
    from app.signing.renewals.sweep import run_renewals

    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True}).status_code == 200
    refused = api.post(f"/subscriptions/{sub['id']}/pause")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "subscription_state_invalid"
    assert "already ends at the end of its current period" in refused.json["error"]["message"]
    with app.app_context():
        run_renewals(now=utcnow() + timedelta(days=40))
    ended = api.get(f"/subscriptions/{sub['id']}").json
    assert ended["status"] == "canceled" and ended["renewals"] == []
    assert len(events_of(app, "subscription.canceled")) == 1


def test_cancelling_a_pending_contract_closes_its_unpaid_order(api, monthly):
    created = subscribe(api, monthly)
    canceled = api.post(f"/subscriptions/{created['subscription']['id']}/cancel", json={}).json
    assert canceled["status"] == "canceled"
    assert status_of(api, created["order"]["id"]) == "closed"


def test_pause_and_resume(app, api, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    paused = api.post(f"/subscriptions/{sub['id']}/pause").json
    assert paused["status"] == "paused" and paused["next_renewal_at"] is None
    assert api.post(f"/subscriptions/{sub['id']}/pause").json["status"] == "paused"  # idempotent
    resumed = api.post(f"/subscriptions/{sub['id']}/resume").json
    assert resumed["status"] == "active" and resumed["next_renewal_at"] == sub["current_period_end"]
    assert [t["status"] for t in resumed["timeline"]] == ["pending", "active", "paused", "active"]
    assert len(events_of(app, "subscription.paused")) == 1 and len(events_of(app, "subscription.resumed")) == 1


def test_a_pending_contract_cannot_be_paused(api, monthly):
    created = subscribe(api, monthly)
    refused = api.post(f"/subscriptions/{created['subscription']['id']}/pause")
    assert refused.status_code == 409 and refused.json["error"]["code"] == "subscription_state_invalid"


def test_changing_the_sku_waits_for_the_next_renewal(app, api, sandbox, worker, catalog, monthly):
    make_recurring(app, catalog["limited_sku"], "year")
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    changed = api.patch(f"/subscriptions/{sub['id']}", json={"sku": catalog["limited_sku"]})
    assert changed.status_code == 200
    assert changed.json["sku"] == monthly and changed.json["next_sku"] == catalog["limited_sku"]
    assert changed.json["price"]["amount"] == 999
    assert api.patch(f"/subscriptions/{sub['id']}", json={"sku": "sku_nope"}).status_code == 400
    assert api.patch(f"/subscriptions/{sub['id']}", json={"plan": "x"}).status_code == 400
    back = api.patch(f"/subscriptions/{sub['id']}", json={"sku": monthly}).json
    assert back["next_sku"] is None


def test_list_filters_by_customer_and_status(api, sandbox, worker, monthly):
    active = pay_first_order(api, sandbox, worker, subscribe(api, monthly, customer="cus_a"))
    pending = subscribe(api, monthly, customer="cus_b")["subscription"]
    assert [s["id"] for s in api.get("/subscriptions").json["data"]] == [pending["id"], active["id"]]
    assert [s["id"] for s in api.get("/subscriptions?customer=cus_a").json["data"]] == [active["id"]]
    assert [s["id"] for s in api.get("/subscriptions?status=pending").json["data"]] == [pending["id"]]


def test_subscriptions_are_the_merchants_own(api, client, other_merchant, monthly):
    from tests.conftest import Api

    sub = subscribe(api, monthly)["subscription"]
    rival = Api(client, other_merchant.secret_key)
    assert rival.get(f"/subscriptions/{sub['id']}").status_code == 404
    assert rival.post(f"/subscriptions/{sub['id']}/cancel", json={}).status_code == 404
    assert rival.get("/subscriptions").json["data"] == []
    assert api.get("/subscriptions").json["data"][0]["status"] == "pending"


def test_subscription_responses_match_the_openapi_document(client, api, pk_api, sandbox, worker, catalog, monthly):
    from tests.web.api.test_openapi import check

    spec = client.get("/api/v1/openapi.json").json
    created = api.post("/subscriptions", json={"sku": monthly, "customer": {"id": "c"}, "agreement_accepted": True})
    check(spec, "post", "/subscriptions", created)
    check(
        spec,
        "post",
        "/subscriptions",
        pk_api.post("/subscriptions", json={"sku": monthly, "agreement_accepted": True, "customer": {"id": "shopper"}}),
    )
    check(spec, "post", "/subscriptions", api.post("/subscriptions", json={"sku": catalog["limited_sku"]}))
    check(spec, "post", "/subscriptions", api.post("/subscriptions", json={"sku": monthly, "customer": {"id": "c"}}))
    sub_id = created.json["subscription"]["id"]
    check(spec, "post", "/subscriptions/{id}/pause", api.post(f"/subscriptions/{sub_id}/pause"))
    pay_first_order(api, sandbox, worker, created.json)
    check(spec, "get", "/subscriptions/{id}", api.get(f"/subscriptions/{sub_id}"))
    check(spec, "get", "/subscriptions/{id}", api.get("/subscriptions/sub_missing"))
    check(spec, "get", "/subscriptions", api.get("/subscriptions?status=active"))
    check(spec, "get", "/subscriptions", api.get("/subscriptions?status=nope"))
    check(spec, "get", "/subscriptions", pk_api.get("/subscriptions"))
    check(spec, "patch", "/subscriptions/{id}", api.patch(f"/subscriptions/{sub_id}", json={"sku": monthly}))
    check(spec, "patch", "/subscriptions/{id}", api.patch(f"/subscriptions/{sub_id}", json={"sku": "nope"}))
    check(spec, "post", "/subscriptions/{id}/pause", api.post(f"/subscriptions/{sub_id}/pause"))
    check(spec, "post", "/subscriptions/{id}/resume", api.post(f"/subscriptions/{sub_id}/resume"))
    check(
        spec,
        "post",
        "/subscriptions/{id}/cancel",
        api.post(f"/subscriptions/{sub_id}/cancel", json={"at_period_end": True}),
    )
    check(spec, "post", "/subscriptions/{id}/cancel", api.post(f"/subscriptions/{sub_id}/cancel", json={}))
    ended = api.get(f"/subscriptions/{sub_id}")
    check(spec, "get", "/subscriptions/{id}", ended)
    assert ended.json["mandate"]["status"] == "canceled"  # documented: it ended with the contract
    check(spec, "post", "/subscriptions/{id}/resume", api.post(f"/subscriptions/{sub_id}/resume"))
    check(spec, "post", "/subscriptions/{id}/cancel", api.post("/subscriptions/sub_missing/cancel", json={}))
