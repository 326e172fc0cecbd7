"""amounts 64-bit: money columns hold every currency's largest amount

Prices, order totals and lines, coupons' amounts, refunds, disputes, payment attempts and the platform's fixed fee
were PostgreSQL ``integer`` columns, which stop at 2,147,483,647 minor units: 21,474,836.47 IDR, about $1,300. The
largest amount in a currency is now up to twelve digits (app/money.max_amount: 9,999,999,999.99 IDR), so these
columns become ``bigint`` like the ledger's already are.

SQLite has nothing to change: its INTEGER holds 64 bits.

Changing a column's type rewrites its table under an exclusive lock: on a large install, run this upgrade in a
maintenance window (docs/production.md).

Revision ID: 0129_amounts_64_bit
Revises: 0125_channel_limits_currency
Create Date: 2026-11-26 20:00:00

"""
from alembic import op

revision = '0129_amounts_64_bit'
down_revision = '0128_risk_per_mode'
branch_labels = None
depends_on = None

COLUMNS = {
    'orders': ('subtotal', 'discount', 'total', 'refunded_amount', 'disputed_amount'),
    'order_items': ('unit_amount', 'amount', 'net_amount'),
    'sub_orders': ('subtotal', 'discount', 'total'),
    'skus': ('price_amount',),
    'sku_prices': ('amount',),
    'coupons': ('amount_off', 'max_discount', 'min_subtotal'),
    'coupon_redemptions': ('amount',),
    'subscriptions': ('price_amount',),
    'payment_attempts': ('amount',),
    'refunds': ('amount', 'fee_amount'),
    'disputes': ('amount', 'fee_back', 'dispute_fee'),
    'merchants': ('platform_fee_fixed',),
}


def _alter(kind: str) -> None:
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table, columns in COLUMNS.items():
        changes = ', '.join(f'ALTER COLUMN {column} TYPE {kind}' for column in columns)
        op.execute(f'ALTER TABLE {table} {changes}')


def upgrade():
    _alter('bigint')


def downgrade():
    _alter('integer')
