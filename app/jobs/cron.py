"""Periodic jobs for ``rq cron app/jobs/cron.py``: each sweep is idempotent, so overlap is harmless."""

from rq import cron

from app.backups.schedule import BACKUP_JOB_SECONDS
from app.config import load_config
from app.jobs import (
    advance_balance_checkpoint,
    backup_when_due,
    chase_unreported_fulfilments,
    check_ledger,
    check_mandate_setups,
    clear_completed_orders,
    close_expired_orders,
    confirm_due_orders,
    dispatch_events,
    expire_reviews,
    keep_dashboard_days,
    poll_pending_payments,
    queue_due_invitation_emails,
    queue_due_receipts,
    queue_due_subscription_emails,
    reap_api_request_logs,
    reap_idempotency_keys,
    reap_integration_logs,
    reconcile_contracts,
    reconcile_statements,
    renew_subscriptions,
    resolve_unknown_attempts,
    resume_pending_refunds,
    retry_due_webhooks,
    send_payouts,
    settle_due,
)
from app.platform.queueing import BATCH, PAYMENTS, queue_name

_CONFIG = load_config()
# Each sweep names its queue: PAYMENTS for what a payment or an order waits on, BATCH for the rest
# (app/platform/queueing.py), so a backup or a day's reconciliation never holds up a status poll.
_PAYMENTS, _BATCH = queue_name(PAYMENTS, _CONFIG), queue_name(BATCH, _CONFIG)

cron.register(close_expired_orders, queue_name=_PAYMENTS, interval=30)
# Pending payments whose callback has not come: each is due POLL_AFTER_SECONDS after it started or was last
# asked about, so it is asked at most 10 s late.
cron.register(poll_pending_payments, queue_name=_PAYMENTS, interval=10)
# Each unknown attempt keeps its own back-off (5 min, 1 h, daily); the sweep only finds the due ones.
cron.register(resolve_unknown_attempts, queue_name=_PAYMENTS, interval=60)
cron.register(reap_idempotency_keys, queue_name=_BATCH, interval=3600)
# The API request log keeps API_REQUEST_LOG_RETENTION_DAYS; deleting in batches hourly keeps each delete small.
cron.register(reap_api_request_logs, queue_name=_BATCH, interval=3600)
# Provider exchanges keep INTEGRATION_LOG_RETENTION_DAYS (180), in hourly batches as the request log.
cron.register(reap_integration_logs, queue_name=_BATCH, interval=3600)
# Safety nets for scheduled work whose job was lost: event dispatch (and handler retries),
# refunds stuck between their two steps, webhook retries, email receipts and subscription emails.
cron.register(dispatch_events, queue_name=_PAYMENTS, interval=15)
# Fulfilled orders whose auto-confirm delay has passed are completed by this sweep, at most a minute late.
cron.register(confirm_due_orders, queue_name=_PAYMENTS, interval=60)
# Fulfilments the merchant took to deliver later (202) and has not reported within FULFILMENT_REPORT_MINUTES:
# the webhook is sent again (a call to the merchant's server, which may be slow: batch work).
cron.register(chase_unreported_fulfilments, queue_name=_BATCH, interval=300)
cron.register(resume_pending_refunds, queue_name=_PAYMENTS, interval=60)
cron.register(retry_due_webhooks, queue_name=_BATCH, interval=60)
cron.register(queue_due_receipts, queue_name=_BATCH, interval=60)
cron.register(queue_due_subscription_emails, queue_name=_BATCH, interval=60)
cron.register(queue_due_invitation_emails, queue_name=_BATCH, interval=60)
# Renewals, dunning tries and renewal notices: each period and each try is claimed in the database, so a
# sweep that overlaps another (or runs on two hosts) charges nothing twice.
cron.register(renew_subscriptions, queue_name=_PAYMENTS, interval=60)
# A subscriber's new payment method whose provider callback has not come is asked about each minute, for a day.
cron.register(check_mandate_setups, queue_name=_PAYMENTS, interval=60)
# Contract reconciliation asks the provider about every active mandate: hourly is plenty.
cron.register(reconcile_contracts, queue_name=_BATCH, interval=3600)
# Orders held for risk review longer than their merchant allows are decided by its setting.
cron.register(expire_reviews, queue_name=_PAYMENTS, interval=300)
# The books: completed orders each clear as they complete (this catches any left behind), settlements are cut when
# a partner's cycle comes round (daily at the earliest), payouts are sent and their unknown outcomes looked up, and
# the integrity check runs often enough that /healthz is never long out of date.
cron.register(clear_completed_orders, queue_name=_BATCH, interval=300)
cron.register(settle_due, queue_name=_BATCH, interval=900)
cron.register(send_payouts, queue_name=_BATCH, interval=60)
cron.register(check_ledger, queue_name=_BATCH, interval=600)
# Balances read a checkpoint plus what was posted since: the sooner it moves, the fewer postings a balance sums.
cron.register(advance_balance_checkpoint, queue_name=_BATCH, interval=300)
# The dashboard keeps the figures of settled days; hourly, a day is kept soon after it settles, not at the next view.
cron.register(keep_dashboard_days, queue_name=_BATCH, interval=3600)
# Yesterday's statements, once a day's bookings have settled (a run per merchant, channel and day: hourly is only
# how soon after that it starts).
cron.register(reconcile_statements, queue_name=_BATCH, interval=3600)
# A backup when the newest in BACKUP_DIR is BACKUP_EVERY_HOURS old (nothing if BACKUP_DIR is unset); a large
# database's dump takes longer than RQ's default job timeout.
cron.register(backup_when_due, queue_name=_BATCH, interval=900, job_timeout=BACKUP_JOB_SECONDS)
