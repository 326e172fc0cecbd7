"""order language: the language the shopper checked out in, so their receipt email speaks it

Revision ID: 0102_event_payloads
Revises: 0101_order_currency
Create Date: 2026-11-23 11:30:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0102_event_payloads'
down_revision = '0101_order_currency'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('orders') as batch:
        batch.add_column(sa.Column('language', sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('language')
