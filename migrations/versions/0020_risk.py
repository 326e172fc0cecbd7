"""risk: list entries, rules, and each order's assessment

Revision ID: 0020_risk
Revises: 0019_ledger_append_only
Create Date: 2026-11-22 13:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0020_risk'
down_revision = '0019_ledger_append_only'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('risk_list_entries',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('value', sa.String(length=320), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('note', sa.String(length=500), nullable=True),
    sa.Column('is_range', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('merchant_id', 'kind', 'value', name='uq_risk_list_entries_value')
    )
    op.create_index('ix_risk_list_entries_merchant_id', 'risk_list_entries', ['merchant_id', 'id'])
    op.create_index('ix_risk_list_entries_ranges', 'risk_list_entries', ['merchant_id', 'is_range'])
    op.create_table('risk_rules',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=30), nullable=False),
    sa.Column('params', sa.JSON(), nullable=False),
    sa.Column('action', sa.String(length=10), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_risk_rules_merchant_id', 'risk_rules', ['merchant_id', 'id'])
    with op.batch_alter_table('orders') as batch_op:
        batch_op.add_column(sa.Column('risk', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('orders') as batch_op:
        batch_op.drop_column('risk')
    op.drop_index('ix_risk_rules_merchant_id', table_name='risk_rules')
    op.drop_table('risk_rules')
    op.drop_index('ix_risk_list_entries_ranges', table_name='risk_list_entries')
    op.drop_index('ix_risk_list_entries_merchant_id', table_name='risk_list_entries')
    op.drop_table('risk_list_entries')
