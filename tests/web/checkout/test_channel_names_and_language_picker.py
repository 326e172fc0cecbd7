"""Channel names and the language picker on the hosted shopper pages: Kassa's own channel names are read in the
shopper's language (a name the merchant chose is shown as written); the picker remembers a choice in a cookie,
goes back only to a page of the checkout, and is offered neither in the portal nor when the merchant fixed the
checkout's language."""

from __future__ import annotations

from pathlib import Path

from babel.messages.pofile import read_po

from app.payments.channels.registry import adapter_for, channel_codes
from app.web.checkout.channel_names import _DEFAULT_NAMES

FRENCH = {"Accept-Language": "fr"}
TRANSLATIONS = Path(__file__).resolve().parents[3] / "translations"


def _text(client, path: str, headers: dict | None = None) -> str:
    response = client.get(path, headers=headers or {})
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def test_every_built_in_channels_name_is_translated(app):
    with app.app_context():
        built_in = {
            adapter_for(code).default_name
            for code in channel_codes()
            if type(adapter_for(code)).__module__.startswith("app.payments.channels.adapters.")
        }
    assert built_in <= set(_DEFAULT_NAMES)
    for language in ("de", "fr"):
        with (TRANSLATIONS / language / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            words = {m.id: m.string for m in read_po(handle)}
        assert all(words.get(name) not in (None, "", name) for name in built_in), language


def test_a_french_shopper_reads_kassas_channel_names_in_french_and_the_merchants_as_written(
    app, client, merchant, catalog
):
    page = _text(client, f"/checkout/{catalog['product']}", FRENCH)
    assert "Carte (sandbox)" in page and "Code QR (sandbox)" in page and "Card (sandbox)" not in page

    from app.extensions import db
    from app.payments.models import ChannelConfig

    with app.app_context():  # the merchant names the card channel (portal → Channels)
        db.session.add(ChannelConfig(merchant_id=merchant.id, code="sandbox_card", display_name="Visa / Mastercard"))
        db.session.commit()
    page = _text(client, f"/checkout/{catalog['product']}", FRENCH)
    assert "Visa / Mastercard" in page and "Code QR (sandbox)" in page


def test_the_picked_language_is_remembered_over_the_browsers(client, catalog):
    product_page = f"/checkout/{catalog['product']}"
    assert 'lang="fr"' in _text(client, product_page, FRENCH)
    chosen = client.get("/checkout/language/de", query_string={"next": product_page + "?quantity=2"})
    assert chosen.status_code == 303 and chosen.headers["Location"] == product_page + "?quantity=2"
    assert "kassa_language=de" in chosen.headers["Set-Cookie"]
    page = _text(client, product_page, FRENCH)
    assert '<html lang="de">' in page and 'aria-current="true">Deutsch</a>' in page


def test_the_picker_goes_back_only_to_a_checkout_page(client):
    for away in ("https://evil.example/checkout/", "//evil.example/checkout/", "/portal/", "/\\evil.example"):
        answer = client.get("/checkout/language/fr", query_string={"next": away})
        assert answer.status_code == 400, away
        assert "Set-Cookie" not in answer.headers or "kassa_language" not in answer.headers["Set-Cookie"]
    assert client.get("/checkout/language/xx", query_string={"next": "/checkout/x"}).status_code == 404


def test_no_picker_in_the_portal_nor_when_the_merchant_fixed_the_language(app, client, merchant, catalog):
    assert 'aria-label="Language"' in _text(client, f"/checkout/{catalog['product']}")
    assert "kassa_language" not in client.get("/portal/login").get_data(as_text=True)
    assert 'aria-label="Language"' not in client.get("/portal/login").get_data(as_text=True)

    from app.extensions import db
    from app.merchants.models import Merchant

    with app.app_context():
        db.session.get(Merchant, merchant.id).checkout_language = "fr"
        db.session.commit()
    client.get("/checkout/language/de", query_string={"next": "/checkout/x"})
    page = _text(client, f"/checkout/{catalog['product']}")
    assert '<html lang="fr">' in page and 'aria-label="Langue"' not in page and 'aria-label="Language"' not in page
