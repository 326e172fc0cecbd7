"""subscription email once: the withdrawn-card email is claimed once per contract and mandate by a unique key

``subscription_emails.once_key`` (unique with ``subscription_id``) names an email said once per contract whatever the
events asking for it: ``mandate_revoked:<mandate>``. Before, the "once per mandate" rule read the earlier emails'
rows, so two outbox runs handling two of the contract's updates at the same instant could both find none and both
send it. Existing withdrawn-card emails get their key (the earliest one per contract and mandate; a repeat sent
before keeps none), so a later update does not send it again.

Revision ID: 0136_subscription_email_once
Revises: 0135_mandate_setups
Create Date: 2026-11-28 14:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0136_subscription_email_once'
down_revision = '0135_mandate_setups'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("subscription_emails") as batch:
        batch.add_column(sa.Column("once_key", sa.String(length=200), nullable=True))
    emails = sa.table("subscription_emails", sa.column("id", sa.String), sa.column("event_id", sa.String),
                      sa.column("subscription_id", sa.String), sa.column("kind", sa.String),
                      sa.column("created_at", sa.DateTime), sa.column("once_key", sa.String))
    events = sa.table("events", sa.column("id", sa.String), sa.column("data", sa.JSON))
    connection = op.get_bind()
    claimed = set()
    for email_id, subscription_id, data in connection.execute(
            sa.select(emails.c.id, emails.c.subscription_id, events.c.data)
            .join(events, events.c.id == emails.c.event_id).where(emails.c.kind == "mandate_revoked")
            .order_by(emails.c.created_at, emails.c.id)):
        mandate = ((data or {}).get("object") or {}).get("mandate") or {}
        key = f"mandate_revoked:{mandate.get('reference')}"
        if (subscription_id, key) not in claimed:
            claimed.add((subscription_id, key))
            connection.execute(emails.update().where(emails.c.id == email_id).values(once_key=key))
    # An index, not a table constraint: SQLite adds it without copying the table.
    op.create_index("uq_subscription_emails_once", "subscription_emails", ["subscription_id", "once_key"], unique=True)


def downgrade():
    op.drop_index("uq_subscription_emails_once", table_name="subscription_emails")
    with op.batch_alter_table("subscription_emails") as batch:
        batch.drop_column("once_key")
