"""Rows the hot paths write without the unit of work (app/platform/db/core_writes.py) still do what a flush's listeners
did:
announce the order to its live streams, bump the merchant's cached configuration, carry their mode, and come
back to the caller with the values the database was given."""

from __future__ import annotations

import pytest

from tests.support.wallet import fund


def _order(api, sku: str, customer: str = "cus_core") -> dict:
    created = api.post(
        "/orders",
        json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": customer}, "agreement_accepted": True},
    )
    assert created.status_code == 201, created.json
    return created.json


def test_the_first_wallet_top_up_offers_the_wallet_to_the_next_order_at_once(app, api, merchant, catalog):
    before = _order(api, catalog["sku"])
    assert "wallet" not in [c["code"] for c in before["available_channels"]]  # nobody has topped up yet
    fund(app, merchant.id, "cus_core", 5000)  # its journal entry is written at once: the cache must hear of it
    after = _order(api, catalog["sku"])
    assert "wallet" in [c["code"] for c in after["available_channels"]]


def test_a_payment_answered_at_once_shows_what_was_stored(app, api, catalog, sandbox):
    from app.extensions import db
    from app.payments.models import PaymentAttempt

    order = _order(api, catalog["sku"])
    payment = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).json["payment"]
    with app.app_context():
        stored = db.session.get(PaymentAttempt, payment["id"])
        assert payment["created_at"] is not None
        assert payment["created_at"] == api.get(f"/orders/{order['id']}").json["payments"][0]["created_at"]
        assert (stored.status, stored.poll_count, stored.fee_amount) == ("pending", 0, 0)


def test_an_event_written_at_once_without_its_mode_is_refused_not_filed_as_test(app):
    from sqlalchemy.exc import IntegrityError

    from app.extensions import db
    from app.platform.db.core_writes import insert_at_once
    from app.platform.outbox.events import new_event

    with app.app_context():
        event = new_event("mch_nobody", "order.paid", {"id": "ord_nobody", "object": "order"})
        with pytest.raises(IntegrityError):
            insert_at_once([event])
        db.session.rollback()


def test_an_order_made_at_once_is_the_order_read_back(app, api, catalog):
    created = _order(api, catalog["sku"])
    read = api.get(f"/orders/{created['id']}").json
    assert created == read
