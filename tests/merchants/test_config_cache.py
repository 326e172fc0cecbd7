"""A merchant's configuration is kept in each process's memory (app/merchants/config_cache.py), yet a change
takes effect on the very next request, whoever made it and however: through the API, through another
process's session, or through a bulk import that bypasses the ORM."""

from __future__ import annotations

from sqlalchemy.orm import Session


def order(api, sku: str, customer: str = "cus_cache", email: str | None = None):
    return api.post(
        "/orders",
        json={
            "items": [{"sku": sku, "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": customer, **({"email": email} if email else {})},
        },
    )


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
    imported = client.post(
        "/api/v1/risk/list_entries/import",
        data="email,mallory@example.com,block\n",
        content_type="text/csv",
        headers={"Authorization": f"Bearer {merchant.secret_key}"},
    )
    assert imported.status_code == 200 and imported.json["imported"] == 1
    blocked = order(api, catalog["sku"], email="mallory@example.com")
    assert blocked.status_code == 402 and blocked.json["error"]["code"] == "risk_blocked"


def test_a_cache_miss_reads_on_the_callers_connection_and_needs_no_second_one(app, merchant, monkeypatch):
    """A request holds a connection; a configuration it must load afresh is read on that same connection. With a
    second one from the pool, a burst of requests on a cold cache could hold every connection and wait for ever
    (40 concurrent buyers of a new merchant's limited SKU once answered 500 after the pool's timeout)."""
    from sqlalchemy import select
    from sqlalchemy.exc import TimeoutError as PoolTimeout

    from app.extensions import db
    from app.merchants import config_cache
    from app.merchants.models import Merchant

    monkeypatch.setattr(config_cache, "_CACHE", {})
    with app.app_context():
        engine = db.engine
        held = [engine.connect() for _ in range(engine.pool.size() + engine.pool._max_overflow - 1)]
        monkeypatch.setattr(engine.pool, "_timeout", 1.0)
        try:
            db.session.connection()  # the request's own: the pool is now empty
            with config_cache.versions_read_once():
                name = config_cache.cached(
                    merchant.id,
                    "test_name",
                    lambda session, merchant_id: session.scalar(
                        select(Merchant.name).where(Merchant.id == merchant_id)
                    ),
                )
            assert name == db.session.get(Merchant, merchant.id).name
            try:
                engine.connect().close()
                raise AssertionError("the pool should be empty")
            except PoolTimeout:
                pass  # as it was: the load took no connection of its own
        finally:
            db.session.remove()
            for connection in held:
                connection.close()
