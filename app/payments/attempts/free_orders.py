"""An order that costs nothing is completed without a payment.

A one-off order whose total is 0 (a 100 % coupon, say) leaves nothing for a channel to charge, and a provider takes
no payment of nothing (it signs a recurring mandate for 0, which a one-off order has none of). As Stripe Checkout
does with a 100 % promotion code, such an order needs no payment method: it moves from ``created`` to ``paid`` in
one transition, and everything that follows a payment follows it (``order.paid``, fulfilment, the receipt, the
checkout session's completion). No attempt is opened, so nothing is captured and no journal entry, fee or
statement line of nothing is written; its clearing books nothing, as a free trial's does. A contract's first order
of nothing (a free trial) is not such an order: paying it signs the mandate the renewals are charged on. Which orders
sign a contract only signing knows (it sits above payments): it hands these functions its reader of the terms
(app/signing/paying.py)."""

from __future__ import annotations

from collections.abc import Callable

from app.errors import Conflict, InvalidRequest
from app.extensions import db
from app.orders.models import Order
from app.orders.screening import assess_payment
from app.orders.services import StaleOrder, transition
from app.payments.attempts.hub import start_payment
from app.payments.attempts.one_purchase import one_purchase_per_session
from app.payments.channels.available import AvailableChannel, available_channels
from app.payments.models import PaymentAttempt
from app.payments.order_lock import order_lock
from app.platform.db.types import utcnow
from app.platform.observability import logs

log = logs.get("payments")

# What the timeline says of the move, for the merchant (the shopper's page says it in their language).
NOTHING_DUE = "nothing to pay: the order's total is 0, so it was completed without a payment"
_DONE = ("paid", "fulfilled", "completed")

# The terms of the contract a payment of an order signs, in words, by the order's id; None for an order that signs
# none (signing's ``recurring_terms``).
ContractTerms = Callable[[str], str | None]


def owes_nothing(order: Order, contract_terms: ContractTerms) -> bool:
    """Whether ``order`` is paid without any channel: a purchase whose total is 0 that signs no contract."""
    if order.kind != "purchase" or order.total != 0:
        return False
    return contract_terms(order.id) is None


def channels_for(order: Order, contract_terms: ContractTerms) -> list[AvailableChannel]:
    """The channels ``order`` may be paid with now: none once it is no longer ``created``, nor for an order of
    nothing (it is completed without one)."""
    if order.status != "created" or owes_nothing(order, contract_terms):
        return []
    return available_channels(order.merchant_id, order)


def pay_order(
    order: Order,
    channel: object,
    *,
    return_url: str,
    actor: str,
    contract_terms: ContractTerms,
    payment_method: object = None,
    save_method: bool = False,
) -> PaymentAttempt | None:
    """Pay ``order``: through ``channel`` (``start_payment``, signing the contract the order opens or renews, if
    any), or, when it owes nothing, without any (None: no payment was made, the order is paid). A channel named
    for an order of nothing is not used. ``payment_method`` / ``save_method``: see ``start_payment``."""
    if channel is not None and not isinstance(channel, str):
        raise InvalidRequest("channel must be a channel code string", param="channel")
    if owes_nothing(order, contract_terms):
        complete_free_order(order, actor=actor)
        return None
    return start_payment(
        order,
        channel,
        return_url=return_url,
        actor=actor,
        recurring=contract_terms(order.id),
        payment_method=payment_method,
        save_method=save_method,
    )


def complete_free_order(order: Order, *, actor: str) -> Order:
    """Move an order of nothing from ``created`` to ``paid`` in one conditional UPDATE, after the risk check every
    payment gets (a block is a 402 and the order stays as it was). Asked again once it is paid (a double click, a
    client's retry) it answers the order as it is and moves nothing: an order is paid once. A checkout session is
    still one purchase (a 409 when another of its orders was paid)."""
    with one_purchase_per_session(order):
        if order.status in _DONE:
            return order
        _check_payable(order)
        assess_payment(order, None)
        with order_lock(order.id):
            # Read afresh under the lock: another press may have completed it meanwhile.
            order = db.session.get(Order, order.id, populate_existing=True)
            if order.status in _DONE:
                db.session.rollback()
                return order
            _check_payable(order)
            try:
                transition(order, "paid", reason=NOTHING_DUE, actor=actor)
                db.session.commit()
            except StaleOrder:
                db.session.rollback()
                raise Conflict(
                    "the order changed while it was being completed; read it and try again",
                    code="order_changed_concurrently",
                ) from None
    log.info(
        "order of nothing completed without a payment",
        extra={"fields": {"merchant_id": order.merchant_id, "order_id": order.id}},
    )
    return order


def _check_payable(order: Order) -> None:
    if order.status != "created":
        raise Conflict(f"order is {order.status} and cannot be paid", code="order_state_invalid")
    if order.expires_at <= utcnow():
        raise Conflict("order has expired; create a new one", code="order_expired")
