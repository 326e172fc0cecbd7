"""refunds know their kind: a merchant's order refund, or Kassa's return of a capture the order never kept

Revision ID: 0012_money_core
Revises: 0021_signing
Create Date: 2026-11-22 14:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0012_money_core'
down_revision = '0021_signing'
branch_labels = None
depends_on = None

_RETURN_LIVE = "kind = 'capture_return' AND status IN ('pending', 'succeeded')"


def upgrade():
    op.add_column('refunds', sa.Column('kind', sa.String(length=20), nullable=False, server_default='order'))
    # Returns made before the column existed were told apart by their reason, written only by Kassa itself.
    op.execute("UPDATE refunds SET kind = 'capture_return' "
               "WHERE actor = 'system' AND reason LIKE 'stray capture returned: %'")
    op.create_index('uq_refunds_one_capture_return', 'refunds', ['payment_id'], unique=True,
                    postgresql_where=sa.text(_RETURN_LIVE), sqlite_where=sa.text(_RETURN_LIVE))


def downgrade():
    op.drop_index('uq_refunds_one_capture_return', table_name='refunds')
    op.drop_column('refunds', 'kind')
