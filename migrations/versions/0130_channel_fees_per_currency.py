"""channel fees per currency: a merchant's fixed fee and dispute fee per channel are kept per currency

``channel_configs.fee_fixed`` and ``dispute_fee`` were one number of minor units for every currency: 30 was $0.30
on a dollar capture but ¥30 on a yen one and 0.030 KWD on a dinar one, so the books differed from the provider's
statement in every currency but one. They become ``fixed_fees`` and ``dispute_fees``, JSON maps {currency: minor
units}; a currency a map does not name pays the channel's published fixed fee and no dispute fee.

What a merchant upgrading finds: a saved fixed fee or dispute fee is kept for the currencies the channel is limited
to, else for each currency the channel has taken payments in for that merchant, so every amount booked so far is
booked the same way again. A fee saved on a channel that never took a payment and names no currency is dropped (its
currency cannot be known); the portal's channel page shows the rate and takes it again.

Downgrade: one number again, the USD amount if the map has one, else its first.

Revision ID: 0130_channel_fees_per_currency
Revises: 0129_amounts_64_bit
Create Date: 2026-11-26 23:00:00

"""
import json

import sqlalchemy as sa
from alembic import op

revision = '0130_channel_fees_per_currency'
down_revision = '0129_amounts_64_bit'
branch_labels = None
depends_on = None


def _currencies(connection, merchant_id: str, code: str, limited_to: object) -> list[str]:
    named = json.loads(limited_to) if isinstance(limited_to, str) else limited_to
    if named:
        return [c.lower() for c in named]
    return connection.scalars(sa.text(
        "SELECT DISTINCT currency FROM payment_attempts WHERE merchant_id = :merchant AND channel = :code "
        "ORDER BY currency"), {"merchant": merchant_id, "code": code}).all()


def upgrade():
    with op.batch_alter_table('channel_configs') as batch:
        batch.add_column(sa.Column('fixed_fees', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
        batch.add_column(sa.Column('dispute_fees', sa.JSON(), nullable=False, server_default=sa.text("'{}'")))
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, merchant_id, code, currencies, fee_fixed, dispute_fee FROM channel_configs "
        "WHERE fee_fixed IS NOT NULL OR dispute_fee IS NOT NULL")).all()
    for row in rows:
        currencies = _currencies(connection, row.merchant_id, row.code, row.currencies)
        fixed = {c: row.fee_fixed for c in currencies} if row.fee_fixed is not None else {}
        dispute = {c: row.dispute_fee for c in currencies} if row.dispute_fee else {}
        connection.execute(sa.text("UPDATE channel_configs SET fixed_fees = :fixed, dispute_fees = :dispute "
                                   "WHERE id = :id").bindparams(sa.bindparam("fixed", type_=sa.JSON()),
                                                                sa.bindparam("dispute", type_=sa.JSON())),
                           {"fixed": fixed, "dispute": dispute, "id": row.id})
    with op.batch_alter_table('channel_configs') as batch:
        batch.drop_column('fee_fixed')
        batch.drop_column('dispute_fee')


def _one(fees: object) -> int | None:
    fees = json.loads(fees) if isinstance(fees, str) else fees
    if not fees:
        return None
    return fees.get("usd", next(iter(fees.values())))


def downgrade():
    with op.batch_alter_table('channel_configs') as batch:
        batch.add_column(sa.Column('fee_fixed', sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column('dispute_fee', sa.BigInteger(), nullable=True))
    connection = op.get_bind()
    for row in connection.execute(sa.text("SELECT id, fixed_fees, dispute_fees FROM channel_configs")).all():
        connection.execute(sa.text("UPDATE channel_configs SET fee_fixed = :fixed, dispute_fee = :dispute "
                                   "WHERE id = :id"),
                           {"fixed": _one(row.fixed_fees), "dispute": _one(row.dispute_fees), "id": row.id})
    with op.batch_alter_table('channel_configs') as batch:
        batch.drop_column('fixed_fees')
        batch.drop_column('dispute_fees')
