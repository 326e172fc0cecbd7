"""risk per mode: block/allow/review lists and risk rules belong to test or live

A merchant's lists and rules were one set for both modes, yet any secret key could change them: a leaked test key
(test keys live in CI configs and with contractors) could delete the live block entry that keeps a fraudster out,
allowlist one, or delete the rule that sends live orders to review; and a test run that blocked a test card or
email blocked live shoppers too. Entries and rules now carry ``livemode``, and each mode reads and changes its own.

Every existing entry and rule stays live (they were what live orders were assessed by), keeping its id: audit
entries and velocity counters keyed by a rule's id still name it. Test mode starts with a copy of each, under a
new id of the same age, so a merchant's test runs keep exercising the same lists and rules. The unique value of an
entry is now per mode.

Revision ID: 0128_risk_per_mode
Revises: 0125_channel_limits_currency
Create Date: 2026-11-26 19:40:00

"""
import os

import sqlalchemy as sa
from alembic import op

revision = '0128_risk_per_mode'
down_revision = '0127_webhook_endpoint_modes'
branch_labels = None
depends_on = None

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # app/platform/values/ids.py's digits (a migration imports no app code)
_PAGE = 5000

_ENTRIES = sa.table('risk_list_entries', sa.column('id', sa.String), sa.column('merchant_id', sa.String),
                    sa.column('livemode', sa.Boolean), sa.column('kind', sa.String), sa.column('value', sa.String),
                    sa.column('action', sa.String), sa.column('expires_at', sa.DateTime(timezone=True)),
                    sa.column('note', sa.String), sa.column('is_range', sa.Boolean),
                    sa.column('created_at', sa.DateTime(timezone=True)))
_RULES = sa.table('risk_rules', sa.column('id', sa.String), sa.column('merchant_id', sa.String),
                  sa.column('livemode', sa.Boolean), sa.column('kind', sa.String), sa.column('params', sa.JSON),
                  sa.column('action', sa.String), sa.column('enabled', sa.Boolean),
                  sa.column('created_at', sa.DateTime(timezone=True)))


def _copy_id(live_id: str) -> str:
    """A new id of the same type and time as ``live_id`` (its prefix and 10 time digits, 16 new random ones), so
    the copies page and sort as the originals do."""
    prefix, _, rest = live_id.partition("_")
    return f"{prefix}_{rest[:10]}" + "".join(_ALPHABET[b % 32] for b in os.urandom(16))


def _copy_to_test(table: sa.Table) -> None:
    """Insert a test copy of every live row, a page at a time (a merchant may list hundreds of thousands)."""
    bind, last = op.get_bind(), ""
    while True:
        rows = bind.execute(sa.select(table).where(table.c.livemode.is_(True), table.c.id > last)
                            .order_by(table.c.id).limit(_PAGE)).mappings().all()
        if not rows:
            return
        bind.execute(table.insert(), [{**row, "id": _copy_id(row["id"]), "livemode": False} for row in rows])
        last = rows[-1]["id"]


def upgrade():
    # The copies share their originals' values: the unique value is made per mode before they are written.
    op.drop_index('ix_risk_list_entries_merchant_id', table_name='risk_list_entries')
    op.drop_index('ix_risk_list_entries_ranges', table_name='risk_list_entries')
    op.drop_index('ix_risk_rules_merchant_id', table_name='risk_rules')
    with op.batch_alter_table('risk_list_entries') as batch:
        batch.add_column(sa.Column('livemode', sa.Boolean(), nullable=True))
        batch.drop_constraint('uq_risk_list_entries_value', type_='unique')
    with op.batch_alter_table('risk_rules') as batch:
        batch.add_column(sa.Column('livemode', sa.Boolean(), nullable=True))
    for table in (_ENTRIES, _RULES):
        op.execute(table.update().values(livemode=True))
        _copy_to_test(table)
    with op.batch_alter_table('risk_list_entries') as batch:
        batch.alter_column('livemode', existing_type=sa.Boolean(), nullable=False)
        batch.create_unique_constraint('uq_risk_list_entries_value', ['merchant_id', 'livemode', 'kind', 'value'])
    with op.batch_alter_table('risk_rules') as batch:
        batch.alter_column('livemode', existing_type=sa.Boolean(), nullable=False)
    op.create_index('ix_risk_list_entries_merchant_id', 'risk_list_entries', ['merchant_id', 'livemode', 'id'])
    op.create_index('ix_risk_list_entries_ranges', 'risk_list_entries', ['merchant_id', 'livemode', 'is_range'])
    op.create_index('ix_risk_rules_merchant_id', 'risk_rules', ['merchant_id', 'livemode', 'id'])


def downgrade():
    # One set for both modes again: the live one, as before the split (test-only entries and rules are dropped).
    for table in (_ENTRIES, _RULES):
        op.execute(table.delete().where(table.c.livemode.is_(False)))
    op.drop_index('ix_risk_rules_merchant_id', table_name='risk_rules')
    op.drop_index('ix_risk_list_entries_ranges', table_name='risk_list_entries')
    op.drop_index('ix_risk_list_entries_merchant_id', table_name='risk_list_entries')
    with op.batch_alter_table('risk_list_entries') as batch:
        batch.drop_constraint('uq_risk_list_entries_value', type_='unique')
        batch.create_unique_constraint('uq_risk_list_entries_value', ['merchant_id', 'kind', 'value'])
        batch.drop_column('livemode')
    with op.batch_alter_table('risk_rules') as batch:
        batch.drop_column('livemode')
    op.create_index('ix_risk_list_entries_merchant_id', 'risk_list_entries', ['merchant_id', 'id'])
    op.create_index('ix_risk_list_entries_ranges', 'risk_list_entries', ['merchant_id', 'is_range'])
    op.create_index('ix_risk_rules_merchant_id', 'risk_rules', ['merchant_id', 'id'])
