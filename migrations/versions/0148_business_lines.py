"""Business lines inside a merchant (issue #56): the lines, and the line each money record carries (NULL: the
merchant's default, which is every record of a merchant that defines no line).

Revision ID: 0148_business_lines
Revises: 0147_campaigns
Create Date: 2026-11-28 07:00:00
"""

import sqlalchemy as sa
from alembic import op

# What app.platform.db.types.UTCDateTime stores (migrations import no app code).
UTC = sa.DateTime(timezone=True)

revision = "0148_business_lines"
down_revision = "0147_campaigns"
branch_labels = None
depends_on = None

# The tables whose rows carry a line, filled on write from the order (products and API keys: set by the merchant).
CARRIERS = ("products", "orders", "payment_attempts", "refunds", "subscriptions", "journal_entries", "api_keys")


def upgrade():
    op.create_table(
        "business_lines",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("archived_at", UTC, nullable=True),
        sa.Column("order_timeout_minutes", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_lines")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_business_lines_merchant_id_merchants")
        ),
        sa.UniqueConstraint("merchant_id", "code", name="uq_business_lines_merchant_code"),
    )
    op.create_index(op.f("ix_business_lines_merchant_id"), "business_lines", ["merchant_id"])
    for table in CARRIERS:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("business_line_id", sa.String(40), nullable=True))
    # Orders are listed by line in the API and the portal, newest first like every order list.
    op.create_index("ix_orders_merchant_line_id", "orders", ["merchant_id", "business_line_id", "id"])


def downgrade():
    op.drop_index("ix_orders_merchant_line_id", table_name="orders")
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(CARRIERS):
        if sqlite:
            # SQLite drops a column in place: a batch would copy the table, and the ledger's triggers that name
            # journal_entries (postings_have_entries, append-only) break when it is renamed back.
            op.execute(f"ALTER TABLE {table} DROP COLUMN business_line_id")
            continue
        with op.batch_alter_table(table) as batch:
            batch.drop_column("business_line_id")
    op.drop_index(op.f("ix_business_lines_merchant_id"), table_name="business_lines")
    op.drop_table("business_lines")
