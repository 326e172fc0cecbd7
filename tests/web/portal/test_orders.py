"""Orders in the portal: filters, pages, the streamed CSV export, the order page, refunds with confirmation."""

from __future__ import annotations

import csv
import io
import re
from datetime import timedelta

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order
from tests.support.lifecycle import paid_order


def _set(app, order_id: str, **values) -> None:
    from sqlalchemy import update

    from app.extensions import db
    from app.orders.models import Order

    with app.app_context():
        db.session.execute(update(Order).where(Order.id == order_id).values(**values))
        db.session.commit()


def _attempt(app, merchant_id: str, order: dict, channel: str, status: str = "failed") -> None:
    from app.extensions import db
    from app.payments.models import PaymentAttempt
    from app.platform.values.ids import new_id

    with app.app_context():
        db.session.add(
            PaymentAttempt(
                id=new_id("pay"),
                merchant_id=merchant_id,
                order_id=order["id"],
                channel=channel,
                status=status,
                amount=order["amount"]["total"],
                currency="usd",
            )
        )
        db.session.commit()


def _ids(page: str) -> list[str]:
    return re.findall(r'href="/portal/orders/(ord_[a-z0-9]+)"', page)


def test_the_list_filters_by_status_channel_customer_id_and_date(app, api, merchant, catalog, portal):
    from app.platform.db.types import utcnow

    a = create_order(api, catalog["sku"])
    b = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 2}],
            "agreement_accepted": True,
            "customer": {"id": "cus_bob", "email": "bob@example.test"},
        },
    ).json
    c = create_order(api, catalog["sku"])
    _set(app, b["id"], status="closed")
    _set(app, c["id"], created_at=utcnow() - timedelta(days=10))
    _attempt(app, merchant.id, a, "sandbox_qr")

    assert set(_ids(portal.text("/portal/"))) == {a["id"], b["id"], c["id"]}
    assert _ids(portal.text("/portal/?status=closed")) == [b["id"]]
    assert _ids(portal.text("/portal/?channel=sandbox_qr")) == [a["id"]]
    assert _ids(portal.text("/portal/?customer=bob@example.test")) == [b["id"]]
    assert _ids(portal.text("/portal/?customer=cus_bob")) == [b["id"]]
    assert _ids(portal.text(f"/portal/?q={c['id'][:-4]}")) == [c["id"]]
    start = (utcnow() - timedelta(days=1)).date().isoformat()
    assert set(_ids(portal.text(f"/portal/?start={start}"))) == {a["id"], b["id"]}
    end = (utcnow() - timedelta(days=5)).date().isoformat()
    assert _ids(portal.text(f"/portal/?end={end}")) == [c["id"]]
    assert "No orders match these filters." in portal.text("/portal/?customer=nobody")
    bad = portal.get("/portal/?start=yesterday")
    assert bad.status_code == 422 and "Not a valid date value." in bad.get_data(as_text=True)


def test_pages_go_older_and_back_newer_keeping_the_filters(app, api, catalog, portal, monkeypatch):
    from app.web.portal import orders_views

    monkeypatch.setattr(orders_views, "PAGE_SIZE", 2)
    made = [create_order(api, catalog["sku"])["id"] for _ in range(5)]
    newest_first = list(reversed(made))
    first = portal.text("/portal/?status=created")
    assert _ids(first) == newest_first[:2] and "Newer" not in first
    older = re.search(r'href="([^"]+)" rel="next"', first).group(1).replace("&amp;", "&")
    assert "status=created" in older
    second = portal.text(older)
    assert _ids(second) == newest_first[2:4]
    newer = re.search(r'href="([^"]+)" rel="prev"', second).group(1).replace("&amp;", "&")
    assert _ids(portal.text(newer)) == newest_first[:2]
    newest = portal.text(newer)
    assert "Newer" not in newest and 'rel="next"' in newest

    # A link edited by hand, or newer than every order: the newest page, still able to go older (was a 500).
    for cursor in ("ord_zzzzzzzzzzzzzzzzzzzzzzzzzz", "x"):
        edited = portal.text(f"/portal/?status=created&ending_before={cursor}")
        assert _ids(edited) == newest_first[:2] and 'rel="next"' in edited and "Newer" not in edited
    # Newer than the second-newest order: the newest alone, with the way older.
    one = portal.text(f"/portal/?status=created&ending_before={newest_first[1]}")
    assert _ids(one) == newest_first[:1] and 'rel="next"' in one and "Newer" not in one


def test_the_export_streams_every_matching_order_as_csv(app, api, merchant, catalog, portal, monkeypatch):
    from app.payments.reports import order_search

    monkeypatch.setattr(order_search, "EXPORT_BATCH", 2)  # several batches
    evil = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": '=HYPERLINK("http://evil")'},
        },
    ).json
    others = [create_order(api, catalog["sku"])["id"] for _ in range(4)]
    closed = create_order(api, catalog["sku"])
    _set(app, closed["id"], status="closed")

    response = portal.client.get("/portal/orders/export.csv?status=created")  # unread: is it streamed?
    assert response.status_code == 200 and response.is_streamed
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    response.close()
    assert {r["id"] for r in rows} == {evil["id"], *others}
    assert rows[0]["total"] == "9.99" and rows[0]["currency"] == "usd"
    assert next(r for r in rows if r["id"] == evil["id"])["customer_id"].startswith("'=")


def test_the_order_page_shows_items_amounts_timeline_attempts_and_events(app, api, merchant, catalog, portal):
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 2}],
            "agreement_accepted": True,
            "customer": {"id": "cus_page"},
        },
    )
    assert created.status_code == 201, created.json
    order = created.json
    _attempt(app, merchant.id, order, "sandbox_card")
    page = portal.text(f"/portal/orders/{order['id']}")
    for expected in (
        "Pro membership — 30 days",
        "$19.98",
        "order created",
        "sandbox_card",
        "order.created",
        "Integration log",
        "No webhook deliveries for this order.",
        f"Request id <code>{created.headers['X-Request-Id']}</code>: in its log lines",
    ):
        assert expected in page, expected
    assert portal.get("/portal/orders/ord_doesnotexist").status_code == 404


@pytest.fixture
def paid(api, sandbox, catalog) -> dict:
    return paid_order(api, sandbox, catalog["sku"])


def test_a_refund_is_confirmed_before_it_is_made(app, api, merchant, portal, paid):
    from app.audit.models import AuditEntry
    from app.extensions import db

    path = f"/portal/orders/{paid['id']}/refunds"
    asked = portal.post(path, {"amount": "3.00", "reason": "late delivery"})
    assert asked.status_code == 200
    text = asked.get_data(as_text=True)
    assert "Refund $3.00?" in text and "Confirm refund" in text and "late delivery" in text
    assert api.get(f"/orders/{paid['id']}").json["refunded_amount"] == 0  # nothing yet

    done = portal.post(path, _form_fields(text))
    assert done.status_code == 302
    order = api.get(f"/orders/{paid['id']}").json
    assert order["refunded_amount"] == 300 and order["refunds"][0]["reason"] == "late delivery"
    page = portal.text(f"/portal/orders/{paid['id']}")
    assert "Refunded $3.00." in page and "Up to <strong>$6.99</strong> can be refunded." in page
    listed = page[page.index('aria-label="Refunds of this order"') :]
    listed = listed[: listed.index("</ul>")]
    refund = order["refunds"][0]
    assert all(shown in listed for shown in (refund["id"], "$3.00", refund["status"], "late delivery")), listed
    with app.app_context():
        entry = db.session.query(AuditEntry).filter_by(action="order.refund").one()
        assert entry.actor_email == merchant.email and entry.object_id == order["refunds"][0]["id"]
        assert entry.before is None and entry.after["amount"] == 300 and entry.after["order_id"] == paid["id"]


def _confirmation(portal, order_id: str, amount: str, reason: str = "late") -> dict:
    """The fields of the refund's confirmation page, as the browser will send them."""
    page = portal.post(f"/portal/orders/{order_id}/refunds", {"amount": amount, "reason": reason})
    assert page.status_code == 200
    return _form_fields(page.get_data(as_text=True))


def _form_fields(page: str) -> dict:
    return dict(re.findall(r'<input[^>]*name="([a-z_]+)"[^>]*value="([^"]*)"', page))


def test_a_confirmation_sent_twice_refunds_once(api, portal, paid):
    """A double click on Confirm refund, or the back button and Confirm again: the confirmation page's one-time
    key makes the second submit show the refund already made instead of making another."""
    path = f"/portal/orders/{paid['id']}/refunds"
    confirmed = _confirmation(portal, paid["id"], "3.00")
    first, second = portal.post(path, confirmed), portal.post(path, confirmed)
    assert (first.status_code, second.status_code) == (302, 302)
    order = api.get(f"/orders/{paid['id']}").json
    assert (order["refunded_amount"], len(order["refunds"])) == (300, 1)
    page = portal.text(second.headers["Location"])
    assert "This confirmation was already sent (a double click, or a second tab)" in page
    # A new confirmation is a new refund; a confirmation without its page's key is asked again.
    assert portal.post(path, _confirmation(portal, paid["id"], "3.00")).status_code == 302
    unkeyed = portal.post(path, {"amount": "1.00", "confirmed": "yes"})
    assert unkeyed.status_code == 200 and "Confirm refund" in unkeyed.get_data(as_text=True)
    order = api.get(f"/orders/{paid['id']}").json
    assert (order["refunded_amount"], len(order["refunds"])) == (600, 2)


def test_two_confirmations_sent_at_once_refund_once(app, api, portal, paid):
    """Two tabs of the same confirmation page, confirmed at the same moment: one refund, one "already made"."""
    import threading

    path = f"/portal/orders/{paid['id']}/refunds"
    confirmed = _confirmation(portal, paid["id"], "3.00")
    domain = app.config["SERVER_NAME"].split(":")[0]
    tabs = [app.test_client() for _ in range(2)]
    for tab in tabs:
        tab.set_cookie("session", portal.client.get_cookie("session", domain=domain).value, domain=domain)
    start, answers = threading.Barrier(2), []

    def confirm(tab) -> None:
        start.wait(5)
        answers.append(tab.post(path, data=confirmed, environ_base={"REMOTE_ADDR": "127.0.0.1"}).status_code)

    threads = [threading.Thread(target=confirm, args=(tab,)) for tab in tabs]
    [thread.start() for thread in threads]
    [thread.join(20) for thread in threads]
    assert answers == [302, 302]
    order = api.get(f"/orders/{paid['id']}").json
    assert (order["refunded_amount"], len(order["refunds"])) == (300, 1)


class _Killed(BaseException):
    """The worker serving the submit dies here (SIGKILL, a lost database): nothing after this point runs."""


def _submit_dying_at(monkeypatch, portal, path: str, fields: dict, step: str) -> None:
    def die(*args, **kwargs):
        raise _Killed(step)

    with monkeypatch.context() as patched:
        patched.setattr(f"app.web.portal.orders_views.{step}", die)
        with pytest.raises(_Killed):
            portal.post(path, fields)


def _a_minute_passes(app) -> None:
    """The time after which a submit that has not finished is surely dead (gunicorn ends a request at 30 s)."""
    from datetime import timedelta

    from app.extensions import db
    from app.platform.idempotency import ABANDONED_AFTER, IdempotencyKey

    with app.app_context():
        for claim in db.session.scalars(db.select(IdempotencyKey)):
            claim.created_at -= ABANDONED_AFTER + timedelta(seconds=1)
        db.session.commit()


def test_a_confirmation_whose_submit_died_before_refunding_can_be_sent_again(app, api, portal, paid, monkeypatch):
    """The submit claimed the page's key and died before the refund: confirming the page again (once that submit
    is surely dead) refunds, instead of saying "already sent" about a refund that was never made. One that died
    after the refund is still a resubmit: it never refunds twice."""
    path = f"/portal/orders/{paid['id']}/refunds"
    confirmed = _confirmation(portal, paid["id"], "3.00")
    _submit_dying_at(monkeypatch, portal, path, confirmed, "create_refund")
    assert api.get(f"/orders/{paid['id']}").json["refunded_amount"] == 0
    _a_minute_passes(app)
    again = portal.post(path, confirmed)
    assert again.status_code == 302
    assert "Refunded $3.00." in portal.text(again.headers["Location"])
    assert api.get(f"/orders/{paid['id']}").json["refunded_amount"] == 300

    confirmed = _confirmation(portal, paid["id"], "2.00")
    _submit_dying_at(monkeypatch, portal, path, confirmed, "confirmation_done")
    _a_minute_passes(app)
    resent = portal.post(path, confirmed)
    assert "This confirmation was already sent" in portal.text(resent.headers["Location"])
    order = api.get(f"/orders/{paid['id']}").json
    assert (order["refunded_amount"], len(order["refunds"])) == (500, 2)


def test_refund_errors_are_shown_next_to_the_amount(app, api, portal, paid):
    path = f"/portal/orders/{paid['id']}/refunds"
    too_much = portal.post(path, {"amount": "50.00"})
    assert too_much.status_code == 422
    assert re.search(
        r'id="amount-error"[^>]*>At most \$9.99 of this order can still be refunded.', too_much.get_data(as_text=True)
    )
    garbage = portal.post(path, {"amount": "ten"})
    assert garbage.status_code == 422 and "Enter an amount like 12.50 in USD." in garbage.get_data(as_text=True)
    too_precise = portal.post(path, {"amount": "1.005", "confirmed": "yes"})
    assert too_precise.status_code == 422 and "Enter an amount like 12.50 in USD." in too_precise.get_data(as_text=True)
    assert api.get(f"/orders/{paid['id']}").json["refunded_amount"] == 0


def test_a_refund_confirmation_reloaded_goes_back_to_the_order(api, portal, paid):
    """Reloading the confirmation (or the back button to it) once it was sent: the order's page, not a bare 405;
    nothing is refunded by it."""
    again = portal.get(f"/portal/orders/{paid['id']}/refunds")
    assert again.status_code == 302 and again.headers["Location"].endswith(f"/portal/orders/{paid['id']}")
    assert portal.get("/portal/risk/refund-requests/rfq_none/approve").status_code == 404
    assert api.get(f"/orders/{paid['id']}").json["refunded_amount"] == 0


def test_an_empty_amount_refunds_everything_that_remains(api, portal, paid):
    path = f"/portal/orders/{paid['id']}/refunds"
    confirm = portal.post(path, {"amount": ""}).get_data(as_text=True)
    assert "Refund $9.99?" in confirm
    portal.post(path, _form_fields(confirm))
    assert api.get(f"/orders/{paid['id']}").json["status"] == "refunded"
    assert "This order cannot be refunded (refunded)." in portal.text(f"/portal/orders/{paid['id']}")


def test_a_refund_the_channel_rejected_is_listed_with_why_and_retried_from_its_button(api, portal, paid, sandbox):
    import requests

    planned = requests.post(
        f"{sandbox.url}/sandbox/api/payments/{paid['payments'][0]['provider_reference']}/simulate_refund",
        json={"outcome": "failed"},
        timeout=5,
    )
    assert planned.status_code == 200
    path = f"/portal/orders/{paid['id']}"
    portal.post(f"{path}/refunds", _confirmation(portal, paid["id"], "2.00", "wrong size"))
    refund = api.get(f"/orders/{paid['id']}").json["refunds"][0]
    assert refund["status"] == "failed"

    page = portal.text(path)
    listed = page[page.index('aria-label="Refunds of this order"') :]
    listed = listed[: listed.index("</ul>")]
    retry = f"{path}/refunds/{refund['id']}/retry"
    assert all(
        shown in listed
        for shown in (
            "$2.00",
            "failed",
            refund["failure_reason"],
            "wrong size",
            f'action="{retry}"',
            "Retry this refund",
        )
    ), listed

    assert portal.post(retry, {}).status_code == 302
    assert api.get(f"/orders/{paid['id']}").json["refunded_amount"] == 200
    page = portal.text(path)
    assert "Retry this refund" not in page and "Refunded $2.00." in page


def _order_for(api, sku: str, customer: dict) -> dict:
    return api.post(
        "/orders", json={"items": [{"sku": sku, "quantity": 1}], "agreement_accepted": True, "customer": customer}
    ).json


def test_one_search_box_finds_an_order_by_its_id_customer_id_or_email(app, api, catalog, portal):
    carol = _order_for(api, catalog["sku"], {"id": "cus_carol", "email": "Carol@Shop.Example"})
    dave = _order_for(api, catalog["sku"], {"id": "cus_dave", "email": "dave@shop.example"})

    assert _ids(portal.text("/portal/orders?q=carol@shop.example")) == [carol["id"]]
    assert _ids(portal.text("/portal/orders?q=cus_dave")) == [dave["id"]]
    assert _ids(portal.text(f"/portal/orders?q={dave['id']}")) == [dave["id"]]
    page = portal.text("/portal/orders?q=cus_dave&status=closed")
    assert "No orders match these filters." in page and 'href="/portal/">Clear the filters</a>' in page
    # The form submits to the page itself and shows what was searched for.
    assert 'action="/portal/"' in page and 'value="cus_dave"' in page
    # An id's beginning finds every order it begins; what LIKE would read as wildcards is taken literally, and the
    # last character of the beginning bounds nothing away (dave's id without its last character still finds it).
    assert set(_ids(portal.text("/portal/orders?q=ord_"))) == {carol["id"], dave["id"]}
    assert _ids(portal.text(f"/portal/orders?q={dave['id'][:-1]}")) == [dave["id"]]
    assert _ids(portal.text("/portal/orders?q=ord%25")) == [] and _ids(portal.text("/portal/orders?q=o_d")) == []
    assert set(_ids(portal.text("/portal/orders?q=%20%20"))) == {carol["id"], dave["id"]}  # blank: no search


def test_an_end_date_before_the_start_is_refused_next_to_the_field(portal):
    response = portal.get("/portal/orders?start=2026-11-20&end=2026-11-01")
    assert response.status_code == 422
    assert "Choose an end date on or after the start date." in response.get_data(as_text=True)
    assert portal.get("/portal/orders/export.csv?start=2026-11-20&end=2026-11-01").status_code == 400


def test_the_export_holds_what_the_filter_shows_with_customer_emails(app, api, catalog, portal):
    carol = _order_for(api, catalog["sku"], {"id": "cus_carol", "email": "carol@shop.example"})
    _order_for(api, catalog["sku"], {"id": "cus_dave", "email": "dave@shop.example"})
    guest = create_order(api, catalog["sku"])

    page = portal.text("/portal/orders?q=carol@shop.example")
    export = re.search(r'href="(/portal/orders/export\.csv[^"]*)"', page).group(1).replace("&amp;", "&")
    rows = list(csv.DictReader(io.StringIO(portal.get(export).get_data(as_text=True))))
    assert [(r["id"], r["customer_id"], r["customer_email"]) for r in rows] == [
        (carol["id"], "cus_carol", "carol@shop.example")
    ]
    everything = list(csv.DictReader(io.StringIO(portal.get("/portal/orders/export.csv").get_data(as_text=True))))
    emails = {r["id"]: r["customer_email"] for r in everything}
    assert len(emails) == 3 and emails[carol["id"]] == "carol@shop.example" and emails[guest["id"]] == ""


@pytest.mark.parametrize("role", ["operator", "finance", "developer"])
def test_only_a_role_that_may_download_customer_data_gets_emails_in_the_export(app, api, catalog, member, role):
    carol = _order_for(api, catalog["sku"], {"id": "cus_carol", "email": "carol@shop.example"})
    signed = member(role)
    assert "The CSV export leaves out customer emails" in signed.text("/portal/orders")

    export = signed.get("/portal/orders/export.csv")
    assert export.status_code == 200 and "carol@shop.example" not in export.get_data(as_text=True)
    rows = list(csv.DictReader(io.StringIO(export.get_data(as_text=True))))
    assert [(r["id"], r["customer_id"], r["total"]) for r in rows] == [(carol["id"], "cus_carol", "9.99")]
    assert "customer_email" not in rows[0]


def test_the_channel_filter_names_channels_as_shoppers_see_them(portal):
    page = portal.text("/portal/orders?channel=sandbox_qr")
    assert '<option selected value="sandbox_qr">QR code (sandbox)</option>' in page
    assert '<option value="sandbox_card">Card (sandbox)</option>' in page


def test_the_order_page_read_while_the_callback_lands_is_one_moment(app, api, catalog, sandbox, portal):
    """The merchant opens the order as the shopper's decline lands between its order and payments statements: the
    page shows the order as it was at one moment (still paying, its payment pending), never paying beside failed."""
    from tests.conftest import wait_for
    from tests.payments.attempts.test_payment_flow import pay
    from tests.platform.db.test_read_snapshot import held_read, order_status

    order = create_order(api, catalog["sku"])
    payment = pay(api, order["id"])

    def decline() -> None:
        sandbox.simulate(payment["provider_reference"], "failed")
        wait_for(lambda: order_status(app, order["id"]) == "created")

    path = f"/portal/orders/{order['id']}"
    page = held_read(app, path, "FROM payment_attempts", 1, lambda: portal.get(path), decline).get_data(as_text=True)
    shown = (
        re.search(r'Order <code>[^<]+</code> <span class="badge badge-(\w+)"', page).group(1),
        re.search(rf'<code>{payment["id"]}</code> · \w+ · <span class="badge badge-(\w+)"', page).group(1),
    )
    assert shown == ("paying", "pending"), shown
    assert "badge-failed" in portal.get(path).get_data(as_text=True)  # and the decline, once it has landed


def test_a_confirmation_whose_refund_was_opened_on_a_second_read_is_still_never_sent_twice(
    app, api, portal, paid, monkeypatch
):
    """The order changed while the refund was opened (a worker fulfilling it), so the refund was opened again on a
    fresh read; then the submit died before it was recorded as done. The page confirmed again a minute later must
    still be a resubmit: the refund made on the second read is the one noted on the page's claim."""
    from app.extensions import db
    from app.orders.services import StaleOrder
    from app.payments.refunds import services as refunds

    real_transition, went_stale = refunds.transition, []

    def stale_once(order, *args, **kwargs):
        if not went_stale:
            went_stale.append(order.id)
            db.session.flush()  # the refund row is written before the order's conditional UPDATE finds it stale
            raise StaleOrder("the order changed since it was read")
        return real_transition(order, *args, **kwargs)

    path = f"/portal/orders/{paid['id']}/refunds"
    confirmed = _confirmation(portal, paid["id"], "2.00")
    monkeypatch.setattr(refunds, "transition", stale_once)
    _submit_dying_at(monkeypatch, portal, path, confirmed, "confirmation_done")
    assert went_stale and api.get(f"/orders/{paid['id']}").json["refunded_amount"] == 200
    _a_minute_passes(app)
    resent = portal.post(path, confirmed)
    assert "This confirmation was already sent" in portal.text(resent.headers["Location"])
    order = api.get(f"/orders/{paid['id']}").json
    assert (order["refunded_amount"], len(order["refunds"])) == (200, 1)


def test_provider_exchanges_are_forgotten_after_the_retention_and_newer_ones_stay(app, api, sandbox, catalog, portal):
    from sqlalchemy import func, select

    from app.extensions import db
    from app.payments.integration_log import IntegrationLog, reap_integration_logs
    from app.platform.db.types import utcnow
    from app.platform.observability.log_writer import flush_every_writer

    old = paid_order(api, sandbox, catalog["sku"])
    flush_every_writer()
    with app.app_context():
        last_old = db.session.scalar(select(func.max(IntegrationLog.created_at)))
    wait_for(lambda: utcnow() - last_old > timedelta(milliseconds=5))  # the new order's ids sort after
    new = paid_order(api, sandbox, catalog["sku"])
    flush_every_writer()
    assert "Integration log (2 exchanges" in portal.text(f"/portal/orders/{old['id']}")  # the call, the callback
    with app.app_context():
        first_new = db.session.scalar(
            select(func.min(IntegrationLog.created_at)).where(IntegrationLog.created_at > last_old)
        )
        older = db.session.scalar(select(func.count()).where(IntegrationLog.created_at <= last_old))
        # 180 days after the new order's first exchange: the old order's are past the retention, the new one's not.
        assert reap_integration_logs(180, now=first_new + timedelta(days=180)) == older >= 2
    assert "Integration log (0 exchanges" in portal.text(f"/portal/orders/{old['id']}")
    assert "Integration log (2 exchanges" in portal.text(f"/portal/orders/{new['id']}")


def test_the_provider_exchanges_shown_never_hold_the_orders_client_secret(app, api, sandbox, catalog, portal):
    """The pay call sends the provider the shopper's way back, the order page with its client secret in the query;
    a staff member reading the exchange (or a leaked log) must not get the key to the shopper's order page."""
    from app.platform.observability.log_writer import flush_every_writer

    order = paid_order(api, sandbox, catalog["sku"])
    flush_every_writer()
    page = portal.text(f"/portal/orders/{order['id']}")
    assert order["client_secret"] not in page
    assert "client_secret=[redacted]" in page
