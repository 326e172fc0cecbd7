"""The portal's coupon form sets what coupons as a product add: payment methods, automatic, duration."""

from __future__ import annotations

from tests.web.portal.test_portal_catalog import portal  # noqa: F401 (a fixture)


def test_the_form_offers_payment_methods_automatic_and_duration(app, portal, api):  # noqa: F811
    page = portal.page("/portal/coupons/new")
    for words in ("Only when paying with", "Apply automatically, without a code", "On a subscription, it discounts"):
        assert words in page
    assert 'value="sandbox_card"' in page
    response = portal.submit(
        "/portal/coupons/new",
        {
            "code": "cardfan",
            "kind": "percent_off",
            "percent": "5",
            "channels": ["sandbox_card"],
            "automatic": "y",
            "duration": "repeating",
            "duration_in_periods": "3",
        },
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    shown = portal.page(response.headers["Location"])
    assert "applied automatically" in shown and "sandbox_card" in shown and "the first order and 3 renewals" in shown
    coupon = api.get("/coupons?code=cardfan").json["data"][0]
    assert (coupon["channels"], coupon["automatic"], coupon["duration"], coupon["duration_in_periods"]) == (
        ["sandbox_card"],
        True,
        "repeating",
        3,
    )


def test_a_repeating_coupon_without_a_count_is_refused_on_the_form(portal):  # noqa: F811
    response = portal.submit(
        "/portal/coupons/new", {"code": "x", "kind": "percent_off", "percent": "5", "duration": "repeating"}
    )
    assert response.status_code == 422
    assert "Enter how many renewals it discounts" in response.get_data(as_text=True)
