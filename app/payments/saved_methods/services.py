"""Saved payment methods: ask to save the card that pays, keep it once the payment succeeds, offer it, pay with it
and remove it. Only a customer the merchant's server vouched for (app/orders/customers.py) does any of these."""

from __future__ import annotations

from sqlalchemy import bindparam, select, update

from app.errors import ChannelFailed, InvalidRequest, NotFound, PermissionDenied
from app.extensions import db
from app.orders.customers import is_authenticated
from app.orders.models import Order
from app.payments import integration_log
from app.payments.channels.interface import ProviderUnavailable
from app.payments.channels.registry import adapter_for, channel_spec
from app.payments.models import PaymentAttempt
from app.payments.saved_methods.models import SavedPaymentMethod
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import Event, only_for_orders, subscribe
from app.platform.values.ids import new_id
from app.platform.values.times import iso_time

log = logs.get("saved_methods")

CAPABILITY = "saved_methods"
PREFIX = "spm"
_VOUCHED_ONLY = (
    "a saved payment method is only for a customer the merchant's server vouched for: open a checkout session "
    "(POST /checkout_sessions) for them, or create the order with a secret key"
)


def saves_methods(channel: str) -> bool:
    """Whether the channel keeps cards for one-press purchases (the ``saved_methods`` capability)."""
    spec = channel_spec(channel)
    return spec is not None and CAPABILITY in spec.capabilities


def may_save(customer_source: str | None) -> bool:
    """Whether a shopper of that source may save a card or pay with a saved one: never an unverified one."""
    return is_authenticated(customer_source)


def active_methods(
    merchant_id: str, customer_id: str, *, livemode: bool, channels: list[str] | None = None
) -> list[SavedPaymentMethod]:
    """The customer's saved methods of that mode, newest first; with ``channels``, only those on them."""
    query = select(SavedPaymentMethod).where(
        SavedPaymentMethod.merchant_id == merchant_id,
        SavedPaymentMethod.livemode == livemode,
        SavedPaymentMethod.customer_id == customer_id,
        SavedPaymentMethod.status == "active",
    )
    if channels is not None:
        query = query.where(SavedPaymentMethod.channel.in_(channels))
    return list(db.session.scalars(query.order_by(SavedPaymentMethod.id.desc())))


def offered_methods(order_or_sale: object, channels: list[str]) -> list[SavedPaymentMethod]:
    """The saved methods a checkout shows first: the vouched customer's, on channels offered now; none for anyone
    else. ``order_or_sale`` has ``merchant_id``, ``customer_id``, ``customer_source`` and ``livemode``."""
    if not may_save(getattr(order_or_sale, "customer_source", None)):
        return []
    return active_methods(
        order_or_sale.merchant_id, order_or_sale.customer_id, livemode=order_or_sale.livemode, channels=channels
    )


def list_methods(
    merchant_id: str, customer_id: str, *, livemode: bool, limit: int = 20, starting_after: str | None = None
) -> tuple[list[SavedPaymentMethod], bool]:
    """A page of the customer's saved methods, newest first (cursor: the last id seen)."""
    query = select(SavedPaymentMethod).where(
        SavedPaymentMethod.merchant_id == merchant_id,
        SavedPaymentMethod.livemode == livemode,
        SavedPaymentMethod.customer_id == customer_id,
        SavedPaymentMethod.status == "active",
    )
    if starting_after:
        query = query.where(SavedPaymentMethod.id < starting_after)
    rows = list(db.session.scalars(query.order_by(SavedPaymentMethod.id.desc()).limit(limit + 1)))
    return rows[:limit], len(rows) > limit


def method_to_pay(order: Order, payment_method: object, channel: object) -> SavedPaymentMethod:
    """The saved method ``order`` may be paid with: the vouched customer's own, active, of the order's mode, on
    ``channel`` when one is named. An unverified customer gets a 403, any other method a 404 (never a hint that it
    exists)."""
    if not isinstance(payment_method, str) or not payment_method.startswith(f"{PREFIX}_"):
        raise InvalidRequest("payment_method must be the id of a saved payment method (spm_…)", param="payment_method")
    if not may_save(order.customer_source):
        raise PermissionDenied(_VOUCHED_ONLY, code="checkout_session_required", param="payment_method")
    method = db.session.scalar(
        select(SavedPaymentMethod).where(
            SavedPaymentMethod.id == payment_method,
            SavedPaymentMethod.merchant_id == order.merchant_id,
            SavedPaymentMethod.livemode == order.livemode,
            SavedPaymentMethod.customer_id == order.customer_id,
            SavedPaymentMethod.status == "active",
        )
    )
    if method is None:
        raise NotFound(f"no saved payment method {payment_method!r} of this order's customer", param="payment_method")
    if channel is not None and channel != method.channel:
        raise InvalidRequest(
            f"payment_method is saved on {method.channel}: leave channel out or name {method.channel}", param="channel"
        )
    return method


def check_saving(order: Order, channel: str) -> None:
    """Refuse a request to save the card that pays, unless the customer is vouched for and the channel keeps cards."""
    if not may_save(order.customer_source):
        raise PermissionDenied(_VOUCHED_ONLY, code="checkout_session_required", param="save_payment_method")
    if not saves_methods(channel):
        raise InvalidRequest(
            f"{channel} cannot save a payment method; pay without save_payment_method or pick a card channel",
            code="saved_methods_unsupported",
            param="save_payment_method",
        )


def request_saving(order: Order, attempt_id: str, channel: str) -> None:
    """Note that the attempt's card is to be kept once it pays (committed with the caller's transaction)."""
    db.session.add(
        SavedPaymentMethod(
            id=new_id(PREFIX),
            merchant_id=order.merchant_id,
            livemode=order.livemode,
            customer_id=order.customer_id,
            channel=channel,
            status="pending",
            attempt_id=attempt_id,
            created_at=utcnow(),
        )
    )


_SAVING = (
    select(PaymentAttempt.order_id)
    .join(SavedPaymentMethod, SavedPaymentMethod.attempt_id == PaymentAttempt.id)
    .where(PaymentAttempt.order_id.in_(bindparam("b_orders", expanding=True)), SavedPaymentMethod.status == "pending")
)


def _orders_saving_a_card(order_ids: list[str]) -> list[str]:
    """Of these orders, those with a card waiting to be kept: one read for a dispatcher's whole batch, so the paid
    orders that saved nothing (most) are handled in it."""
    return list(db.session.scalars(_SAVING, {"b_orders": order_ids}))


@subscribe("order.paid", batch=only_for_orders(_orders_saving_a_card))
def keep_saved_method(event: Event) -> None:
    """A paid order whose payment asked to save its card keeps it: the provider names the card (its reference, brand
    and last four digits). Safe to repeat: only a pending one becomes active. A provider that cannot be asked now
    raises, and the dispatcher tries again later."""
    pending = db.session.execute(
        select(SavedPaymentMethod, PaymentAttempt)
        .join(PaymentAttempt, PaymentAttempt.id == SavedPaymentMethod.attempt_id)
        .where(
            PaymentAttempt.order_id == event.data["object"]["id"],
            PaymentAttempt.status == "succeeded",
            SavedPaymentMethod.status == "pending",
        )
    ).all()
    for method, attempt in pending:
        adapter = adapter_for(method.channel, method.merchant_id)
        with integration_log.bound(merchant_id=method.merchant_id, attempt_id=attempt.id):
            saved = adapter.saved_method(attempt.provider_reference)
        if saved is None:
            log.warning(
                "the provider kept no card for a payment that asked to save it",
                extra={"fields": {"merchant_id": method.merchant_id, "attempt_id": attempt.id}},
            )
            continue
        db.session.execute(
            update(SavedPaymentMethod)
            .where(SavedPaymentMethod.id == method.id, SavedPaymentMethod.status == "pending")
            .values(status="active", provider_reference=saved.reference, brand=saved.brand, last4=saved.last4)
            .execution_options(synchronize_session=False)
        )


def get_method(
    merchant_id: str, method_id: str, *, livemode: bool, customer_id: str | None = None
) -> SavedPaymentMethod:
    """The merchant's saved method (active or removed) of that mode, of ``customer_id`` when given; else a 404."""
    query = select(SavedPaymentMethod).where(
        SavedPaymentMethod.id == method_id,
        SavedPaymentMethod.merchant_id == merchant_id,
        SavedPaymentMethod.livemode == livemode,
        SavedPaymentMethod.status != "pending",
    )
    if customer_id is not None:
        query = query.where(SavedPaymentMethod.customer_id == customer_id)
    method = db.session.scalar(query)
    if method is None:
        whose = f" of customer {customer_id!r}" if customer_id is not None else ""
        raise NotFound(f"no saved payment method {method_id!r}{whose}", param="payment_method")
    return method


def remove_method(method: SavedPaymentMethod) -> SavedPaymentMethod:
    """Remove a saved method: detached at the provider first (it is never charged again), then no longer offered.
    Removing a removed one answers it as it is. A provider that cannot be asked is a 502 and nothing changes."""
    if method.status == "removed":
        return method
    adapter = adapter_for(method.channel, method.merchant_id)
    try:
        with integration_log.bound(merchant_id=method.merchant_id, attempt_id=None):
            adapter.remove_saved_method(method.provider_reference)
    except ProviderUnavailable as exc:
        raise ChannelFailed(
            f"{method.channel} could not be asked to forget the card; nothing changed, try again",
            param="payment_method",
        ) from exc
    db.session.execute(
        update(SavedPaymentMethod)
        .where(SavedPaymentMethod.id == method.id, SavedPaymentMethod.status == "active")
        .values(status="removed", removed_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return db.session.get(SavedPaymentMethod, method.id, populate_existing=True)


def saved_method_json(method: SavedPaymentMethod) -> dict:
    """A saved method as the API shows it (never the provider's reference: it is the merchant's account's)."""
    return {
        "id": method.id,
        "object": "payment_method",
        "channel": method.channel,
        "customer": method.customer_id,
        "livemode": method.livemode,
        "status": method.status,
        "card": {"brand": method.brand, "last4": method.last4},
        "created_at": iso_time(method.created_at),
    }
