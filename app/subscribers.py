"""Imports every module whose handlers subscribe to outbox events, so web and worker processes
register the same handlers."""
from app.orders import fulfilment  # noqa: F401  (order.paid → fulfil)
from app.payments import compensation  # noqa: F401  (order.fulfilment_failed → refund)
from app.orders import topups  # noqa: F401,E402  (order.paid of a top-up → credit the wallet)
from app.payments.adapters import wallet  # noqa: F401,E402  (payment.failed/canceled → release the freeze)
from app.checkout_sessions import services as _sessions  # noqa: F401,E402  (order.paid → session complete)
from app.orders import broadcast  # noqa: F401,E402  (after commit: ping the order's live status streams)
from app.signing import activation  # noqa: F401,E402  (order.paid of a first order → the contract is active)
from app.signing import renewal_orders  # noqa: F401,E402  (order.paid of a renewal order → the contract renews)
from app.signing import unsigning  # noqa: F401,E402  (a contract ended or replaced its mandate → cancel it there)
from app.payments import order_clearing  # noqa: F401,E402  (order.completed → clear it)
from app.payments import withdrawals  # noqa: F401,E402  (the "withdrawal" payout purpose: paid/failed → the wallet)
from app.receipts import sending as _receipts  # noqa: F401,E402  (order.paid with an email → the email receipt)
