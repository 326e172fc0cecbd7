"""order currency: a checkout session with fixed items may be priced in one of the SKUs' other currencies

Revision ID: 0101_order_currency
Revises: 0096_api_request_log
Create Date: 2026-11-23 11:30:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0101_order_currency'
down_revision = '0096_api_request_log'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('checkout_sessions') as batch:
        batch.add_column(sa.Column('currency', sa.String(length=3), nullable=True))


def downgrade():
    with op.batch_alter_table('checkout_sessions') as batch:
        batch.drop_column('currency')
