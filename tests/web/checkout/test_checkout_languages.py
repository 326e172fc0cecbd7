"""The shopper-facing checkout speaks the shopper's language (English, German, French): the merchant's checkout
language when fixed in the portal, else the browser's Accept-Language, else English. Amounts and dates follow
the language; the portal stays English."""

from __future__ import annotations

import re

import pytest

GERMAN = {"Accept-Language": "de-DE,de;q=0.9"}
FRENCH = {"Accept-Language": "fr"}
NBSP = "\u00a0"  # Babel puts a no-break space between amount and symbol, so "9,99 $" never wraps


def _page(client, path: str, headers: dict | None = None) -> str:
    response = client.get(path, headers=headers or {})
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def _pay(client, product_id: str, form: dict, headers: dict) -> tuple[int, str]:
    """Post the panel's form as the shopper's browser does, with the page's own CSRF token."""
    page = _page(client, f"/checkout/{product_id}", headers)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(f"/checkout/{product_id}/pay", data={"csrf_token": token, **form}, headers=headers)
    return response.status_code, response.get_data(as_text=True)


@pytest.fixture
def euro_product(app, merchant) -> str:
    """A product priced in euros, 9.99 EUR (999 minor units)."""
    from app.catalog.models import Product, Sku
    from app.extensions import db

    with app.app_context():
        db.session.add(Product(id="prod_test_euro", merchant_id=merchant.id, name="Sternenpaket", description=""))
        db.session.add(
            Sku(
                id="sku_test_euro",
                merchant_id=merchant.id,
                product_id="prod_test_euro",
                name="100 Sterne",
                price_amount=999,
                currency="eur",
                specs={},
                stock=None,
            )
        )
        db.session.commit()
    return "prod_test_euro"


def test_a_german_browser_gets_the_german_checkout_with_german_amounts(client, catalog, euro_product):
    page = _page(client, f"/checkout/{catalog['product']}", GERMAN)
    assert '<html lang="de">' in page
    assert "<legend>Zahlungsart</legend>" in page and '<label for="quantity">Menge</label>' in page
    assert f"ab 9,99{NBSP}$" in page  # the cheaper of two options; the integer 999 underneath
    assert f'data-testid="total">9,99{NBSP}$<' in page
    assert f"9,99{NBSP}$ bezahlen" in page and "Wird verarbeitet…" in page
    assert "Kaufbedingungen</a> zu" in page and "Testmodus" in page
    assert "Pay $9.99" not in page and "Payment method" not in page

    euros = _page(client, f"/checkout/{euro_product}", GERMAN)
    assert f"9,99{NBSP}€ bezahlen" in euros


def test_the_shoppers_mistakes_are_explained_in_german(client, catalog):
    status, page = _pay(
        client, catalog["product"], {"sku": catalog["sku"], "quantity": "0", "channel": "", "email": "nope"}, GERMAN
    )
    assert status == 422
    assert "Geben Sie eine E-Mail-Adresse wie name@example.com ein oder lassen Sie das Feld leer." in page
    assert "Geben Sie eine ganze Zahl von 1 bis 99 ein." in page
    assert "Wählen Sie, wie Sie bezahlen möchten." in page
    assert "Bitte akzeptieren Sie die Bedingungen, um fortzufahren." in page

    missing = client.get("/checkout/prod_no_such_thing", headers=GERMAN)
    assert missing.status_code == 404
    assert "Dieses Produkt ist nicht verfügbar." in missing.get_data(as_text=True)


def test_a_french_browser_gets_the_french_checkout(client, catalog, euro_product):
    page = _page(client, f"/checkout/{catalog['product']}", FRENCH)
    assert '<html lang="fr">' in page
    assert "<legend>Moyen de paiement</legend>" in page and "Code promo" in page
    # CLDR's French for US dollars is "$US" (a French reader's "$" could be any dollar).
    assert f"Payer 9,99{NBSP}$US" in page and f"à partir de 9,99{NBSP}$US" in page
    assert "Traitement en cours…" in page

    euros = _page(client, f"/checkout/{euro_product}", FRENCH)
    assert f"Payer 9,99{NBSP}€" in euros

    status, refused = _pay(client, catalog["product"], {"sku": catalog["sku"], "quantity": "1"}, FRENCH)
    assert status == 422 and "Veuillez accepter les conditions pour continuer." in refused


@pytest.mark.parametrize("header", ["ja-JP,ja;q=0.9", "xx", "", "*"])
def test_a_language_the_checkout_does_not_speak_falls_back_to_english(client, catalog, header):
    page = _page(client, f"/checkout/{catalog['product']}", {"Accept-Language": header} if header else {})
    assert '<html lang="en">' in page
    assert "<legend>Payment method</legend>" in page and "Pay $9.99" in page and "from $9.99" in page


def test_the_browsers_second_choice_counts_when_its_first_is_not_spoken(client, catalog):
    page = _page(client, f"/checkout/{catalog['product']}", {"Accept-Language": "ja,fr-CA;q=0.8,en;q=0.5"})
    assert '<html lang="fr">' in page and "Payer 9,99" in page


def test_the_merchants_fixed_language_wins_over_the_browsers(client, merchant, catalog, portal):
    assert '<option selected value="">Automatic' in portal.text("/portal/settings")
    saved = portal.post("/portal/settings/checkout_mode", {"checkout_language": "fr"})
    assert saved.status_code == 302

    page = _page(client, f"/checkout/{catalog['product']}", GERMAN)
    assert '<html lang="fr">' in page and f"Payer 9,99{NBSP}$US" in page and "bezahlen" not in page
    # The panel's own requests (htmx re-pricing) say the same language.
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    quote = client.post(
        f"/checkout/{catalog['product']}/quote",
        data={"csrf_token": token, "sku": catalog["sku"], "quantity": "2"},
        headers={**GERMAN, "HX-Request": "true"},
    ).get_data(as_text=True)
    assert f"Payer 19,98{NBSP}$US" in quote
    terms = _page(client, f"/checkout/terms/{merchant.id}", GERMAN)
    assert "<h1>Conditions d’achat</h1>" in terms

    audit = portal.text("/portal/audit?action=settings.checkout_mode")
    assert f"{merchant.email} changed the checkout language of business profile Acme Games from none to fr" in audit

    portal.post("/portal/settings/checkout_mode", {"checkout_language": ""})
    assert '<html lang="de">' in _page(client, f"/checkout/{catalog['product']}", GERMAN)


def test_a_checkout_language_kassa_does_not_speak_is_refused_in_the_portal(client, catalog, portal):
    response = portal.post("/portal/settings/checkout_mode", {"checkout_language": "xx"})
    assert response.status_code == 422
    assert "Not a valid choice" in response.get_data(as_text=True)
    assert '<html lang="en">' in _page(client, f"/checkout/{catalog['product']}")


def test_the_portal_stays_english_for_a_german_browser(client, catalog, portal):
    page = portal.client.get("/portal/settings", headers=GERMAN).get_data(as_text=True)
    assert '<html lang="en">' in page and "Checkout language" in page


def test_the_embedded_panel_words_a_subscription_in_german(app, client, merchant, catalog):
    from tests.support.signing import make_recurring

    make_recurring(app, catalog["sku"], "month", 3)
    page = client.get(
        f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin=https://shop.example&sku={catalog['sku']}",
        headers=GERMAN,
    ).get_data(as_text=True)
    assert '<html lang="de"' in page and "Zahlungsart" in page
    assert f"9,99{NBSP}$ alle 3 Monate, jederzeit kündbar" in page
    assert re.search(
        rf"Erste Abbuchung heute: 9,99{NBSP}\$; verlängert sich am \d{{1,2}}\. "
        r"(Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4}, "
        r"sofern Sie nicht kündigen\.",
        page,
    )
    # The box the shopper ticks names the recurring charge it authorises.
    assert f"und autorisiere 9,99{NBSP}$ alle 3 Monate bis zur Kündigung" in page


def test_the_qr_dialog_speaks_german_and_counts_down_in_german(client, catalog, sandbox):
    status, _ = _pay(
        client,
        catalog["product"],
        {"sku": catalog["sku"], "quantity": "1", "channel": "sandbox_qr", "agree": "on"},
        GERMAN,
    )
    assert status in (200, 302, 303)
    from app.extensions import db
    from app.orders.models import Order

    with client.application.app_context():
        order = db.session.query(Order).one()
        path = f"/checkout/orders/{order.id}?client_secret={order.client_secret}"
    page = _page(client, path, GERMAN)
    assert "Zum Bezahlen scannen" in page and "Zahlungsart ändern" in page
    assert 'data-expires-in="Läuft ab in {time}"' in page and re.search(r"Läuft ab in [0-9]:[0-9]{2}", page)
    assert "Scan to pay" not in page


def test_the_embedded_panel_speaks_the_language_the_sdk_asked_for_in_every_request(client, merchant, catalog):
    """``mountPanel(el, {locale: "fr"})`` adds ``locale=fr``: the frame speaks French to a German browser, and its
    own later requests (re-pricing) too; a language Kassa does not speak is ignored."""
    first = f"/embed/{catalog['product']}?key={merchant.publishable_key}&origin=https://shop.example"
    page = _page(client, f"{first}&locale=fr", GERMAN)
    assert '<html lang="fr"' in page and "Moyen de paiement" in page and "Zahlungsart" not in page
    token = re.search(r'name="embed_token" value="([^"]+)"', page).group(1)
    quote = client.post(
        f"/embed/{catalog['product']}/quote",
        data={"embed_token": token, "sku": catalog["sku"], "quantity": "2"},
        headers={**GERMAN, "HX-Request": "true"},
    ).get_data(as_text=True)
    assert f"Payer 19,98{NBSP}$US" in quote and "bezahlen" not in quote

    assert '<html lang="de"' in _page(client, f"{first}&locale=xx", GERMAN)


def test_a_closed_order_says_why_in_the_shoppers_language(app, api, client, catalog):
    """The order page of a closed order gives the reason in the shopper's words and language, never Kassa's own
    English note for the merchant ("expired", "canceled by kassa events trigger", an order id)."""
    from datetime import timedelta

    from app.extensions import db
    from app.orders.models import Order
    from app.orders.services import close_expired_orders
    from app.platform.db.types import utcnow
    from tests.payments.attempts.test_payment_flow import create_order

    expired, canceled = create_order(api, catalog["sku"]), create_order(api, catalog["sku"])
    with app.app_context():
        db.session.get(Order, expired["id"]).expires_at = utcnow() - timedelta(seconds=1)
        db.session.commit()
        assert close_expired_orders() == 1
    assert api.post(f"/orders/{canceled['id']}/cancel").status_code == 200

    def status_panel(order: dict, headers: dict) -> str:
        page = _page(client, f"/checkout/orders/{order['id']}?client_secret={order['client_secret']}", headers)
        return re.sub(r"\s+", " ", re.search(r'id="status".*?</section>', page, re.S).group(0))

    assert "Diese Bestellung ist abgelaufen, bevor sie bezahlt wurde. Es wurde kein Geld abgebucht." in status_panel(
        expired, GERMAN
    )
    assert "Cette commande a été annulée." in status_panel(canceled, FRENCH)
    assert "This order was canceled. No money was taken." in status_panel(canceled, {})
    for order, headers in ((expired, GERMAN), (canceled, FRENCH)):
        assert not re.search(r"[Ee]xpired\.|[Cc]anceled\.", status_panel(order, headers))


def test_the_french_agreement_to_renewals_writes_its_apostrophe_like_the_rest_of_the_page(app, client, catalog):
    """The box a French shopper ticks read "… jusqu'à résiliation" with a typewriter apostrophe, right under
    "aujourd’hui" and "n’est" written with the typographic one the rest of the French checkout uses."""
    from tests.support.signing import make_recurring

    make_recurring(app, catalog["sku"], "month", 1)
    page = _page(client, f"/checkout/{catalog['product']}?sku={catalog['sku']}", FRENCH)
    assert '<html lang="fr"' in page and "jusqu’à résiliation" in page and "aujourd’hui" in page
    assert "jusqu'à" not in page


def test_every_french_text_uses_the_typographic_apostrophe():
    from pathlib import Path

    from babel.messages.pofile import read_po

    with (Path(__file__).resolve().parents[3] / "translations" / "fr" / "LC_MESSAGES" / "messages.po").open("rb") as po:
        texts = [m.string for m in read_po(po) if m.id and isinstance(m.string, str)]
    assert [t for t in texts if re.search(r"\w'\w", t)] == []
