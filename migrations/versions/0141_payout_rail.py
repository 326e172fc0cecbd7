"""Choose the payout rail per merchant; remember a partner's Stripe connected account per mode.

``merchants.payout_channel`` names the channel a merchant's settlements and wallet withdrawals are paid through;
NULL (every existing merchant) keeps the installation's ``PAYOUT_CHANNEL``. ``partners.connect_account`` and
``partners.test_connect_account`` hold the connected account a partner is onboarding with (live and test mode), until
it is ready and becomes the partner's payout account.

Revision ID: 0141_payout_rail
Revises: 0140_stripe_customers
Create Date: 2026-11-28 04:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0141_payout_rail"
down_revision = "0140_stripe_customers"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("merchants") as batch:
        batch.add_column(sa.Column("payout_channel", sa.String(40), nullable=True))
    with op.batch_alter_table("partners") as batch:
        batch.add_column(sa.Column("connect_account", sa.String(100), nullable=True))
        batch.add_column(sa.Column("test_connect_account", sa.String(100), nullable=True))


def downgrade():
    with op.batch_alter_table("partners") as batch:
        batch.drop_column("test_connect_account")
        batch.drop_column("connect_account")
    with op.batch_alter_table("merchants") as batch:
        batch.drop_column("payout_channel")
