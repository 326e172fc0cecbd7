"""channel plugins: per-merchant settings of payment tools, encrypted at rest

Payment tools register by the ``kassa.channels`` entry point; the settings a merchant enters for one
(credentials, options) are stored as a Fernet token per merchant and channel.

Revision ID: 0017_channel_plugins
Revises: 0011_checkout_sessions
Create Date: 2026-11-22 12:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017_channel_plugins'
down_revision = '0011_checkout_sessions'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('channel_credentials',
    sa.Column('id', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('merchant_id', sa.String(length=40), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('ciphertext', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('merchant_id', 'code')
    )


def downgrade():
    op.drop_table('channel_credentials')
