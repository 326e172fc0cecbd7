"""subscription trial claims: a customer has a product's free trial once

``subscription_trial_claims``: one row per customer (in a merchant and mode) and product whose free trial a signup
took; its unique key lets one of any number of concurrent signups take it. Contracts signed before this revision
need no row: a customer with a signed contract on the product gets no trial anyway (app/signing/trials.py).
``merchants.repeat_trials``: the merchant gives a product's trial again to a customer who has had it (default off).

Revision ID: 0122_subscription_trial_claims
Revises: 0121_disputes
Create Date: 2026-11-26 17:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0122_subscription_trial_claims'
down_revision = '0121_disputes'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        'subscription_trial_claims',
        sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), primary_key=True, autoincrement=True),
        sa.Column('merchant_id', sa.String(length=40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('customer_id', sa.String(length=200), nullable=False),
        sa.Column('product_id', sa.String(length=40), sa.ForeignKey('products.id'), nullable=False),
        sa.Column('subscription_id', sa.String(length=40), nullable=False),
        sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
        sa.UniqueConstraint('merchant_id', 'livemode', 'customer_id', 'product_id',
                            name='uq_subscription_trial_claims_customer_product'),
    )
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('repeat_trials', sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade():
    with op.batch_alter_table('merchants') as batch:
        batch.drop_column('repeat_trials')
    op.drop_table('subscription_trial_claims')
