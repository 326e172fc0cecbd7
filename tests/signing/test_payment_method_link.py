"""A merchant's own UI sends a subscriber straight to updating one subscription's payment method: the billing link
API opens at that page (`flow: payment_method_update`), and says what to fix when it cannot."""
from __future__ import annotations

from urllib.parse import urlsplit

from tests.api.test_openapi import check, spec  # noqa: F401  (fixture)
from tests.signing.test_payment_method_update import update_card
from tests.signing.test_renewals import active_subscription

from tests.signing.test_renewals import clock, monthly  # noqa: F401  (fixtures)


def test_a_link_opens_straight_at_a_subscriptions_payment_method(api, client, sandbox, worker, monthly, clock, spec):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    answer = api.post("/customers/cus_sub/billing_links", json={"flow": "payment_method_update",
                                                                 "subscription": sub["id"]})
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
    assert link({"subscription": mine["id"]}) == (400, "parameter_invalid", "flow")
    assert link({"flow": "payment_method_update"}) == (400, "parameter_invalid", "subscription")
    assert link({"flow": "payment_method_update", "subscription": theirs["id"]}) == (
        400, "parameter_invalid", "subscription")  # another customer's: as if it did not exist
    assert link({"flow": "payment_method_update", "subscription": mine["id"], "return_url": "x"}) == (
        400, "parameter_invalid", "return_url")
    api.post(f"/subscriptions/{mine['id']}/cancel", json={"at_period_end": True})
    assert link({"flow": "payment_method_update", "subscription": mine["id"]}) == (
        409, "subscription_state_invalid", "subscription")
