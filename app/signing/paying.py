"""Paying an order with the contract it signs. A subscription's first order, or a renewal the shopper pays by hand
(a new card replacing a failing one), signs the mandate the renewals are charged on, so its payment carries the
contract's terms to the provider. Only signing knows which orders do (its tables), and it sits above payments: the
checkout, the embedded panel and the API pay through here, and payments are handed signing's reader of the terms
(app/payments/attempts/free_orders.py)."""

from __future__ import annotations

from app.orders.models import Order
from app.payments.attempts import free_orders
from app.payments.channels.available import AvailableChannel
from app.payments.models import PaymentAttempt
from app.signing.terms import recurring_terms


def pay_order(
    order: Order,
    channel: object,
    *,
    return_url: str,
    actor: str,
    payment_method: object = None,
    save_method: bool = False,
) -> PaymentAttempt | None:
    """Pay ``order`` through ``channel`` (or a saved ``payment_method``), or without any when it owes nothing (None);
    see ``free_orders.pay_order``."""
    return free_orders.pay_order(
        order,
        channel,
        return_url=return_url,
        actor=actor,
        contract_terms=recurring_terms,
        payment_method=payment_method,
        save_method=save_method,
    )


def owes_nothing(order: Order) -> bool:
    """Whether ``order`` is paid without any channel: a purchase whose total is 0 that signs no contract."""
    return free_orders.owes_nothing(order, recurring_terms)


def channels_for(order: Order) -> list[AvailableChannel]:
    """The channels ``order`` may be paid with now (none for an order of nothing, nor once it is not ``created``)."""
    return free_orders.channels_for(order, recurring_terms)
