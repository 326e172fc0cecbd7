"""Sending the shopper back to the merchant's own page after a redirect payment (a provider's card page).

The provider is given a Kassa address (a signed token naming the order and the merchant's page) rather than the
merchant's page itself, so that Kassa, not the provider, adds what the page needs to pick the payment up again:
``kassa_order``, ``kassa_client_secret`` and ``redirect_status`` (like Stripe's ``payment_intent``,
``payment_intent_client_secret`` and ``redirect_status``). ``redirect_status`` is only a hint for the page; the
outcome is the order read with its client secret.
"""

from __future__ import annotations

from typing import Literal
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from itsdangerous import BadSignature, URLSafeSerializer

from app.orders.models import Order
from app.payments.models import PaymentAttempt

RedirectStatus = Literal["succeeded", "failed", "processing"]

ORDER_PARAM = "kassa_order"
SECRET_PARAM = "kassa_client_secret"
STATUS_PARAM = "redirect_status"
RETURN_PARAMS = (ORDER_PARAM, SECRET_PARAM, STATUS_PARAM)

# A provider takes return URLs of up to 2048 characters (the sandbox's limit, and a common one). The signed token
# (compressed, then base64) of a page address of random characters is about 1.1 times as long, plus Kassa's own
# address: a merchant page longer than this might not fit.
MAX_RETURN_URL_LENGTH = 1400

_SALT = "kassa-payment-return"
_SETTLED_PAID = ("paid", "fulfilled", "completed", "refunding", "refunded")


def return_token(secret: str, order_id: str, return_url: str) -> str:
    """The token of the Kassa address that sends the shopper of ``order_id`` on to ``return_url``."""
    return URLSafeSerializer(secret, salt=_SALT).dumps([order_id, return_url])


def read_return_token(secret: str, token: str) -> tuple[str, str] | None:
    """The order id and merchant page of a return token; None when this Kassa did not sign it."""
    try:
        order_id, return_url = URLSafeSerializer(secret, salt=_SALT).loads(token)
    except (BadSignature, ValueError, TypeError):
        return None
    if not isinstance(order_id, str) or not isinstance(return_url, str):
        return None
    return order_id, return_url


def redirect_status(order: Order, attempts: list[PaymentAttempt]) -> RedirectStatus:
    """What Kassa knows of the order's latest payment as the shopper comes back: a hint, never the outcome."""
    if order.status in _SETTLED_PAID:
        return "succeeded"
    if order.status == "closed":
        return "failed"
    latest = attempts[-1] if attempts else None
    if order.status == "created" and latest is not None and latest.status in ("failed", "canceled"):
        return "failed"
    return "processing"


def merchant_return_url(return_url: str, order: Order, status: RedirectStatus) -> str:
    """The merchant's page with the order, its client secret and ``redirect_status`` in the query; parameters of
    an earlier return are replaced, the rest of the page's query and its fragment are kept."""
    parts = urlsplit(return_url)
    query = [
        (name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if name not in RETURN_PARAMS
    ]
    query += [(ORDER_PARAM, order.id), (SECRET_PARAM, order.client_secret), (STATUS_PARAM, status)]
    return urlunsplit(parts._replace(query=urlencode(query)))
