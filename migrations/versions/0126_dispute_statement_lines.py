"""dispute statement lines: a discrepancy's line type can name a dispute's statement lines

``reconciliation_discrepancies.line_type`` held capture | refund | payout (8 characters); the provider's statement
now also lists ``dispute``, ``dispute_fee`` and ``dispute_reversal`` lines, which reconciliation matches against
Kassa's disputes, so it is widened to 20; ``kassa_status`` (12) to 16, for a dispute's ``needs_response``.

Revision ID: 0126_dispute_statement_lines
Revises: 0125_channel_limits_currency
Create Date: 2026-11-26 19:50:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0126_dispute_statement_lines'
down_revision = '0125_channel_limits_currency'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('reconciliation_discrepancies') as batch:
        batch.alter_column('line_type', existing_type=sa.String(length=8), type_=sa.String(length=20),
                           existing_nullable=False)
        batch.alter_column('kassa_status', existing_type=sa.String(length=12), type_=sa.String(length=16),
                           existing_nullable=True)


def downgrade():
    # Dispute lines do not fit the narrower column: they leave with it.
    op.execute("DELETE FROM reconciliation_discrepancies WHERE line_type LIKE 'dispute%' OR length(kassa_status) > 12")
    with op.batch_alter_table('reconciliation_discrepancies') as batch:
        batch.alter_column('line_type', existing_type=sa.String(length=20), type_=sa.String(length=8),
                           existing_nullable=False)
        batch.alter_column('kassa_status', existing_type=sa.String(length=16), type_=sa.String(length=12),
                           existing_nullable=True)
