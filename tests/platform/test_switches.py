"""Degradation switches, used the way an operator (CLI) and a merchant (portal) would: a channel off at
once, maintenance that refuses new orders but lets open ones finish, a read-only portal — each visible on
/healthz and in the portal, and audited."""

from __future__ import annotations

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import create_order, pay, status_of


def cli(app, *args: str):
    result = app.test_cli_runner().invoke(args=["kassa", "switch", *args])
    assert result.exit_code == 0, result.output
    return result.output


def offered(api, catalog) -> list[str]:
    order = create_order(api, catalog["sku"])
    return [c["code"] for c in api.get(f"/orders/{order['id']}").json["available_channels"]]


@pytest.fixture
def operator(member):
    return member("operator")


def test_a_merchant_switches_a_channel_off_and_on_from_the_portal(app, api, catalog, operator, portal):
    assert "sandbox_qr" in offered(api, catalog)

    refused = operator.post("/portal/operations/channels/sandbox_qr", {"state": "off", "reason": " "})
    assert refused.status_code == 422
    assert "say why" in refused.get_data(as_text=True).lower()
    assert "sandbox_qr" in offered(api, catalog)  # nothing changed

    done = operator.post("/portal/operations/channels/sandbox_qr", {"state": "off", "reason": "QR provider outage"})
    assert done.status_code == 302
    assert "sandbox_qr" not in offered(api, catalog)
    order = create_order(api, catalog["sku"])
    paying = api.post(f"/orders/{order['id']}/pay", json={"channel": "sandbox_qr"})
    assert paying.status_code == 400
    assert paying.json["error"]["code"] == "channel_unavailable"
    assert "switched off by the merchant (QR provider outage)" in paying.json["error"]["message"]
    assert "QR provider outage" in operator.text("/portal/operations")

    audit = portal.text("/portal/audit")
    assert "switch.on" in audit and "channel_off:sandbox_qr" in audit

    assert operator.post("/portal/operations/channels/sandbox_qr", {"state": "on"}).status_code == 302
    assert "sandbox_qr" in offered(api, catalog)


def test_only_an_owner_puts_the_checkout_in_maintenance(operator, portal, api, catalog):
    assert operator.post("/portal/operations/maintenance", {"state": "on", "reason": "x"}).status_code == 403
    assert (
        portal.post("/portal/operations/maintenance", {"state": "on", "reason": "Moving warehouses"}).status_code == 302
    )
    refused = api.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}, "agreement_accepted": True},
    )
    assert refused.status_code == 503 and refused.json["error"]["code"] == "maintenance"
    assert portal.post("/portal/operations/maintenance", {"state": "off"}).status_code == 302
    create_order(api, catalog["sku"])


def test_platform_maintenance_refuses_new_orders_but_lets_open_ones_finish(
    app, client, api, catalog, sandbox, other_merchant
):
    open_order = create_order(api, catalog["sku"])
    assert "maintenance is on for platform" in cli(app, "on", "maintenance", "--reason", "database upgrade")

    refused = api.post(
        "/orders",
        json={"items": [{"sku": catalog["sku"], "quantity": 1}], "customer": {"id": "c"}, "agreement_accepted": True},
    )
    assert refused.status_code == 503
    assert refused.json["error"]["code"] == "maintenance"
    assert "database upgrade" in refused.json["error"]["message"]
    assert refused.headers["Retry-After"]
    page = client.get(f"/checkout/{catalog['product']}")
    assert page.status_code == 503
    text = page.get_data(as_text=True)
    assert "right back" in text and 'id="pay-form"' not in text

    # The order opened before maintenance is paid, and the provider's callback is applied.
    payment = pay(api, open_order["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, open_order["id"]) in ("paid", "fulfilled"))
    health = client.get("/healthz").json
    assert health["switches"]["platform"] == [
        {
            "kind": "maintenance",
            "channel": None,
            "reason": "database upgrade",
            "since": health["switches"]["platform"][0]["since"],
        }
    ]

    assert "(it already was)" in cli(app, "on", "maintenance", "--reason", "again")
    cli(app, "off", "maintenance")
    assert client.get(f"/checkout/{catalog['product']}").status_code == 200
    create_order(api, catalog["sku"])


def test_one_merchants_maintenance_leaves_the_others_selling(app, api, catalog, merchant, other_merchant):
    cli(app, "on", "maintenance", "--merchant-id", other_merchant.id, "--reason", "stocktaking")
    create_order(api, catalog["sku"])
    health = app.test_client().get("/healthz").json["switches"]
    assert health == {"platform": [], "merchants_with_switches_on": 1}


def test_a_read_only_portal_refuses_changes_and_keeps_reading(app, api, catalog, portal):
    cli(app, "on", "read_only_portal", "--reason", "restoring a backup")
    refused = portal.post("/portal/operations/channels/sandbox_qr", {"state": "off", "reason": "test"})
    assert refused.status_code == 503
    assert "read-only" in refused.get_data(as_text=True) and "restoring a backup" in refused.get_data(as_text=True)
    assert "sandbox_qr" in offered(api, catalog)
    assert portal.get("/portal/orders").status_code == 200
    cli(app, "off", "read_only_portal")
    assert portal.post("/portal/operations/channels/sandbox_qr", {"state": "off", "reason": "test"}).status_code == 302


def test_bad_switches_are_explained(app):
    runner = app.test_cli_runner()
    unknown = runner.invoke(args=["kassa", "switch", "on", "channel_off", "--channel", "nope", "--reason", "x"])
    assert unknown.exit_code == 2 and "channel must be one of" in unknown.output
    merchant_only = runner.invoke(
        args=["kassa", "switch", "on", "read_only_portal", "--merchant-id", "mch_x", "--reason", "x"]
    )
    assert merchant_only.exit_code == 2 and "platform switch" in merchant_only.output


def test_a_part_of_a_page_refused_says_so_above_the_page(app, portal, member):
    """An htmx request (the channel form's live preview) refused by the read-only switch or by the user's role got
    a whole page, swapped into the preview box. It now gets the message alone, put in the page's alert region."""
    htmx = {"HX-Request": "true"}
    cli(app, "on", "read_only_portal", "--reason", "restoring a backup")
    refused = portal.post("/portal/channels/sandbox_qr/preview", {"enabled": "y"}, headers=htmx)
    cli(app, "off", "read_only_portal")
    assert refused.status_code == 503
    assert (refused.headers["HX-Retarget"], refused.headers["HX-Reswap"]) == ("#page-alert", "innerHTML")
    # An element that selects part of its answer (the test clock's hx-select) takes the message, not nothing.
    assert refused.headers["HX-Reselect"] == "#page-alert-message"
    assert 'id="page-alert-message"' in refused.get_data(as_text=True)
    body = refused.get_data(as_text=True)
    assert "paused changes for maintenance: restoring a backup" in body and "<html" not in body

    viewer = member("developer")  # a role without channels.manage
    denied = viewer.post("/portal/channels/sandbox_qr/preview", {"enabled": "y"}, headers=htmx)
    assert denied.status_code == 403 and denied.headers["HX-Retarget"] == "#page-alert"
    assert "does not allow this" in denied.get_data(as_text=True) and "<html" not in denied.get_data(as_text=True)
    # Without htmx (a plain form post) the whole explaining page stays.
    assert "<html" in viewer.post("/portal/channels/sandbox_qr/preview", {"enabled": "y"}).get_data(as_text=True)
