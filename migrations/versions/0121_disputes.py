"""disputes: chargebacks of captured payments, the amount they hold off an order, a channel's dispute fee

``disputes``: one row per provider dispute (unique per channel and provider id: callbacks come twice and out of
order). ``orders.disputed_amount``: what open and lost disputes took back, which the order can no longer refund.
``channel_configs.dispute_fee``: what the provider charges per dispute (NULL: nothing).

Revision ID: 0121_disputes
Revises: 0120_partner_test_payouts
Create Date: 2026-11-26 17:10:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0121_disputes'
down_revision = '0120_partner_test_payouts'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'disputes',
        sa.Column('id', sa.String(length=40), nullable=False),
        sa.Column('merchant_id', sa.String(length=40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('order_id', sa.String(length=40), sa.ForeignKey('orders.id'), nullable=False),
        sa.Column('payment_id', sa.String(length=40), sa.ForeignKey('payment_attempts.id'), nullable=False),
        sa.Column('channel', sa.String(length=40), nullable=False),
        sa.Column('provider_dispute_id', sa.String(length=100), nullable=False),
        sa.Column('amount', sa.Integer(), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('reason', sa.String(length=100), nullable=False),
        sa.Column('status', sa.String(length=16), nullable=False),
        sa.Column('evidence', sa.Text(), nullable=True),
        sa.Column('evidence_due_by', sa.DateTime(timezone=True), nullable=True),
        sa.Column('fee_back', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('dispute_fee', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('closed_at', sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint('id'),
        sa.UniqueConstraint('channel', 'provider_dispute_id', name='uq_disputes_provider'),
        sa.CheckConstraint('amount > 0', name='dispute_amount_positive'),
    )
    op.create_index('ix_disputes_order_id', 'disputes', ['order_id'])
    op.create_index('ix_disputes_merchant_mode_id', 'disputes', ['merchant_id', 'livemode', 'id'])
    with op.batch_alter_table('orders') as batch:
        batch.add_column(sa.Column('disputed_amount', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('channel_configs') as batch:
        batch.add_column(sa.Column('dispute_fee', sa.BigInteger(), nullable=True))


def downgrade():
    with op.batch_alter_table('channel_configs') as batch:
        batch.drop_column('dispute_fee')
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('disputed_amount')
    op.drop_index('ix_disputes_merchant_mode_id', table_name='disputes')
    op.drop_index('ix_disputes_order_id', table_name='disputes')
    op.drop_table('disputes')
