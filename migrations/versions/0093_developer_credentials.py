"""developer credentials: API key names and last use; webhook endpoints rolled with an overlap, revealed,
and sent test events

Revision ID: 0093_developer_credentials
Revises: 0097_receipt_emails (numbered 0093 when it was written; it follows the migrations merged meanwhile)
Create Date: 2026-11-23 07:20:00

"""
from alembic import op
import sqlalchemy as sa

UTC = sa.DateTime(timezone=True)

revision = '0093_developer_credentials'
down_revision = '0097_receipt_emails'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('api_keys') as batch:
        batch.add_column(sa.Column('name', sa.String(length=100), nullable=True))
        batch.add_column(sa.Column('last_used_at', UTC, nullable=True))
    with op.batch_alter_table('webhook_endpoints') as batch:
        batch.add_column(sa.Column('previous_secret', sa.String(length=100), nullable=True))
        batch.add_column(sa.Column('previous_expires_at', UTC, nullable=True))
        batch.add_column(sa.Column('rolled_at', UTC, nullable=True))
        batch.add_column(sa.Column('revealed_at', UTC, nullable=True))
        batch.add_column(sa.Column('updated_at', UTC, nullable=True))
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('test_webhook', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('events') as batch:
        batch.drop_column('test_webhook')
    with op.batch_alter_table('webhook_endpoints') as batch:
        for column in ('updated_at', 'revealed_at', 'rolled_at', 'previous_expires_at', 'previous_secret'):
            batch.drop_column(column)
    with op.batch_alter_table('api_keys') as batch:
        batch.drop_column('last_used_at')
        batch.drop_column('name')
