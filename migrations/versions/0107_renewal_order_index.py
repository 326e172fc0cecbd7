"""renewal order index: the renewal an order pays is found by an index, not a scan of every renewal

Each payment (the recurring terms it signs) and each fulfilment (whether its membership follows a paid period) asks
whether the order renews a contract. Without an index on ``subscription_renewals.order_id`` that read went through
the whole table: negligible for a new merchant, a scan of 100,000 rows per payment for one with that many renewals.

Revision ID: 0107_renewal_order_index
Revises: 0106_attempt_poll_due
Create Date: 2026-11-25 14:00:00

"""
from alembic import op

revision = '0107_renewal_order_index'
down_revision = '0106_attempt_poll_due'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_subscription_renewals_order_id', 'subscription_renewals', ['order_id'])


def downgrade():
    op.drop_index('ix_subscription_renewals_order_id', table_name='subscription_renewals')
