"""signing: subscriptions, their timeline and renewals, test clocks

Revision ID: 0021_signing
Revises: 0021_refund_requests
Create Date: 2026-11-22 13:30:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0021_signing'
down_revision = '0021_refund_requests'
branch_labels = None
depends_on = None


def _time(name, nullable=True):
    return sa.Column(name, sa.DateTime(timezone=True), nullable=nullable)


def upgrade():
    op.create_table('test_clocks',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), sa.ForeignKey('merchants.id'), nullable=False),
    _time('frozen_time', False),
    sa.Column('status', sa.String(length=12), nullable=False),
    _time('created_at', False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_test_clocks_merchant_id', 'test_clocks', ['merchant_id', 'id'])
    op.create_table('subscriptions',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), sa.ForeignKey('merchants.id'), nullable=False),
    sa.Column('livemode', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('customer_id', sa.String(length=200), nullable=False),
    sa.Column('customer_email', sa.String(length=320), nullable=True),
    sa.Column('customer_source', sa.String(length=20), nullable=False),
    sa.Column('sku_id', sa.String(length=40), sa.ForeignKey('skus.id'), nullable=False),
    sa.Column('next_sku_id', sa.String(length=40), sa.ForeignKey('skus.id'), nullable=True),
    sa.Column('price_amount', sa.Integer(), nullable=False),
    sa.Column('currency', sa.String(length=3), nullable=False),
    sa.Column('interval', sa.String(length=8), nullable=False),
    sa.Column('interval_count', sa.Integer(), nullable=False),
    _time('anchor_at'),
    sa.Column('anchor_period', sa.Integer(), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    _time('current_period_start'),
    _time('current_period_end'),
    _time('next_renewal_at'),
    sa.Column('cancel_at_period_end', sa.Boolean(), nullable=False),
    _time('canceled_at'),
    sa.Column('mandate_channel', sa.String(length=40), nullable=True),
    sa.Column('mandate_status', sa.String(length=12), nullable=True),
    sa.Column('mandate_reference', sa.String(length=200), nullable=True),
    sa.Column('first_order_id', sa.String(length=40), sa.ForeignKey('orders.id'), nullable=False),
    sa.Column('latest_order_id', sa.String(length=40), sa.ForeignKey('orders.id'), nullable=False),
    sa.Column('test_clock_id', sa.String(length=40), sa.ForeignKey('test_clocks.id'), nullable=True),
    _time('created_at', False),
    _time('updated_at', False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('first_order_id')
    )
    op.create_index('ix_subscriptions_merchant_mode_id', 'subscriptions', ['merchant_id', 'livemode', 'id'])
    op.create_index('ix_subscriptions_merchant_customer', 'subscriptions', ['merchant_id', 'customer_id'])
    op.create_index('ix_subscriptions_status_renewal', 'subscriptions', ['status', 'next_renewal_at'])
    op.create_index('ix_subscriptions_test_clock_id', 'subscriptions', ['test_clock_id'])
    op.create_table('subscription_timeline',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('subscription_id', sa.String(length=40), sa.ForeignKey('subscriptions.id'), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), nullable=False),
    sa.Column('from_status', sa.String(length=12), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('actor', sa.String(length=60), nullable=False),
    _time('at', False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_subscription_timeline_subscription_id', 'subscription_timeline', ['subscription_id'])
    op.create_table('subscription_renewals',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('subscription_id', sa.String(length=40), sa.ForeignKey('subscriptions.id'), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), nullable=False),
    sa.Column('period', sa.Integer(), nullable=False),
    _time('period_start', False),
    _time('period_end', False),
    sa.Column('order_id', sa.String(length=40), sa.ForeignKey('orders.id'), nullable=True),
    sa.Column('status', sa.String(length=12), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    _time('next_attempt_at'),
    sa.Column('last_error', sa.String(length=500), nullable=True),
    _time('created_at', False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('subscription_id', 'period', name='uq_subscription_renewals_period')
    )
    op.create_index('ix_subscription_renewals_status_next', 'subscription_renewals', ['status', 'next_attempt_at'])


def downgrade():
    op.drop_index('ix_subscription_renewals_status_next', table_name='subscription_renewals')
    op.drop_table('subscription_renewals')
    op.drop_index('ix_subscription_timeline_subscription_id', table_name='subscription_timeline')
    op.drop_table('subscription_timeline')
    for name in ('ix_subscriptions_test_clock_id', 'ix_subscriptions_status_renewal',
                 'ix_subscriptions_merchant_customer', 'ix_subscriptions_merchant_mode_id'):
        op.drop_index(name, table_name='subscriptions')
    op.drop_table('subscriptions')
    op.drop_index('ix_test_clocks_merchant_id', table_name='test_clocks')
    op.drop_table('test_clocks')
