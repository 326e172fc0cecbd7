"""payout sweep back-off: a payout whose sending breaks waits a back-off counted on its own row

A payout whose send or look-up raised waited twice its last wait, and the last wait was read back as
``next_try_at - updated_at``. Whatever else wrote ``updated_at`` (a look-up that found nothing, a sweep that
reached the payout long after the moment it started at) shortened it, down to 5 minutes for good.
``payouts.sweep_failures`` counts the breaks in a row; the wait is 5 minutes doubled per break, up to 6 hours.
Existing rows start with none (their next wait is 5 minutes).

Revision ID: 0137_payout_sweep_backoff
Revises: 0136_subscription_email_once
Create Date: 2026-11-27 09:20:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0137_payout_sweep_backoff'
down_revision = '0136_subscription_email_once'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("payouts") as batch:
        batch.add_column(sa.Column("sweep_failures", sa.Integer(), nullable=False, server_default="0"))


def downgrade():
    with op.batch_alter_table("payouts") as batch:
        batch.drop_column("sweep_failures")
