"""the ledger is append-only in the database itself

Postings and journal entries are never updated or deleted (DESIGN.md §5); until now only the code kept
that promise. Row triggers now refuse UPDATE and DELETE on both tables, on PostgreSQL and SQLite alike,
so neither a bug nor a hand-typed statement can rewrite money history. A correction is a new,
reversing entry. (TRUNCATE, a deliberate whole-table act of a database owner, is not a row change and
stays possible, e.g. for a test database.)

Revision ID: 0019_ledger_append_only
Revises: 0018_switches
Create Date: 2026-11-22 12:45:00

"""
from alembic import op

revision = '0019_ledger_append_only'
down_revision = '0018_switches'
branch_labels = None
depends_on = None

TABLES = ('postings', 'journal_entries')


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("""
            CREATE FUNCTION kassa_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'the ledger is append-only: % on % refused (post a reversing entry instead)',
                TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
            END $$""")
        for table in TABLES:
            op.execute(f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                       f"FOR EACH ROW EXECUTE FUNCTION kassa_ledger_append_only()")
        return
    for table in TABLES:
        for action in ('UPDATE', 'DELETE'):
            op.execute(f"CREATE TRIGGER {table}_append_only_{action.lower()} BEFORE {action} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: {action} on {table} refused "
                       f"(post a reversing entry instead)'); END")


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_append_only ON {table}")
        op.execute("DROP FUNCTION kassa_ledger_append_only()")
        return
    for table in TABLES:
        for action in ('update', 'delete'):
            op.execute(f"DROP TRIGGER {table}_append_only_{action}")
