"""A provider's test environment failing never hides its channel from live shoppers: the circuit breaker of a
channel that takes both modes' payments counts test calls apart from live ones (a load test run into the
provider's lower test-mode rate limit, say)."""

from __future__ import annotations

import pytest

from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import ChannelSpec
from tests.support.plugin_channels import installed
from tests.web.api.test_livemode import live  # noqa: F401  (fixture)


class _FlakyTestEnvironment:
    """A provider whose test environment answers 429 to every call (its live one is not called here)."""

    code, default_name, default_icon = "acme_pay", "Acme Pay", "card"

    @classmethod
    def from_settings(cls, config, settings):
        return cls()

    def create_payment(self, request):
        raise ProviderUnavailable("acme_pay answered 429: test mode rate limit")


ACME = ChannelSpec(
    code="acme_pay", name="Acme Pay", adapter=_FlakyTestEnvironment, capabilities=frozenset({"redirect"})
)


@pytest.fixture
def acme_pay(monkeypatch):
    """A payment tool that takes test and live payments, installed as a plugin."""
    yield from installed(monkeypatch, "acme_pay", f"{__name__}:ACME")


def _offered(key, sku: str) -> list[str]:
    order = key.post(
        "/orders",
        json={"items": [{"sku": sku, "quantity": 1}], "customer": {"id": "cus_load"}, "agreement_accepted": True},
    )
    assert order.status_code == 201, order.json
    return [channel["code"] for channel in order.json["available_channels"]]


def test_failing_test_calls_never_close_a_channel_to_live_orders(app, api, live, catalog, acme_pay):
    assert acme_pay in _offered(live, catalog["sku"])
    for _ in range(app.config["BREAKER_FAILURE_THRESHOLD"]):
        order = api.post(
            "/orders",
            json={
                "items": [{"sku": catalog["sku"], "quantity": 1}],
                "customer": {"id": "cus_load"},
                "agreement_accepted": True,
            },
        ).json
        failed = api.post(f"/orders/{order['id']}/pay", json={"channel": acme_pay})
        assert failed.status_code == 502 and failed.json["error"]["type"] == "channel_error"

    assert acme_pay not in _offered(api, catalog["sku"])  # test orders: its test environment is paused
    assert acme_pay in _offered(live, catalog["sku"])  # live shoppers still get it
