"""Test mode emails only the merchant's own people. A developer who tests with a real customer's address must not
send that customer a receipt or a subscription notice for a purchase that never happened: the email is kept,
``withheld``, and the merchant sees it in the customer's data export with why. Live mode emails whoever the order
names. A real SMTP server (aiosmtpd, on a loopback port) catches what the worker sends."""

from __future__ import annotations

from tests.conftest import wait_for
from tests.receipts.test_receipts import mail_server, shopper_pays  # noqa: F401  (fixture)
from tests.receipts.test_subscription_emails import about, subscribe_with_email
from tests.signing.renewals.test_renewals import clock, monthly  # noqa: F401  (fixtures)
from tests.web.api.test_livemode import CUSTOMER, credit, live_key

OUTSIDER = "real.customer@example.com"  # a real shopper's address, typed by a developer testing


def pay_by_api(api, sandbox, sku: str, customer: dict) -> str:
    """A test order for ``customer``, paid at the sandbox; its id."""
    order = api.post(
        "/orders", json={"items": [{"sku": sku, "quantity": 1}], "customer": customer, "agreement_accepted": True}
    ).json
    payment = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).json["payment"]
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] == "paid")
    return order["id"]


def emails_in_export(api, customer_id: str) -> list[dict]:
    """The emails the merchant sees in the customer's data export."""
    exported = api.get(f"/customers/{customer_id}/export")
    assert exported.status_code == 200, exported.json
    return exported.json["emails"]


def test_a_test_order_emails_its_receipt_to_the_merchants_team_only(
    api, client, merchant, catalog, sandbox, worker, mail_server
):
    mail_server.start()
    outsiders = pay_by_api(api, sandbox, catalog["sku"], {"id": "cus_real", "email": OUTSIDER})
    # The merchant's owner tests with their own portal address (as typed, any case).
    teams = pay_by_api(api, sandbox, catalog["sku"], {"id": "cus_owner", "email": "Owner@Acme.test"})
    worker()

    assert [m["To"] for m in mail_server.inbox.messages] == ["Owner@Acme.test"]
    [kept] = emails_in_export(api, "cus_real")
    assert (kept["order"], kept["recipient"], kept["status"], kept["sent_at"]) == (
        outsiders,
        OUTSIDER,
        "withheld",
        None,
    )
    assert "test mode" in kept["reason"] and "team" in kept["reason"]
    [sent] = emails_in_export(api, "cus_owner")
    assert (sent["order"], sent["status"], sent["reason"]) == (teams, "sent", None)

    worker()  # a repeated job or the sweep sends nothing more
    assert len(mail_server.inbox.messages) == 1


def test_the_merchant_sees_on_the_order_page_that_a_test_receipt_was_not_sent(
    api, portal, catalog, sandbox, worker, mail_server
):
    mail_server.start()
    outsiders = pay_by_api(api, sandbox, catalog["sku"], {"id": "cus_real", "email": OUTSIDER})
    teams = pay_by_api(api, sandbox, catalog["sku"], {"id": "cus_owner", "email": "owner@acme.test"})
    worker()

    page = portal.text(f"/portal/orders/{outsiders}")
    assert f"To {OUTSIDER}: <strong>withheld</strong> — not sent: test mode emails only the merchant&#39;s team" in page
    assert "To owner@acme.test: <strong>sent</strong> at" in portal.text(f"/portal/orders/{teams}")


def test_the_hosted_checkout_does_not_promise_a_test_receipt_it_will_not_send(
    api, client, catalog, sandbox, worker, mail_server
):
    mail_server.start()
    order_id = shopper_pays(client, sandbox, catalog, email=OUTSIDER)
    worker()

    assert mail_server.inbox.messages == []
    secret = api.get(f"/orders/{order_id}").json["client_secret"]
    page = client.get(f"/checkout/orders/{order_id}", query_string={"client_secret": secret}).get_data(as_text=True)
    assert "Payment successful" in page
    assert "A receipt is on its way" not in page


def test_a_test_subscription_emails_no_outside_subscriber(
    app, api, merchant, sandbox, worker, monthly, clock, mail_server
):
    mail_server.start()
    sub = subscribe_with_email(api, sandbox, worker, monthly, clock, email=OUTSIDER)
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": False}).status_code == 200
    worker()

    assert about(mail_server, "canceled") == [] and mail_server.inbox.messages == []
    kept = {mail["kind"]: mail for mail in emails_in_export(api, "cus_sub")}
    assert set(kept) == {"receipt", "canceled"}
    assert kept["canceled"]["subscription"] == sub["id"]
    assert {mail["status"] for mail in kept.values()} == {"withheld"}


def test_a_live_order_emails_the_receipt_to_the_address_it_names(app, client, merchant, catalog, worker, mail_server):
    live = live_key(app, client, merchant, "secret")
    credit(app, merchant.id, True, 5000)
    mail_server.start()
    order = live.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": CUSTOMER, "email": OUTSIDER},
            "agreement_accepted": True,
        },
    ).json
    assert live.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).json["payment"]["status"] == "succeeded"
    worker()

    [message] = mail_server.inbox.messages
    assert message["To"] == OUTSIDER and message["Message-ID"].startswith(f"<receipt.{order['id']}@")
    [sent] = emails_in_export(live, CUSTOMER)
    assert (sent["order"], sent["status"]) == (order["id"], "sent")


def test_a_mail_catcher_of_its_own_may_take_test_emails_to_anyone(
    app, api, catalog, sandbox, worker, mail_server, monkeypatch
):
    """make run's mail catcher keeps every email to itself, so the demo's receipts reach it whatever is typed."""
    monkeypatch.setitem(app.config, "TEST_MODE_EMAILS", "anyone")
    mail_server.start()
    pay_by_api(api, sandbox, catalog["sku"], {"id": "cus_real", "email": OUTSIDER})
    worker()
    assert [m["To"] for m in mail_server.inbox.messages] == [OUTSIDER]


def test_a_mistyped_test_mode_emails_setting_stops_kassa_at_start_up(monkeypatch):
    import pytest

    from app.config import ConfigError, load_config

    monkeypatch.setenv("TEST_MODE_EMAILS", "Anyone ")
    with pytest.raises(ConfigError, match="TEST_MODE_EMAILS must be team or anyone"):
        load_config()
