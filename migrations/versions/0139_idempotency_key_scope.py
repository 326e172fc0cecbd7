"""Scope idempotency keys by key kind and mode.

A key was unique per merchant alone, so a web page holding the publishable key could claim a key the merchant's
server later used for a refund (a 409 for the server), and a test call could block a live one. A key is now unique
per merchant, key kind (secret, publishable, portal) and mode (test, live).

Rows written before this revision do not record which key claimed them: they become secret-key, test-mode claims.
They expire within 24 hours; until then a live or publishable retry of one of them runs as a new request.

Revision ID: 0139_idempotency_key_scope
Revises: 0138_baseline
Create Date: 2026-11-27 21:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0139_idempotency_key_scope"
down_revision = "0138_baseline"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("idempotency_keys") as batch:
        # The defaults fill the rows already there; new rows always name their scope (app/platform/idempotency.py).
        batch.add_column(sa.Column("key_kind", sa.String(12), nullable=False, server_default="secret"))
        batch.add_column(sa.Column("mode", sa.String(4), nullable=False, server_default="test"))
        batch.drop_constraint("uq_idempotency_keys_merchant_id_key", type_="unique")
        batch.create_unique_constraint(
            "uq_idempotency_keys_merchant_id_key_kind_mode_key", ["merchant_id", "key_kind", "mode", "key"]
        )
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.alter_column("key_kind", server_default=None)
        batch.alter_column("mode", server_default=None)


def downgrade():
    # Keys claimed in several scopes cannot all keep their name under the old constraint: the newest stays.
    op.execute(
        "DELETE FROM idempotency_keys WHERE id NOT IN (SELECT max(id) FROM idempotency_keys GROUP BY merchant_id, key)"
    )
    with op.batch_alter_table("idempotency_keys") as batch:
        batch.drop_constraint("uq_idempotency_keys_merchant_id_key_kind_mode_key", type_="unique")
        batch.create_unique_constraint("uq_idempotency_keys_merchant_id_key", ["merchant_id", "key"])
        batch.drop_column("mode")
        batch.drop_column("key_kind")
