"""channel limits currency: the currency a channel's order-total limits are in

``channel_configs.limits_currency``: ``min_amount``/``max_amount`` are minor units of this currency and bound
orders in it only (50000 is $500.00 but ¥50,000). Existing limits keep NULL: as before, the same number in every
currency, until the merchant names one (the portal's form asks for it with the limits).

Revision ID: 0125_channel_limits_currency
Revises: 0124_platform_fee_currency
Create Date: 2026-11-26 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0125_channel_limits_currency'
down_revision = '0124_platform_fee_currency'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('channel_configs') as batch:
        batch.add_column(sa.Column('limits_currency', sa.String(length=3), nullable=True))


def downgrade():
    with op.batch_alter_table('channel_configs') as batch:
        batch.drop_column('limits_currency')
