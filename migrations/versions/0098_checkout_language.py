"""checkout language: the merchant may fix the language of the shopper-facing checkout (NULL: by the browser)

Revision ID: 0098_checkout_language
Revises: 0093_developer_credentials
Create Date: 2026-11-23 08:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0098_checkout_language'
down_revision = '0093_developer_credentials'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('checkout_language', sa.String(length=8), nullable=True))


def downgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('checkout_language')
