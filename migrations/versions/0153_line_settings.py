"""Settings per business line (issue #56): a line's own auto-confirm window for fulfilled orders and the name its
shoppers see on the checkout and the receipt (NULL: the merchant's).

Revision ID: 0153_line_settings
Revises: 0152_sub_order_lifecycle
Create Date: 2026-11-28 10:40:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0153_line_settings"
down_revision = "0152_sub_order_lifecycle"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("business_lines") as batch:
        batch.add_column(sa.Column("auto_confirm_minutes", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("display_name", sa.String(200), nullable=True))


def downgrade():
    with op.batch_alter_table("business_lines") as batch:
        batch.drop_column("display_name")
        batch.drop_column("auto_confirm_minutes")
