"""subscription emails: what Kassa tells a subscriber (a renewal payment failed, a trial ends, canceled)

``subscription_emails``: one row per email, unique per (event, recipient), claimed and retried like
``receipt_emails``. ``merchants.subscription_emails``: the merchant lets Kassa send them (default on).

Revision ID: 0123_subscription_emails
Revises: 0122_subscription_trial_claims
Create Date: 2026-11-26 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0123_subscription_emails'
down_revision = '0122_subscription_trial_claims'
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        'subscription_emails',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('event_id', sa.String(40), sa.ForeignKey('events.id'), nullable=False),
        sa.Column('subscription_id', sa.String(40), sa.ForeignKey('subscriptions.id'), nullable=False),
        sa.Column('merchant_id', sa.String(40), nullable=False),
        sa.Column('kind', sa.String(20), nullable=False),
        sa.Column('recipient', sa.String(320), nullable=False),
        sa.Column('status', sa.String(10), nullable=False),
        sa.Column('attempts', sa.Integer(), nullable=False),
        sa.Column('last_error', sa.String(500)),
        sa.Column('claimed_until', UTC),
        sa.Column('next_attempt_at', UTC),
        sa.Column('message_id', sa.String(200), nullable=False),
        sa.Column('created_at', UTC, nullable=False),
        sa.Column('sent_at', UTC),
        sa.UniqueConstraint('event_id', 'recipient', name='uq_subscription_emails_event_recipient'),
    )
    op.create_index('ix_subscription_emails_subscription_id', 'subscription_emails', ['subscription_id'])
    op.create_index('ix_subscription_emails_status_next', 'subscription_emails', ['status', 'next_attempt_at'])
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('subscription_emails', sa.Boolean(), nullable=False, server_default=sa.true()))


def downgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('subscription_emails')
    op.drop_index('ix_subscription_emails_status_next', table_name='subscription_emails')
    op.drop_index('ix_subscription_emails_subscription_id', table_name='subscription_emails')
    op.drop_table('subscription_emails')
