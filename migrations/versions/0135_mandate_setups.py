"""mandate setups: a subscriber updates their subscription's payment method without being charged

``mandate_setups``: one row per new mandate a subscriber signs for a contract from their billing page (a payment of
nothing at the provider that only signs the recurring terms); the contract takes the mandate once it is signed, and
the one it replaced is canceled at its provider through the outbox.

Revision ID: 0135_mandate_setups
Revises: 0134_subscription_cancel_reason
Create Date: 2026-11-28 11:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0135_mandate_setups'
down_revision = '0134_subscription_cancel_reason'
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        'mandate_setups',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('subscription_id', sa.String(40), sa.ForeignKey('subscriptions.id'), nullable=False),
        sa.Column('channel', sa.String(40), nullable=False),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('status', sa.String(12), nullable=False),
        sa.Column('actor', sa.String(60), nullable=False),
        sa.Column('provider_reference', sa.String(200)),
        sa.Column('next_action', sa.JSON()),
        sa.Column('mandate_reference', sa.String(200)),
        sa.Column('replaced_mandate_channel', sa.String(40)),
        sa.Column('replaced_mandate_reference', sa.String(200)),
        sa.Column('event_id', sa.String(40)),
        sa.Column('failure_reason', sa.String(500)),
        sa.Column('next_check_at', UTC),
        sa.Column('released_at', UTC),
        sa.Column('created_at', UTC, nullable=False),
        sa.Column('decided_at', UTC),
    )
    op.create_index('ix_mandate_setups_subscription', 'mandate_setups', ['subscription_id', 'id'])
    op.create_index('ix_mandate_setups_status_check', 'mandate_setups', ['status', 'next_check_at'])
    op.create_index('ix_mandate_setups_event', 'mandate_setups', ['event_id'], unique=True)


def downgrade():
    op.drop_index('ix_mandate_setups_event', table_name='mandate_setups')
    op.drop_index('ix_mandate_setups_status_check', table_name='mandate_setups')
    op.drop_index('ix_mandate_setups_subscription', table_name='mandate_setups')
    op.drop_table('mandate_setups')
