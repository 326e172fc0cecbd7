"""The JavaScript SDK in a merchant's page served from another origin than Kassa."""

from __future__ import annotations

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Iterator

import pytest
from playwright.sync_api import Page, Route, expect

from tests.conftest import free_port
from tests.support.stream_process import start_stream_process

# The components make the shopper's order and start its payment in one request: POST /orders with pay.
MADE_AND_PAYING = re.compile(r"/api/v1/orders$")

pytestmark = pytest.mark.e2e


class Shop:
    """The merchant's own site: static pages on a port (and so an origin) of its own."""

    def __init__(self, root: Path, url: str) -> None:
        self.root, self.url = root, url

    def page(self, name: str, body: str) -> str:
        (self.root / name).write_text(
            f"<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>Shop</title></head><body>{body}</body></html>"
        )
        return f"{self.url}/{name}"


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def shop(tmp_path_factory) -> Iterator[Shop]:
    root = tmp_path_factory.mktemp("shop")
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Shop(root, f"http://127.0.0.1:{server.server_address[1]}")
    server.shutdown()
    server.server_close()


def _client_script(live_server: str, key: str) -> str:
    return (
        f"<script src='{live_server}/static/sdk/kassa.js'></script>"
        f"<script>window.kassa = Kassa('{key}', {{ baseUrl: '{live_server}' }});</script>"
    )


def _panel_page(shop: Shop, live_server: str, merchant, catalog) -> str:
    return shop.page(
        "panel.html",
        "<h1>Acme shop</h1><div id='checkout'></div>"
        + _client_script(live_server, merchant.publishable_key)
        + f"""
<script>
  window.panelEvents = [];
  const panel = kassa.mountPanel('#checkout',
                                 {{ product: '{catalog["product"]}', sku: '{catalog["sku"]}', quantity: 1 }});
  for (const type of ['ready', 'paid', 'failed', 'closed']) panel.on(type, (e) => window.panelEvents.push(type));
</script>""",
    )


def test_the_panel_mounts_and_the_page_hears_paid(page: Page, live_server, sandbox, shop, merchant, catalog):
    page.goto(_panel_page(shop, live_server, merchant, catalog))
    page.wait_for_function("window.panelEvents.includes('ready')")
    frame = page.frame_locator("iframe[title='Checkout']")
    expect(frame.get_by_role("heading", name="Pro membership")).to_be_visible()
    height = page.locator("iframe").evaluate("f => f.getBoundingClientRect().height")
    assert height != 480  # resized to the panel's content, not left at the default

    frame.get_by_label("Quantity").fill("2")
    expect(frame.get_by_test_id("total")).to_have_text("$19.98")
    frame.get_by_role("radio", name="Card (sandbox)").check()
    frame.get_by_role("checkbox", name=re.compile("agree")).check()
    frame.get_by_role("button", name="Pay").click()
    # The provider's page is the whole window (tests/e2e/test_panel_provider_page.py); it sends the shopper back to
    # this page, where the panel opens at the outcome and the page hears it.
    page.get_by_role("button", name="Approve").click()
    expect(frame.get_by_text("Payment successful")).to_be_visible()
    expect(frame.get_by_text("2 × Pro membership — 30 days")).to_be_visible()  # the order of 2, resumed
    page.wait_for_function("window.panelEvents.includes('paid')")
    assert page.evaluate("window.panelEvents") == ["paid"]


def test_a_panel_mounted_with_a_checkout_session_lets_its_customer_pay_from_the_wallet(
    page: Page, client, live_server, sandbox, worker, shop, merchant, catalog
):
    from tests.conftest import Api
    from tests.ledger.wallet.test_wallet import top_up

    api = Api(client, merchant.secret_key)
    top_up(api, sandbox, worker, 3000, customer="cus_embedded")
    session = api.post(
        "/checkout_sessions", json={"product": catalog["product"], "customer": {"id": "cus_embedded"}}
    ).json
    url = shop.page(
        "session.html",
        "<div id='checkout'></div>"
        + _client_script(live_server, merchant.publishable_key)
        + f"""<script>window.panelEvents = [];
  const panel = kassa.mountPanel('#checkout', {{ session: '{session["client_secret"]}' }});
  panel.on('paid', () => window.panelEvents.push('paid'));</script>""",
    )
    page.goto(url)
    frame = page.frame_locator("iframe[title='Checkout']")
    expect(frame.get_by_text("$30.00 available")).to_be_visible()
    frame.get_by_label("Quantity").fill("2")
    expect(frame.get_by_test_id("total")).to_have_text("$19.98")
    frame.get_by_role("radio", name="Wallet balance").check()
    frame.get_by_role("checkbox", name=re.compile("agree")).check()
    frame.get_by_role("button", name="Pay").click()
    expect(frame.get_by_text("Payment successful")).to_be_visible()
    page.wait_for_function("window.panelEvents.includes('paid')")
    assert api.get("/customers/cus_embedded/balance").json["available"] == [{"amount": 1002, "currency": "usd"}]


def test_a_message_from_a_foreign_origin_is_ignored(page: Page, live_server, shop, merchant, catalog):
    page.goto(_panel_page(shop, live_server, merchant, catalog))
    page.wait_for_function("window.panelEvents.includes('ready')")
    frame_id = page.locator("iframe").get_attribute("name")
    # Exactly the panel's message shape, but posted by the shop's own origin (not Kassa's).
    page.evaluate(
        """frame => window.postMessage({ ns: 'kassa', v: 1, frame, type: 'paid', data: {} }, '*')""", frame_id
    )
    page.evaluate(
        """frame => document.querySelector('iframe').contentWindow.postMessage(
        { ns: 'kassa', v: 1, frame, type: 'hello' }, '*')""",
        frame_id,
    )
    page.wait_for_timeout(300)
    assert page.evaluate("window.panelEvents") == ["ready"]


def test_zero_code_script_tag_renders_a_working_panel(page: Page, live_server, shop, merchant, catalog):
    from app.web.embed.snippet import embed_snippet

    snippet = embed_snippet(live_server, catalog["product"], publishable_key=merchant.publishable_key)
    url = shop.page(
        "zero.html",
        """<script>window.heard = [];
      document.addEventListener('kassa:ready', () => window.heard.push('ready'));</script>"""
        + str(snippet),
    )
    page.goto(url)
    page.wait_for_function("window.heard.includes('ready')")
    expect(page.frame_locator("iframe[title='Checkout']").get_by_role("button", name="Pay")).to_be_visible()


def _headless_page(shop: Shop, live_server: str, merchant, catalog) -> str:
    return shop.page(
        "headless.html",
        _client_script(live_server, merchant.publishable_key)
        + f"""
<script>
  window.buy = async (channel) => {{
    const order = await kassa.createOrder({{ items: [{{ sku: '{catalog["sku"]}', quantity: 1 }}],
                                            customer: {{ id: 'cus_sdk' }}, agreementAccepted: true }});
    window.payment = await kassa.pay(order.id, channel);
    const paid = await kassa.waitForPayment(order.id, {{ timeoutMs: 20000 }});
    return paid.status;
  }};
  window.start = (channel) => {{
    window.outcome = null;
    buy(channel).then((s) => {{ window.outcome = s; }}, (e) => {{ window.outcome = 'error ' + e.type; }});
  }};
</script>""",
    )


def _requests_to(page: Page, pattern: str) -> list[str]:
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url) if re.search(pattern, request.url) else None)
    return seen


def test_headless_flow_resolves_after_the_sandbox_approves_through_the_stream(
    page: Page, live_server, stream_process, sandbox, shop, merchant, catalog
):
    page.goto(_headless_page(shop, live_server, merchant, catalog))
    polls = _requests_to(page, r"/api/v1/orders/ord_[^/?]+\?")
    streams = _requests_to(page, r"/stream\?")
    with page.expect_request(re.compile(r"/stream\?")):
        page.evaluate("start('sandbox_qr')")
    page.wait_for_function("window.payment")
    expect(page.get_by_role("dialog", name="Scan to pay")).to_be_visible()
    expect(page.get_by_role("img", name="QR code to pay")).to_be_visible()
    sandbox.simulate(page.evaluate("window.payment.provider_reference"), "succeeded")
    page.wait_for_function("window.outcome")
    assert page.evaluate("window.outcome") == "paid"
    expect(page.get_by_role("dialog", name="Scan to pay")).to_have_count(0)
    assert streams, "the page listened on the order's status stream"
    # Asked of Kassa's base URL, followed (307) from the merchant's origin to the stream process.
    assert streams[0].startswith(live_server) and any(url.startswith(stream_process) for url in streams), streams
    assert len(polls) == 1  # only the final read of the paid order: the news came by SSE, not polling


def test_with_the_stream_blocked_polling_still_gets_there(page: Page, live_server, sandbox, shop, merchant, catalog):
    page.route(re.compile(r"/stream\?"), lambda route: route.abort())
    page.goto(_headless_page(shop, live_server, merchant, catalog))
    polls = _requests_to(page, r"/api/v1/orders/ord_[^/?]+\?")
    with page.expect_request(re.compile(r"/api/v1/orders/ord_[^/?]+\?")):
        page.evaluate("start('sandbox_qr')")
    page.wait_for_function("window.payment")
    sandbox.simulate(page.evaluate("window.payment.provider_reference"), "succeeded")
    page.wait_for_function("window.outcome", timeout=15_000)
    assert page.evaluate("window.outcome") == "paid"
    assert len(polls) >= 2


@pytest.fixture
def short_streams(app, monkeypatch, tmp_path_factory):
    """A stream process whose streams end after a second (and ask the client to reconnect)."""
    service, url = start_stream_process(tmp_path_factory, ORDER_STREAM_SECONDS="1")
    monkeypatch.setitem(app.config, "STREAM_PUBLIC_URL", url)
    yield url
    service.stop()


def test_headless_components_carry_on_by_polling_when_the_stream_drops_mid_payment(
    page: Page, short_streams, live_server, sandbox, shop, merchant, catalog
):
    """The stream opens and then the stream server goes away (every reconnection fails): the components fall back
    to polling and the shopper still sees the payment succeed, with no error shown on the way."""
    opened: list[str] = []

    def stream_server(route) -> None:
        if opened:
            route.abort("connectionrefused")  # down from here on
        else:
            opened.append(route.request.url)
            route.continue_()

    page.route(re.compile(r"/stream\?"), stream_server)
    url = shop.page(
        "outage.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" novalidate>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_qr" checked> QR</label></fieldset>
  <label><input type="checkbox" data-kassa-agreement checked> I agree</label>
  <p data-kassa-error="form"></p>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-status></p>
</form>"""
        + _client_script(live_server, merchant.publishable_key)
        + """
<script>window.events = []; window.checkout = kassa.components.checkout('[data-kassa-checkout]');
  for (const type of ['paid', 'failed']) window.checkout.on(type, () => window.events.push(type));</script>""",
    )
    page.goto(url)
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    with page.expect_response(MADE_AND_PAYING) as paid_response:
        page.get_by_role("button", name="Buy now").click()
    expect(form).to_have_attribute("data-kassa-state", "paying")
    with page.expect_request(re.compile(r"/api/v1/orders/ord_[^/?]+\?"), timeout=15_000):
        pass  # the stream dropped, its reconnections failed: the components read the order themselves now
    assert opened, "the components listened on the order's stream before it dropped"
    sandbox.simulate(paid_response.value.json()["payment"]["provider_reference"], "succeeded")
    expect(form).to_have_attribute("data-kassa-state", "paid", timeout=15_000)
    expect(page.locator("[data-kassa-status]")).to_have_text("Payment successful")
    expect(page.locator("[data-kassa-error=form]")).to_have_text("")
    assert page.evaluate("window.events") == ["paid"]


def test_a_validation_error_reaches_the_page_as_a_kassa_error(page: Page, live_server, shop, merchant, catalog):
    page.goto(_headless_page(shop, live_server, merchant, catalog))
    attempt = """([quantity, agreed]) => kassa.createOrder({{ items: [{{ sku: '{sku}', quantity }}],
                                                     customer: {{ id: 'c' }}, agreementAccepted: agreed }})
        .then(() => null, (e) => ({{ isKassaError: e instanceof Kassa.KassaError, name: e.name, type: e.type,
                                    code: e.code, param: e.param, status: e.status ?? null }}))""".format(
        sku=catalog["sku"]
    )
    # The API's refusal, as the API words it.
    refused = page.evaluate(attempt, [0, True])
    assert refused["isKassaError"] and refused["name"] == "KassaError", refused
    assert refused["type"] == "invalid_request_error" and refused["status"] in (400, 422), refused
    assert "quantity" in refused["param"], refused
    # No agreement: refused before any request, naming the SDK's own option.
    assert page.evaluate(attempt, [1, False]) == {
        "isKassaError": True,
        "name": "KassaError",
        "type": "invalid_request_error",
        "code": "agreement_required",
        "param": "agreementAccepted",
        "status": None,
    }


def test_headless_components_keep_state_and_validation_on_the_merchants_markup(
    page: Page, api, live_server, sandbox, shop, merchant, catalog
):
    url = shop.page(
        "components.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" novalidate>
  <h2 data-kassa-product-name></h2>
  <label>How many? <input data-kassa-quantity type="number" value="1"></label>
  <p data-kassa-error="quantity"></p>
  <p>Total <span data-kassa-total></span></p>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_qr"> QR</label></fieldset>
  <p data-kassa-error="channel"></p>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <p data-kassa-error="agreement"></p>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-status></p>
</form>"""
        + _client_script(live_server, merchant.publishable_key)
        + """
<script>window.checkout = kassa.components.checkout('[data-kassa-checkout]');
  window.checkout.on('paid', () => { window.paid = true; });</script>""",
    )
    page.goto(url)
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    expect(page.get_by_role("heading", name="Pro membership")).to_be_visible()
    expect(page.locator("[data-kassa-total]")).to_have_text("$9.99")

    page.get_by_label("How many?").fill("0")
    expect(page.locator("[data-kassa-error=quantity]")).to_have_text("Enter a whole number from 1 to 99.")
    expect(page.get_by_label("How many?")).to_have_attribute("aria-invalid", "true")
    page.get_by_label("How many?").fill("3")
    expect(page.locator("[data-kassa-total]")).to_have_text("$29.97")
    expect(page.get_by_label("How many?")).not_to_have_attribute("aria-invalid", "true")

    page.get_by_role("button", name="Buy now").click()  # nothing chosen yet: validated before any request
    expect(page.locator("[data-kassa-error=channel]")).to_have_text("Choose how you want to pay.")
    expect(page.locator("[data-kassa-error=agreement]")).to_have_text("Please accept the terms to continue.")

    page.get_by_label("QR").check()
    page.get_by_label("I agree").check()
    calls = _requests_to(page, r"/api/v1/")
    with page.expect_response(MADE_AND_PAYING) as paid_response:
        page.get_by_role("button", name="Buy now").click()
    expect(form).to_have_attribute("data-kassa-state", "paying")
    made = paid_response.value
    assert made.request.post_data_json["pay"] == {"channel": "sandbox_qr", "return_url": url}
    assert made.json()["status"] == "paying"
    sandbox.simulate(made.json()["payment"]["provider_reference"], "succeeded")
    expect(form).to_have_attribute("data-kassa-state", "paid")
    expect(page.locator("[data-kassa-status]")).to_have_text("Payment successful")
    assert page.evaluate("window.paid") is True
    # One request made the order and started its payment: no second one to pay it.
    assert not [call for call in calls if call.endswith("/pay")], calls
    # Bought: pressing Buy now again (a shopper unsure it worked) must not buy it a second time.
    expect(page.get_by_role("button", name="Buy now")).to_be_disabled()
    assert page.evaluate("window.checkout.pay()") is None
    page.get_by_label("How many?").press("Enter")  # the form's own submit
    expect(form).to_have_attribute("data-kassa-state", "paid")
    assert [o["status"] for o in api.get("/orders").json["data"]] == ["paid"]


def _subscribe_page(shop: Shop, live_server: str, merchant, catalog) -> str:
    """Headless components selling the product's subscription SKU on the shop's own page, with the card."""
    return shop.page(
        "subscribe.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" novalidate>
  <label>Plan <select data-kassa-sku><option value="{catalog["sku"]}">Monthly</option></select></label>
  <p data-kassa-terms></p>
  <p>Due today: <span data-kassa-total></span></p>
  <label>How many? <input data-kassa-quantity type="number" value="1"></label>
  <p data-kassa-error="quantity"></p>
  <label>Coupon <input data-kassa-coupon type="text"></label>
  <p data-kassa-error="coupon"></p>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_card"> Card</label></fieldset>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <button data-kassa-pay>Subscribe</button>
</form>"""
        + _client_script(live_server, merchant.publishable_key)
        + """
<script>window.checkout = kassa.components.checkout('[data-kassa-checkout]');</script>""",
    )


def test_headless_components_sell_a_subscription_sku_on_its_terms(
    page: Page, app, api, live_server, sandbox, shop, worker, merchant, catalog
):
    from tests.support.signing import make_recurring

    make_recurring(app, catalog["sku"], "month")
    page.goto(_subscribe_page(shop, live_server, merchant, catalog))
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "ready")
    expect(page.locator("[data-kassa-terms]")).to_have_text("$9.99 every month, cancel anytime")
    page.get_by_label("How many?").fill("2")
    page.get_by_label("Card").check()
    page.get_by_label("I agree").check()
    page.get_by_role("button", name="Subscribe").click()
    expect(page.locator("[data-kassa-error=quantity]")).to_contain_text("one at a time")
    page.get_by_label("How many?").fill("1")
    subscription = _answer_before_leaving(page, r"/api/v1/subscriptions$", "Subscribe")["subscription"]
    # The card payment redirects to the provider, whose page asks the shopper to authorise the recurring charge.
    page.wait_for_url(re.compile(r"/sandbox/pay/"))
    expect(page.get_by_text("$9.99 every month, cancel anytime")).to_be_visible()
    page.get_by_role("button", name="Approve").click()

    def active() -> bool:
        worker()
        return api.get(f"/subscriptions/{subscription['id']}").json["status"] == "active"

    from tests.conftest import wait_for

    wait_for(active, timeout=20)
    assert api.get(f"/subscriptions/{subscription['id']}").json["mandate"]["channel"] == "sandbox_card"


def _card_components_page(shop: Shop, live_server: str, merchant, catalog) -> str:
    """Headless components on the shop's own page with the sandbox card, a channel that leaves the page."""
    return shop.page(
        "card.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" novalidate>
  <h2 data-kassa-product-name></h2>
  <label>How many? <input data-kassa-quantity type="number" value="1"></label>
  <fieldset data-kassa-channels><legend>Pay with</legend>
    <label><input type="radio" name="channel" value="sandbox_card"> Card</label></fieldset>
  <label><input type="checkbox" data-kassa-agreement> I agree</label>
  <button data-kassa-pay>Buy now</button>
  <p data-kassa-status></p>
  <p data-kassa-error="form"></p>
</form>"""
        + _client_script(live_server, merchant.publishable_key)
        + """
<script>window.heard = [];
  window.checkout = kassa.components.checkout('[data-kassa-checkout]');
  window.checkout.on('paid', (order) => window.heard.push(['paid', order.id, order.status]));
  window.checkout.on('failed', (error) => window.heard.push(['failed', error.code]));</script>""",
    )


def _pay_by_card_at_the_provider(page: Page, shop: Shop, live_server: str, merchant, catalog, button: str) -> str:
    """Buy two on the shop's page, press ``button`` on the provider's page; the order id."""
    url = _card_components_page(shop, live_server, merchant, catalog)
    page.goto(url + "?campaign=spring")
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "ready")
    page.get_by_label("How many?").fill("2")
    page.get_by_label("Card").check()
    page.get_by_label("I agree").check()
    made = _answer_before_leaving(page, MADE_AND_PAYING.pattern, "Buy now")
    assert made["payment"]["next_action"]["type"] == "redirect"
    page.wait_for_url(re.compile(r"/sandbox/pay/"))
    expect(page.get_by_text("19.98 USD")).to_be_visible()
    page.get_by_role("button", name=button).click()
    page.wait_for_url(re.compile(re.escape(url)))  # back on the shop's page, through Kassa
    return made["id"]


def test_headless_components_pick_up_an_approved_card_payment_when_the_provider_sends_the_shopper_back(
    page: Page, live_server, sandbox, shop, merchant, catalog
):
    order_id = _pay_by_card_at_the_provider(page, shop, live_server, merchant, catalog, "Approve")
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "paid")
    expect(page.locator("[data-kassa-status]")).to_have_text("Payment successful")
    expect(page.get_by_label("How many?")).to_have_value("2")  # what was bought, not the page's default
    page.wait_for_function("window.heard.length > 0")
    assert page.evaluate("window.heard") == [["paid", order_id, "paid"]]
    # The address bar no longer carries the order and its secret; the page's own parameters stay.
    assert page.url.endswith("/card.html?campaign=spring")

    page.reload()  # a reload is a fresh checkout, not the same payment again
    expect(form).to_have_attribute("data-kassa-state", "ready")
    expect(page.locator("[data-kassa-status]")).to_have_text("")
    assert page.evaluate("window.heard") == []


def test_headless_components_show_a_declined_card_payment_and_let_the_shopper_try_again(
    page: Page, live_server, sandbox, shop, merchant, catalog
):
    _pay_by_card_at_the_provider(page, shop, live_server, merchant, catalog, "Decline")
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "failed")
    expect(page.locator("[data-kassa-status]")).to_have_text("Payment failed")
    expect(page.locator("[data-kassa-error=form]")).to_have_text(  # as Kassa's hosted checkout says it
        "The payment was not completed: declined by the card holder. No money was taken. You can try again."
    )
    page.wait_for_function("window.heard.length > 0")
    assert page.evaluate("window.heard") == [["failed", "payment_failed"]]
    assert page.url.endswith("/card.html?campaign=spring")
    expect(page.get_by_role("button", name="Buy now")).to_be_enabled()


def test_a_forged_client_secret_in_the_address_shows_nothing_of_the_order(
    page: Page, live_server, sandbox, shop, merchant, catalog, pk_api
):
    order = pk_api.post(
        "/orders", json={"items": [{"sku": catalog["sku"], "quantity": 3}], "agreement_accepted": True}
    ).json
    url = _card_components_page(shop, live_server, merchant, catalog)
    page.goto(
        f"{url}?kassa_order={order['id']}&kassa_client_secret={order['id']}_secret_guess&redirect_status=succeeded"
    )
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "failed")
    expect(page.locator("[data-kassa-error=form]")).to_contain_text("could not be found")
    expect(page.get_by_label("How many?")).to_have_value("1")  # not the order's 3
    assert page.evaluate("window.heard") == [["failed", "payment_not_found"]]
    assert page.url.endswith("/card.html")


def test_a_checkout_session_offers_only_one_off_options_in_the_panel_and_the_components(
    page: Page, app, client, live_server, shop, merchant, catalog
):
    """A session sells one-off purchases (Kassa refuses a subscription SKU there): neither the ready-made panel
    nor the headless components offer the product's subscription option, so the shopper never picks one only to
    be refused at Pay."""
    from tests.conftest import Api
    from tests.support.signing import make_recurring

    make_recurring(app, catalog["sku"], "month")
    api = Api(client, merchant.secret_key)
    session = api.post("/checkout_sessions", json={"product": catalog["product"], "customer": {"id": "cus_s"}}).json
    url = shop.page(
        "session_options.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" data-kassa-session="{session["client_secret"]}"
      novalidate>
  <label>Plan <select data-kassa-sku></select></label>
  <p>Total <span data-kassa-total></span></p>
</form><div id="panel"></div>"""
        + _client_script(live_server, merchant.publishable_key)
        + f"""
<script>window.checkout = kassa.components.checkout('[data-kassa-checkout]');
  kassa.mountPanel('#panel', {{ session: '{session["client_secret"]}' }});</script>""",
    )
    page.goto(url)
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "ready")
    assert page.get_by_label("Plan").locator("option").all_inner_texts() == ["Founder edition — $25.00"]
    expect(page.locator("[data-kassa-total]")).to_have_text("$25.00")
    frame = page.frame_locator("iframe[title='Checkout']")
    expect(frame.get_by_test_id("total")).to_have_text("$25.00")
    expect(frame.get_by_text("30 days")).to_have_count(0)


def test_headless_components_charge_in_the_currency_the_page_asks_for(
    page: Page, api, live_server, sandbox, shop, merchant, catalog
):
    euro_price = {"prices": [{"amount": 899, "currency": "eur"}]}
    assert api.patch(f"/skus/{catalog['sku']}", json=euro_price).status_code == 200
    url = shop.page(
        "euro.html",
        f"""
<form data-kassa-checkout data-kassa-product="{catalog["product"]}" data-kassa-currency="EUR" novalidate>
  <label>Plan <select data-kassa-sku></select></label>
  <p>Total <span data-kassa-total></span></p>
  <label><input type="radio" name="channel" value="sandbox_qr" data-kassa-channel checked> QR</label>
  <label><input type="checkbox" data-kassa-agreement checked> I agree</label>
  <button data-kassa-pay>Buy now</button>
</form>"""
        + _client_script(live_server, merchant.publishable_key)
        + """
<script>window.checkout = kassa.components.checkout('[data-kassa-checkout]');</script>""",
    )
    page.goto(url)
    form = page.locator("[data-kassa-checkout]")
    expect(form).to_have_attribute("data-kassa-state", "ready")
    plans = page.get_by_label("Plan").locator("option").all_inner_texts()
    assert any(p.endswith("€8.99") for p in plans), plans  # the SKU priced in euros shows its euro price
    assert any("$" in p for p in plans), plans  # one without a euro price keeps its own
    page.get_by_label("Plan").select_option(catalog["sku"])
    expect(page.locator("[data-kassa-total]")).to_have_text("€8.99")

    with page.expect_response(MADE_AND_PAYING) as paid_response:
        page.get_by_role("button", name="Buy now").click()
    sandbox.simulate(paid_response.value.json()["payment"]["provider_reference"], "succeeded")
    expect(form).to_have_attribute("data-kassa-state", "paid")
    order = api.get(f"/orders/{page.evaluate('window.checkout.state.order.id')}").json
    assert order["amount"]["total"] == 899 and order["amount"]["currency"] == "eur"
    assert [(p["amount"], p["currency"], p["status"]) for p in order["payments"]] == [(899, "eur", "succeeded")]


def _answer_before_leaving(page: Page, url: str, button: str) -> dict:
    """Press ``button`` and return the JSON Kassa answered to the request to ``url`` it makes. The page goes on to
    the provider at once, and a browser drops the body of an answer a page navigated away from, so the body is
    read as it passes (a route that forwards the request unchanged)."""
    answered: dict = {}

    def keep(route: Route) -> None:
        response = route.fetch()
        answered.update(response.json())
        route.fulfill(response=response)

    page.route(re.compile(url), keep)
    try:
        with page.expect_response(re.compile(url)):
            page.get_by_role("button", name=button).click()
    finally:
        page.unroute(re.compile(url), keep)
    return answered


def _subscribe_with_the_card(page: Page) -> dict:
    """Pay with the card, agree and press Subscribe on the components' page: what POST /subscriptions answered."""
    page.get_by_label("Card").check()
    page.get_by_label("I agree").check()
    return _answer_before_leaving(page, r"/api/v1/subscriptions$", "Subscribe")


def test_headless_components_say_the_free_trial_a_subscription_starts(
    page: Page, app, api, live_server, sandbox, shop, merchant, catalog
):
    from tests.support.signing import make_recurring

    make_recurring(app, catalog["sku"], "month")
    assert (
        api.patch(
            f"/skus/{catalog['sku']}",
            json={"subscription": {"interval": "month", "interval_count": 1, "trial_days": 14}},
        ).status_code
        == 200
    )
    page.goto(_subscribe_page(shop, live_server, merchant, catalog))
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "ready")
    expect(page.locator("[data-kassa-terms]")).to_have_text("14-day free trial, then $9.99 every month")
    expect(page.locator("[data-kassa-total]")).to_have_text("$0.00")
    created = _subscribe_with_the_card(page)
    assert created["order"]["amount"]["total"] == 0 and created["subscription"]["trial_days"] == 14
    page.wait_for_url(re.compile(r"/sandbox/pay/"))
    expect(page.get_by_text("Nothing to pay now")).to_be_visible()


def test_headless_components_open_a_subscription_with_the_coupon_they_priced(
    page: Page, app, api, live_server, sandbox, shop, merchant, catalog
):
    from app.catalog.coupons import create_coupon
    from tests.support.signing import make_recurring

    make_recurring(app, catalog["sku"], "month")
    with app.app_context():
        create_coupon(merchant.id, {"code": "TWOOFF", "kind": "amount_off", "amount_off": 200, "currency": "usd"})
    page.goto(_subscribe_page(shop, live_server, merchant, catalog))
    expect(page.locator("[data-kassa-checkout]")).to_have_attribute("data-kassa-state", "ready")
    page.get_by_label("Coupon").fill("twooff")
    expect(page.locator("[data-kassa-total]")).to_have_text("$7.99")
    created = _subscribe_with_the_card(page)
    assert created["order"]["amount"]["total"] == 799  # as the page said; every renewal charges the list price
    assert created["subscription"]["price"] == {"amount": 999, "currency": "usd"}
