"""test coupon uses: test orders count coupon uses of their own

A coupon's uses were one count for both modes, so a 1-use LAUNCH coupon redeemed by a test order (the sandbox
charges nothing) was used up for live shoppers. Test orders now count in ``test_times_redeemed`` against the same
limits, and each redemption records its mode (a customer's per-coupon uses are counted per mode). The counts are
rebuilt from the redemptions that still count.

Revision ID: 0112_test_coupon_uses
Revises: 0111_test_stock
Create Date: 2026-11-26 08:50:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0112_test_coupon_uses'
down_revision = '0111_test_stock'
branch_labels = None
depends_on = None


def upgrade():
    # Plain ADD COLUMNs (no table rebuild on SQLite).
    op.add_column('coupon_redemptions', sa.Column('livemode', sa.Boolean(), nullable=False,
                                                  server_default=sa.false()))
    op.execute("UPDATE coupon_redemptions SET livemode = (SELECT o.livemode FROM orders o "
               "WHERE o.id = coupon_redemptions.order_id)")
    op.add_column('coupons', sa.Column('test_times_redeemed', sa.Integer(), nullable=False, server_default='0'))
    for column, livemode in (('times_redeemed', True), ('test_times_redeemed', False)):
        op.execute(sa.text(
            f"UPDATE coupons SET {column} = (SELECT count(*) FROM coupon_redemptions r WHERE r.coupon_id = coupons.id "
            "AND r.status = 'active' AND r.livemode = :livemode)").bindparams(livemode=livemode))
    if op.get_bind().dialect.name == "postgresql":
        # SQLite adds a CHECK only by rebuilding the table; there the one writer at a time and the conditional
        # UPDATEs keep the count within the limit.
        op.create_check_constraint(op.f('ck_coupons_test_redemptions_within_limit'), 'coupons',
                                   'max_redemptions IS NULL OR test_times_redeemed <= max_redemptions')
        op.create_check_constraint(op.f('ck_coupons_test_redemptions_not_negative'), 'coupons',
                                   'test_times_redeemed >= 0')


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.drop_constraint(op.f('ck_coupons_test_redemptions_not_negative'), 'coupons', type_='check')
        op.drop_constraint(op.f('ck_coupons_test_redemptions_within_limit'), 'coupons', type_='check')
    with op.batch_alter_table('coupons') as batch:
        batch.drop_column('test_times_redeemed')
    with op.batch_alter_table('coupon_redemptions') as batch:
        batch.drop_column('livemode')
