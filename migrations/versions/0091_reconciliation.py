"""reconciliation: runs of a channel's daily statement against Kassa's records, and the discrepancies found

Revision ID: 0091_reconciliation
Revises: 0090_merchant_config_version
Create Date: 2026-11-23 03:30:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0091_reconciliation'
down_revision = '0090_merchant_config_version'
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        'reconciliation_runs',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('channel', sa.String(40), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('status', sa.String(8), nullable=False),
        sa.Column('lines', sa.BigInteger(), nullable=False),
        sa.Column('matched', sa.BigInteger(), nullable=False),
        sa.Column('missing_in_kassa', sa.Integer(), nullable=False),
        sa.Column('missing_at_provider', sa.Integer(), nullable=False),
        sa.Column('amount_mismatch', sa.Integer(), nullable=False),
        sa.Column('status_mismatch', sa.Integer(), nullable=False),
        sa.Column('duplicate', sa.Integer(), nullable=False),
        sa.Column('auto_resolved', sa.Integer(), nullable=False),
        sa.Column('failure_reason', sa.String(500)),
        sa.Column('actor', sa.String(60), nullable=False),
        sa.Column('created_at', UTC, nullable=False),
        sa.Column('finished_at', UTC),
    )
    op.create_index('ix_reconciliation_runs_merchant', 'reconciliation_runs', ['merchant_id', 'created_at'])
    op.create_table(
        'reconciliation_discrepancies',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('run_id', sa.String(40), sa.ForeignKey('reconciliation_runs.id'), nullable=False),
        sa.Column('channel', sa.String(40), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('kind', sa.String(24), nullable=False),
        sa.Column('line_type', sa.String(8), nullable=False),
        sa.Column('reference', sa.String(255), nullable=False),
        sa.Column('kassa_object', sa.String(40)),
        sa.Column('provider_id', sa.String(100)),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('kassa_amount', sa.BigInteger()),
        sa.Column('provider_amount', sa.BigInteger()),
        sa.Column('kassa_status', sa.String(12)),
        sa.Column('provider_status', sa.String(12)),
        sa.Column('status', sa.String(10), nullable=False),
        sa.Column('resolution', sa.String(20)),
        sa.Column('resolution_note', sa.String(500)),
        sa.Column('resolved_by', sa.String(60)),
        sa.Column('resolved_at', UTC),
        sa.Column('created_at', UTC, nullable=False),
        sa.UniqueConstraint('merchant_id', 'channel', 'day', 'kind', 'line_type', 'reference',
                            name='uq_discrepancy_once'),
    )
    op.create_index('ix_reconciliation_discrepancies_run_id', 'reconciliation_discrepancies', ['run_id'])
    op.create_index('ix_journal_entries_day', 'journal_entries', ['merchant_id', 'kind', 'created_at'])
    op.create_index('ix_discrepancies_queue', 'reconciliation_discrepancies', ['merchant_id', 'status', 'created_at'])


def downgrade():
    op.drop_index('ix_journal_entries_day', 'journal_entries')
    op.drop_table('reconciliation_discrepancies')
    op.drop_table('reconciliation_runs')
