"""The class of test behind issue 8 item 1: walk every route a browser may call without a secret key (the
publishable-key API, the hosted checkout, the embedded panel, the order stream), name a funded customer
wherever a customer can be named, and check that no answer — JSON or HTML — shows that customer's wallet
or balance, and that nothing spent it. A new such route fails the coverage test until it is listed here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

import pytest

from tests.conftest import Api

RICH = "cus_rich_target"
AMOUNT = 73219  # a balance no page would show by chance: $732.19
TELLTALES = ("73219", "732.19", "Wallet balance", 'value="wallet"', '"code":"wallet"', '"code": "wallet"')
SHOP = "https://shop.example"


@dataclass
class Ctx:
    """What the calls need: a client, the keys, the catalog, an order a publishable key made naming the rich
    customer, and a checkout session of somebody else."""

    client: object
    pk: Api
    sk: Api
    merchant: object
    catalog: dict
    order: dict
    session: dict

    def csrf(self, path: str) -> str:
        page = self.client.get(path).get_data(as_text=True)
        return re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def embed_token(self, path: str) -> str:
        page = self.client.get(path).get_data(as_text=True)
        return re.search(r'name="embed_token" value="([^"]+)"', page).group(1)

    @property
    def product_page(self) -> str:
        return f"/checkout/{self.catalog['product']}?customer={RICH}"

    @property
    def embed_page(self) -> str:
        return f"/embed/{self.catalog['product']}?key={self.merchant.publishable_key}&origin={SHOP}&customer={RICH}"

    @property
    def session_path(self) -> str:
        return f"/checkout/sessions/{self.session['id']}"

    @property
    def embed_session_page(self) -> str:
        return (
            f"/embed/session?key={self.merchant.publishable_key}&origin={SHOP}"
            f"&session={self.session['client_secret']}&customer={RICH}"
        )

    def form(self, **extra) -> dict:
        return {
            "sku": self.catalog["sku"],
            "quantity": "1",
            "channel": "wallet",
            "agree": "on",
            "customer": RICH,
            **extra,
        }


CALLS: dict[str, Callable[[Ctx], list]] = {
    "api.products_index": lambda c: [c.pk.get(f"/products?customer={RICH}")],
    "api.products_show": lambda c: [c.pk.get(f"/products/{c.catalog['product']}?customer={RICH}")],
    "api.quotes_create": lambda c: [
        c.pk.post("/quotes", json={"items": [{"sku": c.catalog["sku"], "quantity": 1}], "customer": {"id": RICH}})
    ],
    "api.orders_create": lambda c: [
        c.pk.post(
            "/orders",
            json={
                "items": [{"sku": c.catalog["sku"], "quantity": 1}],
                "customer": {"id": RICH},
                "agreement_accepted": True,
            },
        )
    ],
    "api.orders_show": lambda c: [c.pk.get(f"/orders/{c.order['id']}?client_secret={c.order['client_secret']}")],
    # The coupon wallet of the order's customer: a browser-claimed customer has none to list.
    "api.orders_coupons_index": lambda c: [
        c.pk.get(f"/orders/{c.order['id']}/coupons?client_secret={c.order['client_secret']}&customer={RICH}")
    ],
    "api.orders_pay": lambda c: [
        c.pk.post(
            f"/orders/{c.order['id']}/pay", json={"channel": "wallet", "client_secret": c.order["client_secret"]}
        ),
        c.pk.post(
            f"/orders/{c.order['id']}/pay?customer={RICH}",
            json={"channel": "wallet", "client_secret": c.order["client_secret"], "customer": {"id": RICH}},
        ),
    ],
    # A publishable key only claims the customer: the contract's first order cannot spend their wallet.
    "api.subscriptions_create": lambda c: _subscribe_and_pay_from_wallet(c),
    "api.order_events_index": lambda c: [
        c.pk.get(f"/orders/{c.order['id']}/events?client_secret={c.order['client_secret']}")
    ],
    "api.orders_refund_requests": lambda c: [
        c.pk.post(
            f"/orders/{c.order['id']}/refund_requests?customer={RICH}",
            json={"reason": "mine", "client_secret": c.order["client_secret"], "customer": {"id": RICH}},
        )
    ],
    "api.customers_topup": lambda c: [
        c.pk.post(f"/customers/{RICH}/topups", json={"amount": 100, "currency": "usd", "channel": "wallet"})
    ],
    "api.orders_stream": lambda c: [
        _first_event(
            c.client.get(
                f"/api/v1/orders/{c.order['id']}/stream?client_secret={c.order['client_secret']}", buffered=False
            )
        )
    ],
    "checkout.product_page": lambda c: [c.client.get(c.product_page)],
    "checkout.quote": lambda c: [
        c.client.post(f"/checkout/{c.catalog['product']}/quote", data=c.form(csrf_token=c.csrf(c.product_page)))
    ],
    "checkout.pay": lambda c: [
        c.client.post(f"/checkout/{c.catalog['product']}/pay", data=c.form(csrf_token=c.csrf(c.product_page)))
    ],
    "checkout.order_page": lambda c: [
        c.client.get(f"/checkout/orders/{c.order['id']}?client_secret={c.order['client_secret']}&customer={RICH}")
    ],
    "checkout.receipt": lambda c: [
        c.client.get(f"/checkout/receipts/{c.order['id']}?client_secret={c.order['client_secret']}&customer={RICH}")
    ],
    "checkout.retry_payment": lambda c: [
        c.client.post(
            f"/checkout/orders/{c.order['id']}/pay",
            data={
                "csrf_token": c.csrf(c.product_page),
                "client_secret": c.order["client_secret"],
                "channel": "wallet",
                "customer": RICH,
            },
        )
    ],
    "api.orders_change_payment_method": lambda c: [
        c.pk.post(
            f"/orders/{c.order['id']}/change_payment_method",
            json={"client_secret": c.order["client_secret"], "customer": {"id": RICH}},
        )
    ],
    "checkout.switch_method": lambda c: [
        c.client.post(
            f"/checkout/orders/{c.order['id']}/switch",
            data={"csrf_token": c.csrf(c.product_page), "client_secret": c.order["client_secret"], "customer": RICH},
        )
    ],
    "checkout.session_page": lambda c: [
        c.client.get(f"{c.session_path}?client_secret={c.session['client_secret']}&customer={RICH}")
    ],
    "checkout.session_quote": lambda c: [
        c.client.post(
            f"{c.session_path}/quote",
            data=c.form(csrf_token=c.csrf(c.product_page), client_secret=c.session["client_secret"]),
        )
    ],
    "checkout.session_pay": lambda c: [
        c.client.post(
            f"{c.session_path}/pay",
            data=c.form(csrf_token=c.csrf(c.product_page), client_secret=c.session["client_secret"]),
        )
    ],
    "checkout.terms": lambda c: [c.client.get(f"/checkout/terms/{c.merchant.id}?customer={RICH}")],
    # The Stripe card page shows only the attempt its signed link names
    # (tests/payments/channels/stripe/test_card_page.py).
    "checkout.card_page": lambda c: [c.client.get(f"/checkout/card/not-a-signed-link?customer={RICH}")],
    "checkout.card_confirm": lambda c: [
        c.client.post("/checkout/card/not-a-signed-link", json={"payment_method": "pm_x", "customer": RICH})
    ],
    "checkout.logo": lambda c: [c.client.get(f"/checkout/logos/{c.merchant.id}?customer={RICH}")],
    # Self-service pages answer only a link the merchant's server signed; naming a customer does nothing.
    "checkout.billing": lambda c: [
        c.client.get(f"/checkout/billing/not-a-signed-link?customer={RICH}"),
        c.client.get(_billing_link(c, "cus_poor") + f"?customer={RICH}"),
    ],
    "checkout.billing_cancel_confirm": lambda c: [
        c.client.get(f"/checkout/billing/not-a-signed-link/subscriptions/sub_x/cancel?customer={RICH}")
    ],
    "checkout.billing_cancel": lambda c: [
        c.client.post("/checkout/billing/not-a-signed-link/subscriptions/sub_x/cancel", data={"customer": RICH})
    ],
    "checkout.billing_payment_method": lambda c: [
        c.client.get(f"/checkout/billing/not-a-signed-link/subscriptions/sub_x/payment_method?customer={RICH}")
    ],
    # Not even a wallet named as the new payment method: the wallet is no channel that signs for nothing.
    "checkout.billing_payment_method_update": lambda c: [
        c.client.post(
            "/checkout/billing/not-a-signed-link/subscriptions/sub_x/payment_method",
            data={"customer": RICH, "channel": "wallet"},
        )
    ],
    "checkout.billing_payment_method_return": lambda c: [
        c.client.get(f"/checkout/billing/payment_method/mset_x?token=not-a-signed-link&customer={RICH}")
    ],
    "checkout.billing_payment_method_outcome": lambda c: [
        c.client.get(f"/checkout/billing/not-a-signed-link/subscriptions/sub_x/payment_method/mset_x?customer={RICH}")
    ],
    # A saved card is removed only through the customer's own signed link; naming another customer does nothing.
    "checkout.billing_card_remove_confirm": lambda c: [
        c.client.get(f"/checkout/billing/not-a-signed-link/payment_methods/spm_x/remove?customer={RICH}")
    ],
    "checkout.billing_card_remove": lambda c: [
        c.client.post("/checkout/billing/not-a-signed-link/payment_methods/spm_x/remove", data={"customer": RICH})
    ],
    # The language picker only sets a cookie and goes back to a checkout page of this site.
    "checkout.choose_language": lambda c: [
        c.client.get(f"/checkout/language/de?next=/checkout/{c.catalog['product']}%3Fcustomer%3D{RICH}"),
        c.client.get(f"/checkout/language/fr?next=https://shop.example/&customer={RICH}"),
    ],
    "checkout.media": lambda c: [c.client.get(f"/checkout/media/{'0' * 32}.png?customer={RICH}")],
    # The way back from a redirect channel answers only a token Kassa signed for one order; a forged one is a 404.
    "checkout.payment_return": lambda c: [
        c.client.get(f"/checkout/return/not-a-signed-token?customer={RICH}"),
        c.client.get(_return_link(c) + f"?customer={RICH}"),
    ],
    "embed.panel": lambda c: [c.client.get(c.embed_page)],
    "embed.quote": lambda c: [
        c.client.post(f"/embed/{c.catalog['product']}/quote", data=c.form(embed_token=c.embed_token(c.embed_page)))
    ],
    "embed.pay": lambda c: [
        c.client.post(f"/embed/{c.catalog['product']}/pay", data=c.form(embed_token=c.embed_token(c.embed_page)))
    ],
    "embed.order_status": lambda c: [
        c.client.get(
            f"/embed/orders/{c.order['id']}?client_secret="
            f"{c.order['client_secret']}&token={c.embed_token(c.embed_page)}"
            f"&customer={RICH}"
        )
    ],
    "embed.retry_payment": lambda c: [
        c.client.post(
            f"/embed/orders/{c.order['id']}/pay",
            data={
                "embed_token": c.embed_token(c.embed_page),
                "client_secret": c.order["client_secret"],
                "channel": "wallet",
                "customer": RICH,
            },
        )
    ],
    "embed.switch_method": lambda c: [
        c.client.post(
            f"/embed/orders/{c.order['id']}/switch",
            data={
                "embed_token": c.embed_token(c.embed_page),
                "client_secret": c.order["client_secret"],
                "customer": RICH,
            },
        )
    ],
    "embed.session_panel": lambda c: [c.client.get(c.embed_session_page)],
    "embed.session_quote": lambda c: [
        c.client.post(
            f"/embed/sessions/{c.session['id']}/quote", data=c.form(embed_token=c.embed_token(c.embed_session_page))
        )
    ],
    "embed.session_pay": lambda c: [
        c.client.post(
            f"/embed/sessions/{c.session['id']}/pay", data=c.form(embed_token=c.embed_token(c.embed_session_page))
        )
    ],
}


def _subscribe_and_pay_from_wallet(c: Ctx) -> list:
    from tests.support.signing import make_recurring

    make_recurring(c.client.application, c.catalog["limited_sku"])
    created = c.pk.post(
        "/subscriptions", json={"sku": c.catalog["limited_sku"], "customer": {"id": RICH}, "agreement_accepted": True}
    )
    order = created.json["order"]
    return [
        created,
        c.pk.post(f"/orders/{order['id']}/pay", json={"channel": "wallet", "client_secret": order["client_secret"]}),
    ]


def _billing_link(c: Ctx, customer: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(c.sk.post(f"/customers/{customer}/billing_links").json["url"]).path


def _return_link(c: Ctx) -> str:
    from flask import current_app

    from app.payments.attempts.returns import return_token

    with c.client.application.app_context():
        token = return_token(current_app.config["SECRET_KEY"], c.order["id"], f"{SHOP}/back?customer={RICH}")
    return f"/checkout/return/{token}"


def _first_event(response) -> str:
    """The stream's first event (it would otherwise run until the order is decided)."""
    text = ""
    for chunk in response.response:
        text += chunk.decode() if isinstance(chunk, bytes) else chunk
        if "event: status" in text and text.endswith("\n\n"):
            break
    response.close()
    return text


def browser_routes(app) -> set[str]:
    """Every endpoint a page can call without a secret key."""
    found = set()
    for endpoint, view in app.view_functions.items():
        if endpoint.startswith(("checkout.", "embed.")) or getattr(view, "cors_publishable", False):
            found.add(endpoint)
    assert found, "no route a browser may call: a walk over them would test nothing"
    return found


def test_every_route_without_a_secret_key_is_walked(app):
    assert browser_routes(app) == set(CALLS)


@pytest.fixture
def ctx(app, client, merchant, catalog) -> Ctx:
    from app.extensions import db
    from app.ledger.wallet.services import credit_topup
    from app.platform.values.money import Money

    with app.app_context():
        credit_topup(merchant.id, RICH, Money(AMOUNT, "usd"), reference="seed_rich", livemode=False)
        db.session.commit()
    pk, sk = Api(client, merchant.publishable_key), Api(client, merchant.secret_key)
    order = pk.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": RICH}, "agreement_accepted": True},
    ).json
    session = sk.post(
        "/checkout_sessions", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "cus_poor"}}
    ).json
    return Ctx(client, pk, sk, merchant, catalog, order, session)


def _text(response) -> str:
    return response if isinstance(response, str) else response.get_data(as_text=True)


@pytest.mark.parametrize("endpoint", sorted(CALLS))
def test_no_route_without_a_secret_key_reveals_or_spends_a_named_wallet(ctx, endpoint):
    for response in CALLS[endpoint](ctx):
        status = getattr(response, "status_code", 200)
        assert status < 500, (endpoint, status)
        body = _text(response)
        shown = [t for t in TELLTALES if t in body]
        assert shown == [], (endpoint, shown)
    held = ctx.sk.get(f"/customers/{RICH}/balance").json
    assert held["available"] == [{"amount": AMOUNT, "currency": "usd"}], endpoint
    assert held["frozen"] in ([], [{"amount": 0, "currency": "usd"}]), endpoint
