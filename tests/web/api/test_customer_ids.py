"""One customer-id rule (issue 54, finding 5): every route that takes a customer id, in its path or its body, reads
it the way orders do (app/orders/customers.py, ``parse_customer_id``): surrounding spaces go, so " bob " is bob and
no money lands in a wallet "bob " that no checkout can pay from; an id of nothing but spaces is a 400 naming it."""

from __future__ import annotations

from typing import Callable

import pytest

from tests.signing.renewals.test_renewals import monthly  # noqa: F401  (a fixture)
from tests.support.wallet import fund, held

USD = {"currency": "usd"}


def _transfer_from(api, ctx, spelled):
    return api.post(f"/customers/{spelled}/transfers", json={"to": "alice", "amount": 100, **USD})


def _transfer_to(api, ctx, spelled):
    return api.post("/customers/bob/transfers", json={"to": spelled, "amount": 100, **USD})


def _withdraw(api, ctx, spelled):
    return api.post(f"/customers/{spelled}/withdrawals", json={"amount": 100, **USD, "destination": "acct_bob_0001"})


def _topup(api, ctx, spelled):
    return api.post(f"/customers/{spelled}/topups", json={"amount": 500, **USD, "channel": "sandbox_card"})


def _subscribe(api, ctx, spelled):
    body = {"sku": ctx["monthly"], "customer": {"id": spelled}, "agreement_accepted": True}
    return api.post("/subscriptions", json=body)


def _session(api, ctx, spelled):
    return api.post("/checkout_sessions", json={"product": ctx["catalog"]["product"], "customer": {"id": spelled}})


def _order(api, ctx, spelled):
    body = {"items": [{"sku": ctx["catalog"]["limited_sku"], "quantity": 1}], "customer": {"id": spelled}}
    return api.post("/orders", json={**body, "agreement_accepted": True})


def _read(path: str) -> Callable:
    return lambda api, ctx, spelled: api.get(path.format(spelled))


def _issue_coupon(api, ctx, spelled):
    template = api.post("/coupons", json={"code": "welcome", "kind": "percent_off", "percent_bps": 1000})
    template_id = (
        template.json["id"] if template.status_code == 201 else api.get("/coupons?code=welcome").json["data"][0]["id"]
    )
    return api.post(f"/customers/{spelled}/coupons", json={"coupon": template_id})


def _billing_link(api, ctx, spelled):
    return api.post(f"/customers/{spelled}/billing_links", json={})


# (route, how to call it with an id spelled some way, whether the id is in the path, the param a blank id is named by)
ROUTES = [
    ("POST /customers/{id}/transfers (path)", _transfer_from, True, "id"),
    ("POST /customers/{id}/transfers (to)", _transfer_to, False, "to"),
    ("POST /customers/{id}/withdrawals", _withdraw, True, "id"),
    ("GET /customers/{id}/withdrawals", _read("/customers/{}/withdrawals"), True, "id"),
    ("POST /customers/{id}/topups", _topup, True, "id"),
    ("GET /customers/{id}/balance", _read("/customers/{}/balance"), True, "id"),
    ("GET /customers/{id}/wallet/statement", _read("/customers/{}/wallet/statement"), True, "id"),
    ("GET /customers/{id}/wallet/statement.csv", _read("/customers/{}/wallet/statement.csv"), True, "id"),
    ("GET /customers/{id}/entitlements", _read("/customers/{}/entitlements"), True, "id"),
    ("POST /customers/{id}/billing_links", _billing_link, True, "id"),
    ("GET /customers/{id}/payment_methods", _read("/customers/{}/payment_methods"), True, "id"),
    ("POST /customers/{id}/coupons", _issue_coupon, True, "id"),
    ("GET /customers/{id}/coupons", _read("/customers/{}/coupons"), True, "id"),
    ("POST /subscriptions", _subscribe, False, "customer.id"),
    ("POST /checkout_sessions", _session, False, "customer.id"),
    ("POST /orders", _order, False, "customer.id"),
]


def test_the_table_names_every_route_that_takes_a_customer_id(app):
    assert ROUTES
    in_paths = {
        f"{sorted(rule.methods - {'HEAD', 'OPTIONS'})[0]} {rule.rule}"
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("api.") and "customer_id>" in rule.rule
    }
    # The erasure and the export take an id holding "/" whole; they already read it by the rule (param "customer").
    in_paths -= {"POST /api/v1/customers/<path:customer_id>/erase", "GET /api/v1/customers/<path:customer_id>/export"}
    # Removing a saved card needs a card saved first: it reads the id as the list does (parse_customer_id), and
    # tests/payments/saved_methods/ removes one.
    in_paths -= {"DELETE /api/v1/customers/<customer_id>/payment_methods/<method_id>"}
    listed = {name.split(" (")[0].replace("{id}", "<customer_id>") for name, *_ in ROUTES}
    assert {p.replace("/api/v1", "") for p in in_paths} <= listed


@pytest.fixture
def ctx(app, merchant, catalog, sandbox, monthly) -> dict:  # noqa: F811  (monthly is the fixture imported above)
    fund(app, merchant.id, "bob", 1000)
    return {"catalog": catalog, "monthly": monthly}


@pytest.mark.parametrize("route,call,in_path,param", ROUTES, ids=[r[0] for r in ROUTES])
def test_a_customer_id_with_spaces_around_it_is_that_customer(api, ctx, route, call, in_path, param):
    spelled = "%20bob%20" if in_path else " bob "
    if "(to)" in route:
        spelled = " alice "
    answer = call(api, ctx, spelled)
    assert 200 <= answer.status_code < 300, answer.get_data(as_text=True)
    text = answer.get_data(as_text=True)
    assert "bob " not in text and " bob" not in text and "alice " not in text and " alice" not in text
    if "transfers" in route:  # the money went from bob to alice, not to or from a wallet spelled otherwise
        assert held(api, "bob") == (900, 0) and held(api, "alice") == (100, 0)
    if route == "GET /customers/{id}/balance":
        assert answer.json["available"] == [{"amount": 1000, "currency": "usd"}]


@pytest.mark.parametrize("route,call,in_path,param", ROUTES, ids=[r[0] for r in ROUTES])
def test_a_blank_customer_id_is_a_400_naming_it(api, ctx, route, call, in_path, param):
    answer = call(api, ctx, "%20%20" if in_path and "(to)" not in route else "  ")
    assert answer.status_code == 400, answer.get_data(as_text=True)
    assert answer.json["error"]["param"] == param
    assert "non-empty string" in answer.json["error"]["message"]
    assert held(api, "bob") == (1000, 0)
