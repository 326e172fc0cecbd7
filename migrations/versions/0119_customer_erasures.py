"""customer erasures: the record that a customer's personal data was erased (app/privacy/erasure.py)

Revision ID: 0119_customer_erasures
Revises: 0118_subscription_trials
Create Date: 2026-11-26 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0119_customer_erasures'
down_revision = '0118_subscription_trials'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'customer_erasures',
        sa.Column('id', sa.String(length=40), nullable=False),
        sa.Column('merchant_id', sa.String(length=40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('customer_id', sa.String(length=200), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('erased', sa.JSON(), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_customer_erasures_merchant_customer', 'customer_erasures', ['merchant_id', 'customer_id'])


def downgrade():
    op.drop_index('ix_customer_erasures_merchant_customer', table_name='customer_erasures')
    op.drop_table('customer_erasures')
