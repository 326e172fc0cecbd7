"""Fulfilment of virtual goods: when an order is paid, grant what it bought, then mark it fulfilled.

Runs as an outbox handler of ``order.paid``, so it happens once the payment is durable and is
retried with backoff when it fails. A SKU may name the merchant's fulfilment webhook; after
``FULFILMENT_MAX_ATTEMPTS`` failed deliveries Kassa gives up and records
``order.fulfilment_failed``, to which the payments domain answers with a compensation refund.

A webhook that answers **202 Accepted** takes the order to deliver later: the order stays ``paid`` until the
merchant's system reports the outcome (app/orders/fulfilment_reports.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import time
from datetime import datetime, timedelta

import requests
from flask import current_app
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import joinedload

from app.catalog.models import Sku
from app.extensions import built_per_dialect, conflict_insert, db
from app.merchants.business_lines import auto_confirm_of
from app.merchants.models import Merchant
from app.orders.entitlements import grant_entitlements, pays_a_subscription_period, take_back_refunded
from app.orders.fulfilment_models import OrderFulfilment
from app.orders.models import Order, OrderItem
from app.orders.representation import order_object
from app.orders.services import note_on_timeline, order_settings, transition
from app.orders.sub_orders import items_to_grant, sub_order_status, sub_orders_of
from app.orders.timeline_kinds import EntryCode
from app.platform.db.types import utcnow
from app.platform.http import outbound
from app.platform.observability import logs
from app.platform.outbox.events import Event, record_event, subscribe
from app.platform.queueing import PAYMENTS, enqueue
from app.risk.review import held_for_review

log = logs.get("fulfilment")


class FulfilmentFailed(Exception):
    """The merchant's fulfilment webhook did not accept the order."""


class FulfilmentDeferred(Exception):
    """The order is refunding right now; fulfil it once the refund has settled."""


def sign_body(secret: str, timestamp: int, body: bytes) -> str:
    """The ``Kassa-Signature`` header value: ``t=<unix>,v1=<hex hmac-sha256 of "t.body">``."""
    digest = hmac.new(secret.encode(), str(timestamp).encode() + b"." + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def fulfilment_secret(merchant_id: str, *, livemode: bool = True) -> str:
    """The merchant's secret for signing the fulfilment webhooks of ``livemode`` orders, created (and committed) on
    first use. Test orders are signed with their own secret: the SKU's webhook_url is one for both modes, and a
    server that checks the live secret must not take a test order (anyone can pay one with the sandbox's Approve
    button) for a paid live one."""
    merchant = db.session.get(Merchant, merchant_id)
    live = merchant.fulfilment_secret
    if not live:
        db.session.execute(
            update(Merchant)
            .where(Merchant.id == merchant_id, Merchant.fulfilment_secret.is_(None))
            .values(fulfilment_secret="whsec_" + secrets.token_urlsafe(24))
            .execution_options(synchronize_session=False)
        )
        db.session.commit()
        live = db.session.get(Merchant, merchant_id, populate_existing=True).fulfilment_secret
    if livemode:
        return live
    # Derived, so it needs no column of its own; one-way, so the test secret tells nothing of the live one.
    return "whsec_test_" + hmac.new(live.encode(), b"kassa test fulfilment", hashlib.sha256).hexdigest()[:32]


def order_payload(order: Order) -> dict:
    """The order as the fulfilment webhook receives it."""
    items = []
    for item in order.items:
        items.append(
            {
                "sku": item.sku_id,
                "product": item.product_id,
                "name": item.name,
                "quantity": item.quantity,
                "amount": item.amount,
                "fulfilment": item.sku.fulfilment,
            }
        )
    payload = {
        "id": order.id,
        "object": "order",
        "livemode": order.livemode,
        "status": order.status,
        "customer": {"id": order.customer_id, "email": order.customer_email},
        "amount": {"total": order.total, "currency": order.currency},
        "items": items,
        "metadata": order.metadata_ or {},
    }
    if any(item.sub_order_id for item in order.items):
        # A split order's parts are reported one by one (POST /orders/{id}/fulfilment with sub_order): a chase's
        # delivery says which are still awaited (the order's status, paid), delivered, or ended (canceled, failed).
        payload["sub_orders"] = [
            {
                "id": sub.id,
                "status": sub_order_status(order, sub),
                "items": [item.sku_id for item in order.items if item.sub_order_id == sub.id],
            }
            for sub in sub_orders_of(order.id)
        ]
    return payload


def _webhook_urls(skus: list[Sku]) -> list[str]:
    urls = []
    for sku in skus:
        url = (sku.fulfilment or {}).get("webhook_url")
        if isinstance(url, str) and url.startswith(("http://", "https://")) and url not in urls:
            urls.append(url)
    return urls


def _deliver(order: Order, urls: list[str]) -> bool:
    """Send the order to every webhook; true when one of them took it to deliver later (202 Accepted)."""
    later = False
    body = json.dumps(order_payload(order), separators=(",", ":")).encode()
    secret = fulfilment_secret(order.merchant_id, livemode=order.livemode)
    for url in urls:
        headers = {"Content-Type": "application/json", "Kassa-Signature": sign_body(secret, int(time.time()), body)}
        try:
            # Checked again now and sent to the checked address (app/platform/http/outbound.py: no SSRF through DNS
            # changes).
            response = outbound.post(
                url, data=body, headers=headers, timeout=current_app.config["FULFILMENT_HTTP_TIMEOUT_SECONDS"]
            )
        except outbound.DestinationRefused as exc:
            raise FulfilmentFailed(exc.message) from exc
        except requests.RequestException as exc:
            raise FulfilmentFailed(f"{url} unreachable ({exc.__class__.__name__})") from exc
        if not 200 <= response.status_code < 300:
            raise FulfilmentFailed(f"{url} answered {response.status_code}")
        later = later or response.status_code == 202
    return later


def progress_row(order: Order) -> OrderFulfilment:
    """The order's fulfilment progress row, made on first use (a concurrent fulfilment may make it first).
    Written first, read only when it was there already: an order is nearly always fulfilled at the first try."""
    return db.session.scalars(
        _start_progress(),
        {"order_id": order.id, "merchant_id": order.merchant_id, "attempts": 0, "updated_at": utcnow()},
    ).first() or db.session.get(OrderFulfilment, order.id)


def fulfilment_progress(order_id: str) -> OrderFulfilment | None:
    """The order's fulfilment progress as it is now, if it has any (read, never made)."""
    return db.session.get(OrderFulfilment, order_id, populate_existing=True)


def claim_report(order_id: str, status: str) -> None:
    """Record that the order's fulfilment ended ``status`` without a report of the whole order (its parts were
    reported one by one), in the caller's transaction, so the chase waits for nothing more; an earlier report
    stands."""
    db.session.execute(
        update(OrderFulfilment)
        .where(OrderFulfilment.order_id == order_id, OrderFulfilment.reported.is_(None))
        .values(reported=status, updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )


@built_per_dialect
def _start_progress():
    return conflict_insert(OrderFulfilment).on_conflict_do_nothing().returning(OrderFulfilment)


def _count_failure(order: Order, error: str) -> int:
    """Record one failed attempt in its own transaction; returns the attempts so far."""
    progress_row(order)
    db.session.execute(
        update(OrderFulfilment)
        .where(OrderFulfilment.order_id == order.id)
        .values(attempts=OrderFulfilment.attempts + 1, last_error=error[:500], updated_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
    return db.session.get(OrderFulfilment, order.id, populate_existing=True).attempts


def give_up(order: Order, error: str) -> None:
    """Stop trying to fulfil ``order`` (once): ``order.fulfilment_failed``, which a compensation refund answers."""
    gave_up = db.session.execute(
        update(OrderFulfilment)
        .where(OrderFulfilment.order_id == order.id, OrderFulfilment.gave_up_at.is_(None))
        .values(gave_up_at=utcnow())
        .execution_options(synchronize_session=False)
    ).rowcount
    if gave_up:
        record_event(order.merchant_id, "order.fulfilment_failed", {**order_object(order), "reason": error})
    db.session.commit()
    log.error(
        "fulfilment given up: %s", error, extra={"fields": {"merchant_id": order.merchant_id, "order_id": order.id}}
    )


def order_to_fulfil(order_id: str) -> tuple[Order | None, bool]:
    """The order with its lines and their SKUs (fulfilling goes through every one of them), read again, and whether
    it pays a subscription's period (whose membership signing grants)."""
    order, pays_a_period, _ = _read_for_fulfilment(order_id)
    return order, pays_a_period


def _read_for_fulfilment(order_id: str) -> tuple[Order | None, bool, OrderFulfilment | None]:
    """``order_to_fulfil``'s order and answer, and the order's fulfilment progress if it has any, in one read."""
    found = db.session.execute(_order_to_fulfil(), {"b_order": order_id}).unique().first()
    return (found[0], found[1], found[2]) if found is not None else (None, False, None)


@built_per_dialect
def _order_to_fulfil():
    """Built once, on first use: a fulfilment binds only the order's id. Not at import, before signing has said
    which orders pay a subscription's period."""
    return (
        select(Order, pays_a_subscription_period(Order.id), OrderFulfilment)
        .outerjoin(OrderFulfilment, OrderFulfilment.order_id == Order.id)
        .where(Order.id == bindparam("b_order"))
        .options(joinedload(Order.items).joinedload(OrderItem.sku))
        .execution_options(populate_existing=True)
    )


def fulfil_order(order_id: str, now: datetime | None = None, *, actor: str = "system", commit: bool = True) -> str:
    """Fulfil a paid order (grants, webhook) and move it to ``fulfilled``; safe to run again. ``actor`` is who
    runs it (the outbox handler, or a person re-running it by hand). ``commit=False`` leaves a fulfilment for the
    caller to commit (the outbox, with the handler's handling row), unless the order is confirmed at once.
    Returns what happened: ``fulfilled``, ``skipped``, ``held`` (waiting for risk review) or ``gave_up``."""
    order, pays_a_period, progress = _read_for_fulfilment(order_id)
    if order is not None and order.status == "refunding":
        raise FulfilmentDeferred(f"order {order_id} is refunding; fulfil it after the refund settles")
    # A top-up's goods are the wallet credit, which its own subscriber books (orders/topups.py).
    if order is None or order.status != "paid" or order.kind == "topup":
        return "skipped"
    if held_for_review(order):
        return "held"  # the merchant decides in review (app/orders/review.py); approval fulfils it
    # An order fulfilled at its first try with no webhook to call (most) needs no progress row: one is made when a
    # webhook is called, and only a row tells of a fulfilment given up or waiting for the merchant's report.
    if progress is not None and progress.gave_up_at is not None:
        return "gave_up"
    if progress is not None and progress.report_due_at is not None and progress.reported is None:
        return "awaiting_report"  # the merchant's system delivers and reports; the chase sends it again
    urls = _webhook_urls([item.sku for item in order.items])
    if urls and (progress is None or progress.webhook_delivered_at is None):
        progress = progress or progress_row(order)
        try:
            later = _deliver(order, urls)
        except FulfilmentFailed as exc:
            db.session.rollback()
            attempts = _count_failure(order, str(exc))
            log.warning(
                "fulfilment attempt %s failed: %s",
                attempts,
                exc,
                extra={"fields": {"merchant_id": order.merchant_id, "order_id": order.id}},
            )
            if attempts >= current_app.config["FULFILMENT_MAX_ATTEMPTS"]:
                give_up(order, str(exc))
                return "gave_up"
            raise
        progress.webhook_delivered_at = utcnow()
        if later:
            return _await_report(order, progress, actor=actor, commit=commit)
    return fulfil_loaded(order, pays_a_period, now or utcnow(), actor=actor, commit=commit, webhook=bool(urls))


def _await_report(order: Order, progress: OrderFulfilment, *, actor: str, commit: bool) -> str:
    window = timedelta(minutes=current_app.config["FULFILMENT_REPORT_MINUTES"])
    progress.report_due_at = utcnow() + window
    progress.updated_at = utcnow()
    note_on_timeline(
        order,
        f"fulfilment accepted by the merchant's system, to be reported by {progress.report_due_at:%Y-%m-%d %H:%M} UTC",
        actor=actor,
        kind=EntryCode.FULFILMENT_PENDING,
    )
    if commit:
        db.session.commit()
    return "awaiting_report"


def fulfil_loaded(
    order: Order,
    pays_a_period: bool,
    now: datetime,
    *,
    actor: str,
    commit: bool,
    webhook: bool,
    why: str = "fulfilled",
    at_once: bool = True,
) -> str:
    """Grant what the order bought (of a split order, its live parts' lines: a canceled or failed part was never
    delivered) and move it to ``fulfilled`` (the auto-confirm clock starts). With no auto-confirm delay the order is
    committed and confirmed at once, unless ``at_once`` is false (the caller's transaction goes on: the sweep
    confirms it within a minute)."""
    order_id = order.id
    grants = grant_entitlements(order, now, pays_a_period=pays_a_period, items=items_to_grant(order))
    # The order's business line may have its own window; else the merchant's.
    merchant_wait = order_settings(order.merchant_id).auto_confirm_minutes
    delay = timedelta(minutes=max(auto_confirm_of(order.merchant_id, order.business_line_id, merchant_wait), 0))
    transition(
        order,
        "fulfilled",
        reason=f"{why}: {granted(grants)}" + (" (webhook accepted)" if webhook else ""),
        actor=actor,
        and_set={"auto_confirm_at": now + delay},
    )
    if delay <= timedelta(0) and at_once:
        db.session.commit()  # the confirmation job must find the order fulfilled
        confirm_at_once(order_id)  # the id given, not order.id: the commit expired the order
    elif commit:
        db.session.commit()
    return "fulfilled"


def granted(grants: list) -> str:
    """What ``grants`` gave, for the timeline."""
    return (
        ", ".join(
            f"{g.membership_days} membership days" if g.kind == "membership" else f"{g.credits} credits" for g in grants
        )
        or "nothing to grant"
    )


def confirm_at_once(order_id: str) -> None:
    """A merchant with no auto-confirm delay: the worker confirms the order now. A later one is the sweep's
    (``confirm_due_orders``, every minute), not a job scheduled that far ahead: such a job waits in Redis for the
    whole delay, about 1.5 KB an order, so a week's delay held 1.5 GB per million orders."""
    try:
        enqueue("app.jobs.auto_confirm_order", order_id, lane=PAYMENTS)
    except Exception:  # Redis down: the periodic sweep confirms it
        log.exception("could not queue the auto-confirm", extra={"fields": {"order_id": order_id}})


@subscribe("order.paid")
def fulfil_paid_order(event: Event) -> None:
    """Outbox handler: fulfil the order that was just paid, committed with its handling row by the outbox."""
    fulfil_order(event.data["object"]["id"], commit=False)


@subscribe("order.refunded", applies=lambda order: order.get("kind", "purchase") == "purchase")
def take_back_refunded_grants(event: Event) -> None:
    """Outbox handler: an order refunded in full takes back what it granted (a refunded shopper does not keep the
    coins they bought), committed with its handling row by the outbox."""
    taken = take_back_refunded(event.data["object"]["id"])
    for grant in taken:
        log.info(
            "refunded grant taken back",
            extra={
                "fields": {
                    "merchant_id": grant.merchant_id,
                    "order_id": grant.order_id,
                    "customer_id": grant.customer_id,
                    "credits": grant.credits_taken_back,
                    "membership_days": grant.membership_days_taken_back,
                }
            },
        )
