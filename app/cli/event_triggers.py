"""``kassa events trigger TYPE``: make a merchant's test mode produce an event, for a developer's webhook receiver.

Where a cheap real flow exists it is run through the services, exactly as the API would run it: a test order for a
fixture product, paid on the sandbox card channel and approved through the sandbox provider's control API (the
step a shopper's click on **Approve** would take). Any other known type gets a sample event through the normal
outbox, marked ``"sample": true`` in its object, since its real cause (a settlement, a dunning run…) is not cheap
to stage. Everything is test mode (``livemode: false``), so it reaches the merchant's test webhook endpoints only.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import requests
from flask import current_app
from sqlalchemy import select

from app.catalog.models import Product
from app.catalog.products import create_product
from app.errors import ChannelFailed, InvalidRequest
from app.extensions import db
from app.orders.customers import SECRET_KEY
from app.orders.models import Order
from app.orders.services import cancel_order, create_order
from app.payments.attempts.hub import start_payment
from app.payments.attempts.polling import refresh_attempt
from app.payments.refunds.services import create_refund
from app.platform.outbox.events import record_event
from app.platform.values.ids import new_id
from app.platform.values.money import Money
from app.webhooks.event_types import EVENT_TYPES

FIXTURE_PRODUCT = "Test fixture (kassa events trigger)"
FIXTURE_CUSTOMER = "cus_kassa_cli_trigger"
TRIGGER_CHANNEL = "sandbox_card"
ACTOR = "cli:events trigger"


@dataclass
class TriggerReport:
    """What a trigger did, step by step, in words for the developer."""

    steps: list[str] = field(default_factory=list)

    def say(self, step: str) -> None:
        self.steps.append(step)


def _fixture_sku(merchant_id: str, report: TriggerReport) -> str:
    """The merchant's fixture SKU (a 1.00 USD virtual item), made on first use."""
    product = db.session.scalar(
        select(Product).where(
            Product.merchant_id == merchant_id, Product.name == FIXTURE_PRODUCT, Product.status == "active"
        )
    )
    if product is None:
        product = create_product(
            merchant_id,
            {
                "name": FIXTURE_PRODUCT,
                "description": "Made by `flask kassa events trigger` to produce test events.",
                "skus": [{"name": "Test item", "price": {"amount": 100, "currency": "usd"}}],
            },
        )
        report.say(f"created fixture product {product.id} ({FIXTURE_PRODUCT!r})")
    return product.skus[0].id


def _created_order(merchant_id: str, report: TriggerReport) -> Order:
    order = create_order(
        merchant_id,
        items=[{"sku": _fixture_sku(merchant_id, report), "quantity": 1}],
        customer={"id": FIXTURE_CUSTOMER},
        agreement_accepted=True,
        livemode=False,
        customer_source=SECRET_KEY,
        actor=ACTOR,
        metadata={"created_by": "kassa events trigger"},
    )
    report.say(f"created test order {order.id} for {Money(order.total, order.currency).format()}")
    return order


def _approve_at_sandbox(provider_reference: str) -> None:
    """Approve the payment as the shopper would, through the sandbox provider's control API."""
    url = f"{current_app.config['SANDBOX_URL'].rstrip('/')}/sandbox/api/payments/{provider_reference}/simulate"
    try:
        response = requests.post(
            url,
            json={"outcome": "succeeded", "callback": "normal"},
            timeout=current_app.config["CHANNEL_HTTP_TIMEOUT_SECONDS"],
        )
    except requests.RequestException as exc:
        raise ChannelFailed(
            f"the sandbox provider at {url} did not answer ({exc.__class__.__name__}); "
            "is it running (`make run` starts it)?"
        ) from exc
    if response.status_code != 200:
        raise ChannelFailed(f"the sandbox provider refused the approval: {response.status_code} {response.text[:200]}")


def _paid_order(merchant_id: str, report: TriggerReport) -> Order:
    order = _created_order(merchant_id, report)
    attempt = start_payment(order, TRIGGER_CHANNEL, return_url=current_app.config["PUBLIC_URL"], actor=ACTOR)
    report.say(f"started payment {attempt.id} on {TRIGGER_CHANNEL} (sandbox reference {attempt.provider_reference})")
    _approve_at_sandbox(attempt.provider_reference)
    report.say("approved it through the sandbox provider's control API")
    # Ask the provider now rather than wait for its callback: the outcome is the same either way (idempotent),
    # and the trigger then works when no web process is up to receive callbacks.
    refresh_attempt(attempt.id, actor=ACTOR)
    order = db.session.get(Order, order.id, populate_existing=True)
    if order.status == "paying":
        raise ChannelFailed(f"order {order.id} is still paying: the sandbox has not settled the payment yet")
    report.say(f"order {order.id} is {order.status}")
    return order


def _closed_order(merchant_id: str, report: TriggerReport) -> None:
    order = _created_order(merchant_id, report)
    cancel_order(merchant_id, order.id, actor=ACTOR, reason="canceled by kassa events trigger")
    report.say(f"canceled it: order {order.id} is closed")


def _refunded_order(merchant_id: str, report: TriggerReport) -> None:
    order = _paid_order(merchant_id, report)
    refund = create_refund(merchant_id, order.id, reason="kassa events trigger", actor=ACTOR)
    report.say(f"refunded it in full: refund {refund.id} is {refund.status}")


FLOWS: dict[str, Callable[[str, TriggerReport], object]] = {
    "order.created": _created_order,
    "order.closed": _closed_order,
    "order.paid": _paid_order,
    "payment.succeeded": _paid_order,
    "refund.succeeded": _refunded_order,
}


def _sample_event(merchant_id: str, type_: str, report: TriggerReport) -> None:
    kind = type_.split(".", 1)[0]
    event = record_event(
        merchant_id,
        type_,
        {
            "id": new_id("sample"),
            "object": kind,
            "livemode": False,
            "sample": True,
            "description": f"A sample {type_} event from `flask kassa events trigger`; no real {kind} is behind it.",
        },
        livemode=False,
    )
    db.session.commit()
    report.say(
        f"{type_} has no cheap real flow: wrote sample event {event.id} (data.object.sample is true) through the outbox"
    )


def trigger_event(merchant_id: str, type_: str) -> TriggerReport:
    """Produce ``type_`` in the merchant's test mode: a real fixture flow where there is one, else a sample event."""
    if type_ not in EVENT_TYPES:
        raise InvalidRequest(
            f"unknown event type {type_!r}; real flows exist for {', '.join(sorted(FLOWS))}, "
            "and any type Kassa emits gets a sample event",
            param="event",
        )
    report = TriggerReport()
    flow = FLOWS.get(type_)
    if flow is None:
        _sample_event(merchant_id, type_, report)
    else:
        flow(merchant_id, report)
    return report
