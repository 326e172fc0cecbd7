"""contract findings: what the contract reconciliation found wrong with a subscription, and whether it was fixed

Revision ID: 0025_contract_findings
Revises: 0024_renewals
Create Date: 2026-11-22 16:20:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0025_contract_findings'
down_revision = '0024_renewals'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'contract_findings',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('merchant_id', sa.String(length=40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('subscription_id', sa.String(length=40), sa.ForeignKey('subscriptions.id'), nullable=False),
        sa.Column('kind', sa.String(length=40), nullable=False),
        sa.Column('period', sa.Integer(), nullable=False, server_default='0'),
        sa.Column('detail', sa.String(length=500), nullable=False),
        sa.Column('status', sa.String(length=8), nullable=False, server_default='open'),
        sa.Column('found_at', sa.DateTime(timezone=True), nullable=False),
        sa.Column('fixed_at', sa.DateTime(timezone=True), nullable=True),
        sa.UniqueConstraint('subscription_id', 'kind', 'period', name='uq_contract_findings_what'),
    )
    op.create_index('ix_contract_findings_merchant_status', 'contract_findings', ['merchant_id', 'status', 'id'])


def downgrade():
    op.drop_index('ix_contract_findings_merchant_status', table_name='contract_findings')
    op.drop_table('contract_findings')
