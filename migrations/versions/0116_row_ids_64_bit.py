"""row ids 64-bit: the tables that grow with every order number their rows past 2,147,483,647

Ledger postings, order lines, order and subscription timelines, renewals, entitlement grants, idempotency
records, and the rows kept per customer (entitlements, wallets) were numbered by PostgreSQL ``serial`` columns: a
32-bit integer and a sequence that stops at 2,147,483,647. A shop writing a few postings per paid order reaches
that in months at the rates Kassa is built for, and from then on every payment fails to book. The columns and
their sequences become 64-bit.

SQLite has nothing to change: an INTEGER PRIMARY KEY is its 64-bit rowid.

Changing a column's type rewrites its table under an exclusive lock (about 3.5 s per million postings on a 2-core
machine): on a large install, run this upgrade in a maintenance window (docs/production.md).

Revision ID: 0116_row_ids_64_bit
Revises: 0115_renewal_replaced_mandate
Create Date: 2026-11-26 14:00:00

"""
from alembic import op

revision = '0116_row_ids_64_bit'
down_revision = '0115_renewal_replaced_mandate'
branch_labels = None
depends_on = None

TABLES = ('postings', 'order_items', 'order_timeline', 'subscription_timeline', 'subscription_renewals',
          'entitlement_grants', 'idempotency_keys', 'entitlements', 'wallet_accounts')


def upgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    for table in TABLES:
        op.execute(f"ALTER TABLE {table} ALTER COLUMN id TYPE bigint")
        op.execute(f"ALTER SEQUENCE {table}_id_seq AS bigint")
    op.execute("ALTER TABLE entitlement_grants ALTER COLUMN order_item_id TYPE bigint")


def downgrade():
    if op.get_bind().dialect.name != 'postgresql':
        return
    op.execute("ALTER TABLE entitlement_grants ALTER COLUMN order_item_id TYPE integer")
    for table in TABLES:
        op.execute(f"ALTER SEQUENCE {table}_id_seq AS integer")
        op.execute(f"ALTER TABLE {table} ALTER COLUMN id TYPE integer")
