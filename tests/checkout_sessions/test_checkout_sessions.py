"""Who the shopper is (issue 8, items 1 and 6): only the merchant's server names a customer whose wallet may
be shown or spent — with its secret key, or through a checkout session it created. A publishable key, a URL
parameter or an embed attribute never does; they check out as a guest or as an unverified customer."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.conftest import Api, wait_for
from tests.ledger.wallet.test_wallet import balance, top_up

CUSTOMER = "cus_rich"
SHOP = "https://shop.example"


@pytest.fixture
def funded(api, sandbox, worker, catalog) -> str:
    """A customer whose wallet holds $50.00, topped up by the merchant's server (secret key)."""
    top_up(api, sandbox, worker, 5000, customer=CUSTOMER)
    return CUSTOMER


def available(api, customer: str = CUSTOMER) -> list:
    return balance(api, customer)["available"]


def codes(order: dict) -> list[str]:
    return [c["code"] for c in order["available_channels"]]


def session_for(api, catalog, **extra) -> dict:
    body = {
        "items": [{"sku": catalog["sku"], "quantity": 1}],
        "customer": {"id": CUSTOMER, "email": "rich@example.test"},
        "success_url": "https://shop.example/thanks?s={CHECKOUT_SESSION_ID}",
        "cancel_url": "https://shop.example/cart",
        **extra,
    }
    response = api.post("/checkout_sessions", json=body)
    assert response.status_code == 201, response.json
    return response.json


def test_a_publishable_key_naming_a_funded_customer_never_sees_or_spends_the_wallet(api, pk_api, funded, catalog):
    created = pk_api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": funded},
            "agreement_accepted": True,
        },
    )
    assert created.status_code == 201, created.json
    order = created.json
    assert order["customer"]["id"] == f"pk:{funded}" and order["customer"]["source"] == "publishable_key"
    assert order["customer"]["verified"] is False
    assert "wallet" not in codes(order) and "sandbox_card" in codes(order)

    refused = pk_api.post(
        f"/orders/{order['id']}/pay", json={"channel": "wallet", "client_secret": order["client_secret"]}
    )
    assert refused.status_code == 400
    assert refused.json["error"]["code"] == "channel_unavailable"
    assert "checkout session" in refused.json["error"]["message"]
    assert available(api) == [{"amount": 5000, "currency": "usd"}]
    assert api.get(f"/orders/{order['id']}").json["status"] == "created"
    # Even the merchant's server cannot spend it for this order: the customer was never vouched for.
    assert api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"}).status_code == 400
    assert available(api) == [{"amount": 5000, "currency": "usd"}]


def test_a_publishable_key_may_leave_the_customer_out_and_gets_a_guest(pk_api, catalog):
    order = pk_api.post(
        "/orders", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "agreement_accepted": True}
    ).json
    assert order["customer"]["id"].startswith("guest_") and order["customer"]["source"] == "guest"


def test_a_checkout_session_lets_its_customer_pay_from_the_wallet(api, pk_api, funded, catalog, worker):
    session = session_for(api, catalog, metadata={"cart": "c-17"})
    assert session["id"].startswith("cs_") and session["object"] == "checkout_session"
    assert session["status"] == "open" and session["livemode"] is False
    assert session["customer"] == {"id": CUSTOMER, "email": "rich@example.test"}
    assert session["metadata"] == {"cart": "c-17"}
    assert session["client_secret"].startswith(session["id"] + "_secret_")
    url = urlsplit(session["url"])
    assert url.path == f"/checkout/sessions/{session['id']}"
    assert parse_qs(url.query)["client_secret"] == [session["client_secret"]]
    assert api.get(f"/checkout_sessions/{session['id']}").json["client_secret"] == session["client_secret"]

    created = pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True})
    assert created.status_code == 201, created.json
    order = created.json
    assert order["customer"] == {
        "id": CUSTOMER,
        "email": "rich@example.test",
        "source": "checkout_session",
        "verified": True,
    }
    assert order["checkout_session"] == session["id"]
    assert order["items"][0]["sku"] == catalog["sku"]
    assert "wallet" in codes(order)

    paid = pk_api.post(
        f"/orders/{order['id']}/pay", json={"channel": "wallet", "client_secret": order["client_secret"]}
    )
    assert paid.status_code == 200, paid.json
    assert paid.json["payment"]["status"] == "succeeded"
    assert available(api) == [{"amount": 5000 - 999, "currency": "usd"}]

    worker()  # order.paid completes the session
    done = api.get(f"/checkout_sessions/{session['id']}").json
    assert done["status"] == "complete" and done["order"] == order["id"]
    again = pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True})
    assert again.status_code == 409 and again.json["error"]["code"] == "checkout_session_complete"


def test_a_product_session_lets_the_shopper_choose_the_option_and_quantity(api, pk_api, catalog):
    session = session_for(api, catalog, items=None, product=catalog["product"])
    assert session["product"] == catalog["product"] and session["items"] is None
    order = pk_api.post(
        "/orders",
        json={
            "checkout_session": session["client_secret"],
            "agreement_accepted": True,
            "items": [{"sku": catalog["limited_sku"], "quantity": 2}],
        },
    )
    assert order.status_code == 201 and order.json["amount"]["total"] == 5000
    api.post("/products", json={"name": "Other", "skus": [{"name": "x", "price": {"amount": 100, "currency": "usd"}}]})
    other_sku = [p for p in api.get("/products").json["data"] if p["name"] == "Other"][0]["skus"][0]["id"]
    foreign = pk_api.post(
        "/orders",
        json={
            "checkout_session": session["client_secret"],
            "agreement_accepted": True,
            "items": [{"sku": other_sku, "quantity": 1}],
        },
    )
    assert foreign.status_code == 400 and foreign.json["error"]["param"] == "items[0].sku"
    missing = pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True})
    assert missing.status_code == 400 and missing.json["error"]["param"] == "items"


def test_a_session_cannot_be_used_by_another_merchant_or_for_another_customer(
    api, pk_api, client, catalog, other_merchant
):
    session = session_for(api, catalog)
    rival = Api(client, other_merchant.publishable_key)
    forged = rival.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True})
    assert forged.status_code == 400 and forged.json["error"]["code"] == "checkout_session_invalid"
    wrong = pk_api.post(
        "/orders", json={"checkout_session": session["id"] + "_secret_guessed", "agreement_accepted": True}
    )
    assert wrong.status_code == 400 and wrong.json["error"]["param"] == "checkout_session"
    other = pk_api.post(
        "/orders",
        json={
            "checkout_session": session["client_secret"],
            "agreement_accepted": True,
            "customer": {"id": "cus_someone_else"},
        },
    )
    assert other.status_code == 400 and other.json["error"]["param"] == "customer"
    assert Api(client, other_merchant.secret_key).get(f"/checkout_sessions/{session['id']}").status_code == 404
    # Nor can another merchant's page embed it.
    assert (
        client.get(
            f"/embed/session?key={other_merchant.publishable_key}&origin={SHOP}&session={session['client_secret']}"
        ).status_code
        == 404
    )
    assert pk_api.get(f"/checkout_sessions/{session['id']}").status_code == 403
    assert (
        pk_api.post(
            "/checkout_sessions", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": CUSTOMER}}
        ).status_code
        == 403
    )


def test_an_expired_session_opens_nothing(app, api, pk_api, client, merchant, catalog):
    from datetime import timedelta

    from app.checkout_sessions.models import CheckoutSession
    from app.extensions import db
    from app.platform.db.types import utcnow

    session = session_for(api, catalog)
    with app.app_context():
        db.session.get(CheckoutSession, session["id"]).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
    assert api.get(f"/checkout_sessions/{session['id']}").json["status"] == "expired"
    refused = pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True})
    assert refused.status_code == 409 and refused.json["error"]["code"] == "checkout_session_expired"
    url = urlsplit(session["url"])
    page = client.get(f"{url.path}?{url.query}")
    assert page.status_code == 410 and "This checkout has expired" in page.get_data(as_text=True)
    embedded = client.get(
        f"/embed/session?key={merchant.publishable_key}&origin={SHOP}&session={session['client_secret']}"
    )
    assert embedded.status_code == 409


@pytest.mark.parametrize(
    "change, param",
    [
        ({"customer": None}, "customer"),
        ({"customer": {"email": "x@example.test"}}, "customer.id"),
        ({"customer": {"id": "c", "email": "not-an-email"}}, "customer.email"),
        ({"items": None}, "items"),
        ({"product": "prod_test_membership"}, "product"),
        ({"items": [{"sku": "sku_nope", "quantity": 1}]}, "items[0].sku"),
        ({"items": [{"sku": "sku_test_month", "quantity": 0}]}, "items[0].quantity"),
        ({"items": None, "product": "prod_nope"}, "product"),
        ({"success_url": "javascript:alert(1)"}, "success_url"),
        ({"cancel_url": "/cart"}, "cancel_url"),
        ({"success_url": "https://shop.example/\nx"}, "success_url"),
        ({"metadata": ["a"]}, "metadata"),
        ({"expires_at": 1}, "expires_at"),
    ],
)
def test_session_input_is_checked_before_anything_is_written(api, catalog, change, param):
    body = {"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}}
    body = {k: v for k, v in {**body, **change}.items() if v is not None}
    response = api.post("/checkout_sessions", json=body)
    assert response.status_code == 400, response.json
    assert response.json["error"]["param"] == param


def test_sessions_are_idempotent_like_every_post(api, catalog):
    body = {"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}}
    first = api.post("/checkout_sessions", json=body, headers={"Idempotency-Key": "cs-1"})
    again = api.post("/checkout_sessions", json=body, headers={"Idempotency-Key": "cs-1"})
    assert first.status_code == again.status_code == 201 and first.json["id"] == again.json["id"]
    assert again.headers["Idempotent-Replayed"] == "true"


def test_hosted_checkout_and_embed_ignore_a_customer_named_in_the_url(api, client, merchant, funded, catalog):
    hosted = client.get(f"/checkout/{catalog['product']}?customer={funded}")
    embedded = client.get(f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin={SHOP}&customer={funded}")
    for page in (hosted, embedded):
        html = page.get_data(as_text=True)
        assert page.status_code == 200
        assert "Wallet balance" not in html and "$50.00" not in html and 'value="wallet"' not in html

    token = re.search(r'name="csrf_token" value="([^"]+)"', hosted.get_data(as_text=True)).group(1)
    spent = client.post(
        f"/checkout/{catalog['product']}/pay",
        data={
            "csrf_token": token,
            "sku": catalog["sku"],
            "quantity": "1",
            "channel": "wallet",
            "agree": "on",
            "customer": funded,
        },
    )
    # The order is made for the guest, and the forged wallet choice is refused on its page.
    assert spent.status_code == 200 and "only for a customer the merchant&#39;s server vouches for" in spent.get_data(
        as_text=True
    )
    assert available(api) == [{"amount": 5000, "currency": "usd"}]


def test_the_hosted_session_page_offers_and_spends_the_wallet(api, client, funded, catalog, worker):
    session = session_for(api, catalog)
    url = urlsplit(session["url"])
    page = client.get(f"{url.path}?{url.query}")
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Wallet balance" in html and "$50.00 available" in html
    assert "rich@example.test" in html and 'href="https://shop.example/cart"' in html
    # Without its secret the page is not there.
    assert client.get(url.path).status_code == 404
    assert client.get(f"{url.path}?client_secret={session['id']}_secret_x").status_code == 404

    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    paid = client.post(
        f"{url.path}/pay",
        data={"csrf_token": token, "client_secret": session["client_secret"], "channel": "wallet", "agree": "on"},
    )
    assert paid.status_code == 303, paid.get_data(as_text=True)
    done = client.get(paid.headers["Location"]).get_data(as_text=True)
    assert "Payment successful" in done
    assert f'href="https://shop.example/thanks?s={session["id"]}"' in done
    assert available(api) == [{"amount": 5000 - 999, "currency": "usd"}]


def test_publishable_top_ups_need_a_session_for_that_customer(api, pk_api, catalog, sandbox):
    body = {"amount": 1000, "currency": "usd", "channel": "sandbox_card"}
    bare = pk_api.post(f"/customers/{CUSTOMER}/topups", json=body)
    assert bare.status_code == 403 and bare.json["error"]["code"] == "checkout_session_required"
    session = session_for(api, catalog)
    other = pk_api.post("/customers/cus_other/topups", json={**body, "checkout_session": session["client_secret"]})
    assert other.status_code == 403
    ok = pk_api.post(f"/customers/{CUSTOMER}/topups", json={**body, "checkout_session": session["client_secret"]})
    assert ok.status_code == 201, ok.json
    assert api.get(f"/orders/{ok.json['topup']['id']}").json["customer"]["source"] == "checkout_session"
    assert api.post(f"/customers/{CUSTOMER}/topups", json=body).status_code == 201  # the server needs no session


def test_pay_with_a_publishable_key_needs_the_orders_client_secret(pk_api, catalog, sandbox):
    order = pk_api.post(
        "/orders", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "agreement_accepted": True}
    ).json
    for body, query in [
        ({"channel": "sandbox_card"}, ""),
        ({"channel": "sandbox_card", "client_secret": "wrong"}, ""),
        ({"channel": "sandbox_card"}, "?client_secret=wrong"),
    ]:
        refused = pk_api.post(f"/orders/{order['id']}/pay{query}", json=body)
        assert refused.status_code == 404, (body, query)
        assert refused.json["error"]["code"] == "resource_missing"
    # A secret that is not even a string is a shape error, named as such.
    refused = pk_api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card", "client_secret": 7})
    assert (refused.status_code, refused.json["error"]["param"]) == (400, "client_secret")
    assert pk_api.get(f"/orders/{order['id']}?client_secret={order['client_secret']}").json["status"] == "created"
    paid = pk_api.post(
        f"/orders/{order['id']}/pay", json={"channel": "sandbox_card", "client_secret": order["client_secret"]}
    )
    assert paid.status_code == 200, paid.json
    by_query = pk_api.post(
        f"/orders/{order['id']}/pay?client_secret={order['client_secret']}", json={"channel": "sandbox_card"}
    )
    assert by_query.status_code == 409  # known order, already paying: the secret was accepted


def test_the_wallet_adapter_refuses_an_unverified_customer_at_the_money_point(app, api, pk_api, funded, catalog):
    """Defence in depth: even if routing were bypassed, the wallet's create call debits nothing."""
    from app.errors import KassaError
    from app.extensions import db
    from app.payments.channels.adapters.wallet import WalletAdapter
    from app.payments.channels.interface import PaymentRequest
    from app.payments.models import PaymentAttempt
    from app.platform.values.ids import new_id

    order = pk_api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "customer": {"id": funded},
            "agreement_accepted": True,
        },
    ).json
    with app.app_context():
        attempt = PaymentAttempt(
            id=new_id("pay"),
            merchant_id=api_merchant(app, order["id"]),
            order_id=order["id"],
            channel="wallet",
            status="pending",
            amount=999,
            currency="usd",
        )
        db.session.add(attempt)
        db.session.commit()
        with pytest.raises(KassaError) as refused:
            WalletAdapter().create_payment(
                PaymentRequest(
                    attempt_id=attempt.id,
                    amount=999,
                    currency="usd",
                    description="x",
                    return_url="https://x.example",
                    callback_url="https://x.example",
                )
            )
        assert refused.value.status == 400
    assert available(api) == [{"amount": 5000, "currency": "usd"}]


def api_merchant(app, order_id: str) -> str:
    from app.extensions import db
    from app.orders.models import Order

    return db.session.get(Order, order_id).merchant_id


# --- one purchase per session -------------------------------------------------------------------------------


def _session_tabs(app, client, session: dict, count: int = 2):
    """``count`` tabs of the session's hosted page in one browser (one cookie), and the form a Pay sends."""
    url = urlsplit(session["url"])
    html = client.get(f"{url.path}?{url.query}").get_data(as_text=True)
    form = {
        "csrf_token": re.search(r'name="csrf_token" value="([^"]+)"', html).group(1),
        "client_secret": session["client_secret"],
        "channel": "wallet",
        "agree": "on",
    }
    domain = app.config["SERVER_NAME"].split(":")[0]
    tabs = [app.test_client() for _ in range(count)]
    for tab in tabs:
        tab.set_cookie("session", client.get_cookie("session", domain=domain).value, domain=domain)
    return tabs, f"{url.path}/pay", form


def test_a_double_click_on_pay_with_the_wallet_charges_once(app, api, client, funded, catalog):
    """Two submits of the session's Pay at the same moment (a double click without script, two tabs): each opens
    an order, but only one is paid from the wallet, both answers lead to that order, and the other is closed at
    once, giving back the unit of limited stock it held."""
    import threading

    from app.catalog.models import Sku
    from app.extensions import db

    session = session_for(api, catalog, items=[{"sku": catalog["limited_sku"], "quantity": 1}])
    tabs, pay_path, form = _session_tabs(app, client, session)
    start, answers = threading.Barrier(2), []

    def pay(tab) -> None:
        start.wait(5)
        answers.append(tab.post(pay_path, data=form))

    threads = [threading.Thread(target=pay, args=(tab,)) for tab in tabs]
    [thread.start() for thread in threads]
    [thread.join(30) for thread in threads]
    assert [a.status_code for a in answers] == [303, 303]
    assert answers[0].headers["Location"] == answers[1].headers["Location"]
    assert available(api) == [{"amount": 5000 - 2500, "currency": "usd"}]
    statuses = sorted(
        o["status"]
        for o in api.get("/orders", query_string={"customer": CUSTOMER}).json["data"]
        if o.get("checkout_session") == session["id"]
    )
    assert statuses == ["closed", "paid"]
    with app.app_context():
        assert db.session.get(Sku, catalog["limited_sku"]).test_stock == 2  # of 3: one sold, none held


def test_a_second_order_of_a_paid_session_is_refused_at_the_money_point(api, pk_api, funded, catalog):
    """An SDK opens two orders of the session before paying either, then pays both from the wallet before the
    outbox has completed the session: the second pay is a 409 and charges nothing."""
    session = session_for(api, catalog)
    first, second = (
        pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True}).json
        for _ in range(2)
    )
    paid = pk_api.post(
        f"/orders/{first['id']}/pay", json={"channel": "wallet", "client_secret": first["client_secret"]}
    )
    assert paid.status_code == 200 and paid.json["payment"]["status"] == "succeeded"
    again = pk_api.post(
        f"/orders/{second['id']}/pay", json={"channel": "wallet", "client_secret": second["client_secret"]}
    )
    assert again.status_code == 409 and again.json["error"]["code"] == "checkout_session_complete", again.json
    assert first["id"] in again.json["error"]["message"]
    assert available(api) == [{"amount": 5000 - 999, "currency": "usd"}]
    assert api.get(f"/orders/{second['id']}").json["status"] == "closed"  # it can never be paid


def test_a_second_card_payment_of_a_session_approved_anyway_goes_back(api, pk_api, sandbox, worker, catalog):
    """Two orders of one session, each sent to the provider's page, and the shopper approves both: the session
    completes with the first paid, and the second payment is refunded in full, saying why."""
    session = session_for(api, catalog)
    orders = [
        pk_api.post("/orders", json={"checkout_session": session["client_secret"], "agreement_accepted": True}).json
        for _ in range(2)
    ]
    payments = [
        pk_api.post(
            f"/orders/{o['id']}/pay", json={"channel": "sandbox_card", "client_secret": o["client_secret"]}
        ).json["payment"]
        for o in orders
    ]
    for payment, order in zip(payments, orders):
        sandbox.simulate(payment["provider_reference"], "succeeded")
        wait_for(lambda: api.get(f"/orders/{order['id']}").json["status"] != "paying")
    worker()  # the outbox: completes the session with the first, gives the second back
    done = api.get(f"/checkout_sessions/{session['id']}").json
    assert done["status"] == "complete" and done["order"] == orders[0]["id"]
    kept, given_back = (api.get(f"/orders/{o['id']}").json for o in orders)
    assert kept["refunded_amount"] == 0 and kept["status"] in ("paid", "fulfilled", "completed")
    assert given_back["refunded_amount"] == given_back["amount"]["total"] and given_back["status"] == "refunded"
    assert f"already paid by order {orders[0]['id']}" in given_back["refunds"][0]["reason"]
    worker()
    assert api.get(f"/orders/{orders[0]['id']}").json["refunded_amount"] == 0  # running again gives nothing more
