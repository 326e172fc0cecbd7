"""Query strings as clients really send them: a parameter given twice, and bytes that are no UTF-8. Each is a
400 in the API's error shape naming the parameter; none is answered from half the query, and none is a 500."""

from __future__ import annotations

import pytest

from tests.orders.test_orders_api import order_body


@pytest.mark.parametrize(
    "path, query, param",
    [
        ("/orders", "status=created&status=closed", "status"),
        ("/orders", "limit=5&limit=500", "limit"),
        ("/orders", "customer=cus_1&customer=cus_2", "customer"),
        ("/products", "q=Pro&q=Gold", "q"),
        ("/events", "type=order.created&type=order.paid", "type"),
        ("/subscriptions", "status=active&status=canceled", "status"),
        ("/risk/list_entries", "kind=email&kind=ip", "kind"),
        ("/settlements", "status=paid&status=failed", "status"),
        ("/reconciliation_runs", "channel=sandbox_card&channel=wallet", "channel"),
        ("/orders", "starting_after=ord_a&starting_after=ord_b", "starting_after"),
    ],
)
def test_a_query_parameter_sent_twice_is_a_400_naming_it(api, catalog, path, query, param):
    # The first value was used and the second dropped unseen: ?status=created&status=closed listed the open orders
    # only, while the caller believed it had both.
    api.post("/orders", json=order_body(catalog["sku"], 1))
    refused = api.get(f"{path}?{query}")
    assert refused.status_code == 400, refused.get_data(as_text=True)[:300]
    error = refused.json["error"]
    assert error["type"] == "invalid_request_error" and error["code"] == "parameter_invalid"
    assert error["param"] == param and "send it once" in error["message"], error
    assert error["request_id"] == refused.headers["X-Request-Id"]


def test_the_same_filters_sent_once_still_list(api, catalog):
    created = api.post("/orders", json=order_body(catalog["sku"], 1)).json["id"]
    listed = api.get("/orders?status=created&limit=5&customer=cus_1")
    assert listed.status_code == 200 and [o["id"] for o in listed.json["data"]] == [created]
    # Two different parameters are not a repeat, nor is an empty one.
    assert api.get("/orders?status=&limit=5").status_code == 200


def test_a_repeated_parameter_is_refused_with_a_publishable_key_too(pk_api, catalog):
    refused = pk_api.get("/products?limit=1&limit=100")
    assert refused.status_code == 400 and refused.json["error"]["param"] == "limit"


def raw_get(client, key: str | None, path: str, query: str = ""):
    """A GET whose request line carried these bytes as they are (WSGI hands them to the app as Latin-1 text), as a
    script or an old client sends them: the test client would percent-encode them."""
    headers = {"Authorization": f"Bearer {key}"} if key else {}
    return client.get("/", headers=headers, environ_overrides={"PATH_INFO": path, "QUERY_STRING": query})


@pytest.mark.parametrize(
    "query, param",
    [
        ("status=\xff", "status"),  # a raw byte: request.args raised, a 500
        ("limit=5&customer=caf\xe9", "customer"),  # Latin-1 "café"
        ("customer=%FF", "customer"),  # percent-encoded: searched for as the text "%FF", an empty list
        ("customer=caf%E9", "customer"),
        ("%FF=1", None),  # a name that is no text
    ],
)
def test_a_query_string_that_is_not_utf8_is_a_400_naming_the_parameter(client, merchant, api, catalog, query, param):
    api.post("/orders", json=order_body(catalog["sku"], 1))
    refused = raw_get(client, merchant.secret_key, "/api/v1/orders", query)
    assert refused.status_code == 400, refused.get_data(as_text=True)[:300]
    error = refused.json["error"]
    assert error["code"] == "parameter_invalid" and error.get("param") == param, error
    assert "must be UTF-8" in error["message"] and "%C3%A9" in error["message"]


def test_utf8_text_in_the_query_still_filters(client, merchant, api, catalog):
    api.post("/orders", json=order_body(catalog["sku"], 1, customer={"id": "café"}))
    for query in ("customer=caf%C3%A9", "customer=caf\xc3\xa9"):  # percent-encoded, and the raw UTF-8 bytes
        listed = raw_get(client, merchant.secret_key, "/api/v1/orders", query)
        assert listed.status_code == 200 and [o["customer"]["id"] for o in listed.json["data"]] == ["café"], query


def test_a_path_that_is_not_utf8_is_a_400_not_a_lookup_of_a_replacement_character(client, merchant):
    # gunicorn hands /orders/ord_%FF over as the byte 0xFF; Werkzeug read it as U+FFFD and looked that order up.
    refused = raw_get(client, merchant.secret_key, "/api/v1/orders/ord_\xff")
    assert refused.status_code == 400 and "URL path must be UTF-8" in refused.json["error"]["message"]


def test_pages_say_the_address_is_not_valid_text(client, catalog):
    # The checkout and the portal read the query before their views (the NUL check): a raw byte was a 500 page.
    for path, language, says in [
        (f"/checkout/{catalog['product']}", "en", "This address holds characters that are not valid text"),
        (f"/checkout/{catalog['product']}", "de", "Diese Adresse enthält Zeichen, die kein gültiger Text"),
        ("/portal/orders", "en", "This address holds characters that are not valid text"),
    ]:
        refused = client.get(
            "/",
            headers={"Accept-Language": language},
            environ_overrides={"PATH_INFO": path, "QUERY_STRING": "quantity=\xff"},
        )
        assert refused.status_code == 400 and says in refused.get_data(as_text=True), (path, language)
