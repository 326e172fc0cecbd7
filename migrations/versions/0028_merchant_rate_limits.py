"""merchant rate limits: a merchant's own per-minute budgets for its secret-key API and browser order creation

Revision ID: 0028_merchant_rate_limits
Revises: 0027_review_expiry
Create Date: 2026-11-22 17:20:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0028_merchant_rate_limits'
down_revision = '0027_review_expiry'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('rate_limit_api_per_minute', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('rate_limit_order_create_per_minute', sa.Integer(), nullable=True))


def downgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('rate_limit_order_create_per_minute')
        batch.drop_column('rate_limit_api_per_minute')
