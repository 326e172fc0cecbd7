"""Campaigns that issue personal coupons, and coupons bound to one customer (issue #56, part B).

Revision ID: 0147_campaigns
Revises: 0146_coupon_products
Create Date: 2026-11-28 07:00:00
"""

import sqlalchemy as sa
from alembic import op

# What app.platform.db.types.UTCDateTime stores (migrations import no app code).
UTC = sa.DateTime(timezone=True)

revision = "0147_campaigns"
down_revision = "0146_coupon_products"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("coupons") as batch:
        batch.add_column(sa.Column("customer_id", sa.String(200), nullable=True))
        batch.add_column(sa.Column("livemode", sa.Boolean(), nullable=True))
    op.create_index("ix_coupons_merchant_customer", "coupons", ["merchant_id", "customer_id"])
    op.create_table(
        "campaigns",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("rule", sa.String(20), nullable=False),
        sa.Column("min_amount", sa.BigInteger(), nullable=True),
        sa.Column("min_amount_currency", sa.String(3), nullable=True),
        sa.Column("template_coupon_id", sa.String(40), nullable=False),
        sa.Column("coupon_valid_days", sa.Integer(), nullable=True),
        sa.Column("starts_at", UTC, nullable=False),
        sa.Column("ends_at", UTC, nullable=True),
        sa.Column("max_issued", sa.Integer(), nullable=True),
        sa.Column("max_discount_total", sa.BigInteger(), nullable=True),
        sa.Column("issued_count", sa.Integer(), nullable=False),
        sa.Column("discount_committed", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("ended_at", UTC, nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaigns")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_campaigns_merchant_id_merchants")),
        sa.ForeignKeyConstraint(
            ["template_coupon_id"], ["coupons.id"], name=op.f("fk_campaigns_template_coupon_id_coupons")
        ),
        sa.CheckConstraint(
            "max_issued IS NULL OR issued_count <= max_issued", name=op.f("ck_campaigns_issued_within_budget")
        ),
        sa.CheckConstraint(
            "max_discount_total IS NULL OR discount_committed <= max_discount_total",
            name=op.f("ck_campaigns_discount_within_budget"),
        ),
        sa.CheckConstraint(
            "issued_count >= 0 AND discount_committed >= 0", name=op.f("ck_campaigns_counters_not_negative")
        ),
    )
    op.create_index(op.f("ix_campaigns_merchant_id"), "campaigns", ["merchant_id"])
    op.create_table(
        "campaign_issuances",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("campaign_id", sa.String(40), nullable=False),
        sa.Column("coupon_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("reason_key", sa.String(250), nullable=False),
        sa.Column("source_id", sa.String(40), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_campaign_issuances")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_campaign_issuances_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(
            ["campaign_id"], ["campaigns.id"], name=op.f("fk_campaign_issuances_campaign_id_campaigns")
        ),
        sa.ForeignKeyConstraint(["coupon_id"], ["coupons.id"], name=op.f("fk_campaign_issuances_coupon_id_coupons")),
        sa.UniqueConstraint("campaign_id", "reason_key", name="uq_campaign_issuances_reason"),
    )
    op.create_index(op.f("ix_campaign_issuances_merchant_id"), "campaign_issuances", ["merchant_id"])


def downgrade():
    op.drop_table("campaign_issuances")
    op.drop_table("campaigns")
    op.drop_index("ix_coupons_merchant_customer", table_name="coupons")
    with op.batch_alter_table("coupons") as batch:
        batch.drop_column("livemode")
        batch.drop_column("customer_id")
