"""Campaign pages: an empty list says what a campaign is for, the form creates one (refusing what it cannot take,
beside the field), the detail shows what it issued against its budget, and ending it asks first."""

from __future__ import annotations


def test_a_merchant_creates_watches_and_ends_a_campaign(app, merchant, portal):
    from app.catalog.coupons import create_coupon

    assert "No campaigns yet" in portal.text("/portal/campaigns")
    assert "create a coupon" in portal.text("/portal/campaigns/new")
    with app.app_context():
        template = create_coupon(
            merchant.id, {"code": "THANKS", "kind": "amount_off", "amount_off": 500, "currency": "usd"}
        ).id

    assert "THANKS" in portal.text("/portal/campaigns/new")
    fields = {"name": "Spring", "rule": "paid_order", "template_coupon": template,
              "max_issued": "10", "max_discount_total": "abc", "min_amount_currency": "usd"}  # fmt: skip
    refused = portal.post("/portal/campaigns/new", data=fields)
    assert refused.status_code == 422 and "Enter an amount like 9.99" in refused.get_data(as_text=True)
    created = portal.post("/portal/campaigns/new", data={**fields, "max_discount_total": "20.00"})
    assert created.status_code == 302
    detail_url = created.headers["Location"]
    detail = portal.text(detail_url)
    assert "Campaign Spring" in detail and "running" in detail
    assert '<progress id="issued-progress" max="10" value="0">' in detail
    assert "$0.00 of $20.00" in detail and "No coupons issued yet." in detail
    assert "Spring" in portal.text("/portal/campaigns")

    campaign_id = detail_url.rstrip("/").rsplit("/", 1)[-1]
    asked = portal.text(f"/portal/campaigns/{campaign_id}/end")
    assert "End campaign Spring?" in asked and "issue no more coupons" in asked
    ended = portal.post(f"/portal/campaigns/{campaign_id}/end", data={"confirmed": "yes"})
    assert ended.status_code == 302
    assert "ended" in portal.text(detail_url) and "End campaign…" not in portal.text(detail_url)
