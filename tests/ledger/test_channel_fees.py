"""A channel's fees as the merchant's contract with the provider says them, typed on the channel's page: Kassa books
each payment's fee by that rate, so reconciliation agrees with a statement charged at it. A fixed fee is an amount
in one currency (30 is $0.30 but ¥30), so fixed fees and dispute fees are typed per currency; a currency not named
pays the channel's published fixed fee, which the sandbox provider publishes per currency too (docs/sandbox.md)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import wait_for
from tests.payments.attempts.test_payment_flow import pay, status_of
from tests.payments.disputes.test_disputes import open_dispute
from tests.reconciliation.test_reconciliation import discrepancies, reconcile, tamper

PRICES = [{"amount": 999, "currency": "usd"}, {"amount": 1000, "currency": "jpy"}, {"amount": 900, "currency": "eur"}]


def save_fees(portal, **typed):
    return portal.post(
        "/portal/channels/sandbox_card/fees", {"fee_percent": "", "fixed_fees": "", "dispute_fees": "", **typed}
    )


def paid(api, sandbox, sku: str, currency: str) -> dict:
    created = api.post(
        "/orders",
        json={
            "items": [{"sku": sku, "quantity": 1}],
            "customer": {"id": "cus_fees"},
            "agreement_accepted": True,
            "currency": currency,
        },
    )
    assert created.status_code == 201, created.json
    payment = pay(api, created.json["id"])
    sandbox.simulate(payment["provider_reference"], "succeeded")
    wait_for(lambda: status_of(api, created.json["id"]) in ("paid", "fulfilled"))
    return api.get(f"/orders/{created.json['id']}").json


@pytest.fixture
def priced(api, catalog) -> str:
    assert api.patch(f"/skus/{catalog['sku']}", json={"prices": PRICES}).status_code == 200
    return catalog["sku"]


def booked_fee(api, sandbox, worker, payment: dict) -> int:
    """Kassa's fee on the capture, as a reconciliation run shows it beside a statement line that disagrees (the
    statement then says Kassa's fee, so later runs of the day find nothing on it)."""
    tamper(sandbox, payment["provider_reference"], fee=1)
    run = reconcile(api, worker)
    [mismatch] = [d for d in discrepancies(api, run) if d["provider_id"] == payment["provider_reference"]]
    tamper(sandbox, payment["provider_reference"], fee=mismatch["kassa"]["fee"])
    return mismatch["kassa"]["fee"]


def test_a_yen_payment_pays_the_published_yen_fixed_fee_and_reconciles(api, sandbox, worker, priced):
    order = paid(api, sandbox, priced, "jpy")
    assert reconcile(api, worker)["discrepancies"]["amount_mismatch"] == 0  # the provider charged what Kassa booked
    # ¥40 + 2.9 % of ¥1,000: the sandbox's fixed fee in yen, not "30 minor units" (¥30) of a dollar price list.
    assert booked_fee(api, sandbox, worker, order["payments"][0]) == 40 + 29


def test_a_negotiated_rate_saved_on_the_channel_page_is_what_the_books_charge(api, sandbox, worker, priced, portal):
    saved = save_fees(portal, fee_percent="2.5", fixed_fees="USD 0.20, EUR 0,25", dispute_fees="USD 15.00")
    assert saved.status_code == 302, saved.get_data(as_text=True)
    page = portal.text("/portal/channels/sandbox_card")
    assert 'value="2.5"' in page and 'value="EUR 0.25, USD 0.20"' in page and 'value="USD 15.00"' in page
    assert "published rate: 2.9 % + 30 minor units of the payment" in page and "JPY 40" in page

    dollars = paid(api, sandbox, priced, "usd")["payments"][0]
    assert booked_fee(api, sandbox, worker, dollars) == 20 + 25  # $0.20 + 2.5 % of $9.99
    # The provider charges the merchant's rate: its statement now agrees with the books.
    tamper(sandbox, dollars["provider_reference"], fee=45)
    assert reconcile(api, worker)["discrepancies"]["amount_mismatch"] == 0
    yen = paid(api, sandbox, priced, "jpy")["payments"][0]
    assert booked_fee(api, sandbox, worker, yen) == 40 + 25  # no yen fixed fee named: the published ¥40

    cleared = save_fees(portal)  # back to the published rate
    assert cleared.status_code == 302
    assert booked_fee(api, sandbox, worker, paid(api, sandbox, priced, "usd")["payments"][0]) == 30 + 29


def test_a_dispute_fee_is_charged_in_the_currencies_it_names(app, api, sandbox, worker, priced, portal):
    assert save_fees(portal, dispute_fees="usd 15").status_code == 302
    for currency, fee in (("usd", 1500), ("eur", 0)):
        order = paid(api, sandbox, priced, currency)
        opened = open_dispute(sandbox, order, reason="fraudulent")
        wait_for(lambda: api.get("/disputes", query_string={"order": order["id"]}).json["data"])
        [dispute] = api.get("/disputes", query_string={"order": order["id"]}).json["data"]
        assert (dispute["amount"], dispute["fee"]) == (opened["amount"], fee), currency


@pytest.mark.parametrize(
    "typed, field, message",
    [
        ({"fee_percent": "2.955"}, "fee_percent", "Enter a percentage with at most two decimals, e.g. 2.9."),
        ({"fee_percent": "101"}, "fee_percent", "A rate is at most 100 %."),
        ({"fixed_fees": "USD 0.301"}, "fixed_fees", "USD 0.301: USD has 2 decimal places"),
        ({"fixed_fees": "JPY 1,500"}, "fixed_fees", "“1,500” could be 1500 or 1.500"),
        ({"fixed_fees": "30 cents"}, "fixed_fees", "is not an amount with its currency: write e.g. USD 0.30, EUR 0.25"),
        ({"fixed_fees": "usd 0.30, USD 0.40"}, "fixed_fees", "USD is named twice"),
        ({"dispute_fees": "XYZ 15"}, "dispute_fees", "three-letter ISO 4217 code"),
        (
            {"dispute_fees": "USD 10000000"},
            "dispute_fees",
            "Dispute fee in USD is at most 99999999 minor units ($999,999.99).",
        ),
    ],
)
def test_a_rate_typed_wrong_says_what_to_fix_and_saves_nothing(app, merchant, portal, typed, field, message):
    assert save_fees(portal, fee_percent="2", fixed_fees="USD 0.10").status_code == 302
    refused = save_fees(portal, **{"fee_percent": "2", "fixed_fees": "USD 0.10", **typed})
    assert refused.status_code == 422
    page = refused.get_data(as_text=True)
    assert message in page, page
    assert f'id="{field}"' in page and 'aria-invalid="true"' in page
    # The channel's other settings are shown as saved, not as blank fields of this form's request.
    assert re.search(r'<input checked[^>]*id="enabled"', page) and 'placeholder="Card (sandbox)"' in page
    with app.app_context():
        from app.payments.channels.configs import channel_settings

        saved = channel_settings(merchant.id, "sandbox_card")
        assert (saved["fee_bps"], saved["fixed_fees"], saved["dispute_fees"]) == (200, {"usd": 10}, {})
