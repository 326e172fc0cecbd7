"""Subscriptions in the portal, as a merchant's staff use them: find a contract, read its renewals and every
deduction try, pause or cancel it only after confirming, set the dunning schedule, run a test clock, sell a
SKU as a subscription, and read MRR on the dashboard."""

from __future__ import annotations

import re

from tests.receipts.test_receipts import mail_server  # noqa: F401  (fixture)
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, decline_next, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_trials import trial_sku, trialing  # noqa: F401  (a fixture)
from tests.support.signing import pay_first_order, subscribe


def test_the_list_filters_by_status_and_finds_a_customer(api, portal, sandbox, worker, monthly):
    assert "No subscriptions yet" in portal.text("/portal/subscriptions")
    paid = pay_first_order(api, sandbox, worker, subscribe(api, monthly, customer="cus_alice"))
    pending = subscribe(api, monthly, customer="cus_bob")["subscription"]
    page = portal.text("/portal/subscriptions")
    assert paid["id"] in page and pending["id"] in page and "$9.99 every month, cancel anytime" in page
    only_active = portal.text("/portal/subscriptions?status=active")
    assert paid["id"] in only_active and pending["id"] not in only_active
    found = portal.text("/portal/subscriptions?q=bob")
    assert pending["id"] in found and paid["id"] not in found
    assert "No subscriptions match these filters" in portal.text("/portal/subscriptions?q=nobody")


def test_the_contract_page_shows_each_renewal_with_its_tries(api, portal, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 1)
    advance(api, worker, clock, unix(2027, 3, 1, 13))
    page = portal.text(f"/portal/subscriptions/{sub['id']}")
    renewal = api.get(f"/subscriptions/{sub['id']}").json["renewals"][0]
    assert renewal["order"] in page and "sandbox_card: failed (insufficient_funds)" in page
    assert "sandbox_card: succeeded" in page and "past_due" in page  # the timeline tells the story
    assert sub["mandate"]["reference"] in page


def test_pausing_asks_first_and_is_audited(api, portal, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    confirm = portal.post(f"/portal/subscriptions/{sub['id']}/pause")
    assert confirm.status_code == 200 and "No renewal is charged until you resume" in confirm.get_data(as_text=True)
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"  # nothing yet
    # A reload of the confirmation (or the back button to it) asks again: before, a bare 405.
    again = portal.get(f"/portal/subscriptions/{sub['id']}/pause")
    assert again.status_code == 200 and "No renewal is charged until you resume" in again.get_data(as_text=True)
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"
    done = portal.post(f"/portal/subscriptions/{sub['id']}/pause", {"confirmed": "yes"})
    assert done.status_code == 302
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "paused"
    assert "subscription.pause" in portal.text("/portal/audit")
    resumed = portal.post(f"/portal/subscriptions/{sub['id']}/resume", {"confirmed": "yes"})
    assert resumed.status_code == 302 and api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"


def test_a_developer_reads_subscriptions_but_cannot_change_them(api, member, sandbox, worker, monthly):
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    developer = member("developer")
    page = developer.text(f"/portal/subscriptions/{sub['id']}")
    assert "can read subscriptions but not change them" in page
    assert developer.post(f"/portal/subscriptions/{sub['id']}/cancel", {"confirmed": "yes"}).status_code == 403
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "active"


def test_the_dunning_schedule_is_set_in_settings(app, merchant, portal):
    from app.extensions import db
    from app.merchants.models import Merchant

    bad = portal.post(
        "/portal/settings/subscriptions",
        {"dunning_retry_days": "3, 1", "dunning_final_action": "pause", "renewal_notice_days": "5"},
    )
    assert bad.status_code == 422 and "retry days must increase" in bad.get_data(as_text=True)
    ok = portal.post(
        "/portal/settings/subscriptions",
        {"dunning_retry_days": "1, 4, 9", "dunning_final_action": "pause", "renewal_notice_days": "5"},
    )
    assert ok.status_code == 302
    with app.app_context():
        saved = db.session.get(Merchant, merchant.id)
        assert (saved.dunning_retry_days, saved.dunning_final_action, saved.renewal_notice_days) == (
            [1, 4, 9],
            "pause",
            5,
        )


def test_subscription_emails_are_on_by_default_and_turned_off_in_settings_with_an_audit_entry(
    app, merchant, api, portal, sandbox, worker, monthly, clock, mail_server
):
    """A merchant who emails its own subscribers turns Kassa's off; a declined renewal then sends nothing."""
    from app.audit.models import AuditEntry
    from app.extensions import db
    from tests.receipts.test_receipts import join_team
    from tests.receipts.test_subscription_emails import EMAIL, about, subscribe_with_email

    join_team(app, merchant.id, EMAIL)  # a test-mode contract: the subscriber is one of the merchant's people

    page = portal.text("/portal/settings")
    assert re.search(r'<input type="checkbox" id="subscription_emails"[^>]* checked>', page)  # on by default
    off = portal.post(
        "/portal/settings/subscriptions",
        {"dunning_retry_days": "", "dunning_final_action": "cancel", "renewal_notice_days": "3"},
    )
    assert off.status_code == 302
    assert not re.search(r'id="subscription_emails"[^>]* checked>', portal.text("/portal/settings"))
    with app.app_context():
        entry = db.session.query(AuditEntry).filter_by(action="settings.subscriptions").one()
        assert (entry.before["subscription_emails"], entry.after["subscription_emails"]) == (True, False)

    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    worker()
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "past_due"
    assert about(mail_server, "failed") == []

    on = portal.post(
        "/portal/settings/subscriptions",
        {
            "dunning_retry_days": "",
            "dunning_final_action": "cancel",
            "renewal_notice_days": "3",
            "subscription_emails": "on",
        },
    )
    assert on.status_code == 302
    advance(api, worker, clock, unix(2027, 3, 1, 13))  # the next try fails too: now it is emailed
    worker()
    assert len(about(mail_server, "failed")) == 1


def test_a_test_clock_is_advanced_from_the_portal(api, portal, sandbox, worker, monthly, clock):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    assert clock in portal.text("/portal/test-clocks")
    moved = portal.post(f"/portal/test-clocks/{clock}/advance", {"to": "2027-03-01T12:00"})
    assert moved.status_code == 302
    assert "advancing" in portal.text(f"/portal/test-clocks/{clock}")
    worker()
    page = portal.text(f"/portal/test-clocks/{clock}")
    assert "2027-03-01 12:00 UTC — ready" in page
    assert api.get(f"/subscriptions/{sub['id']}").json["renewals"][0]["status"] == "paid"
    assert portal.post(f"/portal/test-clocks/{clock}/advance", {"to": "2027-02-01T00:00"}).status_code == 302
    assert "only moves forward" in portal.text(f"/portal/test-clocks/{clock}")


def test_a_sku_is_sold_as_a_subscription_from_its_form(api, portal, catalog):
    page = portal.text(f"/portal/skus/{catalog['sku']}")
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    saved = portal.post(
        f"/portal/skus/{catalog['sku']}",
        {
            "csrf_token": token,
            "name": "30 days",
            "price": "9.99",
            "currency": "usd",
            "status": "active",
            "subscription_interval": "month",
            "subscription_interval_count": "3",
        },
    )
    assert saved.status_code == 302
    sku = next(s for s in api.get(f"/products/{catalog['product']}").json["skus"] if s["id"] == catalog["sku"])
    assert sku["subscription"] == {"interval": "month", "interval_count": 3}
    assert subscribe(api, catalog["sku"])["subscription"]["interval_count"] == 3


def test_the_dashboard_shows_mrr_and_active_subscriptions(api, portal, sandbox, worker, monthly):
    for customer in ("cus_a", "cus_b"):
        pay_first_order(api, sandbox, worker, subscribe(api, monthly, customer=customer))
    page = portal.text("/portal/dashboard")
    assert re.search(r"<dt>MRR</dt><dd><strong>\$19\.98</strong>", page)
    assert re.search(r"<dt>Active</dt><dd>2</dd>", page)


def test_the_contract_page_read_while_it_renews_is_one_moment(app, api, portal, sandbox, worker, monthly, clock):
    """The merchant opens the contract as its renewal commits between the contract and renewals statements: the
    page shows February's period with no renewal yet, never February's period beside March's renewal paid."""
    from tests.platform.db.test_read_snapshot import held_read

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    path = f"/portal/subscriptions/{sub['id']}"
    page = held_read(
        app,
        path,
        "FROM subscription_renewals",
        1,
        lambda: portal.get(path),
        lambda: advance(api, worker, clock, unix(2027, 3, 1)),
    ).get_data(as_text=True)
    assert "2027-02-28 12:00 UTC" in page and "2027-03-31" not in page
    renewed = portal.text(path)
    assert "2027-03-31 12:00 UTC" in renewed  # the renewal did land meanwhile


def test_a_canceled_contract_does_not_promise_a_first_renewal(api, portal, sandbox, worker, monthly):
    """Cancelled after its first order was paid, a contract's page read “No renewal yet: the first one is due once
    the first order is paid.”: the order was paid, and no renewal would ever come."""
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    assert "the first one is due" in portal.text(f"/portal/subscriptions/{sub['id']}")
    assert portal.post(f"/portal/subscriptions/{sub['id']}/cancel", {"confirmed": "yes"}).status_code == 302
    page = portal.text(f"/portal/subscriptions/{sub['id']}")
    assert "No renewals: the subscription ended before its first renewal." in page
    assert "once the first order is paid" not in page and "the first one is due" not in page


def test_a_canceled_contracts_page_says_its_mandate_ended_with_it(api, portal, sandbox, worker, monthly):
    """Canceled, a contract's page still read "Mandate sandbox_card mdt_… — active": the merchant could not tell
    the customer's recurring agreement had ended (it had not, at the provider). Now it says canceled."""
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    reference = sub["mandate"]["reference"]
    assert f"<code>{reference}</code> — active" in portal.text(f"/portal/subscriptions/{sub['id']}")
    assert portal.post(f"/portal/subscriptions/{sub['id']}/cancel", {"confirmed": "yes"}).status_code == 302
    page = portal.text(f"/portal/subscriptions/{sub['id']}")
    assert (
        f"<code>{reference}</code> — canceled (ended with the subscription; Kassa cancels it at the provider too)"
        in page
    )
    assert "— active" not in page


def test_a_contract_names_the_product_and_option_it_renews(api, portal, sandbox, worker, monthly):
    """The contract's page named what it sells only by the SKU's id (“sku_01m8…”), and the list not at all."""
    sub = pay_first_order(api, sandbox, worker, subscribe(api, monthly))
    page = portal.get(f"/portal/subscriptions/{sub['id']}").get_data(as_text=True)
    assert re.search(
        r"<dt>Sells</dt><dd><a href=\"/portal/products/prod_test_membership\">Pro membership — 30 days"
        r"</a>",
        page,
    ), page
    assert "Pro membership — 30 days" in portal.text("/portal/subscriptions")


def test_a_free_trial_is_set_on_the_sku_form_and_shown_on_the_contract(app, api, portal, sandbox, worker, catalog):
    page = portal.text(f"/portal/skus/{catalog['sku']}")
    token = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', page).group(1)
    form = {
        "csrf_token": token,
        "name": "30 days",
        "price": "9.99",
        "currency": "usd",
        "status": "active",
        "subscription_interval": "month",
        "subscription_interval_count": "1",
    }
    refused = portal.post(f"/portal/skus/{catalog['sku']}", {**form, "subscription_trial_days": "1000"})
    assert refused.status_code == 422 and "Give a trial from 0 to 730 days" in refused.get_data(as_text=True)
    assert portal.post(f"/portal/skus/{catalog['sku']}", {**form, "subscription_trial_days": "14"}).status_code == 302
    sku = next(s for s in api.get(f"/products/{catalog['product']}").json["skus"] if s["id"] == catalog["sku"])
    assert sku["subscription"] == {"interval": "month", "interval_count": 1, "trial_days": 14}

    sub = pay_first_order(api, sandbox, worker, subscribe(api, catalog["sku"]))
    assert sub["status"] == "trialing"
    contract = portal.text(f"/portal/subscriptions/{sub['id']}")
    assert "Free trial</dt><dd>14 days: ends" in contract and "when period 1 is charged" in contract
    dashboard = portal.text("/portal/dashboard")
    assert "<dt>MRR</dt><dd>—</dd>" in dashboard and re.search(r"<dt>Active</dt><dd>1</dd>", dashboard)


def test_a_merchant_may_give_the_trial_again_from_the_settings(app, api, portal, sandbox, worker, trial_sku, clock):
    settings = portal.text("/portal/settings")
    assert "Give a product's free trial again to customers who have had it" in settings
    assert not re.search(r'id="repeat_trials"[^>]*checked', settings)  # off by default
    sub = trialing(app, api, sandbox, worker, trial_sku, clock)
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": False}).status_code == 200
    saved = portal.post(
        "/portal/settings/subscriptions",
        {"dunning_retry_days": "", "dunning_final_action": "cancel", "renewal_notice_days": "3", "repeat_trials": "on"},
    )
    assert saved.status_code == 302
    assert re.search(r'id="repeat_trials"[^>]*checked', portal.text("/portal/settings"))
    again = subscribe(api, trial_sku, test_clock=clock)
    assert again["order"]["amount"]["total"] == 0 and again["subscription"]["trial_days"] == 14
    assert pay_first_order(api, sandbox, worker, again)["status"] == "trialing"
    portal.post(
        "/portal/settings/subscriptions",
        {"dunning_retry_days": "", "dunning_final_action": "cancel", "renewal_notice_days": "3"},
    )  # unticked: once again
    assert subscribe(api, trial_sku, test_clock=clock)["order"]["amount"]["total"] == 999
