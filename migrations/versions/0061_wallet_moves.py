"""the wallet, complete: withdrawals to a payout account, transfers between customers, orders on every wallet posting

Withdrawals and transfers get their tables (a withdrawal is paid out by a ``payouts`` row of purpose
``withdrawal``). Wallet postings written since 0030 without their order (payment tries and cancels, top-ups and
top-up refunds) are given it, so a customer's statement names the order of every movement; the append-only
triggers are lifted for that one backfill and put back, as 0030 did.

Revision ID: 0061_wallet_moves
Revises: 0060_manual_actions
Create Date: 2026-11-24 00:55:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0061_wallet_moves'
down_revision = '0060_manual_actions'
branch_labels = None
depends_on = None

UTC = sa.DateTime(timezone=True)


def upgrade():
    op.create_table(
        'wallet_withdrawals',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('customer_id', sa.String(200), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('destination', sa.String(100), nullable=False),
        sa.Column('payout_id', sa.String(40), nullable=False, unique=True),
        sa.Column('risk', sa.JSON(), nullable=True),
        sa.Column('review', sa.String(10), nullable=True),
        sa.Column('reviewed_by', sa.String(200), nullable=True),
        sa.Column('created_at', UTC, nullable=False),
        sa.CheckConstraint('amount > 0', name='withdrawal_amount_positive'),
    )
    op.create_index('ix_wallet_withdrawals_customer', 'wallet_withdrawals',
                    ['merchant_id', 'livemode', 'customer_id', 'id'])
    op.create_index('ix_wallet_withdrawals_review', 'wallet_withdrawals', ['merchant_id', 'review'])
    op.create_table(
        'wallet_transfers',
        sa.Column('id', sa.String(40), primary_key=True),
        sa.Column('merchant_id', sa.String(40), sa.ForeignKey('merchants.id'), nullable=False),
        sa.Column('livemode', sa.Boolean(), nullable=False),
        sa.Column('from_customer', sa.String(200), nullable=False),
        sa.Column('to_customer', sa.String(200), nullable=False),
        sa.Column('amount', sa.BigInteger(), nullable=False),
        sa.Column('currency', sa.String(3), nullable=False),
        sa.Column('description', sa.String(500), nullable=True),
        sa.Column('created_at', UTC, nullable=False),
        sa.CheckConstraint('amount > 0', name='transfer_amount_positive'),
        sa.CheckConstraint('from_customer <> to_customer', name='transfer_between_two_customers'),
    )
    op.create_index('ix_wallet_transfers_from', 'wallet_transfers', ['merchant_id', 'livemode', 'from_customer', 'id'])
    op.create_index('ix_wallet_transfers_to', 'wallet_transfers', ['merchant_id', 'livemode', 'to_customer', 'id'])
    _backfill_wallet_orders()


def _backfill_wallet_orders():
    bind = op.get_bind()
    postgres = bind.dialect.name == 'postgresql'
    if postgres:
        op.execute("ALTER TABLE postings DISABLE TRIGGER postings_append_only")
    else:
        op.execute("DROP TRIGGER postings_append_only_update")
    by_attempt = "('wallet.try', 'wallet.cancel')"
    op.execute(f"""
        UPDATE postings SET order_id = (
          SELECT a.order_id FROM journal_entries e JOIN payment_attempts a ON a.id = e.reference
          WHERE e.id = postings.entry_id AND e.kind IN {by_attempt})
        WHERE order_id IS NULL AND entry_id IN (SELECT id FROM journal_entries WHERE kind IN {by_attempt})""")
    op.execute("""
        UPDATE postings SET order_id = (SELECT e.reference FROM journal_entries e WHERE e.id = postings.entry_id)
        WHERE order_id IS NULL AND entry_id IN (SELECT id FROM journal_entries WHERE kind = 'wallet.topup')""")
    # A top-up refund's hold is referenced "<refund id>:<provider attempt>".
    refund_id = "split_part(e.reference, ':', 1)" if postgres else "substr(e.reference, 1, instr(e.reference, ':') - 1)"
    by_refund = "('wallet.topup_refund', 'wallet.topup_refund_released')"
    op.execute(f"""
        UPDATE postings SET order_id = (
          SELECT r.order_id FROM journal_entries e JOIN refunds r ON r.id = {refund_id}
          WHERE e.id = postings.entry_id AND e.kind IN {by_refund})
        WHERE order_id IS NULL AND entry_id IN (SELECT id FROM journal_entries WHERE kind IN {by_refund})""")
    if postgres:
        op.execute("ALTER TABLE postings ENABLE TRIGGER postings_append_only")
    else:
        op.execute("CREATE TRIGGER postings_append_only_update BEFORE UPDATE ON postings BEGIN SELECT "
                   "RAISE(ABORT, 'the ledger is append-only: UPDATE on postings refused (post a reversing entry "
                   "instead)'); END")


def downgrade():
    op.drop_table('wallet_transfers')
    op.drop_table('wallet_withdrawals')
