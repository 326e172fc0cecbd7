"""A business line's own channel settings (issue #56): per line and channel, an override of the merchant's
``enabled`` and ``priority`` (NULL: the merchant's), which routing applies to orders of that line.

Revision ID: 0151_line_channels
Revises: 0150_sub_order_refunds
Create Date: 2026-11-28 10:30:00
"""

import sqlalchemy as sa
from alembic import op

# What app.platform.db.types.UTCDateTime stores (migrations import no app code).
UTC = sa.DateTime(timezone=True)

revision = "0151_line_channels"
down_revision = "0150_sub_order_refunds"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "line_channel_settings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("business_line_id", sa.String(40), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=True),
        sa.Column("updated_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_line_channel_settings"),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name="fk_line_channel_settings_merchant_id_merchants"
        ),
        sa.ForeignKeyConstraint(
            ["business_line_id"],
            ["business_lines.id"],
            name="fk_line_channel_settings_business_line_id_business_lines",
        ),
        sa.UniqueConstraint("business_line_id", "code", name="uq_line_channel_settings_business_line_id_code"),
    )
    op.create_index("ix_line_channel_settings_merchant_id", "line_channel_settings", ["merchant_id"])


def downgrade():
    op.drop_index("ix_line_channel_settings_merchant_id", table_name="line_channel_settings")
    op.drop_table("line_channel_settings")
