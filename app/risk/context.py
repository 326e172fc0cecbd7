"""What is known about the shopper behind a request, for the assessment: address, device, browser.

The web layer captures it once per request (``capture_request``); domain services read it without
knowing about HTTP. Jobs and the CLI have none, and are assessed on the order's own facts.
"""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass

DEVICE_HEADER = "Kassa-Device-Id"


@dataclass(frozen=True)
class ShopperFacts:
    ip: str | None = None
    device: str | None = None
    user_agent: str | None = None
    country: str | None = None  # ISO 3166 code, from the header the deployment trusts (TRUSTED_COUNTRY_HEADER)


_facts: ContextVar[ShopperFacts] = ContextVar("kassa_shopper_facts", default=ShopperFacts())  # noqa: B039 (frozen)


def capture_request() -> None:
    """before_request: remember the caller's address (after the trusted proxies), device id and browser."""
    from flask import current_app, request

    if (request.headers.get("Authorization") or "").startswith("Bearer sk_"):
        # The merchant's server is calling, not the shopper: its address says nothing about them.
        _facts.set(ShopperFacts())
        return
    device = (request.headers.get(DEVICE_HEADER) or "").strip()[:200] or None
    header = current_app.config.get("TRUSTED_COUNTRY_HEADER")
    country = (request.headers.get(header) or "").strip().upper() if header else ""
    _facts.set(
        ShopperFacts(
            ip=request.remote_addr,
            device=device,
            user_agent=(request.user_agent.string or "")[:300] or None,
            country=country if len(country) == 2 and country.isalpha() else None,
        )
    )


def current() -> ShopperFacts:
    return _facts.get()
