"""Periodic jobs for ``rq cron app/cron.py``: each sweep is idempotent, so overlap is harmless."""
from rq import cron

from app.config import load_config
from app.jobs import close_expired_orders, dispatch_events, poll_pending_payments, reap_idempotency_keys
from app.jobs import retry_due_webhooks

_QUEUE = load_config()["RQ_QUEUE"]

cron.register(close_expired_orders, queue_name=_QUEUE, interval=30)
cron.register(poll_pending_payments, queue_name=_QUEUE, interval=30)
cron.register(reap_idempotency_keys, queue_name=_QUEUE, interval=3600)
# Safety net: events whose dispatch request was lost, or whose handlers are due for a retry.
cron.register(dispatch_events, queue_name=_QUEUE, interval=15)
# Safety net: webhook deliveries whose scheduled retry job was lost.
cron.register(retry_due_webhooks, queue_name=_QUEUE, interval=60)
