"""A renewal deduction that lands after its subscription was canceled (or paused) buys no period, and Kassa refunds
it in full unasked: the subscriber, who sees the money leave and come back, gets one email saying why."""

from __future__ import annotations

import pytest

from tests.receipts.test_receipts import join_team, mail_server, parts  # noqa: F401  (fixture)
from tests.receipts.test_subscription_emails import EMAIL, PRODUCT, about, sent_rows, subject, subscribe_with_email
from tests.signing.renewals.test_renewal_in_flight import renew_answered_too_late, the_deduction_lands
from tests.signing.renewals.test_renewals import clock, monthly  # noqa: F401  (fixtures)


@pytest.fixture(autouse=True)
def subscriber_on_the_team(app, merchant) -> None:
    join_team(app, merchant.id, EMAIL)


def renewal_in_flight_with_email(app, api, sandbox, worker, monthly: str, clock: str, monkeypatch) -> tuple[dict, dict]:
    """A subscriber's contract whose period-2 deduction the provider made but answered too late."""
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    renew_answered_too_late(app, api, sandbox, worker, clock, monkeypatch)
    sub = api.get(f"/subscriptions/{sub['id']}").json
    order = api.get(f"/orders/{sub['renewals'][0]['order']}").json
    assert order["status"] == "paying"
    return sub, order


@pytest.mark.parametrize("stop", ["cancel", "pause"])
def test_a_late_renewal_charge_refunded_after_cancel_or_pause_emails_the_subscriber_once(
    app, api, sandbox, worker, monthly, clock, monkeypatch, mail_server, stop
):
    """Before, the refund came back without a word: the subscriber saw a charge and a refund for a subscription
    they had stopped, and nothing explained either."""
    mail_server.start()
    sub, order = renewal_in_flight_with_email(app, api, sandbox, worker, monthly, clock, monkeypatch)
    assert api.post(f"/subscriptions/{sub['id']}/{stop}", json={}).status_code == 200
    the_deduction_lands(app, api, worker, order)
    worker()
    worker()  # a repeated run of the outbox and the jobs sends nothing again
    assert api.get(f"/orders/{order['id']}").json["status"] == "refunded"

    [message] = about(mail_server, "has been refunded")
    assert message["To"] == EMAIL
    assert subject(message) == f"[Test mode] Your payment for {PRODUCT} has been refunded"
    text, html = parts(message)
    for body in (text, html):
        assert f"Your payment of $9.99 for {PRODUCT} has been refunded" in body
        assert "after your subscription had been canceled or paused" in body and "refunded it in full" in body
    assert "/checkout/billing/" in text
    assert [r.kind for r in sent_rows(app) if r.kind == "payment_refunded"] == ["payment_refunded"]
