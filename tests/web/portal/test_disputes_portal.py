"""Disputes in the portal: the list (filters, empty state), the dispute page linked from its order, and the evidence
form (inline errors, a confirmation step, then the evidence forwarded to the provider)."""

from __future__ import annotations

import requests

from tests.conftest import wait_for
from tests.support.lifecycle import paid_order


def _disputed_order(app, api, sandbox, sku: str) -> tuple[dict, str]:
    from app.extensions import db
    from app.payments.models import Dispute

    order = paid_order(api, sandbox, sku)
    reference = order["payments"][0]["provider_reference"]
    opened = requests.post(
        f"{sandbox.url}/sandbox/api/payments/{reference}/dispute",
        json={"amount": 400, "reason": "product_not_received"},
        timeout=10,
    ).json()

    def found():
        with app.app_context():
            return db.session.query(Dispute.id).filter_by(provider_dispute_id=opened["id"]).scalar()

    return order, wait_for(found)


def test_the_list_says_when_there_are_no_disputes_and_filters_by_status(app, api, portal, catalog, sandbox):
    assert "No disputes. When a shopper's bank takes a card payment back" in portal.text("/portal/disputes")
    order, dispute_id = _disputed_order(app, api, sandbox, catalog["sku"])

    listed = portal.text("/portal/disputes")
    assert dispute_id in listed and order["id"] in listed and "$4.00" in listed and "needs response" in listed
    assert dispute_id in portal.text("/portal/disputes?status=needs_response")
    assert "No disputes match this filter." in portal.text("/portal/disputes?status=won")
    assert dispute_id in portal.text("/portal/disputes?status=nonsense")  # an unknown status filters nothing
    # The order page links its dispute.
    assert f'/portal/disputes/{dispute_id}"' in portal.text(f"/portal/orders/{order['id']}")


def test_evidence_is_checked_confirmed_and_forwarded_to_the_provider(app, api, portal, catalog, sandbox):
    order, dispute_id = _disputed_order(app, api, sandbox, catalog["sku"])
    page = portal.text(f"/portal/disputes/{dispute_id}")
    assert "Evidence for the shopper&#39;s bank" in page and "Review evidence" in page

    empty = portal.post(f"/portal/disputes/{dispute_id}/evidence", {"text": ""})
    assert empty.status_code == 422
    assert "Write the evidence" in empty.get_data(as_text=True)

    evidence = "Licence key sent by email on 3 May;\nthe shopper activated it the same day."
    confirm = portal.post(f"/portal/disputes/{dispute_id}/evidence", {"text": evidence})
    assert confirm.status_code == 200
    assert "Send this evidence?" in confirm.get_data(as_text=True)
    assert api.get(f"/disputes/{dispute_id}").json["status"] == "needs_response"  # nothing sent yet

    sent = portal.post(f"/portal/disputes/{dispute_id}/evidence", {"text": evidence, "confirmed": "yes"})
    assert sent.status_code == 302
    shown = portal.text(f"/portal/disputes/{dispute_id}")
    assert "The evidence was sent" in shown and "under review" in shown and "Review evidence" not in shown
    assert (api.get(f"/disputes/{dispute_id}").json["status"], api.get(f"/disputes/{dispute_id}").json["evidence"]) == (
        "under_review",
        evidence,
    )

    assert f"sent evidence for dispute {dispute_id}" in portal.text("/portal/audit")
    again = portal.post(f"/portal/disputes/{dispute_id}/evidence", {"text": "More.", "confirmed": "yes"})
    assert again.status_code == 409
    assert "evidence can be sent only while it needs a response" in again.get_data(as_text=True)


def test_only_roles_that_may_refund_see_disputes(app, api, member, catalog, sandbox):
    _, dispute_id = _disputed_order(app, api, sandbox, catalog["sku"])
    developer = member("developer")
    assert developer.get("/portal/disputes").status_code == 403
    assert developer.get(f"/portal/disputes/{dispute_id}").status_code == 403
    assert "/portal/disputes" not in developer.text("/portal/")
    finance = member("finance")
    assert dispute_id in finance.text("/portal/disputes")
