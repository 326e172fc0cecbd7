"""refund sweep back-off: a pending refund whose sending breaks waits before the sweep tries it again

The refund sweep sent the oldest pending refunds first and stopped at the first error it did not expect (its channel
no longer installed, an answer it could not read). That refund kept its place at the head of every later run, so the
pending refunds behind it were never settled. ``refunds.sweep_failures`` counts such breaks and
``refunds.next_sweep_at`` is when the sweep may try the refund again (5 minutes, 1 hour, then daily), so the others
go on. Existing rows start with none (every pending refund is due as before).

Revision ID: 0132_refund_sweep_backoff
Revises: 0131_renewal_awaited_payment
Create Date: 2026-11-27 03:10:00

"""
import sqlalchemy as sa
from alembic import op

from app.platform.db.types import UTCDateTime

revision = '0132_refund_sweep_backoff'
down_revision = '0131_renewal_awaited_payment'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("refunds") as batch:
        batch.add_column(sa.Column("sweep_failures", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("next_sweep_at", UTCDateTime(), nullable=True))


def downgrade():
    with op.batch_alter_table("refunds") as batch:
        batch.drop_column("next_sweep_at")
        batch.drop_column("sweep_failures")
