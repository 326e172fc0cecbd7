"""Imports every module whose handlers subscribe to outbox events, so web and worker processes
register the same handlers."""
from app.orders import fulfilment  # noqa: F401  (order.paid → fulfil)
from app.payments import compensation  # noqa: F401  (order.fulfilment_failed → refund)
