"""Channels in the portal: order, switch, limits and template, with a preview that saves nothing."""

from __future__ import annotations

import re


def _panel_channels(client, product: str) -> list[str]:
    page = client.get(f"/checkout/{product}").get_data(as_text=True)
    return re.findall(r'name="channel" value="([a-z_]+)"', page)


def test_moving_a_channel_changes_the_checkout_order(app, client, merchant, catalog, portal):
    assert _panel_channels(client, catalog["product"]) == ["sandbox_card", "sandbox_qr"]
    assert portal.post("/portal/channels/sandbox_qr/move", {"direction": "up"}).status_code == 302
    assert _panel_channels(client, catalog["product"]) == ["sandbox_qr", "sandbox_card"]
    page = portal.text("/portal/channels").split('id="main"', 1)[1]  # the list, not the menu's "Customer wallets"
    assert page.index("sandbox_qr") < page.index("sandbox_card") < page.index("wallet")
    portal.post("/portal/channels/sandbox_qr/move", {"direction": "down"})
    assert _panel_channels(client, catalog["product"]) == ["sandbox_card", "sandbox_qr"]
    audit = portal.text("/portal/audit?action=channel.reorder")
    assert audit.count("<code>channel.reorder</code>") == 2


def test_the_list_says_where_each_channel_comes_not_a_bare_priority_number(portal):
    # Each row read "priority 100" under the name: every channel the same number (the default), and a merchant
    # reads a high priority as first when the lowest number comes first. The Position column says the order.
    page = portal.text("/portal/channels")
    assert "priority" not in page.lower()
    rows = re.findall(r"<tr>\s*<td[^>]*>(\d+)</td>\s*<td><strong>[^<]+</strong><br><code>([a-z_]+)</code></td>", page)
    assert rows[:2] == [("1", "sandbox_card"), ("2", "sandbox_qr")], rows


def test_disabling_a_channel_removes_it_from_the_checkout(client, catalog, portal):
    portal.post("/portal/channels/sandbox_card/toggle", {"enabled": "false"})
    assert _panel_channels(client, catalog["product"]) == ["sandbox_qr"]
    assert "disabled" in portal.text("/portal/channels")
    portal.post("/portal/channels/sandbox_card/toggle", {"enabled": "true"})
    assert _panel_channels(client, catalog["product"]) == ["sandbox_card", "sandbox_qr"]


def test_limits_currencies_and_template_are_saved_and_validated(app, client, merchant, catalog, portal):
    form = {
        "enabled": "y",
        "priority": "5",
        "display_name": "Cards",
        "icon": "card",
        "min_amount": "1.00",
        "max_amount": "0.50",
        "limits_currency": "usd",
        "currencies": "usd, eur",
        "agreement_text": "You agree to pay by card.",
    }
    refused = portal.post("/portal/channels/sandbox_card", form)
    assert refused.status_code == 422
    assert "Minimum order total ($1.00) must not exceed maximum order total ($0.50)." in refused.get_data(as_text=True)

    saved = portal.post("/portal/channels/sandbox_card", {**form, "max_amount": "50"})
    assert saved.status_code == 302
    with app.app_context():
        from app.payments.channels.configs import channel_settings

        assert channel_settings(merchant.id, "sandbox_card") == {
            "object": "channel_config",
            "code": "sandbox_card",
            "enabled": True,
            "priority": 5,
            "display_name": "Cards",
            "icon": "card",
            "min_amount": 100,
            "max_amount": 5000,
            "limits_currency": "usd",
            "currencies": ["usd", "eur"],
            "agreement_text": "You agree to pay by card.",
            "fee_bps": None,
            "fixed_fees": {},
            "dispute_fees": {},
        }
    panel = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert "Cards" in panel and "You agree to pay by card." in panel
    bad_currency = portal.post("/portal/channels/sandbox_card", {**form, "currencies": "dollars"})
    assert "Use codes like usd, eur." in bad_currency.get_data(as_text=True)


def test_the_preview_shows_unsaved_settings_and_saves_nothing(app, merchant, portal):
    fragment = portal.post(
        "/portal/channels/sandbox_qr/preview",
        {"enabled": "y", "priority": "1", "display_name": "Scan & pay", "icon": "qr", "agreement_text": "QR terms"},
        headers={"HX-Request": "true"},
    )
    text = fragment.get_data(as_text=True)
    assert fragment.status_code == 200 and text.lstrip().startswith('<div id="channel-preview"')
    assert "<html" not in text
    assert text.index("Scan &amp; pay") < text.index("Card (sandbox)") and "QR terms" in text
    hidden = portal.post("/portal/channels/sandbox_qr/preview", {"priority": "1"}).get_data(as_text=True)
    assert 'value="sandbox_qr"' not in hidden  # switched off in the form: not in the list
    with app.app_context():
        from app.payments.channels.configs import channel_settings

        assert channel_settings(merchant.id, "sandbox_qr") is None
    assert "Scan &amp; pay" not in portal.text("/portal/channels")


def test_an_unknown_channel_is_not_found(portal):
    assert portal.get("/portal/channels/bitcoin").status_code == 404
    assert portal.post("/portal/channels/bitcoin/move", {"direction": "up"}).status_code == 404
