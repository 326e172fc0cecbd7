"""subscription cancel reason: why a contract ends with its paid period

``subscriptions.cancel_reason`` says why ``cancel_at_period_end`` is set: ``requested`` (the customer or the
merchant asked; nothing revives it) or ``mandate_revoked`` (the card's authorisation was withdrawn; a new card the
subscriber signs renews it again). Before, nothing told the two apart, so a new card could not be allowed to revive
the one without reviving the other.

Contracts ending now get the reason their timeline shows: a revoked mandate and no cancel asked for is
``mandate_revoked``; any other is ``requested`` (when unsure, a card update does not revive it).

Revision ID: 0134_subscription_cancel_reason
Revises: 0133_announced_renewal_price
Create Date: 2026-11-28 09:00:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0134_subscription_cancel_reason'
down_revision = '0133_announced_renewal_price'
branch_labels = None
depends_on = None

# The timeline reason app/signing/changes.py writes when the customer or the merchant cancels at period end.
_ASKED = "cancels at the end of the current period"


def upgrade():
    with op.batch_alter_table("subscriptions") as batch:
        batch.add_column(sa.Column("cancel_reason", sa.String(length=20), nullable=True))
    subs = sa.table("subscriptions", sa.column("id", sa.String), sa.column("cancel_at_period_end", sa.Boolean),
                    sa.column("mandate_status", sa.String), sa.column("cancel_reason", sa.String))
    timeline = sa.table("subscription_timeline", sa.column("subscription_id", sa.String),
                        sa.column("reason", sa.String))
    asked = sa.exists().where(timeline.c.subscription_id == subs.c.id, timeline.c.reason == _ASKED)
    op.execute(subs.update().where(subs.c.cancel_at_period_end.is_(True)).values(cancel_reason=sa.case(
        (sa.and_(subs.c.mandate_status == "revoked", ~asked), "mandate_revoked"), else_="requested")))


def downgrade():
    with op.batch_alter_table("subscriptions") as batch:
        batch.drop_column("cancel_reason")
