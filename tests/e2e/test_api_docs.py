"""/docs/api in a real browser: the vendored Redoc renders this Kassa's live OpenAPI document with its sections in
the navigation, every operation and event type, search and copyable request samples; every request the page
makes goes to the Kassa server itself, nothing is logged as an error, and axe finds nothing serious."""

from __future__ import annotations

import re
from collections import Counter
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.e2e.test_portal import serious_violations, sign_in

pytestmark = pytest.mark.e2e


def _section_id(tag: str, path: str, method: str) -> str:
    """Redoc's id for an operation: its tag slug and the path as a JSON pointer segment."""
    return f"tag/{tag.replace(' ', '-')}/paths/{path.replace('~', '~0').replace('/', '~1')}/{method}"


# Redoc lays out the whole document (~800 KB, 82 operations) before it shows anything: about 3 s on an idle machine,
# and more than 30 s was seen once while the rest of the suite had both cores.
RENDERED = 90_000


def open_reference(page: Page) -> None:
    """Go to /docs/api and wait until Redoc has rendered the document."""
    page.goto("/docs/api")
    expect(page.get_by_role("heading", name="Kassa API", exact=False).first).to_be_visible(timeout=RENDERED)
    expect(page.get_by_role("menuitem", name="Receiving webhooks", exact=True)).to_be_visible(timeout=RENDERED)


def search(page: Page, term: str, hit: Locator) -> None:
    """Type ``term`` into Redoc's search until ``hit`` shows: the index is built in a worker after the page
    renders, and a search typed before it is ready finds nothing, so type again (as a person would; bounded)."""
    box = page.get_by_role("textbox", name="Search")
    for _ in range(6):
        box.fill("")
        box.fill(term)
        try:
            hit.wait_for(state="visible", timeout=5_000)
            return
        except PlaywrightTimeoutError:
            continue
    expect(hit).to_be_visible()


@pytest.fixture
def watched(page: Page, live_server: str) -> dict:
    """What the page asks for and what it logs as an error, from the first request on."""
    seen: dict = {"requests": [], "errors": []}
    page.on("request", lambda request: seen["requests"].append(request.url))
    page.on("console", lambda message: message.type == "error" and seen["errors"].append(message.text))
    page.on("pageerror", lambda error: seen["errors"].append(str(error)))
    return seen


def test_the_reference_shows_every_section_operation_and_event(page: Page, client, merchant, watched):
    spec = client.get("/api/v1/openapi.json").json
    sign_in(page, merchant.email, merchant.password)
    page.goto("/portal/developers")
    page.get_by_role("navigation", name="Developers").get_by_role("link", name="API reference").click()
    expect(page).to_have_url(re.compile(r"/docs/api$"))
    expect(page.get_by_role("heading", name="Kassa API", exact=False).first).to_be_visible(timeout=RENDERED)
    menu = page.get_by_role("menu").first
    assert spec["tags"] and spec["paths"] and spec["webhooks"], "the document has nothing to show"
    for tag in spec["tags"]:
        expect(menu.get_by_role("menuitem", name=tag["name"], exact=True)).to_be_visible()
    expected = [
        _section_id(operation["tags"][0], path, method)
        for path, methods in spec["paths"].items()
        for method, operation in methods.items()
    ] + [
        f"tag/{item['post']['tags'][0].replace(' ', '-')}/operation/webhook-{event_type}"
        for event_type, item in spec["webhooks"].items()
    ]
    # One read of every section id (a locator each took 40 s on the ~800 KB page), once all are there or 10 s have
    # passed (the assertion then names what is missing). Checked every 250 ms: on every frame, ~140 look-ups in
    # the page cost the busy suite its CPU.
    try:
        page.wait_for_function(
            "ids => ids.every(id => document.querySelector(`[data-section-id='${id}']`))",
            arg=expected,
            polling=250,
            timeout=10_000,
        )
    except PlaywrightTimeoutError:
        pass
    shown = Counter(
        page.eval_on_selector_all("[data-section-id]", "sections => sections.map(s => s.dataset.sectionId)")
    )
    assert {section: shown[section] for section in expected if shown[section] != 1} == {}
    # From an event, its signature link leads to how to verify it.
    # (Its target is checked rather than clicked: Redoc's scroll tracking may move the address to a neighbour.)
    link = (
        page.locator('[data-section-id="tag/Order-events/operation/webhook-order.paid"]')
        .get_by_role("link", name="Receiving webhooks")
        .first
    )
    expect(link).to_have_attribute("href", re.compile(r"#tag/Receiving-webhooks$"))
    signatures = page.locator('[data-section-id="tag/Receiving-webhooks"]')
    expect(signatures.get_by_role("heading", name="Receiving webhooks")).to_be_attached()
    expect(signatures.get_by_text("Kassa-Signature: t=<unix seconds>,v1=", exact=False)).to_be_visible()
    assert watched["errors"] == []


def test_searching_refund_finds_the_refund_route_and_its_request_sample(page: Page, live_server, watched):
    open_reference(page)
    refund_route = _section_id("Refunds", "/orders/{id}/refunds", "post")
    hit = page.locator('[data-role="search:results"]').locator(f'[data-item-id="{refund_route}"]')
    search(page, "refund", hit)
    hit.click()
    operation = page.locator(f'[data-section-id="{refund_route}"]')
    expect(operation.get_by_text("/orders/{id}/refunds").first).to_be_visible()
    samples = operation.get_by_role("heading", name="Request samples")
    expect(samples).to_be_visible()
    expect(operation.get_by_role("tab", name="Payload")).to_be_visible()
    operation.get_by_role("tab", name="curl").click()
    expect(operation.get_by_text("/api/v1/orders/ORDER_ID/refunds").first).to_be_visible()
    expect(operation.get_by_role("button", name="Copy").first).to_be_visible()

    kassa = urlsplit(live_server).netloc
    elsewhere = [
        url
        for url in watched["requests"]
        if urlsplit(url).scheme not in ("blob", "data") and urlsplit(url).netloc != kassa
    ]
    assert elsewhere == [], elsewhere
    assert watched["errors"] == []


def test_the_reference_has_no_serious_accessibility_violations(browser: Browser, live_server):
    # axe is injected as an inline script, which the page's own policy rightly refuses.
    context = browser.new_context(bypass_csp=True, base_url=live_server)
    try:
        page = context.new_page()
        open_reference(page)
        assert serious_violations(page) == []
    finally:
        context.close()
