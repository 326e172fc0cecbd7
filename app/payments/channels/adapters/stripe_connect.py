"""Stripe Connect as a payout rail: a partner (or a wallet's customer) gets an Express connected account, onboards
on Stripe's hosted page through an account link, and each payout try is one Transfer from the merchant's platform
balance to that account (https://docs.stripe.com/connect/separate-charges-and-transfers).

A Transfer moves money between Stripe balances at once: created is paid. The try's reference is its idempotency
key, its ``transfer_group`` and its ``kassa_payout_reference`` metadata, so a retried create returns the same
Transfer and a create whose answer was lost is found again by listing the group (never sent blind a second time).
Stripe refusing the create (insufficient platform balance, an account that cannot take transfers yet) is a failed try;
a Transfer reversed later (``transfer.reversed``, or ``reversed`` when looked up) is a failed one too.
"""

from __future__ import annotations

import json
from typing import Mapping

from app.payments.channels.adapters.stripe_currency import from_stripe_amount, to_stripe_amount
from app.payments.channels.interface import PayoutResult, ProviderOutcomeUnknown, ProviderRefused

TRANSFER_EVENTS = ("transfer.created", "transfer.reversed")
# Events on the connected accounts themselves, which Stripe sends to a Connect endpoint (its own signing secret).
ACCOUNT_EVENTS = ("account.updated",)
REFERENCE_KEY = "kassa_payout_reference"
READY, ONBOARDING = "ready", "onboarding"


def transfer_result(transfer: Mapping) -> PayoutResult:
    """A Transfer as Kassa's payout result: paid, or failed once reversed; one Kassa cannot read is an unknown
    outcome (the money may have moved), never a guess."""
    try:
        reference = (transfer.get("metadata") or {}).get(REFERENCE_KEY) or transfer.get("transfer_group")
        amount, currency, transfer_id = transfer["amount"], transfer["currency"], transfer["id"]
        if not (isinstance(reference, str) and isinstance(currency, str) and isinstance(transfer_id, str)):
            raise TypeError("a Transfer's id, currency or reference is not text")
        if type(amount) is not int:
            raise TypeError("a Transfer's amount is not a whole number")
        reversed_ = bool(transfer.get("reversed"))
        return PayoutResult(
            provider_reference=transfer_id,
            reference=reference,
            status="failed" if reversed_ else "paid",
            amount=from_stripe_amount(amount, currency),
            currency=currency.lower(),
            failure_reason="the transfer was reversed at Stripe" if reversed_ else None,
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ProviderOutcomeUnknown(
            f"Stripe answered something Kassa cannot read as a Transfer ({exc}): "
            f"{json.dumps(transfer, default=str)[:200]}"
        ) from None


def account_status(account: Mapping) -> str:
    """``ready`` once the connected account has finished onboarding and can take transfers, else ``onboarding``."""
    transfers = (account.get("capabilities") or {}).get("transfers")
    can_take = transfers == "active" if transfers is not None else bool(account.get("payouts_enabled"))
    return READY if account.get("details_submitted") and can_take else ONBOARDING


class StripeConnect:
    """The payout half of the Stripe channel; mixed into StripeAdapter, whose ``client`` and ``_call`` it uses."""

    def send_payout(
        self, *, reference: str, amount: int, currency: str, destination: str, callback_url: str
    ) -> PayoutResult:
        """One Transfer to the connected account ``destination``; Stripe's verdict comes in the answer (its webhook
        comes to the merchant's endpoint, not ``callback_url``)."""
        if not destination.startswith("acct_"):
            raise ProviderRefused(
                f"Stripe pays out to a connected account (acct_…), not {destination!r}: onboard the partner with Stripe"
            )
        try:
            stripe_amount = to_stripe_amount(amount, currency)
        except ValueError as exc:
            raise ProviderRefused(str(exc)) from exc
        params = {
            "amount": stripe_amount,
            "currency": currency,
            "destination": destination,
            "transfer_group": reference,
            "metadata": {REFERENCE_KEY: reference},
        }
        transfer = self._call(
            lambda: self.client.v1.transfers.create(params=params, options={"idempotency_key": f"payout-{reference}"}),
            acting=True,
        )
        return transfer_result(transfer.to_dict())

    def find_payout(self, reference: str) -> PayoutResult | None:
        """The Transfer made under ``reference`` (its transfer group), or None when Stripe made none."""
        page = self._call(lambda: self.client.v1.transfers.list(params={"transfer_group": reference, "limit": 10}))
        for transfer in (item.to_dict() for item in page.data):
            if (transfer.get("metadata") or {}).get(REFERENCE_KEY, reference) == reference:
                return transfer_result(transfer)
        return None

    def create_connected_account(self, *, key: str, name: str, email: str | None = None) -> str:
        """A new Express connected account asking for the ``transfers`` capability; ``key`` makes a retry return the
        same account. Returns its id."""
        params: dict = {
            "type": "express",
            "capabilities": {"transfers": {"requested": True}},
            "business_profile": {"name": name[:100]},
            "metadata": {"kassa_account_key": key},
        }
        if email:
            params["email"] = email
        account = self._call(
            lambda: self.client.v1.accounts.create(params=params, options={"idempotency_key": f"connect-{key}"}),
            acting=True,
        )
        return account.id

    def onboarding_link(self, account: str, *, refresh_url: str, return_url: str) -> str:
        """The URL of Stripe's hosted onboarding for ``account`` (single use, expires in minutes)."""
        link = self._call(
            lambda: self.client.v1.account_links.create(
                params={
                    "account": account,
                    "refresh_url": refresh_url,
                    "return_url": return_url,
                    "type": "account_onboarding",
                }
            )
        )
        return link.url

    def connected_account_status(self, account: str) -> str:
        """``ready`` or ``onboarding``, as Stripe has the connected account now."""
        return account_status(self._call(lambda: self.client.v1.accounts.retrieve(account)).to_dict())
