"""grants taken back: what refunds took back of each entitlement grant

An order refunded in full takes back what it granted (the credits the customer still holds, the membership days
that have not run), so a shopper refunded in full does not keep the coins they bought. Each grant records when and
how much was taken back: the time is the claim that makes taking back happen once (the outbox may run its handler
again), the amounts show on the API's grants.

Revision ID: 0110_grants_taken_back
Revises: 0109_renewal_handler_moved
Create Date: 2026-11-26 08:30:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0110_grants_taken_back'
down_revision = '0109_renewal_handler_moved'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('entitlement_grants') as batch:
        batch.add_column(sa.Column('taken_back_at', sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column('credits_taken_back', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('membership_days_taken_back', sa.Integer(), nullable=False, server_default='0'))


def downgrade():
    with op.batch_alter_table('entitlement_grants') as batch:
        batch.drop_column('membership_days_taken_back')
        batch.drop_column('credits_taken_back')
        batch.drop_column('taken_back_at')
