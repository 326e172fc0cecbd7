"""Hostile bodies and parameters (issue 8, item 12): NUL characters, lone surrogates, deep nesting, numbers
no column holds, made-up currencies, URLs with control characters, entitlements that overflow. Each is a
400 that names what to fix, and nothing is stored; none is a 500."""

from __future__ import annotations

import pytest

from tests.orders.test_orders_api import order_body


def raw_post(api, path: str, body: bytes):
    return api.client.post(
        f"/api/v1{path}", data=body, content_type="application/json", headers={"Authorization": f"Bearer {api.key}"}
    )


def sku_body(**sku) -> dict:
    return {"name": "Gold coins", "skus": [{"name": "100 coins", "price": {"amount": 199, "currency": "usd"}, **sku}]}


@pytest.mark.parametrize(
    "body, says, param",
    [
        (
            b'{"items": [{"sku": "sku_test_month\\u0000", "quantity": 1}], "agreement_accepted": true}',
            "NUL",
            "items[0].sku",
        ),
        (
            b'{"items": [{"sku": "sku_test_month", "quantity": 1}], "agreement_accepted": true, '
            b'"metadata": {"k\\u0000": "v"}}',
            "NUL",
            "metadata.k\x00",
        ),
        (
            b'{"items": [{"sku": "sku_test_month", "quantity": 1}], "agreement_accepted": true, '
            b'"customer": {"id": "cus_\\ud800"}}',
            "surrogate",
            "customer.id",
        ),
        (
            b'{"items": [{"sku": "sku_test_month", "quantity": 1}], "agreement_accepted": true, "metadata": '
            + b'{"a": ' * 30
            + b"1"
            + b"}" * 31,
            "nested too deeply",
            None,
        ),
        (b'{"items": ' + b"[" * 50_000 + b"]" * 50_000 + b"}", "nested too deeply", None),
        (b'{"items": [{"sku": "sku_test_month", "quantity": NaN}]}', "NaN", None),
        (b'{"items": [{"sku": "sku_test_month", "quantity": 1e999}]}', "out of range", "items[0].quantity"),
        (
            b'{"items": [{"sku": "sku_test_month", "quantity": 99999999999999999999999}]}',
            "out of range",
            "items[0].quantity",
        ),
        # 1e20 is the integer 10**20 to JSON Schema (and the document): out of range where it is ignored too
        (b'{"items": [{"sku": "sku_test_month", "quantity": 1}], "extra": 1e20}', "out of range", "extra"),
        (b'{"items": [{"sku": "sku_test_month", "quantity": ' + b"9" * 5000 + b"}]}", "too long", None),
        (b'{"items": [{"sku": "sku_\xff\xfe", "quantity": 1}]}', "UTF-8", None),
    ],
)
def test_hostile_json_is_a_400_with_a_message_and_stores_nothing(api, catalog, body, says, param):
    refused = raw_post(api, "/orders", body)
    assert refused.status_code == 400, refused.get_data(as_text=True)[:300]
    error = refused.json["error"]
    assert says in error["message"] and error.get("param") == param
    assert api.get("/orders").json["data"] == []


def test_a_nul_in_the_query_string_or_path_is_a_400(api, catalog):
    assert api.get("/orders?customer=cus%00x").status_code == 400
    response = api.get("/orders/ord_%00")
    assert response.status_code == 400 and "NUL" in response.json["error"]["message"]
    assert api.get("/products/prod_%00x").status_code == 400


@pytest.mark.parametrize(
    "path",
    [
        "/hooks/channels/stripe/mch_x%00",
        "/hooks/channels/sandbox_card/mch%00",
        "/hooks/channels/sand%00box_card",
        "/hooks/payouts/sandbox_card%00",
        "/hooks/mandates/sandbox_card%00",
    ],
)
def test_a_nul_in_a_callback_address_is_a_400_not_a_500(client, path):
    # A provider's callback URL with %00 in the merchant id was looked up in PostgreSQL, which refuses a NUL: a 500
    # (and an integration log row that could not be written).
    refused = client.post(path, data=b'{"id": "evt_x"}', headers={"Content-Type": "application/json"})
    assert refused.status_code == 400, refused.status_code
    assert "NUL" in refused.json["error"]["message"] and refused.json["error"]["code"] == "parameter_invalid"


@pytest.mark.parametrize("currency", ["abc", "xyz", "xau", "usdd", "u$d"])
def test_only_real_iso_4217_currencies_are_accepted(api, currency):
    price = api.post("/products", json=sku_body(price={"amount": 100, "currency": currency}))
    assert price.status_code == 400 and price.json["error"]["param"] == "skus[0].price.currency", price.json
    assert "ISO" in price.json["error"]["message"]


def test_upper_case_iso_codes_are_still_fine(api):
    created = api.post("/products", json=sku_body(price={"amount": 100, "currency": "EUR"}))
    assert created.status_code == 201 and created.json["skus"][0]["price"]["currency"] == "eur"


@pytest.mark.parametrize(
    "url",
    [
        "https://hooks.example/a\x01b",
        "https://hooks.example/a\x7f",
        "https://hooks.example/a b",
        "https://hooks.example/\r\nX-Injected: 1",
        "https://hooks.example/a\x85b",
    ],
)
def test_urls_with_control_characters_or_spaces_are_refused(api, url):
    endpoint = api.post("/webhook_endpoints", json={"url": url, "events": ["*"]})
    assert endpoint.status_code == 400 and "control characters" in endpoint.json["error"]["message"]
    fulfilment = api.post("/products", json=sku_body(fulfilment={"webhook_url": url}))
    assert fulfilment.status_code == 400 and "control characters" in fulfilment.json["error"]["message"]
    assert api.get("/webhook_endpoints").json["data"] == [] and api.get("/products").json["data"] == []


@pytest.mark.parametrize(
    "fulfilment, param",
    [
        ({"credits": 10**12}, "fulfilment.credits"),
        ({"credits": 2**31}, "fulfilment.credits"),
        ({"membership_days": 10**7}, "fulfilment.membership_days"),
        ({"membership_days": 3661}, "fulfilment.membership_days"),
    ],
)
def test_entitlement_numbers_that_would_overflow_are_refused(api, fulfilment, param):
    refused = api.post("/products", json=sku_body(fulfilment=fulfilment))
    assert refused.status_code == 400 and refused.json["error"]["param"].endswith(param), refused.json
    assert "from 1 to" in refused.json["error"]["message"]


def test_amounts_no_column_holds_are_refused(api):
    too_dear = api.post("/products", json=sku_body(price={"amount": 3 * 10**9, "currency": "usd"}))
    assert too_dear.status_code == 400 and "99999999" in too_dear.json["error"]["message"]
    dearest = api.post("/products", json=sku_body(price={"amount": 99_999_999, "currency": "usd"}))
    assert dearest.status_code == 201
    sku = dearest.json["skus"][0]["id"]
    huge = api.post("/orders", json=order_body(sku, 99))  # 99 × 999,999.99 USD: more than an amount holds
    assert huge.status_code == 400 and huge.json["error"]["param"] == "items"
    assert "split it into several orders" in huge.json["error"]["message"]
    assert api.post("/orders", json=order_body(sku, 1)).status_code == 201


@pytest.mark.parametrize(
    "path",
    [
        "/orders",
        "/products",
        "/events",
        "/subscriptions",
        "/webhook_endpoints",
        "/risk/list_entries",
        "/settlements",
        "/customers/cus_1/wallet/statement",
    ],
)
def test_a_superscript_digit_is_no_limit(api, path):
    # '²' is a digit to str.isdigit but no number to int(): a limit of it was a 500.
    refused = api.get(path, query_string={"limit": "\u00b2"})
    assert refused.status_code == 400 and refused.json["error"]["param"] == "limit", refused.get_data(as_text=True)
    # "limit must be an integer" (a typed query), or with its range (a route still reading it by hand).
    assert refused.json["error"]["message"].startswith("limit must be an integer")


def test_a_settlement_line_cursor_must_be_a_line_id(app, api, merchant):
    from tests.support.portal import _books_world

    with app.app_context():
        _, settlement, _ = _books_world(merchant.id)
    assert api.get(f"/settlements/{settlement}/lines").status_code == 200
    last_id = api.get(f"/settlements/{settlement}/lines", query_string={"starting_after": str(2**63 - 1)})
    assert last_id.status_code == 200 and last_id.json["data"] == []
    # '²': a digit to str.isdigit, no number to int(); 2**63: past the 64-bit column of line ids. Both were 500s.
    for cursor in ("\u00b2", str(2**63)):
        refused = api.get(f"/settlements/{settlement}/lines", query_string={"starting_after": cursor})
        assert refused.status_code == 400 and refused.json["error"]["param"] == "starting_after"
        assert "the id of the last line you have" in refused.json["error"]["message"]


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00"])
def test_a_time_whose_offset_leaves_the_calendar_is_a_400(api, catalog, moment):
    # Valid ISO 8601, but in UTC after year 9999 or before year 1: a 500 where the time was stored or compared.
    for path, param in [
        ("/orders", "created_gte"),
        ("/orders", "created_lte"),
        ("/customers/cus_1/wallet/statement", "from"),
        ("/customers/cus_1/wallet/statement", "to"),
    ]:
        refused = api.get(path, query_string={param: moment})
        assert refused.status_code == 400 and refused.json["error"]["param"] == param, (
            path,
            param,
            refused.status_code,
        )
        assert "ISO 8601" in refused.json["error"]["message"]
    run = api.post("/settlements/run", json={"until": moment})
    assert run.status_code == 400 and run.json["error"]["param"] == "until", run.get_data(as_text=True)[:300]
    assert api.get("/settlements").json["data"] == []


@pytest.mark.parametrize(
    "body, key",
    [
        (
            b'{"items": [{"sku": "sku_test_month", "quantity": 1}], "customer": {"id": "cus_1"}, '
            b'"agreement_accepted": true, '
            b'"items": [{"sku": "sku_test_month", "quantity": 99}]}',
            "items",
        ),
        (
            b'{"items": [{"sku": "sku_test_month", "quantity": 1, "quantity": 99}], "customer": {"id": "cus_1"}, '
            b'"agreement_accepted": true}',
            "quantity",
        ),
    ],
)
def test_a_field_named_twice_is_a_400_not_the_last_one_silently(api, catalog, body, key):
    # Python's json keeps the last of two equal keys: an order said 1 and 99 and was made for 99 (a refund's
    # "amount" twice refunded the second), where a log, a proxy or a reviewer reading the body may see the first.
    refused = raw_post(api, "/orders", body)
    assert refused.status_code == 400, refused.get_data(as_text=True)[:300]
    assert f"“{key}” more than once" in refused.json["error"]["message"], refused.json
    assert api.get("/orders").json["data"] == []


def test_more_digits_than_int_converts_are_a_4xx_not_a_500(app, api, client, merchant):
    # int() refuses a string of more than 4,300 digits with a ValueError: a page size, a line cursor and a callback's
    # signed timestamp made of 5,000 digits answered a 500.
    from tests.support.portal import _books_world

    huge = "9" * 5000
    refused = api.get("/orders", query_string={"limit": huge})
    assert refused.status_code == 400 and refused.json["error"]["param"] == "limit"
    with app.app_context():
        _, settlement, _ = _books_world(merchant.id)
    refused = api.get(f"/settlements/{settlement}/lines", query_string={"starting_after": huge})
    assert refused.status_code == 400 and refused.json["error"]["param"] == "starting_after"
    callback = client.post(
        "/hooks/channels/sandbox_card",
        data=b'{"id": "evt_x"}',
        headers={"Content-Type": "application/json", "Sandbox-Signature": f"t={huge},v1=00"},
    )
    assert 400 <= callback.status_code < 500, callback.status_code
