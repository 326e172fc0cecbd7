import pytest

from tests.conftest import Api


def order_body(sku: str, quantity: int = 1, **extra) -> dict:
    return {
        "items": [{"sku": sku, "quantity": quantity}],
        "customer": {"id": "cus_1", "email": "a@b.test"},
        "agreement_accepted": True,
        **extra,
    }


def test_create_and_read_an_order(api, catalog):
    response = api.post("/orders", json=order_body(catalog["sku"], 2, metadata={"cart": "42"}))
    assert response.status_code == 201
    order = response.json
    assert order["status"] == "created"
    assert order["amount"] == {"subtotal": 1998, "discount": 0, "total": 1998, "currency": "usd"}
    assert order["refunded_amount"] == 0
    assert order["customer"] == {"id": "cus_1", "email": "a@b.test", "source": "secret_key", "verified": True}
    assert order["livemode"] is False and order["checkout_session"] is None
    assert order["metadata"] == {"cart": "42"}
    assert order["client_secret"].startswith(order["id"] + "_secret_")
    assert {"sandbox_card", "sandbox_qr"} <= {c["code"] for c in order["available_channels"]}
    assert [t["status"] for t in order["timeline"]] == ["created"]
    assert order["payments"] == []
    assert order["expires_at"] > order["created_at"]
    assert api.get(f"/orders/{order['id']}").json["id"] == order["id"]


def test_publishable_key_reads_an_order_only_with_its_client_secret(pk_api, catalog):
    order = pk_api.post("/orders", json=order_body(catalog["sku"])).json
    assert pk_api.get(f"/orders/{order['id']}").status_code == 404
    assert pk_api.get(f"/orders/{order['id']}?client_secret=wrong").status_code == 404
    ok = pk_api.get(f"/orders/{order['id']}?client_secret={order['client_secret']}")
    assert ok.status_code == 200 and ok.json["id"] == order["id"]


def test_order_reserves_limited_stock_and_refuses_more_than_left(api, catalog):
    assert api.post("/orders", json=order_body(catalog["limited_sku"], 2)).status_code == 201
    too_many = api.post("/orders", json=order_body(catalog["limited_sku"], 2))
    assert too_many.status_code == 409 and too_many.json["error"]["code"] == "out_of_stock"
    skus = {s["id"]: s["stock"] for s in api.get(f"/products/{catalog['product']}").json["skus"]}
    assert skus["sku_test_limited"] == 1


@pytest.mark.parametrize(
    "body, status, code, param",
    [
        ({"items": [], "customer": {"id": "c"}, "agreement_accepted": True}, 400, "parameter_invalid", "items"),
        ({"items": "sku", "customer": {"id": "c"}, "agreement_accepted": True}, 400, "parameter_invalid", "items"),
        (
            {"items": [{"sku": "sku_test_month", "quantity": 0}], "customer": {"id": "c"}, "agreement_accepted": True},
            400,
            "parameter_invalid",
            "items[0].quantity",
        ),
        (
            {
                "items": [{"sku": "sku_test_month", "quantity": 100}],
                "customer": {"id": "c"},
                "agreement_accepted": True,
            },
            400,
            "parameter_invalid",
            "items[0].quantity",
        ),
        (
            {
                "items": [{"sku": "sku_test_month", "quantity": "2"}],
                "customer": {"id": "c"},
                "agreement_accepted": True,
            },
            400,
            "parameter_invalid",
            "items[0].quantity",
        ),
        (
            {"items": [{"sku": "sku_nope", "quantity": 1}], "customer": {"id": "c"}, "agreement_accepted": True},
            400,
            "resource_missing",
            "items[0].sku",
        ),
        (
            {"items": [{"sku": "sku_test_month", "quantity": 1}], "agreement_accepted": True},
            400,
            "parameter_missing",
            "customer",
        ),
        (
            {"items": [{"sku": "sku_test_month", "quantity": 1}], "customer": {"id": ""}, "agreement_accepted": True},
            400,
            "parameter_invalid",
            "customer.id",
        ),
        (
            {
                "items": [{"sku": "sku_test_month", "quantity": 1}],
                "customer": {"id": "c", "email": "nope"},
                "agreement_accepted": True,
            },
            400,
            "parameter_invalid",
            "customer.email",
        ),
        # A line break in an address would make every email to it fail for good (receipts, subscriber notices).
        (
            {
                "items": [{"sku": "sku_test_month", "quantity": 1}],
                "customer": {"id": "c", "email": "a@example.test\r\nBcc: x@y"},
                "agreement_accepted": True,
            },
            400,
            "parameter_invalid",
            "customer.email",
        ),
        (
            {
                "items": [{"sku": "sku_test_month", "quantity": 1}],
                "customer": {"id": "c", "email": "a b@example.test"},
                "agreement_accepted": True,
            },
            400,
            "parameter_invalid",
            "customer.email",
        ),
        (
            {
                "items": [{"sku": "sku_test_month", "quantity": 1}],
                "customer": {"id": "c", "email": "a@b@example.test"},
                "agreement_accepted": True,
            },
            400,
            "parameter_invalid",
            "customer.email",
        ),
        (
            {"items": [{"sku": "sku_test_month", "quantity": 1}], "customer": {"id": "c"}},
            422,
            "agreement_required",
            "agreement_accepted",
        ),
        (
            {"items": [{"sku": "sku_test_month", "quantity": 1}], "customer": {"id": "c"}, "agreement_accepted": "yes"},
            422,
            "agreement_required",
            "agreement_accepted",
        ),
    ],
)
def test_bad_order_bodies_get_a_clear_error_and_create_nothing(api, catalog, body, status, code, param):
    response = api.post("/orders", json=body)
    assert response.status_code == status, response.json
    error = response.json["error"]
    assert (error["type"], error["code"], error["param"]) == ("invalid_request_error", code, param)
    assert error["message"]
    assert api.get("/orders").json["data"] == []


@pytest.mark.parametrize("quantity", ["2", 1.5, None, True])
def test_a_quantity_that_is_not_a_whole_number_is_named_as_such(api, catalog, quantity):
    """A quoted or fractional quantity is refused with what to send instead, not only the allowed range."""
    response = api.post("/orders", json=order_body(catalog["sku"], quantity))
    assert response.status_code == 400
    assert response.json["error"]["message"] == "items[0].quantity must be a whole number from 1 to 99"


def test_a_quantity_out_of_range_gets_the_message_api_md_shows(api, catalog):
    response = api.post("/orders", json=order_body(catalog["sku"], 100))
    assert response.json["error"] == {
        **response.json["error"],
        "code": "parameter_invalid",
        "message": "items[0].quantity must be between 1 and 99",
        "param": "items[0].quantity",
    }


@pytest.mark.parametrize(
    "raw, content_type",
    [
        ("{not json", "application/json"),
        ("[1, 2]", "application/json"),
        ("items=1", "application/x-www-form-urlencoded"),
    ],
)
def test_malformed_bodies_are_400(api, catalog, raw, content_type):
    response = api.client.post(
        "/api/v1/orders", data=raw, content_type=content_type, headers={"Authorization": f"Bearer {api.key}"}
    )
    assert response.status_code == 400
    assert response.json["error"]["code"] == "invalid_json"


def test_list_orders_filters_and_paginates(api, catalog):
    ids = [api.post("/orders", json=order_body(catalog["sku"])).json["id"] for _ in range(3)]
    other = api.post("/orders", json={**order_body(catalog["sku"]), "customer": {"id": "cus_2"}}).json["id"]
    page = api.get("/orders?limit=2").json
    assert [o["id"] for o in page["data"]] == [other, ids[2]] and page["has_more"]
    rest = api.get(f"/orders?limit=10&starting_after={ids[2]}").json
    assert [o["id"] for o in rest["data"]] == [ids[1], ids[0]] and not rest["has_more"]
    assert [o["id"] for o in api.get("/orders?customer=cus_2").json["data"]] == [other]
    assert len(api.get("/orders?status=created").json["data"]) == 4
    assert api.get("/orders?status=paid").json["data"] == []
    assert api.get("/orders?created_gte=2999-01-01T00:00:00Z").json["data"] == []
    assert api.get("/orders?status=bogus").status_code == 400
    assert api.get("/orders?created_lte=yesterday").json["error"]["param"] == "created_lte"


def test_orders_are_scoped_to_their_merchant(api, client, catalog, other_merchant):
    order = api.post("/orders", json=order_body(catalog["sku"])).json
    rival = Api(client, other_merchant.secret_key)
    assert rival.get(f"/orders/{order['id']}").status_code == 404
    assert rival.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"}).status_code == 404
    assert rival.post(f"/orders/{order['id']}/cancel").status_code == 404
    assert rival.get("/orders").json["data"] == []
    # Nor can a rival order the first merchant's SKUs.
    assert rival.post("/orders", json=order_body(catalog["sku"])).status_code == 400


def test_cancel_closes_and_releases_stock(api, catalog):
    order = api.post("/orders", json=order_body(catalog["limited_sku"], 3)).json
    cancelled = api.post(f"/orders/{order['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json["status"] == "closed"
    assert cancelled.json["timeline"][-1]["reason"] == "canceled"
    again = api.post(f"/orders/{order['id']}/cancel")
    assert again.status_code == 409 and again.json["error"]["code"] == "order_state_invalid"
    skus = {s["id"]: s["stock"] for s in api.get(f"/products/{catalog['product']}").json["skus"]}
    assert skus["sku_test_limited"] == 3


def test_pay_with_an_unknown_channel_is_400_and_changes_nothing(api, catalog):
    order = api.post("/orders", json=order_body(catalog["sku"])).json
    for body, param in [
        ({"channel": "bitcoin"}, "channel"),
        ({}, "channel"),
        ({"channel": 5}, "channel"),
        ({"channel": "sandbox_card", "return_url": "javascript:alert(1)"}, "return_url"),
    ]:
        response = api.post(f"/orders/{order['id']}/pay", json=body)
        assert response.status_code == 400 and response.json["error"]["param"] == param
    assert api.get(f"/orders/{order['id']}").json["status"] == "created"


def test_unknown_routes_and_methods_answer_in_the_error_format(api):
    assert api.get("/nothing-here").json["error"]["code"] == "resource_missing"
    response = api.client.delete("/api/v1/orders", headers={"Authorization": f"Bearer {api.key}"})
    assert response.status_code == 405 and response.json["error"]["type"] == "invalid_request_error"


def test_an_unknown_coupon_is_refused_clearly_rather_than_ignored(api, catalog):
    for path in ("/orders", "/quotes"):
        response = api.post(path, json={**order_body(catalog["sku"]), "coupon": "SAVE10"})
        assert response.status_code == 400
        assert (response.json["error"]["code"], response.json["error"]["param"]) == ("coupon_invalid", "coupon")
    assert api.get("/orders").json["data"] == []


def test_a_page_of_orders_shows_each_order_as_its_own_read_does_in_a_few_statements(
    app, api, merchant, catalog, sandbox, worker
):
    """The list is what a merchant's server syncs from: every order in it whole (payments, refunds, discount lines,
    sub-orders, timeline), exactly as reading that order alone shows it, and a page of many orders costs about what
    a page of two does (no statements per order)."""
    from app.catalog.coupons import create_coupon
    from tests.support.books import add_partner, completed_order, set_rule
    from tests.support.sql_sent import statements

    with app.app_context():
        create_coupon(merchant.id, {"code": "TENOFF", "kind": "percent_off", "percent_bps": 1000})
    paid = completed_order(api, sandbox, worker, [(catalog["sku"], 1)])
    assert api.post(f"/orders/{paid['id']}/refunds", json={"amount": 300, "reason": "partial"}).status_code == 201
    discounted = api.post("/orders", json=order_body(catalog["sku"], coupon="TENOFF"))
    assert discounted.status_code == 201 and discounted.json["discounts"], discounted.json
    set_rule(api, catalog["sku"], [(add_partner(api, "Northwind Studio")["id"], 7000), ("self", 3000)])
    split = api.post(
        "/orders",
        json={
            **order_body(catalog["sku"]),
            "items": [{"sku": catalog["sku"], "quantity": 1}, {"sku": catalog["limited_sku"], "quantity": 1}],
        },
    )
    assert split.status_code == 201 and len(split.json["sub_orders"]) == 2, split.json
    for _ in range(3):
        assert api.post("/orders", json=order_body(catalog["sku"])).status_code == 201

    listed = api.get("/orders?limit=100").json["data"]
    assert len(listed) == 6
    assert [o for o in listed if o["id"] == paid["id"]][0]["refunds"][0]["amount"] == 300
    for order in listed:
        assert order == api.get(f"/orders/{order['id']}").json

    with statements(app) as two:
        assert len(api.get("/orders?limit=2&status=created").json["data"]) == 2
    with statements(app) as five:
        assert len(api.get("/orders?limit=5").json["data"]) == 5
    # Five orders of every kind need the page's own few statements, not several per order (they were 4 or more
    # each: lines, timeline, payments, refunds).
    assert len(five) <= len(two) + 4, five


def test_reading_a_paid_order_shows_its_timeline_read_with_the_order_and_its_lines(app, api, catalog, sandbox, worker):
    """GET /orders/{id} of an order that was paid and fulfilled: its line and its timeline in order, read in the
    order's own statement (the timeline costs no statement of its own)."""
    from tests.support.lifecycle import paid_order
    from tests.support.sql_sent import statements

    order = paid_order(api, sandbox, catalog["sku"], quantity=2)
    worker()
    with statements(app) as sent:
        shown = api.get(f"/orders/{order['id']}")
    assert shown.status_code == 200, shown.json
    assert [t["status"] for t in shown.json["timeline"]] == ["created", "paying", "paid", "fulfilled"]
    assert [(i["sku"], i["quantity"]) for i in shown.json["items"]] == [(catalog["sku"], 2)]
    assert not [s for s in sent if s.startswith("SELECT") and "FROM order_timeline" in s.split(" JOIN ")[0]], sent
    assert [s for s in sent if "order_timeline" in s and "FROM orders" in s], sent
