"""refund payment and mandate indexes: a refund and a mandate callback find their rows by index

Each refund asks whether the capture it returns money from was already given back as a stray capture
(``refunds.payment_id``; the partial unique index holds only the returns in flight or done), and each mandate
callback from a provider (a revoke) finds its contracts by the mandate's reference. Both went through the whole
table: every refunds row for each refund, every contract for each callback.

Revision ID: 0108_refund_mandate_indexes
Revises: 0107_renewal_order_index
Create Date: 2026-11-25 14:30:00

"""
from alembic import op

revision = '0108_refund_mandate_indexes'
down_revision = '0107_renewal_order_index'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_refunds_payment_id', 'refunds', ['payment_id'])
    op.create_index('ix_subscriptions_mandate', 'subscriptions', ['mandate_reference', 'mandate_channel'])


def downgrade():
    op.drop_index('ix_subscriptions_mandate', table_name='subscriptions')
    op.drop_index('ix_refunds_payment_id', table_name='refunds')
