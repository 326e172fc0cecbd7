"""one context: the request id that created an order, caused an event or made a provider exchange

Revision ID: 0026_request_context
Revises: 0025_contract_findings
Create Date: 2026-11-22 16:45:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0026_request_context'
down_revision = '0025_contract_findings'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('events') as batch:
        batch.add_column(sa.Column('request_id', sa.String(length=128), nullable=True))
    with op.batch_alter_table('integration_logs') as batch:
        batch.add_column(sa.Column('request_id', sa.String(length=128), nullable=True))
    with op.batch_alter_table('orders') as batch:
        batch.add_column(sa.Column('request_id', sa.String(length=128), nullable=True))
    op.create_index('ix_events_request_id', 'events', ['request_id'])
    op.create_index('ix_integration_logs_request_id', 'integration_logs', ['request_id'])


def downgrade():
    op.drop_index('ix_integration_logs_request_id', table_name='integration_logs')
    op.drop_index('ix_events_request_id', table_name='events')
    with op.batch_alter_table('orders') as batch:
        batch.drop_column('request_id')
    with op.batch_alter_table('integration_logs') as batch:
        batch.drop_column('request_id')
    with op.batch_alter_table('events') as batch:
        batch.drop_column('request_id')
