"""Sub-orders with a lifecycle (issue #56): each part of a split order is fulfilled, confirmed, canceled or failed on
its own; its ``state`` records where its own life stands (the order's status follows its parts).

Revision ID: 0152_sub_order_lifecycle
Revises: 0151_line_channels
Create Date: 2026-11-28 10:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0152_sub_order_lifecycle"
down_revision = "0151_line_channels"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sub_orders") as batch:
        batch.add_column(sa.Column("state", sa.String(12), nullable=False, server_default="open"))
        batch.add_column(sa.Column("state_changed_at", sa.DateTime(timezone=True), nullable=True))


def downgrade():
    with op.batch_alter_table("sub_orders") as batch:
        batch.drop_column("state_changed_at")
        batch.drop_column("state")
