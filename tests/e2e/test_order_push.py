"""The hosted order page learns of a payment over the order's event stream (SSE): no polling while the
stream is open, the outcome shown as soon as the provider's callback lands, and polling as the fallback
when the stream cannot be opened."""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e


def start_qr_payment(page: Page, live_server: str, product: str) -> str:
    page.goto(f"{live_server}/checkout/{product}")
    page.get_by_role("radio", name="QR code (sandbox)").check()
    page.get_by_role("checkbox", name=re.compile("agree")).check()
    page.get_by_role("button", name="Pay").click()
    link = page.get_by_role("link", name="open the payment page")
    expect(link).to_be_visible()
    return link.get_attribute("href")


def approve_on_a_phone(page: Page, payment_url: str) -> None:
    phone = page.context.new_page()
    phone.goto(payment_url)
    phone.get_by_role("button", name="Approve").click()
    phone.close()


def status_reads(requests: list[str]) -> int:
    return sum(1 for url in requests if "/checkout/orders/" in url)


def test_the_order_page_is_told_of_the_payment_instead_of_polling(page: Page, live_server, sandbox, catalog):
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    with page.expect_request(re.compile(r"/api/v1/orders/[^/]+/stream\?client_secret=")):
        payment_url = start_qr_payment(page, live_server, catalog["product"])
    expect(page.get_by_role("img", name="QR code to pay")).to_be_visible()
    page.wait_for_function("() => window.kassaStreaming === true")
    before = status_reads(seen)
    time.sleep(2.5)  # a polling page would have asked twice by now
    assert status_reads(seen) == before

    approve_on_a_phone(page, payment_url)
    expect(page.get_by_text("Payment successful")).to_be_visible()
    assert status_reads(seen) - before <= 2  # one read per change the stream announced


def test_without_the_stream_the_page_falls_back_to_polling(page: Page, live_server, sandbox, catalog):
    page.route(re.compile(r"/api/v1/orders/[^/]+/stream"), lambda route: route.abort())
    payment_url = start_qr_payment(page, live_server, catalog["product"])
    expect(page.get_by_role("img", name="QR code to pay")).to_be_visible()
    approve_on_a_phone(page, payment_url)
    expect(page.get_by_text("Payment successful")).to_be_visible()
    assert page.evaluate("() => window.kassaStreaming") is False


def test_a_change_told_while_the_panel_reloads_is_not_lost(page: Page, app, live_server, sandbox, catalog):
    """The panel's reload reads the order, then (a moment later, in another statement) its payments. The shopper
    declines in between: the reload answers a panel still waiting (the order read before the decline), and the
    stream's event for the decline came while that reload was in flight. The page asks again once the new panel is
    in place, instead of waiting for the stream's end, up to a minute later."""
    import threading

    from flask import has_request_context, request
    from sqlalchemy import event as sa_event

    from app.extensions import db

    payment_url = start_qr_payment(page, live_server, catalog["product"])
    expect(page.get_by_role("img", name="QR code to pay")).to_be_visible()
    page.wait_for_function("() => window.kassaStreaming === true")
    stream_url = page.locator("#status").get_attribute("data-order-stream")
    # A second listener on the same stream, the test's own: it tells when the page's stream has said "declined".
    page.evaluate(
        "url => { window.told = []; window.probe = new EventSource(url);"
        " window.probe.addEventListener('status', e => window.told.push(JSON.parse(e.data).status)); }",
        stream_url,
    )

    order_read, release = threading.Event(), threading.Event()

    def hold_the_reload(conn, cursor, statement, parameters, context, executemany) -> None:
        if (
            has_request_context()
            and request.path.startswith("/checkout/orders/")
            and "seen" in request.args
            and "FROM payment_attempts" in statement
            and not order_read.is_set()
        ):
            order_read.set()
            release.wait(20)

    with app.app_context():
        engine = db.engine
    sa_event.listen(engine, "before_cursor_execute", hold_the_reload)
    try:
        page.evaluate("() => htmx.trigger('#status', 'kassa:changed')")  # a reload, as a stream event asks
        assert order_read.wait(10), "the panel did not reload"
        sandbox.simulate(payment_url.rsplit("/", 1)[-1], "failed")  # the shopper declines on their phone
        page.wait_for_function("() => window.told.includes('created')", timeout=10_000)
        time.sleep(0.3)  # the page's own stream, woken by the same commit, has told it too
        release.set()
        expect(page.get_by_role("heading", name="Payment failed")).to_be_visible(timeout=10_000)
        page.evaluate("() => window.probe.close()")
    finally:
        release.set()
        sa_event.remove(engine, "before_cursor_execute", hold_the_reload)
