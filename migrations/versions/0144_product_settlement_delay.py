"""Per-product settlement cycles (issue #56): a product's T+N, days after an order completes before its lines'
money may be settled.

Revision ID: 0144_product_settlement_delay
Revises: 0143_team_invitations
Create Date: 2026-11-28 07:30:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0144_product_settlement_delay"
down_revision = "0143_team_invitations"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("products") as batch:
        batch.add_column(sa.Column("settlement_delay_days", sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table("products") as batch:
        batch.drop_column("settlement_delay_days")
