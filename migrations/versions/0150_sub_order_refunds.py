"""Sub-orders with a lifecycle (issue #56): what was refunded of a sub-order and of each of its lines, the sub-order a
refund is for, and products' categories (a split strategy of their own).

Revision ID: 0150_sub_order_refunds
Revises: 0149_agreement_templates
Create Date: 2026-11-28 08:10:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0150_sub_order_refunds"
down_revision = "0149_agreement_templates"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("sub_orders") as batch:
        batch.add_column(sa.Column("refunded_amount", sa.BigInteger(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("category", sa.String(80), nullable=True))
    with op.batch_alter_table("order_items") as batch:
        batch.add_column(sa.Column("refunded_amount", sa.BigInteger(), nullable=False, server_default="0"))
    with op.batch_alter_table("refunds") as batch:
        batch.add_column(sa.Column("sub_order_id", sa.String(40), nullable=True))
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("category", sa.String(80), nullable=True))


def downgrade():
    with op.batch_alter_table("products") as batch:
        batch.drop_column("category")
    with op.batch_alter_table("refunds") as batch:
        batch.drop_column("sub_order_id")
    with op.batch_alter_table("order_items") as batch:
        batch.drop_column("refunded_amount")
    with op.batch_alter_table("sub_orders") as batch:
        batch.drop_column("category")
        batch.drop_column("refunded_amount")
