"""RQ entry points. Thin: each builds an app context and calls one domain service.

Every job lives in this module, whatever its area: RQ and ``rq cron`` name a job by its function's module
(``app.jobs.<name>``), and jobs already queued in Redis under those names must still run after an upgrade.
"""

from __future__ import annotations

import time

from flask import current_app

from app.backups import schedule as backup_schedule
from app.jobs.context import job_context
from app.ledger import checkpoints
from app.orders import confirmation, fulfilment_reports
from app.orders import services as order_services
from app.payments import clearing, integration_log, integrity
from app.payments.attempts import janitor, polling
from app.payments.payouts import services as payout_services
from app.payments.payouts import settling
from app.payments.refunds import reviews as review_decisions
from app.payments.refunds import sweep as refund_sweep
from app.payments.reports import dashboard
from app.platform import idempotency, queueing
from app.platform.outbox.dispatch import dispatch_until_drained
from app.receipts import invitation_sending, subscription_sending
from app.receipts import sending as receipt_sending
from app.reconciliation import runs as reconciliation_runs
from app.request_log import history as request_history
from app.signing import mandate_setups, test_clocks
from app.signing import reconciliation as contract_reconciliation
from app.signing.renewals import sweep as renewal_sweep
from app.webhooks import delivery, fanout


def close_expired_orders() -> int:
    """Close orders whose time ran out; returns how many."""
    with job_context():
        return order_services.close_expired_orders()


def refresh_payment_attempt(attempt_id: str) -> str | None:
    """Query the provider about one attempt whose callback has not come; returns its status."""
    with job_context():
        attempt = polling.refresh_attempt(attempt_id)
        return attempt.status if attempt else None


def poll_pending_payments() -> int:
    """Sweep: query the provider about every pending attempt due for a poll; returns how many."""
    with job_context():
        return polling.poll_stale_attempts()


def resolve_unknown_attempts() -> int:
    """Sweep: ask providers about attempts whose outcome is unknown and that are due; returns how many."""
    with job_context():
        return janitor.resolve_unknown_attempts()


def reap_idempotency_keys() -> int:
    """Forget idempotency keys older than 24 h; returns how many."""
    with job_context():
        return idempotency.reap_expired_keys()


def reap_api_request_logs() -> int:
    """Forget API request log rows past API_REQUEST_LOG_RETENTION_DAYS; returns how many."""
    with job_context():
        return request_history.reap_api_requests(current_app.config["API_REQUEST_LOG_RETENTION_DAYS"])


def reap_integration_logs() -> int:
    """Forget provider exchanges past INTEGRATION_LOG_RETENTION_DAYS; returns how many."""
    with job_context():
        return integration_log.reap_integration_logs(current_app.config["INTEGRATION_LOG_RETENTION_DAYS"])


def dispatch_events() -> int:
    """Deliver outbox events to their handlers until none is due; returns how many were settled. It first waits
    EVENT_DISPATCH_GATHER_SECONDS with the dispatch request still standing, so the commits of that moment join this
    run instead of queuing their own."""
    with job_context():
        gather = current_app.config["EVENT_DISPATCH_GATHER_SECONDS"]
        if gather > 0:
            time.sleep(gather)
        queueing.clear_dispatch_request()
        return dispatch_until_drained()


def auto_confirm_order(order_id: str) -> bool:
    """Complete one fulfilled order whose auto-confirm delay has passed; a no-op otherwise."""
    with job_context():
        return confirmation.auto_confirm_order(order_id)


def chase_unreported_fulfilments() -> int:
    """Sweep: fulfilments whose merchant has not reported in time are sent again, or given up."""
    with job_context():
        return fulfilment_reports.chase_unreported_fulfilments()


def confirm_due_orders() -> int:
    """Sweep: complete fulfilled orders past their auto-confirm time; returns how many."""
    with job_context():
        return confirmation.confirm_due_orders()


def resume_pending_refunds() -> int:
    """Sweep: send refunds left pending by a crash between their two steps; returns how many."""
    with job_context():
        return refund_sweep.resume_pending_refunds(older_than_seconds=current_app.config["REFUND_RESUME_AFTER_SECONDS"])


def deliver_webhook(delivery_id: str) -> str | None:
    """Make the next attempt of one webhook delivery; returns its status afterwards."""
    with job_context():
        attempted = delivery.attempt_delivery(delivery_id)
        return attempted.status if attempted else None


def retry_due_webhooks() -> int:
    """Sweep: re-queue pending webhook deliveries whose scheduled job never ran; returns how many."""
    with job_context():
        return fanout.enqueue_due_deliveries()


def renew_subscriptions() -> dict:
    """Sweep: renewal notices, renewals and dunning tries that are due on the wall clock; returns the counts."""
    with job_context():
        return renewal_sweep.run_renewals().as_dict()


def check_mandate_setups() -> int:
    """Sweep: ask providers about subscribers' payment method updates whose callback has not come, and cancel the
    mandates no contract could take; returns how many were looked at."""
    with job_context():
        return mandate_setups.check_mandate_setups()


def advance_test_clock(clock_id: str, to_unix: int) -> str:
    """Move a test clock to ``to_unix``, running everything that falls due on the way; returns its status."""
    with job_context():
        return test_clocks.run_advance(clock_id, to_unix).status


def reconcile_contracts() -> dict:
    """Sweep: check subscriptions against orders, entitlements and the provider's mandates; returns the findings."""
    with job_context():
        report = contract_reconciliation.reconcile_contracts()
        return {"found": report.found, "fixed": report.fixed}


def expire_reviews() -> int:
    """Sweep: decide orders held for risk review longer than their merchant's review expiry."""
    with job_context():
        return review_decisions.expire_reviews()


def clear_completed_orders() -> int:
    """Sweep: clear completed orders not cleared yet (those whose own clearing was missed); returns how many."""
    with job_context():
        return clearing.sweep_completed_orders()


def settle_due() -> list[str]:
    """Sweep: cut every settlement whose cycle is due and queue its payout; returns the settlements' ids."""
    with job_context():
        return settling.settle_due()


def send_payouts() -> int:
    """Send payouts that are due and look up those whose outcome is unknown; returns how many."""
    with job_context():
        return payout_services.resolve_payouts()


def advance_balance_checkpoint() -> int:
    """Move the balances' checkpoint to the latest postings (app/ledger/checkpoints.py); returns the accounts moved,
    -1 when the cut had to wait for another run."""
    with job_context():
        return checkpoints.advance_checkpoint()


def keep_dashboard_days() -> int:
    """Keep the dashboard's settled days for merchants with recent orders (app/payments/report_days.py)."""
    with job_context():
        return dashboard.keep_recent_days()


def check_ledger() -> bool:
    """The books' integrity check (every entry balances, the ledger sums to zero, orders match); True if clean."""
    with job_context():
        return integrity.run_check().ok


def backup_when_due() -> str | None:
    """Take the scheduled backup if one is due (BACKUP_DIR); returns its folder."""
    with job_context():
        folder = backup_schedule.backup_when_due()
        return str(folder) if folder else None


def reconcile(run_id: str) -> str | None:
    """Execute one reconciliation run (started by the API, the portal or the daily sweep); returns its status."""
    with job_context():
        run = reconciliation_runs.execute_run(run_id)
        return run.status if run else None


def reconcile_statements() -> list[str]:
    """Start yesterday's reconciliation runs that have not run yet; returns their ids."""
    with job_context():
        return reconciliation_runs.reconcile_yesterday()


def send_receipt(order_id: str) -> str:
    """Email one paid order's receipt, once; returns the receipt's status (sent, failed, sending, none)."""
    with job_context():
        return receipt_sending.send_receipt(order_id)


def send_subscription_email(email_id: str) -> str:
    """Email a subscriber about their subscription, once; returns the email's status."""
    with job_context():
        return subscription_sending.send_subscription_email(email_id)


def queue_due_subscription_emails() -> int:
    """Sweep: queue subscription emails whose job was lost; returns how many."""
    with job_context():
        return subscription_sending.queue_due_subscription_emails()


def send_invitation_email(invitation_id: str) -> str:
    """Email one team invitation's link, once; returns the email's status."""
    with job_context():
        return invitation_sending.send_invitation_email(invitation_id)


def queue_due_invitation_emails() -> int:
    """Sweep: queue team invitation emails whose job was lost; returns how many."""
    with job_context():
        return invitation_sending.queue_due_invitation_emails()


def queue_due_receipts() -> int:
    """Sweep: queue email receipts whose job was lost; returns how many."""
    with job_context():
        return receipt_sending.queue_due_receipts()
