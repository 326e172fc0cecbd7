"""The hosted payment page as a shopper uses it."""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from flask.testing import FlaskClient

from sandbox.pages import format_amount


def buttons(html: str) -> list[str]:
    return [re.sub(r"\s+", " ", label).strip() for label in re.findall(r"<button[^>]*>(.*?)</button>", html, re.S)]


@pytest.mark.parametrize(
    "amount, currency, expected",
    [
        (2500, "usd", "25.00 USD"),
        (5, "eur", "0.05 EUR"),
        (123456789, "usd", "1,234,567.89 USD"),
        (2500, "jpy", "2,500 JPY"),
        (1000, "krw", "1,000 KRW"),
        (1234, "kwd", "1.234 KWD"),
        (5, "bhd", "0.005 BHD"),
        (10**17 + 1, "usd", "1,000,000,000,000,000.01 USD"),  # exact: no float rounding
    ],
)
def test_format_amount(amount: int, currency: str, expected: str) -> None:
    assert format_amount(amount, currency) == expected


def test_page_shows_amount_description_and_both_buttons(client: FlaskClient, create_payment: Any) -> None:
    payment = create_payment(description="Gold <membership>")

    response = client.get(f"/sandbox/pay/{payment['id']}")

    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "Sandbox payment provider" in html
    assert "25.00 USD" in html
    assert "Gold &lt;membership&gt;" in html  # escaped, never raw markup
    assert buttons(html) == ["Approve", "Decline"]
    assert f'action="/sandbox/pay/{payment["id"]}/decide"' in html


def test_qr_payment_opens_the_same_page(client: FlaskClient, create_payment: Any) -> None:
    payment = create_payment(method="qr", amount=1500, currency="jpy")

    html = client.get(payment["url"].replace("http://sandbox.test:5001", "")).get_data(as_text=True)

    assert "1,500 JPY" in html
    assert buttons(html) == ["Approve", "Decline"]


@pytest.mark.parametrize(
    "amount, currency, shown",
    [
        (1500, "omr", "1.500 OMR"),
        (250, "jod", "0.250 JOD"),
        (12500, "tnd", "12.500 TND"),
        (50000, "vnd", "50,000 VND"),
        (9900, "clp", "9,900 CLP"),
        (1990, "isk", "1,990 ISK"),
    ],
)
def test_the_page_shows_what_kassa_charges_in_every_currency_of_other_decimals(
    client: FlaskClient, create_payment: Any, amount: int, currency: str, shown: str
) -> None:
    # Kassa sends 1500 for 1.500 OMR and 50000 for 50,000 dong (app/platform/values/currencies.py); the shopper must
    # see that.
    payment = create_payment(amount=amount, currency=currency)

    assert shown in client.get(f"/sandbox/pay/{payment['id']}").get_data(as_text=True)


@pytest.mark.parametrize("outcome", ["succeeded", "failed"])
def test_a_decision_redirects_to_the_return_url_and_sends_its_callback(
    client: FlaskClient, create_payment: Any, auth: dict[str, str], receiver: Any, outcome: str
) -> None:
    payment = create_payment()

    response = client.post(f"/sandbox/pay/{payment['id']}/decide", data={"outcome": outcome})

    assert response.status_code == 303
    assert response.headers["Location"] == "http://shop.test/return?order=order_1"
    assert client.get(f"/sandbox/api/payments/{payment['id']}", headers=auth).json["status"] == outcome
    assert json.loads(receiver.wait_for(1)[0].body)["type"] == f"payment.{outcome}"


def test_deciding_a_decided_payment_changes_nothing(
    client: FlaskClient, create_payment: Any, auth: dict[str, str], receiver: Any
) -> None:
    payment = create_payment()
    client.post(f"/sandbox/pay/{payment['id']}/decide", data={"outcome": "failed"})
    receiver.wait_for(1)

    again = client.post(f"/sandbox/pay/{payment['id']}/decide", data={"outcome": "succeeded"})
    page = client.get(f"/sandbox/pay/{payment['id']}").get_data(as_text=True)

    assert again.status_code == 303
    assert again.headers["Location"] == "http://shop.test/return?order=order_1"
    assert client.get(f"/sandbox/api/payments/{payment['id']}", headers=auth).json["status"] == "failed"
    assert buttons(page) == []
    assert "Payment declined" in page
    assert 'href="http://shop.test/return?order=order_1"' in page and "Return to merchant" in page
    assert len(receiver.received) == 1  # no second callback for the ignored click


def test_bad_outcome_is_400_and_changes_nothing(client: FlaskClient, create_payment: Any, auth: dict[str, str]) -> None:
    payment = create_payment()

    response = client.post(f"/sandbox/pay/{payment['id']}/decide", data={"outcome": "maybe"})

    assert response.status_code == 400
    assert client.get(f"/sandbox/api/payments/{payment['id']}", headers=auth).json["status"] == "pending"


@pytest.mark.parametrize("method, path", [("get", "/sandbox/pay/sbp_nope"), ("post", "/sandbox/pay/sbp_nope/decide")])
def test_unknown_payment_is_a_404_page(client: FlaskClient, method: str, path: str) -> None:
    response = getattr(client, method)(path, data={"outcome": "succeeded"})

    assert response.status_code == 404
    assert "Payment not found" in response.get_data(as_text=True)
