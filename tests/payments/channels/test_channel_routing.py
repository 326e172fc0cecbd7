"""Which channels an order is offered, as the merchant configured them, and configure_channel's checks."""

from __future__ import annotations

import pytest

from tests.payments.attempts.test_payment_flow import create_order


def configure(app, merchant_id: str, code: str, **settings):
    from app.payments.channels.configs import configure_channel

    with app.app_context():
        return configure_channel(merchant_id, code, **settings)


def offered(api, order_id: str) -> list[str]:
    return [c["code"] for c in api.get(f"/orders/{order_id}").json["available_channels"]]


def test_channels_are_offered_by_priority_and_limits(app, api, merchant, catalog):
    configure(
        app,
        merchant.id,
        "sandbox_qr",
        priority=1,
        display_name="Scan & pay",
        icon="qr",
        agreement_text="QR payments are final.",
    )
    configure(app, merchant.id, "sandbox_card", priority=5, max_amount=2000)

    small = create_order(api, catalog["sku"], 1)  # $9.99
    large = create_order(api, catalog["sku"], 3)  # $29.97, above the card's maximum
    assert offered(api, small["id"]) == ["sandbox_qr", "sandbox_card"]
    assert small["available_channels"][0] == {"code": "sandbox_qr", "name": "Scan & pay", "icon": "qr"}
    assert offered(api, large["id"]) == ["sandbox_qr"]

    refused = api.post(f"/orders/{large['id']}/pay", json={"channel": "sandbox_card"})
    assert refused.status_code == 400
    error = refused.json["error"]
    assert (error["code"], error["param"]) == ("channel_unavailable", "channel")
    assert "above the channel's maximum of $20.00" in error["message"]
    assert api.get(f"/orders/{large['id']}").json["status"] == "created"  # nothing was started


def test_minimum_currency_and_disabled_channels_are_hidden(app, api, merchant, catalog):
    configure(app, merchant.id, "sandbox_card", min_amount=1000)
    configure(app, merchant.id, "sandbox_qr", currencies=["EUR", "gbp"])
    order = create_order(api, catalog["sku"], 1)  # 999 usd
    assert offered(api, order["id"]) == []
    below = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_card"})
    assert below.status_code == 400 and "at least $10.00" in below.json["error"]["message"]
    wrong_currency = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"})
    assert "does not accept USD" in wrong_currency.json["error"]["message"]

    configure(app, merchant.id, "sandbox_card", min_amount=None)
    configure(app, merchant.id, "sandbox_qr", currencies=["usd"], enabled=False)
    assert offered(api, order["id"]) == ["sandbox_card"]
    configure(app, merchant.id, "sandbox_qr", enabled=True)
    assert offered(api, order["id"]) == ["sandbox_card", "sandbox_qr"]


def test_one_merchants_settings_do_not_touch_another(app, api, merchant, other_merchant, catalog):
    configure(app, other_merchant.id, "sandbox_card", enabled=False)
    order = create_order(api, catalog["sku"])
    assert "sandbox_card" in offered(api, order["id"])


def test_the_panel_shows_the_first_channels_agreement_text_and_an_icon_per_channel(app, client, merchant, catalog):
    configure(app, merchant.id, "sandbox_qr", priority=1, agreement_text="Scanning means you accept QR terms.")
    configure(app, merchant.id, "sandbox_card", agreement_text="Cards are charged at once.")
    page = client.get(f"/checkout/{catalog['product']}").get_data(as_text=True)
    assert page.index("QR code (sandbox)") < page.index("Card (sandbox)")
    assert page.count('class="channel-icon') == 2
    assert 'data-channel-agreement="sandbox_qr" >Scanning means you accept QR terms.' in page
    assert 'data-channel-agreement="sandbox_card" hidden>Cards are charged at once.' in page


@pytest.mark.parametrize(
    "settings, param, words",
    [
        ({"priority": -1}, "priority", "from 0"),
        ({"priority": "1"}, "priority", "whole number"),
        ({"enabled": "yes"}, "enabled", "true or false"),
        ({"min_amount": 1.5}, "min_amount", "minor units"),
        ({"max_amount": True}, "max_amount", "minor units"),
        ({"min_amount": 500, "max_amount": 100}, "min_amount", "must not exceed"),
        ({"currencies": "usd"}, "currencies", "list"),
        ({"currencies": ["usd", "dollars"]}, "currencies[1]", "three-letter"),
        ({"display_name": "x" * 101}, "display_name", "at most 100"),
        ({"agreement_text": 7}, "agreement_text", "text"),
        ({"colour": "red"}, "colour", "unknown channel setting"),
    ],
)
def test_configure_channel_refuses_bad_settings_and_saves_nothing(ctx, merchant, settings, param, words):
    from app.errors import InvalidRequest
    from app.extensions import db
    from app.payments.channels.configs import configure_channel
    from app.payments.models import ChannelConfig

    with pytest.raises(InvalidRequest) as refused:
        configure_channel(merchant.id, "sandbox_card", **settings)
    assert refused.value.status == 400 and refused.value.param == param and words in refused.value.message
    assert db.session.query(ChannelConfig).count() == 0


def test_configure_channel_refuses_an_unknown_channel_and_updates_in_place(ctx, merchant):
    from app.errors import InvalidRequest
    from app.extensions import db
    from app.payments.channels.configs import channel_config_json, configure_channel
    from app.platform.outbox.events import Event

    with pytest.raises(InvalidRequest) as refused:
        configure_channel(merchant.id, "carrier_pigeon", enabled=True)
    assert refused.value.param == "code"

    configure_channel(merchant.id, "sandbox_qr", currencies=["USD", "usd", "eur"], display_name="  ")
    saved = configure_channel(merchant.id, "sandbox_qr", max_amount=5000)
    assert channel_config_json(saved) == {
        "object": "channel_config",
        "code": "sandbox_qr",
        "enabled": True,
        "priority": 100,
        "display_name": None,
        "icon": None,
        "min_amount": None,
        "max_amount": 5000,
        "limits_currency": None,
        "currencies": ["usd", "eur"],
        "agreement_text": None,
        "fee_bps": None,
        "fixed_fees": {},
        "dispute_fees": {},
    }
    assert db.session.query(Event).filter_by(type="channel_config.updated").count() == 2
