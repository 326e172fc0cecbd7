"""A subscriber withdraws, at their bank, the authorisation to charge their card while their subscription is paid
up: it cannot renew, so it ends with the paid period. They hear of it at once, once, not only when it has ended."""

from __future__ import annotations

import pytest
import requests

from tests.conftest import wait_for
from tests.receipts.test_receipts import join_team, mail_server, parts  # noqa: F401  (fixture)
from tests.receipts.test_subscription_emails import (
    EMAIL,
    PRODUCT,
    about,
    link_in,
    sent_rows,
    subject,
    subscribe_with_email,
)
from tests.signing.renewals.test_renewals import advance, clock, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_payment_method_update import update_card
from tests.support.signing import make_recurring


@pytest.fixture(autouse=True)
def subscriber_on_the_team(app, merchant) -> None:
    join_team(app, merchant.id, EMAIL)


def revoked_subscription(api, sandbox, worker, monthly: str, clock: str, mail_server) -> dict:
    """A subscriber's paid-up contract whose card authorisation their bank has just withdrawn (the mail server up)."""
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")
    return sub


def test_an_active_subscription_whose_mandate_is_revoked_emails_the_subscriber_once(
    app, api, client, sandbox, worker, monthly, catalog, clock, mail_server
):
    """Before, only a past-due contract heard (from its next failed try); a paid-up one ended a month later
    without a word beforehand."""
    sub = revoked_subscription(api, sandbox, worker, monthly, clock, mail_server)
    worker()

    [message] = about(mail_server, "will end")
    assert message["To"] == EMAIL
    assert subject(message) == (
        f"[Test mode] Your subscription to {PRODUCT} will end: its payment method was withdrawn"
    )
    text, html = parts(message)
    for body in (text, html):
        assert f"Your subscription to {PRODUCT} ends on February 28, 2027" in body
        assert "so it cannot renew: it ends on February 28, 2027." in body
        assert "To keep it, save a new payment method before then (nothing is charged when you do)." in body
        assert "Update your payment method" in body
    # The link opens the update of this subscription's payment method.
    assert link_in(message).endswith(f"/subscriptions/{sub['id']}/payment_method")
    assert "Save new payment method" in client.get(link_in(message)).get_data(as_text=True)

    # Later changes of the contract say nothing again; its end sends the cancellation email, as before.
    make_recurring(app, catalog["limited_sku"], "month")
    assert api.patch(f"/subscriptions/{sub['id']}", json={"sku": catalog["limited_sku"]}).status_code == 200
    advance(api, worker, clock, unix(2027, 3, 1))
    worker()
    assert len(about(mail_server, "will end")) == 1
    assert len(about(mail_server, "has been canceled")) == 1


def test_the_email_leads_to_a_new_card_which_keeps_the_subscription(
    app, api, client, sandbox, worker, monthly, clock, mail_server
):
    sub = revoked_subscription(api, sandbox, worker, monthly, clock, mail_server)
    worker()
    [message] = about(mail_server, "will end")

    after = update_card(api, client, sandbox, sub, path=link_in(message).rsplit("/subscriptions/", 1)[0])
    assert (after["cancel_at_period_end"], after["mandate"]["status"]) == (False, "active")
    advance(api, worker, clock, unix(2027, 3, 1))
    worker()
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert (renewed["status"], [r["status"] for r in renewed["renewals"]]) == ("active", ["paid"])
    assert about(mail_server, "has been canceled") == []


def test_an_email_the_subscriber_would_get_after_saving_a_new_card_is_not_sent(
    app, api, client, sandbox, worker, monthly, clock, mail_server
):
    """The revoke's email had not gone out (the worker was busy) when the subscriber saved a new card: it would say
    the subscription ends, which is no longer true."""
    sub = revoked_subscription(api, sandbox, worker, monthly, clock, mail_server)
    update_card(api, client, sandbox, sub)
    worker()
    assert about(mail_server, "will end") == []
    [row] = [r for r in sent_rows(app) if r.kind == "mandate_revoked"]
    assert (row.status, row.last_error) == ("skipped", "no longer true: the payment method was updated")


def test_two_outbox_runs_at_the_same_instant_send_the_withdrawn_card_email_once(
    app, api, client, sandbox, worker, monthly, catalog, clock, mail_server, monkeypatch
):
    """Two updates of the contract that both show its mandate revoked (the revoke, then a SKU change) are handled
    by two dispatchers at once. Before, each read the earlier emails' rows before either had written one, found
    none, and both sent the email; the row is now claimed under a unique key (contract, mandate)."""
    import threading

    from sqlalchemy import select

    from app.extensions import db
    from app.platform.outbox.events import Event
    from app.receipts import subscription_sending

    sub = revoked_subscription(api, sandbox, worker, monthly, clock, mail_server)
    make_recurring(app, catalog["limited_sku"], "month")
    assert api.patch(f"/subscriptions/{sub['id']}", json={"sku": catalog["limited_sku"]}).status_code == 200
    with app.app_context():
        both = [
            e.id
            for e in db.session.scalars(select(Event).where(Event.type == "subscription.updated").order_by(Event.id))
        ]
    assert len(both) == 2

    # Both runs have read what they read before either writes the email's row.
    arrived = threading.Barrier(2, timeout=10)
    wants = subscription_sending._wants_emails

    def wants_together(merchant_id: str) -> bool:
        arrived.wait()
        return wants(merchant_id)

    monkeypatch.setattr(subscription_sending, "_wants_emails", wants_together)
    failures = []

    def handle(event_id: str) -> None:
        try:
            with app.app_context():
                subscription_sending.email_mandate_revoked(db.session.get(Event, event_id))
        except Exception as exc:  # noqa: BLE001  (reported below)
            failures.append(exc)

    runs = [threading.Thread(target=handle, args=(event_id,)) for event_id in both]
    for run in runs:
        run.start()
    for run in runs:
        run.join(30)
    assert failures == []
    monkeypatch.setattr(subscription_sending, "_wants_emails", wants)
    worker()

    assert len(about(mail_server, "will end")) == 1
    assert [r.kind for r in sent_rows(app)].count("mandate_revoked") == 1


def test_a_subscription_already_ending_as_asked_gets_no_email_to_save_a_new_card(
    app, api, sandbox, worker, monthly, clock, mail_server
):
    """The customer asked it to end with its period: a withdrawn card changes nothing for them, and the email's
    "Update your payment method" would lead to a page that refuses it."""
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True}).status_code == 200
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")
    worker()
    assert about(mail_server, "will end") == []
