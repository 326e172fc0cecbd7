"""Query strings as clients really send them: a parameter given twice is a 400 in the API's error shape naming
the parameter, never an answer from half the query."""
from __future__ import annotations

import pytest

from tests.api.test_orders_api import order_body


@pytest.mark.parametrize("path, query, param", [
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
])
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

