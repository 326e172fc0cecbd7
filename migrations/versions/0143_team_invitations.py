"""Team invitations by email (issue #55, item 7): a one-time link that sets the invitee's password.

Revision ID: 0143_team_invitations
Revises: 0142_saved_payment_methods
Create Date: 2026-11-28 05:00:00
"""

import sqlalchemy as sa
from alembic import op

# What app.platform.db.types.UTCDateTime stores (migrations import no app code).
UTC = sa.DateTime(timezone=True)

revision = "0143_team_invitations"
down_revision = "0142_saved_payment_methods"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "team_invitations",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("token_hash", sa.String(64), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("invited_by", sa.String(320), nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("ended_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_team_invitations")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_team_invitations_merchant_id_merchants")
        ),
        sa.UniqueConstraint("token_hash", name=op.f("uq_team_invitations_token_hash")),
    )
    op.create_index(op.f("ix_team_invitations_merchant_id"), "team_invitations", ["merchant_id"])
    op.create_table(
        "invitation_emails",
        sa.Column("invitation_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("claimed_until", UTC, nullable=True),
        sa.Column("next_attempt_at", UTC, nullable=True),
        sa.Column("message_id", sa.String(200), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("sent_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("invitation_id", name=op.f("pk_invitation_emails")),
        sa.ForeignKeyConstraint(
            ["invitation_id"],
            ["team_invitations.id"],
            name=op.f("fk_invitation_emails_invitation_id_team_invitations"),
        ),
    )
    op.create_index(op.f("ix_invitation_emails_merchant_id"), "invitation_emails", ["merchant_id"])
    op.create_index("ix_invitation_emails_status_next", "invitation_emails", ["status", "next_attempt_at"])


def downgrade():
    op.drop_index("ix_invitation_emails_status_next", table_name="invitation_emails")
    op.drop_index(op.f("ix_invitation_emails_merchant_id"), table_name="invitation_emails")
    op.drop_table("invitation_emails")
    op.drop_index(op.f("ix_team_invitations_merchant_id"), table_name="team_invitations")
    op.drop_table("team_invitations")
