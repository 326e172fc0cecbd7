"""Kassa 0.1.0's schema, the one revision every database starts from.

The 74 revisions written before the first release (0001 to 0137) are folded into this one: it creates exactly the
schema they made, on PostgreSQL and on SQLite, differences between the two included. A database migrated by them
is refused with a message, never half-migrated (app/platform/db/baseline.py). New revisions follow this one.

Revision ID: 0138_baseline
Revises:
Create Date: 2026-11-27 18:00:00
"""

import sqlalchemy as sa
from alembic import op

revision = "0138_baseline"
down_revision = None
branch_labels = None
depends_on = None

# What app.platform.db.types.UTCDateTime stores: a timezone-aware timestamp (migrations import no app code).
UTC = sa.DateTime(timezone=True)
# 64-bit on PostgreSQL; SQLite's INTEGER already is, and only an INTEGER PRIMARY KEY numbers itself there.
INT64 = sa.BigInteger().with_variant(sa.Integer(), "sqlite")

# What the database says of a posting whose journal entry does not exist (_ledger_guards).
NO_ENTRY = "a posting names a journal entry that does not exist"

# The tables in the order they are created (a table after those it refers to); dropped in reverse.
TABLES = (
    "api_request_logs",
    "event_handlings",
    "events",
    "idempotency_keys",
    "integration_logs",
    "journal_entries",
    "ledger_checks",
    "merchants",
    "order_clearings",
    "posting_checkpoints",
    "posting_cut",
    "postings",
    "refund_requests",
    "report_days",
    "report_generations",
    "risk_list_entries",
    "risk_rules",
    "settlement_cursors",
    "switches",
    "wallet_accounts",
    "wallet_barriers",
    "api_keys",
    "audit_entries",
    "channel_configs",
    "channel_credentials",
    "coupons",
    "customer_erasures",
    "entitlements",
    "merchant_logos",
    "merchant_users",
    "orders",
    "partners",
    "payouts",
    "products",
    "reconciliation_runs",
    "settlements",
    "test_clocks",
    "wallet_transfers",
    "wallet_withdrawals",
    "webhook_endpoints",
    "checkout_sessions",
    "coupon_redemptions",
    "manual_actions",
    "order_fulfilments",
    "order_timeline",
    "payment_attempts",
    "product_images",
    "receipt_emails",
    "reconciliation_discrepancies",
    "skus",
    "sub_orders",
    "subscription_trial_claims",
    "webhook_deliveries",
    "disputes",
    "order_items",
    "refunds",
    "sku_prices",
    "subscriptions",
    "webhook_delivery_attempts",
    "contract_findings",
    "entitlement_grants",
    "mandate_setups",
    "subscription_emails",
    "subscription_renewals",
    "subscription_timeline",
)


def upgrade():
    postgres = op.get_bind().dialect.name == "postgresql"
    _create_tables(postgres)
    _ledger_guards(postgres)


def downgrade():
    for table in reversed(TABLES):
        op.drop_table(table)  # its indexes and triggers go with it
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP FUNCTION kassa_postings_have_entries()")
        op.execute("DROP FUNCTION kassa_ledger_append_only()")


def _create_tables(postgres: bool) -> None:
    # The default of the amounts the revisions widened to 64 bits, as they left it: 0 on PostgreSQL, '0' on SQLite.
    widened_zero = sa.text("0") if postgres else "0"
    op.create_table(
        "api_request_logs",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("key_id", sa.String(40), nullable=False),
        sa.Column("key_label", sa.String(40), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("path", sa.String(2048), nullable=False),
        sa.Column("query", sa.String(2048), nullable=True),
        sa.Column("status_code", sa.Integer(), nullable=False),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.Column("ip", sa.String(64), nullable=True),
        sa.Column("request_headers", sa.JSON(), nullable=False),
        sa.Column("response_headers", sa.JSON(), nullable=False),
        sa.Column("request_body", sa.Text(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_request_logs")),
    )
    op.create_index(op.f("ix_api_request_logs_created_at"), "api_request_logs", ["created_at"])
    op.create_index(op.f("ix_api_request_logs_merchant_id_id"), "api_request_logs", ["merchant_id", "id"])
    op.create_index(op.f("ix_api_request_logs_merchant_request_id"), "api_request_logs", ["merchant_id", "request_id"])

    op.create_table(
        "event_handlings",
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("handler", sa.String(200), nullable=False),
        sa.Column("handled_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("event_id", "handler", name=op.f("pk_event_handlings")),
    )

    op.create_table(
        "events",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("type", sa.String(60), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("dispatched_at", UTC, nullable=True),
        sa.Column("dispatch_attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_dispatch_at", UTC, nullable=True),
        sa.Column("order_id", sa.String(40), nullable=True),
        sa.Column("livemode", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.Column("test_webhook", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_index(op.f("ix_events_dispatched_at"), "events", ["dispatched_at"])
    op.create_index(op.f("ix_events_merchant_id"), "events", ["merchant_id"])
    op.create_index(op.f("ix_events_merchant_type"), "events", ["merchant_id", "type"])
    op.create_index(op.f("ix_events_order_id"), "events", ["order_id", "id"])
    op.create_index(op.f("ix_events_request_id"), "events", ["request_id"])

    op.create_table(
        "idempotency_keys",
        sa.Column("id", INT64, nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("key", sa.String(255), nullable=False),
        sa.Column("fingerprint", sa.String(64), nullable=False),
        sa.Column("response_status", sa.Integer(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("resource_id", sa.String(64), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_idempotency_keys")),
        sa.UniqueConstraint("merchant_id", "key", name=op.f("uq_idempotency_keys_merchant_id_key")),
    )
    op.create_index(op.f("ix_idempotency_keys_created_at"), "idempotency_keys", ["created_at"])

    op.create_table(
        "integration_logs",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=True),
        sa.Column("attempt_id", sa.String(40), nullable=True),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("direction", sa.String(10), nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("url", sa.String(2048), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("duration_ms", sa.BigInteger(), nullable=True),
        sa.Column("request_headers", sa.JSON(), nullable=False),
        sa.Column("request_body", sa.Text(), nullable=True),
        sa.Column("response_body", sa.Text(), nullable=True),
        sa.Column("error", sa.String(500), nullable=True),
        sa.Column("verified", sa.Boolean(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_integration_logs")),
    )
    op.create_index(op.f("ix_integration_logs_merchant_attempt"), "integration_logs", ["merchant_id", "attempt_id"])
    op.create_index(op.f("ix_integration_logs_request_id"), "integration_logs", ["request_id"])

    op.create_table(
        "journal_entries",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_journal_entries")),
        sa.UniqueConstraint("kind", "reference", name=op.f("uq_journal_entries_kind_reference")),
    )
    op.create_index(op.f("ix_journal_entries_day"), "journal_entries", ["merchant_id", "kind", "created_at"])
    op.create_index(op.f("ix_journal_entries_merchant_id"), "journal_entries", ["merchant_id"])

    op.create_table(
        "ledger_checks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ran_at", UTC, nullable=False),
        sa.Column("ok", sa.Boolean(), nullable=False),
        sa.Column("entries_checked", sa.BigInteger(), nullable=False),
        sa.Column("orders_checked", sa.BigInteger(), nullable=False),
        sa.Column("findings", sa.JSON(), nullable=False),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_checks")),
    )
    op.create_index(op.f("ix_ledger_checks_ran_at"), "ledger_checks", ["ran_at"])

    op.create_table(
        "merchants",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("order_timeout_minutes", sa.Integer(), nullable=False),
        sa.Column("terms_url", sa.String(1000), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("auto_confirm_minutes", sa.Integer(), server_default="10080", nullable=False),
        sa.Column("fulfilment_secret", sa.String(100), nullable=True),
        sa.Column("allowed_origins", sa.JSON(), nullable=True),
        sa.Column("brand_color", sa.String(7), nullable=True),
        sa.Column("logo_url", sa.String(1000), nullable=True),
        sa.Column("terms_text", sa.Text(), nullable=True),
        sa.Column("live_checkout", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("dunning_retry_days", sa.JSON(), nullable=True),
        sa.Column("dunning_final_action", sa.String(8), server_default="cancel", nullable=False),
        sa.Column("renewal_notice_days", sa.Integer(), server_default="3", nullable=False),
        sa.Column("review_expiry_hours", sa.Integer(), nullable=True),
        sa.Column("review_expiry_decision", sa.String(8), server_default="reject", nullable=False),
        sa.Column("rate_limit_api_per_minute", sa.Integer(), nullable=True),
        sa.Column("rate_limit_order_create_per_minute", sa.Integer(), nullable=True),
        sa.Column("clearing", sa.JSON(), nullable=True),
        sa.Column("platform_fee_bps", sa.Integer(), server_default="0", nullable=False),
        sa.Column("platform_fee_fixed", INT64, server_default=widened_zero, nullable=False),
        sa.Column("split_strategy", sa.String(8), server_default="partner", nullable=False),
        sa.Column("config_version", sa.Integer(), server_default="1", nullable=False),
        sa.Column("checkout_language", sa.String(8), nullable=True),
        sa.Column("repeat_trials", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("subscription_emails", sa.Boolean(), server_default=sa.true(), nullable=False),
        sa.Column("platform_fee_fixed_currency", sa.String(3), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merchants")),
    )

    op.create_table(
        "order_clearings",
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("entry_id", sa.String(40), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("refunded_before", sa.BigInteger(), nullable=False),
        sa.Column("channel_fee", sa.BigInteger(), nullable=False),
        sa.Column("platform_fee", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("cleared_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_order_clearings")),
    )

    op.create_table(
        "posting_checkpoints",
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("account", sa.String(300), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "account", "currency", name=op.f("pk_posting_checkpoints")),
    )

    op.create_table(
        "posting_cut",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("version", sa.BigInteger(), nullable=False),
        sa.Column("through_id", sa.BigInteger(), nullable=False),
        sa.Column("cut_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_posting_cut")),
    )

    op.create_table(
        "postings",
        sa.Column("id", INT64, nullable=False),
        sa.Column("entry_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("account", sa.String(300), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=True),
        sa.Column("partner_id", sa.String(40), nullable=True),
        sa.Column("sku_id", sa.String(40), nullable=True),
        sa.Column("sub_order_id", sa.String(40), nullable=True),
        sa.Column("line_kind", sa.String(20), nullable=True),
        sa.Column("available_at", UTC, nullable=True),
        sa.Column("settlement_id", sa.String(40), nullable=True),
        sa.Column("fee_withheld", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_postings")),
        # PostgreSQL checks a posting's entry once per statement instead, by trigger (_ledger_guards).
        *(
            []
            if postgres
            else [
                sa.ForeignKeyConstraint(
                    ["entry_id"], ["journal_entries.id"], name=op.f("fk_postings_entry_id_journal_entries")
                )
            ]
        ),
    )
    op.create_index(op.f("ix_postings_entry_id"), "postings", ["entry_id"])
    op.create_index(
        op.f("ix_postings_held"),
        "postings",
        ["merchant_id", "available_at"],
        postgresql_include=["account", "currency", "amount", "id"],
        postgresql_where=sa.text("available_at IS NOT NULL"),
        sqlite_where=sa.text("available_at IS NOT NULL"),
    )
    op.create_index(op.f("ix_postings_order"), "postings", ["order_id"])
    op.create_index(
        op.f("ix_postings_settlement"),
        "postings",
        ["settlement_id"],
        postgresql_where=sa.text("settlement_id IS NOT NULL"),
        sqlite_where=sa.text("settlement_id IS NOT NULL"),
    )
    op.create_index(
        op.f("ix_postings_settlement_window"), "postings", ["merchant_id", "account", "currency", "available_at"]
    )

    op.create_table(
        "refund_requests",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("score", sa.Integer(), nullable=False),
        sa.Column("reasons", sa.JSON(), nullable=False),
        sa.Column("refund_id", sa.String(40), nullable=True),
        sa.Column("ip", sa.String(64), nullable=True),
        sa.Column("device", sa.String(200), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refund_requests")),
    )
    op.create_index(
        op.f("ix_refund_requests_merchant_customer"), "refund_requests", ["merchant_id", "customer_id", "created_at"]
    )
    op.create_index(
        op.f("ix_refund_requests_merchant_device"), "refund_requests", ["merchant_id", "device", "created_at"]
    )
    op.create_index(op.f("ix_refund_requests_merchant_ip"), "refund_requests", ["merchant_id", "ip", "created_at"])
    op.create_index(op.f("ix_refund_requests_order_id"), "refund_requests", ["order_id"])

    op.create_table(
        "report_days",
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("kept_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", "livemode", "day", name=op.f("pk_report_days")),
    )

    op.create_table(
        "report_generations",
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("generation", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", name=op.f("pk_report_generations")),
    )

    op.create_table(
        "risk_list_entries",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("value", sa.String(320), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("expires_at", UTC, nullable=True),
        sa.Column("note", sa.String(500), nullable=True),
        sa.Column("is_range", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_list_entries")),
        sa.UniqueConstraint("merchant_id", "livemode", "kind", "value", name=op.f("uq_risk_list_entries_value")),
    )
    op.create_index(op.f("ix_risk_list_entries_merchant_id"), "risk_list_entries", ["merchant_id", "livemode", "id"])
    op.create_index(op.f("ix_risk_list_entries_ranges"), "risk_list_entries", ["merchant_id", "livemode", "is_range"])

    op.create_table(
        "risk_rules",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("action", sa.String(10), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_risk_rules")),
    )
    op.create_index(op.f("ix_risk_rules_merchant_id"), "risk_rules", ["merchant_id", "livemode", "id"])

    op.create_table(
        "settlement_cursors",
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("partner_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("settled_through", UTC, nullable=True),
        sa.PrimaryKeyConstraint(
            "merchant_id", "partner_id", "livemode", "currency", name=op.f("pk_settlement_cursors")
        ),
    )

    op.create_table(
        "switches",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("scope", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("set_by", sa.String(320), nullable=False),
        sa.Column("set_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_switches")),
        sa.UniqueConstraint("scope", "kind", "channel", name=op.f("uq_switches_scope_kind_channel")),
    )

    op.create_table(
        "wallet_accounts",
        sa.Column("id", INT64, nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wallet_accounts")),
        sa.UniqueConstraint(
            "merchant_id", "customer_id", "currency", name=op.f("uq_wallet_accounts_merchant_id_customer_id_currency")
        ),
    )

    op.create_table(
        "wallet_barriers",
        sa.Column("attempt_id", sa.String(40), nullable=False),
        sa.Column("phase", sa.String(8), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("attempt_id", "phase", name=op.f("pk_wallet_barriers")),
    )

    op.create_table(
        "api_keys",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("mode", sa.String(4), nullable=False),
        sa.Column("key_hash", sa.String(64), nullable=False),
        sa.Column("last4", sa.String(4), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("revoked_at", UTC, nullable=True),
        sa.Column("public_value", sa.String(64), nullable=True),
        sa.Column("replaced_by", sa.String(40), nullable=True),
        sa.Column("name", sa.String(100), nullable=True),
        sa.Column("last_used_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_keys")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_api_keys_merchant_id_merchants")),
        sa.UniqueConstraint("key_hash", name=op.f("uq_api_keys_key_hash")),
    )
    op.create_index(op.f("ix_api_keys_merchant_id"), "api_keys", ["merchant_id"])

    op.create_table(
        "audit_entries",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("actor_id", sa.String(40), nullable=False),
        sa.Column("actor_email", sa.String(320), nullable=False),
        sa.Column("actor_role", sa.String(20), nullable=False),
        sa.Column("ip", sa.String(64), nullable=True),
        sa.Column("action", sa.String(60), nullable=False),
        sa.Column("object_type", sa.String(40), nullable=False),
        sa.Column("object_id", sa.String(100), nullable=False),
        sa.Column("before", sa.JSON(), nullable=True),
        sa.Column("after", sa.JSON(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_entries")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_audit_entries_merchant_id_merchants")),
    )
    op.create_index(op.f("ix_audit_entries_merchant_action"), "audit_entries", ["merchant_id", "action"])
    op.create_index(op.f("ix_audit_entries_merchant_id"), "audit_entries", ["merchant_id", "id"])

    op.create_table(
        "channel_configs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(100), nullable=True),
        sa.Column("icon", sa.String(200), nullable=True),
        sa.Column("min_amount", sa.BigInteger(), nullable=True),
        sa.Column("max_amount", sa.BigInteger(), nullable=True),
        sa.Column("currencies", sa.JSON(), server_default="[]", nullable=False),
        sa.Column("agreement_text", sa.Text(), nullable=True),
        sa.Column("fee_bps", sa.Integer(), nullable=True),
        sa.Column("limits_currency", sa.String(3), nullable=True),
        sa.Column("fixed_fees", sa.JSON(), server_default="{}", nullable=False),
        sa.Column("dispute_fees", sa.JSON(), server_default="{}", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_configs")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_channel_configs_merchant_id_merchants")
        ),
        sa.UniqueConstraint("merchant_id", "code", name=op.f("uq_channel_configs_merchant_id_code")),
    )

    op.create_table(
        "channel_credentials",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("code", sa.String(40), nullable=False),
        sa.Column("ciphertext", sa.Text(), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_channel_credentials")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_channel_credentials_merchant_id_merchants")
        ),
        sa.UniqueConstraint("merchant_id", "code", name=op.f("uq_channel_credentials_merchant_id_code")),
    )

    op.create_table(
        "coupons",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("currency", sa.String(3), nullable=True),
        sa.Column("amount_off", INT64, nullable=True),
        sa.Column("percent_bps", sa.Integer(), nullable=True),
        sa.Column("max_discount", INT64, nullable=True),
        sa.Column("min_subtotal", INT64, nullable=True),
        sa.Column("tiers", sa.JSON(), nullable=True),
        sa.Column("product_ids", sa.JSON(), nullable=False),
        sa.Column("sku_ids", sa.JSON(), nullable=False),
        sa.Column("valid_from", UTC, nullable=True),
        sa.Column("valid_until", UTC, nullable=True),
        sa.Column("max_redemptions", sa.Integer(), nullable=True),
        sa.Column("max_per_customer", sa.Integer(), nullable=True),
        sa.Column("times_redeemed", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("test_times_redeemed", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupons")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_coupons_merchant_id_merchants")),
        sa.UniqueConstraint("merchant_id", "code", name=op.f("uq_coupons_merchant_code")),
        sa.CheckConstraint("times_redeemed >= 0", name=op.f("ck_coupons_redemptions_not_negative")),
        sa.CheckConstraint(
            "max_redemptions IS NULL OR times_redeemed <= max_redemptions",
            name=op.f("ck_coupons_redemptions_within_limit"),
        ),
    )
    op.create_index(op.f("ix_coupons_merchant_id"), "coupons", ["merchant_id"])

    op.create_table(
        "customer_erasures",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("erased", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_customer_erasures")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_customer_erasures_merchant_id_merchants")
        ),
    )
    op.create_index(op.f("ix_customer_erasures_merchant_customer"), "customer_erasures", ["merchant_id", "customer_id"])

    op.create_table(
        "entitlements",
        sa.Column("id", INT64, nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("membership_until", UTC, nullable=True),
        sa.Column("credits", sa.Integer(), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("livemode", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entitlements")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_entitlements_merchant_id_merchants")),
        sa.UniqueConstraint(
            "merchant_id",
            "customer_id",
            "kind",
            "livemode",
            name=op.f("uq_entitlements_merchant_id_customer_id_kind_livemode"),
        ),
        sa.CheckConstraint("credits >= 0", name=op.f("ck_entitlements_credits_not_negative")),
    )

    op.create_table(
        "merchant_logos",
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("content_type", sa.String(40), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("merchant_id", name=op.f("pk_merchant_logos")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_merchant_logos_merchant_id_merchants")
        ),
    )

    op.create_table(
        "merchant_users",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("email", sa.String(320), nullable=False),
        sa.Column("password_hash", sa.String(300), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("session_version", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("password_temporary", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merchant_users")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_merchant_users_merchant_id_merchants")
        ),
        sa.UniqueConstraint("email", name=op.f("uq_merchant_users_email")),
    )
    op.create_index(op.f("ix_merchant_users_merchant_id"), "merchant_users", ["merchant_id"])

    op.create_table(
        "orders",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("customer_email", sa.String(320), nullable=True),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("subtotal", INT64, nullable=False),
        sa.Column("discount", INT64, nullable=False),
        sa.Column("total", INT64, nullable=False),
        sa.Column("refunded_amount", INT64, nullable=False),
        sa.Column("client_secret", sa.String(100), nullable=False),
        sa.Column("metadata", sa.JSON(), nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("auto_confirm_at", UTC, nullable=True),
        sa.Column("kind", sa.String(12), server_default="purchase", nullable=False),
        sa.Column("livemode", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("customer_source", sa.String(20), server_default="publishable_key", nullable=False),
        sa.Column("checkout_session_id", sa.String(40), nullable=True),
        sa.Column("risk", sa.JSON(), nullable=True),
        sa.Column("request_id", sa.String(128), nullable=True),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("disputed_amount", INT64, server_default=widened_zero, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_orders")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_orders_merchant_id_merchants")),
        sa.CheckConstraint(
            "total >= 0 AND subtotal >= 0 AND discount >= 0", name=op.f("ck_orders_amounts_not_negative")
        ),
        sa.CheckConstraint(
            "refunded_amount >= 0 AND refunded_amount <= total", name=op.f("ck_orders_refund_within_total")
        ),
    )
    op.create_index(op.f("ix_orders_checkout_session_id"), "orders", ["checkout_session_id"])
    op.create_index(op.f("ix_orders_customer_id"), "orders", ["customer_id"])
    op.create_index(op.f("ix_orders_merchant_created"), "orders", ["merchant_id", "id"])
    op.create_index(op.f("ix_orders_merchant_created_at"), "orders", ["merchant_id", "created_at"])
    op.create_index(op.f("ix_orders_merchant_email"), "orders", ["merchant_id", sa.text("lower(customer_email)")])
    op.create_index(op.f("ix_orders_merchant_mode_id"), "orders", ["merchant_id", "livemode", "id"])
    op.create_index(
        op.f("ix_orders_merchant_mode_status_updated"), "orders", ["merchant_id", "livemode", "status", "updated_at"]
    )
    op.create_index(op.f("ix_orders_status_auto_confirm"), "orders", ["status", "auto_confirm_at"])
    op.create_index(op.f("ix_orders_status_expires"), "orders", ["status", "expires_at"])
    op.create_index(op.f("ix_orders_status_updated"), "orders", ["status", "updated_at", "id"])

    op.create_table(
        "partners",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("payout_account", sa.String(100), nullable=True),
        sa.Column("cycle", sa.String(8), server_default="daily", nullable=False),
        sa.Column("reserve_bps", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("reserve_days", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("status", sa.String(10), server_default="active", nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("test_payout_account", sa.String(100), nullable=True),
        sa.Column("test_reserve_bps", sa.Integer(), server_default="0", nullable=False),
        sa.Column("test_reserve_days", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", "merchant_id", name=op.f("pk_partners")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_partners_merchant_id_merchants")),
    )

    op.create_table(
        "payouts",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("purpose", sa.String(12), server_default="settlement", nullable=False),
        sa.Column("settlement_id", sa.String(40), nullable=True),
        sa.Column("customer_id", sa.String(200), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("destination", sa.String(100), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("try_number", sa.Integer(), nullable=False),
        sa.Column("max_tries", sa.Integer(), nullable=False),
        sa.Column("provider_payout_id", sa.String(100), nullable=True),
        sa.Column("failure_reason", sa.String(500), nullable=True),
        sa.Column("next_try_at", UTC, nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("paid_at", UTC, nullable=True),
        sa.Column("sweep_failures", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payouts")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_payouts_merchant_id_merchants")),
        sa.CheckConstraint("amount > 0", name=op.f("ck_payouts_payout_amount_positive")),
    )
    op.create_index(op.f("ix_payouts_merchant_id"), "payouts", ["merchant_id"])
    op.create_index(op.f("ix_payouts_status_next"), "payouts", ["status", "next_try_at"])
    op.create_index(
        op.f("uq_payouts_settlement"),
        "payouts",
        ["settlement_id"],
        unique=True,
        postgresql_where=sa.text("settlement_id IS NOT NULL"),
        sqlite_where=sa.text("settlement_id IS NOT NULL"),
    )

    op.create_table(
        "products",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("image_path", sa.String(500), nullable=True),
        sa.Column("attributes", sa.JSON(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("clearing", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_products")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_products_merchant_id_merchants")),
    )
    op.create_index(op.f("ix_products_merchant_id"), "products", ["merchant_id"])

    op.create_table(
        "reconciliation_runs",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("lines", sa.BigInteger(), nullable=False),
        sa.Column("matched", sa.BigInteger(), nullable=False),
        sa.Column("missing_in_kassa", sa.Integer(), nullable=False),
        sa.Column("missing_at_provider", sa.Integer(), nullable=False),
        sa.Column("amount_mismatch", sa.Integer(), nullable=False),
        sa.Column("status_mismatch", sa.Integer(), nullable=False),
        sa.Column("duplicate", sa.Integer(), nullable=False),
        sa.Column("auto_resolved", sa.Integer(), nullable=False),
        sa.Column("failure_reason", sa.String(500), nullable=True),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("finished_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliation_runs")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_reconciliation_runs_merchant_id_merchants")
        ),
    )
    op.create_index(op.f("ix_reconciliation_runs_merchant"), "reconciliation_runs", ["merchant_id", "created_at"])

    op.create_table(
        "settlements",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("partner_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("period_start", UTC, nullable=True),
        sa.Column("period_end", UTC, nullable=False),
        sa.Column("gross", sa.BigInteger(), nullable=False),
        sa.Column("fees", sa.BigInteger(), nullable=False),
        sa.Column("refunds", sa.BigInteger(), nullable=False),
        sa.Column("adjustments", sa.BigInteger(), nullable=False),
        sa.Column("reserve_held", sa.BigInteger(), nullable=False),
        sa.Column("net", sa.BigInteger(), nullable=False),
        sa.Column("payout_amount", sa.BigInteger(), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(8), nullable=False),
        sa.Column("entry_id", sa.String(40), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("paid_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlements")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_settlements_merchant_id_merchants")),
        sa.UniqueConstraint(
            "merchant_id",
            "partner_id",
            "livemode",
            "currency",
            "period_end",
            name=op.f("uq_settlements_merchant_id_partner_id_livemode_currency_period_end"),
        ),
        sa.CheckConstraint("payout_amount >= 0", name=op.f("ck_settlements_payout_not_negative")),
    )
    op.create_index(op.f("ix_settlements_merchant_mode"), "settlements", ["merchant_id", "livemode", "id"])

    op.create_table(
        "test_clocks",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("frozen_time", UTC, nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_test_clocks")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_test_clocks_merchant_id_merchants")),
    )
    op.create_index(op.f("ix_test_clocks_merchant_id"), "test_clocks", ["merchant_id", "id"])

    op.create_table(
        "wallet_transfers",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("from_customer", sa.String(200), nullable=False),
        sa.Column("to_customer", sa.String(200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("description", sa.String(500), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wallet_transfers")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_wallet_transfers_merchant_id_merchants")
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_wallet_transfers_transfer_amount_positive")),
        sa.CheckConstraint(
            "from_customer <> to_customer", name=op.f("ck_wallet_transfers_transfer_between_two_customers")
        ),
    )
    op.create_index(
        op.f("ix_wallet_transfers_from"), "wallet_transfers", ["merchant_id", "livemode", "from_customer", "id"]
    )
    op.create_index(
        op.f("ix_wallet_transfers_to"), "wallet_transfers", ["merchant_id", "livemode", "to_customer", "id"]
    )

    op.create_table(
        "wallet_withdrawals",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("destination", sa.String(100), nullable=False),
        sa.Column("payout_id", sa.String(40), nullable=False),
        sa.Column("risk", sa.JSON(), nullable=True),
        sa.Column("review", sa.String(10), nullable=True),
        sa.Column("reviewed_by", sa.String(200), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_wallet_withdrawals")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_wallet_withdrawals_merchant_id_merchants")
        ),
        sa.UniqueConstraint("payout_id", name=op.f("uq_wallet_withdrawals_payout_id")),
        sa.CheckConstraint("amount > 0", name=op.f("ck_wallet_withdrawals_withdrawal_amount_positive")),
    )
    op.create_index(
        op.f("ix_wallet_withdrawals_customer"), "wallet_withdrawals", ["merchant_id", "livemode", "customer_id", "id"]
    )
    op.create_index(op.f("ix_wallet_withdrawals_review"), "wallet_withdrawals", ["merchant_id", "review"])

    op.create_table(
        "webhook_endpoints",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("url", sa.String(2000), nullable=False),
        sa.Column("events", sa.JSON(), nullable=False),
        sa.Column("secret", sa.String(100), nullable=False),
        sa.Column("enabled", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("deleted_at", UTC, nullable=True),
        sa.Column("previous_secret", sa.String(100), nullable=True),
        sa.Column("previous_expires_at", UTC, nullable=True),
        sa.Column("rolled_at", UTC, nullable=True),
        sa.Column("revealed_at", UTC, nullable=True),
        sa.Column("updated_at", UTC, nullable=True),
        sa.Column("livemode", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_endpoints")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_webhook_endpoints_merchant_id_merchants")
        ),
    )
    op.create_index(op.f("ix_webhook_endpoints_merchant_id"), "webhook_endpoints", ["merchant_id"])

    op.create_table(
        "checkout_sessions",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("customer_email", sa.String(320), nullable=True),
        sa.Column("items", sa.JSON(), nullable=True),
        sa.Column("product_id", sa.String(40), nullable=True),
        sa.Column("success_url", sa.String(2000), nullable=True),
        sa.Column("cancel_url", sa.String(2000), nullable=True),
        sa.Column("metadata", sa.JSON(), nullable=False),
        sa.Column("client_secret", sa.String(100), nullable=False),
        sa.Column("expires_at", UTC, nullable=False),
        sa.Column("order_id", sa.String(40), nullable=True),
        sa.Column("completed_at", UTC, nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("currency", sa.String(3), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkout_sessions")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_checkout_sessions_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_checkout_sessions_product_id_products")),
    )
    op.create_index(op.f("ix_checkout_sessions_merchant_id"), "checkout_sessions", ["merchant_id", "id"])

    op.create_table(
        "coupon_redemptions",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("coupon_id", sa.String(40), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("code", sa.String(64), nullable=False),
        sa.Column("description", sa.String(200), nullable=False),
        sa.Column("amount", INT64, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("released_at", UTC, nullable=True),
        sa.Column("livemode", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coupon_redemptions")),
        sa.ForeignKeyConstraint(["coupon_id"], ["coupons.id"], name=op.f("fk_coupon_redemptions_coupon_id_coupons")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_coupon_redemptions_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_coupon_redemptions_order_id_orders")),
        sa.UniqueConstraint("order_id", name=op.f("uq_coupon_redemptions_order")),
    )
    op.create_index(op.f("ix_coupon_redemptions_coupon_customer"), "coupon_redemptions", ["coupon_id", "customer_id"])
    op.create_index(op.f("ix_coupon_redemptions_merchant_id"), "coupon_redemptions", ["merchant_id"])

    op.create_table(
        "manual_actions",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("kind", sa.String(30), nullable=False),
        sa.Column("subject", sa.String(40), server_default="", nullable=False),
        sa.Column("params", sa.JSON(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("idempotency_key", sa.String(64), nullable=False),
        sa.Column("requested_by_id", sa.String(40), nullable=False),
        sa.Column("requested_by_email", sa.String(320), nullable=False),
        sa.Column("requested_by_role", sa.String(20), nullable=False),
        sa.Column("decided_by_id", sa.String(40), nullable=True),
        sa.Column("decided_by_email", sa.String(320), nullable=True),
        sa.Column("decided_at", UTC, nullable=True),
        sa.Column("decision_note", sa.String(500), nullable=True),
        sa.Column("outcome", sa.String(500), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_manual_actions")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_manual_actions_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_manual_actions_order_id_orders")),
        sa.UniqueConstraint("merchant_id", "idempotency_key", name=op.f("uq_manual_actions_idempotency")),
    )
    op.create_index(
        op.f("ix_manual_actions_merchant_status"), "manual_actions", ["merchant_id", "status", "created_at"]
    )
    op.create_index(op.f("ix_manual_actions_order_id"), "manual_actions", ["order_id"])
    op.create_index(
        op.f("uq_manual_actions_one_waiting"),
        "manual_actions",
        ["order_id", "kind", "subject"],
        unique=True,
        postgresql_where=sa.text("status = 'awaiting_approval'"),
        sqlite_where=sa.text("status = 'awaiting_approval'"),
    )

    op.create_table(
        "order_fulfilments",
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("webhook_delivered_at", UTC, nullable=True),
        sa.Column("gave_up_at", UTC, nullable=True),
        sa.Column("updated_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_order_fulfilments")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_order_fulfilments_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_fulfilments_order_id_orders")),
    )

    op.create_table(
        "order_timeline",
        sa.Column("id", INT64, nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("from_status", sa.String(12), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("at", UTC, nullable=False),
        sa.Column("reason_code", sa.String(32), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_timeline")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_timeline_order_id_orders")),
    )
    op.create_index(op.f("ix_order_timeline_order_id"), "order_timeline", ["order_id"])

    op.create_table(
        "payment_attempts",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("amount", INT64, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("provider_reference", sa.String(100), nullable=True),
        sa.Column("next_action", sa.JSON(), nullable=False),
        sa.Column("failure_reason", sa.String(500), nullable=True),
        sa.Column("poll_count", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("check_count", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("next_check_at", UTC, nullable=True),
        sa.Column("card_fingerprint", sa.String(64), nullable=True),
        sa.Column("fee_amount", sa.BigInteger(), server_default=sa.text("0"), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payment_attempts")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_payment_attempts_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_payment_attempts_order_id_orders")),
        sa.UniqueConstraint(
            "channel", "provider_reference", name=op.f("uq_payment_attempts_channel_provider_reference")
        ),
    )
    op.create_index(op.f("ix_payment_attempts_merchant_created"), "payment_attempts", ["merchant_id", "created_at"])
    op.create_index(op.f("ix_payment_attempts_order_id"), "payment_attempts", ["order_id"])
    op.create_index(op.f("ix_payment_attempts_status_created"), "payment_attempts", ["status", "created_at"])
    op.create_index(op.f("ix_payment_attempts_status_next_check"), "payment_attempts", ["status", "next_check_at"])
    op.create_index(
        op.f("uq_payment_attempts_one_active"),
        "payment_attempts",
        ["order_id"],
        unique=True,
        postgresql_where=sa.text("status IN ('pending', 'unknown')"),
        sqlite_where=sa.text("status IN ('pending', 'unknown')"),
    )

    op.create_table(
        "product_images",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("product_id", sa.String(40), nullable=False),
        sa.Column("filename", sa.String(100), nullable=False),
        sa.Column("content_type", sa.String(40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_product_images")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_product_images_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_product_images_product_id_products")),
    )
    op.create_index(op.f("ix_product_images_merchant_id"), "product_images", ["merchant_id"])
    op.create_index(op.f("ix_product_images_product_id"), "product_images", ["product_id"])

    op.create_table(
        "receipt_emails",
        sa.Column("order_id", sa.String(40), nullable=False),
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
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_receipt_emails")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_receipt_emails_order_id_orders")),
    )
    op.create_index(op.f("ix_receipt_emails_merchant_id"), "receipt_emails", ["merchant_id"])
    op.create_index(op.f("ix_receipt_emails_status_next"), "receipt_emails", ["status", "next_attempt_at"])

    op.create_table(
        "reconciliation_discrepancies",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("run_id", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(24), nullable=False),
        sa.Column("line_type", sa.String(20), nullable=False),
        sa.Column("reference", sa.String(255), nullable=False),
        sa.Column("kassa_object", sa.String(40), nullable=True),
        sa.Column("provider_id", sa.String(100), nullable=True),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("kassa_amount", sa.BigInteger(), nullable=True),
        sa.Column("provider_amount", sa.BigInteger(), nullable=True),
        sa.Column("kassa_status", sa.String(16), nullable=True),
        sa.Column("provider_status", sa.String(12), nullable=True),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("resolution", sa.String(20), nullable=True),
        sa.Column("resolution_note", sa.String(500), nullable=True),
        sa.Column("resolved_by", sa.String(60), nullable=True),
        sa.Column("resolved_at", UTC, nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("kassa_currency", sa.String(3), nullable=True),
        sa.Column("kassa_fee", sa.BigInteger(), nullable=True),
        sa.Column("provider_fee", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reconciliation_discrepancies")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_reconciliation_discrepancies_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["reconciliation_runs.id"],
            name=op.f("fk_reconciliation_discrepancies_run_id_reconciliation_runs"),
        ),
        sa.UniqueConstraint(
            "merchant_id", "channel", "day", "kind", "line_type", "reference", name=op.f("uq_discrepancy_once")
        ),
    )
    op.create_index(
        op.f("ix_discrepancies_queue"), "reconciliation_discrepancies", ["merchant_id", "status", "created_at"]
    )
    op.create_index(op.f("ix_reconciliation_discrepancies_run_id"), "reconciliation_discrepancies", ["run_id"])

    op.create_table(
        "skus",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("product_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("price_amount", INT64, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("specs", sa.JSON(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("fulfilment", sa.JSON(), nullable=True),
        sa.Column("purchase_limit", sa.Integer(), nullable=True),
        sa.Column("subscription_interval", sa.String(8), nullable=True),
        sa.Column("subscription_interval_count", sa.Integer(), nullable=True),
        sa.Column("clearing", sa.JSON(), nullable=True),
        sa.Column("test_stock", sa.Integer(), nullable=True),
        sa.Column("subscription_trial_days", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skus")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_skus_merchant_id_merchants")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_skus_product_id_products")),
        sa.CheckConstraint("price_amount >= 0", name=op.f("ck_skus_price_not_negative")),
        sa.CheckConstraint("stock IS NULL OR stock >= 0", name=op.f("ck_skus_stock_not_negative")),
    )
    op.create_index(op.f("ix_skus_merchant_id"), "skus", ["merchant_id"])
    op.create_index(op.f("ix_skus_product_id"), "skus", ["product_id"])

    op.create_table(
        "sub_orders",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("partner_id", sa.String(40), nullable=False),
        sa.Column("product_id", sa.String(40), nullable=True),
        sa.Column("subtotal", INT64, nullable=False),
        sa.Column("discount", INT64, nullable=False),
        sa.Column("total", INT64, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sub_orders")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_sub_orders_order_id_orders")),
    )
    op.create_index(op.f("ix_sub_orders_order_id"), "sub_orders", ["order_id"])

    op.create_table(
        "subscription_trial_claims",
        sa.Column("id", INT64, nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("product_id", sa.String(40), nullable=False),
        sa.Column("subscription_id", sa.String(40), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription_trial_claims")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_subscription_trial_claims_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"], ["products.id"], name=op.f("fk_subscription_trial_claims_product_id_products")
        ),
        sa.UniqueConstraint(
            "merchant_id",
            "livemode",
            "customer_id",
            "product_id",
            name=op.f("uq_subscription_trial_claims_customer_product"),
        ),
    )

    op.create_table(
        "webhook_deliveries",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("endpoint_id", sa.String(40), nullable=False),
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTC, nullable=True),
        sa.Column("first_attempt_at", UTC, nullable=True),
        sa.Column("last_status_code", sa.Integer(), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_webhook_deliveries")),
        sa.ForeignKeyConstraint(
            ["endpoint_id"], ["webhook_endpoints.id"], name=op.f("fk_webhook_deliveries_endpoint_id_webhook_endpoints")
        ),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_webhook_deliveries_event_id_events")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_webhook_deliveries_merchant_id_merchants")
        ),
        sa.UniqueConstraint("endpoint_id", "event_id", name=op.f("uq_webhook_deliveries_endpoint_id_event_id")),
    )
    op.create_index(op.f("ix_webhook_deliveries_due"), "webhook_deliveries", ["status", "next_attempt_at"])
    op.create_index(op.f("ix_webhook_deliveries_event_id"), "webhook_deliveries", ["event_id"])
    op.create_index(op.f("ix_webhook_deliveries_merchant_id"), "webhook_deliveries", ["merchant_id"])

    op.create_table(
        "disputes",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("payment_id", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("provider_dispute_id", sa.String(100), nullable=False),
        sa.Column("amount", INT64, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("reason", sa.String(100), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("evidence_due_by", UTC, nullable=True),
        sa.Column("fee_back", INT64, server_default=widened_zero, nullable=False),
        sa.Column("dispute_fee", INT64, server_default=widened_zero, nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("closed_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_disputes")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_disputes_merchant_id_merchants")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_disputes_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment_attempts.id"], name=op.f("fk_disputes_payment_id_payment_attempts")
        ),
        sa.UniqueConstraint("channel", "provider_dispute_id", name=op.f("uq_disputes_provider")),
        sa.CheckConstraint("amount > 0", name=op.f("ck_disputes_dispute_amount_positive")),
    )
    op.create_index(op.f("ix_disputes_merchant_mode_id"), "disputes", ["merchant_id", "livemode", "id"])
    op.create_index(op.f("ix_disputes_order_id"), "disputes", ["order_id"])

    op.create_table(
        "order_items",
        sa.Column("id", INT64, nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("sku_id", sa.String(40), nullable=False),
        sa.Column("product_id", sa.String(40), nullable=False),
        sa.Column("name", sa.String(400), nullable=False),
        sa.Column("quantity", sa.Integer(), nullable=False),
        sa.Column("unit_amount", INT64, nullable=False),
        sa.Column("amount", INT64, nullable=False),
        sa.Column("net_amount", INT64, nullable=True),
        sa.Column("clearing", sa.JSON(), nullable=True),
        sa.Column("sub_order_id", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_order_items")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_order_items_order_id_orders")),
        sa.ForeignKeyConstraint(["product_id"], ["products.id"], name=op.f("fk_order_items_product_id_products")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_order_items_sku_id_skus")),
    )
    op.create_index(op.f("ix_order_items_order_id"), "order_items", ["order_id"])

    op.create_table(
        "refunds",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("payment_id", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("amount", INT64, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("failure_reason", sa.String(500), nullable=True),
        sa.Column("previous_order_status", sa.String(12), nullable=False),
        sa.Column("provider_attempt", sa.Integer(), nullable=False),
        sa.Column("provider_refund_id", sa.String(100), nullable=True),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("kind", sa.String(20), server_default="order", nullable=False),
        sa.Column("fee_amount", INT64, server_default=sa.text("0"), nullable=False),
        sa.Column("risk", sa.JSON(), nullable=True),
        sa.Column("sweep_failures", sa.Integer(), server_default="0", nullable=False),
        sa.Column("next_sweep_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_refunds")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_refunds_merchant_id_merchants")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_refunds_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["payment_id"], ["payment_attempts.id"], name=op.f("fk_refunds_payment_id_payment_attempts")
        ),
        sa.CheckConstraint("amount > 0", name=op.f("ck_refunds_refund_amount_positive")),
    )
    op.create_index(op.f("ix_refunds_merchant_id"), "refunds", ["merchant_id"])
    op.create_index(op.f("ix_refunds_order_id"), "refunds", ["order_id"])
    op.create_index(op.f("ix_refunds_payment_id"), "refunds", ["payment_id"])
    op.create_index(
        op.f("uq_refunds_one_capture_return"),
        "refunds",
        ["payment_id"],
        unique=True,
        postgresql_where=sa.text("kind = 'capture_return' AND status IN ('pending', 'succeeded')"),
        sqlite_where=sa.text("kind = 'capture_return' AND status IN ('pending', 'succeeded')"),
    )
    op.create_index(
        op.f("uq_refunds_one_pending"),
        "refunds",
        ["order_id"],
        unique=True,
        postgresql_where=sa.text("status = 'pending'"),
        sqlite_where=sa.text("status = 'pending'"),
    )

    op.create_table(
        "sku_prices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("sku_id", sa.String(40), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("amount", INT64, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sku_prices")),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_sku_prices_merchant_id_merchants")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_sku_prices_sku_id_skus")),
        sa.UniqueConstraint("sku_id", "currency", name=op.f("uq_sku_prices_sku_currency")),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_sku_prices_amount_not_negative")),
    )
    op.create_index(op.f("ix_sku_prices_merchant_id"), "sku_prices", ["merchant_id"])
    op.create_index(op.f("ix_sku_prices_sku_id"), "sku_prices", ["sku_id"])

    op.create_table(
        "subscriptions",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("customer_email", sa.String(320), nullable=True),
        sa.Column("customer_source", sa.String(20), nullable=False),
        sa.Column("sku_id", sa.String(40), nullable=False),
        sa.Column("next_sku_id", sa.String(40), nullable=True),
        sa.Column("price_amount", INT64, nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("interval", sa.String(8), nullable=False),
        sa.Column("interval_count", sa.Integer(), nullable=False),
        sa.Column("anchor_at", UTC, nullable=True),
        sa.Column("anchor_period", sa.Integer(), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("current_period_start", UTC, nullable=True),
        sa.Column("current_period_end", UTC, nullable=True),
        sa.Column("next_renewal_at", UTC, nullable=True),
        sa.Column("cancel_at_period_end", sa.Boolean(), nullable=False),
        sa.Column("canceled_at", UTC, nullable=True),
        sa.Column("mandate_channel", sa.String(40), nullable=True),
        sa.Column("mandate_status", sa.String(12), nullable=True),
        sa.Column("mandate_reference", sa.String(200), nullable=True),
        sa.Column("first_order_id", sa.String(40), nullable=False),
        sa.Column("latest_order_id", sa.String(40), nullable=False),
        sa.Column("test_clock_id", sa.String(40), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.Column("announced_period", sa.Integer(), server_default="0", nullable=False),
        sa.Column("trial_days", sa.Integer(), server_default="0", nullable=False),
        sa.Column("announced_amount", sa.BigInteger(), nullable=True),
        sa.Column("cancel_reason", sa.String(20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscriptions")),
        sa.ForeignKeyConstraint(["first_order_id"], ["orders.id"], name=op.f("fk_subscriptions_first_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["latest_order_id"], ["orders.id"], name=op.f("fk_subscriptions_latest_order_id_orders")
        ),
        sa.ForeignKeyConstraint(["merchant_id"], ["merchants.id"], name=op.f("fk_subscriptions_merchant_id_merchants")),
        sa.ForeignKeyConstraint(["next_sku_id"], ["skus.id"], name=op.f("fk_subscriptions_next_sku_id_skus")),
        sa.ForeignKeyConstraint(["sku_id"], ["skus.id"], name=op.f("fk_subscriptions_sku_id_skus")),
        sa.ForeignKeyConstraint(
            ["test_clock_id"], ["test_clocks.id"], name=op.f("fk_subscriptions_test_clock_id_test_clocks")
        ),
        sa.UniqueConstraint("first_order_id", name=op.f("uq_subscriptions_first_order_id")),
    )
    op.create_index(op.f("ix_subscriptions_mandate"), "subscriptions", ["mandate_reference", "mandate_channel"])
    op.create_index(op.f("ix_subscriptions_merchant_customer"), "subscriptions", ["merchant_id", "customer_id"])
    op.create_index(op.f("ix_subscriptions_merchant_mode_id"), "subscriptions", ["merchant_id", "livemode", "id"])
    op.create_index(op.f("ix_subscriptions_status_renewal"), "subscriptions", ["status", "next_renewal_at"])
    op.create_index(op.f("ix_subscriptions_test_clock_id"), "subscriptions", ["test_clock_id"])

    op.create_table(
        "webhook_delivery_attempts",
        sa.Column("delivery_id", sa.String(40), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("status_code", sa.Integer(), nullable=True),
        sa.Column("error", sa.String(500), nullable=True),
        sa.Column("duration_ms", sa.Integer(), nullable=False),
        sa.Column("response_excerpt", sa.String(500), nullable=True),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("delivery_id", "number", name=op.f("pk_webhook_delivery_attempts")),
        sa.ForeignKeyConstraint(
            ["delivery_id"],
            ["webhook_deliveries.id"],
            name=op.f("fk_webhook_delivery_attempts_delivery_id_webhook_deliveries"),
        ),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_webhook_delivery_attempts_merchant_id_merchants")
        ),
    )
    op.create_index(op.f("ix_webhook_delivery_attempts_merchant_id"), "webhook_delivery_attempts", ["merchant_id"])

    op.create_table(
        "contract_findings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("subscription_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("period", sa.Integer(), server_default="0", nullable=False),
        sa.Column("detail", sa.String(500), nullable=False),
        sa.Column("status", sa.String(8), server_default="open", nullable=False),
        sa.Column("found_at", UTC, nullable=False),
        sa.Column("fixed_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contract_findings")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_contract_findings_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"], ["subscriptions.id"], name=op.f("fk_contract_findings_subscription_id_subscriptions")
        ),
        sa.UniqueConstraint("subscription_id", "kind", "period", name=op.f("uq_contract_findings_what")),
    )
    op.create_index(op.f("ix_contract_findings_merchant_status"), "contract_findings", ["merchant_id", "status", "id"])

    op.create_table(
        "entitlement_grants",
        sa.Column("id", INT64, nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("customer_id", sa.String(200), nullable=False),
        sa.Column("order_id", sa.String(40), nullable=False),
        sa.Column("order_item_id", INT64, nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("membership_days", sa.Integer(), nullable=True),
        sa.Column("credits", sa.Integer(), nullable=True),
        sa.Column("membership_until", UTC, nullable=True),
        sa.Column("granted_at", UTC, nullable=False),
        sa.Column("livemode", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.Column("taken_back_at", UTC, nullable=True),
        sa.Column("credits_taken_back", sa.Integer(), server_default="0", nullable=False),
        sa.Column("membership_days_taken_back", sa.Integer(), server_default="0", nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entitlement_grants")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_entitlement_grants_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_entitlement_grants_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["order_item_id"], ["order_items.id"], name=op.f("fk_entitlement_grants_order_item_id_order_items")
        ),
        sa.UniqueConstraint("order_item_id", name=op.f("uq_entitlement_grants_order_item_id")),
    )
    op.create_index(op.f("ix_entitlement_grants_customer_id"), "entitlement_grants", ["customer_id"])
    op.create_index(op.f("ix_entitlement_grants_order_id"), "entitlement_grants", ["order_id"])

    op.create_table(
        "mandate_setups",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("livemode", sa.Boolean(), nullable=False),
        sa.Column("subscription_id", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(40), nullable=False),
        sa.Column("currency", sa.String(3), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("provider_reference", sa.String(200), nullable=True),
        sa.Column("next_action", sa.JSON(), nullable=True),
        sa.Column("mandate_reference", sa.String(200), nullable=True),
        sa.Column("replaced_mandate_channel", sa.String(40), nullable=True),
        sa.Column("replaced_mandate_reference", sa.String(200), nullable=True),
        sa.Column("event_id", sa.String(40), nullable=True),
        sa.Column("failure_reason", sa.String(500), nullable=True),
        sa.Column("next_check_at", UTC, nullable=True),
        sa.Column("released_at", UTC, nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("decided_at", UTC, nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mandate_setups")),
        sa.ForeignKeyConstraint(
            ["merchant_id"], ["merchants.id"], name=op.f("fk_mandate_setups_merchant_id_merchants")
        ),
        sa.ForeignKeyConstraint(
            ["subscription_id"], ["subscriptions.id"], name=op.f("fk_mandate_setups_subscription_id_subscriptions")
        ),
    )
    op.create_index(op.f("ix_mandate_setups_event"), "mandate_setups", ["event_id"], unique=True)
    op.create_index(op.f("ix_mandate_setups_status_check"), "mandate_setups", ["status", "next_check_at"])
    op.create_index(op.f("ix_mandate_setups_subscription"), "mandate_setups", ["subscription_id", "id"])

    op.create_table(
        "subscription_emails",
        sa.Column("id", sa.String(40), nullable=False),
        sa.Column("event_id", sa.String(40), nullable=False),
        sa.Column("subscription_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("recipient", sa.String(320), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("claimed_until", UTC, nullable=True),
        sa.Column("next_attempt_at", UTC, nullable=True),
        sa.Column("message_id", sa.String(200), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("sent_at", UTC, nullable=True),
        sa.Column("once_key", sa.String(200), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription_emails")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_subscription_emails_event_id_events")),
        sa.ForeignKeyConstraint(
            ["subscription_id"], ["subscriptions.id"], name=op.f("fk_subscription_emails_subscription_id_subscriptions")
        ),
        sa.UniqueConstraint("event_id", "recipient", name=op.f("uq_subscription_emails_event_recipient")),
    )
    op.create_index(op.f("ix_subscription_emails_status_next"), "subscription_emails", ["status", "next_attempt_at"])
    op.create_index(op.f("ix_subscription_emails_subscription_id"), "subscription_emails", ["subscription_id"])
    op.create_index(
        op.f("uq_subscription_emails_once"), "subscription_emails", ["subscription_id", "once_key"], unique=True
    )

    op.create_table(
        "subscription_renewals",
        sa.Column("id", INT64, nullable=False),
        sa.Column("subscription_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("period", sa.Integer(), nullable=False),
        sa.Column("period_start", UTC, nullable=False),
        sa.Column("period_end", UTC, nullable=False),
        sa.Column("order_id", sa.String(40), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTC, nullable=True),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("due_at", UTC, nullable=True),
        sa.Column("paid_at", UTC, nullable=True),
        sa.Column("replaced_mandate_channel", sa.String(40), nullable=True),
        sa.Column("replaced_mandate_reference", sa.String(200), nullable=True),
        sa.Column("awaiting_payment_id", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription_renewals")),
        sa.ForeignKeyConstraint(["order_id"], ["orders.id"], name=op.f("fk_subscription_renewals_order_id_orders")),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_subscription_renewals_subscription_id_subscriptions"),
        ),
        sa.UniqueConstraint("subscription_id", "period", name=op.f("uq_subscription_renewals_period")),
    )
    op.create_index(op.f("ix_subscription_renewals_order_id"), "subscription_renewals", ["order_id"])
    op.create_index(
        op.f("ix_subscription_renewals_status_next"), "subscription_renewals", ["status", "next_attempt_at"]
    )

    op.create_table(
        "subscription_timeline",
        sa.Column("id", INT64, nullable=False),
        sa.Column("subscription_id", sa.String(40), nullable=False),
        sa.Column("merchant_id", sa.String(40), nullable=False),
        sa.Column("from_status", sa.String(12), nullable=True),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("reason", sa.String(500), nullable=False),
        sa.Column("actor", sa.String(60), nullable=False),
        sa.Column("at", UTC, nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_subscription_timeline")),
        sa.ForeignKeyConstraint(
            ["subscription_id"],
            ["subscriptions.id"],
            name=op.f("fk_subscription_timeline_subscription_id_subscriptions"),
        ),
    )
    op.create_index(op.f("ix_subscription_timeline_subscription_id"), "subscription_timeline", ["subscription_id"])

    if postgres:
        # The chain added these to tables that existed, which SQLite can do only by rebuilding the table; there the
        # one writer at a time and the conditional UPDATEs keep the test stock and the test redemptions in bounds.
        op.create_check_constraint(
            op.f("ck_skus_test_stock_not_negative"), "skus", "test_stock IS NULL OR test_stock >= 0"
        )
        op.create_check_constraint(
            op.f("ck_coupons_test_redemptions_within_limit"),
            "coupons",
            "max_redemptions IS NULL OR test_times_redeemed <= max_redemptions",
        )
        op.create_check_constraint(
            op.f("ck_coupons_test_redemptions_not_negative"), "coupons", "test_times_redeemed >= 0"
        )


def _ledger_guards(postgres: bool) -> None:
    """The ledger is append-only in the database itself (DESIGN.md §5): row triggers refuse UPDATE and DELETE of
    postings and journal entries, so neither a bug nor a hand-typed statement rewrites money history. Every posting
    names an existing entry: on PostgreSQL checked once per statement (a clearing batch writes tens of thousands of
    postings in one), on SQLite by a row trigger beside the foreign key."""
    if postgres:
        op.execute("""
            CREATE FUNCTION kassa_ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              RAISE EXCEPTION 'the ledger is append-only: % on % refused (post a reversing entry instead)',
                TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
            END $$""")
        for table in ("postings", "journal_entries"):
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                f"FOR EACH ROW EXECUTE FUNCTION kassa_ledger_append_only()"
            )
        op.execute(f"""
            CREATE FUNCTION kassa_postings_have_entries() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF EXISTS (SELECT 1 FROM (SELECT DISTINCT entry_id FROM new_postings) written
                         WHERE NOT EXISTS (SELECT 1 FROM journal_entries e WHERE e.id = written.entry_id)) THEN
                RAISE EXCEPTION '{NO_ENTRY}' USING ERRCODE = 'foreign_key_violation';
              END IF;
              RETURN NULL;
            END $$""")
        op.execute(
            "CREATE TRIGGER postings_have_entries AFTER INSERT ON postings "
            "REFERENCING NEW TABLE AS new_postings FOR EACH STATEMENT "
            "EXECUTE FUNCTION kassa_postings_have_entries()"
        )
        return
    for table in ("postings", "journal_entries"):
        for action in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_append_only_{action.lower()} BEFORE {action} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, 'the ledger is append-only: {action} on {table} refused "
                f"(post a reversing entry instead)'); END"
            )
    op.execute(
        "CREATE TRIGGER postings_have_entries BEFORE INSERT ON postings "
        "WHEN NOT EXISTS (SELECT 1 FROM journal_entries WHERE id = NEW.entry_id) "
        f"BEGIN SELECT RAISE(ABORT, '{NO_ENTRY}'); END"
    )
