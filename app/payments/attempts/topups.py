"""Starting a wallet top-up: validate the channel first, then open the order and pay it."""

from __future__ import annotations

from typing import Callable

from app.errors import InvalidRequest, KassaError
from app.extensions import db
from app.orders.models import Order
from app.orders.services import cancel_order
from app.orders.topups import create_topup_order, parse_topup_amount
from app.payments.attempts.hub import start_payment
from app.payments.channels.available import Prospect, available_channels
from app.payments.models import PaymentAttempt


def start_topup(
    merchant_id: str,
    customer_id: str,
    *,
    amount: object,
    currency: object,
    channel: object,
    return_url_for: Callable[[str, str], str],
    livemode: bool,
    customer_source: str,
    checkout_session_id: str | None = None,
    actor: str = "api",
) -> tuple[Order, PaymentAttempt]:
    """Open a top-up order of one mode and start its payment on ``channel``. Bad input writes nothing; a
    channel that fails to start closes the top-up again so nothing is left open. ``return_url_for(order_id,
    client_secret)`` says where the provider sends the shopper back."""
    money = parse_topup_amount(amount, currency)
    prospect = Prospect(
        customer_id=customer_id,
        customer_source=customer_source,
        livemode=livemode,
        total=money.amount,
        currency=money.currency,
        kind="topup",
    )
    codes = [c.code for c in available_channels(merchant_id, prospect)]
    if not isinstance(channel, str) or channel not in codes:
        raise InvalidRequest(
            f"channel must be one of {codes} for a {'live' if livemode else 'test'}-mode top-up",
            code="channel_unavailable",
            param="channel",
        )
    order = create_topup_order(
        merchant_id,
        customer_id,
        money,
        livemode=livemode,
        customer_source=customer_source,
        checkout_session_id=checkout_session_id,
        actor=actor,
    )
    try:
        attempt = start_payment(order, channel, return_url=return_url_for(order.id, order.client_secret), actor=actor)
    except KassaError:
        db.session.rollback()
        try:
            cancel_order(merchant_id, order.id, actor="system")
        except KassaError:  # e.g. still paying: the poller settles it; the caller's error matters more
            db.session.rollback()
        raise
    return order, attempt
