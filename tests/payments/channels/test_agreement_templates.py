"""Agreement templates (issue #56): a channel's agreement per checkout language, with placeholders, versioned in the
portal; the order records the version and the exact text its shopper accepted, shown in the API, the portal and
the export, whatever is edited later."""

from __future__ import annotations

import csv
import io

from tests.payments.attempts.test_payment_flow import create_order

NBSP = "\u00a0"
CARD_EN = "I pay {amount} to {merchant} for {product}."
CARD_DE = "Ich zahle {amount} an {merchant} für {product}."


def pay(api, order_id: str, channel: str) -> dict:
    response = api.post(f"/orders/{order_id}/pay", json={"channel": channel})
    assert response.status_code == 200, response.json
    return response.json["payment"]


def _save(portal, code: str, *, en: str, de: str = "", fr: str = ""):
    return portal.post(
        f"/portal/channels/{code}",
        {
            "enabled": "y",
            "priority": "10",
            "agreement_text": en,
            "agreement_text_de": de,
            "agreement_text_fr": fr,
        },
    )


def test_an_agreement_is_saved_per_language_as_versions_and_a_bad_placeholder_saves_nothing(portal):
    refused = _save(portal, "sandbox_card", en="I pay {price}.", de=CARD_DE)
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert "unknown placeholder {price}" in page and "{amount}" in page
    assert "No agreement saved yet" in portal.text("/portal/channels/sandbox_card")
    lone = _save(portal, "sandbox_card", en="Costs {amount", de="")
    assert lone.status_code == 422 and "lone" in lone.get_data(as_text=True)

    assert _save(portal, "sandbox_card", en=CARD_EN, de=CARD_DE).status_code == 302
    page = portal.text("/portal/channels/sandbox_card")
    assert CARD_EN in page and CARD_DE in page  # the form shows what is in force
    assert _save(portal, "sandbox_card", en=CARD_EN, de="Ich zahle {amount}.").status_code == 302
    versions = portal.text("/portal/channels/sandbox_card")
    assert versions.count('<td data-label="Version">') == 3  # en v1, de v1, de v2: English unchanged, not saved


def test_the_preview_fills_the_placeholders_with_a_sample_purchase(portal):
    preview = portal.post(
        "/portal/channels/sandbox_card/preview",
        {"enabled": "y", "priority": "1", "agreement_text": CARD_EN},
        headers={"HX-Request": "true"},
    ).get_data(as_text=True)
    assert "I pay $9.99 to Acme Games for Pro membership — 30 days." in preview
    bad = portal.post(
        "/portal/channels/sandbox_card/preview",
        {"enabled": "y", "priority": "1", "agreement_text": "{oops}"},
        headers={"HX-Request": "true"},
    ).get_data(as_text=True)
    assert "unknown placeholder {oops}" in bad


def test_an_order_keeps_the_version_and_text_its_shopper_accepted(api, portal, catalog, sandbox):
    assert _save(portal, "sandbox_card", en=CARD_EN).status_code == 302
    first = create_order(api, catalog["sku"])
    assert api.get(f"/orders/{first['id']}").json["agreement"] is None  # nothing accepted before paying
    pay(api, first["id"], "sandbox_card")
    accepted = api.get(f"/orders/{first['id']}").json["agreement"]
    assert accepted["channel"] == "sandbox_card" and accepted["language"] == "en"
    assert accepted["text"] == "I pay $9.99 to Acme Games for Pro membership — 30 days."
    first_version = accepted["version"]

    assert _save(portal, "sandbox_card", en="New terms: {amount}, {date}.").status_code == 302
    second = create_order(api, catalog["sku"], 2)
    pay(api, second["id"], "sandbox_card")
    now = api.get(f"/orders/{second['id']}").json["agreement"]
    assert now["version"] == first_version + 1 and now["text"].startswith("New terms: $19.98, 20")
    # The first order still shows what its shopper agreed to.
    assert api.get(f"/orders/{first['id']}").json["agreement"]["text"] == accepted["text"]
    listed = {o["id"]: o["agreement"] for o in api.get("/orders").json["data"]}
    assert listed[first["id"]]["version"] == first_version and listed[second["id"]]["version"] == first_version + 1

    page = portal.text(f"/portal/orders/{first['id']}")
    assert "Agreement accepted" in page and "I pay $9.99 to Acme Games" in page
    rows = list(csv.DictReader(io.StringIO(portal.text("/portal/orders/export.csv"))))
    by_id = {row["id"]: row for row in rows}
    assert by_id[first["id"]]["agreement_text"] == accepted["text"]
    assert by_id[second["id"]]["agreement_version"] == str(first_version + 1)


def test_a_channel_without_an_agreement_records_none(api, catalog, sandbox):
    order = create_order(api, catalog["sku"])
    pay(api, order["id"], "sandbox_qr")
    assert api.get(f"/orders/{order['id']}").json["agreement"] is None


def test_the_quote_offers_each_channel_with_its_agreement_in_the_asked_language(api, portal, catalog):
    assert _save(portal, "sandbox_card", en=CARD_EN, de=CARD_DE).status_code == 302
    items = [{"sku": catalog["sku"], "quantity": 1}]
    german = api.post("/quotes", json={"items": items, "locale": "de"}).json["available_channels"]
    card = next(c for c in german if c["code"] == "sandbox_card")
    assert card["agreement_text"] == f"Ich zahle 9,99{NBSP}$ an Acme Games für Pro membership — 30 days."
    french = api.post("/quotes", json={"items": items, "locale": "fr"}).json["available_channels"]
    assert next(c for c in french if c["code"] == "sandbox_card")["agreement_text"].startswith("I pay ")  # no fr


def test_a_subscription_keeps_the_agreement_its_first_payment_signed(app, api, portal, catalog, sandbox):
    from tests.support.signing import make_recurring

    make_recurring(app, catalog["limited_sku"])
    assert _save(portal, "sandbox_card", en="{merchant} charges {period}.").status_code == 302
    created = api.post(
        "/subscriptions",
        json={"sku": catalog["limited_sku"], "customer": {"id": "cus_sub"}, "agreement_accepted": True},
    )
    assert created.status_code == 201, created.json
    pay(api, created.json["order"]["id"], "sandbox_card")
    subscription = api.get(f"/subscriptions/{created.json['subscription']['id']}").json
    assert subscription["agreement"]["text"].startswith("Acme Games charges $")
    assert "every month" in subscription["agreement"]["text"]
    listed = api.get("/subscriptions").json["data"]
    assert listed[0]["agreement"] == subscription["agreement"]
