"""The portal's customers: the recent buyers, a search by id, its beginning or email, and a customer's page with
what they spent, their orders and subscriptions, and (for owners) their data's download and erasure."""

from __future__ import annotations

import re
from urllib.parse import quote

from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, STAYS, STAYS_EMAIL, order_for, paid_order
from tests.web.api.test_livemode import live_key


def _customers(page: str) -> list[str]:
    """The customer ids the list shows, in its order."""
    return re.findall(r'href="/portal/customers/([^"/]+)"><code>', page)


def test_the_list_shows_the_latest_buyers_and_finds_one_by_id_beginning_or_email(
    app, client, api, merchant, catalog, sandbox, worker, portal
):
    paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
    order_for(api, catalog["sku"], STAYS, STAYS_EMAIL)
    order_for(live_key(app, client, merchant, "secret"), catalog["sku"], "cus_live_only", None)

    listed = portal.text("/portal/customers")
    assert _customers(listed) == [STAYS, GONE]  # the latest buyer first; live ones not in test mode
    assert "$9.99" in listed and GONE_EMAIL in listed
    assert _customers(portal.text("/portal/customers?q=cus_go")) == [GONE]
    assert _customers(portal.text(f"/portal/customers?q={GONE_EMAIL.upper()}")) == [GONE]
    nothing = portal.text("/portal/customers?q=cus_nobody")
    assert _customers(nothing) == [] and "No customer's id begins with “cus_nobody”" in nothing
    assert portal.post("/portal/mode", {"mode": "live"}).status_code == 302
    assert _customers(portal.text("/portal/customers")) == ["cus_live_only"]


def test_a_customers_page_shows_what_they_spent_their_orders_and_the_owners_actions(
    app, api, merchant, catalog, sandbox, worker, portal, member
):
    first = paid_order(api, sandbox, worker, catalog["sku"], GONE, GONE_EMAIL)
    paid_order(api, sandbox, worker, catalog["sku"], GONE, "second@example.test")
    assert api.post(f"/orders/{first['id']}/refunds", json={"amount": 499}).status_code in (200, 201)
    worker()

    page = portal.text(f"/portal/customers/{GONE}")
    assert "second@example.test, Gone.Person@example.test" in page  # the emails they gave, newest first
    assert "$14.99" in page  # $19.98 paid less the $4.99 refunded
    assert page.count('href="/portal/orders/ord_') == 2 and "No subscriptions." in page
    assert "Download their data (JSON)" in page and "Erase personal data…" in page
    assert f'href="/portal/customers/{GONE}"' in portal.text(f"/portal/orders/{first['id']}")  # from the order

    operator = member("operator")
    seen = operator.text(f"/portal/customers/{GONE}")
    assert "$14.99" in seen and "Download their data" not in seen and "Erase personal data" not in seen
    missing = portal.get("/portal/customers/cus_nobody")
    assert missing.status_code == 404 and "No orders or subscriptions name customer cus_nobody" in missing.get_data(
        as_text=True
    )
    assert member("developer").get("/portal/customers").status_code == 200  # everyone who sees orders


def test_a_search_ending_in_the_last_character_before_the_surrogates_finds_the_customer(api, catalog, portal):
    # A beginning is looked up as a range up to its last character's successor; after U+D7FF (a Hangul jamo) that
    # was a surrogate, which no UTF-8 text can hold, so the search, and the orders page's, answered a 500.
    order = order_for(api, catalog["sku"], "cus_\ud7ff\ud7ff", None).json
    typed = quote("cus_\ud7ff")
    assert _customers(portal.text(f"/portal/customers?q={typed}")) == [quote("cus_\ud7ff\ud7ff")]
    assert portal.get(f"/portal/orders?q={quote(order['id'][:-1] + chr(0xD7FF))}").status_code == 200


def test_no_cache_keeps_a_page_with_a_customers_data(api, catalog, portal):
    # The portal's pages came without Cache-Control, so a proxy or CDN in front of Kassa, or the browser of a
    # shared computer after signing out, could keep a customer's emails and spend.
    order = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    for path in (
        "/portal/customers",
        f"/portal/customers?q={GONE}",
        f"/portal/customers/{GONE}",
        f"/portal/orders/{order['id']}",
        "/portal/customers/cus_nobody",
    ):
        response = portal.get(path)
        assert GONE in response.get_data(as_text=True) or response.status_code == 404, path
        assert response.headers["Cache-Control"] == "private, no-store", path


def test_a_customer_id_a_browser_claimed_is_a_customer_of_its_own(api, pk_api, catalog, portal):
    assert order_for(api, catalog["sku"], GONE, GONE_EMAIL).status_code == 201
    claimed = order_for(pk_api, catalog["sku"], GONE, "mallory@evil.test").json

    page = portal.text(f"/portal/customers/{GONE}")
    assert "mallory@evil.test" not in page and page.count('href="/portal/orders/ord_') == 1
    theirs = portal.text(f"/portal/customers/{quote(claimed['customer']['id'])}")
    assert claimed["customer"]["id"] == f"pk:{GONE}" and "mallory@evil.test" in theirs
    assert f'href="/portal/orders/{claimed["id"]}"' in theirs
