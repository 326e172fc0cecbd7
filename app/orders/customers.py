"""Who an order's customer is, and how Kassa knows.

Every order records its ``customer_source``. Only an *authenticated* customer — named by the merchant's
server with a secret key, or by a checkout session that server created — may see and spend a Kassa
wallet. A publishable key (any web page may hold one) or a URL can only claim a customer id: such an
order keeps the id as the merchant's reference but is never offered or paid from that wallet. A shopper
nobody named checks out as a guest with an id Kassa makes up.

A claimed id is also kept apart from the customer of that name: Kassa stores it as ``pk:<id>``, so a browser that
names a real customer uses up none of their per-customer coupon uses, trials or risk velocity, matches none of
their risk list entries, and lands on none of their pages, exports or erasures. It is that customer's id
everywhere (the API, events, lookups), so nothing can mistake one for the other.
"""

from __future__ import annotations

import re
import secrets

from app.errors import InvalidRequest

SECRET_KEY = "secret_key"  # the merchant's server named the customer
CHECKOUT_SESSION = "checkout_session"  # through a session the merchant's server created for them
PUBLISHABLE_KEY = "publishable_key"  # claimed by a browser: unverified
GUEST = "guest"  # nobody named a customer: Kassa made up a guest id

SOURCES = (SECRET_KEY, CHECKOUT_SESSION, PUBLISHABLE_KEY, GUEST)
AUTHENTICATED = frozenset({SECRET_KEY, CHECKOUT_SESSION})

MAX_CUSTOMER_ID = 200
CLAIMED_PREFIX = "pk:"  # where a browser's claimed customer ids live, apart from the merchant's real customers


def is_authenticated(source: str | None) -> bool:
    """Whether a customer established this way may use their wallet."""
    return source in AUTHENTICATED


def new_guest_id() -> str:
    """An id for a shopper nobody named; unguessable, so no one else can claim their orders."""
    return "guest_" + secrets.token_urlsafe(12)


def claimed_customer(customer: object, *, by_secret_key: bool) -> tuple[object, str]:
    """The customer an API caller names, and how far to trust it: the merchant's server (secret key) is
    believed; a publishable key only claims an id (or, naming none, shops as a guest)."""
    if by_secret_key:
        return customer, SECRET_KEY
    if customer is None:
        return {"id": new_guest_id()}, GUEST
    cid, email = parse_customer(customer)
    if len(cid) > MAX_CUSTOMER_ID - len(CLAIMED_PREFIX):
        raise InvalidRequest(
            f"customer.id must be at most {MAX_CUSTOMER_ID - len(CLAIMED_PREFIX)} characters with a publishable key",
            param="customer.id",
        )
    return {"id": CLAIMED_PREFIX + cid, **({"email": email} if email is not None else {})}, PUBLISHABLE_KEY


# One @ with something on each side, and no whitespace or control character: a line break in it would make every
# email to it fail for good (a receipt, a subscriber's notice), and no mail server takes one.
_EMAIL = re.compile(r"[^@\s\x00-\x1f\x7f]+@[^@\s\x00-\x1f\x7f]+")


def parse_customer(customer: object) -> tuple[str, str | None]:
    """``{id, email?}`` as (id, email), or a 400 naming the bad field."""
    if customer is None:  # a secret key names the customer the order is for; a publishable key may shop as a guest
        raise InvalidRequest(
            "customer is required with a secret key: {id, email?} of the customer the order is for",
            code="parameter_missing",
            param="customer",
        )
    if not isinstance(customer, dict):
        raise InvalidRequest("customer must be an object {id, email?}", param="customer")
    cid, email = parse_customer_id(customer.get("id"), param="customer.id"), customer.get("email")
    if email is not None and (not isinstance(email, str) or len(email) > 320 or not _EMAIL.fullmatch(email)):
        raise InvalidRequest(
            "customer.email must be an email address like name@example.com (no spaces or line breaks)",
            param="customer.email",
        )
    return cid, email


def parse_customer_id(cid: object, *, param: str) -> str:
    """A customer id (the merchant's own reference), or a 400 naming ``param``."""
    if not isinstance(cid, str) or not cid.strip() or len(cid) > MAX_CUSTOMER_ID:
        raise InvalidRequest(f"{param} must be a non-empty string of at most {MAX_CUSTOMER_ID} characters", param=param)
    return cid.strip()
