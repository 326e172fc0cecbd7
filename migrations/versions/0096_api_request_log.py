"""api request log: every /api/v1 request a merchant's key made, redacted, for the portal's Developers → Logs

Revision ID: 0096_api_request_log
Revises: 0098_checkout_language
Create Date: 2026-11-23 08:00:00

"""
from alembic import op
import sqlalchemy as sa

# What app.platform.db.types.UTCDateTime stores: a timezone-aware timestamp.
UTC = sa.DateTime(timezone=True)

revision = '0096_api_request_log'
down_revision = '0098_checkout_language'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'api_request_logs',
        sa.Column('id', sa.String(length=40), nullable=False),
        sa.Column('merchant_id', sa.String(length=40), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('key_id', sa.String(length=40), nullable=False),
        sa.Column('key_label', sa.String(length=40), nullable=False),
        sa.Column('method', sa.String(length=10), nullable=False),
        sa.Column('path', sa.String(length=2048), nullable=False),
        sa.Column('query', sa.String(length=2048), nullable=True),
        sa.Column('status_code', sa.Integer(), nullable=False),
        sa.Column('duration_ms', sa.BigInteger(), nullable=True),
        sa.Column('request_id', sa.String(length=128), nullable=True),
        sa.Column('ip', sa.String(length=64), nullable=True),
        sa.Column('request_headers', sa.JSON(), nullable=False),
        sa.Column('response_headers', sa.JSON(), nullable=False),
        sa.Column('request_body', sa.Text(), nullable=True),
        sa.Column('response_body', sa.Text(), nullable=True),
        sa.Column('created_at', UTC, nullable=False),
        sa.PrimaryKeyConstraint('id'),
    )
    op.create_index('ix_api_request_logs_merchant_id_id', 'api_request_logs', ['merchant_id', 'id'])
    op.create_index('ix_api_request_logs_created_at', 'api_request_logs', ['created_at'])
    op.create_index('ix_api_request_logs_merchant_request_id', 'api_request_logs', ['merchant_id', 'request_id'])


def downgrade():
    op.drop_index('ix_api_request_logs_merchant_request_id', table_name='api_request_logs')
    op.drop_index('ix_api_request_logs_created_at', table_name='api_request_logs')
    op.drop_index('ix_api_request_logs_merchant_id_id', table_name='api_request_logs')
    op.drop_table('api_request_logs')
