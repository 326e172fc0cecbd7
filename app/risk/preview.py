""" "Test this rule against the last 30 days": replay the merchant's recent orders (one mode) through a rule that
is not saved yet, and say how many it would have flagged and which. The orders come from their caller
(``RecentOrders``, app/orders/recent_orders.py): amount limits are counted by orders; a first purchase is judged
against the customer's paid orders before it; velocity by customer or email is replayed here in time order over
the window. Orders keep neither the shopper's address, device nor country, so rules on those cannot be replayed
and say so."""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Protocol

from app.errors import InvalidRequest
from app.platform.db.types import utcnow
from app.risk.rules import ACTIONS, check_params

WINDOW = timedelta(days=30)
MAX_REPLAYED = 50_000  # velocity replays at most this many orders (newest kept)
EXAMPLES = 20


class RecentOrders(Protocol):
    """A merchant's purchase orders of one mode, as a preview asks for them."""

    def count(self, since: datetime) -> int:
        """How many were made since ``since``."""

    def above(
        self, since: datetime, amount: int, *, currency: str | None, first_purchase: bool, examples: int
    ) -> tuple[int, list[str]]:
        """How many made since ``since`` (in ``currency``, if named) came to more than ``amount`` (and were the
        customer's first paid purchase, with ``first_purchase``), and the ids of the newest ``examples`` of them."""

    def in_time_order(
        self, since: datetime, by: str, *, currency: str | None, limit: int
    ) -> list[tuple[str, str, str, int, datetime]]:
        """The newest ``limit`` made since ``since`` (in ``currency``, if named) that name a ``by`` (customer or
        email, lower-cased), oldest first: (id, who, currency, total, created_at)."""


@dataclass
class Preview:
    orders: int = 0
    flagged: int = 0
    examples: list[str] = field(default_factory=list)

    def as_dict(self, action: str) -> dict:
        return {
            "object": "risk_rule_preview",
            "since_days": WINDOW.days,
            "orders": self.orders,
            "would_flag": self.flagged,
            "action": action,
            "examples": self.examples,
        }


def preview_rule(body: dict, orders: RecentOrders, *, now: datetime | None = None) -> dict:
    """What the rule in ``body`` would have flagged of ``orders`` in the last 30 days; nothing is saved."""
    kind, action = body.get("kind"), body.get("action")
    params = check_params(kind, body.get("params"))
    if params.get("applies_to", "orders") != "orders":
        raise InvalidRequest(
            "a withdrawal rule cannot be tried on orders: it applies from the next withdrawal",
            code="preview_unavailable",
            param="params.applies_to",
        )
    if action not in ACTIONS:
        raise InvalidRequest(f"action must be one of {', '.join(ACTIONS)}", param="action")
    since = (now or utcnow()) - WINDOW
    preview = Preview(orders=orders.count(since))
    currency = params.get("currency")  # a limit in yen says nothing about an order in dollars
    if kind in ("amount_limit", "first_purchase_limit"):
        preview.flagged, preview.examples = orders.above(
            since,
            params["max_amount"],
            currency=currency,
            first_purchase=kind == "first_purchase_limit",
            examples=EXAMPLES,
        )
    elif kind == "velocity" and params["by"] in ("customer", "email"):
        _replay_velocity(
            preview, orders.in_time_order(since, params["by"], currency=currency, limit=MAX_REPLAYED), params
        )
    else:
        raise InvalidRequest(
            "this rule looks at the shopper's address, device or country, which orders do not keep: "
            "it can only be tried on new orders",
            code="preview_unavailable",
            param="kind",
        )
    return preview.as_dict(action)


def _replay_velocity(preview: Preview, rows: list[tuple[str, str, str, int, datetime]], params: dict) -> None:
    """Each order in time order: would it have taken its customer (or email) over the limit in the window?"""
    window = timedelta(seconds=params["window_seconds"])
    seen: dict[tuple, deque] = defaultdict(deque)
    for order_id, who, currency, total, at in rows:
        # Amounts add up in each currency apart, as at creation (¥1,000 and $10.00 are not 2,000 of anything).
        past = seen[(who, None if "max_count" in params else currency)]
        while past and past[0][0] <= at - window:
            past.popleft()
        count, amount = len(past) + 1, sum(t for _, t in past) + total
        over = count > params["max_count"] if "max_count" in params else amount > params["max_amount"]
        if over:
            preview.flagged += 1
            if len(preview.examples) < EXAMPLES:
                preview.examples.append(order_id)
        else:
            past.append((at, total))  # a refused order is not counted, as at creation
