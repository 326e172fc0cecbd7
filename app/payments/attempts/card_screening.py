"""The card that paid, screened once its provider names it (risk's verdict: app/risk/cards.py), and acted on here: a
blocked card's capture is refunded in full at once, before fulfilment runs; a card under review holds fulfilment like
any review. Screened once per attempt, however many callbacks and polls bring the same answer."""

from __future__ import annotations

from sqlalchemy import update

from app.extensions import db
from app.orders.models import Order
from app.payments.models import PaymentAttempt
from app.payments.refunds.services import REFUNDABLE_STATUSES, create_refund, refundable
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.risk.cards import screen_card

log = logs.get("risk.cards")  # its lines report risk's verdict, so they keep risk's name


def screen_paying_card(attempt_id: str, fingerprint: str) -> None:
    """Record the card that paid ``attempt_id`` and act on risk's verdict on it; nothing when it was screened before."""
    if (
        db.session.execute(
            update(PaymentAttempt)
            .where(PaymentAttempt.id == attempt_id, PaymentAttempt.card_fingerprint.is_(None))
            .values(card_fingerprint=fingerprint)
        ).rowcount
        != 1
    ):
        db.session.rollback()
        return  # screened already
    db.session.commit()
    attempt = db.session.get(PaymentAttempt, attempt_id)
    order = db.session.get(Order, attempt.order_id, populate_existing=True)
    verdict = screen_card(order.merchant_id, fingerprint, livemode=order.livemode)
    if verdict is None:
        return
    decision = verdict.decision_after(order.risk)
    if decision is not None:
        order.risk = decision
        record_event(order.merchant_id, verdict.event_type, {"id": order.id, "object": "order", **order.risk})
        db.session.commit()
    log.info("card screened: %s", verdict.action, extra={"fields": {"order_id": order.id, "attempt_id": attempt_id}})
    if verdict.blocks and order.status in REFUNDABLE_STATUSES and order.refunded_amount < order.total:
        create_refund(
            order.merchant_id,
            order.id,
            amount=refundable(order),
            reason=f"refunded by risk control: {verdict.reason}"[:500],
            actor="system:risk",
        )
