"""Databases from before Kassa 0.1.0: its migrations were folded into one baseline revision
(migrations/versions/0138_baseline.py), so a database the earlier ones made cannot be upgraded. It is refused,
saying what to do, before anything is written: by the migrations (migrations/env.py) and by every process at
start (``create_app``)."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

# The revisions folded into the baseline. A database stamped with one was made by a Kassa before 0.1.0; listed
# because Alembic would otherwise only say it cannot find the revision, as it does for a newer Kassa's database.
FOLDED_REVISIONS = frozenset(
    {
        "0001",
        "0002",
        "0003",
        "0004_lifecycle",
        "0005_wallet",
        "0006_hub",
        "0007_webhooks",
        "0008_sdk",
        "0009_catalog",
        "0010_portal",
        "0011_checkout_sessions",
        "0012_money_core",
        "0017_channel_plugins",
        "0018_switches",
        "0019_ledger_append_only",
        "0020_risk",
        "0021_refund_requests",
        "0021_signing",
        "0024_renewals",
        "0025_contract_findings",
        "0026_request_context",
        "0027_review_expiry",
        "0028_merchant_rate_limits",
        "0029_card_fingerprints",
        "0030_books",
        "0060_manual_actions",
        "0061_wallet_moves",
        "0090_merchant_config_version",
        "0091_reconciliation",
        "0092_refund_risk",
        "0093_developer_credentials",
        "0094_order_email_search",
        "0095_idempotency_resource",
        "0096_api_request_log",
        "0097_receipt_emails",
        "0098_checkout_language",
        "0100_clearing_speed",
        "0101_order_currency",
        "0102_event_payloads",
        "0103_net_share_lines",
        "0104_report_days",
        "0105_posting_checkpoints",
        "0106_attempt_poll_due",
        "0107_renewal_order_index",
        "0108_refund_mandate_indexes",
        "0109_renewal_handler_moved",
        "0110_grants_taken_back",
        "0111_test_stock",
        "0112_test_coupon_uses",
        "0113_discrepancy_kassa_currency",
        "0114_discrepancy_fees",
        "0115_renewal_replaced_mandate",
        "0116_row_ids_64_bit",
        "0117_order_close_reason_codes",
        "0118_subscription_trials",
        "0119_customer_erasures",
        "0120_partner_test_payouts",
        "0121_disputes",
        "0122_subscription_trial_claims",
        "0123_subscription_emails",
        "0124_platform_fee_currency",
        "0125_channel_limits_currency",
        "0126_dispute_statement_lines",
        "0127_webhook_endpoint_modes",
        "0128_risk_per_mode",
        "0129_amounts_64_bit",
        "0130_channel_fees_per_currency",
        "0131_renewal_awaited_payment",
        "0132_refund_sweep_backoff",
        "0133_announced_renewal_price",
        "0134_subscription_cancel_reason",
        "0135_mandate_setups",
        "0136_subscription_email_once",
        "0137_payout_sweep_backoff",
    }
)

# The exit status of a process that refuses to start: gunicorn stops at a worker that exits so while booting,
# instead of starting another one after it.
START_REFUSED = 3


def folded_revision(connection: Connection) -> str | None:
    """The folded revision the database is at, or None (a database at the baseline or later, or not migrated)."""
    if not inspect(connection).has_table("alembic_version"):
        return None
    stamped = connection.scalars(text("SELECT version_num FROM alembic_version")).all()
    return next((revision for revision in stamped if revision in FOLDED_REVISIONS), None)


def refusal(revision: str) -> str:
    """What to do with a database at a folded revision."""
    return (
        f"Kassa refuses this database: a Kassa older than 0.1.0 made it. It is at migration {revision}, one of "
        "those 0.1.0 folded into a single baseline, so it cannot be upgraded; nothing was changed. Start with a "
        "new database: `make clean` deletes the local one in var/ with its data (the next `make run` makes a new "
        "one); a database named by DATABASE_URL must be dropped and created again, empty."
    )


def refuse_a_database_from_before_the_fold(engine: Engine) -> None:
    """At a process's start: on a database at a folded revision, say so and exit with ``START_REFUSED``, since
    this Kassa cannot bring it to the schema it needs. A database that cannot be read now (not there yet, down) is
    let be: the first `flask db upgrade` makes it, the health check reports it."""
    database = engine.url.database
    if engine.dialect.name == "sqlite" and (not database or database == ":memory:" or not Path(database).exists()):
        return  # connecting would create the file
    try:
        with engine.connect() as connection:
            revision = folded_revision(connection)
    except SQLAlchemyError:
        return
    if revision is not None:
        print(refusal(revision), file=sys.stderr)
        engine.dispose()  # close the pooled connection the check opened: nothing else will
        raise SystemExit(START_REFUSED)
