"""Emails to subscribers, as a shopper receives them: the merchant's renewals run on a test clock advanced over the
API, a real SMTP server (aiosmtpd, on a loopback port) catches what the worker sends, and the shopper opens the link
in the email — paying the failed renewal with a new card on their billing page, or cancelling a trial."""

from __future__ import annotations

import re
import time
from datetime import datetime, timezone
from urllib.parse import urlsplit

import pytest

from tests.conftest import wait_for
from tests.receipts.test_receipts import SENDER, join_team, mail_server, parts  # noqa: F401  (fixture)
from tests.signing.renewals.test_renewals import advance, clock, decline_next, monthly, set_dunning, unix  # noqa: F401
from tests.signing.test_self_service import csrf, pay_renewal_with_a_new_card
from tests.signing.test_trials import checkout_form, trial_sku  # noqa: F401  (fixture)
from tests.support.signing import pay_first_order

EMAIL = "subscriber@example.test"
PRODUCT = "Pro membership — 30 days"


# The subscribers of this module's test-mode contracts are the merchant's own people, so their emails go out.
@pytest.fixture(autouse=True)
def subscribers_on_the_team(app, merchant) -> None:
    join_team(app, merchant.id, EMAIL, "mallory@example.test")


def subscribe_with_email(api, sandbox, worker, sku: str, clock: str, email: str | None = EMAIL) -> dict:
    """A contract opened over the API for a customer with an email, its first order paid at the sandbox."""
    customer = {"id": "cus_sub", **({"email": email} if email else {})}
    created = api.post(
        "/subscriptions", json={"sku": sku, "customer": customer, "agreement_accepted": True, "test_clock": clock}
    )
    assert created.status_code == 201, created.json
    return pay_first_order(api, sandbox, worker, created.json)


def subject(message) -> str:
    """The subject as a mail client shows it (a long one is folded over lines)."""
    return " ".join(message["Subject"].split())


def about(mail_server, subject_part: str) -> list:
    return [m for m in mail_server.inbox.messages if subject_part in subject(m)]


def link_in(message) -> str:
    """The billing page's path the email links to (both parts link the same page)."""
    text, html = parts(message)
    url = re.search(r"(http\S+/checkout/billing/\S+)", text).group(1)
    assert f'href="{url}"' in html
    return urlsplit(url).path


def sent_rows(app) -> list:
    from sqlalchemy import select

    from app.extensions import db
    from app.receipts.models import SubscriptionEmail

    with app.app_context():
        rows = list(db.session.scalars(select(SubscriptionEmail).order_by(SubscriptionEmail.created_at)))
        db.session.expunge_all()
        return rows


def test_a_declined_renewal_emails_a_link_that_pays_it_with_a_new_card(
    app, api, client, sandbox, worker, monthly, clock, mail_server
):
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    receipts = len(mail_server.inbox.messages)  # the first order's receipt
    decline_next(sandbox, sub, 100)  # the card on file keeps failing
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    worker()

    [message] = mail_server.inbox.messages[receipts:]
    assert message["To"] == EMAIL and message["From"] == f"Acme Games <{SENDER}>"
    assert subject(message) == (
        f"[Test mode] Your payment to Acme Games for {PRODUCT} failed — update your payment method"
    )
    text, html = parts(message)
    for body in (text, html):
        assert "We could not take $9.99 for your subscription ($9.99 every month)." in body
        assert "We will try again on March 1, 2027." in body and "Update your payment method" in body
    # The link outlives the billing API's hour: until the dunning ends (14 days), in wall-clock time.
    until = re.search(r"This link works until (.+)\.", text).group(1)
    assert datetime.strptime(until, "%B %d, %Y").replace(tzinfo=timezone.utc).timestamp() > time.time() + 13 * 86400

    assert link_in(message).endswith(f"/subscriptions/{sub['id']}/payment_method")  # this contract's update
    page = client.get(link_in(message)).get_data(as_text=True)
    assert "Your last payment did not go through" in page
    after = pay_renewal_with_a_new_card(api, client, sandbox, worker, sub, path=link_in(message))
    assert after["status"] == "active" and after["renewals"][0]["status"] == "paid"

    advance(api, worker, clock, unix(2027, 3, 2))  # the retry day passes: the renewal is paid, no more tries
    worker()
    assert len(about(mail_server, "failed")) == 1  # one email for the one failed try, never repeated
    [row] = sent_rows(app)
    assert (row.kind, row.status, row.attempts) == ("payment_failed", "sent", 1)


def every_try_declined(
    app, merchant, api, sandbox, worker, monthly: str, clock: str, mail_server, final_action: str
) -> dict:
    """A subscriber's contract whose two renewal tries are both declined, then canceled or paused as the merchant's
    dunning says; the mail server catching what was sent."""
    mail_server.start()
    set_dunning(app, merchant.id, retry_days="2", final_action=final_action)  # two tries
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 3, 10))
    worker()
    worker()  # a repeated run of the outbox and the jobs sends nothing again
    return sub


def test_each_failed_try_emails_once_and_the_cancellation_after_the_last_says_why(
    app, merchant, api, sandbox, worker, monthly, clock, mail_server
):
    sub = every_try_declined(app, merchant, api, sandbox, worker, monthly, clock, mail_server, "cancel")

    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "canceled"
    assert len(about(mail_server, "failed — update your payment method")) == 1  # the first try; the last cancels
    [canceled] = about(mail_server, "has been canceled")
    assert subject(canceled) == f"[Test mode] Your subscription to {PRODUCT} has been canceled"
    text, html = parts(canceled)
    for body in (text, html):
        assert "after several tries, so it has ended" in body and "You will not be charged again." in body
    assert sorted(r.kind for r in sent_rows(app)) == ["canceled", "payment_failed"]


def test_a_subscription_paused_after_the_last_failed_try_tells_the_subscriber(
    app, merchant, api, sandbox, worker, monthly, clock, mail_server
):
    """A merchant who pauses rather than cancels after the last try: before, the subscriber's last email said the
    payment would be tried again, and then nothing came; their subscription had stopped without a word."""
    sub = every_try_declined(app, merchant, api, sandbox, worker, monthly, clock, mail_server, "pause")

    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "paused"
    [paused] = about(mail_server, "has been paused")
    assert subject(paused) == f"[Test mode] Your subscription to {PRODUCT} has been paused"
    text, html = parts(paused)
    for body in (text, html):
        assert "after several tries, so it is paused" in body and "until it is resumed" in body
    assert link_in(paused).startswith("/checkout/billing/")
    assert sorted(r.kind for r in sent_rows(app)) == ["paused", "payment_failed"]
    # A pause the merchant asks for is theirs to tell.
    assert api.post(f"/subscriptions/{sub['id']}/resume").status_code == 200
    assert api.post(f"/subscriptions/{sub['id']}/pause").status_code == 200
    worker()
    assert len(about(mail_server, "has been paused")) == 1


def test_a_trial_is_reminded_a_week_before_its_first_charge_and_cancelled_from_the_email(
    app, api, client, sandbox, worker, trial_sku, clock, mail_server
):
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, trial_sku, clock)
    assert sub["status"] == "trialing"
    receipts = len(mail_server.inbox.messages)
    advance(api, worker, clock, unix(2027, 2, 6))  # 8 days before the trial ends: nothing yet
    worker()
    assert mail_server.inbox.messages[receipts:] == []

    advance(api, worker, clock, unix(2027, 2, 8))  # 6 days before (the merchant's notice is 3 days; cards ask 7)
    worker()
    [message] = mail_server.inbox.messages[receipts:]
    assert subject(message) == f"[Test mode] Your free trial of {PRODUCT} ends soon"
    text, html = parts(message)
    for body in (text, html):
        assert f"Your free trial of {PRODUCT} ends on February 14, 2027" in body
        assert "You&#39;ll be charged $9.99 every month" in body or "You'll be charged $9.99 every month" in body
    path = link_in(message)
    confirm = client.get(f"{path}/subscriptions/{sub['id']}/cancel").get_data(as_text=True)
    done = client.post(f"{path}/subscriptions/{sub['id']}/cancel", data={"csrf_token": csrf(confirm)})
    assert done.status_code == 303
    advance(api, worker, clock, unix(2027, 3, 1))
    worker()
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["status"] == "canceled" and after["renewals"] == []  # never charged
    assert len(about(mail_server, "ends soon")) == 1
    [ended] = about(mail_server, "has been canceled")
    assert "after several tries" not in parts(ended)[0]  # the shopper canceled it: no word of failed payments


def test_the_email_speaks_the_language_the_shopper_signed_up_in(
    api, client, catalog, sandbox, worker, monthly, mail_server
):
    """A shopper whose browser prefers German subscribes on the hosted checkout; the merchant later cancels."""
    mail_server.start()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "de-DE"
    form = checkout_form(client, catalog["product"], monthly, email=EMAIL)
    paid = client.post(f"/checkout/{catalog['product']}/pay", data={**form, "channel": "sandbox_card", "agree": "on"})
    assert paid.status_code in (302, 303), paid.get_data(as_text=True)
    (sub,) = api.get("/subscriptions").json["data"]
    order = api.get(f"/orders/{sub['latest_order']}").json
    sandbox.simulate(order["payments"][0]["provider_reference"], "succeeded")

    def active() -> bool:
        worker()  # the callback's outcome, then the outbox that activates the contract
        return api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"

    wait_for(active)
    assert api.post(f"/subscriptions/{sub['id']}/cancel").status_code == 200
    worker()

    [message] = about(mail_server, "gekündigt")
    assert message["Content-Language"] == "de"
    assert subject(message) == f"[Testmodus] Ihr Abonnement für {PRODUCT} wurde gekündigt"
    text, html = parts(message)
    for body in (text, html):
        assert "Ihnen wird nichts mehr berechnet." in body and "Zu Ihren Abonnements:" in body


def test_nothing_is_sent_without_an_email_or_smtp_or_when_the_merchant_sends_its_own(
    app, merchant, api, sandbox, worker, monthly, clock, mail_server, monkeypatch
):
    from app.extensions import db
    from app.merchants.models import Merchant

    mail_server.start()
    no_email = subscribe_with_email(api, sandbox, worker, monthly, clock, email=None)
    decline_next(sandbox, no_email, 100)
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    worker()
    assert mail_server.inbox.messages == [] and sent_rows(app) == []

    with app.app_context():
        db.session.get(Merchant, merchant.id).subscription_emails = False
        db.session.commit()
    api.post(f"/subscriptions/{no_email['id']}/cancel")
    other = subscribe_with_email(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, other, 100)
    advance(api, worker, clock, unix(2027, 3, 31, 13))
    worker()
    assert about(mail_server, "failed") == [] and sent_rows(app) == []


def send_now(app, email_id: str) -> str:
    """The email's next try, as its scheduled job runs it."""
    from app.receipts.subscription_sending import send_subscription_email

    with app.app_context():
        return send_subscription_email(email_id)


def test_renewals_go_on_while_the_mail_server_is_down_and_the_email_follows_once(
    app, api, sandbox, worker, monthly, clock, mail_server
):
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)  # the mail server is down
    decline_next(sandbox, sub, 1)
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    worker()
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "past_due"  # the renewal did not wait
    [row] = sent_rows(app)
    assert (row.status, row.attempts) == ("failed", 1) and "ConnectionRefusedError" in row.last_error

    mail_server.start()
    wait_for(lambda: send_now(app, row.id) == "sent", timeout=10)  # the backoff's retry (1 s here)
    assert send_now(app, row.id) == "sent"  # a duplicated job sends nothing
    assert len(about(mail_server, "failed")) == 1

    advance(api, worker, clock, unix(2027, 3, 1, 13))  # the next try is paid: no more failure emails
    worker()
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"
    assert len(about(mail_server, "failed")) == 1


def test_the_cron_sweep_sends_an_email_whose_retry_job_was_lost(app, api, sandbox, worker, monthly, clock, mail_server):
    """The retry waits in RQ's scheduler; were it lost (Redis flushed, the scheduler down), the minute's sweep
    finds the email due and sends it, once."""
    from app.platform.queueing import BATCH, enqueue

    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)  # the mail server is down
    decline_next(sandbox, sub, 1)
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    worker()
    [row] = sent_rows(app)
    assert row.status == "failed"
    mail_server.start()
    time.sleep(1.1)  # the retry's backoff (1 s here)
    with app.app_context():
        enqueue("app.jobs.queue_due_subscription_emails", lane=BATCH)  # the cron's sweep
        enqueue("app.jobs.queue_due_subscription_emails", lane=BATCH)  # and the next one, before the first was sent
    worker()
    assert len(about(mail_server, "failed")) == 1
    assert [(r.status, r.attempts) for r in sent_rows(app)] == [("sent", 2)]


def test_a_failure_email_that_could_not_go_out_before_the_renewal_was_paid_is_skipped(
    app, api, client, sandbox, worker, monthly, mail_server
):
    """On the wall clock: the renewal sweep (the cron's job) finds the renewal due, the card is declined while the
    mail server is down, and the shopper pays with a new card before the email's retry: it is not sent late."""
    from app.extensions import db
    from app.platform.queueing import PAYMENTS, enqueue
    from app.signing.models import Subscription

    sub = subscribe_with_email(api, sandbox, worker, monthly, None)
    with app.app_context():  # a month on
        db.session.get(Subscription, sub["id"]).next_renewal_at = datetime.now(timezone.utc)
        db.session.commit()
        enqueue("app.jobs.renew_subscriptions", lane=PAYMENTS)
    decline_next(sandbox, sub, 1)
    worker()
    worker()
    [row] = [r for r in sent_rows(app) if r.kind == "payment_failed"]
    assert row.status == "failed"
    pay_renewal_with_a_new_card(api, client, sandbox, worker, sub)
    mail_server.start()
    time.sleep(1.1)  # the retry's backoff
    assert send_now(app, row.id) == "skipped"
    assert about(mail_server, "failed") == []


def test_an_email_link_lives_until_the_dunning_ends_and_no_longer(
    app, api, client, sandbox, worker, monthly, clock, mail_server, monkeypatch
):
    from datetime import timedelta

    from app.platform.db.types import utcnow
    from app.signing import self_service

    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    worker()
    [message] = about(mail_server, "failed")
    path = link_in(message)
    token = path.split("/")[3]  # /checkout/billing/<token>/subscriptions/<id>/payment_method
    forged = token[:-4] + ("AAAA" if not token.endswith("AAAA") else "BBBB")
    assert client.get(path.replace(token, forged)).status_code == 404
    later = utcnow() + timedelta(days=10)  # far past the API link's hour, within the 14 days of dunning
    monkeypatch.setattr(self_service, "utcnow", lambda: later)
    assert "Your last payment did not go through" in client.get(path).get_data(as_text=True)
    much_later = utcnow() + timedelta(days=16)
    monkeypatch.setattr(self_service, "utcnow", lambda: much_later)
    expired = client.get(path)
    assert expired.status_code == 404 and "this link has expired" in expired.get_data(as_text=True)


def test_a_merchant_name_with_markup_is_text_in_the_html_part(
    app, merchant, api, sandbox, worker, monthly, clock, mail_server
):
    from app.extensions import db
    from app.merchants.settings import update_profile

    with app.app_context():
        update_profile(merchant.id, name="Ben & Jerry <b>Games</b>", email="shop@acme.test")
        db.session.commit()
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    api.post(f"/subscriptions/{sub['id']}/cancel")
    worker()
    [message] = about(mail_server, "has been canceled")
    text, html = parts(message)
    assert "on behalf of Ben & Jerry <b>Games</b>." in text
    assert "on behalf of Ben &amp; Jerry &lt;b&gt;Games&lt;/b&gt;." in html and "<b>Games" not in html


def test_an_email_to_whoever_claimed_a_customers_id_opens_their_own_contract_only(
    api, pk_api, client, sandbox, worker, monthly, mail_server
):
    # Any page holding the publishable key may name any customer id, with its own email. Such a claimant of a real
    # customer's id was emailed (on a cancellation, a failed renewal, a trial's end) a link to the billing page of
    # every contract of that id: the real customer's renewals, and a Cancel button for each.
    mail_server.start()
    victim = api.post(
        "/subscriptions",
        json={"sku": monthly, "customer": {"id": "cus_real", "email": EMAIL}, "agreement_accepted": True},
    )
    victims = pay_first_order(api, sandbox, worker, victim.json)
    claimed = pk_api.post(
        "/subscriptions",
        json={
            "sku": monthly,
            "agreement_accepted": True,
            "customer": {"id": "cus_real", "email": "mallory@example.test"},
        },
    )
    assert claimed.status_code == 201, claimed.json
    mallorys = pay_first_order(api, sandbox, worker, claimed.json)
    assert api.post(f"/subscriptions/{mallorys['id']}/cancel", json={"at_period_end": False}).status_code == 200
    worker()

    [message] = [m for m in about(mail_server, "has been canceled") if m["To"] == "mallory@example.test"]
    path = link_in(message)
    page = client.get(path).get_data(as_text=True)
    assert mallorys["id"] in page and victims["id"] not in page
    assert client.get(f"{path}/subscriptions/{victims['id']}/cancel").status_code == 404
    token = csrf(client.get(f"{path}/subscriptions/{mallorys['id']}/cancel").get_data(as_text=True))
    assert client.post(f"{path}/subscriptions/{victims['id']}/cancel", data={"csrf_token": token}).status_code == 404
    assert api.get(f"/subscriptions/{victims['id']}").json["status"] == "active"
