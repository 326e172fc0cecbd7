"""Stripe Customers Kassa made for its customers.

A subscription paid by card on Stripe saves the card on a Stripe Customer for its renewals; this table keeps which
``cus_…`` stands for which Kassa customer, per merchant and mode (app/payments/channels/adapters/stripe_customers.py).

Revision ID: 0140_stripe_customers
Revises: 0139_idempotency_key_scope
Create Date: 2026-11-28 04:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0140_stripe_customers"
down_revision = "0139_idempotency_key_scope"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "stripe_customers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("customer_id", sa.String(255), nullable=False),
        sa.Column("stripe_customer_id", sa.String(255), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_stripe_customers")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_stripe_customers_merchant_id_merchants")
        ),
        sa.UniqueConstraint(
            "merchant_id",
            "livemode",
            "customer_id",
            name=op.f("uq_stripe_customers_merchant_id_livemode_customer_id"),
        ),
    )


def downgrade():
    op.drop_table("stripe_customers")
