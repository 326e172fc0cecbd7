"""Settings → Business lines in the portal: empty state, add, rename, archive after a confirmation."""

from __future__ import annotations

from tests.conftest import Api


def test_a_merchant_manages_lines_in_the_portal(app, merchant, portal):
    empty = portal.text("/portal/settings/business_lines")
    assert "No business lines yet." in empty

    refused = portal.post("/portal/settings/business_lines", {"code": "Games!", "name": "Games"})
    assert refused.status_code == 422 and "code is 1 to 40 lowercase letters" in refused.get_data(as_text=True)
    assert portal.post("/portal/settings/business_lines", {"code": "games", "name": "Games"}).status_code == 302
    page = portal.text("/portal/settings/business_lines")
    assert "<code>games</code>" in page and "No business lines yet." not in page
    line_id = page.split('id="rename-')[1].split('"')[0]

    assert portal.post(f"/portal/settings/business_lines/{line_id}/rename", {"name": "Games & apps"}).status_code == 302
    assert "Games &amp; apps" in portal.text("/portal/settings/business_lines")

    asked = portal.post(f"/portal/settings/business_lines/{line_id}/archive", {})
    assert asked.status_code == 200 and "Archive the business line" in asked.get_data(as_text=True)
    assert "active" in portal.text("/portal/settings/business_lines")
    done = portal.post(f"/portal/settings/business_lines/{line_id}/archive", {"confirmed": "yes"})
    assert done.status_code == 302
    assert "archived" in portal.text("/portal/settings/business_lines")
    assert "business_line.archive" in portal.text("/portal/audit?action=business_line.archive")


def test_another_merchants_line_is_not_found_in_the_portal(app, merchant, other_merchant, portal, client):
    line = Api(client, other_merchant.secret_key).post("/business_lines", json={"code": "x", "name": "X"}).get_json()
    assert portal.get(f"/portal/settings/business_lines/{line['id']}/archive").status_code == 404


def test_products_and_orders_show_and_filter_by_line_in_the_portal(app, merchant, portal, api, catalog):
    assert "Business line" not in portal.text("/portal/orders")  # a merchant without lines sees no line
    line = api.post("/business_lines", json={"code": "games", "name": "Games"}).get_json()
    made = portal.post(
        "/portal/products/new",
        {
            "name": "Dragon saga",
            "status": "active",
            "business_line": line["id"],
            "option_name": "One",
            "price": "5.00",
            "currency": "usd",
        },
    )
    assert made.status_code == 302, made.get_data(as_text=True)
    edit_page = portal.text(made.headers["Location"])
    assert f'<option selected value="{line["id"]}">' in edit_page or f'value="{line["id"]}" selected' in edit_page
    product = made.headers["Location"].rsplit("/", 1)[1]
    sku = api.get(f"/products/{product}").get_json()["skus"][0]["id"]
    in_line = api.post(
        "/orders", json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "c1"}, "agreement_accepted": True}
    ).get_json()
    plain = api.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c2"}, "agreement_accepted": True},
    ).get_json()

    listed = portal.text("/portal/orders")
    assert in_line["id"] in listed and plain["id"] in listed and "Business line" in listed
    filtered = portal.text(f"/portal/orders?business_line={line['id']}")
    assert in_line["id"] in filtered and plain["id"] not in filtered
    assert "<code>games</code>" in portal.text(f"/portal/orders/{in_line['id']}")
