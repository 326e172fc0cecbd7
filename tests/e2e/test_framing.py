"""Clickjacking, tried in a browser: a page of another origin frames Kassa's hosted checkout (a decoy over its Pay)
and Chromium refuses it; the embedded panel framed by the merchant's own listed site loads."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.e2e import test_sdk

pytestmark = pytest.mark.e2e

shop = test_sdk.shop  # the other origin: a static site on a loopback port of its own


@pytest.fixture
def live_pk_for(app, merchant):
    """A live publishable key of ``merchant``, whose allowed origins are exactly ``origin``."""
    from app.extensions import db
    from app.merchants.origins import set_allowed_origins
    from app.merchants.services import issue_key

    def make(origin: str) -> str:
        with app.app_context():
            _, raw = issue_key(merchant.id, "publishable", "live")
            db.session.commit()
            set_allowed_origins(merchant.id, [origin])
        return raw

    return make


def test_another_origin_cannot_frame_the_checkout_but_the_listed_site_frames_the_panel(
    page: Page, live_server, shop, catalog, live_pk_for
):
    key = live_pk_for(shop.url)
    checkout = f"{live_server}/checkout/{catalog['product']}"
    panel = f"{live_server}/embed/{catalog['product']}?key={key}&origin={shop.url}&frame=f1"
    decoy = shop.page(
        "decoy.html",
        f"<h1>Win a prize</h1><iframe id='checkout' title='Hosted' src='{checkout}'></iframe>"
        f"<iframe id='panel' title='Embedded' src='{panel}'></iframe>",
    )
    refusals: list[str] = []
    page.on("console", lambda message: refusals.append(message.text) if "frame-ancestors" in message.text else None)
    page.goto(decoy)

    embedded = page.frame_locator("#panel")
    expect(embedded.get_by_role("heading", name="Pro membership")).to_be_visible()  # the listed site's panel loads
    expect(page.frame_locator("#checkout").get_by_role("heading", name="Pro membership")).to_have_count(0)
    hosted = page.locator("#checkout").element_handle().content_frame()
    assert hosted is not None and not hosted.url.startswith(live_server)  # Chromium's error page, not the checkout
    assert any(f"Framing '{live_server}/'" in text for text in refusals), refusals  # refused for this reason
