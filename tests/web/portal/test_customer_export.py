"""A shopper's access request in the portal: owners download everything Kassa holds about a customer, by a
recorded POST from the order page."""

from __future__ import annotations

import json

from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, order_for


def test_an_owner_downloads_a_customers_data_from_the_order_page_and_others_may_not(
    app, api, merchant, catalog, member
):
    order = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    owner = member("owner")
    page = owner.text(f"/portal/orders/{order['id']}")
    assert f"/portal/customers/{GONE}/export" in page and "Download their data (JSON)" in page

    download = owner.post(f"/portal/customers/{GONE}/export")
    assert download.status_code == 200 and download.mimetype == "application/json"
    assert download.headers["Content-Disposition"] == f'attachment; filename="customer-{GONE}.json"'
    assert "no-store" in download.headers["Cache-Control"]
    document = json.loads(download.get_data(as_text=True))
    assert [o["id"] for o in document["orders"]] == [order["id"]] and GONE_EMAIL in download.get_data(as_text=True)
    assert f"exported the personal data of customer {GONE}" in owner.text("/portal/audit")

    assert owner.post(f"/portal/customers/{GONE}/export", csrf=False).status_code == 400  # not from another site
    by_link = owner.get(f"/portal/customers/{GONE}/export")  # never by a link or a prefetch
    assert by_link.status_code in (404, 405) and "Content-Disposition" not in by_link.headers
    operator = member("operator")
    assert operator.post(f"/portal/customers/{GONE}/export").status_code == 403
    assert f"/portal/customers/{GONE}/export" not in operator.text(f"/portal/orders/{order['id']}")
