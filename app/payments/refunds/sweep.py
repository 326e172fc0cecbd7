"""The refund sweep: the safety net that sends refunds left pending by a crash between a refund's two steps (its
row written, the provider not yet asked or its answer lost). One refund whose sending breaks is logged and waits
its back-off (5 min, 1 h, then daily, as the janitor's unknown payments do); the others go on."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import or_, select, update

from app.extensions import db
from app.payments.models import Refund
from app.payments.order_lock import OrderBusy
from app.payments.refunds.settling import send_refund
from app.payments.state import next_check_delay
from app.platform.db.types import utcnow
from app.platform.observability import logs

log = logs.get("refunds")


def resume_pending_refunds(*, older_than_seconds: int = 60, batch: int = 100) -> int:
    """Safety net: send refunds left pending by a crash between the two steps; returns how many were tried. One whose
    sending breaks is logged and waits its back-off; the others go on."""
    now = utcnow()
    due = or_(Refund.next_sweep_at.is_(None), Refund.next_sweep_at <= now)
    left = Refund.updated_at <= now - timedelta(seconds=older_than_seconds)
    ids = list(
        db.session.scalars(
            select(Refund.id).where(Refund.status == "pending", due, left).order_by(Refund.updated_at).limit(batch)
        )
    )
    for refund_id in ids:
        try:
            send_refund(refund_id)
        except OrderBusy:
            db.session.rollback()
        except Exception:  # one broken refund must not starve the others behind it
            db.session.rollback()
            log.exception(
                "could not send a pending refund; it waits its back-off", extra={"fields": {"refund_id": refund_id}}
            )
            _postpone(refund_id)
    return len(ids)


def _postpone(refund_id: str) -> None:
    """Left due, the refund would head every run (it keeps its ``updated_at``): it waits 5 min, 1 h, then daily."""
    failures = db.session.scalar(select(Refund.sweep_failures).where(Refund.id == refund_id)) or 0
    db.session.execute(
        update(Refund)
        .where(Refund.id == refund_id, Refund.status == "pending")
        .values(sweep_failures=failures + 1, next_sweep_at=utcnow() + next_check_delay(failures))
        .execution_options(synchronize_session=False)
    )
    db.session.commit()
