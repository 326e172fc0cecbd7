"""Saved payment methods (issue #53): a vouched-for customer's card kept for one-press purchases.

Revision ID: 0142_saved_payment_methods
Revises: 0141_payout_rail
Create Date: 2026-11-28 04:00:00
"""

import sqlalchemy as sa
from alembic import op

# What app.platform.db.types.UTCDateTime stores (migrations import no app code).
UTC = sa.DateTime(timezone=True)

revision = "0142_saved_payment_methods"
down_revision = "0141_payout_rail"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "saved_payment_methods",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempt_id", sa.String(40), nullable=False),
        sa.Column("provider_reference", sa.String(100), nullable=True),
        sa.Column("brand", sa.String(20), nullable=True),
        sa.Column("last4", sa.String(4), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("removed_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_saved_payment_methods")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_saved_payment_methods_merchant_id_merchants")
        ),
        sa.UniqueConstraint("attempt_id", name=op.f("uq_saved_payment_methods_attempt_id")),
    )
    op.create_index(
        op.f("ix_saved_payment_methods_customer"),
        "saved_payment_methods",
        ["merchant_id", "livemode", "customer_id", "status", "id"],
    )


def downgrade():
    op.drop_index("ix_saved_payment_methods_customer", table_name="saved_payment_methods")
    op.drop_table("saved_payment_methods")
