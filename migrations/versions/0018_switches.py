"""degradation switches

Adds ``switches``: one row per switch that is on (maintenance, read-only portal, a channel off), for the
whole platform or one merchant.

Revision ID: 0018_switches
Revises: 0017_channel_plugins
Create Date: 2026-11-22 12:40:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0018_switches'
down_revision = '0017_channel_plugins'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('switches',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('scope', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('channel', sa.String(length=40), nullable=False),
    sa.Column('reason', sa.String(length=500), nullable=False),
    sa.Column('set_by', sa.String(length=320), nullable=False),
    sa.Column('set_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('scope', 'kind', 'channel', name='uq_switches_scope_kind_channel')
    )


def downgrade():
    op.drop_table('switches')
