"""The billing page behind a subscriber's email link is private: the link is the shopper's key for up to 62 days and
the page carries their open renewal's client secret, so neither a shared cache (a proxy or CDN in front of Kassa,
a shared computer's browser cache) nor another site's Referer (the merchant's logo host) may keep it."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

from tests.signing.renewals.test_renewals import monthly  # noqa: F401  (a fixture)
from tests.support.signing import CUSTOMER, pay_first_order, subscribe


def _email_link(app, merchant_id: str) -> str:
    from app.signing.self_service import issue_email_link

    with app.app_context():
        token, _ = issue_email_link(
            merchant_id, CUSTOMER, livemode=False, until=datetime.now(timezone.utc) + timedelta(days=30)
        )
    return f"/checkout/billing/{token}"


def test_the_billing_pages_of_an_email_link_are_kept_out_of_caches_and_referers(
    app, api, client, merchant, sandbox, worker, monthly
):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    link = _email_link(app, merchant.id)
    page = client.get(link)
    confirm = client.get(f"{link}/subscriptions/{sub['id']}/cancel")
    for answer in (page, confirm):
        assert answer.status_code == 200
        assert answer.headers["Cache-Control"] == "private, no-store"
        assert answer.headers["Referrer-Policy"] == "same-origin"  # no other site hears the address
    token = re.search(r'name="csrf_token" value="([^"]+)"', confirm.get_data(as_text=True)).group(1)
    assert client.post(f"{link}/subscriptions/{sub['id']}/cancel", data={"csrf_token": token}).status_code == 303


HTTPS = "https://pay.example"


def test_cancel_on_the_billing_page_works_over_https(app, api, client, merchant, sandbox, worker, monthly):
    # Over HTTPS the CSRF check wants every POST to say where it came from (a Referer of this site), and the page
    # answered Referrer-Policy: no-referrer, so a browser sent none and Cancel was a 400 "The referrer header is
    # missing". A browser sends the page's address as the Referer of a same-site POST only when the policy allows.
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    cancel = f"{_email_link(app, merchant.id)}/subscriptions/{sub['id']}/cancel"
    confirm = client.get(cancel, base_url=HTTPS)
    policy = confirm.headers["Referrer-Policy"]
    referer = {"Referer": HTTPS + cancel} if policy in ("same-origin", "strict-origin-when-cross-origin") else {}
    token = re.search(r'name="csrf_token" value="([^"]+)"', confirm.get_data(as_text=True)).group(1)
    done = client.post(cancel, data={"csrf_token": token}, base_url=HTTPS, headers=referer)
    assert done.status_code == 303, done.get_data(as_text=True)[:300]
    assert api.get(f"/subscriptions/{sub['id']}").json["cancel_at_period_end"] is True
