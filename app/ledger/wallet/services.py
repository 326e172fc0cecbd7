"""Customer wallets: balances derived from the journal, and Try–Confirm–Cancel per payment attempt.

Try freezes the attempt's amount (available → frozen) only if the balance covers it; confirm moves
the frozen amount to the merchant (frozen → receivable); cancel unfreezes it (frozen → available).
A barrier row per (attempt, phase) makes each phase happen at most once, and a cancel that comes
before its try leaves a marker so the late try is refused: no reservation is ever left hanging.

Test and live money never mix: a customer has one wallet per mode. Live movements post to the same
account names under ``live:`` (``live:wallet:<customer>:available``); test-mode accounts keep the names
they always had, so balances recorded before modes existed stay where they were.
"""

from __future__ import annotations

from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator

from sqlalchemy import String, func, select
from sqlalchemy.exc import IntegrityError

from app.errors import Conflict, InvalidRequest, KassaError, Unprocessable
from app.extensions import conflict_insert, db
from app.ledger.accounts import available_account, frozen_account, receivable_account, topup_clearing_account
from app.ledger.journal import Leg, account_balance, account_balances, find_entry, post_journal_entry
from app.ledger.models import Posting, WalletAccount, WalletBarrier
from app.platform.db.bulk_copy import one_of
from app.platform.locks import held_lock
from app.platform.values.money import Money, max_amount, normalise_currency


class InsufficientBalance(Unprocessable):
    """The customer's available balance does not cover the payment (422)."""

    code = "insufficient_balance"


class WalletBusy(KassaError):
    """Another payment holds the wallet's lock; retry shortly (503)."""

    status = 503
    type = "api_error"
    code = "wallet_locked"


@dataclass(frozen=True)
class WalletBalance:
    customer_id: str
    livemode: bool
    available: dict[str, int]  # currency -> minor units
    frozen: dict[str, int]


def wallet_balance(merchant_id: str, customer_id: str, *, livemode: bool) -> WalletBalance:
    """The customer's available and frozen amounts per currency in one mode, summed from postings."""
    available = available_account(customer_id, livemode=livemode)
    frozen = frozen_account(customer_id, livemode=livemode)
    sums = account_balances(merchant_id, [available, frozen])
    currencies = sorted({currency for _, currency in sums})
    return WalletBalance(
        customer_id,
        livemode,
        {c: sums.get((available, c), 0) for c in currencies},
        {c: sums.get((frozen, c), 0) for c in currencies},
    )


def available_balance(merchant_id: str, customer_id: str, currency: str, *, livemode: bool) -> int:
    """What the customer can spend now in ``currency`` in one mode."""
    return account_balance(merchant_id, available_account(customer_id, livemode=livemode), currency)


def credit_topup(merchant_id: str, customer_id: str, amount: Money, *, reference: str, livemode: bool) -> None:
    """Credit a paid top-up to the mode's wallet in the caller's transaction; once per ``reference`` (the top-up's
    order id, which its postings name)."""
    require_positive(amount)
    post_journal_entry(
        merchant_id,
        "wallet.topup",
        reference,
        [
            Leg(topup_clearing_account(livemode=livemode), -amount.amount, amount.currency, order_id=reference),
            Leg(available_account(customer_id, livemode=livemode), amount.amount, amount.currency, order_id=reference),
        ],
    )


def parse_wallet_amount(amount: object, currency: object, *, maximum: Callable[[str], int] = max_amount) -> Money:
    """A requested wallet amount (top-up, withdrawal, transfer) as Money, or a 400 naming the bad parameter;
    ``maximum`` gives the largest amount in a currency."""
    if type(amount) is not int or amount < 1:
        raise InvalidRequest("amount must be a positive integer of minor units", param="amount")
    try:
        money = Money(amount, normalise_currency(currency))
    except (TypeError, ValueError):
        raise InvalidRequest("currency must be a three-letter ISO code such as usd", param="currency") from None
    largest = maximum(money.currency)
    if amount > largest:
        raise InvalidRequest(
            f"amount in {money.currency.upper()} must be at most {largest} minor units "
            f"({Money(largest, money.currency).format()})",
            param="amount",
        )
    return money


def require_covered(merchant_id: str, customer_id: str, amount: Money, *, livemode: bool) -> None:
    """InsufficientBalance (422) unless the available balance covers ``amount``; call it under the wallet's lock."""
    available = available_balance(merchant_id, customer_id, amount.currency, livemode=livemode)
    if available < amount.amount:
        raise InsufficientBalance(
            f"the wallet balance ({Money(max(available, 0), amount.currency).format()}) does "
            f"not cover {amount.format()}",
            param="amount",
        )


def require_positive(amount: Money) -> None:
    """Refuse anything but a positive Money as a wallet amount (422)."""
    if not isinstance(amount, Money) or amount.amount <= 0:
        raise Unprocessable("a wallet amount must be a positive Money", code="amount_invalid", param="amount")


@contextmanager
def _redis_wallet_locks(merchant_id: str, customers: list[str], currency: str) -> Iterator[None]:
    """A Redis lock per wallet, taken in the order of ``customers`` (no Redis: ServiceUnavailable)."""
    with ExitStack() as redis_locks:
        for customer_id in customers:
            redis_locks.enter_context(
                held_lock(
                    f"kassa:lock:wallet:{merchant_id}:{customer_id}:{currency}",
                    busy=WalletBusy("the wallet is busy with another payment; retry"),
                    action="use this wallet",
                )
            )
        yield


def _insert_missing_accounts(merchant_id: str, customers: list[str], currency: str) -> None:
    db.session.execute(
        conflict_insert(WalletAccount).on_conflict_do_nothing(),
        [{"merchant_id": merchant_id, "customer_id": customer_id, "currency": currency} for customer_id in customers],
    )


def _lock_account_rows(merchant_id: str, customers: list[str], currency: str) -> None:
    """Row locks on the wallets (PostgreSQL), taken in customer order: ORDER BY sorts before FOR UPDATE locks."""
    db.session.execute(
        select(WalletAccount.id)
        .where(
            WalletAccount.merchant_id == merchant_id,
            one_of(WalletAccount.customer_id, customers, String()),
            WalletAccount.currency == currency,
        )
        .order_by(WalletAccount.customer_id)
        .with_for_update()
    )


@contextmanager
def locked_wallets(merchant_id: str, customer_ids: Iterable[str], currency: str) -> Iterator[None]:
    """Serialise movements on the wallets of ``customer_ids`` (one currency): a Redis lock per wallet across
    processes (no Redis: ServiceUnavailable, nothing moved), and on PostgreSQL a row lock per wallet held until
    the caller commits (the database guarantees it even if Redis loses a lock). Wallets are always locked in
    the order of their customer ids, so two transfers between the same customers in opposite directions queue
    instead of deadlocking. The caller commits inside the block; an exception rolls everything back."""
    customers = sorted(set(customer_ids))
    with _redis_wallet_locks(merchant_id, customers, currency):
        try:
            _insert_missing_accounts(merchant_id, customers, currency)
            db.session.commit()
            _lock_account_rows(merchant_id, customers, currency)
            yield
        except BaseException:
            db.session.rollback()  # ends the transaction, so the row locks go with it
            raise


@contextmanager
def wallets_held(merchant_id: str, customer_ids: Iterable[str], currency: str) -> Iterator[None]:
    """``locked_wallets`` for many wallets inside a transaction the caller has already begun (a renewal batch
    holding its contracts' row locks): the missing accounts are inserted without a commit of their own, so
    nothing the caller holds is let go. Same lock order, so it queues behind (never deadlocks with) a payment."""
    customers = sorted(set(customer_ids))
    with _redis_wallet_locks(merchant_id, customers, currency):
        _insert_missing_accounts(merchant_id, customers, currency)
        _lock_account_rows(merchant_id, customers, currency)
        yield


def available_balances(
    merchant_id: str, customer_ids: Iterable[str], currency: str, *, livemode: bool
) -> dict[str, int]:
    """{customer: available balance in ``currency``} for many wallets in one query (call it under their locks)."""
    accounts = {available_account(c, livemode=livemode): c for c in customer_ids}
    rows = db.session.execute(
        select(Posting.account, func.sum(Posting.amount))
        .where(
            Posting.merchant_id == merchant_id,
            Posting.currency == currency,
            one_of(Posting.account, list(accounts), String()),
        )
        .group_by(Posting.account)
    )
    found = {accounts[account]: int(total) for account, total in rows}
    return {c: found.get(c, 0) for c in accounts.values()}


def _locked_wallet(merchant_id: str, customer_id: str, currency: str):
    return locked_wallets(merchant_id, [customer_id], currency)


def _phases(attempt_id: str) -> dict[str, WalletBarrier]:
    rows = db.session.scalars(select(WalletBarrier).where(WalletBarrier.attempt_id == attempt_id))
    return {row.phase: row for row in rows}


def wallet_phases(attempt_id: str) -> set[str]:
    """The TCC phases recorded for an attempt (``try``, ``confirm``, ``cancel``)."""
    return set(_phases(attempt_id))


def _barrier(merchant_id: str, customer_id: str, attempt_id: str, phase: str, amount: Money) -> WalletBarrier:
    barrier = WalletBarrier(
        attempt_id=attempt_id,
        phase=phase,
        merchant_id=merchant_id,
        customer_id=customer_id,
        amount=amount.amount,
        currency=amount.currency,
    )
    db.session.add(barrier)
    return barrier


def _commit_once() -> bool:
    """Commit; a unique violation means the same phase was recorded first elsewhere."""
    try:
        db.session.commit()
        return True
    except IntegrityError:
        db.session.rollback()
        return False


def try_wallet_payment(
    merchant_id: str, customer_id: str, attempt_id: str, amount: Money, *, livemode: bool, order_id: str | None = None
) -> bool:
    """Try: freeze ``amount`` for the attempt if the available balance covers it. False when already
    done; InsufficientBalance leaves nothing frozen; a prior cancel refuses it (Conflict)."""
    require_positive(amount)
    with _locked_wallet(merchant_id, customer_id, amount.currency):
        phases = _phases(attempt_id)
        if "cancel" in phases:
            raise Conflict("this payment was canceled; its funds can no longer be reserved", code="payment_canceled")
        if "try" in phases:
            db.session.rollback()
            return False
        available = available_balance(merchant_id, customer_id, amount.currency, livemode=livemode)
        if available < amount.amount:
            raise InsufficientBalance(
                f"the wallet balance ({Money(available, amount.currency).format()}) does not cover "
                f"{amount.format()}; top it up or choose another payment method",
                param="channel",
            )
        _barrier(merchant_id, customer_id, attempt_id, "try", amount)
        post_journal_entry(
            merchant_id,
            "wallet.try",
            attempt_id,
            [
                Leg(
                    available_account(customer_id, livemode=livemode),
                    -amount.amount,
                    amount.currency,
                    order_id=order_id,
                ),
                Leg(frozen_account(customer_id, livemode=livemode), amount.amount, amount.currency, order_id=order_id),
            ],
        )
        return _commit_once()


def confirm_wallet_payment(
    merchant_id: str, customer_id: str, attempt_id: str, amount: Money, *, livemode: bool, order_id: str | None = None
) -> bool:
    """Confirm: the frozen amount leaves the customer for the merchant. Only after a try; False when
    already confirmed."""
    require_positive(amount)
    with _locked_wallet(merchant_id, customer_id, amount.currency):
        phases = _phases(attempt_id)
        if "confirm" in phases:
            db.session.rollback()
            return False
        if "cancel" in phases:
            raise Conflict("this payment was canceled; it cannot be confirmed", code="payment_canceled")
        tried = phases.get("try")
        if tried is None or (tried.amount, tried.currency) != (amount.amount, amount.currency):
            raise Conflict("no funds are reserved for this payment", code="wallet_funds_not_reserved")
        _barrier(merchant_id, customer_id, attempt_id, "confirm", amount)
        post_journal_entry(
            merchant_id,
            "wallet.confirm",
            attempt_id,
            [
                Leg(frozen_account(customer_id, livemode=livemode), -amount.amount, amount.currency, order_id=order_id),
                Leg(
                    receivable_account(merchant_id, livemode=livemode),
                    amount.amount,
                    amount.currency,
                    order_id=order_id,
                ),
            ],
        )
        return _commit_once()


def cancel_wallet_payment(
    merchant_id: str, customer_id: str, attempt_id: str, amount: Money, *, livemode: bool, order_id: str | None = None
) -> bool:
    """Cancel: unfreeze what the try froze; before any try, leave a marker that refuses a late try.
    False when already canceled; a confirmed payment cannot be canceled (Conflict)."""
    require_positive(amount)
    with _locked_wallet(merchant_id, customer_id, amount.currency):
        phases = _phases(attempt_id)
        if "cancel" in phases:
            db.session.rollback()
            return False
        if "confirm" in phases:
            raise Conflict("this payment was already captured from the wallet", code="payment_already_captured")
        _barrier(merchant_id, customer_id, attempt_id, "cancel", amount)
        tried = phases.get("try")
        if tried is not None:
            frozen = Money(tried.amount, tried.currency)
            post_journal_entry(
                merchant_id,
                "wallet.cancel",
                attempt_id,
                [
                    Leg(
                        frozen_account(customer_id, livemode=livemode),
                        -frozen.amount,
                        frozen.currency,
                        order_id=order_id,
                    ),
                    Leg(
                        available_account(customer_id, livemode=livemode),
                        frozen.amount,
                        frozen.currency,
                        order_id=order_id,
                    ),
                ],
            )
        return _commit_once()


def refund_wallet_payment(
    merchant_id: str,
    customer_id: str,
    refund_id: str,
    amount: Money,
    *,
    livemode: bool,
    source: str | None = None,
    order_id: str | None = None,
) -> bool:
    """Give a captured wallet payment back: ``source`` (the refund's money set aside, app/ledger/refund_holds.py;
    the receivable for a refund from before holds) → available, once per refund id. The refund service has
    already checked the amount against what was captured."""
    require_positive(amount)
    source = source or receivable_account(merchant_id, livemode=livemode)
    with _locked_wallet(merchant_id, customer_id, amount.currency):
        if find_entry("wallet.refund", refund_id) is not None:
            db.session.rollback()
            return False
        post_journal_entry(
            merchant_id,
            "wallet.refund",
            refund_id,
            [
                Leg(source, -amount.amount, amount.currency, order_id=order_id),
                Leg(
                    available_account(customer_id, livemode=livemode), amount.amount, amount.currency, order_id=order_id
                ),
            ],
        )
        return _commit_once()


@contextmanager
def topup_refund_hold(
    merchant_id: str, customer_id: str, reference: str, amount: Money, *, livemode: bool, order_id: str | None = None
) -> Iterator[None]:
    """For a top-up refund: take ``amount`` back from the customer's available balance into the top-up
    suspense account, under the wallet's lock, in the caller's transaction (the caller commits inside the
    block; an exception rolls everything back). Refused with 409 ``topup_spent`` when the customer has
    already spent it: a refund must never leave a credit spendable while its money goes back."""
    require_positive(amount)
    with _locked_wallet(merchant_id, customer_id, amount.currency):
        available = available_balance(merchant_id, customer_id, amount.currency, livemode=livemode)
        if available < amount.amount:
            raise Conflict(
                f"the customer has already spent part of this top-up: at most "
                f"{Money(max(available, 0), amount.currency).format()} of it can be refunded now",
                code="topup_spent",
                param="amount",
            )
        post_journal_entry(
            merchant_id,
            "wallet.topup_refund",
            reference,
            [
                Leg(
                    available_account(customer_id, livemode=livemode),
                    -amount.amount,
                    amount.currency,
                    order_id=order_id,
                ),
                Leg(topup_clearing_account(livemode=livemode), amount.amount, amount.currency, order_id=order_id),
            ],
        )
        yield


def release_topup_refund_hold(
    merchant_id: str, customer_id: str, reference: str, amount: Money, *, livemode: bool, order_id: str | None = None
) -> None:
    """The provider refused a top-up refund: what its hold took goes back to the customer's balance, in the
    caller's transaction; once per ``reference``."""
    post_journal_entry(
        merchant_id,
        "wallet.topup_refund_released",
        reference,
        [
            Leg(topup_clearing_account(livemode=livemode), -amount.amount, amount.currency, order_id=order_id),
            Leg(available_account(customer_id, livemode=livemode), amount.amount, amount.currency, order_id=order_id),
        ],
    )
