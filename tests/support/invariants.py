"""What must hold after any fault once Kassa has recovered, checked against Kassa's database and the
provider's own records (its HTTP API), never against Kassa's view of the provider:

- no order is ``paying`` without a live attempt, and none is still ``refunding``;
- an order that can be paid again has no payment still open at the provider (it could be paid twice);
- every capture at the provider is the capture of a paid order or is refunded: per order, what the
  provider kept equals the order's total less Kassa's refunded amount when paid, and nothing otherwise
  (so nothing is charged twice, and Kassa's refunded amount is what the provider gave back);
- every refund the provider made is one Kassa records as succeeded, and no more (refunded never
  exceeds captured at either side);
- the ledger sums to zero per currency, and each capture and refund the provider made is in the journal
  exactly once, for its amount.
"""

from __future__ import annotations

from sqlalchemy import func, select

PAID = ("paid", "fulfilled", "completed", "refunding", "refunded")
PROVIDER_CHANNELS = ("sandbox_card", "sandbox_qr")


def money_problems(app, provider) -> list[str]:
    """Every broken invariant, each in a sentence naming the order; empty when all hold."""
    from app.extensions import db
    from app.ledger.models import Posting
    from app.orders.models import Order
    from app.payments.models import PaymentAttempt, Refund

    problems: list[str] = []
    with app.app_context():
        orders = list(db.session.scalars(select(Order).order_by(Order.created_at)))
        attempts = list(db.session.scalars(select(PaymentAttempt).order_by(PaymentAttempt.created_at)))
        refunds = list(db.session.scalars(select(Refund)))
        ledger = dict(
            db.session.execute(select(Posting.currency, func.sum(Posting.amount)).group_by(Posting.currency)).all()
        )
        wallet_kept = _wallet_kept(db, refunds)
        journal = {kind: _journal_amounts(db, kind) for kind in ("payment.capture", "payment.refund")}
        db.session.remove()

    for order in orders:
        own = [a for a in attempts if a.order_id == order.id]
        if order.status == "paying" and not any(a.status in ("pending", "unknown") for a in own):
            problems.append(f"{order.id} is paying with no live attempt ({[a.status for a in own]})")
        if order.status == "refunding":
            problems.append(f"{order.id} is still refunding after recovery: a refund outcome was never settled")
        if order.refunded_amount > order.total:
            problems.append(f"{order.id} refunded {order.refunded_amount} of a total of {order.total}")
        kept = sum(wallet_kept.get(a.id, 0) for a in own)
        for attempt in (a for a in own if a.channel in PROVIDER_CHANNELS):
            payment = provider.payment_for(attempt.id)
            if payment is None:
                continue
            if payment["status"] == "pending" and order.status == "created":
                problems.append(
                    f"{order.id} can be paid again while its payment {payment['id']} is still open at "
                    f"the provider (attempt {attempt.id} is {attempt.status})"
                )
            if payment["status"] != "succeeded":
                continue
            if journal["payment.capture"].get(attempt.id) != payment["amount"]:
                problems.append(
                    f"{order.id}: capture {payment['id']} of {payment['amount']} is in the journal as "
                    f"{journal['payment.capture'].get(attempt.id)}"
                )
            for made in (r for r in provider.refunds_of(payment["id"]) if r["status"] == "succeeded"):
                ours = next(
                    (r for r in refunds if r.payment_id == attempt.id and r.provider_refund_id == made["id"]), None
                )
                if ours is not None and journal["payment.refund"].get(ours.id) != made["amount"]:
                    problems.append(
                        f"{order.id}: refund {ours.id} of {made['amount']} is in the journal as "
                        f"{journal['payment.refund'].get(ours.id)}"
                    )
            given_back = sum(r["amount"] for r in provider.refunds_of(payment["id"]) if r["status"] == "succeeded")
            recorded = sum(r.amount for r in refunds if r.payment_id == attempt.id and r.status == "succeeded")
            if given_back != recorded:
                problems.append(
                    f"{order.id}: the provider refunded {given_back} of capture {payment['id']}, Kassa "
                    f"records {recorded} as refunded"
                )
            if given_back > payment["amount"]:
                problems.append(f"{order.id}: {given_back} refunded of a capture of {payment['amount']}")
            kept += payment["amount"] - given_back
        expected = order.total - order.refunded_amount if order.status in PAID else 0
        if kept != expected:
            problems.append(
                f"{order.id} is {order.status}: the provider kept {kept} for it, expected {expected} "
                f"(captures {[(a.id, a.status) for a in own]})"
            )
    for currency, total in ledger.items():
        if total != 0:
            problems.append(f"the ledger does not balance in {currency}: postings sum to {total}")
    return problems


def _journal_amounts(db, kind: str) -> dict[str, int]:
    """{reference: amount moved} of every journal entry of ``kind`` (the sum of its positive legs)."""
    from app.ledger.models import JournalEntry, Posting

    return dict(
        db.session.execute(
            select(JournalEntry.reference, func.sum(Posting.amount))
            .join(Posting, Posting.entry_id == JournalEntry.id)
            .where(JournalEntry.kind == kind, Posting.amount > 0)
            .group_by(JournalEntry.reference)
        ).all()
    )


def _wallet_kept(db, refunds) -> dict[str, int]:
    """For wallet payments Kassa's ledger is the provider: per attempt, what its confirm entry moved to the
    merchant less what its refunds' entries gave back."""
    from app.ledger.models import JournalEntry, Posting

    def moved(kind: str) -> dict[str, int]:
        rows = db.session.execute(
            select(JournalEntry.reference, func.sum(Posting.amount))
            .join(Posting, Posting.entry_id == JournalEntry.id)
            .where(JournalEntry.kind == kind, Posting.amount > 0)
            .group_by(JournalEntry.reference)
        )
        return dict(rows.all())

    refunded = moved("wallet.refund")
    kept = moved("wallet.confirm")
    for refund in refunds:
        if refund.payment_id in kept:
            kept[refund.payment_id] -= refunded.get(refund.id, 0)
    return kept


def assert_money_consistent(app, provider) -> None:
    """Fail with every broken invariant at once."""
    problems = money_problems(app, provider)
    assert not problems, "money is inconsistent after recovery:\n- " + "\n- ".join(problems)
