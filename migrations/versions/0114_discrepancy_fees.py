"""discrepancy fees: a discrepancy shows the channel's fee on both sides

Reconciliation never compared the fee a provider's statement lists with the fee Kassa booked in the ledger (and
so settled to the merchant net of): a provider charging more than its published fee went unseen. A line whose
fee differs is now an amount_mismatch, and ``kassa_fee`` / ``provider_fee`` say what each side has. Rows found
before stay without them (null).

Revision ID: 0114_discrepancy_fees
Revises: 0113_discrepancy_kassa_currency
Create Date: 2026-11-26 12:10:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0114_discrepancy_fees'
down_revision = '0113_discrepancy_kassa_currency'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('reconciliation_discrepancies', sa.Column('kassa_fee', sa.BigInteger(), nullable=True))
    op.add_column('reconciliation_discrepancies', sa.Column('provider_fee', sa.BigInteger(), nullable=True))


def downgrade():
    with op.batch_alter_table('reconciliation_discrepancies') as batch:
        batch.drop_column('provider_fee')
        batch.drop_column('kassa_fee')
