"""The card behind a payment: providers tell its fingerprint only once it has paid, so the card is screened
then. A fingerprint on the merchant's block list has the capture refunded in full at once (the goods are never
delivered: the refund lands before fulfilment runs); on the review list it holds fulfilment like any review.
Screened once per attempt, however many callbacks and polls bring the same answer."""
from __future__ import annotations

from sqlalchemy import update

from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.extensions import db
from app.orders.models import Order
from app.payments.models import PaymentAttempt
from app.risk import lists

log = logs.get("risk.cards")


def screen_card(attempt_id: str, fingerprint: str) -> None:
    if db.session.execute(update(PaymentAttempt).where(PaymentAttempt.id == attempt_id,
                                                       PaymentAttempt.card_fingerprint.is_(None))
                          .values(card_fingerprint=fingerprint)).rowcount != 1:
        db.session.rollback()
        return  # screened already
    db.session.commit()
    attempt = db.session.get(PaymentAttempt, attempt_id)
    order = db.session.get(Order, attempt.order_id, populate_existing=True)
    listed = [e for e in lists.matches(order.merchant_id, {"card_fingerprint": fingerprint}, livemode=order.livemode)
              if e.action != "allow"]
    if not listed:
        return
    action = "block" if any(e.action == "block" for e in listed) else "review"
    reason = f"card_fingerprint {fingerprint} is on the {action} list"
    stored = order.risk or {"decision": "allow", "score": 0, "reasons": []}
    if stored.get("decision") != "block":
        order.risk = {**stored, "decision": action, "score": 100 if action == "block" else max(stored.get("score", 0), 60),
                      "reasons": [*stored.get("reasons", []), f"after payment: {reason}"]}
        record_event(order.merchant_id, "risk.blocked" if action == "block" else "risk.review_opened",
                     {"id": order.id, "object": "order", **order.risk})
        db.session.commit()
    log.info("card screened: %s", action, extra={"fields": {"order_id": order.id, "attempt_id": attempt_id}})
    if action == "block" and order.status in ("paid", "fulfilled", "completed") and order.refunded_amount < order.total:
        from app.payments.refunds.services import create_refund, refundable  # payments sit above risk

        create_refund(order.merchant_id, order.id, amount=refundable(order),
                      reason=f"refunded by risk control: {reason}"[:500], actor="system:risk")
