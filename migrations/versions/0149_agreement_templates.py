"""Agreement templates (issue #56): a channel's agreement per language, with placeholders and versions, and the
exact text each order's shopper accepted. A channel's existing agreement text becomes its English version 1.

Revision ID: 0149_agreement_templates
Revises: 0148_business_lines
Create Date: 2026-11-28 08:00:00
"""

import secrets
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

# What app.platform.db.types.UTCDateTime stores (migrations import no app code).
UTC = sa.DateTime(timezone=True)

revision = "0149_agreement_templates"
down_revision = "0148_business_lines"
branch_labels = None
depends_on = None

_ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"


def upgrade():
    templates = op.create_table(
        "agreement_templates",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("channel_code", sa.String(40), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_by", sa.String(320), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"]),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("merchant_id", "channel_code", "language", "version"),
    )
    op.create_table(
        "order_agreements",
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("channel_code", sa.String(40), nullable=False),
        sa.Column("template_id", sa.String(40), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("accepted_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"]),
        sa.PrimaryKeyConstraint("order_id"),
    )
    rows = (
        op.get_bind()
        .execute(
            sa.text("SELECT merchant_id, code, agreement_text FROM channel_configs WHERE agreement_text IS NOT NULL")
        )
        .all()
    )
    now = datetime.now(timezone.utc)
    made = [
        {
            "id": "agt_" + "".join(secrets.choice(_ALPHABET) for _ in range(26)),
            "merchant_id": merchant_id,
            "channel_code": code,
            "language": "en",
            "version": 1,
            # Braces were plain text before: a literal brace is doubled in a template.
            "body": text.replace("{", "{{").replace("}", "}}"),
            "created_by": None,
            "created_at": now,
        }
        for merchant_id, code, text in rows
        if text and text.strip()
    ]
    if made:
        op.bulk_insert(templates, made)


def downgrade():
    op.drop_table("order_agreements")
    op.drop_table("agreement_templates")
