"""attempt poll due: a pending attempt's next poll is its ``next_check_at``, found by one index

The poller no longer queues a job per payment; its sweep asks about the pending attempts whose ``next_check_at``
has come (app/payments/attempts/hub.py ``poll_stale_attempts``). Pending attempts from before have none: they are due now.

Revision ID: 0106_attempt_poll_due
Revises: 0105_posting_checkpoints
Create Date: 2026-11-24 09:30:00

"""
from alembic import op

revision = '0106_attempt_poll_due'
down_revision = '0105_posting_checkpoints'
branch_labels = None
depends_on = None


def upgrade():
    op.execute("UPDATE payment_attempts SET next_check_at = created_at "
               "WHERE status = 'pending' AND next_check_at IS NULL")
    op.create_index('ix_payment_attempts_status_next_check', 'payment_attempts', ['status', 'next_check_at'])


def downgrade():
    op.drop_index('ix_payment_attempts_status_next_check', table_name='payment_attempts')
