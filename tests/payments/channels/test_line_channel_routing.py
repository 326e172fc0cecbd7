"""Routing follows an order's business line (issue #56): a games order is offered the games line's channels in the
line's order, the merchant's other orders keep the merchant's, and paying with a channel the line disabled is
refused. The same holds for quotes and the hosted checkout of a line's product."""

from __future__ import annotations

from urllib.parse import urlsplit

from tests.payments.channels.test_channel_routing import configure, offered


def _games_product(api) -> tuple[str, str]:
    """A games line and a product in it: (product id, sku id)."""
    assert api.post("/business_lines", json={"code": "games", "name": "Games"}).status_code == 201
    made = api.post(
        "/products",
        json={
            "name": "Dragon saga",
            "business_line": "games",
            "skus": [{"name": "One", "price": {"amount": 1500, "currency": "usd"}}],
        },
    )
    assert made.status_code == 201, made.get_json()
    return made.get_json()["id"], made.get_json()["skus"][0]["id"]


def _order(api, sku: str, **extra) -> dict:
    body = {"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "cus_line"}, "agreement_accepted": True}
    made = api.post("/orders", json=body | extra)
    assert made.status_code == 201, made.get_json()
    return made.get_json()


def _set(api, line: str, *channels: dict) -> None:
    changed = api.put(f"/business_lines/{line}/channels", json={"channels": list(channels)})
    assert changed.status_code == 200, changed.get_json()


def test_a_line_order_is_offered_its_lines_channels_in_its_lines_order(app, api, merchant, catalog):
    configure(app, merchant.id, "sandbox_card", priority=10)
    configure(app, merchant.id, "sandbox_qr", priority=20)
    _, sku = _games_product(api)
    games = _order(api, sku)
    plain = _order(api, catalog["sku"])
    assert games["business_line"] is not None and plain["business_line"] is None
    assert offered(api, games["id"]) == offered(api, plain["id"]) == ["sandbox_card", "sandbox_qr"]

    _set(api, "games", {"code": "sandbox_qr", "priority": 5})
    # The same orders, read again: the line's change reached routing's cache at once.
    assert offered(api, games["id"]) == ["sandbox_qr", "sandbox_card"]
    assert offered(api, plain["id"]) == ["sandbox_card", "sandbox_qr"]  # the merchant's order is unaffected
    # A product of no line sold in a games order gets the games line's channels too.
    assert offered(api, _order(api, catalog["sku"], business_line="games")["id"]) == ["sandbox_qr", "sandbox_card"]

    _set(api, "games", {"code": "sandbox_card", "enabled": False})
    assert offered(api, games["id"]) == ["sandbox_qr"]
    assert offered(api, plain["id"]) == ["sandbox_card", "sandbox_qr"]

    _set(api, "games", {"code": "sandbox_card", "enabled": None}, {"code": "sandbox_qr", "priority": None})
    assert offered(api, games["id"]) == ["sandbox_card", "sandbox_qr"]  # cleared: the merchant's again


def test_paying_a_line_order_with_a_channel_the_line_disabled_is_refused(app, api, merchant, catalog, sandbox):
    _, sku = _games_product(api)
    _set(api, "games", {"code": "sandbox_card", "enabled": False})
    games, plain = _order(api, sku), _order(api, catalog["sku"])

    refused = api.post(f"/orders/{games['id']}/pay", json={"channel": "sandbox_card"})
    assert refused.status_code == 400
    error = refused.get_json()["error"]
    assert (error["code"], error["param"]) == ("channel_unavailable", "channel")
    assert "sandbox_card is not enabled for business line games" in error["message"]
    usable = error["message"].split("available: ", 1)[1]  # the channels the order may use instead
    assert "'sandbox_qr'" in usable and "'sandbox_card'" not in usable
    assert api.get(f"/orders/{games['id']}").get_json()["status"] == "created"  # nothing was started

    assert api.post(f"/orders/{plain['id']}/pay", json={"channel": "sandbox_card"}).status_code == 200
    assert api.post(f"/orders/{games['id']}/pay", json={"channel": "sandbox_qr"}).status_code == 200


def test_a_line_may_offer_a_channel_the_merchant_switched_off(app, api, merchant, catalog):
    configure(app, merchant.id, "sandbox_qr", enabled=False)
    _, sku = _games_product(api)
    _set(api, "games", {"code": "sandbox_qr", "enabled": True, "priority": 1})
    assert offered(api, _order(api, sku)["id"]) == ["sandbox_qr", "sandbox_card"]
    plain = _order(api, catalog["sku"])
    assert offered(api, plain["id"]) == ["sandbox_card"]
    assert api.post(f"/orders/{plain['id']}/pay", json={"channel": "sandbox_qr"}).status_code == 400


def test_quotes_offer_a_line_baskets_channels_in_the_lines_order(app, api, pk_api, merchant, catalog):
    _, sku = _games_product(api)
    _set(api, "games", {"code": "sandbox_qr", "priority": 1}, {"code": "sandbox_card", "enabled": False})

    def quoted(sku_id: str, **extra) -> list[str]:
        answer = pk_api.post("/quotes", json={"items": [{"sku": sku_id, "quantity": 1}], **extra})
        assert answer.status_code == 200, answer.get_json()
        return [c["code"] for c in answer.get_json()["available_channels"]]

    assert quoted(sku) == ["sandbox_qr"]
    assert quoted(catalog["sku"]) == ["sandbox_card", "sandbox_qr"]
    assert quoted(catalog["sku"], business_line="games") == ["sandbox_qr"]
    unknown = pk_api.post("/quotes", json={"items": [{"sku": sku, "quantity": 1}], "business_line": "films"})
    assert unknown.status_code == 400 and unknown.get_json()["error"]["param"] == "business_line"


def test_the_hosted_checkout_of_a_line_product_shows_the_lines_channels(app, client, api, merchant, catalog):
    product, _ = _games_product(api)
    _set(api, "games", {"code": "sandbox_qr", "priority": 1})
    page = client.get(f"/checkout/{product}").get_data(as_text=True)
    assert page.index('value="sandbox_qr"') < page.index('value="sandbox_card"')
    plain = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert plain.index('value="sandbox_card"') < plain.index('value="sandbox_qr"')

    _set(api, "games", {"code": "sandbox_card", "enabled": False})
    page = client.get(f"/checkout/{product}").get_data(as_text=True)
    assert 'name="channel" value="sandbox_qr"' in page and 'name="channel" value="sandbox_card"' not in page


def test_a_checkout_session_of_a_line_product_offers_the_lines_channels(app, client, api, merchant):
    product, _ = _games_product(api)
    _set(api, "games", {"code": "sandbox_qr", "enabled": False})
    session = api.post("/checkout_sessions", json={"product": product, "customer": {"id": "cus_session"}})
    assert session.status_code == 201, session.get_json()
    url = urlsplit(session.get_json()["url"])
    text = client.get(f"{url.path}?{url.query}").get_data(as_text=True)
    assert 'name="channel" value="sandbox_card"' in text and 'name="channel" value="sandbox_qr"' not in text
