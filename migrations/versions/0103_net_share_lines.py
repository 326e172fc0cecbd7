"""net share lines: a partner's clearing line carries the fees withheld from it instead of a fee line of its own

Revision ID: 0103_net_share_lines
Revises: 0100_clearing_speed
Create Date: 2026-11-23 19:30:00

Clearing used to post two lines per partner and order line: the gross share and the fees it bears. Now it posts one,
the net, and keeps the fees in ``fee_withheld``; statements still show both. Lines posted before keep their form
(``fee`` lines remain valid), so nothing is rewritten: postings are append-only.
An unused index on order_clearings goes too.
"""
from alembic import op
import sqlalchemy as sa

revision = '0103_net_share_lines'
down_revision = '0100_clearing_speed'
branch_labels = None
depends_on = None


def upgrade():
    # A plain ADD COLUMN (no table rebuild): postings keep their append-only triggers on SQLite too.
    op.add_column('postings', sa.Column('fee_withheld', sa.BigInteger(), nullable=True))
    # Nothing reads clearings by merchant (an order's is read by its key); each batch of claims paid for the index.
    op.drop_index('ix_order_clearings_merchant_id', table_name='order_clearings')


def downgrade():
    op.create_index('ix_order_clearings_merchant_id', 'order_clearings', ['merchant_id'])
    op.drop_column('postings', 'fee_withheld')
