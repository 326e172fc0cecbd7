"""A merchant's first day in the portal, over its HTTP forms: what each page tells them after what they did."""

from __future__ import annotations

import re

import pytest

from tests.web.portal.test_portal_catalog import Portal, create_product, portal, rival  # noqa: F401  (fixtures)


def error_of(page: str, field: str) -> str:
    return re.search(rf'id="{field}-error"[^>]*>([^<]*)<', page).group(1)


@pytest.mark.parametrize(
    ("fields", "field", "says"),
    [
        ({"kind": "percent_off", "percent": "150"}, "percent", "Enter a percentage from 0.01 to 100, e.g. 15 or 12.5."),
        ({"kind": "percent_off", "percent": "0"}, "percent", "Enter a percentage from 0.01 to 100, e.g. 15 or 12.5."),
        ({"kind": "amount_off", "currency": "usd"}, "amount", "Enter the amount to take off, e.g. 5.00."),
        (
            {"kind": "amount_off", "amount": "0", "currency": "usd"},
            "amount",
            "Enter the amount to take off, e.g. 5.00.",
        ),
        (
            {"kind": "spend_and_save", "amount": "5", "currency": "usd"},
            "min_spend",
            "Enter the spend that earns the discount, e.g. 50.00.",
        ),
        (
            {"kind": "volume", "tiers": "1: 10"},
            "tiers",
            "Line 1: the quantity must be 2 or more and the percentage from 0.01 to 100.",
        ),
        (
            {"kind": "volume", "tiers": "5: 10\n10: 120"},
            "tiers",
            "Line 2: the quantity must be 2 or more and the percentage from 0.01 to 100.",
        ),
        (
            {
                "kind": "percent_off",
                "percent": "10",
                "valid_from": "2031-01-01T00:00",
                "valid_until": "2030-01-01T00:00",
            },
            "valid_until",
            "Choose a “Valid until” after “Valid from”.",
        ),
    ],
)
def test_a_refused_coupon_says_what_to_type_in_the_forms_words(portal, fields, field, says):
    """The coupon form showed the API's messages: 150 % read “Percent_bps must be an integer of at least 1 and at
    most 10000.”, an empty amount “An amount off needs amount_off (minor units) and its currency.”"""
    response = portal.submit("/portal/coupons/new", {"code": "OOPS", **fields})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert error_of(page, field) == says
    shown = " ".join(re.findall(r'role="alert">([^<]*)<', page))
    assert not re.search(r"_bps|amount_off|min_subtotal|valid_until|tier needs", shown), shown
    assert 'value="OOPS"' in page  # what was typed is kept


def test_a_coupon_past_its_end_is_not_listed_as_active(portal):
    """A coupon made with an end that had passed (a slip of the year) was listed as “active” and its page read
    “Valid now to 2020-01-01 00:00 UTC”, while every shopper who typed it was told it had expired."""
    response = portal.submit(
        "/portal/coupons/new",
        {"code": "LASTYEAR", "kind": "percent_off", "percent": "10", "valid_until": "2020-01-01T00:00"},
    )
    assert response.status_code == 302
    page = portal.page(response.headers["Location"])
    assert "Its “Valid until” (2020-01-01 00:00 UTC) has passed: shoppers cannot use it." in page
    assert re.search(r"<h1[^>]*>.*LASTYEAR.*badge[^>]*>expired<", page, re.S)
    assert "until 2020-01-01 00:00 UTC" in page and "now to" not in page
    row = re.search(r"<tr>\s*<td><a [^>]*><code>LASTYEAR</code>.*?</tr>", portal.page("/portal/coupons"), re.S).group(0)
    assert ">expired<" in row and "active" not in row

    portal.submit(
        "/portal/coupons/new",
        {"code": "LATER", "kind": "percent_off", "percent": "10", "valid_from": "2099-01-01T00:00"},
    )
    portal.submit("/portal/coupons/new", {"code": "NOW", "kind": "percent_off", "percent": "10"})
    listing = portal.page("/portal/coupons")
    for code, state in (("LATER", "scheduled"), ("NOW", "active")):
        row = re.search(rf"<tr>\s*<td><a [^>]*><code>{code}</code>.*?</tr>", listing, re.S).group(0)
        assert f">{state}<" in row, row


def test_a_coupons_page_says_what_it_takes_off_and_from_what(portal, catalog):
    """A coupon's page said “Kind: Percent off” and its uses, but not how much it takes off, its cap, its minimum
    spend, its ladder or the options it is limited to: a merchant could not check the coupon they had made."""
    made = portal.submit(
        "/portal/coupons/new",
        {
            "code": "TENOFF",
            "kind": "percent_off",
            "percent": "12.5",
            "cap": "5.00",
            "currency": "usd",
            "sku_ids": [catalog["sku"]],
        },
    )
    page = portal.page(made.headers["Location"])
    assert re.search(r"<dt>Discount</dt>\s*<dd>12.5% off, at most \$5.00</dd>", page), page
    assert re.search(r"<dt>Applies to</dt>\s*<dd>Pro membership — 30 days</dd>", page)

    made = portal.submit(
        "/portal/coupons/new",
        {"code": "SPEND", "kind": "spend_and_save", "amount": "5", "min_spend": "50", "currency": "eur"},
    )
    page = portal.page(made.headers["Location"])
    assert re.search(r"<dt>Discount</dt>\s*<dd>€5.00 off when the order reaches €50.00</dd>", page)
    assert re.search(r"<dt>Applies to</dt>\s*<dd>every product</dd>", page)

    made = portal.submit("/portal/coupons/new", {"code": "LADDER", "kind": "volume", "tiers": "10: 20\n5: 10"})
    page = portal.page(made.headers["Location"])
    assert re.search(r"<dt>Discount</dt>\s*<dd>5 or more: 10% off; 10 or more: 20% off \(per line\)</dd>", page)


def test_a_coupons_usage_links_each_order(portal, api, catalog):
    """A coupon's usage listed each order's id as plain text: the merchant had to copy it into the orders search."""
    made = portal.submit("/portal/coupons/new", {"code": "LINKED", "kind": "percent_off", "percent": "10"})
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": catalog["sku"], "quantity": 1}],
            "coupon": "linked",
            "customer": {"id": "cus_9"},
            "agreement_accepted": True,
        },
    ).json
    page = portal.page(made.headers["Location"])
    assert f'<a href="/portal/orders/{order["id"]}"><code>{order["id"]}</code></a>' in page
