"""The hosted checkout shows and charges the shopper's currency: the one in the link (``?currency=``), else their
browser's region's (Accept-Language de-DE: euros), when the option has a price in it; else the default price. A
selector offers the option's currencies, and the order is opened in the one shown."""

from __future__ import annotations

import re

import pytest

from tests.web.checkout.test_checkout_languages import GERMAN, NBSP, _page

AMERICAN = {"Accept-Language": "en-US,en;q=0.9"}
GERMAN_NO_REGION = {"Accept-Language": "de"}


@pytest.fixture
def euro_option(app, catalog) -> dict:
    """The 30-day membership also costs €8.99 (its default stays $9.99); the founder edition is dollars only."""
    from app.catalog.models import Sku
    from app.catalog.products import update_sku
    from app.extensions import db

    with app.app_context():
        sku = db.session.get(Sku, catalog["sku"])
        update_sku(sku.merchant_id, sku.id, {"prices": [{"amount": 899, "currency": "eur"}]})
    return catalog


def _selected_currency(page: str) -> str | None:
    found = re.search(r'<option value="([a-z]{3})" selected>', page)
    return found and found.group(1)


def test_a_german_browser_sees_euros_and_a_currency_selector(client, euro_option):
    page = _page(client, f"/checkout/{euro_option['product']}", GERMAN)
    assert f'data-testid="total">8,99{NBSP}€<' in page and f"8,99{NBSP}€ bezahlen" in page
    assert '<label for="currency">Währung</label>' in page and '<select id="currency" name="currency"' in page
    assert _selected_currency(page) == "eur"
    assert f"ab 8,99{NBSP}€" in page  # the option list follows the chosen currency too


@pytest.mark.parametrize(
    "headers, query, currency, total",
    [
        (AMERICAN, "", "usd", "$9.99"),  # the region's currency, which is the default here
        (GERMAN_NO_REGION, "", "usd", f"9,99{NBSP}$"),  # a language alone names no currency
        (AMERICAN, "?currency=eur", "eur", "€8.99"),  # the link wins over the browser
        (GERMAN, "?currency=USD", "usd", f"9,99{NBSP}$"),
        (GERMAN, "?currency=gbp", "eur", f"8,99{NBSP}€"),  # not sold in pounds: the browser's choice instead
        (AMERICAN, "?currency=nonsense", "usd", "$9.99"),
    ],
)
def test_the_currency_comes_from_the_link_then_the_browser_then_the_default(
    client, euro_option, headers, query, currency, total
):
    page = _page(client, f"/checkout/{euro_option['product']}{query}", headers)
    assert _selected_currency(page) == currency
    assert f'data-testid="total">{total}<' in page


def test_an_option_without_a_price_in_that_currency_is_priced_in_its_default(client, euro_option):
    page = _page(client, f"/checkout/{euro_option['product']}?sku={euro_option['limited_sku']}", GERMAN)
    assert f'data-testid="total">25,00{NBSP}$<' in page
    assert '<select id="currency"' not in page  # nothing to choose between


def test_changing_the_currency_re_renders_the_whole_panel_in_it(client, euro_option):
    page = _page(client, f"/checkout/{euro_option['product']}", GERMAN)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(
        f"/checkout/{euro_option['product']}/quote",
        data={"csrf_token": token, "sku": euro_option["sku"], "quantity": "2", "currency": "usd"},
        headers={**GERMAN, "HX-Request": "true", "HX-Target": "panel"},
    )
    fragment = response.get_data(as_text=True)
    assert response.status_code == 200 and fragment.lstrip().startswith('<section id="panel"')
    assert f'data-testid="total">19,98{NBSP}$<' in fragment and _selected_currency(fragment) == "usd"


def test_paying_opens_the_order_in_the_currency_shown(app, client, euro_option, sandbox):
    from app.extensions import db
    from app.orders.models import Order

    page = _page(client, f"/checkout/{euro_option['product']}", GERMAN)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(
        f"/checkout/{euro_option['product']}/pay",
        data={
            "csrf_token": token,
            "sku": euro_option["sku"],
            "quantity": "3",
            "currency": "eur",
            "channel": "sandbox_card",
            "agree": "on",
        },
        headers=GERMAN,
    )
    assert response.status_code == 303
    with app.app_context():
        order = db.session.scalars(db.select(Order)).one()
        assert (order.total, order.currency) == (2697, "eur")
        assert [(i.unit_amount, i.amount) for i in order.items] == [(899, 2697)]


def test_the_embedded_panel_shows_and_charges_the_shoppers_currency_too(app, client, merchant, euro_option, sandbox):
    from app.extensions import db
    from app.orders.models import Order

    page = _page(
        client,
        f"/embed/{euro_option['product']}?key={merchant.publishable_key}&origin=https://shop.example&currency=eur",
        AMERICAN,
    )
    assert 'data-testid="total">€8.99<' in page and _selected_currency(page) == "eur"
    token = re.search(r'name="embed_token" value="([^"]+)"', page).group(1)
    form = {"sku": euro_option["sku"], "quantity": "1", "currency": "eur", "embed_token": token}
    paid = client.post(
        f"/embed/{euro_option['product']}/pay",
        data={**form, "channel": "sandbox_card", "agree": "on"},
        headers=AMERICAN,
    )
    assert paid.status_code == 303
    with app.app_context():
        assert db.session.scalars(db.select(Order.currency)).one() == "eur"


def test_a_subscription_option_is_signed_in_the_currency_shown(app, client, euro_option, sandbox):
    """Its terms, its first payment and its contract are in euros (the contract renews in them)."""
    from app.catalog.models import Sku
    from app.extensions import db
    from app.orders.models import Order
    from app.signing.models import Subscription

    with app.app_context():
        sku = db.session.get(Sku, euro_option["sku"])
        sku.subscription_interval, sku.subscription_interval_count = "month", 1
        db.session.commit()
    page = _page(client, f"/checkout/{euro_option['product']}?sku={euro_option['sku']}&currency=eur", GERMAN)
    assert f'data-testid="total">8,99{NBSP}€<' in page and _selected_currency(page) == "eur"
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    response = client.post(
        f"/checkout/{euro_option['product']}/pay",
        data={
            "csrf_token": token,
            "sku": euro_option["sku"],
            "quantity": "1",
            "currency": "eur",
            "channel": "sandbox_card",
            "agree": "on",
        },
        headers=GERMAN,
    )
    assert response.status_code == 303
    with app.app_context():
        order = db.session.scalars(db.select(Order)).one()
        contract = db.session.scalars(db.select(Subscription)).one()
        assert (order.total, order.currency) == (899, "eur")
        assert (contract.price_amount, contract.currency, contract.first_order_id) == (899, "eur", order.id)


def test_a_checkout_session_in_euros_shows_euros_whatever_the_browser(client, api, euro_option):
    session = api.post(
        "/checkout_sessions",
        json={"items": [{"sku": euro_option["sku"], "quantity": 2}], "customer": {"id": "cus_eu"}, "currency": "eur"},
    ).json
    page = _page(client, f"/checkout/sessions/{session['id']}?client_secret={session['client_secret']}", AMERICAN)
    assert 'data-testid="total">€17.98<' in page and '<select id="currency"' not in page


def test_the_agreement_names_the_recurring_charge_of_the_option_picked(app, client, catalog):
    """For a subscription the box the shopper ticks authorises the recurring charge in words, and when the shopper
    picks another option the re-priced panel says so there too, not only in the summary."""
    from tests.support.signing import make_recurring

    def agreement(page: str) -> str:
        return re.search(r'<label for="agree">(.*?)</label>', page, re.S).group(1)

    one_off = client.get(f"/checkout/{catalog['product']}?sku={catalog['sku']}").get_data(as_text=True)
    assert "authorise" not in agreement(one_off)
    make_recurring(app, catalog["sku"], "month")
    page = client.get(f"/checkout/{catalog['product']}?sku={catalog['sku']}").get_data(as_text=True)
    assert "and authorise $9.99 every month until I cancel" in agreement(page)

    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)

    def consent(sku: str) -> str:
        quote = client.post(
            f"/checkout/{catalog['product']}/quote",
            data={"csrf_token": token, "sku": sku, "quantity": "1"},
            headers={"HX-Request": "true"},
        ).get_data(as_text=True)
        return re.search(r'<span id="agree-recurring" hx-swap-oob="true">(.*?)</span>', quote, re.S).group(1).strip()

    assert consent(catalog["limited_sku"]) == ""
    assert consent(catalog["sku"]) == "and authorise $9.99 every month until I cancel"


def test_a_subscription_is_bought_one_at_a_time(app, client, catalog):
    """Two of a subscription option named a recurring charge for two, then opened a one-off order that never
    renewed: a contract renews one SKU. The panel now asks for a quantity of 1 and opens nothing for two."""
    from app.extensions import db
    from app.orders.models import Order
    from app.signing.models import Subscription
    from tests.support.signing import make_recurring

    make_recurring(app, catalog["sku"], "month")
    page = client.get(f"/checkout/{catalog['product']}?sku={catalog['sku']}").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    form = {"csrf_token": token, "sku": catalog["sku"], "quantity": "2"}
    quote = client.post(f"/checkout/{catalog['product']}/quote", data=form, headers={"HX-Request": "true"}).get_data(
        as_text=True
    )
    assert "A subscription is bought one at a time: set the quantity to 1." in quote
    assert "$19.98" not in quote and "authorise" not in quote

    paid = client.post(f"/checkout/{catalog['product']}/pay", data={**form, "channel": "sandbox_card", "agree": "on"})
    assert paid.status_code == 422
    assert "A subscription is bought one at a time" in paid.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(db.select(Order)).all() == []
        assert db.session.scalars(db.select(Subscription)).all() == []
