"""shopper refund requests, scored for abuse

Revision ID: 0021_refund_requests
Revises: 0020_risk
Create Date: 2026-11-22 13:40:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0021_refund_requests'
down_revision = '0020_risk'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('refund_requests',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), nullable=False),
    sa.Column('order_id', sa.String(length=40), nullable=False),
    sa.Column('customer_id', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('score', sa.Integer(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('refund_id', sa.String(length=40), nullable=True),
    sa.Column('ip', sa.String(length=64), nullable=True),
    sa.Column('device', sa.String(length=200), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_refund_requests_order_id', 'refund_requests', ['order_id'])
    op.create_index('ix_refund_requests_merchant_customer', 'refund_requests', ['merchant_id', 'customer_id', 'created_at'])
    op.create_index('ix_refund_requests_merchant_device', 'refund_requests', ['merchant_id', 'device', 'created_at'])
    op.create_index('ix_refund_requests_merchant_ip', 'refund_requests', ['merchant_id', 'ip', 'created_at'])


def downgrade():
    op.drop_table('refund_requests')
