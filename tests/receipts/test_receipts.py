"""Email receipts: a shopper pays on the hosted checkout with their email, the worker sends one receipt through
a real SMTP server (aiosmtpd, in process, on a loopback port), and the receipt page it links to shows the order
to whoever holds the link and to nobody else."""

from __future__ import annotations

import logging
import re
from email import policy
from email.parser import BytesParser
from urllib.parse import urlsplit

import pytest
import requests
from aiosmtpd.controller import Controller

from app.platform.queueing import BATCH, queue_name
from tests.conftest import free_port, wait_for

SENDER = "receipts@kassa.test"


class Inbox:
    """aiosmtpd's handler: every message the server accepted, parsed."""

    def __init__(self) -> None:
        self.messages = []

    async def handle_DATA(self, server, session, envelope) -> str:
        self.messages.append(BytesParser(policy=policy.default).parsebytes(envelope.original_content))
        return "250 OK"


class MailServer:
    """A real SMTP server on a loopback port, started and stopped by the test (an outage is a stopped server)."""

    def __init__(self, port: int) -> None:
        self.port, self.inbox, self.controller = port, Inbox(), None

    def start(self) -> None:
        self.controller = Controller(self.inbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


@pytest.fixture
def mail_server(app, monkeypatch):
    """SMTP configured for the app, pointing at a mail server the test starts when it wants it up."""
    server = MailServer(free_port())
    for name, value in {
        "SMTP_HOST": "127.0.0.1",
        "SMTP_PORT": server.port,
        "SMTP_FROM": SENDER,
        "SMTP_TIMEOUT_SECONDS": 5,
        "RECEIPT_RETRY_BASE_SECONDS": 1,
    }.items():
        monkeypatch.setitem(app.config, name, value)
    yield server
    server.stop()


def join_team(app, merchant_id: str, *emails: str) -> None:
    """Make each address a portal user of the merchant, as a developer testing with their own team's addresses
    does: test mode emails no one else (app/receipts/test_mode.py)."""
    from app.merchants.team import add_member

    with app.app_context():
        for email in emails:
            add_member(merchant_id, email=email, role="developer", temporary_password="correct-horse-2")


# The shoppers of this module's test-mode orders are the merchant's own people, so their receipts go out.
@pytest.fixture(autouse=True)
def shoppers_on_the_team(app, merchant) -> None:
    join_team(
        app,
        merchant.id,
        "shopper@example.test",
        "address@example.test",
        "again@example.test",
        "c@example.test",
        "cliente@example.test",
        "first@example.test",
        "kundin@example.test",
        "lost@example.test",
        "mine@example.test",
        "patient@example.test",
        "second@example.test",
        "theirs@example.test",
        "trial@example.test",
    )


@pytest.fixture
def receipt_log():
    """What the receipts logger said during the test."""
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("kassa.receipts")
    logger.addHandler(handler)
    yield records
    logger.removeHandler(handler)


def shopper_pays(client, sandbox, catalog: dict, *, email: str | None, quantity: int = 2, language: str = "en") -> str:
    """Pay on the hosted product page with the sandbox card, approving on the provider's page, from a browser
    that prefers ``language``; the order id."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = language
    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = {
        "csrf_token": token,
        "sku": catalog["sku"],
        "quantity": str(quantity),
        "channel": "sandbox_card",
        "agree": "on",
    }
    started = client.post(f"/checkout/{catalog['product']}/pay", data={**form, "email": email or ""})
    assert started.status_code == 303, started.get_data(as_text=True)
    provider_page = started.headers["Location"]
    assert provider_page.startswith(f"{sandbox.url}/sandbox/pay/")
    back = requests.post(f"{provider_page}/decide", data={"outcome": "succeeded"}, allow_redirects=False, timeout=10)
    order_url = urlsplit(back.headers["Location"])
    order_id = order_url.path.rsplit("/", 1)[1]
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # the success page is checked for in English
    wait_for(lambda: "Payment successful" in client.get(f"{order_url.path}?{order_url.query}").get_data(as_text=True))
    return order_id


def receipt_row(app, order_id: str):
    from app.extensions import db
    from app.receipts.models import ReceiptEmail

    with app.app_context():
        row = db.session.get(ReceiptEmail, order_id)
        db.session.expunge_all()
        return row


def parts(message) -> tuple[str, str]:
    return (
        message.get_body(preferencelist=("plain",)).get_content(),
        message.get_body(preferencelist=("html",)).get_content(),
    )


def test_a_paid_order_gets_one_receipt_with_what_was_bought(
    app, client, merchant, catalog, sandbox, worker, mail_server
):
    mail_server.start()
    order_id = shopper_pays(client, sandbox, catalog, email="Shopper@Example.test", quantity=2)
    worker()

    [message] = mail_server.inbox.messages
    assert message["To"] == "Shopper@Example.test"
    assert message["From"] == f"Acme Games <{SENDER}>"
    assert message["Subject"] == "[Test mode] Your receipt from Acme Games — $19.98"
    assert message["Message-ID"] == f"<receipt.{order_id}@kassa.test>"
    text, html = parts(message)
    for body in (text, html):
        assert "Pro membership — 30 days" in body and "$19.98" in body and order_id in body
        assert "Card (sandbox)" in body
    assert "2 x Pro membership — 30 days    $19.98" in text and "Total: $19.98" in text
    # The receipt link in the email opens the printable receipt.
    link = re.search(r"See or print this receipt: (\S+)", text).group(1)
    assert f'href="{link.replace("&", "&amp;")}"' in html
    page = client.get(link)
    assert page.status_code == 200
    shown = page.get_data(as_text=True)
    assert "Receipt from Acme Games" in shown and "Pro membership — 30 days" in shown and "$19.98" in shown
    assert page.headers["Cache-Control"] == "private, no-store" and page.headers["Referrer-Policy"] == "no-referrer"

    row = receipt_row(app, order_id)
    assert (row.status, row.attempts, row.recipient) == ("sent", 1, "Shopper@Example.test")


def test_a_german_checkout_gets_a_german_receipt(app, client, catalog, sandbox, worker, mail_server):
    from babel.dates import format_date

    mail_server.start()
    order_id = shopper_pays(
        client, sandbox, catalog, email="kundin@example.test", quantity=2, language="de-AT,en;q=0.5"
    )
    worker()

    [message] = mail_server.inbox.messages
    assert message["Subject"] == "[Testmodus] Ihre Quittung von Acme Games — 19,98\xa0$"
    assert message["Content-Language"] == "de"
    text, html = parts(message)
    assert "Vielen Dank für Ihren Einkauf bei Acme Games." in text and "Gesamt: 19,98\xa0$" in text
    assert "2 x Pro membership — 30 days    19,98\xa0$" in text
    today = format_date(receipt_row(app, order_id).sent_at, format="long", locale="de")  # "23. November 2026"
    assert f"Bezahlt: {today}, " in text and "Zahlungsart: Karte (Sandbox)" in text
    assert '<html lang="de">' in html and "Vielen Dank für Ihren Einkauf bei Acme Games" in html
    assert "Gesamt" in html and "19,98\xa0$" in html and "Quittung ansehen oder drucken" in html
    assert "Thank you" not in text + html


def test_a_french_receipt_names_a_merchant_whose_name_starts_with_a_vowel_in_correct_french(
    app, client, catalog, sandbox, worker, mail_server
):
    # French elides "de" before a vowel ("d'Acme"); a phrase that reads "de Acme Games" looks machine-made to a
    # French shopper, so the texts that name the merchant are worded without "de" before the name.
    mail_server.start()
    shopper_pays(client, sandbox, catalog, email="cliente@example.test", language="fr-FR,fr;q=0.9")
    worker()

    [message] = mail_server.inbox.messages
    assert message["Content-Language"] == "fr"
    text, html = parts(message)
    assert "Votre reçu pour votre achat chez Acme Games" in message["Subject"]
    assert "envoyé par Kassa pour Acme Games" in text and "envoyé par Kassa pour Acme Games" in html
    assert "de Acme" not in message["Subject"] + text + html


def test_a_retried_or_repeated_job_sends_nothing_twice(app, client, catalog, sandbox, worker, mail_server):
    from app.jobs import send_receipt
    from app.platform.queueing import BATCH, enqueue

    mail_server.start()
    order_id = shopper_pays(client, sandbox, catalog, email="again@example.test")
    worker()
    assert len(mail_server.inbox.messages) == 1

    with app.app_context():
        enqueue("app.jobs.send_receipt", order_id, lane=BATCH)  # RQ retrying the job, or a sweep finding it again
        enqueue("app.jobs.send_receipt", order_id, lane=BATCH)
    worker()
    with app.app_context():
        assert send_receipt(order_id) == "sent"
    assert len(mail_server.inbox.messages) == 1
    assert receipt_row(app, order_id).attempts == 1


def test_an_smtp_outage_is_retried_with_backoff_and_then_delivered(
    app, client, catalog, sandbox, worker, mail_server, receipt_log
):
    from rq import Queue
    from rq.job import Job
    from rq.registry import ScheduledJobRegistry
    from rq.scheduler import RQScheduler

    from app.extensions import redis_client

    order_id = shopper_pays(client, sandbox, catalog, email="patient@example.test")  # the mail server is down
    worker()
    assert mail_server.inbox.messages == []
    row = receipt_row(app, order_id)
    assert (row.status, row.attempts) == ("failed", 1)
    assert "ConnectionRefusedError" in row.last_error
    assert any(r.getMessage() == "receipt not sent, trying again later" for r in receipt_log)

    # The payment did not wait for the mail: the order is paid (and fulfilled) all the same.
    from app.extensions import db
    from app.orders.models import Order

    with app.app_context():
        assert db.session.get(Order, order_id).status in ("paid", "fulfilled")
        queue = Queue(queue_name(BATCH, app.config), connection=redis_client())
        registry = ScheduledJobRegistry(queue=queue)
        waiting = [Job.fetch(job_id, connection=redis_client()) for job_id in registry.get_job_ids()]
        # The next try waits its backoff (1 s here).
        assert [j.args for j in waiting if j.func_name == "app.jobs.send_receipt"] == [(order_id,)]

    mail_server.start()
    with app.app_context():
        scheduler = RQScheduler([queue], connection=redis_client())

        def next_try_queued() -> bool:
            scheduler.enqueue_scheduled_jobs()  # what the worker's scheduler does once the time has come
            return any(j.func_name == "app.jobs.send_receipt" for j in queue.jobs)

        assert scheduler.acquire_locks()
        try:
            wait_for(next_try_queued, timeout=10)
        finally:
            scheduler.release_locks()
    worker()
    [message] = mail_server.inbox.messages
    assert message["To"] == "patient@example.test"
    row = receipt_row(app, order_id)
    assert (row.status, row.attempts, row.last_error) == ("sent", 2, None)


def test_without_smtp_nothing_is_sent_and_that_is_logged_once(
    app, client, catalog, sandbox, worker, mail_server, receipt_log, monkeypatch
):
    from app.extensions import db
    from app.receipts.models import ReceiptEmail

    mail_server.start()
    monkeypatch.setitem(app.config, "SMTP_HOST", "")
    monkeypatch.delitem(app.extensions, "kassa.receipts_off_noted", raising=False)  # a new process, as it were
    shopper_pays(client, sandbox, catalog, email="first@example.test")
    shopper_pays(client, sandbox, catalog, email="second@example.test")
    worker()

    assert mail_server.inbox.messages == []
    with app.app_context():
        assert db.session.query(ReceiptEmail).count() == 0
    off = [r for r in receipt_log if "email receipts are off" in r.getMessage()]
    assert len(off) == 1 and off[0].levelno == logging.WARNING


def test_an_order_paid_without_an_email_gets_no_receipt(app, client, catalog, sandbox, worker, mail_server):
    mail_server.start()
    order_id = shopper_pays(client, sandbox, catalog, email=None)
    worker()
    assert mail_server.inbox.messages == []
    assert receipt_row(app, order_id) is None


def test_the_receipt_page_needs_the_orders_client_secret(app, client, catalog, sandbox, worker, mail_server):
    from app.extensions import db
    from app.orders.models import Order

    mail_server.start()
    mine = shopper_pays(client, sandbox, catalog, email="mine@example.test")
    theirs = shopper_pays(client, sandbox, catalog, email="theirs@example.test", quantity=1)
    with app.app_context():
        my_secret = db.session.get(Order, mine).client_secret
    assert client.get(f"/checkout/receipts/{mine}?client_secret={my_secret}").status_code == 200
    for url in (
        f"/checkout/receipts/{theirs}?client_secret={my_secret}",
        f"/checkout/receipts/{theirs}",
        f"/checkout/receipts/{mine}?client_secret=wrong",
        "/checkout/receipts/ord_nope?client_secret=x",
    ):
        refused = client.get(url)
        assert refused.status_code == 404
        assert "theirs@example.test" not in refused.get_data(as_text=True)


def test_an_unpaid_order_has_no_receipt_yet(app, api, client, catalog):
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "c", "email": "c@example.test"},
            "agreement_accepted": True,
        },
    ).json
    page = client.get(f"/checkout/receipts/{created['id']}?client_secret={created['client_secret']}")
    assert page.status_code == 404
    assert "There is no receipt at this address" in page.get_data(as_text=True)


def test_a_bad_email_is_explained_next_to_the_field_and_creates_nothing(app, client, catalog, sandbox):
    from app.extensions import db
    from app.orders.models import Order

    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert '<label for="email">Email for your receipt</label>' in page
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    refused = client.post(
        f"/checkout/{catalog['product']}/pay",
        data={
            "csrf_token": token,
            "sku": catalog["sku"],
            "quantity": "1",
            "channel": "sandbox_card",
            "agree": "on",
            "email": "shopper@example",
        },
    )
    html = refused.get_data(as_text=True)
    assert refused.status_code == 422
    assert "Enter an email address like name@example.com, or leave it empty." in html
    assert 'value="shopper@example"' in html and 'aria-invalid="true"' in html
    with app.app_context():
        assert db.session.query(Order).count() == 0


def test_an_address_no_mail_server_could_take_is_given_up_at_once(app, client, merchant, catalog, worker, mail_server):
    from rq import Queue
    from rq.job import Job
    from rq.registry import ScheduledJobRegistry

    from app.extensions import redis_client
    from tests.web.api.test_livemode import CUSTOMER, credit, live_key

    # Live mode: a test order's email to an address outside the team is withheld before it is ever tried.
    live = live_key(app, client, merchant, "secret")
    credit(app, merchant.id, True, 5000)
    mail_server.start()
    created = live.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": CUSTOMER, "email": "c@example.test"},
            "agreement_accepted": True,
        },
    ).json
    # An address kept from before the API refused ones with a space: no mail server would take it.
    from sqlalchemy import update

    from app.extensions import db
    from app.orders.models import Order

    with app.app_context():
        db.session.execute(
            update(Order).where(Order.id == created["id"]).values(customer_email="no such address@example.test")
        )
        db.session.commit()
    assert (
        live.post(f"/orders/{created['id']}/pay", json={"channel": "wallet"}).json["payment"]["status"] == "succeeded"
    )
    worker()

    assert mail_server.inbox.messages == []
    row = receipt_row(app, created["id"])
    assert (row.status, row.attempts, row.next_attempt_at) == ("failed", 1, None)
    assert row.last_error.startswith("not an email address")
    with app.app_context():
        registry = ScheduledJobRegistry(queue=Queue(queue_name(BATCH, app.config), connection=redis_client()))
        waiting = [Job.fetch(job_id, connection=redis_client()).func_name for job_id in registry.get_job_ids()]
    assert "app.jobs.send_receipt" not in waiting


def test_the_sweep_sends_a_receipt_whose_job_was_lost(app, client, catalog, sandbox, worker, mail_server):
    from datetime import timedelta

    from rq import Queue
    from sqlalchemy import update

    from app.extensions import db, redis_client
    from app.platform.db.types import utcnow
    from app.platform.outbox.dispatch import dispatch_pending
    from app.platform.queueing import BATCH, enqueue
    from app.receipts.models import ReceiptEmail

    mail_server.start()
    order_id = shopper_pays(client, sandbox, catalog, email="lost@example.test")
    with app.app_context():
        while dispatch_pending():  # order.paid's handlers run and queue the receipt's job ...
            pass
        Queue(queue_name(BATCH, app.config), connection=redis_client()).empty()  # ... which Redis then loses
        db.session.execute(update(ReceiptEmail).values(created_at=utcnow() - timedelta(minutes=2)))
        db.session.commit()
        enqueue("app.jobs.queue_due_receipts", lane=BATCH)  # the cron's sweep, a minute later
    worker()
    [message] = mail_server.inbox.messages
    assert message["To"] == "lost@example.test"
    assert receipt_row(app, order_id).status == "sent"


def test_a_free_trials_signing_gets_a_receipt_saying_what_it_started(
    app, client, catalog, sandbox, worker, mail_server
):
    from app.catalog.models import Sku
    from app.extensions import db

    with app.app_context():
        sku = db.session.get(Sku, catalog["sku"])
        sku.subscription_interval, sku.subscription_interval_count, sku.subscription_trial_days = "month", 1, 14
        db.session.commit()
    mail_server.start()
    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    started = client.post(
        f"/checkout/{catalog['product']}/pay",
        data={
            "csrf_token": token,
            "sku": catalog["sku"],
            "quantity": "1",
            "channel": "sandbox_card",
            "agree": "on",
            "email": "trial@example.test",
        },
    )
    assert started.status_code == 303, started.get_data(as_text=True)
    back = requests.post(
        f"{started.headers['Location']}/decide", data={"outcome": "succeeded"}, allow_redirects=False, timeout=10
    )
    order_url = urlsplit(back.headers["Location"])
    wait_for(lambda: "Free trial started" in client.get(f"{order_url.path}?{order_url.query}").get_data(as_text=True))
    done = client.get(f"{order_url.path}?{order_url.query}").get_data(as_text=True)
    assert "A confirmation is on its way to <strong>trial@example.test</strong>" in done  # as a paid order's page says
    worker()

    [message] = mail_server.inbox.messages
    assert message["Subject"] == "[Test mode] Your free trial with Acme Games has started"
    text, html = parts(message)
    for body in (text, html):
        assert "14-day free trial, then $9.99 every month." in body
        assert "Due today: $0.00. The first charge of $9.99 is on" in body
    link = re.search(r"See or print this receipt: (\S+)", text).group(1)
    assert "The first charge of $9.99 is on" in client.get(link).get_data(as_text=True)
