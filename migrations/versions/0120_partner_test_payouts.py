"""partner test payouts: a partner's payout account and rolling reserve are kept per mode

A partner row is shared by both modes, and its one ``payout_account`` was where live settlements pay real money,
yet any secret key could change it: a leaked test key (test keys live in CI configs and with contractors) could
redirect a merchant's live payouts, or hold them all back with a reserve. Test keys, the portal in test mode and
test settlements now use ``test_payout_account``, ``test_reserve_bps`` and ``test_reserve_days``; the existing
columns are the live ones and keep their values.

The test ones start as copies of the live ones, so existing test integrations (a CI run that settles and checks
where the sandbox was asked to pay) keep working, and a test key reads what it read before: no new account is
shown to it. From now on each mode's values are set in that mode only.

Revision ID: 0120_partner_test_payouts
Revises: 0119_customer_erasures
Create Date: 2026-11-26 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0120_partner_test_payouts'
down_revision = '0119_customer_erasures'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('partners') as batch:
        batch.add_column(sa.Column('test_payout_account', sa.String(length=100), nullable=True))
        batch.add_column(sa.Column('test_reserve_bps', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('test_reserve_days', sa.Integer(), nullable=False, server_default='0'))
    op.execute("UPDATE partners SET test_payout_account = payout_account, test_reserve_bps = reserve_bps, "
               "test_reserve_days = reserve_days")


def downgrade():
    with op.batch_alter_table('partners') as batch:
        batch.drop_column('test_reserve_days')
        batch.drop_column('test_reserve_bps')
        batch.drop_column('test_payout_account')
