"""Every list's ``starting_after`` is the id of the last item of the page before. A word, or an id of another
kind, used to page from nowhere and answer an empty page with ``has_more: false``: a client paging through would
stop there, believing it had everything. It is a 400 that names the id to send."""

from __future__ import annotations

import pytest

LISTS = [
    ("/orders", "ord"),
    ("/products", "prod"),
    ("/events", "evt"),
    ("/subscriptions", "sub"),
    ("/test_clocks", "clock"),
    ("/settlements", "stl"),
    ("/reconciliation_runs", "rcn"),
    ("/reconciliation_runs/rcn_0000/discrepancies", "dsc"),
    ("/risk/list_entries", "rle"),
    ("/customers/cus_1/withdrawals", "wd"),
    ("/webhook_endpoints", "we"),
]


@pytest.mark.parametrize("path, prefix", LISTS)
@pytest.mark.parametrize("cursor", ["nope", "pay_01m8awxf9b8vv30w62g5f7a01q"], ids=["a word", "another kind"])
def test_a_cursor_that_is_not_an_id_of_the_list_is_refused(api, path, prefix, cursor):
    response = api.get(f"{path}?starting_after={cursor}")
    assert response.status_code == 400, response.json
    error = response.json["error"]
    assert (error["code"], error["param"]) == ("parameter_invalid", "starting_after")
    assert f"({prefix}_…)" in error["message"]


def test_a_cursor_of_the_list_pages_on(api, catalog):
    from tests.orders.test_orders_api import order_body

    ids = [api.post("/orders", json=order_body(catalog["sku"])).json["id"] for _ in range(3)]
    page = api.get(f"/orders?limit=1&starting_after={ids[-1]}").json
    assert [o["id"] for o in page["data"]] == [ids[-2]] and page["has_more"] is True
