"""the books: partners, clearing, sub-orders, settlements, payouts and the ledger check

Postings learn which order, partner, SKU and sub-order they belong to, what kind of line they are and from
when they may be settled; existing postings of captures, refunds and wallet payments are given their order
(the append-only triggers are lifted for that one backfill and put back). SKU clearing rules move from
``{partner, ratio_bps}`` to ``{splits: [{partner, share_bps}], hold_days}``.

Revision ID: 0030_books
Revises: 0029_card_fingerprints
Create Date: 2026-11-23 00:30:00

"""
import json

from alembic import op
import sqlalchemy as sa

revision = '0030_books'
down_revision = '0029_card_fingerprints'
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade():
    with op.batch_alter_table('postings') as batch:
        batch.add_column(sa.Column('order_id', sa.String(40), nullable=True))
        batch.add_column(sa.Column('partner_id', sa.String(40), nullable=True))
        batch.add_column(sa.Column('sku_id', sa.String(40), nullable=True))
        batch.add_column(sa.Column('sub_order_id', sa.String(40), nullable=True))
        batch.add_column(sa.Column('line_kind', sa.String(20), nullable=True))
        batch.add_column(sa.Column('available_at', UTC, nullable=True))
        batch.add_column(sa.Column('settlement_id', sa.String(40), nullable=True))
    # The window index serves every balance read the old (merchant, account, currency) one did: one index less
    # to write per posting.
    op.create_index('ix_postings_settlement_window', 'postings',
                    ['merchant_id', 'account', 'currency', 'available_at'])
    op.drop_index('ix_postings_merchant_account', 'postings')
    op.create_index('ix_postings_order', 'postings', ['order_id'])
    op.create_index('ix_postings_settlement', 'postings', ['settlement_id'],
                    postgresql_where=sa.text('settlement_id IS NOT NULL'),
                    sqlite_where=sa.text('settlement_id IS NOT NULL'))
    _backfill_posting_orders()

    with op.batch_alter_table('order_items') as batch:
        batch.add_column(sa.Column('net_amount', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('clearing', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('sub_order_id', sa.String(40), nullable=True))
    op.create_table(
        'sub_orders',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('order_id', sa.String(40), sa.ForeignKey('orders.id'), nullable=False),
        sa.Column('merchant_id', sa.String(40), nullable=False),
        sa.Column('partner_id', sa.String(40), nullable=False),
        sa.Column('product_id', sa.String(40), nullable=True),
        sa.Column('subtotal', sa.Integer(), nullable=False),
        sa.Column('discount', sa.Integer(), nullable=False),
        sa.Column('total', sa.Integer(), nullable=False),
        sa.Column('currency', sa.String(3), nullable=False),
    )
    op.create_index('ix_sub_orders_order_id', 'sub_orders', ['order_id'])
    op.create_index('ix_orders_status_updated', 'orders', ['status', 'updated_at', 'id'])

    with op.batch_alter_table('products') as batch:
        batch.add_column(sa.Column('clearing', sa.JSON(), nullable=True))
    with op.batch_alter_table('merchants') as batch:
        batch.add_column(sa.Column('clearing', sa.JSON(), nullable=True))
        batch.add_column(sa.Column('platform_fee_bps', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('platform_fee_fixed', sa.Integer(), nullable=False, server_default='0'))
        batch.add_column(sa.Column('split_strategy', sa.String(8), nullable=False, server_default='partner'))
    with op.batch_alter_table('channel_configs') as batch:
        batch.add_column(sa.Column('fee_bps', sa.Integer(), nullable=True))
        batch.add_column(sa.Column('fee_fixed', sa.BigInteger(), nullable=True))
    with op.batch_alter_table('payment_attempts') as batch:
        batch.add_column(sa.Column('fee_amount', sa.BigInteger(), nullable=False, server_default=sa.text('0')))
    with op.batch_alter_table('refunds') as batch:
        batch.add_column(sa.Column('fee_amount', sa.Integer(), nullable=False, server_default=sa.text('0')))
    _convert_sku_clearing()

    op.create_table(
        'partners',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), sa.ForeignKey('merchants.id'), primary_key=True),
        sa.Column('name', sa.String(200), nullable=False),
        sa.Column('payout_account', sa.String(100), nullable=True),
        sa.Column('cycle', sa.String(8), nullable=False, server_default='daily'),
        sa.Column('reserve_bps', sa.Integer(), nullable=False, server_default=sa.text('0')),
        sa.Column('reserve_days', sa.Integer(), nullable=False, server_default=sa.text('0')),
        sa.Column('status', sa.String(10), nullable=False, server_default='active'),
        sa.Column('created_at', UTC, nullable=False),
    )
    op.create_table(
        'settlement_cursors',
        sa.Column('merchant_id', sa.String(40), primary_key=True),
        sa.Column('partner_id', sa.String(40), primary_key=True),
        sa.Column('livemode', sa.Boolean(), primary_key=True),
        sa.Column('currency', sa.String(3), primary_key=True),
        sa.Column('settled_through', UTC, nullable=True),
    )
    op.create_table(
        'order_clearings',
        sa.Column('order_id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('entry_id', sa.String(40), nullable=True),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('refunded_before', sa.BigInteger(), nullable=False),
        sa.Column('channel_fee', sa.BigInteger(), nullable=False),
        sa.Column('platform_fee', sa.BigInteger(), nullable=False),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('cleared_at', UTC, nullable=False),
    )
    op.create_index('ix_order_clearings_merchant_id', 'order_clearings', ['merchant_id'])
    op.create_table(
        'settlements',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('partner_id', sa.String(40), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('period_start', UTC, nullable=True),
        sa.Column('period_end', UTC, nullable=False),
        sa.Column('gross', sa.BigInteger(), nullable=False),
        sa.Column('fees', sa.BigInteger(), nullable=False),
        sa.Column('refunds', sa.BigInteger(), nullable=False),
        sa.Column('adjustments', sa.BigInteger(), nullable=False),
        sa.Column('reserve_held', sa.BigInteger(), nullable=False),
        sa.Column('net', sa.BigInteger(), nullable=False),
        sa.Column('payout_amount', sa.BigInteger(), nullable=False),
        sa.Column('line_count', sa.Integer(), nullable=False),
        sa.Column('status', sa.String(8), nullable=False),
        sa.Column('entry_id', sa.String(40), nullable=True),
        sa.Column('created_at', UTC, nullable=False),
        sa.Column('paid_at', UTC, nullable=True),
        sa.UniqueConstraint('merchant_id', 'partner_id', 'livemode', 'currency', 'period_end'),
        sa.CheckConstraint('payout_amount >= 0', name='payout_not_negative'),
    )
    op.create_index('ix_settlements_merchant_mode', 'settlements', ['merchant_id', 'livemode', 'id'])
    op.create_table(
        'payouts',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('purpose', sa.String(12), nullable=False, server_default='settlement'),
        sa.Column('settlement_id', sa.String(40), nullable=True),
        sa.Column('customer_id', sa.String(200), nullable=True),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('destination', sa.String(100), nullable=False),
        sa.Column('channel', sa.String(40), nullable=False),
        sa.Column('status', sa.String(8), nullable=False),
        sa.Column('try_number', sa.Integer(), nullable=False),
        sa.Column('max_tries', sa.Integer(), nullable=False),
        sa.Column('provider_payout_id', sa.String(100), nullable=True),
        sa.Column('failure_reason', sa.String(500), nullable=True),
        sa.Column('next_try_at', UTC, nullable=True),
        sa.Column('created_at', UTC, nullable=False),
        sa.Column('updated_at', UTC, nullable=False),
        sa.Column('paid_at', UTC, nullable=True),
        sa.CheckConstraint('amount > 0', name='payout_amount_positive'),
    )
    op.create_index('ix_payouts_merchant_id', 'payouts', ['merchant_id'])
    op.create_index('ix_payouts_status_next', 'payouts', ['status', 'next_try_at'])
    op.create_index('uq_payouts_settlement', 'payouts', ['settlement_id'], unique=True,
                    postgresql_where=sa.text('settlement_id IS NOT NULL'),
                    sqlite_where=sa.text('settlement_id IS NOT NULL'))
    op.create_table(
        'ledger_checks',
        sa.Column('id', sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column('ran_at', UTC, nullable=False),
        sa.Column('ok', sa.Boolean(), nullable=False),
        sa.Column('entries_checked', sa.BigInteger(), nullable=False),
        sa.Column('orders_checked', sa.BigInteger(), nullable=False),
        sa.Column('findings', sa.JSON(), nullable=False),
        sa.Column('duration_ms', sa.Integer(), nullable=False),
    )
    op.create_index('ix_ledger_checks_ran_at', 'ledger_checks', ['ran_at'])


def _backfill_posting_orders():
    """Name the order on postings written before postings could: captures and card refunds by their
    attempt or refund, wallet phases by their attempt, wallet refunds by their refund."""
    bind = op.get_bind()
    postgres = bind.dialect.name == 'postgresql'
    if postgres:
        op.execute("ALTER TABLE postings DISABLE TRIGGER postings_append_only")
    else:
        op.execute("DROP TRIGGER postings_append_only_update")
    by_attempt = "('payment.capture', 'wallet.try', 'wallet.confirm', 'wallet.cancel')"
    by_refund = "('payment.refund', 'wallet.refund')"
    op.execute(f"""
        UPDATE postings SET order_id = (
          SELECT a.order_id FROM journal_entries e JOIN payment_attempts a ON a.id = e.reference
          WHERE e.id = postings.entry_id AND e.kind IN {by_attempt})
        WHERE order_id IS NULL AND entry_id IN (SELECT id FROM journal_entries WHERE kind IN {by_attempt})""")
    op.execute(f"""
        UPDATE postings SET order_id = (
          SELECT r.order_id FROM journal_entries e JOIN refunds r ON r.id = e.reference
          WHERE e.id = postings.entry_id AND e.kind IN {by_refund})
        WHERE order_id IS NULL AND entry_id IN (SELECT id FROM journal_entries WHERE kind IN {by_refund})""")
    if postgres:
        op.execute("ALTER TABLE postings ENABLE TRIGGER postings_append_only")
    else:
        op.execute("CREATE TRIGGER postings_append_only_update BEFORE UPDATE ON postings BEGIN SELECT "
                   "RAISE(ABORT, 'the ledger is append-only: UPDATE on postings refused (post a reversing entry "
                   "instead)'); END")


def _convert_sku_clearing():
    """``{partner, ratio_bps}`` → ``{splits: [...], hold_days: 0}``: the partner's share and the rest to self."""
    bind = op.get_bind()
    skus = sa.table('skus', sa.column('id', sa.String), sa.column('clearing', sa.JSON))
    for sku_id, clearing in bind.execute(sa.select(skus.c.id, skus.c.clearing).where(skus.c.clearing.isnot(None))):
        rule = clearing if isinstance(clearing, dict) else json.loads(clearing)
        if 'splits' in rule or 'partner' not in rule:
            continue
        share = int(rule.get('ratio_bps', 0))
        splits = [{'partner': rule['partner'], 'share_bps': share}] if share else []
        if share < 10000:
            splits.append({'partner': 'self', 'share_bps': 10000 - share})
        bind.execute(skus.update().where(skus.c.id == sku_id).values(clearing={'splits': splits, 'hold_days': 0}))


def downgrade():
    op.drop_table('ledger_checks')
    op.drop_table('payouts')
    op.drop_table('settlements')
    op.drop_table('order_clearings')
    op.drop_table('settlement_cursors')
    op.drop_table('partners')
    with op.batch_alter_table('refunds') as batch:
        batch.drop_column('fee_amount')
    with op.batch_alter_table('payment_attempts') as batch:
        batch.drop_column('fee_amount')
    with op.batch_alter_table('channel_configs') as batch:
        batch.drop_column('fee_fixed')
        batch.drop_column('fee_bps')
    with op.batch_alter_table('merchants') as batch:
        for column in ('split_strategy', 'platform_fee_fixed', 'platform_fee_bps', 'clearing'):
            batch.drop_column(column)
    with op.batch_alter_table('products') as batch:
        batch.drop_column('clearing')
    op.drop_index('ix_orders_status_updated', 'orders')
    op.drop_table('sub_orders')
    with op.batch_alter_table('order_items') as batch:
        for column in ('sub_order_id', 'clearing', 'net_amount'):
            batch.drop_column(column)
    op.drop_index('ix_postings_settlement', 'postings')
    op.drop_index('ix_postings_order', 'postings')
    op.create_index('ix_postings_merchant_account', 'postings', ['merchant_id', 'account', 'currency'])
    op.drop_index('ix_postings_settlement_window', 'postings')
    with op.batch_alter_table('postings') as batch:
        for column in ('settlement_id', 'available_at', 'line_kind', 'sub_order_id', 'sku_id', 'partner_id',
                       'order_id'):
            batch.drop_column(column)
