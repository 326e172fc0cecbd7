"""renewal handler moved: the outbox's record of it follows it to app/signing/renewals/orders.py

The outbox records each handler that finished an event under the handler's module and name, so a retried event
does not run it again. The handler of paid renewal orders moved from app/signing/renewals/services.py to
app/signing/renewals/orders.py; an event still being dispatched when the new code starts would otherwise run it a
second time. That would do nothing wrong (the handler is idempotent), but the record stays exact: the rows of
events not yet dispatched are renamed. A dispatched event's rows are never read again and stay as they were.

Revision ID: 0109_renewal_handler_moved
Revises: 0108_refund_mandate_indexes
Create Date: 2026-11-25 21:40:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0109_renewal_handler_moved'
down_revision = '0108_refund_mandate_indexes'
branch_labels = None
depends_on = None

OLD = 'app.signing.renewals.services.renew_on_paid_order'
NEW = 'app.signing.renewals.orders.renew_on_paid_order'


def _rename(before: str, after: str) -> None:
    op.execute(sa.text(
        "UPDATE event_handlings SET handler = :after WHERE handler = :before "
        "AND event_id IN (SELECT id FROM events WHERE dispatched_at IS NULL)").bindparams(before=before, after=after))


def upgrade():
    _rename(OLD, NEW)


def downgrade():
    _rename(NEW, OLD)
