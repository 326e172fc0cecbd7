"""A subscriber updates their subscription's payment method from their billing page, charged nothing: they sign a
new mandate on the provider's page (a payment of nothing, as a free trial's card is signed), the contract takes it,
and the mandate it replaced is canceled at the provider. A contract that was ending only because its card's
authorisation was withdrawn renews again; one the customer chose to end does not. Driven as the subscriber, the
merchant and the provider would: a real contract on a test clock, the billing page, the provider's own page and its
control API."""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import requests

from tests.conftest import wait_for
from tests.signing.renewals.test_renewals import active_subscription, advance, clock, iso, monthly, unix  # noqa: F401  (fixtures)
from tests.signing.test_cancel_reason import revoke
from tests.signing.test_self_service import billing_link, csrf
from tests.signing.test_unsigning import SANDBOX_KEY, at_provider, cancel_calls
from tests.support.signing import CUSTOMER


def method_page(client, path: str, sub: dict) -> str:
    page = client.get(f"{path}/subscriptions/{sub['id']}/payment_method")
    assert page.status_code == 200
    return page.get_data(as_text=True)


def start_update(client, path: str, sub: dict, *, expect: int = 303):
    """The subscriber presses "Save new payment method" with the sandbox card; the answer (a 303 to the provider's
    page when it started)."""
    answer = client.post(
        f"{path}/subscriptions/{sub['id']}/payment_method",
        data={"csrf_token": form_token(client, path, sub), "channel": "sandbox_card"},
    )
    assert answer.status_code == expect, answer.get_data(as_text=True)
    return answer


def form_token(client, path: str, sub: dict) -> str:
    """The page's CSRF token (a page that offers no update has no form: the cancel page's, of the same session)."""
    page = method_page(client, path, sub)
    return csrf(
        page
        if 'name="csrf_token"' in page
        else client.get(f"{path}/subscriptions/{sub['id']}/cancel").get_data(as_text=True)
    )


def signs_for_nothing(answer) -> str:
    """The provider's page the subscriber is sent to charges nothing and asks to authorise the renewals; its
    payment's id."""
    page = requests.get(answer.headers["Location"], timeout=5).text
    assert "Nothing to pay now" in page and "Authorise future payments" in page
    assert "$9.99 every month, cancel anytime" in page
    return re.search(r"/sandbox/pay/(sbp_[a-z0-9]+)", answer.headers["Location"]).group(1)


def press_at_provider(answer, outcome: str = "succeeded") -> str:
    """The subscriber presses Approve (or Decline) on the provider's page; where it sends them back to (path and
    query: the link's token rides in the query, kept out of the path the provider and Kassa's logs keep)."""
    decided = requests.post(
        answer.headers["Location"] + "/decide", data={"outcome": outcome}, allow_redirects=False, timeout=5
    )
    assert decided.status_code == 303
    back = urlsplit(decided.headers["Location"])
    assert back.path.startswith("/checkout/billing/payment_method/mset_") and back.query.startswith("token=")
    return f"{back.path}?{back.query}"


def back_from_provider(client, back: str) -> str:
    """The page the subscriber lands on, back from the provider."""
    return client.get(back, follow_redirects=True).get_data(as_text=True)


def now_signed(api, sub: dict, old: str) -> dict:
    """The contract once it has taken a mandate other than ``old``."""
    return wait_for(lambda: (s := api.get(f"/subscriptions/{sub['id']}").json)["mandate"]["reference"] != old and s)


def update_card(api, client, sandbox, sub: dict, path: str | None = None) -> dict:
    """The whole update: billing page, the provider's page, Approve; the contract once it took the new mandate."""
    answer = start_update(client, path or billing_link(api), sub)
    signs_for_nothing(answer)
    press_at_provider(answer)
    return now_signed(api, sub, sub["mandate"]["reference"])


def provider_payment_of(sandbox, payment: str) -> dict:
    return requests.get(f"{sandbox.url}/sandbox/api/payments/{payment}", headers=SANDBOX_KEY, timeout=5).json()


def updates(api) -> list[dict]:
    """The subscription.updated events, newest first."""
    return [e["data"]["object"] for e in api.get("/events?type=subscription.updated&limit=100").json["data"]]


def test_a_subscriber_whose_card_was_withdrawn_saves_a_new_one_and_the_subscription_renews_again(
    app, api, client, sandbox, worker, monthly, clock
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    old = sub["mandate"]["reference"]
    revoke(api, sandbox, sub)
    path = billing_link(api)
    billing = client.get(path).get_data(as_text=True)
    assert "The authorisation to charge it was withdrawn, so this subscription ends on February 28, 2027." in billing
    assert "Paid with: Card (sandbox) (authorisation withdrawn)" in billing
    assert f'href="{path}/subscriptions/{sub["id"]}/payment_method"' in billing
    orders_before = len(api.get(f"/orders?customer={CUSTOMER}").json["data"])

    answer = start_update(client, path, sub)
    payment = signs_for_nothing(answer)
    back = press_at_provider(answer)
    assert "Your new payment method is saved" in back_from_provider(client, back)
    after = now_signed(api, sub, old)
    new = after["mandate"]["reference"]
    assert after["mandate"] == {"channel": "sandbox_card", "status": "active", "reference": new}
    assert (after["status"], after["cancel_at_period_end"], after["cancel_reason"]) == ("active", False, None)
    assert after["next_renewal_at"] == iso(2027, 2, 28)
    assert after["timeline"][-1]["reason"] == (
        f"payment method updated: mandate {new} signed with sandbox_card, replacing {old} (revoked); it renews again"
    )
    assert updates(api)[0]["mandate"]["reference"] == new and updates(api)[0]["cancel_reason"] is None
    # Nothing was charged: the provider's payment is of nothing, and Kassa opened no order for it.
    assert {k: provider_payment_of(sandbox, payment)[k] for k in ("amount", "status")} == {
        "amount": 0,
        "status": "succeeded",
    }
    assert len(api.get(f"/orders?customer={CUSTOMER}").json["data"]) == orders_before
    assert at_provider(sandbox, new)["status"] == "active"
    # What Kassa keeps of its call to the provider does not hold the subscriber's link.
    sent = wait_for(lambda: _setup_calls(app))
    assert "/checkout/billing/payment_method/mset_" in sent and path.split("/")[3] not in sent

    worker()
    assert cancel_calls(app, old) == 0  # withdrawn by the shopper already: nothing to cancel
    advance(api, worker, clock, unix(2027, 3, 1))  # the period ends: renewed through the new card
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert (renewed["status"], renewed["period"], [r["status"] for r in renewed["renewals"]]) == ("active", 2, ["paid"])


def _setup_calls(app) -> str:
    """The request bodies Kassa logged of its calls to the provider for payment method updates."""
    from sqlalchemy import select

    from app.extensions import db
    from app.payments.integration_log import IntegrationLog

    with app.app_context():
        return "".join(
            db.session.scalars(
                select(IntegrationLog.request_body).where(
                    IntegrationLog.attempt_id.like("mset_%"),
                    IntegrationLog.direction == "outbound",
                    IntegrationLog.request_body.is_not(None),
                )
            )
        )


def test_an_active_subscriber_replaces_a_card_and_the_old_one_is_canceled_at_the_provider(
    app, api, client, sandbox, worker, monthly, clock
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    old = sub["mandate"]["reference"]
    path = billing_link(api)
    page = method_page(client, path, sub)
    assert "Payment method on file: Card (sandbox)" in page and "You will not be charged now." in page

    after = update_card(api, client, sandbox, sub, path)
    new = after["mandate"]["reference"]
    assert after["cancel_at_period_end"] is False
    assert after["timeline"][-1]["reason"] == (
        f"payment method updated: mandate {new} signed with sandbox_card, replacing {old} (active)"
    )
    worker()  # the outbox cancels the replaced card's agreement at the provider
    assert (at_provider(sandbox, old)["status"], at_provider(sandbox, new)["status"]) == ("canceled", "active")
    assert (cancel_calls(app, old), cancel_calls(app, new)) == (1, 0)

    advance(api, worker, clock, unix(2027, 3, 1))
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert [r["status"] for r in renewed["renewals"]] == ["paid"] and renewed["mandate"]["reference"] == new
    assert cancel_calls(app, old) == 1  # later updates of the contract cancel nothing again


def test_a_subscription_the_customer_chose_to_end_is_not_revived_by_a_new_card(
    app, api, client, sandbox, worker, monthly, clock
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    path = billing_link(api)
    # Started before they canceled: the provider's page is open when they change their mind.
    answer = start_update(client, path, sub)
    signs_for_nothing(answer)
    assert api.post(f"/subscriptions/{sub['id']}/cancel", json={"at_period_end": True}).status_code == 200
    revoke(api, sandbox, sub)

    back = press_at_provider(answer)
    assert "so the new payment method was not saved" in back_from_provider(client, back)
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert (after["cancel_at_period_end"], after["cancel_reason"]) == (True, "requested")
    assert after["mandate"] == sub["mandate"] | {"status": "revoked"}  # the contract kept what it had
    # The mandate nobody will charge is not left open at the provider.
    from app.jobs import check_mandate_setups

    with app.app_context():
        check_mandate_setups()
    unused = _setups(app, sub)[0]
    assert unused.status == "unused" and at_provider(sandbox, unused.mandate_reference)["status"] == "canceled"

    # Nor can a new update be started: the page says it ends, and a POST is refused.
    assert "Save new payment method" not in method_page(client, path, sub)
    assert "Update payment method" not in client.get(path).get_data(as_text=True)
    assert start_update(client, path, sub, expect=409).get_data(as_text=True).count("as asked") == 1
    advance(api, worker, clock, unix(2027, 3, 1))
    assert api.get(f"/subscriptions/{sub['id']}").json["status"] == "canceled"


def _setups(app, sub: dict) -> list:
    from sqlalchemy import select

    from app.extensions import db
    from app.signing.models import MandateSetup

    with app.app_context():
        found = list(
            db.session.scalars(
                select(MandateSetup).where(MandateSetup.subscription_id == sub["id"]).order_by(MandateSetup.id)
            )
        )
        db.session.expunge_all()
        return found


def test_declining_or_leaving_the_provider_page_leaves_the_subscription_as_it_was(
    app, api, client, sandbox, worker, monthly, clock
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    path = billing_link(api)
    left = start_update(client, path, sub)  # the subscriber closes the provider's page
    declined = start_update(client, path, sub)
    back = press_at_provider(declined, "failed")
    assert "Your payment method was not changed" in back_from_provider(client, back)
    worker()
    from app.platform.db.types import utcnow
    from app.signing.mandate_setups import check_mandate_setups

    with app.app_context():
        assert check_mandate_setups(utcnow() + timedelta(minutes=2)) == 1  # the one left is asked about: undecided
    after = api.get(f"/subscriptions/{sub['id']}").json
    assert after["mandate"] == sub["mandate"] and after["timeline"] == sub["timeline"]
    assert updates(api) == [] and cancel_calls(app, sub["mandate"]["reference"]) == 0
    assert [s.status for s in _setups(app, sub)] == ["pending", "failed"]
    assert left.headers["Location"] != declined.headers["Location"]


def test_a_revoke_of_the_old_card_arriving_after_the_update_does_not_end_the_subscription(
    app, api, client, sandbox, worker, monthly, clock
):
    sub = active_subscription(api, sandbox, worker, monthly, clock)
    old = sub["mandate"]["reference"]
    after = update_card(api, client, sandbox, sub)
    # The subscriber withdraws the old card at their bank before Kassa's cancel of it got there.
    revoked = requests.post(f"{sandbox.url}/sandbox/api/mandates/{old}/revoke", timeout=5).json()
    assert revoked["status"] == "revoked"
    wait_for(lambda: _mandate_callbacks(app, old))
    worker()
    now = api.get(f"/subscriptions/{sub['id']}").json
    assert (now["status"], now["cancel_at_period_end"], now["mandate"]) == ("active", False, after["mandate"])
    advance(api, worker, clock, unix(2027, 3, 1))
    assert [r["status"] for r in api.get(f"/subscriptions/{sub['id']}").json["renewals"]] == ["paid"]


def _mandate_callbacks(app, reference: str) -> int:
    """How many verified mandate callbacks about ``reference`` Kassa received (the integration log)."""
    from sqlalchemy import func, select

    from app.extensions import db
    from app.payments.integration_log import IntegrationLog

    with app.app_context():
        return db.session.scalar(
            select(func.count())
            .select_from(IntegrationLog)
            .where(
                IntegrationLog.url.like("%/hooks/mandates/sandbox_card"),
                IntegrationLog.request_body.like(f"%{reference}%"),
            )
        )


def test_a_lost_callback_is_learned_by_the_sweep(app, api, client, sandbox, worker, monthly, clock):
    from app.jobs import check_mandate_setups
    from app.platform.db.types import utcnow
    from app.signing.mandate_setups import check_mandate_setups as check_at

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    answer = start_update(client, billing_link(api), sub)
    sandbox.simulate(signs_for_nothing(answer), "succeeded", callback="drop")  # approved; the callback is lost
    with app.app_context():
        check_mandate_setups()  # not due yet: the subscriber may still come back
    assert api.get(f"/subscriptions/{sub['id']}").json["mandate"] == sub["mandate"]
    with app.app_context():
        assert check_at(utcnow() + timedelta(minutes=2)) == 1
    assert api.get(f"/subscriptions/{sub['id']}").json["mandate"]["reference"] != sub["mandate"]["reference"]


def test_a_past_due_subscription_with_its_renewal_open_is_sent_to_pay_it(
    app, api, client, sandbox, worker, monthly, clock
):
    from tests.signing.renewals.test_renewals import decline_next

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    decline_next(sandbox, sub, 100)
    advance(api, worker, clock, unix(2027, 2, 28, 13))
    path = billing_link(api)
    page = method_page(client, path, sub)
    assert "Update payment method and pay $9.99" in page and "Save new payment method" not in page
    assert "pay it with the new card" in start_update(client, path, sub, expect=409).get_data(as_text=True)


def test_only_the_customers_own_subscription_and_setup_are_reachable(app, api, client, sandbox, worker, monthly, clock):
    theirs = active_subscription(api, sandbox, worker, monthly, clock, customer="cus_victim")
    mine = active_subscription(api, sandbox, worker, monthly, clock)
    their_path = billing_link(api, "cus_victim")
    their_setup = press_at_provider(start_update(client, their_path, theirs))
    path = billing_link(api)
    assert client.get(f"{path}/subscriptions/{theirs['id']}/payment_method").status_code == 404
    answer = client.post(
        f"{path}/subscriptions/{theirs['id']}/payment_method",
        data={"csrf_token": form_token(client, path, mine), "channel": "sandbox_card"},
    )
    assert answer.status_code == 404
    setup_id = urlsplit(their_setup).path.rsplit("/", 1)[1]
    assert client.get(f"/checkout/billing/payment_method/{setup_id}?token={path.split('/')[3]}").status_code == 404
    assert client.get(f"{path}/subscriptions/{mine['id']}/payment_method/{setup_id}").status_code == 404
    bad = client.post(
        f"{path}/subscriptions/{mine['id']}/payment_method",
        data={"csrf_token": form_token(client, path, mine), "channel": "wallet"},
    )
    assert bad.status_code == 400 and "cannot save a payment method" in bad.get_data(as_text=True)


def test_two_tabs_updating_at_once_leave_one_new_mandate_on_the_subscription_and_cancel_the_other(
    app, api, client, sandbox, worker, monthly, clock
):
    from concurrent.futures import ThreadPoolExecutor

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    old = sub["mandate"]["reference"]
    path = billing_link(api)
    tabs = [start_update(client, path, sub), start_update(client, path, sub)]
    # Approved in both tabs at the same moment: both callbacks and both returns reach Kassa together.
    with ThreadPoolExecutor(2) as pool:
        backs = list(pool.map(press_at_provider, tabs))
    with ThreadPoolExecutor(2) as pool:
        pages = list(pool.map(lambda back: back_from_provider(app.test_client(), back), backs))
    assert all("Your new payment method is saved" in page for page in pages)
    wait_for(lambda: all(s.status != "pending" for s in _setups(app, sub)))
    worker()

    setups = _setups(app, sub)
    assert [s.status for s in setups] == ["signed", "signed"]
    after = api.get(f"/subscriptions/{sub['id']}").json
    kept = after["mandate"]["reference"]
    [other] = [s.mandate_reference for s in setups if s.mandate_reference != kept]
    assert kept in {s.mandate_reference for s in setups}
    assert [at_provider(sandbox, m)["status"] for m in (kept, other, old)] == ["active", "canceled", "canceled"]
    assert (cancel_calls(app, old), cancel_calls(app, other), cancel_calls(app, kept)) == (1, 1, 0)
    assert len([t for t in after["timeline"] if t["reason"].startswith("payment method updated")]) == 2
    advance(api, worker, clock, unix(2027, 3, 1))  # renewed once, through the mandate it kept
    renewed = api.get(f"/subscriptions/{sub['id']}").json
    assert [r["status"] for r in renewed["renewals"]] == ["paid"] and renewed["mandate"]["reference"] == kept


def test_a_card_the_provider_signs_after_its_start_got_no_answer_is_canceled_there(
    app, api, client, sandbox, worker, monthly, clock, monkeypatch
):
    """The start of an update got no clear answer, so the subscriber was told nothing changed; the provider had opened
    it and its payment was approved after all. That mandate is nobody's: before, the setup stayed failed, its callback
    was ignored and the mandate stayed open at the provider for good; now it is canceled there."""
    from app.jobs import check_mandate_setups
    from tests.support.faulty_provider import FaultyProvider

    sub = active_subscription(api, sandbox, worker, monthly, clock)
    path = billing_link(api)
    monkeypatch.setitem(app.config, "CHANNEL_HTTP_TIMEOUT_SECONDS", 0.3)
    with FaultyProvider(sandbox.url, "slow", delay=1.0) as provider:  # opens it, then answers too late
        monkeypatch.setitem(app.config, "SANDBOX_URL", provider.url)
        assert "nothing was changed" in start_update(client, path, sub, expect=502).get_data(as_text=True)
    monkeypatch.setitem(app.config, "SANDBOX_URL", sandbox.url)
    [setup] = _setups(app, sub)
    assert setup.status == "failed"

    opened = wait_for(
        lambda: requests.get(
            f"{sandbox.url}/sandbox/api/payments", params={"reference": setup.id}, headers=SANDBOX_KEY, timeout=5
        ).json()["data"]
    )
    sandbox.simulate(opened[0]["id"], "succeeded")  # its callback reaches Kassa
    unused = wait_for(lambda: (s := _setups(app, sub)[0]).status == "unused" and s)
    assert api.get(f"/subscriptions/{sub['id']}").json["mandate"] == sub["mandate"]  # the contract kept its card
    with app.app_context():
        check_mandate_setups()
    assert at_provider(sandbox, unused.mandate_reference)["status"] == "canceled"
