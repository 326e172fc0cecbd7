"""discrepancy kassa currency: a discrepancy shows the currency of both sides

Reconciliation matched a statement line whose amount equalled Kassa's record whatever its currency, and a
discrepancy kept one currency (the line's), so a capture Kassa recorded as 8.99 EUR that the provider booked as
8.99 USD was never shown. A line in another currency is now an amount_mismatch, and ``kassa_currency`` keeps the
record's currency beside the line's. Rows already found take it from their record (the line's currency when the
record is gone); it stays empty where Kassa has no record (missing_in_kassa).

Revision ID: 0113_discrepancy_kassa_currency
Revises: 0112_test_coupon_uses
Create Date: 2026-11-26 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0113_discrepancy_kassa_currency'
down_revision = '0112_test_coupon_uses'
branch_labels = None
depends_on = None

RECORDS = {'capture': 'payment_attempts', 'refund': 'refunds', 'payout': 'payouts'}


def upgrade():
    op.add_column('reconciliation_discrepancies', sa.Column('kassa_currency', sa.String(3), nullable=True))
    for line_type, table in RECORDS.items():
        op.execute(sa.text(
            f"UPDATE reconciliation_discrepancies SET kassa_currency = COALESCE((SELECT k.currency FROM {table} k "
            "WHERE k.id = reconciliation_discrepancies.kassa_object), currency) "
            "WHERE line_type = :line_type AND kassa_amount IS NOT NULL").bindparams(line_type=line_type))


def downgrade():
    with op.batch_alter_table('reconciliation_discrepancies') as batch:
        batch.drop_column('kassa_currency')
