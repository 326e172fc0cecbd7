"""card fingerprints: the provider's fingerprint of the card that paid an attempt, for risk lists

Revision ID: 0029_card_fingerprints
Revises: 0028_merchant_rate_limits
Create Date: 2026-11-22 17:25:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0029_card_fingerprints'
down_revision = '0028_merchant_rate_limits'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('payment_attempts') as batch:
        batch.add_column(sa.Column('card_fingerprint', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('payment_attempts') as batch:
        batch.drop_column('card_fingerprint')
