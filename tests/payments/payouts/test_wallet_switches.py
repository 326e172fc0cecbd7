"""Switches that mean what they say (issue 54, finding 6): with the wallet channel switched off, or maintenance on,
transfers and withdrawals move no wallet money; they answer 503 with the message a wallet payment gets."""

from __future__ import annotations

import pytest

from tests.payments.attempts.test_payment_flow import create_order
from tests.support.wallet import fund, held, withdraw

ADA, BEN = "cus_ada", "cus_ben"


def cli(app, *args: str) -> None:
    result = app.test_cli_runner().invoke(args=["kassa", "switch", *args])
    assert result.exit_code == 0, result.output


def transfer(api):
    return api.post(f"/customers/{ADA}/transfers", json={"to": BEN, "amount": 300, "currency": "usd"})


@pytest.mark.parametrize("scope", ["merchant", "platform"])
def test_with_the_wallet_switched_off_transfers_and_withdrawals_move_nothing(app, api, merchant, catalog, scope):
    fund(app, merchant.id, ADA, 1000)
    where = ["--merchant-id", merchant.id] if scope == "merchant" else []
    cli(app, "on", "channel_off", "--channel", "wallet", "--reason", "wallet audit", *where)

    order = create_order(api, catalog["sku"])
    paying = api.post(f"/orders/{order['id']}/pay", json={"channel": "wallet"})
    assert paying.json["error"]["code"] == "channel_unavailable"
    said = paying.json["error"]["message"]
    assert "wallet audit" in said

    for refused in (transfer(api), withdraw(api, ADA, 300)):
        assert refused.status_code == 503, refused.json
        assert refused.json["error"]["code"] == "channel_unavailable"
        # The payment's refusal, without what a payment adds (the order, the channels it could use instead).
        assert refused.json["error"]["message"] in said and refused.json["error"]["message"].startswith("wallet is")
        assert refused.headers["Retry-After"]
    assert held(api, ADA) == (1000, 0) and held(api, BEN) == (0, 0)

    cli(app, "off", "channel_off", "--channel", "wallet", *where)
    assert transfer(api).status_code == 201
    assert held(api, ADA) == (700, 0) and held(api, BEN) == (300, 0)


def test_in_maintenance_transfers_and_withdrawals_move_nothing(app, api, merchant):
    fund(app, merchant.id, ADA, 1000)
    cli(app, "on", "maintenance", "--reason", "database upgrade")
    for refused in (transfer(api), withdraw(api, ADA, 300)):
        assert refused.status_code == 503, refused.json
        assert refused.json["error"]["code"] == "maintenance"
        assert "database upgrade" in refused.json["error"]["message"]
    assert held(api, ADA) == (1000, 0) and held(api, BEN) == (0, 0)

    cli(app, "off", "maintenance")
    assert withdraw(api, ADA, 300).status_code == 201
    assert held(api, ADA) == (700, 300)
