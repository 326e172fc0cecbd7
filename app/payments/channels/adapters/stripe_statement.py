"""Stripe's balance transactions of a day as the channel's statement (the ``statements`` capability).

Stripe has no daily statement file; what it booked on the merchant's balance is its list of balance transactions
(https://docs.stripe.com/api/balance_transactions/list), read by ``created`` for the UTC day, newest first, a page at a
time (``has_more`` / ``starting_after``), each with its source expanded. A line names Kassa's record the way the
sandbox's statement does:

- ``charge`` / ``payment``: a capture, named by the attempt id Kassa put in the PaymentIntent's metadata
  (``kassa_attempt_id``; the charge carries the PaymentIntent's id, which is asked once per statement when the
  charge itself does not carry the metadata); its ``fee`` is Stripe's processing fee. A charge Kassa did not make is
  named by the charge's id, which names nothing of Kassa's: reconciliation reports it.
- ``refund``: named by the refund's ``kassa_refund_id`` metadata; one made in Stripe's dashboard has none and is named
  by the refunded payment's attempt (and Stripe's refund id), so reconciliation reports it as missing in Kassa.
- a dispute's adjustment (``reporting_category`` ``dispute``): the withdrawal (a ``dispute`` line) and, when Stripe
  charged one, its dispute fee (a ``dispute_fee`` line); ``dispute_reversal``: the money back of a won dispute. They
  are named by the disputed payment's attempt and Stripe's dispute id, as the sandbox names them.
- a ``payout`` to the merchant's bank: a ``payout`` line named by Stripe's payout id (Kassa sends no Stripe payouts).
- anything else (a refund failure, Stripe's own fees, other adjustments): an ``adjustment`` line named by its
  source's id (else the transaction's), which Kassa books nothing for, so reconciliation reports it rather than
  dropping it.

Amounts are Kassa's minor units (stripe_currency.py), positive as on the sandbox's statement (an
``adjustment`` keeps Stripe's sign: money off the balance is negative); a fee is as Stripe
wrote it (a refund's is the processing fee Stripe gave back, negative: Stripe gives none back, so it is 0).
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Callable, Iterator, Mapping, TypeVar

from app.payments.channels.adapters.stripe_currency import from_stripe_amount
from app.payments.channels.interface import ProviderUnavailable, StatementLine

T = TypeVar("T")
PAGE = 100  # Stripe's largest page


def _id(value: object) -> str | None:
    """An object's id, whether Stripe expanded it or not."""
    if isinstance(value, Mapping):
        value = value.get("id")
    return value if isinstance(value, str) and value else None


class _Attempts:
    """Kassa's attempt id of a PaymentIntent (its ``kassa_attempt_id`` metadata), asked of Stripe once per
    statement; None for a payment Kassa did not make."""

    def __init__(self, client, call: Callable[[Callable[[], T]], T]) -> None:
        self.client, self.call = client, call
        self.known: dict[str, str | None] = {}

    def of(self, payment_intent: str | None, charge: str | None = None) -> str | None:
        if payment_intent is None and charge is not None:
            found = self.call(lambda: self.client.v1.charges.retrieve(charge)).to_dict()
            payment_intent = _id(found.get("payment_intent"))
        if payment_intent is None:
            return None
        if payment_intent not in self.known:
            intent = self.call(lambda: self.client.v1.payment_intents.retrieve(payment_intent)).to_dict()
            attempt = (intent.get("metadata") or {}).get("kassa_attempt_id")
            self.known[payment_intent] = attempt if isinstance(attempt, str) and attempt else None
        return self.known[payment_intent]


def balance_lines(client, call: Callable[[Callable[[], T]], T], day: date) -> Iterator[StatementLine]:
    """The statement lines of the balance transactions Stripe created on ``day`` (UTC), every page of them;
    ProviderUnavailable when Stripe cannot be asked or answers something Kassa cannot read."""
    start = int(datetime(day.year, day.month, day.day, tzinfo=timezone.utc).timestamp())
    attempts = _Attempts(client, call)
    starting_after = None
    while True:
        params = {
            "created": {"gte": start, "lt": start + 86_400},
            "limit": PAGE,
            "expand": ["data.source"],
            **({"starting_after": starting_after} if starting_after else {}),
        }
        page = call(lambda: client.v1.balance_transactions.list(params=params))
        for transaction in page.data:
            found = transaction.to_dict()
            try:
                yield from _lines(found, attempts)
            except (KeyError, TypeError, ValueError, AttributeError) as exc:
                raise ProviderUnavailable(
                    f"Stripe balance transaction {found.get('id')!r} is not readable: {exc.__class__.__name__} {exc}"
                ) from exc
        if not page.has_more or not page.data:
            return
        starting_after = page.data[-1].id


def _lines(transaction: Mapping, attempts: _Attempts) -> Iterator[StatementLine]:
    currency = transaction["currency"].lower()
    if type(transaction["amount"]) is not int or type(transaction["fee"]) is not int:
        raise TypeError("amount and fee must be integers")
    amount, fee = (from_stripe_amount(transaction[key], currency) for key in ("amount", "fee"))
    moment = datetime.fromtimestamp(transaction["created"], timezone.utc)
    source = transaction.get("source")
    source = source if isinstance(source, Mapping) else {"id": source}
    source_id = _id(source) or transaction["id"]
    kind, category = transaction["type"], transaction.get("reporting_category") or transaction["type"]

    def line(line_type: str, provider_id: str, reference: str, value: int, line_fee: int, status: str = "succeeded"):
        return StatementLine(line_type, provider_id, reference, status, value, line_fee, currency, moment)

    if kind in ("charge", "payment"):
        payment_intent = _id(source.get("payment_intent"))
        attempt = (source.get("metadata") or {}).get("kassa_attempt_id") or attempts.of(payment_intent)
        yield line("capture", payment_intent or source_id, attempt or source_id, amount, fee)
    elif kind == "refund":
        ours = (source.get("metadata") or {}).get("kassa_refund_id")
        refunded = None if ours else attempts.of(_id(source.get("payment_intent")), _id(source.get("charge")))
        yield line("refund", source_id, ours or refunded or source_id, -amount, fee)
    elif category in ("dispute", "dispute_reversal"):
        attempt = attempts.of(_id(source.get("payment_intent")), _id(source.get("charge"))) or source_id
        if category == "dispute_reversal":
            yield line("dispute_reversal", source_id, attempt, amount, fee)
        else:
            yield line("dispute", source_id, attempt, -amount, 0)
            if fee:
                yield line("dispute_fee", source_id, attempt, fee, 0)
    elif kind == "payout":
        yield line("payout", source_id, source_id, -amount, fee, "paid")
    else:
        yield line("adjustment", transaction["id"], source_id, amount, fee)
