"""every posting's entry exists: checked once per statement, not once per row

A clearing batch writes tens of thousands of postings in one statement. The foreign key from postings to
journal_entries checked each of them on its own (a lookup and a row lock per posting: nearly a third of the
insert). Entries are append-only (0019), so the key's other half — refusing to delete an entry that has
postings — was already the trigger's job. On PostgreSQL a statement trigger now looks up the distinct entries a
statement (or a COPY) wrote, once, and refuses the whole statement if one is missing. SQLite never enforced the
key (foreign_keys is off); a row trigger there now refuses a posting whose entry does not exist.

Revision ID: 0100_clearing_speed
Revises: 0102_event_payloads
Create Date: 2026-11-23 11:30:00

"""
from alembic import op

revision = '0100_clearing_speed'
down_revision = '0102_event_payloads'
branch_labels = None
depends_on = None

_REFUSAL = 'a posting names a journal entry that does not exist'


def upgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("ALTER TABLE postings DROP CONSTRAINT fk_postings_entry_id_journal_entries")
        op.execute(f"""
            CREATE FUNCTION kassa_postings_have_entries() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM (SELECT DISTINCT entry_id FROM new_postings) written
                         WHERE NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = written.entry_id)) THEN
                RAISE EXCEPTION '{_REFUSAL}' USING ERRCODE = 'foreign_key_violation';
              END IF;
              RETURN NULL;
            END $$""")
        op.execute("CREATE TRIGGER postings_have_entries AFTER INSERT ON postings "
                   "REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT "
                   "EXECUTE FUNCTION kassa_postings_have_entries()")
        return
    op.execute("CREATE TRIGGER postings_have_entries BEFORE INSERT ON postings "
               "WHEN NOT EXISTS (SELECT 1 FROM journal_entries WHERE id = NEW.entry_id) "
               f"BEGIN SELECT RAISE(ABORT, '{_REFUSAL}'); END")


def downgrade():
    if op.get_bind().dialect.name == 'postgresql':
        op.execute("DROP TRIGGER postings_have_entries ON postings")
        op.execute("DROP FUNCTION kassa_postings_have_entries()")
        op.execute("ALTER TABLE postings ADD CONSTRAINT fk_postings_entry_id_journal_entries "
                   "FOREIGN KEY (entry_id) REFERENCES journal_entries (id)")
        return
    op.execute("DROP TRIGGER postings_have_entries")
