"""Fulfilment reported back (issue #56): a fulfilment webhook answering 202 leaves the order paid until the
merchant reports the outcome, within a window.

Revision ID: 0145_fulfilment_reports
Revises: 0144_product_settlement_delay
Create Date: 2026-11-28 07:40:00
"""

import sqlalchemy as sa
from alembic import op

# What app.platform.db.types.UTCDateTime stores (migrations import no app code).
UTC = sa.DateTime(timezone=True)

revision = "0145_fulfilment_reports"
down_revision = "0144_product_settlement_delay"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("order_fulfilments") as batch:
        batch.add_column(sa.Column("report_due_at", UTC, nullable=True))
        batch.add_column(sa.Column("reported", sa.String(10), nullable=True))
        batch.add_column(sa.Column("report_reason", sa.String(500), nullable=True))
        batch.add_column(sa.Column("reminders", sa.Integer(), nullable=False, server_default="0"))
    # The chase finds the waiting ones by their due time.
    op.create_index(
        "ix_order_fulfilments_report_due",
        "order_fulfilments",
        ["report_due_at"],
        postgresql_where=sa.text("report_due_at IS NOT NULL AND reported IS NULL AND gave_up_at IS NULL"),
        sqlite_where=sa.text("report_due_at IS NOT NULL AND reported IS NULL AND gave_up_at IS NULL"),
    )


def downgrade():
    op.drop_index("ix_order_fulfilments_report_due", table_name="order_fulfilments")
    with op.batch_alter_table("order_fulfilments") as batch:
        batch.drop_column("reminders")
        batch.drop_column("report_reason")
        batch.drop_column("reported")
        batch.drop_column("report_due_at")
