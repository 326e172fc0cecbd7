"""Why an order closed unpaid, as a value: the closing timeline row stores it as ``reason_code`` beside its
``reason``, which is Kassa's note for the merchant (English, with ids, reworded at will). What the shopper reads on
a closed order (app/web/checkout/waiting.py) is chosen by this value alone, so rewording a note never changes it
(it matched the notes' English words, and a reworded one showed the shopper a wrong or generic reason)."""

from __future__ import annotations

from enum import StrEnum


class CloseReason(StrEnum):
    EXPIRED = "expired"  # not paid before its expires_at
    CANCELED = "canceled"  # by the merchant, the API, an operator or a trigger
    PAYMENT_ENDED = "payment_ended"  # its payment was canceled or expired while it was paying
    PAID_BY_ANOTHER_ORDER = "paid_by_another_order"  # its checkout session was paid by another order
    RENEWAL_UNPAID = "renewal_unpaid"  # a subscription renewal not paid after its tries
    SUBSCRIPTION_CANCELED = "subscription_canceled"  # the subscription it would have started was canceled
