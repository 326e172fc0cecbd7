"""idempotency resource: the object a request created, noted with its claim so a retry after a crash can answer

Revision ID: 0095_idempotency_resource
Revises: 0094_order_email_search
Create Date: 2026-11-23 08:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0095_idempotency_resource'
down_revision = '0094_order_email_search'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('idempotency_keys') as batch:
        batch.add_column(sa.Column('resource_id', sa.String(length=64), nullable=True))


def downgrade():
    with op.batch_alter_table('idempotency_keys') as batch:
        batch.drop_column('resource_id')
