"""report days: the dashboard's figures of settled days, kept so a long range is not aggregated on every view

A kept day counts while its generation is the merchant's current one (report_generations): a late capture of an
attempt given up, or a failed refund sent again, bumps it (app/payments/reports/days.py).

Revision ID: 0104_report_days
Revises: 0103_net_share_lines
Create Date: 2026-11-24 06:00:00

"""
from alembic import op
import sqlalchemy as sa

UTC = sa.DateTime(timezone=True)

revision = '0104_report_days'
down_revision = '0103_net_share_lines'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'report_days',
        sa.Column('merchant_id', sa.String(length=40), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.Column('figures', sa.JSON(), nullable=False),
        sa.Column('kept_at', UTC, nullable=False),
        sa.PrimaryKeyConstraint('merchant_id', 'livemode', 'day', name='pk_report_days'),
    )
    op.create_table(
        'report_generations',
        sa.Column('merchant_id', sa.String(length=40), nullable=False),
        sa.Column('generation', sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint('merchant_id', name='pk_report_generations'),
    )


def downgrade():
    op.drop_table('report_generations')
    op.drop_table('report_days')
