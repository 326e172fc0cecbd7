"""A shopper's erasure request in the portal: owners only, after typing the customer's id."""

from __future__ import annotations

from tests.privacy.test_customer_erasure import GONE, GONE_EMAIL, order_for


def test_an_owner_erases_a_customer_in_the_portal_after_typing_its_id(app, api, merchant, catalog, member):
    order = order_for(api, catalog["sku"], GONE, GONE_EMAIL).json
    owner = member("owner")
    page = owner.text(f"/portal/orders/{order['id']}")
    assert GONE_EMAIL in page and f"/portal/customers/{GONE}/erase" in page

    confirm = owner.text(f"/portal/customers/{GONE}/erase")
    assert "cannot be undone" in confirm and "Kept:" in confirm
    mistyped = owner.post(f"/portal/customers/{GONE}/erase", {"typed_id": "cus_other"})
    assert mistyped.status_code == 400 and f"Type {GONE} exactly" in mistyped.get_data(as_text=True)
    assert api.get(f"/orders/{order['id']}").json["customer"]["email"] == GONE_EMAIL  # nothing erased yet

    done = owner.post(f"/portal/customers/{GONE}/erase", {"typed_id": GONE}, follow_redirects=True)
    assert done.status_code == 200 and f"Erased the personal data of {GONE}" in done.get_data(as_text=True)
    assert api.get(f"/orders/{order['id']}").json["customer"]["email"] is None
    assert f"erased the personal data of customer {GONE}" in owner.text("/portal/audit")

    operator = member("operator")
    assert operator.get(f"/portal/customers/{GONE}/erase").status_code == 403
    assert f"/portal/customers/{GONE}/erase" not in operator.text(f"/portal/orders/{order['id']}")
