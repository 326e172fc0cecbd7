"""Imports every module whose handlers subscribe to outbox events, so web and worker processes
register the same handlers."""

from app.checkout_sessions import services as _sessions  # noqa: F401,E402  (order.paid → session complete)
from app.orders import (
    campaign_triggers,  # noqa: F401  (order.paid, subscription.activated → a campaign issues a coupon)
    fulfilment,  # noqa: F401  (order.paid → fulfil)
    topups,  # noqa: F401,E402  (order.paid of a top-up → credit the wallet)
)
from app.payments import clearing as order_clearing  # noqa: F401,E402  (order.completed → clear it)
from app.payments.channels.adapters import wallet  # noqa: F401,E402  (payment.failed/canceled → release the freeze)
from app.payments.disputes import chargebacks  # noqa: F401,E402  (dispute.closed, lost in full → take the grants back)
from app.payments.payouts import withdrawals  # noqa: F401,E402  (the "withdrawal" payout purpose: paid/failed → the wallet)
from app.payments.refunds import compensation  # noqa: F401  (order.fulfilment_failed → refund)
from app.payments.saved_methods import services as _saved_methods  # noqa: F401,E402  (order.paid → keep the saved card)
from app.platform.outbox import order_pings  # noqa: F401,E402  (after commit: ping the order's live status streams)
from app.receipts import sending as _receipts  # noqa: F401,E402  (order.paid with an email → the email receipt)
from app.receipts import subscription_sending as _subscription_emails  # noqa: F401,E402  (failed, trial, canceled)
from app.signing import (
    activation,  # noqa: F401,E402  (order.paid of a first order → the contract is active)
    period_orders,  # noqa: F401,E402  (fulfilment leaves a period's membership to signing)
    unsigning,  # noqa: F401,E402  (a contract ended or replaced its mandate → cancel it there)
)
from app.signing.renewals import orders as renewal_orders  # noqa: F401,E402  (order.paid of a renewal order → the contract renews)
