"""platform fee currency: the currency of the platform's fixed fee

``merchants.platform_fee_fixed_currency``: ``platform_fee_fixed`` is minor units of this currency, taken off orders
in it only (30 minor units are $0.30 but ¥30 and 0.030 KWD). A merchant with a fixed fee already gets the currency
most of its orders are in (what the operator was pricing), else usd; NULL without a fixed fee.

Revision ID: 0124_platform_fee_currency
Revises: 0123_subscription_emails
Create Date: 2026-11-26 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0124_platform_fee_currency'
down_revision = '0123_subscription_emails'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('platform_fee_fixed_currency', sa.String(length=3), nullable=True))
    op.execute("""
        UPDATE merchants SET platform_fee_fixed_currency = COALESCE(
            (SELECT o.currency FROM orders o WHERE o.merchant_id = merchants.id
             GROUP BY o.currency ORDER BY count(*) DESC, o.currency LIMIT 1), 'usd')
        WHERE platform_fee_fixed > 0""")


def downgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('platform_fee_fixed_currency')
