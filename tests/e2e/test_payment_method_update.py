"""A subscriber updates their card in a real browser: their bank withdraws the authorisation of the card their
subscription renews through, the email that says so leads to the update, they save a new card on the provider's
page without being charged, and the subscription renews at its next period; later they replace that card too, and
the provider cancels the one it replaced."""

from __future__ import annotations

import re

import pytest
import requests
from playwright.sync_api import Page, expect

from tests.conftest import wait_for
from tests.e2e.test_portal import serious_violations
from tests.receipts.test_receipts import join_team, mail_server  # noqa: F401  (fixture)
from tests.receipts.test_subscription_emails import EMAIL, about, link_in, subscribe_with_email
from tests.signing.renewals.test_renewals import advance, clock, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_unsigning import at_provider

pytestmark = pytest.mark.e2e


def save_new_card(page: Page) -> None:
    """On the subscription's payment method page: save the sandbox card, approve at the provider, and come back."""
    page.get_by_role("radio", name="Card (sandbox)").check()
    page.get_by_role("button", name="Save new payment method").click()
    expect(page.get_by_text("Nothing to pay now")).to_be_visible()
    expect(page.get_by_text("$9.99 every month, cancel anytime")).to_be_visible()
    page.get_by_role("button", name="Approve").click()
    expect(page.get_by_role("status")).to_have_text(
        "Your new payment method is saved: the next payments of this subscription are charged to it."
    )


def test_a_withdrawn_card_is_replaced_from_the_email_and_the_subscription_renews(
    page: Page, app, api, merchant, sandbox, worker, monthly, clock, mail_server
):
    join_team(app, merchant.id, EMAIL)
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    withdrawn = sub["mandate"]["reference"]

    # The subscriber's bank withdraws the card's authorisation; Kassa emails them.
    requests.post(f"{sandbox.url}/sandbox/api/mandates/{withdrawn}/revoke", timeout=5)
    wait_for(lambda: api.get(f"/subscriptions/{sub['id']}").json["mandate"]["status"] == "revoked")
    worker()
    [email] = about(mail_server, "will end")

    page.goto(link_in(email))
    expect(page.get_by_role("heading", name="Payment method for Pro membership — 30 days")).to_be_visible()
    expect(
        page.get_by_text(
            "The authorisation to charge it was withdrawn, so this subscription ends on February 28, 2027."
        )
    ).to_be_visible()
    expect(page.get_by_text("Payment method on file: Card (sandbox) (authorisation withdrawn)")).to_be_visible()
    assert serious_violations(page) == []
    save_new_card(page)
    assert serious_violations(page) == []
    page.get_by_role("link", name="Back to your subscriptions").click()
    expect(page.get_by_text("Renews on February 28, 2027.")).to_be_visible()
    expect(page.get_by_text("Paid with: Card (sandbox)")).to_be_visible()
    first_new = api.get(f"/subscriptions/{sub['id']}").json["mandate"]["reference"]
    assert first_new != withdrawn

    # The merchant's clock reaches the period's end: the subscription renews through the new card.
    advance(api, worker, clock, unix(2027, 3, 1))
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert (renewed["status"], renewed["period"], [r["status"] for r in renewed["renewals"]]) == ("active", 2, ["paid"])

    # Their new card is about to expire: they replace it from their subscriptions page.
    page.reload()
    page.get_by_role("link", name="Update payment method").click()
    save_new_card(page)
    worker()  # the outbox cancels the card it replaced at the provider
    latest = api.get(f"/subscriptions/{sub['id']}").json["mandate"]["reference"]
    assert [at_provider(sandbox, m)["status"] for m in (withdrawn, first_new, latest)] == [
        "revoked",
        "canceled",
        "active",
    ]
    advance(api, worker, clock, unix(2027, 4, 1))
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert [r["status"] for r in after["renewals"]] == ["paid", "paid"] and after["mandate"]["reference"] == latest
    assert any(
        re.fullmatch(
            rf"payment method updated: mandate {latest} signed with sandbox_card, replacing "
            rf"{first_new} \(active\)",
            t["reason"],
        )
        for t in after["timeline"]
    )
