"""RQ entry points. Thin: each builds an app context and calls one domain service."""
from __future__ import annotations

import time
from contextlib import contextmanager
from typing import Iterator

from flask import Flask, current_app, has_app_context

from app.platform.observability import logs
from app.platform.observability.log_writer import flush_logs

_app: Flask | None = None


@contextmanager
def _context() -> Iterator[None]:
    """Reuse the caller's app context (tests, CLI) or one app per worker process."""
    global _app
    _bind_job_request_id()
    if has_app_context():
        try:
            yield
        finally:
            flush_logs(current_app._get_current_object())
        return
    if _app is None:
        from app import create_app

        _app = create_app({"RUNS_JOBS": True})
    with _app.app_context():
        try:
            yield
        finally:
            logs.clear()
            # RQ's forking worker ends a job's process with os._exit: its queued log rows are written first.
            flush_logs(_app)


def _bind_job_request_id() -> None:
    """A job enqueued while serving a request logs (and records events) under that request's id."""
    from rq import get_current_job

    job = get_current_job()
    if job is not None and job.meta.get("request_id"):
        logs.bind(request_id=job.meta["request_id"])


def close_expired_orders() -> int:
    """Close orders whose time ran out; returns how many."""
    from app.orders.services import close_expired_orders as close

    with _context():
        return close()


def refresh_payment_attempt(attempt_id: str) -> str | None:
    """Query the provider about one attempt whose callback has not come; returns its status."""
    from app.payments.attempts.polling import refresh_attempt

    with _context():
        attempt = refresh_attempt(attempt_id)
        return attempt.status if attempt else None


def poll_pending_payments() -> int:
    """Sweep: query the provider about every pending attempt due for a poll; returns how many."""
    from app.payments.attempts.polling import poll_stale_attempts

    with _context():
        return poll_stale_attempts()


def resolve_unknown_attempts() -> int:
    """Sweep: ask providers about attempts whose outcome is unknown and that are due; returns how many."""
    from app.payments.attempts.janitor import resolve_unknown_attempts as resolve

    with _context():
        return resolve()


def reap_idempotency_keys() -> int:
    """Forget idempotency keys older than 24 h; returns how many."""
    from app.platform.idempotency import reap_expired_keys

    with _context():
        return reap_expired_keys()


def reap_api_request_logs() -> int:
    """Forget API request log rows past API_REQUEST_LOG_RETENTION_DAYS; returns how many."""
    from app.request_log.history import reap_api_requests

    with _context():
        return reap_api_requests(current_app.config["API_REQUEST_LOG_RETENTION_DAYS"])


def reap_integration_logs() -> int:
    """Forget provider exchanges past INTEGRATION_LOG_RETENTION_DAYS; returns how many."""
    from app.payments.integration_log import reap_integration_logs as reap

    with _context():
        return reap(current_app.config["INTEGRATION_LOG_RETENTION_DAYS"])


def dispatch_events() -> int:
    """Deliver outbox events to their handlers until none is due; returns how many were settled. It first waits
    EVENT_DISPATCH_GATHER_SECONDS with the dispatch request still standing, so the commits of that moment join this
    run instead of queuing their own."""
    from app.platform.outbox.events import dispatch_until_drained
    from app.platform.queueing import clear_dispatch_request

    with _context():
        gather = current_app.config["EVENT_DISPATCH_GATHER_SECONDS"]
        if gather > 0:
            time.sleep(gather)
        clear_dispatch_request()
        return dispatch_until_drained()


def auto_confirm_order(order_id: str) -> bool:
    """Complete one fulfilled order whose auto-confirm delay has passed; a no-op otherwise."""
    from app.orders.confirmation import auto_confirm_order as confirm

    with _context():
        return confirm(order_id)


def confirm_due_orders() -> int:
    """Sweep: complete fulfilled orders past their auto-confirm time; returns how many."""
    from app.orders.confirmation import confirm_due_orders as confirm

    with _context():
        return confirm()


def resume_pending_refunds() -> int:
    """Sweep: send refunds left pending by a crash between their two steps; returns how many."""
    from app.payments.refunds.sweep import resume_pending_refunds as resume

    with _context():
        return resume(older_than_seconds=current_app.config["REFUND_RESUME_AFTER_SECONDS"])


def deliver_webhook(delivery_id: str) -> str | None:
    """Make the next attempt of one webhook delivery; returns its status afterwards."""
    from app.webhooks.delivery import attempt_delivery

    with _context():
        delivery = attempt_delivery(delivery_id)
        return delivery.status if delivery else None


def retry_due_webhooks() -> int:
    """Sweep: re-queue pending webhook deliveries whose scheduled job never ran; returns how many."""
    from app.webhooks.fanout import enqueue_due_deliveries

    with _context():
        return enqueue_due_deliveries()


def renew_subscriptions() -> dict:
    """Sweep: renewal notices, renewals and dunning tries that are due on the wall clock; returns the counts."""
    from app.signing.renewals.sweep import run_renewals

    with _context():
        return run_renewals().as_dict()


def check_mandate_setups() -> int:
    """Sweep: ask providers about subscribers' payment method updates whose callback has not come, and cancel the
    mandates no contract could take; returns how many were looked at."""
    from app.signing.mandate_setups import check_mandate_setups as check

    with _context():
        return check()


def advance_test_clock(clock_id: str, to_unix: int) -> str:
    """Move a test clock to ``to_unix``, running everything that falls due on the way; returns its status."""
    from app.signing.test_clocks import run_advance

    with _context():
        return run_advance(clock_id, to_unix).status


def reconcile_contracts() -> dict:
    """Sweep: check subscriptions against orders, entitlements and the provider's mandates; returns the findings."""
    from app.signing.reconciliation import reconcile_contracts as reconcile

    with _context():
        report = reconcile()
        return {"found": report.found, "fixed": report.fixed}


def expire_reviews() -> int:
    """Sweep: decide orders held for risk review longer than their merchant's review expiry."""
    from app.payments.refunds.reviews import expire_reviews as expire

    with _context():
        return expire()


def clear_completed_orders() -> int:
    """Sweep: clear completed orders not cleared yet (those whose own clearing was missed); returns how many."""
    from app.payments.clearing import sweep_completed_orders

    with _context():
        return sweep_completed_orders()


def settle_due() -> list[str]:
    """Sweep: cut every settlement whose cycle is due and queue its payout; returns the settlements' ids."""
    from app.payments.payouts.settling import settle_due as settle

    with _context():
        return settle()


def send_payouts() -> int:
    """Send payouts that are due and look up those whose outcome is unknown; returns how many."""
    from app.payments.payouts.services import resolve_payouts

    with _context():
        return resolve_payouts()


def advance_balance_checkpoint() -> int:
    """Move the balances' checkpoint to the latest postings (app/ledger/checkpoints.py); returns the accounts moved,
    -1 when the cut had to wait for another run."""
    from app.ledger.checkpoints import advance_checkpoint

    with _context():
        return advance_checkpoint()


def keep_dashboard_days() -> int:
    """Keep the dashboard's settled days for merchants with recent orders (app/payments/reports/days.py)."""
    from app.payments.reports.dashboard import keep_recent_days

    with _context():
        return keep_recent_days()


def check_ledger() -> bool:
    """The books' integrity check (every entry balances, the ledger sums to zero, orders match); True if clean."""
    from app.payments.integrity import run_check

    with _context():
        return run_check().ok


def backup_when_due() -> str | None:
    """Take the scheduled backup if one is due (BACKUP_DIR); returns its folder."""
    from app.backups.schedule import backup_when_due as take_if_due

    with _context():
        folder = take_if_due()
        return str(folder) if folder else None


def reconcile(run_id: str) -> str | None:
    """Execute one reconciliation run (started by the API, the portal or the daily sweep); returns its status."""
    from app.reconciliation.runs import execute_run

    with _context():
        run = execute_run(run_id)
        return run.status if run else None


def reconcile_statements() -> list[str]:
    """Start yesterday's reconciliation runs that have not run yet; returns their ids."""
    from app.reconciliation.runs import reconcile_yesterday

    with _context():
        return reconcile_yesterday()


def send_receipt(order_id: str) -> str:
    """Email one paid order's receipt, once; returns the receipt's status (sent, failed, sending, none)."""
    from app.receipts.sending import send_receipt as send

    with _context():
        return send(order_id)


def send_subscription_email(email_id: str) -> str:
    """Email a subscriber about their subscription, once; returns the email's status."""
    from app.receipts.subscription_sending import send_subscription_email as send

    with _context():
        return send(email_id)


def queue_due_subscription_emails() -> int:
    """Sweep: queue subscription emails whose job was lost; returns how many."""
    from app.receipts.subscription_sending import queue_due_subscription_emails as queue_due

    with _context():
        return queue_due()


def queue_due_receipts() -> int:
    """Sweep: queue email receipts whose job was lost; returns how many."""
    from app.receipts.sending import queue_due_receipts as queue_due

    with _context():
        return queue_due()
