"""A value the checkout reads from its address, given twice (a merchant's link built by appending, two links pasted
together), is a page in the shopper's language saying the link is unclear, never a panel priced from the first value
while the link also said another (``?quantity=1&quantity=5`` sold one, ``?currency=usd&currency=eur`` priced in
dollars). A parameter the checkout does not read (a campaign's ``utm_source``) is ignored, twice or not."""

from __future__ import annotations

import pytest

ORIGIN = "https://shop.example"


def _order(api, catalog) -> dict:
    return api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": "cus_twice"},
            "agreement_accepted": True,
        },
    ).json


def _pages(api, merchant, catalog) -> dict[str, str]:
    order = _order(api, catalog)
    session = api.post(
        "/checkout_sessions",
        json={"product": catalog["product"], "customer": {"id": "cus_twice"}, "success_url": "https://shop.example/ok"},
    ).json
    embed = f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin={ORIGIN}"
    return {
        "product": f"/checkout/{catalog['product']}",
        "session": f"/checkout/sessions/{session['id']}?client_secret={session['client_secret']}",
        "order": f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}",
        "receipt": f"/checkout/receipts/{order['id']}?client_secret={order['client_secret']}",
        "embed": embed,
        "embed_session": f"/embed/session?key={merchant.publishable_key}&origin={ORIGIN}"
        f"&session={session['client_secret']}",
    }


def _with(page: str, query: str) -> str:
    return page + ("&" if "?" in page else "?") + query


@pytest.mark.parametrize(
    "page, query, param",
    [
        ("product", "quantity=1&quantity=5", "quantity"),
        ("product", "currency=usd&currency=eur", "currency"),
        ("product", "sku=sku_test_month&sku=sku_test_limited", "sku"),
        ("product", "coupon=A&coupon=B", "coupon"),
        ("session", "client_secret=cs_other", "client_secret"),
        ("order", "client_secret=x", "client_secret"),
        ("receipt", "client_secret=x", "client_secret"),
        ("embed", "quantity=1&quantity=5", "quantity"),
        ("embed", "origin=https://other.example", "origin"),
        ("embed", "key=pk_other", "key"),
        ("embed_session", "session=cs_other", "session"),
        ("embed", "locale=de&locale=fr", "locale"),
    ],
)
def test_a_value_given_twice_in_a_checkout_link_is_a_page_saying_so(client, api, merchant, catalog, page, query, param):
    url = _with(_pages(api, merchant, catalog)[page], query)
    refused = client.get(url)
    text = refused.get_data(as_text=True)
    assert refused.status_code == 400, (url, refused.status_code)
    assert "text/html" in refused.content_type  # a page, not the API's JSON
    assert f"This link gives “{param}” 2 times" in text, text[:2000]


def test_the_page_speaks_the_shoppers_language(client, api, merchant, catalog):
    url = _with(_pages(api, merchant, catalog)["product"], "quantity=1&quantity=5")
    for language, says in [("de", "Dieser Link nennt „quantity“ 2-mal"), ("fr", "Ce lien donne « quantity » 2 fois")]:
        refused = client.get(url, headers={"Accept-Language": language})
        assert refused.status_code == 400 and says in refused.get_data(as_text=True), language


def test_a_parameter_the_checkout_does_not_read_may_come_twice(client, api, merchant, catalog):
    for name, page in _pages(api, merchant, catalog).items():
        if name == "receipt":
            continue  # the order is not paid: it has no receipt to show
        shown = client.get(_with(page, "utm_source=news&utm_source=ad&quantity=2"))
        assert shown.status_code == 200, (page, shown.status_code)


def test_an_htmx_poll_with_a_repeat_says_so_in_the_page_alert(client, api, merchant, catalog):
    order = _order(api, catalog)
    refused = client.get(
        f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}&seen=a&seen=b",
        headers={"HX-Request": "true"},
    )
    assert refused.status_code == 400 and refused.headers["HX-Retarget"] == "#page-alert"
