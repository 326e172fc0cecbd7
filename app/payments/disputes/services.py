"""Disputes (chargebacks): the shopper's bank takes a card payment back (DESIGN.md §4, docs/api.md "Disputes").

The provider tells Kassa by signed callbacks to the channel's hook, verified and parsed by the channel's adapter like
a payment's (``parse_callback`` answers a DisputeNotice). Its news comes twice and out of order, so one row per
provider dispute (unique) is made by whichever notice comes first, and a status only ever moves forward
(needs_response → under_review → won | lost) by a conditional UPDATE; a notice that would move it back changes
nothing. The money is booked when the dispute is first seen (app/ledger/disputes.py) and the order's
``disputed_amount`` grows by it, so it cannot be refunded; won, both are undone. A refund of the order whose outcome
is unknown is settled first, by asking the provider, so the dispute is booked on known figures.
"""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from app.errors import ChannelFailed, Conflict, InvalidRequest, NotFound, ServiceUnavailable
from app.extensions import db
from app.ledger.disputes import post_dispute_return, post_dispute_withdrawal
from app.orders.models import Order
from app.orders.services import note_on_timeline
from app.orders.timeline_kinds import EntryCode
from app.payments.channels.fees import dispute_fee, fee_return_rule
from app.payments.channels.interface import DisputeNotice, ProviderOutcomeUnknown, ProviderRefused, ProviderUnavailable
from app.payments.channels.registry import adapter_for
from app.payments.models import ACTIVE_ATTEMPT_STATUSES, DISPUTE_STATUSES, Dispute, PaymentAttempt, Refund
from app.payments.order_lock import order_lock
from app.payments.refunds.services import refunded_by_lost_dispute
from app.payments.refunds.settling import UNKNOWN_OUTCOME, settle_refund_by_lookup
from app.platform.db.types import utcnow
from app.platform.observability import logs
from app.platform.outbox.events import record_event
from app.platform.values.ids import new_id
from app.platform.values.money import Money
from app.platform.values.times import iso_time

log = logs.get("disputes")

# How far along each status is: a notice moves a dispute only forward.
_RANK = {"needs_response": 0, "under_review": 1, "won": 2, "lost": 2}
CLOSED = ("won", "lost")
MAX_EVIDENCE_LENGTH = 10_000


def dispute_object(dispute: Dispute) -> dict:
    """The Dispute of docs/api.md, as the API answers it and dispute.* events carry it."""
    return {
        "id": dispute.id,
        "object": "dispute",
        "order": dispute.order_id,
        "payment": dispute.payment_id,
        "channel": dispute.channel,
        "amount": dispute.amount,
        "currency": dispute.currency,
        "reason": dispute.reason,
        "status": dispute.status,
        "evidence": dispute.evidence,
        "evidence_due_by": iso_time(dispute.evidence_due_by),
        "fee": dispute.dispute_fee,
        "livemode": dispute.livemode,
        "created_at": iso_time(dispute.created_at),
        "closed_at": iso_time(dispute.closed_at),
    }


def apply_dispute_notice(notice: DisputeNotice, *, merchant_id: str | None = None) -> Dispute | None:
    """Record a verified provider notice about a dispute, once, moving it only forward; None when the payment it
    names is not one of ours (acknowledged, so the provider stops sending it). A notice from a merchant's own
    provider account (``merchant_id``) applies only to that merchant's payments."""
    attempt = db.session.scalar(
        select(PaymentAttempt).where(
            PaymentAttempt.channel == notice.channel, PaymentAttempt.provider_reference == notice.provider_reference
        )
    )
    ours = attempt is not None and attempt.id == notice.attempt_id and merchant_id in (None, attempt.merchant_id)
    if ours and attempt.status in ACTIVE_ATTEMPT_STATUSES:
        # Captured at the provider before its success reached Kassa (a late webhook, the poller not run yet): the
        # provider sends the notice again once the capture is booked, instead of it being acknowledged and lost.
        raise ServiceUnavailable(f"payment {attempt.id} is not booked as captured yet; send the dispute again")
    if not ours or attempt.status != "succeeded":
        log.warning(
            "dispute for an unknown payment",
            extra={"fields": {"channel": notice.channel, "provider_reference": notice.provider_reference}},
        )
        return None
    if _find(notice) is None:
        _refund_in_flight_first(attempt)
    with order_lock(attempt.order_id):
        dispute = _find(notice)
        if dispute is None:
            try:
                dispute = _open(notice, attempt)
                db.session.commit()
            except IntegrityError:
                db.session.rollback()  # the same notice, delivered twice at once: the other one made it
                dispute = _find(notice)
        _advance(dispute, notice.status)
        db.session.commit()
    return db.session.get(Dispute, dispute.id, populate_existing=True)


def _refund_in_flight_first(attempt: PaymentAttempt) -> None:
    """A new dispute is booked on known figures: a refund of the order whose outcome is unknown is settled first, by
    asking the provider whether it made it. Made: the dispute is booked after it, counting it as given back (the
    provider took the dispute from what the refund left). Refused, or never received: the refund fails, its hold goes
    back, and the dispute is booked on the order as it stands (a retry of the refund then counts the dispute).
    ServiceUnavailable (503, the provider sends the notice again) while a refund is still being sent or the provider
    cannot be asked: nothing is booked on a guess."""
    refund = db.session.scalar(select(Refund).where(Refund.order_id == attempt.order_id, Refund.status == "pending"))
    if refund is None:
        return
    if not (refund.failure_reason or "").startswith(UNKNOWN_OUTCOME):
        db.session.rollback()
        raise ServiceUnavailable(
            f"refund {refund.id} of this order is being sent; the dispute is booked once its outcome is known"
        )
    try:
        settled = settle_refund_by_lookup(refund, why="the shopper's bank disputed the payment meanwhile")
    except ProviderUnavailable as exc:
        db.session.rollback()
        raise ServiceUnavailable(
            f"refund {refund.id} of this order has an unknown outcome and the provider could not "
            f"say it ({exc}); the dispute is booked once it is known"
        ) from None
    log.info(
        "refund in flight settled before a dispute",
        extra={"fields": {"refund_id": refund.id, "status": settled.status}},
    )


def _find(notice: DisputeNotice) -> Dispute | None:
    return db.session.scalar(
        select(Dispute).where(
            Dispute.channel == notice.channel, Dispute.provider_dispute_id == notice.provider_dispute_id
        )
    )


def _open(notice: DisputeNotice, attempt: PaymentAttempt) -> Dispute:
    """The dispute as first seen (needs_response, whatever the notice says: ``_advance`` moves it on), its money
    withdrawn from the order's books and its refundable amount, in the caller's transaction."""
    order = db.session.get(Order, attempt.order_id, populate_existing=True)
    if order.kind != "purchase":
        # A top-up's money is the customer's wallet, not the merchant's receivable: not booked here yet. Refused
        # loudly (the provider retries; the integration log and this error show it) rather than booked wrongly.
        log.error("dispute of a wallet top-up is not handled", extra={"fields": {"order_id": order.id}})
        raise Conflict(
            f"order {order.id} is a wallet top-up; its disputes are not handled yet", code="dispute_not_supported"
        )
    if notice.currency.lower() != order.currency.lower():
        raise InvalidRequest(f"the dispute is in {notice.currency}, the order in {order.currency}", param="currency")
    now = utcnow()
    given_back_before = order.refunded_amount + order.disputed_amount
    # The bank never takes more than the order kept; the version makes a refund opened on the old figures re-read.
    grown = db.session.execute(
        update(Order)
        .where(Order.id == order.id, Order.refunded_amount + Order.disputed_amount + notice.amount <= Order.total)
        .values(disputed_amount=Order.disputed_amount + notice.amount, version=Order.version + 1, updated_at=now)
        .execution_options(synchronize_session=False)
    ).rowcount
    if grown != 1:
        raise Conflict(f"the dispute of {notice.amount} exceeds what order {order.id} kept", code="amount_too_large")
    dispute = Dispute(
        id=new_id("dp"),
        merchant_id=order.merchant_id,
        livemode=order.livemode,
        order_id=order.id,
        payment_id=attempt.id,
        channel=attempt.channel,
        provider_dispute_id=notice.provider_dispute_id,
        amount=notice.amount,
        currency=order.currency,
        reason=notice.reason or "unknown",
        status="needs_response",
        evidence_due_by=notice.evidence_due_by,
        dispute_fee=dispute_fee(order.merchant_id, attempt.channel, order.currency),
        created_at=now,
        updated_at=now,
    )
    db.session.add(dispute)
    db.session.flush()  # the unique provider id refuses a second one here
    dispute.fee_back = post_dispute_withdrawal(
        merchant_id=order.merchant_id,
        dispute_id=dispute.id,
        order_id=order.id,
        livemode=order.livemode,
        currency=order.currency,
        amount=dispute.amount,
        channel=attempt.channel,
        captured=attempt.amount,
        capture_fee=attempt.fee_amount,
        fee_rule=fee_return_rule(attempt.channel),
        given_back_before=given_back_before,
        dispute_fee=dispute.dispute_fee,
        now=now,
    )
    _timeline(
        order,
        f"disputed {Money(dispute.amount, order.currency).format()} by the shopper's bank "
        f"({dispute.id}: {dispute.reason})",
        EntryCode.DISPUTE_OPENED,
    )
    record_event(order.merchant_id, "dispute.created", dispute_object(dispute))
    return dispute


def _advance(dispute: Dispute, status: str) -> bool:
    """Move the dispute forward to ``status`` (a notice that is late or repeated changes nothing); True if it moved."""
    if _RANK[status] <= _RANK[dispute.status]:
        return False
    now = utcnow()
    earlier = [s for s in DISPUTE_STATUSES if _RANK[s] < _RANK[status]]
    values = {"status": status, "updated_at": now} | ({"closed_at": now} if status in CLOSED else {})
    moved = db.session.execute(
        update(Dispute)
        .where(Dispute.id == dispute.id, Dispute.status.in_(earlier))
        .values(**values)
        .execution_options(synchronize_session=False)
    ).rowcount
    if moved != 1:
        return False
    dispute = db.session.get(Dispute, dispute.id, populate_existing=True)
    shown = Money(dispute.amount, dispute.currency).format()
    if status in CLOSED:
        # The order's row is held before it is read (PostgreSQL's row lock; SQLite's write lock is held already):
        # a worker's paid → fulfilled, which takes no order lock, then cannot slip in between this read and a lost
        # dispute's move to refunded, which would find the order changed and refuse the notice (409).
        db.session.execute(
            update(Order)
            .where(Order.id == dispute.order_id)
            .values(updated_at=now)
            .execution_options(synchronize_session=False)
        )
    order = db.session.get(Order, dispute.order_id, populate_existing=True)
    if status == "won":
        post_dispute_return(dispute.merchant_id, dispute.id, livemode=dispute.livemode, now=now)
        db.session.execute(
            update(Order)
            .where(Order.id == order.id, Order.disputed_amount >= dispute.amount)
            .values(disputed_amount=Order.disputed_amount - dispute.amount, version=Order.version + 1, updated_at=now)
            .execution_options(synchronize_session=False)
        )
        _timeline(order, f"dispute {dispute.id} won: {shown} returned by the shopper's bank", EntryCode.DISPUTE_CLOSED)
    elif status == "lost":
        # Nothing moves (the money left when the dispute opened); the order's touch above lets the sweep clear it.
        _timeline(order, f"dispute {dispute.id} lost: the shopper's bank keeps {shown}", EntryCode.DISPUTE_CLOSED)
        refunded_by_lost_dispute(order, dispute.id)
    record_event(
        dispute.merchant_id, "dispute.closed" if status in CLOSED else "dispute.updated", dispute_object(dispute)
    )
    return True


def _timeline(order: Order, reason: str, kind: EntryCode) -> None:
    note_on_timeline(order, reason, actor="channel", kind=kind)


def get_dispute(merchant_id: str, dispute_id: str, *, livemode: bool | None = None) -> Dispute:
    """The merchant's dispute; another merchant's (or the other mode's) is not found."""
    dispute = db.session.get(Dispute, dispute_id)
    if dispute is None or dispute.merchant_id != merchant_id or (livemode is not None and dispute.livemode != livemode):
        raise NotFound(f"no dispute {dispute_id!r}", param="id")
    return dispute


def list_disputes(
    merchant_id: str,
    *,
    livemode: bool | None,
    status: str | None = None,
    order_id: str | None = None,
    limit: int = 20,
    starting_after: str | None = None,
) -> tuple[list[Dispute], bool]:
    """A page of the merchant's disputes, newest first, and whether more follow."""
    if status is not None and status not in DISPUTE_STATUSES:
        raise InvalidRequest(f"status must be one of {', '.join(DISPUTE_STATUSES)}", param="status")
    query = select(Dispute).where(Dispute.merchant_id == merchant_id)
    if livemode is not None:
        query = query.where(Dispute.livemode == livemode)
    if status:
        query = query.where(Dispute.status == status)
    if order_id:
        query = query.where(Dispute.order_id == order_id)
    if starting_after:
        query = query.where(Dispute.id < starting_after)
    rows = list(db.session.scalars(query.order_by(Dispute.id.desc()).limit(limit + 1)))
    return rows[:limit], len(rows) > limit


def disputes_for_order(order_id: str) -> list[Dispute]:
    """An order's disputes, oldest first (the Order shows them)."""
    return list(
        db.session.scalars(select(Dispute).where(Dispute.order_id == order_id).order_by(Dispute.created_at, Dispute.id))
    )


def disputes_for_orders(order_ids: list[str]) -> dict[str, list[Dispute]]:
    """Several orders' disputes in one statement (a page of a list), each order's oldest first."""
    found: dict[str, list[Dispute]] = {}
    if order_ids:
        for dispute in db.session.scalars(
            select(Dispute).where(Dispute.order_id.in_(order_ids)).order_by(Dispute.created_at, Dispute.id)
        ):
            found.setdefault(dispute.order_id, []).append(dispute)
    return found


def dispute_summary(dispute: Dispute) -> dict:
    """A dispute as an Order lists it."""
    return {"id": dispute.id, "amount": dispute.amount, "status": dispute.status}


def check_evidence(dispute: Dispute, text: object) -> str:
    """The evidence to send, or the error that says why it cannot be sent now (changes nothing)."""
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_EVIDENCE_LENGTH:
        raise InvalidRequest(f"text must be the evidence, 1 to {MAX_EVIDENCE_LENGTH} characters", param="text")
    if dispute.status != "needs_response":
        raise Conflict(
            f"the dispute is {dispute.status.replace('_', ' ')}: evidence can be sent only while it needs a response",
            code="dispute_state_invalid",
        )
    due = dispute.evidence_due_by
    if due is not None and utcnow() > due:
        raise Conflict(
            f"the evidence was due by {iso_time(due)}; the provider takes none now", code="evidence_too_late"
        )
    return text.strip()


def submit_evidence(
    merchant_id: str, dispute_id: str, text: object, *, livemode: bool | None = None, actor: str = "api"
) -> Dispute:
    """Forward the merchant's evidence to the provider; the dispute is then under review."""
    dispute = get_dispute(merchant_id, dispute_id, livemode=livemode)
    text = check_evidence(dispute, text)
    adapter = adapter_for(dispute.channel, merchant_id)
    if adapter is None or not hasattr(adapter, "submit_dispute_evidence"):
        raise Conflict(f"channel {dispute.channel} takes no dispute evidence", code="dispute_state_invalid")
    provider_id = db.session.scalar(select(Dispute.provider_dispute_id).where(Dispute.id == dispute.id))
    db.session.rollback()  # no transaction is held open while the provider is asked
    try:
        adapter.submit_dispute_evidence(provider_id, text)
    except ProviderRefused as exc:
        raise Conflict(f"the provider refused the evidence: {exc}", code="evidence_refused") from None
    except ProviderOutcomeUnknown as exc:  # it may have taken the evidence: sent again, it would refuse it
        raise ChannelFailed(
            f"the provider's answer to the evidence could not be read, so whether it took the evidence "
            f"is not known; its next notice of the dispute says ({exc})",
            code="evidence_outcome_unknown",
        ) from None
    except ProviderUnavailable as exc:
        raise ServiceUnavailable(f"the provider could not be reached; send the evidence again ({exc})") from None
    with order_lock(dispute.order_id):
        stored = db.session.execute(
            update(Dispute)
            .where(Dispute.id == dispute.id, Dispute.evidence.is_(None))
            .values(evidence=text, updated_at=utcnow())
            .execution_options(synchronize_session=False)
        ).rowcount
        dispute = db.session.get(Dispute, dispute.id, populate_existing=True)
        if not _advance(dispute, "under_review") and stored:
            # The provider's own notice of the review can land while it is asked, before the evidence is stored
            # here: that notice's event carried no evidence, so the evidence is news of its own.
            record_event(dispute.merchant_id, "dispute.updated", dispute_object(dispute))
        db.session.commit()
    log.info(
        "dispute evidence sent",
        extra={"fields": {"merchant_id": merchant_id, "dispute_id": dispute.id, "actor": actor}},
    )
    return db.session.get(Dispute, dispute.id, populate_existing=True)
