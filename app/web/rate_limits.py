"""Tiered rate limits: each scenario has its own budget in Redis, so a flood in one never starves another
(API.md, "Rate limits"). Over budget: 429 ``rate_limited`` with ``Retry-After`` and the ``RateLimit-Limit``,
``RateLimit-Remaining`` and ``RateLimit-Reset`` headers; the hosted checkout shows a friendly page.

| scenario | counted per | setting (default) |
| --- | --- | --- |
| hosted and embedded checkout | client address | RATE_LIMIT_CHECKOUT (300 per minute) |
| order create with a publishable key (an order, a signup, a top-up) | key and address | RATE_LIMIT_ORDER_CREATE (60
per minute) |
| pay | order | RATE_LIMIT_PAY (30 per minute) |
| anything with a secret key | key | RATE_LIMIT_SECRET_KEY (6000 per minute) |
| provider callbacks | channel | RATE_LIMIT_CALLBACKS (3000 per minute) |
| portal sign-in | email and address | LOGIN_RATE_LIMIT (app/web/portal/auth_views.py) |

Windows slide (moving window). If Redis cannot be reached the limits are not enforced (fail open, logged):
refusing every shopper because a counter is down would be an outage of its own, and the money paths that
need Redis answer 503 by themselves.
"""

from __future__ import annotations

import hashlib
import math
import time

from flask import Flask, current_app, g, request
from limits import parse
from redis import Redis
from sqlalchemy import select

from app.errors import KassaError
from app.extensions import db
from app.merchants.keys import hash_key
from app.merchants.models import ApiKey, Merchant
from app.platform.observability import logs
from app.web.moving_window import MovingWindow

log = logs.get("web.rate_limits")

_EXTENSION = "kassa_rate_limiter"


class RateLimited(KassaError):
    status = 429
    type = "rate_limit_error"
    code = "rate_limited"


def init_app(app: Flask) -> None:
    app.before_request(_check)
    app.after_request(_headers)


def _window() -> MovingWindow:
    window = current_app.extensions.get(_EXTENSION)
    if window is None:
        timeout = current_app.config["REDIS_TIMEOUT_SECONDS"]
        redis = Redis.from_url(current_app.config["REDIS_URL"], socket_timeout=timeout, socket_connect_timeout=timeout)
        window = current_app.extensions[_EXTENSION] = MovingWindow(redis)
    return window


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()[:24]  # never a key itself in Redis


# What a publishable key (any page may hold one) opens an order with: a signup opens its first order, a top-up its
# own, so each counts against the order-create budget as POST /orders does (else a script could open orders,
# hold stock and take customers' trial claims without any limit through the signup route).
_OPENS_AN_ORDER = frozenset({"api.orders_create", "api.subscriptions_create", "api.customers_topup"})


def _scenario() -> tuple[str, str, str] | None:
    """(scenario, what it is counted per, setting name) for this request, or None when it is not limited."""
    endpoint, args = request.endpoint or "", request.view_args or {}
    address = request.remote_addr or "unknown"
    if endpoint.startswith(("checkout.", "embed.")) and endpoint not in ("checkout.media", "checkout.logo"):
        return "checkout", address, "RATE_LIMIT_CHECKOUT"
    if endpoint.startswith("hooks."):
        return "callbacks", args.get("channel_code") or "unknown", "RATE_LIMIT_CALLBACKS"
    if not endpoint.startswith("api."):
        return None
    bearer = (request.headers.get("Authorization") or "").removeprefix("Bearer ").strip()
    if endpoint in ("api.orders_pay",) and args.get("order_id"):
        return "pay", args["order_id"], "RATE_LIMIT_PAY"
    if bearer.startswith("sk_"):
        return "secret_key", _digest(bearer), "RATE_LIMIT_SECRET_KEY"
    if endpoint in _OPENS_AN_ORDER and bearer.startswith("pk_"):
        return "order_create", f"{_digest(bearer)}:{address}", "RATE_LIMIT_ORDER_CREATE"
    return None


# A merchant's own budget, per API key digest, kept a short while in each process (one query per key a minute).
_BUDGET_SECONDS = 30
_budgets: dict[str, tuple[float, int | None]] = {}
_MERCHANT_SCENARIOS = {"secret_key": "rate_limit_api_per_minute", "order_create": "rate_limit_order_create_per_minute"}


def _merchant_budget(scenario: str, bearer: str) -> int | None:
    """The per-minute budget the key's merchant set for this scenario, or None for the platform's default."""
    column = _MERCHANT_SCENARIOS.get(scenario)
    if column is None or not bearer:
        return None
    cache_key = f"{scenario}:{_digest(bearer)}"
    cached = _budgets.get(cache_key)
    if cached is not None and cached[0] > time.monotonic():
        return cached[1]
    budget = db.session.scalar(
        select(getattr(Merchant, column))
        .join(ApiKey, ApiKey.merchant_id == Merchant.id)
        .where(ApiKey.key_hash == hash_key(bearer))
    )
    if len(_budgets) > 10_000:
        _budgets.clear()  # bounded: many keys just means more lookups
    _budgets[cache_key] = (time.monotonic() + _BUDGET_SECONDS, budget)
    return budget


def forget_budgets() -> None:
    """A merchant changed its budgets: this process reads them again (others within half a minute)."""
    _budgets.clear()


def _check() -> None:
    found = _scenario()
    if found is None:
        return
    scenario, per, setting = found
    limit = parse(current_app.config[setting])
    try:
        own = _merchant_budget(scenario, (request.headers.get("Authorization") or "").removeprefix("Bearer ").strip())
    except Exception as exc:  # the database is the API's own problem: count by the platform default
        log.warning("merchant rate limit not read: %s", exc.__class__.__name__)
        own = None
    if own:
        limit = parse(f"{own} per minute")
    try:
        counted = _window().hit(limit, "kassa", scenario, per)  # one round trip: the entry and the headers
    except Exception as exc:  # Redis unreachable: fail open (see the module's docstring)
        log.warning("rate limit not checked: %s", exc.__class__.__name__, extra={"fields": {"scenario": scenario}})
        return
    g.rate_limit = (limit.amount, max(counted.remaining, 0), max(math.ceil(counted.reset_at - time.time()), 1))
    if not counted.allowed:
        log.info("rate limited", extra={"fields": {"scenario": scenario}})
        if scenario == "checkout":
            raise RateLimited(
                "Too many requests from your network right now. Please wait a minute and try again; "
                "nothing was charged."
            )
        window = f"{limit.multiples} {limit.GRANULARITY.name}s" if limit.multiples > 1 else limit.GRANULARITY.name
        raise RateLimited(
            f"too many requests ({scenario.replace('_', ' ')}): at most {limit.amount} per {window}; "
            "retry after the number of seconds in Retry-After"
        )


def _headers(response):
    counted = g.pop("rate_limit", None)
    if counted is not None:
        amount, remaining, reset = counted
        response.headers["RateLimit-Limit"] = str(amount)
        response.headers["RateLimit-Remaining"] = str(remaining)
        response.headers["RateLimit-Reset"] = str(reset)
        if response.status_code == 429:
            response.headers["Retry-After"] = str(reset)
    return response
