"""Coupons as a product (issue #56, part A): coupons limited to payment channels, automatic (code-less)
promotions, and a duration for subscriptions (once, repeating for N renewals, forever) that the contract keeps.

Revision ID: 0146_coupon_products
Revises: 0145_fulfilment_reports
Create Date: 2026-11-28 07:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0146_coupon_products"
down_revision = "0145_fulfilment_reports"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("coupons") as batch:
        batch.add_column(sa.Column("channels", sa.JSON(), nullable=False, server_default="[]"))
        batch.add_column(sa.Column("automatic", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("duration", sa.String(10), nullable=False, server_default="once"))
        batch.add_column(sa.Column("duration_in_periods", sa.Integer(), nullable=True))
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("coupon_id", sa.String(40), nullable=True))
        batch.add_column(sa.Column("coupon_periods", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("coupon_periods")
        batch.drop_column("coupon_id")
    with op.batch_alter_table("coupons") as batch:
        batch.drop_column("duration_in_periods")
        batch.drop_column("duration")
        batch.drop_column("automatic")
        batch.drop_column("channels")
