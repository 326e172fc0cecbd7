"""A coupon's page lists its uses a page at a time. Before, it listed every use at once: a campaign's coupon, used
thousands of times, made a page of thousands of rows that took long to load and longer to read."""

from __future__ import annotations

import re


def test_a_coupons_uses_are_paged_newest_first(app, api, merchant, catalog, portal):
    from app.catalog.coupons import create_coupon
    from app.extensions import db

    with app.app_context():
        coupon = create_coupon(merchant.id, {"code": "LAUNCH", "kind": "percent_off", "percent_bps": 1000}).id
        db.session.commit()
    orders = []
    for n in range(53):
        made = api.post(
            "/orders",
            json={
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "coupon": "LAUNCH",
                "customer": {"id": f"cus_{n}"},
                "agreement_accepted": True,
            },
        )
        assert made.status_code == 201, made.json
        orders.append(made.json["id"])

    first = portal.text(f"/portal/coupons/{coupon}")
    shown = re.findall(r"<code>(ord_\w+)</code>", first)
    assert shown == orders[::-1][:50]
    older = re.search(r'<a href="([^"]+)" rel="next">Older →</a>', first).group(1).replace("&amp;", "&")
    second = portal.text(older)
    assert re.findall(r"<code>(ord_\w+)</code>", second) == orders[2::-1]
    assert 'rel="next"' not in second and "← Newest</a>" in second
