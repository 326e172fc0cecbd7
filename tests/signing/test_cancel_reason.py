"""Why a contract ends with its paid period: the customer (or the merchant) asked, or its card's authorisation was
withdrawn at the provider. The merchant reads it on the contract (`cancel_reason`); only the second may be undone by a
new card, so a customer's own "cancel at period end" must stay what it is whatever happens to their mandate."""

from __future__ import annotations

import requests
from sqlalchemy import update

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_contract_reconciliation import reconcile  # noqa: F401  (fixture)
from tests.signing.test_self_service import billing_link, csrf


def revoke(api, sandbox, sub: dict) -> dict:
    """The shopper withdraws the card's authorisation at their bank; the contract as Kassa then has it."""
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    return wait_for(lambda: (s := api.get(f"/subscriptions/{sub['id']}").json)["mandate"]["status"] == "revoked" and s)


def cancel_from_billing_page(api, client, sub: dict) -> None:
    path = billing_link(api)
    confirm = client.get(f"{path}/subscriptions/{sub['id']}/cancel").get_data(as_text=True)
    assert (
        client.post(f"{path}/subscriptions/{sub['id']}/cancel", data={"csrf_token": csrf(confirm)}).status_code == 303
    )


def test_a_revoked_card_and_a_customers_cancel_say_why_the_contract_ends(api, client, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    assert sub["cancel_reason"] is None

    revoked = revoke(api, sandbox, sub)
    assert (revoked["cancel_at_period_end"], revoked["cancel_reason"]) == (True, "mandate_revoked")

    # Ending already, for want of a card: the customer's own cancel is still recorded, so no new card revives it.
    cancel_from_billing_page(api, client, sub)
    asked = api.get(f"/subscriptions/{sub['id']}").json
    assert (asked["cancel_at_period_end"], asked["cancel_reason"]) == (True, "requested")
    assert asked["timeline"][-1]["reason"] == "cancels at the end of the current period"
    [event] = [e["data"]["object"] for e in api.get("/events?type=subscription.updated&limit=5").json["data"]][:1]
    assert event["cancel_reason"] == "requested"  # merchants' webhooks hear it too

    advance(api, worker, clock, unix(2027, 3, 1))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "canceled"


def test_a_customers_cancel_stays_asked_for_when_their_card_is_revoked_after_it(
    api, client, sandbox, worker, monthly, clock
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    assert (
        api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True}).json["cancel_reason"]
        == "requested"
    )
    assert revoke(api, sandbox, sub)["cancel_reason"] == "requested"


def test_reconciliation_says_a_contract_ends_for_its_revoked_mandate(
    app, api, sandbox, worker, monthly, clock, reconcile
):
    from app.extensions import db
    from app.signing.models import Subscription

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    revoke(api, sandbox, sub)
    with app.app_context():  # still set to renew, as a crash between the two writes would have left it
        db.session.execute(
            update(Subscription)
            .where(Subscription.id == sub["id"])
            .values(cancel_at_period_end=False, cancel_reason=None)
        )
        db.session.commit()
    assert reconcile()["found"] == {"revoked_mandate_still_renewing": 1}
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert (after["cancel_at_period_end"], after["cancel_reason"]) == (True, "mandate_revoked")
