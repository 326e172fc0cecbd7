"""merchant config version: bumped by every change to a merchant's configuration, so each process can keep
that configuration (catalog, channels, risk rules, settings) in memory and know when it is stale

Revision ID: 0090_merchant_config_version
Revises: 0061_wallet_moves
Create Date: 2026-11-23 00:30:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0090_merchant_config_version'
down_revision = '0061_wallet_moves'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('config_version', sa.Integer(), nullable=False, server_default='1'))


def downgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('config_version')
