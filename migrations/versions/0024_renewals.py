"""renewals: the merchant's dunning schedule and renewal notice, and which period a contract was announced for

Revision ID: 0024_renewals
Revises: 0012_money_core
Create Date: 2026-11-22 16:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0024_renewals'
down_revision = '0012_money_core'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('dunning_retry_days', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('dunning_final_action', sa.String(length=8), nullable=False,
                                   server_default='cancel'))
        batch.add_column(sa.Column('renewal_notice_days', sa.Integer(), nullable=False, server_default='3'))
    with op.batch_alter_table('subscriptions') as batch:
        batch.add_column(sa.Column('announced_period', sa.Integer(), nullable=False, server_default='0'))
    with op.batch_alter_table('subscription_renewals') as batch:
        batch.add_column(sa.Column('due_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('paid_at', sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table('subscription_renewals') as batch:
        batch.drop_column('paid_at')
        batch.drop_column('due_at')
    with op.batch_alter_table('subscriptions') as batch:
        batch.drop_column('announced_period')
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('renewal_notice_days')
        batch.drop_column('dunning_final_action')
        batch.drop_column('dunning_retry_days')
