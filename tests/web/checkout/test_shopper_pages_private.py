"""A shopper's pages opened with a client secret are private: the checkout session's panel ("Paying as …", hosted or
embedded) and the order's status page ("A receipt is on its way to …") show the shopper's email and what they buy,
and their address is the secret that opens them, so no shared cache may keep them and no other site's Referer may
carry them, as the receipt and billing pages already were."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from tests.checkout_sessions.test_checkout_sessions import SHOP, session_for

EMAIL = "rich@example.test"


def _private(answer) -> bool:
    # same-origin, not no-referrer: the page's own forms must send their Referer over HTTPS (the CSRF check).
    return (
        answer.headers.get("Cache-Control") == "private, no-store"
        and answer.headers.get("Referrer-Policy") == "same-origin"
    )


def test_pages_opened_with_a_client_secret_are_kept_out_of_caches_and_referers(api, client, merchant, catalog):
    session = session_for(api, catalog)
    url = urlsplit(session["url"])
    hosted = client.get(f"{url.path}?{url.query}")
    embedded = client.get(
        f"/embed/session?key={merchant.publishable_key}&origin={SHOP}&session={session['client_secret']}"
    )
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "agreement_accepted": True,
            "customer": {"id": "cus_rich", "email": EMAIL},
        },
    ).json
    status = client.get(f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}")
    token = re.search(r'name="embed_token" value="([^"]+)"', embedded.get_data(as_text=True)).group(1)
    status_embedded = client.get(f"/embed/orders/{order['id']}?client_secret={order['client_secret']}&token={token}")
    for answer in (hosted, embedded, status, status_embedded):
        assert answer.status_code == 200, answer.request.path
        assert _private(answer), (answer.request.path, dict(answer.headers))
    assert EMAIL in hosted.get_data(as_text=True)

    product_page = client.get(f"/checkout/{catalog['product']}")  # a product's page holds nobody's data
    assert product_page.status_code == 200 and "no-store" not in product_page.headers.get("Cache-Control", "")


def test_the_session_page_still_pays_over_https(api, client, catalog):
    # Over HTTPS the CSRF check refuses a POST without a Referer of this site; a page answering no-referrer would
    # have its own Pay refused with a 400 "The referrer header is missing".
    session = session_for(api, catalog)
    url = urlsplit(session["url"])
    page = client.get(f"{url.path}?{url.query}", base_url="https://pay.example")
    assert page.headers["Referrer-Policy"] == "same-origin"  # a browser sends the page's address to this site
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    paid = client.post(
        f"{url.path}/pay",
        base_url="https://pay.example",
        headers={"Referer": f"https://pay.example{url.path}?{url.query}"},
        data={
            "csrf_token": token,
            "client_secret": session["client_secret"],
            "sku": catalog["sku"],
            "quantity": "1",
            "channel": "sandbox_card",
            "agree": "on",
        },
    )
    assert paid.status_code in (200, 302, 303), paid.get_data(as_text=True)[:300]
