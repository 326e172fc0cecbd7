"""A subscriber withdraws, at their bank, the authorisation to charge their card while their subscription is paid
up: it cannot renew, so it ends with the paid period. They hear of it at once, once, not only when it has ended."""
from __future__ import annotations

import pytest
import requests

from tests.conftest import wait_for
from tests.integration.test_receipts import join_team, mail_server, parts  # noqa: F401  (fixture)
from tests.signing.support import make_recurring
from tests.signing.test_renewals import advance, clock, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_subscription_emails import EMAIL, PRODUCT, about, link_in, subject, subscribe_with_email


@pytest.fixture(autouse=True)
def subscriber_on_the_team(app, merchant) -> None:
    join_team(app, merchant.id, EMAIL)


def test_an_active_subscription_whose_mandate_is_revoked_emails_the_subscriber_once(
        app, api, client, sandbox, worker, monthly, catalog, clock, mail_server):
    """Before, only a past-due contract heard (from its next failed try); a paid-up one ended a month later
    without a word beforehand."""
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{sub['mandate']['reference']}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")
    worker()

    [message] = about(mail_server, "will end")
    assert message["To"] == EMAIL
    assert subject(message) == (f"[Test mode] Your subscription to {PRODUCT} will end: its payment method was "
                                "withdrawn")
    text, html = parts(message)
    for body in (text, html):
        assert f"Your subscription to {PRODUCT} ends on February 28, 2027" in body
        assert "so it cannot renew: it ends on February 28, 2027." in body and "You will not be charged again." in body
    assert "Your subscriptions" in client.get(link_in(message)).get_data(as_text=True)

    # Later changes of the contract say nothing again; its end sends the cancellation email, as before.
    make_recurring(app, catalog["limited_sku"], "month")
    assert api.patch(f"/subscriptions/{sub['id']}", json={"sku": catalog["limited_sku"]}).status_code == 200
    advance(api, worker, clock, unix(2027, 3, 1))
    worker()
    assert len(about(mail_server, "will end")) == 1
    assert len(about(mail_server, "has been canceled")) == 1
