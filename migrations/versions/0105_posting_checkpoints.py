"""posting checkpoints: balances from a checkpoint plus what was posted since, not from an account's whole history

Until the first `advance_checkpoint` run makes the one cut row, a balance sums every posting, as before
(app/ledger/checkpoints.py).

Revision ID: 0105_posting_checkpoints
Revises: 0104_report_days
Create Date: 2026-11-24 06:30:00

"""
from alembic import op
import sqlalchemy as sa

UTC = sa.DateTime(timezone=True)

revision = '0105_posting_checkpoints'
down_revision = '0104_report_days'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'posting_cut',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('version', sa.BigInteger(), nullable=False),
        sa.Column('through_id', sa.BigInteger(), nullable=False),
        sa.Column('cut_at', UTC, nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_posting_cut'),
    )
    op.create_table(
        'posting_checkpoints',
        sa.Column('merchant_id', sa.String(length=40), nullable=False),
        sa.Column('account', sa.String(length=300), nullable=False),
        sa.Column('currency', sa.String(length=3), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint('merchant_id', 'account', 'currency', name='pk_posting_checkpoints'),
    )
    # The lines on hold, which a balance still sums from the postings: read from the index alone on PostgreSQL.
    op.create_index('ix_postings_held', 'postings', ['merchant_id', 'available_at'],
                    postgresql_include=['account', 'currency', 'amount', 'id'],
                    postgresql_where=sa.text('available_at IS NOT NULL'), sqlite_where=sa.text('available_at IS NOT NULL'))


def downgrade():
    op.drop_index('ix_postings_held', table_name='postings')
    op.drop_table('posting_checkpoints')
    op.drop_table('posting_cut')
