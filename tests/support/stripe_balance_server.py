"""Stripe's balance transactions on loopback, for what localstripe 1.15 does not model: its balance transactions
carry no fee (``fee`` 0, no ``fee_details``), its list refuses the ``created`` filter, and it has no disputes (so no
dispute withdrawals, dispute fees or reversals).

``GET /v1/balance_transactions`` is answered here, shaped as Stripe's API reference shows the list and the object
(https://docs.stripe.com/api/balance_transactions/list and /object): localstripe's own transactions of the charges and
refunds Kassa (or the test, as the merchant in Stripe's dashboard) made there, each charge's with Stripe's published
US processing fee (2.9 % + $0.30) in ``fee`` and ``fee_details``, plus this server's own: its disputes' (an
``adjustment`` of ``reporting_category`` ``dispute``, with Stripe's $15.00 dispute fee, when a dispute opens; one of
``dispute_reversal`` when it is won) and Stripe's own fees a test charges. The list is filtered by ``created[gte]`` /
``created[lt]``, newest first, paged by ``limit`` and ``starting_after`` with ``has_more``, with
``expand[]=data.source`` honoured. Every other call goes on, through StripeDisputes, to localstripe. A test plays
Stripe's side: ``tamper_fee`` makes Stripe keep another fee on a charge, and ``page_size`` answers fewer
transactions per page than asked (as Stripe may), so a reader must follow ``has_more``.
"""

from __future__ import annotations

import copy
import secrets
import time
from urllib.parse import parse_qs, urlsplit

import requests

from tests.support.localstripe import SECRET_KEY
from tests.support.stripe_disputes_server import StripeDisputes, _error

DISPUTE_FEE = 1500  # Stripe's US dispute fee
CHARGEBACKS = ("needs_response", "under_review", "won", "lost")


def processing_fee(amount: int, currency: str) -> int:
    """Stripe's standard US card pricing, 2.9 % (half up) + $0.30; no fixed part in other currencies here."""
    return (amount * 290 + 5_000) // 10_000 + (30 if currency == "usd" else 0)


class StripeBalance(StripeDisputes):
    """A Stripe account's balance history (and its disputes) on loopback, in front of localstripe."""

    def __init__(self, localstripe_url: str) -> None:
        self.fees: dict[str, int] = {}  # charge id -> the fee Stripe kept instead of its published one
        self.own: list[dict] = []  # this server's transactions (disputes), sources unexpanded
        self.page_size = 100
        super().__init__(localstripe_url)

    # Stripe's side, as the test drives it.

    def tamper_fee(self, payment_intent: str, fee: int) -> None:
        """Stripe keeps ``fee`` on the payment's charge instead of its published fee."""
        self.fees[self._ls(f"/v1/payment_intents/{payment_intent}")["latest_charge"]["id"]] = fee

    def charge_account_fee(self, amount: int, description: str, currency: str = "usd") -> dict:
        """Stripe takes one of its own fees off the balance (a ``stripe_fee`` transaction with no source, as its
        Radar or billing fees are)."""
        transaction = _transaction(
            "txn_" + secrets.token_hex(12),
            int(time.time()),
            -amount,
            currency,
            0,
            None,
            "stripe_fee",
            "fee",
            None,
            description,
        )
        self.own.append(transaction)
        return copy.deepcopy(transaction)

    def open(self, payment_intent: str, **options) -> dict:
        dispute = super().open(payment_intent, **options)
        if dispute["status"] in CHARGEBACKS:  # an inquiry moves no money
            self._book(dispute["id"], "dispute", -dispute["amount"], DISPUTE_FEE, "Dispute fee")
        return copy.deepcopy(self.disputes[dispute["id"]])

    def move(self, dispute_id: str, status: str) -> dict:
        dispute = super().move(dispute_id, status)
        if status == "won":
            self._book(dispute_id, "dispute_reversal", dispute["amount"], 0, None)
        return copy.deepcopy(self.disputes[dispute_id])

    def _book(self, dispute_id: str, category: str, amount: int, fee: int, fee_name: str | None) -> None:
        dispute = self.disputes[dispute_id]
        transaction = _transaction(
            "txn_" + secrets.token_hex(12),
            int(time.time()),
            amount,
            dispute["currency"],
            fee,
            fee_name,
            "adjustment",
            category,
            dispute_id,
            f"Chargeback {'reversal ' if category == 'dispute_reversal' else ''}for {dispute['charge']}",
        )
        self.own.append(transaction)
        dispute["balance_transactions"].append(copy.deepcopy(transaction))

    # Stripe's API, as Kassa calls it.

    def _own_call(self, method: str, path: str, body: str) -> tuple[int, dict] | None:
        parts = urlsplit(path)
        if parts.path != "/v1/balance_transactions":
            return super()._own_call(method, path, body)
        if method != "GET":
            return _error(405, "Balance transactions cannot be created or changed through the API.")
        query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
        expand = {
            value for key, values in parse_qs(parts.query).items() if key.startswith("expand") for value in values
        }
        try:
            since, until = int(query.get("created[gte]", 0)), int(query.get("created[lt]", 2**40))
            limit = int(query.get("limit", 10))
        except ValueError:
            return _error(400, "Invalid integer", "parameter_invalid_integer")
        listed = sorted(
            (t for t in self._transactions() if since <= t["created"] < until),
            key=lambda t: (t["created"], t["id"]),
            reverse=True,
        )
        after = query.get("starting_after")
        if after:
            ids = [t["id"] for t in listed]
            if after not in ids:
                return _error(400, f"No such balance transaction: '{after}'", "resource_missing", "starting_after")
            listed = listed[ids.index(after) + 1 :]
        page = listed[: min(limit, self.page_size)]
        if "data.source" in expand:
            for transaction in page:
                transaction["source"] = self._source(transaction["source"])
        return 200, {
            "object": "list",
            "data": page,
            "has_more": len(listed) > len(page),
            "url": "/v1/balance_transactions",
        }

    def _transactions(self) -> list[dict]:
        """localstripe's transactions with Stripe's fee on each charge, and this server's."""
        found, after = [], None
        while True:
            page = self._ls("/v1/balance_transactions", limit=100, **({"starting_after": after} if after else {}))
            found += page["data"]
            if not page["has_more"] or not page["data"]:
                break
            after = page["data"][-1]["id"]
        shaped = []
        for txn in found:
            fee = 0
            if txn["type"] == "charge":
                fee = self.fees.get(txn["source"], processing_fee(txn["amount"], txn["currency"]))
            shaped.append(
                _transaction(
                    txn["id"],
                    txn["created"],
                    txn["amount"],
                    txn["currency"],
                    fee,
                    "Stripe processing fees" if fee else None,
                    txn["type"],
                    txn["reporting_category"],
                    txn["source"],
                    txn.get("description"),
                )
            )
        return shaped + copy.deepcopy(self.own)

    def _source(self, source_id: str | None) -> dict | None:
        if source_id is None:
            return None
        if source_id.startswith("dp_"):
            return copy.deepcopy(self.disputes[source_id])
        kind = {"ch_": "charges", "re_": "refunds"}[source_id[:3]]
        return self._ls(f"/v1/{kind}/{source_id}")

    def _ls(self, path: str, **params) -> dict:
        answer = requests.get(f"{self.localstripe_url}{path}", params=params, auth=(SECRET_KEY, ""), timeout=10)
        answer.raise_for_status()
        return answer.json()


def _transaction(
    transaction_id: str,
    created: int,
    amount: int,
    currency: str,
    fee: int,
    fee_name: str | None,
    kind: str,
    category: str,
    source: str | None,
    description: str | None,
) -> dict:
    """A BalanceTransaction as Stripe's API reference shows it (trimmed to what a reader needs)."""
    return {
        "id": transaction_id,
        "object": "balance_transaction",
        "amount": amount,
        "available_on": created + 2 * 86_400,
        "created": created,
        "currency": currency,
        "description": description,
        "exchange_rate": None,
        "fee": fee,
        "fee_details": (
            [{"amount": fee, "application": None, "currency": currency, "description": fee_name, "type": "stripe_fee"}]
            if fee
            else []
        ),
        "net": amount - fee,
        "reporting_category": category,
        "source": source,
        "status": "pending",
        "type": kind,
    }
