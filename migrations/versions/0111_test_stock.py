"""test stock: test orders take units from a stock of their own

A SKU's stock was one number for both modes, so an order paid in test mode (through the sandbox, for nothing)
kept live units for good: a developer's trial run, or a stranger with a test publishable key, sold out a limited
edition. Test orders now reserve from ``test_stock``, which the merchant's every stock change sets too (a restock
restocks both); it starts equal to the stock, each mode given back the units that orders of the other mode still
open hold (they give them back to their own column from now on).

Revision ID: 0111_test_stock
Revises: 0110_grants_taken_back
Create Date: 2026-11-26 08:40:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0111_test_stock'
down_revision = '0110_grants_taken_back'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('skus', sa.Column('test_stock', sa.Integer(), nullable=True))
    # Orders still open took their units from the one stock both modes shared, and from now on give them back to
    # their own mode's column: a test order's units go back to test_stock, so they are live units again now (and
    # a live order's are test units again), else each release would move units from one mode to the other for good.
    held = ("COALESCE((SELECT SUM(i.quantity) FROM order_items i JOIN orders o ON o.id = i.order_id "
            "WHERE i.sku_id = skus.id AND o.livemode = :livemode AND o.status IN ('created', 'paying')), 0)")
    op.execute(sa.text(f"UPDATE skus SET test_stock = stock + {held.replace(':livemode', ':live')}, "
                       f"stock = stock + {held.replace(':livemode', ':test')} WHERE stock IS NOT NULL")
               .bindparams(live=True, test=False))
    if op.get_bind().dialect.name == "postgresql":
        # SQLite adds a CHECK only by rebuilding the table; there the one writer at a time and the conditional
        # UPDATEs keep the stock from going below zero.
        op.create_check_constraint(op.f('ck_skus_test_stock_not_negative'), 'skus',
                                   'test_stock IS NULL OR test_stock >= 0')


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f('ck_skus_test_stock_not_negative'), 'skus', type_='check')
    with op.batch_alter_table('skus') as batch:
        batch.drop_column('test_stock')
