"""The sandbox provider as a test sees it: its own records and test controls over its HTTP API, and the
signed callbacks it sends (to replay a provider's retry)."""

from __future__ import annotations

import json
import time

import requests

from tests.payments.attempts.test_payment_flow import _sign

SANDBOX_KEY = "sbx_test_demo_key"  # the defaults of `make run`, which the harness keeps
CALLBACK_SECRET = "sbx_whsec_demo"


class SandboxApi:
    """The provider's own records and its test controls, over its HTTP API."""

    def __init__(self, url: str) -> None:
        self.url, self.headers = url, {"Authorization": f"Bearer {SANDBOX_KEY}"}

    def payment_for(self, attempt_id: str) -> dict | None:
        """The provider's payment opened for one of Kassa's attempts (its reference), if any."""
        found = requests.get(
            f"{self.url}/sandbox/api/payments", params={"reference": attempt_id}, headers=self.headers, timeout=10
        )
        assert found.status_code == 200, found.text
        data = found.json()["data"]
        return data[0] if data else None

    def refunds_of(self, payment_id: str) -> list[dict]:
        listed = requests.get(f"{self.url}/sandbox/api/payments/{payment_id}/refunds", headers=self.headers, timeout=10)
        assert listed.status_code == 200, listed.text
        return listed.json()["data"]

    def decide(self, payment_id: str, outcome: str = "succeeded", callback: str = "normal") -> dict:
        """The shopper presses Approve (or Decline) on the provider's page."""
        decided = requests.post(
            f"{self.url}/sandbox/api/payments/{payment_id}/simulate",
            json={"outcome": outcome, "callback": callback},
            timeout=10,
        )
        assert decided.status_code == 200, decided.text
        return decided.json()


def signed_callback(payment: dict, outcome: str = "succeeded") -> tuple[bytes, dict]:
    """A provider callback for ``payment`` signed with the shared secret, as the provider retries it."""
    body = json.dumps(
        {
            "id": f"evt_{payment['id']}",
            "type": f"payment.{outcome}",
            "created": int(time.time()),
            "data": {**payment, "status": outcome},
        }
    ).encode()
    return body, {"Sandbox-Signature": _sign(CALLBACK_SECRET, body), "Content-Type": "application/json"}
