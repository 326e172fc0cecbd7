"""checkout sessions, customer sources, test and live modes

Adds checkout sessions (the merchant's server vouches for a shopper), how each order's customer was
established (``orders.customer_source``; orders from before this revision count as unverified,
``publishable_key``, so no old order unlocks a wallet) and the session an order was made through, and a
test/live mode on orders, events and entitlements (everything before this revision was test mode: live
keys routed to the sandbox only). Entitlements become unique per mode. Merchants get ``live_checkout``,
the mode of the hosted product page (off: test). Wallet balances need no change: live wallets post to
``live:``-prefixed accounts, test wallets keep the accounts they had.

Revision ID: 0011_checkout_sessions
Revises: 0010_portal
Create Date: 2026-11-23 10:00:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0011_checkout_sessions'
down_revision = '0010_portal'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('checkout_sessions',
    sa.Column('id', sa.String(length=40), nullable=False),
    sa.Column('merchant_id', sa.String(length=40), nullable=False),
    sa.Column('livemode', sa.Boolean(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('customer_id', sa.String(length=200), nullable=False),
    sa.Column('customer_email', sa.String(length=320), nullable=True),
    sa.Column('items', sa.JSON(), nullable=True),
    sa.Column('product_id', sa.String(length=40), nullable=True),
    sa.Column('success_url', sa.String(length=2000), nullable=True),
    sa.Column('cancel_url', sa.String(length=2000), nullable=True),
    sa.Column('metadata', sa.JSON(), nullable=False),
    sa.Column('client_secret', sa.String(length=100), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('order_id', sa.String(length=40), nullable=True),
    sa.Column('completed_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['merchant_id'], ['merchants.id'], name=op.f('fk_checkout_sessions_merchant_id_merchants')),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_checkout_sessions_product_id_products')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkout_sessions'))
    )
    with op.batch_alter_table('checkout_sessions', schema=None) as batch_op:
        batch_op.create_index('ix_checkout_sessions_merchant_id', ['merchant_id', 'id'], unique=False)

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.add_column(sa.Column('livemode', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.add_column(sa.Column('customer_source', sa.String(length=20), server_default='publishable_key',
                                      nullable=False))
        batch_op.add_column(sa.Column('checkout_session_id', sa.String(length=40), nullable=True))
        batch_op.create_index(batch_op.f('ix_orders_checkout_session_id'), ['checkout_session_id'], unique=False)
        batch_op.create_index('ix_orders_merchant_mode_id', ['merchant_id', 'livemode', 'id'], unique=False)

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.add_column(sa.Column('livemode', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('live_checkout', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('entitlement_grants', schema=None) as batch_op:
        batch_op.add_column(sa.Column('livemode', sa.Boolean(), server_default=sa.false(), nullable=False))

    with op.batch_alter_table('entitlements', schema=None) as batch_op:
        batch_op.add_column(sa.Column('livemode', sa.Boolean(), server_default=sa.false(), nullable=False))
        batch_op.drop_constraint('uq_entitlements_merchant_id_customer_id_kind', type_='unique')
        batch_op.create_unique_constraint(batch_op.f('uq_entitlements_merchant_id_customer_id_kind_livemode'),
                                          ['merchant_id', 'customer_id', 'kind', 'livemode'])


def downgrade():
    with op.batch_alter_table('entitlements', schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f('uq_entitlements_merchant_id_customer_id_kind_livemode'), type_='unique')
        batch_op.create_unique_constraint('uq_entitlements_merchant_id_customer_id_kind',
                                          ['merchant_id', 'customer_id', 'kind'])
        batch_op.drop_column('livemode')

    with op.batch_alter_table('entitlement_grants', schema=None) as batch_op:
        batch_op.drop_column('livemode')

    with op.batch_alter_table('merchants', schema=None) as batch_op:
        batch_op.drop_column('live_checkout')

    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_column('livemode')

    with op.batch_alter_table('orders', schema=None) as batch_op:
        batch_op.drop_index('ix_orders_merchant_mode_id')
        batch_op.drop_index(batch_op.f('ix_orders_checkout_session_id'))
        batch_op.drop_column('checkout_session_id')
        batch_op.drop_column('customer_source')
        batch_op.drop_column('livemode')

    with op.batch_alter_table('checkout_sessions', schema=None) as batch_op:
        batch_op.drop_index('ix_checkout_sessions_merchant_id')

    op.drop_table('checkout_sessions')
