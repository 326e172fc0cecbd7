"""A merchant's configuration is kept in each process's memory (app/merchants/config_cache.py), yet a change
takes effect on the very next request, whoever made it and however: through the API, through another
process's session, or through a bulk import that bypasses the ORM."""
from __future__ import annotations

from sqlalchemy.orm import Session


def order(api, sku: str, customer: str = "cus_cache", email: str | None = None):
    return api.post("/orders", json={"items": [{"sku": sku, "quantity": 1}], "agreement_accepted": True,
                                     "customer": {"id": customer, **({"email": email} if email else {})}})


def test_a_price_change_reprices_the_next_order(api, catalog):
    assert order(api, catalog["sku"]).json["amount"]["total"] == 999  # the SKU is now in memory
    changed = api.patch(f"/skus/{catalog['sku']}", json={"price": {"amount": 1499, "currency": "usd"}})
    assert changed.status_code == 200, changed.json
    assert order(api, catalog["sku"]).json["amount"]["total"] == 1499


def test_a_change_committed_by_another_process_is_seen_at_once(app, api, merchant, catalog):
    from app.catalog.models import Sku
    from app.extensions import db
    from app.payments.models import ChannelConfig

    first = order(api, catalog["sku"]).json
    assert "sandbox_card" in [c["code"] for c in first["available_channels"]]
    with app.app_context(), Session(db.engine) as elsewhere:  # not this request's session: as another process
        elsewhere.get(Sku, catalog["sku"]).name = "31 days"
        elsewhere.add(ChannelConfig(merchant_id=merchant.id, code="sandbox_card", enabled=False, priority=100))
        elsewhere.commit()
    after = order(api, catalog["sku"]).json
    assert after["items"][0]["name"].endswith("31 days")
    assert "sandbox_card" not in [c["code"] for c in after["available_channels"]]


def test_a_bulk_list_import_blocks_the_next_order(api, client, merchant, catalog):
    assert order(api, catalog["sku"], email="mallory@example.com").status_code == 201  # lists read: none
    imported = client.post("/api/v1/risk/list_entries/import", data="email,mallory@example.com,block\n",
                           content_type="text/csv", headers={"Authorization": f"Bearer {merchant.secret_key}"})
    assert imported.status_code == 200 and imported.json["imported"] == 1
    blocked = order(api, catalog["sku"], email="mallory@example.com")
    assert blocked.status_code == 402 and blocked.json["error"]["code"] == "risk_blocked"
