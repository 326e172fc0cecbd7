"""localstripe as a real process for the Stripe channel's tests: started once per session on the port the app
is configured with (STRIPE_API_BASE), emptied before each test, and told to send its signed webhooks to the
live Kassa server, the way a merchant adds the endpoint in Stripe's dashboard."""

from __future__ import annotations

import sys
from typing import Iterator

import pytest
import requests
import stripe

from tests.support.processes import ROOT, Service, http_answers

SECRET_KEY = "sk_test_51KassaLocalstripe000000000000"
PUBLISHABLE_KEY = "pk_test_51KassaLocalstripe000000000000"
WEBHOOK_SECRET = "whsec_kassa_localstripe_0123456789"


@pytest.fixture(scope="session")
def localstripe_server(ports, tmp_path_factory) -> Iterator[str]:
    """localstripe 1.15 (PyPI), started like any other process Kassa talks to, on loopback only."""
    url = f"http://127.0.0.1:{ports['localstripe']}"
    service = Service(
        "localstripe",
        [sys.executable, "-m", "tests.support.localstripe_server", str(ports["localstripe"])],
        {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)},
        tmp_path_factory.mktemp("localstripe"),
        ready=http_answers(f"{url}/v1/payment_intents"),
    )
    service.start(timeout=30)
    yield url
    service.stop()


class Localstripe:
    """What a test does at Stripe itself: the official library with the merchant's key, and localstripe's
    configuration endpoints."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.client = stripe.StripeClient(SECRET_KEY, base_addresses={"api": url}, max_network_retries=0)

    def send_webhooks_to(self, url: str, secret: str = WEBHOOK_SECRET) -> None:
        answer = requests.post(f"{self.url}/_config/webhooks/kassa", data={"url": url, "secret": secret}, timeout=5)
        assert answer.status_code == 200, answer.text

    def pay_with_card(self, payment_intent: str, number: str = "4242424242424242"):
        """What Stripe's card element does in the shopper's browser: a card PaymentMethod, then confirm."""
        method = self.client.v1.payment_methods.create(
            params={"type": "card", "card": {"number": number, "exp_month": 12, "exp_year": 2034, "cvc": "123"}}
        )
        self.client.v1.payment_intents.update(payment_intent, params={"payment_method": method.id})
        return self.client.v1.payment_intents.confirm(payment_intent)


@pytest.fixture
def localstripe(localstripe_server) -> Localstripe:
    requests.delete(f"{localstripe_server}/_config/data", timeout=5).raise_for_status()
    # No endpoint until a test adds one (the live server's URL depends on the merchant).
    requests.post(
        f"{localstripe_server}/_config/webhooks/kassa",
        data={"url": "http://127.0.0.1:9/nowhere", "secret": "whsec_unused"},
        timeout=5,
    )
    return Localstripe(localstripe_server)


@pytest.fixture
def stripe_merchant(app, merchant):
    """The merchant with Stripe set up (test keys), as entered in the portal."""
    from app.payments.channels.credentials import save_channel_settings

    with app.app_context():
        save_channel_settings(
            merchant.id,
            "stripe",
            {"secret_key": SECRET_KEY, "publishable_key": PUBLISHABLE_KEY, "webhook_secret": WEBHOOK_SECRET},
        )
    return merchant
