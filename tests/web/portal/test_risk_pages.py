"""Risk in the portal, as an operator uses it: add and remove list entries (with confirmation), add,
pause and delete rules, and decide a held order from its page; every change audited."""

from __future__ import annotations

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.web.portal.test_hostile_forms import _Forms


def test_an_operator_manages_lists_and_rules(member, portal, api, catalog):
    operator = member("operator")
    assert "Nothing waits for review." in operator.text("/portal/risk")

    bad = operator.post("/portal/risk/list_entries", {"kind": "ip", "value": "not-an-ip", "action": "block"})
    assert bad.status_code == 422
    assert "An ip entry is an address" in bad.get_data(as_text=True)
    assert (
        operator.post(
            "/portal/risk/list_entries",
            {"kind": "email_domain", "value": "Fraud.example", "action": "block", "note": "chargebacks"},
        ).status_code
        == 302
    )
    page = operator.text("/portal/risk")
    assert "fraud.example" in page and "chargebacks" in page
    body = {
        "items": [{"sku": catalog["sku"], "quantity": 1}],
        "customer": {"id": "c", "email": "x@fraud.example"},
        "agreement_accepted": True,
    }
    assert api.post("/orders", json=body).status_code == 402

    entry = api.get("/risk/list_entries").json["data"][0]["id"]
    assert "Remove email domain fraud.example" in operator.text(f"/portal/risk/list_entries/{entry}/delete")
    assert operator.post(f"/portal/risk/list_entries/{entry}/delete", {}).status_code == 302
    assert api.post("/orders", json=body).status_code == 201

    refused = operator.post("/portal/risk/rules", {"kind": "velocity", "by": "ip", "action": "block"})
    assert refused.status_code == 422 and "window_seconds" in refused.get_data(as_text=True)
    assert (
        operator.post(
            "/portal/risk/rules",
            {"kind": "velocity", "by": "customer", "window_minutes": "60", "max_count": "1", "action": "block"},
        ).status_code
        == 302
    )
    rule = api.get("/risk/rules").json["data"][0]
    assert rule["params"] == {"by": "customer", "window_seconds": 3600, "max_count": 1}
    assert operator.post(f"/portal/risk/rules/{rule['id']}/toggle", {"enabled": ""}).status_code == 302
    assert api.get("/risk/rules").json["data"][0]["enabled"] is False
    assert operator.post(f"/portal/risk/rules/{rule['id']}/delete", {}).status_code == 302
    assert api.get("/risk/rules").json["data"] == []

    audit = portal.text("/portal/audit")
    for action in (
        "risk.list_entry.add",
        "risk.list_entry.delete",
        "risk.rule.add",
        "risk.rule.update",
        "risk.rule.delete",
    ):
        assert action in audit, action


def _held_paid_order(api, catalog, sandbox, worker) -> dict:
    """A paid order of a customer on the review list: held for the merchant's decision."""
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_watch", "action": "review"})
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_watch"},
            "agreement_accepted": True,
        },
    ).json
    sandbox.simulate(pay(api, order["id"])["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    worker()
    return order


def test_a_held_order_is_approved_from_its_page(member, api, catalog, sandbox, worker):
    operator = member("operator")
    order = _held_paid_order(api, catalog, sandbox, worker)
    assert order["id"] in operator.text("/portal/risk")
    page = operator.text(f"/portal/orders/{order['id']}")
    assert "customer cus_watch is on the review list" in page and "Approve and fulfil" in page

    assert operator.post(f"/portal/orders/{order['id']}/review", {"decision": "approve"}).status_code == 302
    assert status_of(api, order["id"]) == "fulfilled"
    assert "Reviewed: <strong>approved</strong>" in operator.text(f"/portal/orders/{order['id']}")
    assert "Nothing waits for review." in operator.text("/portal/risk")


def test_rejecting_a_held_order_asks_before_it_refunds_in_full(member, api, catalog, sandbox, worker):
    """ "Reject and refund in full" sat beside "Approve and fulfil" and refunded the whole order at one click (a
    slip of the finger could not be taken back); it now asks first, as a refund does."""
    operator = member("operator")
    order = _held_paid_order(api, catalog, sandbox, worker)
    assert "Reject and refund in full…" in operator.text(f"/portal/orders/{order['id']}")

    asked = operator.post(f"/portal/orders/{order['id']}/review", {"decision": "reject"})
    page = asked.get_data(as_text=True)
    assert asked.status_code == 200 and "Reject and refund $9.99?" in page and "cannot be undone" in page
    assert "Confirm rejection" in page
    assert status_of(api, order["id"]) == "paid"  # nothing happened yet
    assert api.get(f"/orders/{order['id']}").json["refunded_amount"] == 0

    assert (
        operator.post(f"/portal/orders/{order['id']}/review", {"decision": "reject", "confirmed": "yes"}).status_code
        == 302
    )
    worker()
    assert "Reviewed: <strong>rejected</strong>" in operator.text(f"/portal/orders/{order['id']}")
    assert status_of(api, order["id"]) in ("refunding", "refunded")


def test_finance_and_developers_cannot_change_risk_settings(member):
    for role in ("finance", "developer"):
        signed = member(role)
        assert signed.get("/portal/risk").status_code == 403
        assert (
            signed.post("/portal/risk/list_entries", {"kind": "email", "value": "a@b.c", "action": "block"}).status_code
            == 403
        )


def test_a_currency_country_rule_is_written_in_plain_words(member, api):
    operator = member("operator")
    bad = operator.post(
        "/portal/risk/rules", {"kind": "currency_country_mismatch", "countries": "usd: USA", "action": "review"}
    )
    assert bad.status_code == 422 and "two-letter country codes" in bad.get_data(as_text=True)
    assert (
        operator.post(
            "/portal/risk/rules",
            {"kind": "currency_country_mismatch", "countries": "usd: US, CA; eur: DE", "action": "block"},
        ).status_code
        == 302
    )
    assert api.get("/risk/rules").json["data"][0]["params"] == {"currencies": {"eur": ["DE"], "usd": ["CA", "US"]}}
    assert "Payments from outside DE in EUR; CA, US in USD" in operator.text("/portal/risk")


def test_a_held_order_is_decided_by_the_merchants_review_expiry(app, merchant, member, api, catalog, sandbox, worker):
    from datetime import timedelta

    from app.jobs import expire_reviews
    from app.platform.db.types import utcnow
    from tests.conftest import wait_for
    from tests.payments.attempts.test_payment_flow import pay, status_of
    from tests.risk.test_risk_api import order_body

    api.post("/risk/rules", json={"kind": "first_purchase_limit", "params": {"max_amount": 500}, "action": "review"})
    order = api.post("/orders", json=order_body(catalog["sku"], customer="cus_wait")).json
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, order["id"]) == "paid")
    operator = member("operator")
    refused = operator.post(
        "/portal/risk/review-expiry", {"review_expiry_hours": "0", "review_expiry_decision": "reject"}
    )
    assert refused.status_code == 422 and "from 1 to" in refused.get_data(as_text=True)
    assert (
        operator.post(
            "/portal/risk/review-expiry", {"review_expiry_hours": "24", "review_expiry_decision": "reject"}
        ).status_code
        == 302
    )
    with app.app_context():
        assert expire_reviews() == 0  # not a day old yet
        from app.payments.refunds.reviews import expire_reviews as expire

        assert expire(now=utcnow() + timedelta(hours=25)) == 1
    worker()
    decided = api.get(f"/orders/{order['id']}").json
    assert (
        decided["risk"]["review"]["decision"] == "reject" and decided["risk"]["review"]["by"] == "system:review-expiry"
    )
    assert decided["status"] == "refunded" and decided["refunded_amount"] == 999


def test_a_rule_is_tried_on_recent_orders_from_the_form_before_it_is_added(member, api, catalog):
    from tests.risk.test_risk_api import order_body

    api.post("/orders", json=order_body(catalog["limited_sku"], customer="cus_big", quantity=2))
    api.post("/orders", json=order_body(catalog["sku"], customer="cus_small"))
    operator = member("operator")
    tried = operator.post(
        "/portal/risk/rules",
        {"kind": "amount_limit", "max_amount": "20", "currency": "usd", "action": "block", "preview": "1"},
    )
    words = " ".join(tried.get_data(as_text=True).split())
    assert tried.status_code == 200 and "would have blocked <strong>1</strong> of 2 orders" in words
    assert api.get("/risk/rules").json["data"] == []


def test_a_held_refund_request_is_decided_from_the_queue_after_confirming(
    client, merchant, member, api, catalog, sandbox
):
    from tests.conftest import wait_for
    from tests.payments.attempts.test_payment_flow import status_of
    from tests.risk.test_refund_requests import ask, paid

    for _ in range(3):
        earlier = paid(api, sandbox, catalog["sku"], "cus_serial")
        assert api.post(f"/orders/{earlier['id']}/refunds", json={}).status_code == 201
    order = paid(api, sandbox, catalog["sku"], "cus_serial")
    held = ask(client, merchant, order).json["refund_request"]
    assert held["status"] == "review"

    operator = member("operator")
    page = operator.text("/portal/risk")
    assert held["id"] in page and "the customer already had 3 of 4 paid orders refunded" in page
    confirm = operator.post(f"/portal/risk/refund-requests/{held['id']}/approve", {})
    assert confirm.status_code == 200 and "refunded in full ($9.99)" in confirm.get_data(as_text=True)
    assert status_of(api, order["id"]) in ("paid", "fulfilled")  # nothing until confirmed
    reloaded = operator.get(f"/portal/risk/refund-requests/{held['id']}/approve")  # back to the queue, not a 405
    assert reloaded.status_code == 302 and reloaded.headers["Location"].endswith("/portal/risk")
    assert status_of(api, order["id"]) in ("paid", "fulfilled")
    done = operator.post(f"/portal/risk/refund-requests/{held['id']}/approve", {"confirmed": "yes"})
    assert done.status_code == 302
    wait_for(lambda: status_of(api, order["id"]) == "refunded")
    assert "No refund request waits for you." in operator.text("/portal/risk")
    again = operator.post(f"/portal/risk/refund-requests/{held['id']}/deny", {"confirmed": "yes"})
    assert again.status_code == 302 and "not waiting for a decision" in operator.text("/portal/risk")
    assert "refund_request.approve" in member("owner").text("/portal/audit")


def test_a_merchant_refund_shows_the_customers_refund_abuse_signals_before_confirming(portal, api, catalog, sandbox):
    from tests.risk.test_refund_requests import paid

    for _ in range(3):
        earlier = paid(api, sandbox, catalog["sku"], "cus_serial")
        assert api.post(f"/orders/{earlier['id']}/refunds", json={}).status_code == 201
    order = paid(api, sandbox, catalog["sku"], "cus_serial")
    confirm = portal.post(f"/portal/orders/{order['id']}/refunds", {"amount": "", "reason": "asked"})
    page = confirm.get_data(as_text=True)
    assert confirm.status_code == 200 and "Refund-abuse score 40 of 100" in page
    assert "the customer already had 3 of 4 paid orders refunded" in page
    honest = paid(api, sandbox, catalog["sku"], "cus_once")
    calm = portal.post(f"/portal/orders/{honest['id']}/refunds", {"amount": "", "reason": "asked"})
    assert "nothing unusual about this customer" in calm.get_data(as_text=True)


def test_pause_on_a_stale_page_pauses_and_never_resumes(member, api):
    """Two teammates (or two tabs) show a rule as on; one pauses it, then the other presses Pause on their page:
    the rule stays paused. The button said Pause; flipping whatever the rule was had resumed it."""
    operator = member("operator")
    rule = api.post(
        "/risk/rules", json={"kind": "amount_limit", "params": {"max_amount": 50_000}, "action": "review"}
    ).json
    path = f"/portal/risk/rules/{rule['id']}/toggle"
    parser = _Forms("/portal/risk")
    parser.feed(operator.text("/portal/risk"))
    form = next(f for f in parser.forms if f.actions[0] == path).fields  # what the Pause button sends
    form.pop("csrf_token", None)
    assert operator.post(path, form).status_code == 302
    assert operator.post(path, form).status_code == 302  # the same page, pressed again after the pause
    assert api.get("/risk/rules").json["data"][0]["enabled"] is False
    assert "Rule already paused." in operator.text("/portal/risk")
    assert operator.post(path, {"enabled": "maybe"}).status_code == 400


def test_the_risk_page_shows_and_changes_the_lists_and_rules_of_the_portals_mode(
    app, client, merchant, member, api, catalog
):
    """Lists and rules are per mode: the page follows the portal's Test/Live switch, says which it shows, adds in
    that mode, and cannot reach the other mode's entries or rules."""
    from tests.risk.test_risk_api import order_body
    from tests.web.api.test_livemode import live_key

    live = live_key(app, client, merchant, "secret")
    live_entry = live.post(
        "/risk/list_entries", json={"kind": "customer", "value": "cus_live_fraud", "action": "block"}
    ).json
    live_rule = live.post(
        "/risk/rules",
        json={"kind": "amount_limit", "params": {"max_amount": 50_000, "currency": "usd"}, "action": "review"},
    ).json
    test_entry = api.post(
        "/risk/list_entries", json={"kind": "email", "value": "qa@shop.example", "action": "block"}
    ).json

    operator = member("operator")
    page = " ".join(operator.text("/portal/risk").split())
    assert "<strong>Test</strong> lists and rules: test orders are assessed by these" in page and "Test lists" in page
    assert "qa@shop.example" in page and "cus_live_fraud" not in page
    assert "No test rules yet." in page and "$500.00" not in page
    for path in (
        f"/portal/risk/list_entries/{live_entry['id']}/delete",
        f"/portal/risk/rules/{live_rule['id']}/delete",
        f"/portal/risk/rules/{live_rule['id']}/toggle",
    ):
        assert operator.post(path, {"enabled": ""}).status_code == 404, path
    assert operator.get(f"/portal/risk/list_entries/{live_entry['id']}/delete").status_code == 404
    assert [e["id"] for e in live.get("/risk/list_entries").json["data"]] == [live_entry["id"]]
    assert live.get("/risk/rules").json["data"][0]["enabled"] is True

    assert operator.post("/portal/mode", {"mode": "live"}).status_code == 302
    page = " ".join(operator.text("/portal/risk").split())
    assert "<strong>Live</strong> lists and rules: live orders are assessed by these" in page and "Live rules" in page
    assert "cus_live_fraud" in page and "qa@shop.example" not in page and "$500.00" in page
    assert "from the live block list?" in operator.text(f"/portal/risk/list_entries/{live_entry['id']}/delete")
    assert operator.get(f"/portal/risk/list_entries/{test_entry['id']}/delete").status_code == 404

    added = operator.post(
        "/portal/risk/list_entries", {"kind": "email", "value": "thief@live.example", "action": "block"}
    )
    assert added.status_code == 302
    assert "Added email thief@live.example to the live block list." in operator.text("/portal/risk")
    assert (
        operator.post(
            "/portal/risk/rules",
            {"kind": "velocity", "by": "customer", "window_minutes": "60", "max_count": "3", "action": "block"},
        ).status_code
        == 302
    )
    assert {(e["value"], e["livemode"]) for e in live.get("/risk/list_entries").json["data"]} == {
        ("cus_live_fraud", True),
        ("thief@live.example", True),
    }
    assert [r["kind"] for r in live.get("/risk/rules").json["data"]] == ["amount_limit", "velocity"]
    assert [e["value"] for e in api.get("/risk/list_entries").json["data"]] == ["qa@shop.example"]
    assert api.get("/risk/rules").json["data"] == []
    thief = order_body(catalog["sku"], email="thief@live.example")
    assert live.post("/orders", json=thief).status_code == 402
    assert api.post("/orders", json=thief).status_code == 201

    assert operator.post(f"/portal/risk/list_entries/{live_entry['id']}/delete", {}).status_code == 302
    assert [e["value"] for e in live.get("/risk/list_entries").json["data"]] == ["thief@live.example"]
    assert [e["id"] for e in api.get("/risk/list_entries").json["data"]] == [test_entry["id"]]
