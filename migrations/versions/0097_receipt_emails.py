"""receipt emails: one row per paid order whose receipt goes out by email, so it is sent once

Revision ID: 0097_receipt_emails
Revises: 0095_idempotency_resource
Create Date: 2026-11-23 08:00:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0097_receipt_emails'
down_revision = '0095_idempotency_resource'
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        'receipt_emails',
        sa.Column('order_id', sa.String(40), sa.ForeignKey('orders.id'), primary_key=True),
        sa.Column('merchant_id', sa.String(40), nullable=False),
        sa.Column('recipient', sa.String(320), nullable=False),
        sa.Column('status', sa.String(10), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.String(500)),
        sa.Column('claimed_until', UTC),
        sa.Column('next_attempt_at', UTC),
        sa.Column('message_id', sa.String(200), nullable=False),
        sa.Column('created_at', UTC, nullable=False),
        sa.Column('sent_at', UTC),
    )
    op.create_index('ix_receipt_emails_merchant_id', 'receipt_emails', ['merchant_id'])
    op.create_index('ix_receipt_emails_status_next', 'receipt_emails', ['status', 'next_attempt_at'])


def downgrade():
    op.drop_index('ix_receipt_emails_status_next', table_name='receipt_emails')
    op.drop_index('ix_receipt_emails_merchant_id', table_name='receipt_emails')
    op.drop_table('receipt_emails')
