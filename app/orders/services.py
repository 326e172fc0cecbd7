"""Order services: create, transition (conditional UPDATE + timeline + outbox), cancel, expire."""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Update, bindparam, func, select, text, update
from sqlalchemy.orm import joinedload, selectinload
from sqlalchemy.orm.attributes import set_committed_value

from app.catalog.coupons import redeem_coupon, release_coupon
from app.catalog.services import price_items, refuse_subscriptions, release_inventory, reserve_inventory
from app.errors import Conflict, InvalidRequest, NotFound, Unprocessable
from app.extensions import commit_keeping_state, db
from app.merchants.business_lines import order_timeout_of
from app.merchants.config_cache import cached
from app.merchants.keys import same_secret
from app.merchants.models import Merchant
from app.orders.business_line import line_of_basket, line_to_filter
from app.orders.close_reasons import CloseReason
from app.orders.customers import SOURCES, parse_customer
from app.orders.models import Order, OrderItem, OrderTimelineEntry
from app.orders.representation import order_object
from app.orders.screening import prospect_for
from app.orders.state import can_transition
from app.orders.sub_orders import PricedLine, split_lines
from app.orders.timeline_kinds import EntryCode
from app.platform.db.core_writes import insert_at_once, insert_at_once_if
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import new_event
from app.platform.switches import refuse_new_orders
from app.platform.values.ids import new_id
from app.platform.values.pagination import newest_first
from app.risk.assessment import assess, refuse_if_blocked

log = logs.get("orders")


class StaleOrder(Conflict):
    """Another process changed the order first; re-read and decide again."""

    code = "order_changed_concurrently"


# The conditional UPDATE of every status change, built once: a move binds only its values.
_ORDERS = Order.__table__.c
_MOVE = (
    update(Order.__table__)
    .where(
        _ORDERS.id == bindparam("b_id"),
        _ORDERS.status == bindparam("b_status"),
        _ORDERS.version == bindparam("b_version"),
    )
    .values(status=bindparam("b_target"), version=_ORDERS.version + 1, updated_at=bindparam("b_at"))
)


def _move_setting(columns: frozenset[str]) -> Update:
    """``_MOVE`` that also sets ``columns`` (bound as ``b_set_<name>``), built once per set of columns."""
    found = _MOVES.get(columns)
    if found is None:
        found = _MOVES[columns] = _MOVE.values(
            {name: bindparam(f"b_set_{name}", type_=_ORDERS[name].type) for name in sorted(columns)}
        )
    return found


_MOVES: dict[frozenset[str], Update] = {frozenset(): _MOVE}


def note_on_timeline(order: Order, reason: str, *, actor: str, kind: EntryCode) -> None:
    """A timeline row saying what happened to the order without changing its status, in the caller's transaction
    (a dispute's news, money returned that the order never kept, a manual action, compensation stopping). ``kind``
    chooses what the shopper reads of it (app/orders/timeline_kinds.py): ``reason`` is for the merchant."""
    db.session.add(
        OrderTimelineEntry(
            order_id=order.id,
            merchant_id=order.merchant_id,
            from_status=order.status,
            status=order.status,
            reason=reason[:500],
            reason_code=kind,
            actor=actor,
            at=utcnow(),
        )
    )


def transition(
    order: Order,
    target: str,
    *,
    reason: str,
    actor: str,
    announce: bool = True,
    along: Sequence[object] = (),
    and_set: Mapping[str, object] | None = None,
    reason_code: CloseReason | EntryCode | None = None,
    quoted: str | None = None,
    first: tuple[Update, dict] | None = None,
) -> Order:
    """Move ``order`` to ``target`` with one conditional UPDATE, a timeline row and an outbox
    event, all in the caller's transaction. Raises Conflict when the move is not allowed and
    StaleOrder when someone else changed the order since it was read. ``along`` are new rows that come with the
    move (a payment's attempt), written with the timeline row in one statement; ``and_set`` are other columns of
    the order the same UPDATE sets (a fulfilled order's auto-confirm time); ``reason_code`` is the why of a close,
    or the kind of a move that does not tell it (a refund's outcome), as a value: what the shopper reads is chosen
    by it (``reason`` is the merchant's note); ``quoted`` is text someone typed (a refund's reason), added to
    the timeline's reason but only counted in the log. ``first`` is a conditional UPDATE of another row the move
    depends on, with its parameters (a payment's settling): the order moves only if it changed its row, in the same
    statement on PostgreSQL; else StaleOrder, and the caller rolls back."""
    if not can_transition(order.status, target, total=order.total):
        raise Conflict(f"order {order.id} is {order.status} and cannot become {target}", code="order_state_invalid")
    db.session.flush()  # the order's own pending changes are written as they stand, before it is set as moved
    now = utcnow()
    extra = and_set or {}
    previous, version, updated_at = order.status, order.version, order.updated_at
    undo = {name: getattr(order, name) for name in extra}
    # The object true to the row as the UPDATE below writes it, without marking it changed (the ORM would write it
    # again): the event's copy of the order is made from it.
    for name, value in (("status", target), ("version", version + 1), ("updated_at", now), *extra.items()):
        set_committed_value(order, name, value)
    rows: list = [
        *along,
        OrderTimelineEntry(
            order_id=order.id,
            merchant_id=order.merchant_id,
            from_status=previous,
            status=target,
            reason=f"{reason}: {quoted}" if quoted else reason,
            reason_code=reason_code,
            actor=actor,
            at=now,
        ),
    ]
    # A return to an earlier status (a refund settling) is announced by its own event, never as a
    # second order.paid that a merchant's webhook would act on twice.
    if announce:
        rows.append(new_event(order.merchant_id, f"order.{target}", order_object(order)))
    # The conditional UPDATE, then the timeline row and the event in the caller's transaction, without the unit of
    # work (whatever the session had pending, the order's row included, is flushed first); one statement on
    # PostgreSQL, and nothing is written unless the UPDATE changed the row.
    moved = insert_at_once_if(
        _move_setting(frozenset(extra)),
        {
            "b_id": order.id,
            "b_status": previous,
            "b_version": version,
            "b_target": target,
            "b_at": now,
            **{f"b_set_{name}": value for name, value in extra.items()},
        },
        rows,
        first=first,
    )
    if not moved:
        for name, value in (("status", previous), ("version", version), ("updated_at", updated_at), *undo.items()):
            set_committed_value(order, name, value)
        raise StaleOrder(f"order {order.id} changed while being updated; retry")
    # Typed text is personal data (a shopper's name, address, complaint): stdout logs are kept and shipped far more
    # widely than the timeline, so they get its length only.
    logged = f"{reason}: [{len(quoted)} characters typed]" if quoted else reason
    log.info(
        "order %s: %s -> %s (%s)",
        order.id,
        previous,
        target,
        logged,
        extra={"fields": {"merchant_id": order.merchant_id, "order_id": order.id, "actor": actor}},
    )
    return order


# Stripe's limits: metadata is the merchant's notes on an object, not a place to store documents.
MAX_METADATA_KEYS = 50
MAX_METADATA_KEY_LENGTH = 40
MAX_METADATA_VALUE_LENGTH = 500


def check_metadata(metadata: object) -> dict:
    """The metadata object an order or checkout session keeps, or a 400 naming the key to fix:
    at most 50 keys of at most 40 characters, each value a string, number, boolean or null of at most
    500 characters."""
    if metadata is None:
        return {}
    if not isinstance(metadata, dict) or len(metadata) > MAX_METADATA_KEYS:
        raise InvalidRequest(f"metadata must be an object with at most {MAX_METADATA_KEYS} keys", param="metadata")
    for key, value in metadata.items():
        if not key or len(key) > MAX_METADATA_KEY_LENGTH:
            raise InvalidRequest(
                f"metadata keys must be 1 to {MAX_METADATA_KEY_LENGTH} characters",
                param=f"metadata[{key[:MAX_METADATA_KEY_LENGTH]}]",
            )
        if value is not None and not isinstance(value, (str, int, float, bool)):
            raise InvalidRequest(
                "metadata values must be strings, numbers, booleans or null (no nested objects)",
                param=f"metadata[{key}]",
            )
        if value is not None and len(str(value)) > MAX_METADATA_VALUE_LENGTH:
            raise InvalidRequest(
                f"metadata values may be at most {MAX_METADATA_VALUE_LENGTH} characters", param=f"metadata[{key}]"
            )
    return metadata


def _check_purchase_limits(customer_id: str, quote, livemode: bool) -> None:
    """Refuse a line that would take the customer past the SKU's per-customer limit, counting
    units in their orders of the same mode that are open or paid (closed ones gave their units back; test orders
    never use up a live limit) and the earlier lines of this order for the same SKU (repeating a SKU in several
    lines must not get past the limit)."""
    in_this_order: dict[str, int] = {}
    for i, line in enumerate(quote.lines):
        limit = line.sku.purchase_limit
        if limit is None:
            continue
        earlier = in_this_order.get(line.sku.id, 0)
        in_this_order[line.sku.id] = earlier + line.quantity
        if db.engine.dialect.name == "postgresql":
            # Two orders from one customer at once must not both fit under the limit: serialise them
            # on (SKU, customer) until this transaction ends. (SQLite already serialises writers.)
            db.session.execute(
                text("SELECT pg_advisory_xact_lock(hashtextextended(:key, 0))"),
                {"key": f"purchase_limit:{line.sku.id}:{customer_id}:{livemode}"},
            )
        held = db.session.scalar(
            select(func.coalesce(func.sum(OrderItem.quantity), 0))
            .join(Order, Order.id == OrderItem.order_id)
            .where(
                Order.merchant_id == line.sku.merchant_id,
                Order.customer_id == customer_id,
                Order.livemode.is_(livemode),
                OrderItem.sku_id == line.sku.id,
                Order.status.not_in(("closed", "refunded")),
            )
        )
        held += earlier
        if held + line.quantity > limit:
            left = max(limit - held, 0)
            raise Unprocessable(
                f"{line.sku.name!r} is limited to {limit} per customer; you can buy {left} more",
                code="purchase_limit_exceeded",
                param=f"items[{i}].quantity",
            )


def create_order(
    merchant_id: str,
    *,
    items: object,
    customer: object,
    agreement_accepted: object,
    livemode: bool,
    customer_source: str,
    metadata: object = None,
    coupon: object = None,
    actor: str = "api",
    checkout_session_id: str | None = None,
    commit: bool = True,
    renewal_of: str | None = None,
    expires_at: datetime | None = None,
    currency: object = None,
    language: str | None = None,
    signs_contract: bool = False,
    free_trial: bool = False,
    business_line: object = None,
    contract_line: str | None = None,
) -> Order:
    """Price the basket (in ``currency`` when given, else at the SKUs' default prices), redeem its coupon,
    reserve inventory and open an order that expires, in one transaction. ``customer_source`` says how the caller
    knows the customer (app/orders/customers.py). With ``commit=False`` the caller commits (a subscription opens
    its contract in the same transaction).
    A renewal (``renewal_of`` names the contract) is not a new purchase: per-customer purchase limits do
    not apply, and it stays open until ``expires_at`` (the end of its dunning). ``language`` is the one the
    shopper's checkout page spoke (their receipt speaks it). A subscription SKU is sold only as a contract's order
    (``signs_contract``: its first, or ``renewal_of``); ``free_trial``: that first order starts the SKU's free trial
    (the customer's to have, app/signing/trials.py), so it costs nothing. A renewal's order is in its contract's
    line (``contract_line``, None: the merchant's default) whatever line its product is in now, as a batched
    renewal writes it (app/signing/renewals/rows.py)."""
    refuse_new_orders(merchant_id)
    if agreement_accepted is not True:
        raise Unprocessable(
            "the customer must accept the agreement: set agreement_accepted to true",
            code="agreement_required",
            param="agreement_accepted",
        )
    if customer_source not in SOURCES:
        raise ValueError(f"unknown customer source {customer_source!r}")  # a bug, not bad input
    customer_id, email = parse_customer(customer)
    metadata = check_metadata(metadata)
    # A contract's first order that starts a free trial costs nothing: it only signs the mandate.
    quote = price_items(
        merchant_id,
        items,
        coupon,
        livemode=livemode,
        customer_id=customer_id,
        currency=currency,
        free_trial=signs_contract and free_trial,
        automatic=renewal_of is None,
    )
    line_id = contract_line if renewal_of is not None else line_of_basket(merchant_id, quote, business_line)
    if renewal_of is None and not signs_contract:
        refuse_subscriptions(quote)
    if renewal_of is None:
        _check_purchase_limits(customer_id, quote, livemode)
    prospect = prospect_for(
        merchant_id,
        customer_id=customer_id,
        email=email,
        amount=quote.total.amount,
        currency=quote.currency,
        livemode=livemode,
        business_line=line_id,
    )
    assessment = assess(prospect)
    refuse_if_blocked(assessment, prospect)
    settings = order_settings(merchant_id)
    order_id = new_id("ord")
    now = utcnow()
    # Every column is given here, so the order answered after the commit is the row as written, read again
    # by nobody (create_order's callers render it at once).
    order = Order(
        id=order_id,
        merchant_id=merchant_id,
        status="created",
        kind="purchase",
        version=1,
        livemode=livemode,
        customer_id=customer_id,
        customer_email=email,
        customer_source=customer_source,
        checkout_session_id=checkout_session_id,
        business_line_id=line_id,
        language=language,
        currency=quote.currency,
        subtotal=quote.subtotal.amount,
        discount=quote.discount.amount,
        total=quote.total.amount,
        refunded_amount=0,
        auto_confirm_at=None,
        client_secret=f"{order_id}_secret_{secrets.token_urlsafe(18)}",
        metadata_=metadata,
        risk=assessment.to_json(),
        request_id=logs.current("request_id"),
        expires_at=expires_at
        or now + timedelta(minutes=order_timeout_of(merchant_id, line_id, settings.timeout_minutes)),
        created_at=now,
        updated_at=now,
        items=[],
        timeline=[],
        sub_orders=[],
    )
    for line in quote.lines:
        reserve_inventory(line.sku.id, line.quantity, livemode=livemode, limited=line.sku.stock is not None)
        order.items.append(
            OrderItem(
                order_id=order_id,
                merchant_id=merchant_id,
                sku_id=line.sku.id,
                product_id=line.sku.product_id,
                name=f"{line.sku.product.name} — {line.sku.name}",
                quantity=line.quantity,
                unit_amount=line.unit.amount,
                amount=line.amount.amount,
            )
        )
    order.sub_orders.extend(
        split_lines(
            order_id,
            merchant_id,
            quote.currency,
            quote.total.amount,
            [
                PricedLine(
                    line.sku.id,
                    line.sku.product_id,
                    line.amount.amount,
                    line.sku.clearing,
                    line.sku.product.clearing,
                    line.sku.product.settlement_delay_days,
                    line.sku.product.category,
                )
                for line in quote.lines
            ],
            order.items,
            merchant_rule=settings.clearing,
            strategy=settings.split_strategy,
        )
    )
    order.timeline.append(
        OrderTimelineEntry(
            order_id=order_id,
            merchant_id=merchant_id,
            from_status=None,
            status="created",
            reason="order created",
            actor=actor,
            at=now,
        )
    )
    events = [new_event(merchant_id, "order.created", order_object(order))]
    if assessment.decision == "review":
        events.append(
            new_event(
                merchant_id,
                "risk.review_opened",
                {"id": order_id, "object": "order", **assessment.to_json()},
                livemode=livemode,
            )
        )
    if commit:
        # Written at once, without the unit of work: the order is answered as built and not changed here again.
        insert_at_once([order, *order.sub_orders, *order.items, *order.timeline, *events])
    else:
        # The caller goes on with the order in its transaction (a renewal may still change its amount).
        db.session.add(order)
        db.session.add_all(events)
    for discount in quote.discounts:
        redeem_coupon(discount, merchant_id=merchant_id, order_id=order_id, customer_id=customer_id, livemode=livemode)
    if not commit:
        db.session.flush()
        return order
    commit_keeping_state()
    log.info(
        "order created",
        extra={
            "fields": {
                "merchant_id": merchant_id,
                "order_id": order_id,
                "total": order.total,
                "currency": order.currency,
            }
        },
    )
    return order


@dataclass(frozen=True)
class OrderSettings:
    """What opening and fulfilling an order read of the merchant: its timeout, how its orders clear, and how long a
    fulfilled order waits to be confirmed."""

    timeout_minutes: int
    clearing: dict | None
    split_strategy: str
    auto_confirm_minutes: int


def order_settings(merchant_id: str) -> OrderSettings:
    def load(session, merchant: str) -> OrderSettings:
        row = session.get(Merchant, merchant)
        return OrderSettings(row.order_timeout_minutes, row.clearing, row.split_strategy, row.auto_confirm_minutes)

    return cached(merchant_id, "orders.settings", load)


# Read on every API call that names an order: built once, a request binds only the ids (and the mode). Shown whole
# (the API's Order), its timeline comes in the same statement: a row per line and timeline entry (a few of each),
# which costs less than a second statement.
_ORDER = (
    select(Order)
    .where(Order.id == bindparam("b_id"), Order.merchant_id == bindparam("b_merchant"))
    .options(joinedload(Order.items))
)
_ORDER_IN_MODE = _ORDER.where(Order.livemode == bindparam("b_livemode"))
_ORDERS_READ = {
    (False, False): _ORDER,
    (True, False): _ORDER_IN_MODE,
    (False, True): _ORDER.options(joinedload(Order.timeline)),
    (True, True): _ORDER_IN_MODE.options(joinedload(Order.timeline)),
}


def get_order(
    merchant_id: str,
    order_id: str,
    *,
    client_secret: object = None,
    require_secret: bool = False,
    livemode: bool | None = None,
    with_timeline: bool = False,
) -> Order:
    """The merchant's order with its lines (one statement: the API's Order and order events both show them), and
    its timeline too ``with_timeline`` (to show it whole); with ``require_secret`` the caller must also know its
    client secret, and with ``livemode`` it must belong to that mode (an order of the other mode does not exist for
    them)."""
    params = {"b_id": order_id, "b_merchant": merchant_id}
    if livemode is not None:
        params["b_livemode"] = livemode
    order = db.session.scalars(_ORDERS_READ[livemode is not None, with_timeline], params).unique().first()
    secret = client_secret if isinstance(client_secret, str) else ""
    if order is None or (require_secret and not same_secret(secret, order.client_secret)):
        raise NotFound(f"no order {order_id!r}", param="id")
    return order


def get_order_by_client_secret(order_id: str, client_secret: str) -> Order:
    """The order for a shopper who holds its client secret (hosted checkout pages)."""
    order = db.session.get(Order, order_id)
    if order is None or not same_secret(client_secret or "", order.client_secret):
        raise NotFound(f"no order {order_id!r}", param="id")
    return order


def list_orders(
    merchant_id: str,
    *,
    livemode: bool,
    status: str | None = None,
    customer: str | None = None,
    created_gte: datetime | None = None,
    created_lte: datetime | None = None,
    limit: int = 20,
    starting_after: str | None = None,
    business_line: str | None = None,
) -> tuple[list[Order], bool]:
    """One mode's orders, newest first, cursor-paginated by id (``business_line``: one line's, by id or code)."""
    query = select(Order).where(Order.merchant_id == merchant_id, Order.livemode == livemode)
    if business_line:
        query = query.where(Order.business_line_id == line_to_filter(merchant_id, business_line))
    if status:
        query = query.where(Order.status == status)
    if customer:
        query = query.where(Order.customer_id == customer)
    if created_gte:
        query = query.where(Order.created_at >= created_gte)
    if created_lte:
        query = query.where(Order.created_at <= created_lte)
    # A listed order is shown whole: its lines and timeline come in one statement each for the page.
    query = query.options(selectinload(Order.items), selectinload(Order.timeline))
    return newest_first(query, Order.id, limit=limit, starting_after=starting_after)


def close_order(order: Order, *, why: CloseReason, reason: str, actor: str) -> None:
    """Close an unpaid order and release its inventory and coupon use (caller commits). ``why`` decides what the
    shopper is told; ``reason`` is the note the merchant reads in the timeline."""
    transition(order, "closed", reason=reason, actor=actor, reason_code=why)
    for item in order.items:
        release_inventory(item.sku_id, item.quantity, livemode=order.livemode)
    release_coupon(order.id)


def cancel_order(merchant_id: str, order_id: str, *, actor: str = "api", reason: str = "canceled") -> Order:
    """Close an unpaid order at the merchant's or shopper's request."""
    order = get_order(merchant_id, order_id)
    if order.status == "paying":
        raise Conflict(
            "a payment is in progress for this order; wait for its outcome before cancelling",
            code="payment_in_progress",
        )
    close_order(order, why=CloseReason.CANCELED, reason=reason, actor=actor)
    db.session.commit()
    return order


def close_expired_orders(now: datetime | None = None, *, batch: int = 500) -> int:
    """Close ``created`` orders past their expiry and release their inventory; returns how many.

    Orders still ``paying`` are left to the payment poller: the provider may yet capture.
    """
    now = now or utcnow()
    ids = list(
        db.session.scalars(
            select(Order.id)
            .where(Order.status == "created", Order.expires_at <= now)
            .order_by(Order.expires_at)
            .limit(batch)
        )
    )
    closed = 0
    for order_id in ids:
        order = db.session.get(Order, order_id)
        try:
            close_order(order, why=CloseReason.EXPIRED, reason="expired", actor="system")
            db.session.commit()
            closed += 1
        except Conflict:
            db.session.rollback()  # paid or cancelled meanwhile: nothing to do
    return closed
