"""Live responses of the wallet's withdrawal, transfer and statement routes match the OpenAPI document."""

from __future__ import annotations

from tests.support.wallet import fund, withdraw
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)


def test_wallet_movement_responses_match_the_document(spec, app, api, pk_api, merchant):  # noqa: F811
    fund(app, merchant.id, "cus_ada", 3000)
    check(spec, "post", "/customers/{id}/withdrawals", withdraw(api, "cus_ada", 1000))
    check(spec, "post", "/customers/{id}/withdrawals", withdraw(api, "cus_ada", 9000))  # 422
    check(spec, "post", "/customers/{id}/withdrawals", withdraw(api, "cus_ada", 10, destination="?"))  # 400
    check(spec, "post", "/customers/{id}/withdrawals", withdraw(pk_api, "cus_ada", 10))  # 403
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_eve", "action": "block"})
    fund(app, merchant.id, "cus_eve", 100)
    check(spec, "post", "/customers/{id}/withdrawals", withdraw(api, "cus_eve", 10))  # 402
    api.post("/risk/list_entries", json={"kind": "customer", "value": "cus_ada", "action": "review"})
    held = withdraw(api, "cus_ada", 500)
    check(spec, "post", "/customers/{id}/withdrawals", held)
    check(spec, "get", "/customers/{id}/withdrawals", api.get("/customers/cus_ada/withdrawals?limit=1"))
    check(spec, "get", "/withdrawals/{id}", api.get(f"/withdrawals/{held.json['withdrawal']['id']}"))
    check(spec, "get", "/withdrawals/{id}", api.get("/withdrawals/wd_missing"))
    review = f"/withdrawals/{held.json['withdrawal']['id']}/review"
    check(spec, "post", "/withdrawals/{id}/review", api.post(review, json={"decision": "maybe"}))
    check(spec, "post", "/withdrawals/{id}/review", api.post(review, json={"decision": "reject"}))
    check(spec, "post", "/withdrawals/{id}/review", api.post(review, json={"decision": "approve"}))  # 409

    check(
        spec,
        "post",
        "/customers/{id}/transfers",
        api.post(
            "/customers/cus_ada/transfers",
            json={"to": "cus_ben", "amount": 200, "currency": "usd", "description": "birthday"},
        ),
    )
    check(
        spec,
        "post",
        "/customers/{id}/transfers",
        api.post("/customers/cus_ada/transfers", json={"to": "cus_ada", "amount": 200, "currency": "usd"}),
    )
    check(
        spec,
        "post",
        "/customers/{id}/transfers",
        api.post("/customers/cus_ben/transfers", json={"to": "cus_ada", "amount": 201, "currency": "usd"}),
    )

    check(spec, "get", "/customers/{id}/wallet/statement", api.get("/customers/cus_ada/wallet/statement"))
    check(spec, "get", "/customers/{id}/wallet/statement", api.get("/customers/cus_new/wallet/statement"))
    check(
        spec,
        "get",
        "/customers/{id}/wallet/statement",
        api.get("/customers/cus_ada/wallet/statement?currency=usd&limit=2&from=2020-01-01&to=2100-01-01"),
    )
    check(spec, "get", "/customers/{id}/wallet/statement", api.get("/customers/cus_ada/wallet/statement?limit=0"))
    csv = api.get("/customers/cus_ada/wallet/statement.csv?currency=usd")
    assert (
        csv.status_code == 200
        and "text/csv" in spec["paths"]["/customers/{id}/wallet/statement.csv"]["get"]["responses"]["200"]["content"]
    )
