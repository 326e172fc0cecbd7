"""merchant allowed origins for live publishable keys and the embedded panel

Revision ID: 0008_sdk
Revises: 0007_webhooks
Create Date: 2026-11-21 20:13:34

"""
from alembic import op
import sqlalchemy as sa


revision = '0008_sdk'
down_revision = '0007_webhooks'
branch_labels = None
depends_on = None


def upgrade():
    # Nullable: no list means live keys are refused everywhere until the merchant names its sites.
    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('allowed_origins', sa.JSON(), nullable=True))


def downgrade():
    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.drop_column('allowed_origins')
