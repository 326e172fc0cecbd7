"""Changes made with a secret key are in the audit log like portal changes (issue 8, item 16): refunds,
cancels, catalog, webhook endpoints, risk rules — naming the key (id and last four), visible in the portal."""

from __future__ import annotations

from tests.payments.attempts.test_payment_flow import create_order
from tests.support.lifecycle import paid_order
from tests.support.portal import Portal


def entries(app, merchant_id: str) -> list:
    from app.audit.services import list_audit_entries

    with app.app_context():
        return list(reversed(list_audit_entries(merchant_id, limit=100)[0]))


def key_of(app, merchant) -> tuple[str, str]:
    from sqlalchemy import select

    from app.extensions import db
    from app.merchants.keys import hash_key
    from app.merchants.models import ApiKey

    with app.app_context():
        key = db.session.scalar(select(ApiKey).where(ApiKey.key_hash == hash_key(merchant.secret_key)))
        return key.id, key.last4


def test_api_changes_are_audited_with_the_key_that_made_them(app, api, merchant, catalog, sandbox):
    key_id, last4 = key_of(app, merchant)
    assert merchant.secret_key.endswith(last4)
    product = api.post(
        "/products", json={"name": "Gold", "skus": [{"name": "100 coins", "price": {"amount": 199, "currency": "usd"}}]}
    ).json
    assert (
        api.client.patch(
            f"/api/v1/products/{product['id']}",
            json={"name": "Gold coins"},
            headers={"Authorization": f"Bearer {api.key}"},
        ).status_code
        == 200
    )
    assert (
        api.client.patch(
            f"/api/v1/skus/{product['skus'][0]['id']}",
            json={"price": {"amount": 249, "currency": "usd"}},
            headers={"Authorization": f"Bearer {api.key}"},
        ).status_code
        == 200
    )
    endpoint = api.post("/webhook_endpoints", json={"url": "https://merchant.example/hooks", "events": ["*"]}).json
    assert (
        api.client.delete(
            f"/api/v1/webhook_endpoints/{endpoint['id']}", headers={"Authorization": f"Bearer {api.key}"}
        ).status_code
        == 200
    )
    open_order = create_order(api, catalog["sku"])
    assert api.post(f"/orders/{open_order['id']}/cancel").status_code == 200
    paid = paid_order(api, sandbox, catalog["sku"])
    refund = api.post(f"/orders/{paid['id']}/refunds", json={"amount": 100, "reason": "goodwill"})
    assert refund.status_code == 201

    log = entries(app, merchant.id)
    assert [(e.action, e.object_id) for e in log] == [
        ("product.create", product["id"]),
        ("product.update", product["id"]),
        ("sku.update", product["skus"][0]["id"]),
        ("webhook_endpoint.create", endpoint["id"]),
        ("webhook_endpoint.delete", endpoint["id"]),
        ("order.cancel", open_order["id"]),
        ("order.refund", refund.json["refund"]["id"]),
    ]
    assert {(e.actor_id, e.actor_email, e.actor_role) for e in log} == {(key_id, f"sk_test_…{last4}", "api_key")}
    assert log[1].before["name"] == "Gold" and log[1].after["name"] == "Gold coins"
    assert log[2].before["price_amount"] == 199 and log[2].after["price_amount"] == 249
    assert log[5].before["status"] == "created" and log[5].after["status"] == "closed"
    assert log[6].after["amount"] == 100 and log[6].after["order_id"] == paid["id"]
    assert all(merchant.secret_key not in str(e.after) for e in log)  # never the key itself

    # The owner sees them in the portal, and can filter by the key.
    owner = Portal(app.test_client())
    owner.sign_in(merchant.email, merchant.password)
    page = owner.text(f"/portal/audit?actor=sk_test_…{last4}")
    assert page.count("API key") >= 7 and key_id in page and "order.refund" in page


def test_refused_and_replayed_api_calls_add_nothing(app, api, merchant, catalog):
    assert api.post("/products", json={"name": ""}).status_code == 400
    headers = {"Idempotency-Key": "create-gold-once"}
    body = {"name": "Gold", "skus": [{"name": "100 coins", "price": {"amount": 199, "currency": "usd"}}]}
    first = api.post("/products", json=body, headers=headers)
    again = api.post("/products", json=body, headers=headers)
    assert again.headers.get("Idempotent-Replayed") == "true" and again.json["id"] == first.json["id"]
    assert [e.action for e in entries(app, merchant.id)] == ["product.create"]
