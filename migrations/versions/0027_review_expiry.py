"""review expiry: how long an order may wait for the merchant's risk review, and what is decided then

Revision ID: 0027_review_expiry
Revises: 0026_request_context
Create Date: 2026-11-22 17:05:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0027_review_expiry'
down_revision = '0026_request_context'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('review_expiry_hours', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('review_expiry_decision', sa.String(length=8), nullable=False,
                                   server_default='reject'))


def downgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('review_expiry_decision')
        batch.drop_column('review_expiry_hours')
