"""The merchant builds the catalog through the API (secret key): products, SKUs with prices per
currency, stock, status and virtual-goods rules; shoppers see only what is on sale."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.orders.test_orders_api import order_body
from tests.web.api.test_openapi import check, spec  # noqa: F401  (spec is a fixture)

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def patch(api, path: str, json: dict):
    return api.client.patch(f"/api/v1{path}", json=json, headers={"Authorization": f"Bearer {api.key}"})


def new_product(api, **extra) -> dict:
    studio = api.post("/partners", json={"name": "Studio A", "payout_account": "acct_studio_a"}).json["id"]
    body = {
        "name": "Gold coins",
        "description": "In-game currency",
        "attributes": {"genre": "rpg"},
        "skus": [
            {
                "name": "100 coins",
                "price": {"amount": 199, "currency": "usd"},
                "prices": [{"amount": 179, "currency": "eur"}],
                "fulfilment": {"credits": 100},
                "purchase_limit": 3,
            },
            {
                "name": "Monthly pass",
                "price": {"amount": 999, "currency": "usd"},
                "stock": 10,
                "subscription": {"interval": "month", "interval_count": 1},
                "clearing": {
                    "splits": [{"partner": "self", "share_bps": 3000}, {"partner": studio, "share_bps": 7000}],
                    "hold_days": 7,
                },
            },
        ],
        **extra,
    }
    response = api.post("/products", json=body)
    assert response.status_code == 201, response.json
    return response.json


def test_create_a_product_with_skus_and_read_it_back(api, pk_api, spec):
    created = new_product(api)
    check(spec, "post", "/products", api.post("/products", json={"name": "Another"}))
    coins, monthly = sorted(created["skus"], key=lambda s: s["price"]["amount"])
    assert coins["prices"] == [{"amount": 179, "currency": "eur"}, {"amount": 199, "currency": "usd"}]
    assert (coins["purchase_limit"], coins["fulfilment"], coins["subscription"]) == (3, {"credits": 100}, None)
    assert monthly["subscription"] == {"interval": "month", "interval_count": 1}
    assert monthly["clearing"]["splits"][1]["share_bps"] == 7000 and monthly["clearing"]["hold_days"] == 7
    assert monthly["stock"] == 10
    shown = pk_api.get(f"/products/{created['id']}")
    check(spec, "get", "/products/{id}", shown)
    assert shown.json["attributes"] == {"genre": "rpg"} and len(shown.json["skus"]) == 2


@pytest.mark.parametrize(
    "body, param",
    [
        ({}, "name"),
        ({"name": ""}, "name"),
        ({"name": "x", "attributes": ["a"]}, "attributes"),
        ({"name": "x", "status": "live"}, "status"),
        ({"name": "x", "skus": [{"name": "a"}]}, "skus[0].price"),
        ({"name": "x", "skus": [{"name": "a", "price": {"amount": -1, "currency": "usd"}}]}, "skus[0].price.amount"),
        ({"name": "x", "skus": [{"name": "a", "price": {"amount": 1.5, "currency": "usd"}}]}, "skus[0].price.amount"),
        (
            {"name": "x", "skus": [{"name": "a", "price": {"amount": 1, "currency": "dollars"}}]},
            "skus[0].price.currency",
        ),
        (
            {"name": "x", "skus": [{"name": "a", "price": {"amount": 1, "currency": "usd"}, "stock": -1}]},
            "skus[0].stock",
        ),
        (
            {
                "name": "x",
                "skus": [
                    {"name": "a", "price": {"amount": 1, "currency": "usd"}, "subscription": {"interval": "fortnight"}}
                ],
            },
            "subscription.interval",
        ),
        (
            {
                "name": "x",
                "skus": [
                    {
                        "name": "a",
                        "price": {"amount": 1, "currency": "usd"},
                        "subscription": {"interval": "month", "trial_days": 731},
                    }
                ],
            },
            "subscription.trial_days",
        ),
        (
            {
                "name": "x",
                "skus": [
                    {
                        "name": "a",
                        "price": {"amount": 1, "currency": "usd"},
                        "subscription": {"interval": "month", "trial_days": -1},
                    }
                ],
            },
            "subscription.trial_days",
        ),
        (
            {
                "name": "x",
                "skus": [
                    {
                        "name": "a",
                        "price": {"amount": 1, "currency": "usd"},
                        "subscription": {"interval": "month", "trial_days": "14"},
                    }
                ],
            },
            "subscription.trial_days",
        ),
        (
            {
                "name": "x",
                "skus": [
                    {
                        "name": "a",
                        "price": {"amount": 1, "currency": "usd"},
                        "subscription": {"interval": "month", "trial_days": 1.5},
                    }
                ],
            },
            "subscription.trial_days",
        ),
        (
            {
                "name": "x",
                "skus": [
                    {
                        "name": "a",
                        "price": {"amount": 1, "currency": "usd"},
                        "clearing": {"splits": [{"partner": "self", "share_bps": 20000}]},
                    }
                ],
            },
            "clearing.splits[0].share_bps",
        ),
        (
            {
                "name": "x",
                "skus": [{"name": "a", "price": {"amount": 1, "currency": "usd"}, "fulfilment": {"gold": 1}}],
            },
            "fulfilment",
        ),
        (
            {"name": "x", "skus": [{"name": "a", "price": {"amount": 1, "currency": "usd"}, "purchase_limit": 0}]},
            "skus[0].purchase_limit",
        ),
        (
            {
                "name": "x",
                "skus": [
                    {
                        "name": "a",
                        "price": {"amount": 1, "currency": "usd"},
                        "prices": [{"amount": 1, "currency": "eur"}, {"amount": 2, "currency": "eur"}],
                    }
                ],
            },
            "prices",
        ),
    ],
)
def test_invalid_catalog_input_is_a_400_naming_the_field_and_creates_nothing(api, spec, body, param):
    response = api.post("/products", json=body)
    check(spec, "post", "/products", response)
    assert response.status_code == 400 and response.json["error"]["param"] == param, response.json
    assert api.get("/products?status=draft").json["data"] == [] and api.get("/products").json["data"] == []


def test_a_sku_takes_a_free_trial_and_shows_it(api, pk_api, spec):
    product = new_product(api)
    monthly = next(s for s in product["skus"] if s["subscription"])
    trial = patch(api, f"/skus/{monthly['id']}", {"subscription": {"interval": "month", "trial_days": 14}})
    check(spec, "patch", "/skus/{id}", trial)
    assert trial.json["subscription"] == {"interval": "month", "interval_count": 1, "trial_days": 14}
    shown = pk_api.get(f"/products/{product['id']}")
    check(spec, "get", "/products/{id}", shown)
    assert next(s for s in shown.json["skus"] if s["id"] == monthly["id"])["subscription"]["trial_days"] == 14
    refused = patch(api, f"/skus/{monthly['id']}", {"subscription": {"interval": "month", "trial_days": 1000}})
    assert refused.status_code == 400 and refused.json["error"]["param"] == "subscription.trial_days"
    assert "from 0 (no trial) to 730" in refused.json["error"]["message"]
    no_trial = patch(api, f"/skus/{monthly['id']}", {"subscription": {"interval": "year", "trial_days": 0}})
    assert no_trial.status_code == 200 and no_trial.json["subscription"] == {"interval": "year", "interval_count": 1}


def test_patch_products_and_skus(api, pk_api, spec, other_merchant, client):
    product = new_product(api)
    response = patch(api, f"/products/{product['id']}", {"name": "Gold coins (new)", "status": "draft"})
    check(spec, "patch", "/products/{id}", response)
    assert response.json["name"] == "Gold coins (new)" and response.json["status"] == "draft"
    assert pk_api.get("/products").json["data"] == []  # a draft is not on sale
    assert [p["id"] for p in api.get("/products?status=draft").json["data"]] == [product["id"]]
    patch(api, f"/products/{product['id']}", {"status": "active"})

    sku = product["skus"][0]["id"]
    changed = patch(
        api,
        f"/skus/{sku}",
        {"price": {"amount": 249, "currency": "usd"}, "stock": 5, "prices": [{"amount": 229, "currency": "eur"}]},
    )
    check(spec, "patch", "/skus/{id}", changed)
    assert changed.json["price"] == {"amount": 249, "currency": "usd"} and changed.json["stock"] == 5
    assert changed.json["prices"] == [{"amount": 229, "currency": "eur"}, {"amount": 249, "currency": "usd"}]
    assert api.post("/quotes", json={"items": [{"sku": sku, "quantity": 2}]}).json["total"] == 498

    added = api.post(
        f"/products/{product['id']}/skus", json={"name": "1000 coins", "price": {"amount": 1499, "currency": "usd"}}
    )
    check(spec, "post", "/products/{id}/skus", added)
    assert patch(api, f"/skus/{added.json['id']}", {"status": "archived"}).json["status"] == "archived"
    assert added.json["id"] not in [s["id"] for s in pk_api.get(f"/products/{product['id']}").json["skus"]]

    from tests.conftest import Api

    rival = Api(client, other_merchant.secret_key)
    for response in (
        patch(rival, f"/products/{product['id']}", {"name": "mine"}),
        patch(rival, f"/skus/{sku}", {}),
        rival.post(f"/products/{product['id']}/skus", json={"name": "a", "price": {"amount": 1, "currency": "usd"}}),
    ):
        assert response.status_code == 404
    assert pk_api.post("/products", json={"name": "x"}).status_code == 403
    check(spec, "patch", "/skus/{id}", patch(rival, f"/skus/{sku}", {}))


def test_search_and_status_filters(api, pk_api, spec):
    new_product(api)
    new_product(api, name="Silver coins", description="cheaper")
    archived = new_product(api, name="Old bundle")
    patch(api, f"/products/{archived['id']}", {"status": "archived"})
    response = api.get("/products?q=COINS")
    check(spec, "get", "/products", response)
    assert sorted(p["name"] for p in response.json["data"]) == ["Gold coins", "Silver coins"]
    assert [p["name"] for p in api.get("/products?q=cheap").json["data"]] == ["Silver coins"]
    assert [p["name"] for p in api.get("/products?status=archived").json["data"]] == ["Old bundle"]
    assert pk_api.get("/products?status=archived").json["data"] != []  # pk: always what is on sale
    assert all(p["status"] == "active" for p in pk_api.get("/products?status=archived").json["data"])
    assert api.get("/products?status=gone").status_code == 400


def test_per_customer_purchase_limit_is_enforced_at_order_creation(api, spec):
    coins = next(s for s in new_product(api)["skus"] if s["name"] == "100 coins")
    assert api.post("/orders", json=order_body(coins["id"], 2)).status_code == 201
    refused = api.post("/orders", json=order_body(coins["id"], 2))
    check(spec, "post", "/orders", refused)
    assert refused.status_code == 422 and refused.json["error"]["code"] == "purchase_limit_exceeded"
    assert "you can buy 1 more" in refused.json["error"]["message"]
    assert api.post("/orders", json=order_body(coins["id"], 1)).status_code == 201
    assert api.post("/orders", json=order_body(coins["id"], 1) | {"customer": {"id": "other"}}).status_code == 201


def test_images_are_checked_by_content_stored_by_hash_and_cached_for_ever(
    app, api, merchant, client, tmp_path, monkeypatch
):
    from app.catalog.images import add_product_image
    from app.errors import InvalidRequest

    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(tmp_path))
    product = new_product(api)
    with app.app_context():
        image = add_product_image(merchant.id, product["id"], PNG)
        add_product_image(merchant.id, product["id"], b"<svg xmlns='http://www.w3.org/2000/svg'/>")
        with pytest.raises(InvalidRequest, match="PNG, JPEG"):
            add_product_image(merchant.id, product["id"], b"MZ not really a png at all")
        with pytest.raises(InvalidRequest, match="PNG, JPEG"):
            add_product_image(merchant.id, product["id"], b"<svg><script>alert(1)</script></svg>")
        monkeypatch.setitem(app.config, "MAX_IMAGE_BYTES", 32)
        with pytest.raises(InvalidRequest, match="at most"):
            add_product_image(merchant.id, product["id"], PNG)
        assert (tmp_path / image.filename).read_bytes() == PNG
    images = api.get(f"/products/{product['id']}").json["images"]
    assert len(images) == 2 and images[0].endswith(image.filename)
    served = client.get(urlsplit(images[0]).path)
    body = served.data
    served.close()  # the file stays open until the response is closed
    assert served.status_code == 200 and body == PNG and served.mimetype == "image/png"
    assert "immutable" in served.headers["Cache-Control"] and "max-age=31536000" in served.headers["Cache-Control"]
    assert client.get("/checkout/media/../../etc/passwd").status_code == 404


def test_repeating_a_sku_in_several_lines_cannot_get_past_the_purchase_limit(api):
    coins = next(s for s in new_product(api)["skus"] if s["name"] == "100 coins")  # 3 per customer
    body = order_body(coins["id"], 2)
    body["items"] = [{"sku": coins["id"], "quantity": 2}, {"sku": coins["id"], "quantity": 2}]
    refused = api.post("/orders", json=body)
    assert refused.status_code == 422 and refused.json["error"]["code"] == "purchase_limit_exceeded"
    assert refused.json["error"]["param"] == "items[1].quantity"
    assert "you can buy 1 more" in refused.json["error"]["message"]  # 2 already in this very order
    body["items"] = [{"sku": coins["id"], "quantity": 1}] * 3  # exactly the limit, in three lines
    assert api.post("/orders", json=body).status_code == 201
    body["items"] = [{"sku": coins["id"], "quantity": 1}]
    assert api.post("/orders", json=body).status_code == 422
