"""subscription trials: a SKU's free trial, and the trial a contract was signed with

``skus.subscription_trial_days``: the days a contract on the SKU runs free before its first charge (NULL: none).
``subscriptions.trial_days``: the trial the shopper signed for, read from the SKU when the contract opened (a
merchant changing the SKU later does not change what a signed shopper was promised).

Revision ID: 0118_subscription_trials
Revises: 0117_order_close_reason_codes
Create Date: 2026-11-26 15:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0118_subscription_trials'
down_revision = '0117_order_close_reason_codes'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('skus') as batch:
        batch.add_column(sa.Column('subscription_trial_days', sa.Integer(), nullable=True))
    with op.batch_alter_table('subscriptions') as batch:
        batch.add_column(sa.Column('trial_days', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    with op.batch_alter_table('subscriptions') as batch:
        batch.drop_column('trial_days')
    with op.batch_alter_table('skus') as batch:
        batch.drop_column('subscription_trial_days')
