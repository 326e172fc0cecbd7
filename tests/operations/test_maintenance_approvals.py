"""Maintenance actions that move money wait for a second person: an owner or finance user other than the one
who asked approves (or rejects) them in the queue, and only then do they run, once — through the same paths
as the provider's own callback or Kassa's own return of a stray capture."""

from __future__ import annotations

import re

from sqlalchemy import update

from tests.ledger.test_journal_of_payments import entries, ledger_totals
from tests.operations.test_maintenance_actions import act, audit_entries, manual_actions, said, timeline
from tests.payments.attempts.test_payment_flow import create_order, events_of, pay, status_of
from tests.payments.refunds.test_stray_captures import _closed_order_with_a_refused_return

EVIDENCE = "Provider dashboard: captured 10:01 UTC, status succeeded"


def approve(signed, action_id: str, *, reject: bool = False, note: str = ""):
    return signed.post(f"/portal/operations/approvals/{action_id}/{'reject' if reject else 'approve'}", {"note": note})


def test_marking_a_payment_succeeded_runs_only_after_someone_else_approves(
    app, api, merchant, catalog, sandbox, worker, portal, member
):
    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded", callback="drop")  # Kassa never heard

    assert act(portal, order["id"], "mark_succeeded", subject=payment["id"], evidence=EVIDENCE).status_code == 302
    [action] = manual_actions(app, order["id"])
    assert action.status == "awaiting_approval" and status_of(api, order["id"]) == "paying"
    assert payment["id"] not in entries(app, "payment.capture")  # nothing moved yet
    assert timeline(app, order["id"])[-1][2].startswith("asked for approval — Mark the payment succeeded")
    [asked] = audit_entries(app, "manual_action.mark_succeeded")
    assert (asked.actor_email, asked.after["status"], asked.after["params"]["evidence"]) == (
        merchant.email,
        "awaiting_approval",
        EVIDENCE,
    )

    operator = member("operator")
    queue = operator.text("/portal/operations/approvals")
    assert order["id"] in queue and action.id in queue
    assert approve(operator, action.id).status_code == 403  # an operator may ask, not approve
    own = approve(portal, action.id)  # the owner asked, so the owner may not approve
    assert own.status_code == 403 and "You asked for this action, so someone else must approve it" in said(own)
    assert [a.status for a in manual_actions(app, order["id"])] == ["awaiting_approval"]

    finance = member("finance")
    assert "Approve and run" in finance.text(f"/portal/operations/approvals/{action.id}")
    assert approve(finance, action.id).status_code == 302
    [done] = manual_actions(app, order["id"])
    assert (done.status, done.decided_by_email) == ("succeeded", "finance-1@acme.test")
    assert status_of(api, order["id"]) == "paid"
    assert entries(app, "payment.capture")[payment["id"]] == {
        "channel:sandbox_card:clearing": -999,
        f"merchant:{merchant.id}:receivable": 999,
    }
    assert len(events_of(app, "order.paid")) == 1
    rows = timeline(app, order["id"])
    assert (
        "paying",
        "paid",
        f"captured by sandbox_card ({payment['provider_reference']})",
        "portal:finance-1@acme.test",
    ) in rows
    assert rows[-1][2].startswith(
        f"done — Mark the payment succeeded {payment['id']} ({action.id}) (asked by {merchant.email})"
    )
    [approved] = audit_entries(app, "manual_action.approve")
    assert (approved.actor_email, approved.before["status"], approved.after["status"]) == (
        "finance-1@acme.test",
        "awaiting_approval",
        "running",
    )

    again = approve(finance, action.id)  # the button pressed twice: it ran once
    assert again.status_code == 409 and "already decided by finance-1@acme.test" in said(again)
    assert len(events_of(app, "order.paid")) == 1
    worker()  # fulfilment follows, as after a callback
    assert status_of(api, order["id"]) == "fulfilled"
    assert "Nothing waits for approval." in finance.text("/portal/operations/approvals")

    with app.app_context():  # an action of live mode does not exist for someone looking at test data
        from app.extensions import db
        from app.operations.manual_models import ManualAction

        db.session.execute(update(ManualAction).where(ManualAction.id == action.id).values(livemode=True))
        db.session.commit()
    assert finance.get(f"/portal/operations/approvals/{action.id}").status_code == 404
    assert approve(finance, action.id).status_code == 404


def test_returning_a_capture_on_a_closed_order_can_be_rejected_or_approved(
    app, api, merchant, catalog, sandbox, worker, member
):
    order, payment = _closed_order_with_a_refused_return(app, api, sandbox, worker, catalog["sku"])
    operator, owner, finance = member("operator"), member("owner"), member("finance")
    page = operator.text(f"/portal/orders/{order['id']}")
    assert f"<summary>Return a capture that arrived on a closed order <code>{payment['id']}</code>" in page

    asked = act(operator, order["id"], "return_capture", subject=payment["id"], reason="Shopper wrote in")
    assert asked.status_code == 302
    twice = act(operator, order["id"], "return_capture", subject=payment["id"], reason="Again")
    assert twice.status_code == 409 and "already waits for approval" in said(twice)
    [first] = manual_actions(app, order["id"])
    assert approve(owner, first.id, reject=True, note="Wait for the provider's statement").status_code == 302
    assert [a.status for a in manual_actions(app, order["id"])] == ["rejected"]
    assert [r["status"] for r in api.get(f"/orders/{order['id']}").json["refunds"]] == ["failed"]  # nothing sent
    assert timeline(app, order["id"])[-1][2].startswith("rejected — Return a capture")

    assert (
        act(
            operator, order["id"], "return_capture", subject=payment["id"], reason="Statement confirms the capture"
        ).status_code
        == 302
    )
    second = manual_actions(app, order["id"])[-1]
    assert approve(finance, second.id).status_code == 302
    after = api.get(f"/orders/{order['id']}").json
    assert (after["status"], after["refunded_amount"]) == ("closed", 0)  # the order never kept that money
    assert [r["status"] for r in after["refunds"]] == ["succeeded"]
    assert ledger_totals(app) == {"usd": 0}
    assert re.search(
        r"done — Return a capture .*: Statement confirms the capture → returned \$9\.99 to the shopper",
        timeline(app, order["id"])[-1][2],
    )
    assert act(operator, order["id"], "return_capture", subject=payment["id"]).status_code == 409  # returned
