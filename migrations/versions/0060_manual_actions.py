"""manual actions on orders (maintenance with a reason, second approval for money) and the live view's index

Revision ID: 0060_manual_actions
Revises: 0030_books
Create Date: 2026-11-23 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0060_manual_actions'
down_revision = '0030_books'
branch_labels = None
depends_on = None

_WAITING = "status = 'awaiting_approval'"


def upgrade():
    op.create_table('manual_actions',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), nullable=False),
    sa.Column('order_id', sa.String(length=40), nullable=False),
    sa.Column('livemode', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('subject', sa.String(length=40), server_default='', nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=False),
    sa.Column('requested_by_id', sa.String(length=40), nullable=False),
    sa.Column('requested_by_email', sa.String(length=320), nullable=False),
    sa.Column('requested_by_role', sa.String(length=20), nullable=False),
    sa.Column('decided_by_id', sa.String(length=40), nullable=True),
    sa.Column('decided_by_email', sa.String(length=320), nullable=True),
    sa.Column('decided_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('decision_note', sa.String(length=500), nullable=True),
    sa.Column('outcome', sa.String(length=500), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id']),
    sa.ForeignKeyConstraint(['order_id'], ['orders.id']),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('merchant_id', 'idempotency_key', name='uq_manual_actions_idempotency')
    )
    op.create_index('ix_manual_actions_order_id', 'manual_actions', ['order_id'])
    op.create_index('ix_manual_actions_merchant_status', 'manual_actions', ['merchant_id', 'status', 'created_at'])
    op.create_index('uq_manual_actions_one_waiting', 'manual_actions', ['order_id', 'kind', 'subject'], unique=True,
                    postgresql_where=sa.text(_WAITING), sqlite_where=sa.text(_WAITING))
    # "Where orders are now": counts per status and the longest waiting in each, from the index alone.
    op.create_index('ix_orders_merchant_mode_status_updated', 'orders',
                    ['merchant_id', 'livemode', 'status', 'updated_at'])


def downgrade():
    op.drop_index('ix_orders_merchant_mode_status_updated', table_name='orders')
    op.drop_index('uq_manual_actions_one_waiting', table_name='manual_actions')
    op.drop_index('ix_manual_actions_merchant_status', table_name='manual_actions')
    op.drop_index('ix_manual_actions_order_id', table_name='manual_actions')
    op.drop_table('manual_actions')
