"""Periodic jobs for ``rq cron app/cron.py``: each sweep is idempotent, so overlap is harmless."""
from rq import cron

from app.config import load_config
from app.jobs import (close_expired_orders, dispatch_events, poll_pending_payments, reap_idempotency_keys,
                      resolve_unknown_attempts)

_QUEUE = load_config()["RQ_QUEUE"]

cron.register(close_expired_orders, queue_name=_QUEUE, interval=30)
cron.register(poll_pending_payments, queue_name=_QUEUE, interval=30)
# Each unknown attempt keeps its own back-off (5 min, 1 h, daily); the sweep only finds the due ones.
cron.register(resolve_unknown_attempts, queue_name=_QUEUE, interval=60)
cron.register(reap_idempotency_keys, queue_name=_QUEUE, interval=3600)
# Safety net: events whose dispatch request was lost, or whose handlers are due for a retry.
cron.register(dispatch_events, queue_name=_QUEUE, interval=15)

# Safety nets of the order lifecycle: auto-confirms whose scheduled job was lost, stuck refunds.
from app.jobs import confirm_due_orders, resume_pending_refunds  # noqa: E402

cron.register(confirm_due_orders, queue_name=_QUEUE, interval=300)
cron.register(resume_pending_refunds, queue_name=_QUEUE, interval=60)
