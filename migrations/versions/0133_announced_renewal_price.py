"""announced renewal price: the amount the renewal notice named, which that period's renewal never exceeds

``subscriptions.announced_amount`` is the list price ``subscription.renewal_upcoming`` named for the period in
``announced_period``. A price raised after the notice was charged at once, without notice; now the announced period
is charged no more than it said, and the raise applies from the next period, which its own notice names. Existing
rows start with none (their pending notices keep charging the list price, as before).

Revision ID: 0133_announced_renewal_price
Revises: 0132_refund_sweep_backoff
Create Date: 2026-11-27 05:55:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0133_announced_renewal_price'
down_revision = '0132_refund_sweep_backoff'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("announced_amount", sa.BigInteger(), nullable=True))


def downgrade():
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("announced_amount")
