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
