"""Unsigning: the provider lets the merchant cancel a mandate (the recurring agreement the shopper signed with
the first payment), once and for good."""
from __future__ import annotations

import requests

from tests.signing.support import pay_first_order, subscribe
from tests.signing.test_renewals import monthly  # noqa: F401  (fixtures)

SANDBOX_KEY = {"Authorization": "Bearer sbx_test_demo_key"}


def cancel_at_provider(sandbox, reference: str, headers: dict | None = None) -> requests.Response:
    return requests.post(f"{sandbox.url}/sandbox/api/mandates/{reference}/cancel",
                         headers=SANDBOX_KEY if headers is None else headers, timeout=5)


def deduct(sandbox, reference: str, what: str) -> dict:
    return requests.post(f"{sandbox.url}/sandbox/api/mandates/{reference}/deductions", headers=SANDBOX_KEY,
                         json={"amount": 999, "currency": "usd", "reference": what}, timeout=5).json()


def test_the_provider_cancels_a_mandate_once_and_refuses_deductions_on_it(api, sandbox, worker, monthly):
    reference = pay_first_order(api, sandbox, worker, subscribe(api, monthly))["mandate"]["reference"]
    assert cancel_at_provider(sandbox, reference, headers={}).status_code == 401  # the merchant's key only
    assert cancel_at_provider(sandbox, "mdt_nobody").status_code == 404
    first = cancel_at_provider(sandbox, reference)
    assert first.status_code == 200 and first.json()["status"] == "canceled" and first.json()["id"] == reference
    again = cancel_at_provider(sandbox, reference)
    assert again.status_code == 200 and again.json() == first.json()  # idempotent
    refused = deduct(sandbox, reference, "after-cancel")
    assert refused["status"] == "failed" and refused["failure_reason"] == "mandate_inactive"
    # The shopper cannot revoke what is already canceled: it stays canceled.
    assert requests.post(f"{sandbox.url}/sandbox/api/mandates/{reference}/revoke",
                         timeout=5).json()["status"] == "canceled"
