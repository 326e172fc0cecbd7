"""A merchant's own UI sends a subscriber straight to updating one subscription's payment method: the billing link
API opens at that page (`flow: payment_method_update`), and says what to fix when it cannot; with a `return_url` its
pages lead the subscriber back to the merchant's own page."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.signing.renewals.test_renewals import active_subscription, clock, monthly  # noqa: F401  (fixtures)
from tests.signing.test_payment_method_update import (
    back_from_provider,
    press_at_provider,
    signs_for_nothing,
    start_update,
    update_card,
)
from tests.web.api.test_openapi import check, spec  # noqa: F401  (fixture)


def test_a_link_opens_straight_at_a_subscriptions_payment_method(api, client, sandbox, worker, monthly, clock, spec):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    answer = api.post(
        "/customers/cus_sub/billing_links", json={"flow": "payment_method_update", "subscription": sub["id"]}
    )
    assert answer.status_code == 201, answer.json
    check(spec, "post", "/customers/{id}/billing_links", answer)
    assert (answer.json["flow"], answer.json["subscription"]) == ("payment_method_update", sub["id"])
    path = urlsplit(answer.json["url"]).path
    assert path.endswith(f"/subscriptions/{sub['id']}/payment_method")
    assert "Save new payment method" in client.get(path).get_data(as_text=True)

    after = update_card(api, client, sandbox, sub, path=path.rsplit("/subscriptions/", 1)[0])
    assert after["mandate"]["reference"] != sub["mandate"]["reference"]
    # Without a flow the link opens the customer's subscriptions, as before.
    plain = api.post("/customers/cus_sub/billing_links")
    assert (plain.json["flow"], plain.json["subscription"]) == (None, None)
    assert urlsplit(plain.json["url"]).path.count("/") == 3  # /checkout/billing/<token>


def test_a_link_that_cannot_open_at_the_update_says_what_to_fix(api, sandbox, worker, monthly, clock, spec):
    mine = active_subscription(api, sandbox, worker, monthly, clock)
    theirs = active_subscription(api, sandbox, worker, monthly, clock, customer="cus_other")

    def link(body: dict, customer: str = "cus_sub"):
        answer = api.post(f"/customers/{customer}/billing_links", json=body)
        check(spec, "post", "/customers/{id}/billing_links", answer)
        return answer.status_code, answer.json["error"]["code"], answer.json["error"].get("param")

    assert link({"flow": "cancel", "subscription": mine["id"]}) == (400, "parameter_invalid", "flow")
    assert link({"subscription": mine["id"]}) == (400, "parameter_missing", "flow")
    assert link({"flow": "payment_method_update"}) == (400, "parameter_missing", "subscription")
    assert link({"flow": "payment_method_update", "subscription": theirs["id"]}) == (
        400,
        "resource_missing",
        "subscription",
    )  # another customer's: as if it did not exist
    assert link({"flow": "payment_method_update", "subscription": mine["id"], "return_url": "x"}) == (
        400,
        "parameter_invalid",
        "return_url",
    )
    api.post(f"/subscriptions/{mine['id']}/cancel", json={"at_period_end": True})
    assert link({"flow": "payment_method_update", "subscription": mine["id"]}) == (
        409,
        "subscription_state_invalid",
        "subscription",
    )


BACK = "https://shop.example/account?tab=billing&ref=42"


def back_link(html: str) -> bool:
    """Whether a self-service page links back to the merchant's page the link named."""
    return (
        re.search(r'<a href="https://shop\.example/account\?tab=billing&amp;ref=42">Back to [^<]+</a>', html)
        is not None
    )


def test_a_link_with_a_return_url_brings_the_subscriber_back_to_the_merchants_page(
    api, client, sandbox, worker, monthly, clock, spec
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    answer = api.post(
        "/customers/cus_sub/billing_links",
        json={"flow": "payment_method_update", "subscription": sub["id"], "return_url": BACK},
    )
    assert answer.status_code == 201, answer.json
    check(spec, "post", "/customers/{id}/billing_links", answer)
    assert answer.json["return_url"] == BACK
    path = urlsplit(answer.json["url"]).path
    root = path.rsplit("/subscriptions/", 1)[0]
    for page in (path, root, f"{root}/subscriptions/{sub['id']}/cancel"):
        assert back_link(client.get(page).get_data(as_text=True)), page

    # After the update, back from the provider's page, the way back to the merchant is still there.
    started = start_update(client, root, sub)
    signs_for_nothing(started)
    landed = back_from_provider(client, press_at_provider(started))
    assert "Your new payment method is saved" in landed and back_link(landed)

    # A link without one shows none; a return_url that is no page, or too long, is refused and says so.
    plain = urlsplit(api.post("/customers/cus_sub/billing_links").json["url"]).path
    assert "Back to " not in client.get(plain).get_data(as_text=True)
    assert api.post("/customers/cus_sub/billing_links").json["return_url"] is None
    for bad in ("javascript:alert(1)", "/account", "https://shop.example/" + "a" * 1400):
        refused = api.post("/customers/cus_sub/billing_links", json={"return_url": bad})
        assert (refused.status_code, refused.json["error"]["param"]) == (400, "return_url"), bad
