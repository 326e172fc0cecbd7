"""order email search: the portal's search box finds a merchant's orders by customer email in any case

Revision ID: 0094_order_email_search
Revises: 0092_refund_risk
Create Date: 2026-11-23 07:30:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0094_order_email_search'
down_revision = '0092_refund_risk'
branch_labels = None
depends_on = None


def upgrade():
    op.create_index('ix_orders_merchant_email', 'orders', ['merchant_id', sa.text('lower(customer_email)')])


def downgrade():
    op.drop_index('ix_orders_merchant_email', table_name='orders')
