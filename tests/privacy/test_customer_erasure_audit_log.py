"""An erasure reaches the audit log too: an audited change to a customer's order (cancelled, confirmed, reviewed
by API key or in the portal) or subscription (cancelled, paused, resumed in the portal) keeps the row as it was
before and after, with the customer's email. After the shopper's erasure request those copies held it still; now
they are blanked as the rows themselves are, and what the entry says was done stays."""

from __future__ import annotations

import json

from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, STAYS, STAYS_EMAIL, order_for


def _audit_log(app, merchant_id: str) -> list[tuple[str, str, str]]:
    from sqlalchemy import select

    from app.audit.models import AuditEntry
    from app.extensions import db

    with app.app_context():
        return [
            (entry.action, entry.object_id, json.dumps([entry.before, entry.after]))
            for entry in db.session.scalars(
                select(AuditEntry).where(AuditEntry.merchant_id == merchant_id).order_by(AuditEntry.id)
            )
        ]


def test_an_erased_customers_email_leaves_the_audit_entries_of_their_orders(app, api, merchant, catalog):
    gone = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    stays = order_for(api, catalog["sku"], STAYS, STAYS_EMAIL).json
    for order in (gone, stays):
        assert api.post(f"/orders/{order['id']}/cancel").status_code == 200
    assert GONE_EMAIL in _audit_log(app, merchant.id)[0][2]

    assert api.post(f"/customers/{GONE}/erase").json["erased"]["audit_entries"] == 1
    log = _audit_log(app, merchant.id)
    gone_entry = next(entry for entry in log if entry[1] == gone["id"])
    assert gone_entry[0] == "order.cancel" and GONE_EMAIL not in gone_entry[2]
    assert '"status": "closed"' in gone_entry[2]  # what was done is still said
    assert STAYS_EMAIL in next(entry for entry in log if entry[1] == stays["id"])[2]
    assert api.post(f"/customers/{GONE}/erase").json["erased"]["audit_entries"] == 0
