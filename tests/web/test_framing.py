"""No site may frame a page of Kassa (clickjacking: a Pay, Cancel or wallet button under a decoy) but the embedded
panel, which exactly the merchant's allowed origins may frame. Default-deny: every route of the app's URL map is
asked, so a new route is covered the day it is added."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from tests.checkout_sessions.test_checkout_sessions import session_for
from tests.signing.renewals.test_renewals import monthly  # noqa: F401  (a fixture)
from tests.signing.test_self_service import billing_link
from tests.support.signing import pay_first_order, subscribe
from tests.web.embed.test_sdk_server import SHOP, live_pk  # noqa: F401  (a fixture)

LIVE_ORIGINS = "frame-ancestors https://shop.example http://localhost:8080"


def denied(response) -> bool:
    policy = response.headers.get("Content-Security-Policy", "")
    return (
        response.headers.get("X-Frame-Options") == "DENY"
        and re.search(r"(^|;)\s*frame-ancestors 'none'\s*(;|$)", policy) is not None
        and policy.count("frame-ancestors") == 1
    )


def _placeholder_url(rule) -> str:
    return re.sub(r"<[^>]+>", "x", rule.rule)


def test_every_route_of_the_app_refuses_to_be_framed_even_its_error_pages(app, client):
    """Each route in the URL map (the portal, the checkout, sessions, orders, receipts, billing, the API, the docs,
    callbacks) with made-up ids: the answer (mostly an error page) refuses framing, embed routes too. The only
    blueprint allowed to say otherwise is the embedded panel's."""
    from app.web.framing import EMBEDDABLE_BLUEPRINTS

    assert EMBEDDABLE_BLUEPRINTS == {"embed"}  # a new embeddable blueprint is a decision this test must be told of
    asked, framable = [], []
    for rule in app.url_map.iter_rules():
        for method in sorted({"GET", "POST"} & rule.methods):
            url = _placeholder_url(rule)
            response = client.open(url, method=method)
            asked.append((method, url))
            if not denied(response):
                framable.append((method, url, response.status_code, response.headers.get("Content-Security-Policy")))
    shopper = [url for _, url in asked if url.startswith(("/checkout/", "/embed/"))]
    assert len(shopper) >= 20 and any(url.startswith("/portal/") for _, url in asked)
    assert framable == []
    assert denied(client.get("/no/such/page"))  # the 404 of a route that does not exist


def test_the_shoppers_pages_refuse_to_be_framed(app, api, client, merchant, catalog, sandbox, worker, monthly):
    """The pages a shopper acts on, with real data: the product's checkout, a checkout session (which pays from the
    customer's wallet), an order's status page, its receipt, and the billing self-service (cancel, new card)."""
    created = subscribe(api, monthly)
    sub, order = pay_first_order(api, sandbox, worker, created), created["order"]
    session = urlsplit(session_for(api, catalog, items=[{"sku": catalog["limited_sku"], "quantity": 1}])["url"])
    billing = billing_link(api)
    pages = {
        "product": f"/checkout/{catalog['product']}",
        "session": f"{session.path}?{session.query}",
        "order": f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}",
        "receipt": f"/checkout/receipts/{order['id']}?client_secret={order['client_secret']}",
        "billing": billing,
        "cancel": f"{billing}/subscriptions/{sub['id']}/cancel",
        "update card": f"{billing}/subscriptions/{sub['id']}/payment_method",
        "terms": f"/checkout/terms/{merchant.id}",
    }
    answers = {name: client.get(url) for name, url in pages.items()}
    assert {name: answer.status_code for name, answer in answers.items()} == dict.fromkeys(pages, 200)
    assert [name for name, answer in answers.items() if not denied(answer)] == []


def test_the_embedded_panel_is_framed_by_exactly_the_merchants_allowed_origins(client, catalog, live_pk):
    panel = client.get(f"/embed/{catalog['product']}?key={live_pk}&origin={SHOP}")
    assert panel.status_code == 200
    assert panel.headers["Content-Security-Policy"] == LIVE_ORIGINS
    assert "X-Frame-Options" not in panel.headers  # XFO has no allow-list: it would refuse the merchant's page too
    token = re.search(r'name="embed_token" value="([^"]+)"', panel.get_data(as_text=True)).group(1)
    form = {"sku": catalog["sku"], "quantity": "2", "embed_token": token}
    quote = client.post(f"/embed/{catalog['product']}/quote", data=form, headers={"HX-Request": "true"})
    assert quote.status_code == 200 and quote.headers["Content-Security-Policy"] == LIVE_ORIGINS
    assert "X-Frame-Options" not in quote.headers
    # The refusal tells only the origin it refuses (in its frame, so the SDK hears why); the error page of a known
    # merchant's panel (an unknown product) shows only to the allowed page that asked.
    refused = client.get(f"/embed/{catalog['product']}?key={live_pk}&origin=https://evil.example")
    assert refused.status_code == 403
    assert refused.headers["Content-Security-Policy"] == "frame-ancestors https://evil.example"
    gone = client.get(f"/embed/prod_missing?key={live_pk}&origin={SHOP}")
    assert gone.status_code == 404 and gone.headers["Content-Security-Policy"] == f"frame-ancestors {SHOP}"
    assert "X-Frame-Options" not in gone.headers
    # An unknown key's refusal holds nothing but the refusal, shown in the frame of the page that asked (so the SDK
    # hears why nothing shows); asked without an origin, it is framed by nobody.
    unknown = client.get(f"/embed/{catalog['product']}?key=pk_live_unknown&origin={SHOP}")
    assert unknown.status_code == 401 and unknown.headers["Content-Security-Policy"] == f"frame-ancestors {SHOP}"
    assert "<form" not in unknown.get_data(as_text=True) and "<button" not in unknown.get_data(as_text=True)
    assert denied(client.get(f"/embed/{catalog['product']}?key=pk_live_unknown"))
    assert denied(client.get("/embed/orders/ord_x?token=forged"))


@pytest.mark.parametrize("origin", ["https://evil.example;script-src", "http://a b"])
def test_a_refused_origin_cannot_write_into_the_policy(client, catalog, live_pk, origin):
    refused = client.get(f"/embed/{catalog['product']}", query_string={"key": live_pk, "origin": origin})
    policy = refused.headers.get("Content-Security-Policy", "")
    assert "script-src" not in policy and " b" not in policy
