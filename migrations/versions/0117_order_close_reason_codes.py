"""order close reason codes: why an order closed is a value, not the words of the merchant's note

The status page told the shopper why an unpaid order closed by matching the English note the timeline keeps for
the merchant ("expired", "subscription canceled", "payment …"): a reworded note showed a generic or wrong reason.
The closing row now stores the reason as a value (``reason_code``, a CloseReason of app/orders/close_reasons.py).
Rows written before are given theirs here from the notes and actors as they were written until now (the same
rules the status page used), so old closed orders keep saying what they said.

Revision ID: 0117_order_close_reason_codes
Revises: 0116_row_ids_64_bit
Create Date: 2026-11-26 14:10:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0117_order_close_reason_codes'
down_revision = '0116_row_ids_64_bit'
branch_labels = None
depends_on = None

# In the order the status page tested them: the first that matches a closing row gives its code.
_FROM_NOTES = [
    ("expired", "actor = 'system' AND reason = 'expired'"),
    ("paid_by_another_order", "actor = 'system:checkout_session'"),
    ("renewal_unpaid", "actor = 'system:renewal'"),
    ("subscription_canceled", "reason = 'subscription canceled'"),
    ("payment_ended", "reason LIKE 'payment %'"),
    ("canceled", "1 = 1"),
]


def upgrade():
    op.add_column('order_timeline', sa.Column('reason_code', sa.String(length=32), nullable=True))
    for code, matches in _FROM_NOTES:
        op.execute(sa.text(f"UPDATE order_timeline SET reason_code = :code WHERE reason_code IS NULL "
                           f"AND status = 'closed' AND (from_status IS NULL OR from_status <> 'closed') "
                           f"AND {matches}").bindparams(code=code))


def downgrade():
    with op.batch_alter_table('order_timeline') as batch:
        batch.drop_column('reason_code')
