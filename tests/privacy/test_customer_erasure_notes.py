"""What the merchant's people wrote about a customer (a maintenance action's reason, a refund's reason, a wallet
transfer's description) keeps its words after the customer's erasure, but not the customer's email; nor do the
audit log's copies of those objects."""

from __future__ import annotations

import json

from tests.operations.test_maintenance_actions import act, manual_actions
from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, STAYS, order_for, paid_order


def _audit_log(app, merchant_id: str) -> str:
    from app.audit.models import AuditEntry
    from app.extensions import db

    with app.app_context():
        return json.dumps(
            [
                (entry.action, entry.before, entry.after)
                for entry in db.session.query(AuditEntry).filter_by(merchant_id=merchant_id)
            ]
        )


def test_notes_about_the_customer_lose_their_email_and_keep_their_words(
    app, api, merchant, catalog, sandbox, worker, member
):
    from tests.support.wallet import fund

    unpaid = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    operator = member("operator")
    assert act(operator, unpaid["id"], "close", reason=f"{GONE_EMAIL} phoned: ordered twice").status_code == 302
    paid = paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
    assert (
        api.post(f"/orders/{paid['id']}/refunds", json={"reason": f"goodwill, asked by {GONE_EMAIL}"}).status_code
        == 201
    )
    fund(app, merchant.id, GONE, 500)
    transfer = api.post(
        f"/customers/{GONE}/transfers",
        json={"to": STAYS, "amount": 100, "currency": "usd", "description": f"gift from {GONE_EMAIL}"},
    )
    assert transfer.status_code == 201, transfer.json
    assert _audit_log(app, merchant.id).count(GONE_EMAIL) >= 3

    owner = member("owner")
    assert owner.post(f"/portal/customers/{GONE}/erase", {"typed_id": GONE}).status_code == 302

    [action] = manual_actions(app, unpaid["id"])
    assert action.reason == "[erased] phoned: ordered twice"
    assert GONE_EMAIL not in _audit_log(app, merchant.id)
    assert "[erased] phoned: ordered twice" in _audit_log(app, merchant.id)
    document = api.get(f"/customers/{GONE}/export").json
    assert [t["description"] for t in document["transfers"]] == ["gift from [erased]"]
    [refund] = next(o for o in document["orders"] if o["id"] == paid["id"])["refunds"]
    assert refund["reason"] == "goodwill, asked by [erased]" and refund["amount"] == paid["amount"]["total"]


def test_a_refund_request_decided_in_the_portal_leaves_no_words_address_or_device_in_the_audit_log(
    app, api, client, merchant, catalog, sandbox, worker, member
):
    from tests.risk.test_refund_requests import ask

    for _ in range(3):  # a serial refunder: their next request is held for the merchant's decision
        earlier = paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
        assert api.post(f"/orders/{earlier['id']}/refunds", json={}).status_code == 201
    order = paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
    held = ask(client, merchant, order, device="phone-of-gone", address="203.0.113.77").json["refund_request"]
    assert held["status"] == "review", held
    owner = member("owner")
    decided = owner.post(f"/portal/risk/refund-requests/{held['id']}/approve", {"confirmed": "yes"})
    assert decided.status_code == 302
    assert "not what I expected" in _audit_log(app, merchant.id) and "phone-of-gone" in _audit_log(app, merchant.id)

    assert owner.post(f"/portal/customers/{GONE}/erase", {"typed_id": GONE}).status_code == 302

    kept = _audit_log(app, merchant.id)
    for personal in ("not what I expected", "phone-of-gone", "203.0.113.77", GONE_EMAIL):
        assert personal not in kept
    assert "refund_request.approve" in kept  # who decided what stays
