"""webhook endpoint modes: an endpoint is test or live and hears only its mode's events

Endpoints were one set for both modes, so any secret key could manage every endpoint: a leaked test key (test keys
live in CI configs and with contractors) could add an endpoint that then received live events (customer emails,
orders), or disable, delete, re-point or roll the secret of the endpoint a merchant's server hears live
``order.paid`` on. Endpoints now carry ``livemode``, like the key that made them.

What a merchant upgrading finds:

- Every existing endpoint becomes a live endpoint, with its id, url, events, secret and state unchanged: the live
  integration keeps getting every live event, signed as before. Live keys and the portal's live view manage it.
- An endpoint that received test events (a delivery of a real test-mode event; "Send test event" samples do not
  count) also gets a test twin: same url, events, enabled state and secret (with a rolled secret's overlap), so the
  same server keeps getting the test events it got, checked with the same secret. The test-mode deliveries move to
  the twin with their attempts, so each endpoint's history is of its own mode and a pending test delivery finishes
  on the twin. Test keys and the portal's test view manage the twin; changing it never touches the live one.
- Deleted endpoints stay deleted, as live ones, with their history.

Downgrade: endpoints are one set again, so a test endpoint would hear live events; test endpoints are deleted
(kept for their history, as a deletion does) before the column goes.

Revision ID: 0127_webhook_endpoint_modes
Revises: 0125_channel_limits_currency
Create Date: 2026-11-26 19:30:00

"""
from datetime import datetime, timezone

import sqlalchemy as sa
from alembic import op

from app.platform.db.types import UTCDateTime
from app.platform.values.ids import new_id

revision = '0127_webhook_endpoint_modes'
down_revision = '0126_dispute_statement_lines'
branch_labels = None
depends_on = None

_COPIED = "merchant_id, url, events, secret, previous_secret, previous_expires_at, rolled_at, enabled"
_HEARD_TEST = ("SELECT 1 FROM webhook_deliveries d JOIN events v ON v.id = d.event_id "
               "WHERE d.endpoint_id = e.id AND v.livemode = :test AND v.test_webhook = :test")
_TEST_EVENTS = "SELECT id FROM events WHERE livemode = :test AND test_webhook = :test"


def _now() -> sa.BindParameter:
    return sa.bindparam("now", datetime.now(timezone.utc), type_=UTCDateTime())


def upgrade():
    with op.batch_alter_table('webhook_endpoints') as batch:
        batch.add_column(sa.Column('livemode', sa.Boolean(), nullable=False, server_default=sa.false()))
    connection = op.get_bind()
    connection.execute(sa.text("UPDATE webhook_endpoints SET livemode = :live"), {"live": True})
    originals = connection.scalars(sa.text(
        f"SELECT id FROM webhook_endpoints e WHERE deleted_at IS NULL AND EXISTS ({_HEARD_TEST}) ORDER BY id"),
        {"test": False}).all()
    for original in originals:
        twin = new_id("we")
        connection.execute(sa.text(
            f"INSERT INTO webhook_endpoints (id, livemode, created_at, updated_at, {_COPIED}) "
            f"SELECT :twin, :test, :now, :now, {_COPIED} FROM webhook_endpoints WHERE id = :original")
            .bindparams(_now()), {"twin": twin, "test": False, "original": original})
        connection.execute(sa.text(
            f"UPDATE webhook_deliveries SET endpoint_id = :twin WHERE endpoint_id = :original "
            f"AND event_id IN ({_TEST_EVENTS})"), {"twin": twin, "original": original, "test": False})


def downgrade():
    connection = op.get_bind()
    connection.execute(sa.text("UPDATE webhook_endpoints SET deleted_at = :now, enabled = :off "
                               "WHERE livemode = :test AND deleted_at IS NULL").bindparams(_now()),
                       {"off": False, "test": False})
    connection.execute(sa.text(
        "UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL WHERE status = 'pending' AND "
        "endpoint_id IN (SELECT id FROM webhook_endpoints WHERE livemode = :test)"), {"test": False})
    with op.batch_alter_table('webhook_endpoints') as batch:
        batch.drop_column('livemode')
