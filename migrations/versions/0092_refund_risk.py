"""refund risk: the refund-abuse assessment recorded with each refund a merchant makes

Revision ID: 0092_refund_risk
Revises: 0091_reconciliation
Create Date: 2026-11-23 04:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0092_refund_risk'
down_revision = '0091_reconciliation'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('refunds') as batch:
        batch.add_column(sa.Column('risk', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('refunds') as batch:
        batch.drop_column('risk')
