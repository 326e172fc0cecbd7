"""Portal pages for products and coupons, driven as a merchant would: real forms with CSRF tokens,
inline errors, flash messages, and another merchant's ids answering 404."""

from __future__ import annotations

import io
import re

import pytest

from tests.web.portal.test_portal_login import sign_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


def csrf_of(page: str) -> str:
    return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)


class Portal:
    """A signed-in merchant user's browser, over the Flask test client."""

    def __init__(self, client) -> None:
        self.client = client

    def page(self, path: str, status: int = 200) -> str:
        response = self.client.get(path)
        assert response.status_code == status, (path, response.status_code)
        return response.get_data(as_text=True)

    def submit(self, form_path: str, data: dict, *, action: str | None = None, **kw):
        """Open the form's page, then post ``data`` with the page's CSRF token (like pressing submit)."""
        token = csrf_of(self.page(form_path))
        return self.client.post(action or form_path, data={**data, "csrf_token": token}, **kw)


@pytest.fixture
def portal(app, merchant) -> Portal:
    client = app.test_client()
    assert sign_in(client, merchant.email, merchant.password).status_code == 302
    return Portal(client)


@pytest.fixture
def rival(app, other_merchant) -> Portal:
    client = app.test_client()
    sign_in(client, other_merchant.email, other_merchant.password)
    return Portal(client)


def create_product(portal: Portal, name: str = "Dragon pack") -> str:
    response = portal.submit(
        "/portal/products/new",
        {"name": name, "description": "Three dragons", "attributes": "rarity: epic\nregion: north", "status": "active"},
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"].rsplit("/", 1)[1]


def test_pages_need_a_sign_in(client):
    for path in ("/portal/products", "/portal/products/new", "/portal/coupons", "/portal/coupons/new"):
        response = client.get(path)
        assert response.status_code == 302 and "/portal/login" in response.headers["Location"]


def test_create_a_product_add_options_and_an_image(app, portal, merchant, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(tmp_path))
    assert "No products yet" in portal.page("/portal/products")
    product_id = create_product(portal)
    page = portal.page(f"/portal/products/{product_id}")
    assert "Product “Dragon pack” created" in page and "No options yet" in page

    response = portal.submit(
        f"/portal/products/{product_id}/skus/new",
        {
            "name": "Starter",
            "price": "4,99",
            "currency": "USD",
            "other_prices": "eur: 4.59",
            "stock": "25",
            "purchase_limit": "2",
            "specs": "dragons: 3",
            "status": "active",
        },
    )
    assert response.status_code == 302
    token = csrf_of(portal.page(f"/portal/products/{product_id}"))
    response = portal.client.post(
        f"/portal/products/{product_id}/images",
        content_type="multipart/form-data",
        data={"csrf_token": token, "image": (io.BytesIO(PNG), "dragon.png")},
    )
    assert response.status_code == 302
    page = portal.page(f"/portal/products/{product_id}")
    assert "Image added." in page
    assert "$4.99" in page and "€4.59" in page and ">25<" in page and "/checkout/media/" in page

    from app.catalog.models import Product
    from app.extensions import db

    with app.app_context():
        product = db.session.get(Product, product_id)
        assert product.attributes == {"rarity": "epic", "region": "north"}
        sku = product.skus[0]
        assert (sku.price_amount, sku.currency, sku.stock, sku.purchase_limit) == (499, "usd", 25, 2)
        assert {p.currency: p.amount for p in sku.prices} == {"usd": 499, "eur": 459}


def test_invalid_input_is_explained_inline_and_saves_nothing(app, portal, tmp_path, monkeypatch):
    monkeypatch.setitem(app.config, "UPLOAD_DIR", str(tmp_path))
    response = portal.submit("/portal/products/new", {"name": "", "attributes": "no colon here"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Enter the product&#39;s name." in page and "Line 1: write one “name: value” per line." in page
    assert 'aria-invalid="true"' in page

    product_id = create_product(portal)
    response = portal.submit(
        f"/portal/products/{product_id}/skus/new",
        {"name": "Starter", "price": "4.999", "currency": "usd", "status": "active"},
    )
    assert response.status_code == 422 and "Enter an amount like 9.99." in response.get_data(as_text=True)
    response = portal.submit(
        f"/portal/products/{product_id}/skus/new",  # a thousands comma is no decimal comma
        {"name": "Starter", "price": "1,000", "currency": "usd", "status": "active"},
    )
    assert response.status_code == 422 and "“1,000” could be 1000 or 1.000" in response.get_data(as_text=True)
    response = portal.submit(
        f"/portal/products/{product_id}/skus/new",
        {"name": "Starter", "price": "5", "currency": "dollars", "status": "active"},
    )
    assert response.status_code == 422
    assert re.search(
        r'id="currency-error"[^>]*>Currency must be a three-letter ISO code', response.get_data(as_text=True)
    )

    token = csrf_of(portal.page(f"/portal/products/{product_id}"))
    response = portal.client.post(
        f"/portal/products/{product_id}/images",
        content_type="multipart/form-data",
        data={"csrf_token": token, "image": (io.BytesIO(b"GIF? no, text"), "fake.gif")},
    )
    assert response.status_code == 422 and "Upload a PNG, JPEG, WebP, GIF or SVG image." in response.get_data(
        as_text=True
    )
    assert "No options yet" in portal.page(f"/portal/products/{product_id}")

    # Without the CSRF token nothing is saved.
    assert portal.client.post("/portal/products/new", data={"name": "Sneaky"}).status_code == 400
    assert "Sneaky" not in portal.page("/portal/products")


def test_edit_search_paginate_and_archive_with_confirmation(portal):
    product_id = create_product(portal)
    response = portal.submit(
        f"/portal/products/{product_id}",
        {"name": "Dragon pack XL", "description": "", "attributes": "", "status": "active"},
    )
    assert response.status_code == 302
    assert "Product saved." in portal.page(f"/portal/products/{product_id}")
    for i in range(21):
        create_product(portal, f"Filler {i:02d}")
    assert "Dragon pack XL" in portal.page("/portal/products?q=pack+xl")
    assert "Filler" not in portal.page("/portal/products?q=pack+xl")
    first, second = portal.page("/portal/products"), portal.page("/portal/products?page=2")
    names = [re.findall(r'">((?:Filler \d\d)|Dragon pack XL)</a>', page) for page in (first, second)]
    assert "Next →" in first and "Next →" not in second and "← Previous" in second
    assert (len(names[0]), len(names[1])) == (20, 2) and len(set(names[0] + names[1])) == 22

    confirm = portal.page(f"/portal/products/{product_id}/archive")
    assert "Archive “Dragon pack XL”?" in confirm
    response = portal.submit(f"/portal/products/{product_id}/archive", {})
    assert response.status_code == 302
    listing = portal.page("/portal/products?status=archived")
    assert "archived: it is no longer on sale" in listing and "Dragon pack XL" in listing
    assert "Dragon pack XL" not in portal.page("/portal/products?status=active")


def test_another_merchant_gets_404_everywhere(portal, rival):
    product_id = create_product(portal)
    portal.submit(
        f"/portal/products/{product_id}/skus/new",
        {"name": "Starter", "price": "4.99", "currency": "usd", "status": "active"},
    )
    portal.submit("/portal/coupons/new", {"code": "MINE", "kind": "percent_off", "percent": "10"})
    from app.catalog.coupon_models import Coupon
    from app.catalog.models import Sku
    from app.extensions import db

    with portal.client.application.app_context():
        sku_id = db.session.query(Sku.id).filter_by(product_id=product_id).scalar()
        coupon_id = db.session.query(Coupon.id).filter_by(code="MINE").scalar()
    for path in (
        f"/portal/products/{product_id}",
        f"/portal/products/{product_id}/archive",
        f"/portal/skus/{sku_id}",
        f"/portal/products/{product_id}/skus/new",
        f"/portal/coupons/{coupon_id}",
        f"/portal/coupons/{coupon_id}/edit",
    ):
        assert rival.client.get(path).status_code == 404, path
    token = csrf_of(rival.page("/portal/products"))
    for path in (
        f"/portal/products/{product_id}/archive",
        f"/portal/coupons/{coupon_id}/deactivate",
        f"/portal/products/{product_id}",
    ):
        assert rival.client.post(path, data={"csrf_token": token, "name": "x"}).status_code == 404, path
    assert "Dragon pack" not in rival.page("/portal/products")
    assert "MINE" not in rival.page("/portal/coupons")


def test_coupons_create_edit_deactivate_and_usage(app, portal, api, catalog):
    assert "No coupons yet" in portal.page("/portal/coupons")
    response = portal.submit(
        "/portal/coupons/new",
        {
            "code": "summer10",
            "kind": "percent_off",
            "percent": "10",
            "cap": "5.00",
            "currency": "usd",
            "max_redemptions": "100",
            "sku_ids": [catalog["sku"]],
        },
    )
    assert response.status_code == 302
    coupon_page = response.headers["Location"]
    assert "Coupon SUMMER10 created." in portal.page(coupon_page)

    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 2}],
            "coupon": "Summer10",
            "customer": {"id": "cus_77"},
            "agreement_accepted": True,
        },
    ).json
    assert order["amount"]["discount"] == 199
    usage = portal.page(coupon_page)
    assert order["id"] in usage and "cus_77" in usage and "$1.99" in usage and "1 of 100 times" in usage

    response = portal.submit(coupon_page + "/edit", {"description": "Summer sale", "max_redemptions": "0"})
    assert response.status_code == 422 and "Number must be at least 1." in response.get_data(as_text=True)
    response = portal.submit(
        coupon_page + "/edit",
        {"description": "Summer sale", "max_redemptions": "50", "valid_until": "2030-01-01T00:00"},
    )
    assert response.status_code == 302
    assert "Summer sale" in portal.page(coupon_page) and "2030-01-01 00:00 UTC" in portal.page(coupon_page)

    response = portal.submit(coupon_page, {"confirmed": "yes"}, action=coupon_page + "/deactivate")
    assert response.status_code == 302 and "deactivated: it can no longer be used" in portal.page(coupon_page)
    refused = api.post("/quotes", json={"items": [{"sku": catalog["sku"], "quantity": 1}], "coupon": "SUMMER10"})
    assert refused.json["error"]["code"] == "coupon_invalid"


def test_coupon_validation_errors_are_inline(portal):
    response = portal.submit("/portal/coupons/new", {"code": "", "kind": "percent_off", "percent": "10"})
    assert response.status_code == 422
    assert "Enter a code, or a number of codes to generate." in response.get_data(as_text=True)
    response = portal.submit("/portal/coupons/new", {"code": "X1", "kind": "percent_off", "percent": "ten"})
    assert "Enter a percentage like 15 or 12.5." in response.get_data(as_text=True)
    response = portal.submit("/portal/coupons/new", {"code": "X2", "kind": "amount_off", "currency": "usd"})
    assert response.status_code == 422 and "Enter the amount to take off, e.g. 5.00." in response.get_data(as_text=True)
    portal.submit("/portal/coupons/new", {"code": "TAKEN", "kind": "percent_off", "percent": "5"})
    response = portal.submit("/portal/coupons/new", {"code": "taken", "kind": "percent_off", "percent": "5"})
    assert response.status_code == 422 and "The code TAKEN is already in use." in response.get_data(as_text=True)


def test_bulk_codes_are_shown_once_with_a_csv(portal):
    response = portal.submit(
        "/portal/coupons/new",
        {
            "bulk_count": "25",
            "prefix": "vip",
            "kind": "amount_off",
            "amount": "2.50",
            "currency": "usd",
            "max_per_customer": "1",
        },
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "25 codes generated" in page and "shown only once" in page
    codes = re.findall(r"<code>(VIP-[A-Z0-9]{8})</code>", page)
    assert len(set(codes)) == 25
    csv_href = re.search(r'href="(data:text/csv[^"]+)" download="vip.csv"', page).group(1)
    from urllib.parse import unquote

    assert unquote(csv_href.split(",", 1)[1]).split() == ["code", *codes]
    assert any(code in portal.page("/portal/coupons?q=vip") for code in codes)


def test_without_a_script_every_coupon_field_shows_and_unused_ones_are_refused_next_to_them(portal):
    page = portal.page("/portal/coupons/new")
    # Every field is in the page, each marked with the kinds it applies to (the script hides the rest).
    assert re.search(r'data-coupon-kinds="percent_off">\s*<div class="field">\s*<label for="percent"', page)
    assert 'data-coupon-kinds="amount_off spend_and_save">' in page and 'data-coupon-kinds="volume">' in page
    assert "leave the others empty" in page

    response = portal.submit(
        "/portal/coupons/new",
        {"code": "MIXED", "kind": "amount_off", "amount": "2.50", "currency": "usd", "percent": "15", "tiers": "5: 10"},
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert re.search(r'id="percent-error"[^>]*>A “Fixed amount off” coupon does not use this; clear it', page)
    assert re.search(r'id="tiers-error"[^>]*>A “Fixed amount off” coupon does not use this', page)
    assert "amount-error" not in page
    # What the merchant typed is kept, so they only clear what does not apply.
    assert 'value="MIXED"' in page and 'value="2.50"' in page and 'value="15"' in page and "5: 10</textarea>" in page
    assert "MIXED" not in portal.page("/portal/coupons")

    response = portal.submit(
        "/portal/coupons/new",
        {"code": "MIXED", "kind": "amount_off", "amount": "2.50", "currency": "usd", "percent": "", "tiers": ""},
    )
    assert response.status_code == 302 and "MIXED" in portal.page("/portal/coupons")


def test_a_ladder_coupon_ignores_the_default_currency(portal):
    response = portal.submit(
        "/portal/coupons/new", {"code": "LADDER", "kind": "volume", "currency": "usd", "tiers": "5: 10\n10: 20"}
    )
    assert response.status_code == 302


def test_an_option_made_in_the_portal_grants_what_its_form_says_once_paid(app, portal, api, sandbox, worker):
    from tests.support.lifecycle import paid_order

    product_id = create_product(portal)
    refused = portal.submit(
        f"/portal/products/{product_id}/skus/new",
        {
            "name": "Season pass",
            "price": "9.99",
            "currency": "usd",
            "status": "active",
            "fulfilment_membership_days": "0",
            "fulfilment_webhook_url": "ftp://game.example/x",
        },
    )
    assert refused.status_code == 422
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "Grant from 1 to 3660 days, or leave it empty." in page
    assert "Give the address of your server, starting with https://" in page
    assert 'value="ftp://game.example/x"' in page  # nothing typed is lost

    both = portal.submit(
        f"/portal/products/{product_id}/skus/new",
        {
            "name": "Season pass",
            "price": "9.99",
            "currency": "usd",
            "status": "active",
            "fulfilment_membership_days": "30",
            "fulfilment_credits": "100",
        },
    )
    assert both.status_code == 422 and "not both" in both.get_data(as_text=True)

    saved = portal.submit(
        f"/portal/products/{product_id}/skus/new",
        {"name": "Season pass", "price": "9.99", "currency": "usd", "status": "active", "fulfilment_credits": "100"},
    )
    assert saved.status_code == 302
    sku_id = api.get(f"/products/{product_id}").json["skus"][0]["id"]
    edit = portal.page(f"/portal/skus/{sku_id}")
    assert re.search(r'name="fulfilment_credits" type="number" value="100"', edit)

    order = paid_order(api, sandbox, sku_id)
    worker()
    assert api.get(f"/orders/{order['id']}").json["status"] == "fulfilled"
    held = api.get(f"/customers/{order['customer']['id']}/entitlements").json
    assert held["credits"] == 100 and held["grants"][0]["order"] == order["id"]


def _post_form(page: str, holding: str) -> dict:
    """The fields of the page's POST form holding the field ``holding``, as the browser would send them."""
    from tests.web.portal.test_hostile_forms import _Forms

    parser = _Forms("/")
    parser.feed(page)
    return next(form for form in parser.forms if form.method == "post" and holding in form.fields).fields


def test_an_option_saved_from_a_stale_page_never_puts_back_stock_that_was_sold(app, portal, api, catalog):
    """The merchant opens an option with 3 in stock, shoppers order 2 meanwhile, and the merchant saves a new name:
    the stock stays 1 (saving the 3 the page showed would sell units that are gone). A stock the merchant did
    change on a stale page is refused, saying what it is now."""
    from app.catalog.models import Sku
    from app.extensions import db

    def stock() -> int | None:  # the portal shows test mode, and the orders are test orders: test orders' stock
        with app.app_context():
            return db.session.get(Sku, catalog["limited_sku"]).test_stock

    def order() -> None:
        made = api.post(
            "/orders",
            json={
                "items": [{"sku": catalog["limited_sku"], "quantity": 1}],
                "customer": {"id": "cus_stock"},
                "agreement_accepted": True,
            },
        )
        assert made.status_code == 201

    path = f"/portal/skus/{catalog['limited_sku']}"
    stale = _post_form(portal.page(path), "stock")
    assert stale["stock"] == "3"
    order(), order()
    renamed = portal.client.post(path, data={**stale, "name": "Founder edition II"})
    assert renamed.status_code == 302, renamed.get_data(as_text=True)
    assert stock() == 1
    with app.app_context():
        assert db.session.get(Sku, catalog["limited_sku"]).name == "Founder edition II"

    stale = _post_form(portal.page(path), "stock")
    order()
    restocked = portal.client.post(path, data={**stale, "stock": "10"})
    page = restocked.get_data(as_text=True)
    assert restocked.status_code == 422 and "Stock changed from 1 to 0 while you edited" in page
    assert stock() == 0
    again = portal.client.post(path, data=_post_form(page, "stock") | {"stock": "10"})  # the page now shows 0: saved
    assert again.status_code == 302 and stock() == 10


def test_a_shown_stock_no_column_holds_is_a_stale_page_not_a_500(app, portal, catalog):
    # The hidden field of the stock the page showed, edited past what the INTEGER column holds: was a 500.
    from app.catalog.models import Sku
    from app.extensions import db

    path = f"/portal/skus/{catalog['limited_sku']}"
    form = _post_form(portal.page(path), "stock")
    edited = portal.client.post(path, data={**form, "stock_shown": "3000000000", "stock": "7"})
    assert edited.status_code == 422, edited.status_code
    assert "Stock changed from 3000000000 to 3 while you edited" in edited.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Sku, catalog["limited_sku"]).test_stock == 3


@pytest.mark.parametrize("shown", ["x", "12345678901", "9" * 5000])
def test_a_shown_stock_that_is_no_number_is_not_taken_for_unlimited(app, portal, catalog, shown):
    # The form read the stock it showed with its own check (digits, at most 10), and anything else counted as
    # "the page showed unlimited": on an unlimited option an edited hidden field then set the stock unchecked.
    from app.catalog.models import Sku
    from app.extensions import db

    path = f"/portal/skus/{catalog['sku']}"
    form = _post_form(portal.page(path), "stock")
    assert form["stock_shown"] == ""  # unlimited
    edited = portal.client.post(path, data={**form, "stock_shown": shown, "stock": "7"})
    assert edited.status_code == 422, edited.status_code
    assert "while you edited" in edited.get_data(as_text=True)
    with app.app_context():
        assert db.session.get(Sku, catalog["sku"]).test_stock is None


@pytest.mark.postgres_only  # SQLite takes one writer at a time: the second use waits for the save instead
def test_a_limit_lowered_as_the_coupon_is_used_again_is_refused_with_the_new_count(app, merchant, portal, api, catalog):
    """The merchant lowers a coupon's limit to the 1 use it has; a shopper uses it again between the check and the
    save. The database's rule (uses ≤ limit) refuses the save: the form says so with the new count (was a 500)."""
    from app.catalog.coupon_models import Coupon
    from app.catalog.coupons import create_coupon
    from app.extensions import db
    from tests.platform.db.test_read_snapshot import held_read

    with app.app_context():
        coupon_id = create_coupon(merchant.id, {"code": "TWICE", "kind": "percent_off", "percent_bps": 1000}).id

    def use() -> None:
        assert (
            api.post(
                "/orders",
                json={
                    "items": [{"sku": catalog["sku"], "quantity": 1}],
                    "coupon": "TWICE",
                    "customer": {"id": "cus_coupon"},
                    "agreement_accepted": True,
                },
            ).status_code
            == 201
        )

    use()
    path = f"/portal/coupons/{coupon_id}/edit"
    form = {**_post_form(portal.page(path), "max_redemptions"), "max_redemptions": "1"}
    saved = held_read(app, path, "UPDATE coupons", 1, lambda: portal.client.post(path, data=form), use)
    page = saved.get_data(as_text=True)
    assert (
        saved.status_code == 422
        and "It has already been used 2 times by test orders; the limit cannot be lower." in page
    )
    with app.app_context():
        coupon = db.session.get(Coupon, coupon_id)
        assert (coupon.test_times_redeemed, coupon.max_redemptions) == (2, None)


def test_a_coupons_usage_lists_the_uses_of_the_mode_the_portal_shows(app, api, merchant, catalog, portal):
    """Test orders count their coupon uses apart: the live portal said "Used 0 of 1 times" and listed the test
    order's use beneath it as counting, so the merchant could not tell whether live shoppers had used it up."""
    from app.catalog.coupons import create_coupon
    from app.extensions import db

    with app.app_context():
        coupon = create_coupon(
            merchant.id, {"code": "LAUNCH", "kind": "percent_off", "percent_bps": 1000, "max_redemptions": 1}
        )
        db.session.commit()
        coupon_id = coupon.id
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "coupon": "LAUNCH",
            "customer": {"id": "cus_1"},
            "agreement_accepted": True,
        },
    )
    assert order.status_code == 201, order.json
    assert order.json["id"] in portal.page(f"/portal/coupons/{coupon_id}")  # the portal starts in test mode
    # The order's page names the coupon behind its discount, and links to it.
    assert re.search(
        rf'\$0\.99 by coupon <a href="/portal/coupons/{coupon_id}"><code>LAUNCH</code></a>',
        portal.page(f"/portal/orders/{order.json['id']}"),
    )
    assert portal.submit(f"/portal/coupons/{coupon_id}", {"mode": "live"}, action="/portal/mode").status_code == 302
    page = portal.page(f"/portal/coupons/{coupon_id}")
    assert "<dd>0 of 1 time<" in page  # one use allowed: "time", not "times"
    assert order.json["id"] not in page and "Not used yet." in page


@pytest.mark.parametrize("image_id", ["2147483648", "99999999999999999999"])
def test_removing_an_image_id_no_column_holds_is_a_404_not_a_500(portal, catalog, image_id):
    # A product image's id is a 32-bit serial: an edited form's larger id reached PostgreSQL ("integer out of range").
    token = _post_form(portal.page(f"/portal/products/{catalog['product']}"), "csrf_token")["csrf_token"]
    removed = portal.client.post(
        f"/portal/products/{catalog['product']}/images/{image_id}/delete", data={"csrf_token": token}
    )
    assert removed.status_code == 404, removed.status_code
