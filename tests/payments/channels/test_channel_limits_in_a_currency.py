"""A channel's limits are amounts in one currency: a merchant selling in yen and dollars who caps a channel at
¥50,000 has not capped dollar orders at $500.00 (50000 minor units), nor dinar orders at 50.000 KWD."""

from __future__ import annotations

from tests.web.portal.test_channels import _panel_channels

FORM = {"enabled": "y", "priority": "5", "display_name": "Card (sandbox)", "icon": "card"}


def _offered(api, sku: str, currency: str, quantity: int = 1) -> list[str]:
    order = api.post(
        "/orders",
        json={
            "items": [{"sku": sku, "quantity": quantity}],
            "customer": {"id": "cus_lim"},
            "agreement_accepted": True,
            "currency": currency,
        },
    )
    assert order.status_code == 201, order.json
    return [c["code"] for c in order.json["available_channels"]]


def test_a_maximum_typed_in_yen_bounds_yen_orders_only(app, api, merchant, catalog, portal):
    prices = [{"amount": 30_000, "currency": "jpy"}, {"amount": 30_000, "currency": "kwd"}]  # ¥30,000; 30.000 KWD
    assert api.patch(f"/skus/{catalog['sku']}", json={"prices": prices}).status_code == 200
    saved = portal.post("/portal/channels/sandbox_card", {**FORM, "max_amount": "50000", "limits_currency": "jpy"})
    assert saved.status_code == 302, saved.get_data(as_text=True)
    assert 'value="50000"' in portal.text("/portal/channels/sandbox_card")  # shown as typed, in yen

    assert "sandbox_card" in _offered(api, catalog["sku"], "jpy")  # ¥30,000
    assert "sandbox_card" not in _offered(api, catalog["sku"], "jpy", quantity=2)  # ¥60,000
    assert "sandbox_card" in _offered(api, catalog["sku"], "usd", quantity=60)  # $599.40: 59940 minor units
    assert "sandbox_card" in _offered(api, catalog["sku"], "kwd", quantity=2)  # 60.000 KWD
    assert "sandbox_card" in _panel_channels(app.test_client(), catalog["product"])


def test_limits_in_dinars_are_typed_to_the_fils_and_need_their_currency(app, api, merchant, catalog, portal):
    bare = portal.post("/portal/channels/sandbox_card", {**FORM, "min_amount": "5"})
    assert bare.status_code == 422 and "Name the currency of the limits" in bare.get_data(as_text=True)
    comma = portal.post("/portal/channels/sandbox_card", {**FORM, "min_amount": "1,500", "limits_currency": "kwd"})
    assert comma.status_code == 422 and "“1,500” could be 1500 or 1.500" in comma.get_data(as_text=True)
    saved = portal.post("/portal/channels/sandbox_card", {**FORM, "min_amount": "1.500", "limits_currency": "KWD"})
    assert saved.status_code == 302, saved.get_data(as_text=True)
    assert 'value="1.500"' in portal.text("/portal/channels/sandbox_card")
    with app.app_context():
        from app.payments.channels.configs import channel_settings

        settings = channel_settings(merchant.id, "sandbox_card")
        assert (settings["min_amount"], settings["limits_currency"]) == (1500, "kwd")
    assert (
        api.patch(f"/skus/{catalog['sku']}", json={"prices": [{"amount": 1000, "currency": "kwd"}]}).status_code == 200
    )
    assert "sandbox_card" not in _offered(api, catalog["sku"], "kwd")  # 1.000 KWD is below 1.500 KWD
    assert "sandbox_card" in _offered(api, catalog["sku"], "usd")  # $9.99: 999 minor units, no dinars
