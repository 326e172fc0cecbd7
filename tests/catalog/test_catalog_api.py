def test_lists_and_reads_products_with_either_key(api, pk_api, catalog):
    for caller in (api, pk_api):
        listing = caller.get("/products")
        assert listing.status_code == 200
        assert listing.json["has_more"] is False
        [product] = listing.json["data"]
        assert product["id"] == catalog["product"]
        detail = caller.get(f"/products/{catalog['product']}").json
        assert detail["name"] == "Pro membership"
        assert detail["images"][0].endswith("/static/img/demo-membership.svg")
        assert detail["checkout_url"].endswith(f"/checkout/{catalog['product']}")
        assert {s["id"]: (s["price"], s["stock"]) for s in detail["skus"]} == {
            "sku_test_month": ({"amount": 999, "currency": "usd"}, None),
            "sku_test_limited": ({"amount": 2500, "currency": "usd"}, 3),
        }


def test_products_paginate_with_a_cursor(app, api, merchant):
    from app.catalog.models import Product
    from app.extensions import db

    with app.app_context():
        for i in range(5):
            db.session.add(Product(id=f"prod_{i:02d}", merchant_id=merchant.id, name=f"P{i}", description=""))
        db.session.commit()
    first = api.get("/products?limit=2").json
    assert [p["id"] for p in first["data"]] == ["prod_00", "prod_01"] and first["has_more"]
    rest = api.get("/products?limit=10&starting_after=prod_01").json
    assert [p["id"] for p in rest["data"]] == ["prod_02", "prod_03", "prod_04"] and not rest["has_more"]
    bad = api.get("/products?limit=0")
    assert bad.status_code == 400 and bad.json["error"]["param"] == "limit"


def test_another_merchants_product_is_404(client, catalog, other_merchant):
    from tests.conftest import Api

    response = Api(client, other_merchant.secret_key).get(f"/products/{catalog['product']}")
    assert response.status_code == 404
    assert response.json["error"]["code"] == "resource_missing"


def test_quote_prices_without_side_effects(api, catalog):
    response = api.post(
        "/quotes",
        json={"items": [{"sku": catalog["sku"], "quantity": 3}, {"sku": catalog["limited_sku"], "quantity": 1}]},
    )
    assert response.status_code == 200
    body = response.json
    assert (body["subtotal"], body["discount"], body["total"], body["currency"]) == (5497, 0, 5497, "usd")
    assert [(line["sku"], line["quantity"], line["amount"]) for line in body["lines"]] == [
        ("sku_test_month", 3, 2997),
        ("sku_test_limited", 1, 2500),
    ]
    # Quoting reserved nothing.
    stock = api.get(f"/products/{catalog['product']}").json["skus"]
    assert {s["id"]: s["stock"] for s in stock}["sku_test_limited"] == 3
