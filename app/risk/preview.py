""""Test this rule against the last 30 days": replay the merchant's recent orders (one mode) through a rule that
is not saved yet, and say how many it would have flagged and which. Amount limits are counted in SQL; a first
purchase is judged against the customer's paid orders before it; velocity by customer or email is replayed
in time order over the window. Orders keep neither the shopper's address, device nor country, so rules on
those cannot be replayed and say so."""
from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import and_, exists, func, select
from sqlalchemy.orm import aliased

from app.platform.db.types import utcnow
from app.errors import InvalidRequest
from app.extensions import db
from app.orders.models import Order
from app.orders.state import PAID_STATUSES as PAID
from app.risk.rules import ACTIONS, check_params

WINDOW = timedelta(days=30)
MAX_REPLAYED = 50_000  # velocity replays at most this many orders (newest kept)
EXAMPLES = 20


@dataclass
class Preview:
    orders: int = 0
    flagged: int = 0
    examples: list[str] = field(default_factory=list)

    def as_dict(self, action: str) -> dict:
        return {"object": "risk_rule_preview", "since_days": WINDOW.days, "orders": self.orders,
                "would_flag": self.flagged, "action": action, "examples": self.examples}


def preview_rule(merchant_id: str, body: dict, *, livemode: bool, now: datetime | None = None) -> dict:
    kind, action = body.get("kind"), body.get("action")
    params = check_params(kind, body.get("params"))
    if params.get("applies_to", "orders") != "orders":
        raise InvalidRequest("a withdrawal rule cannot be tried on orders: it applies from the next withdrawal",
                             code="preview_unavailable", param="params.applies_to")
    if action not in ACTIONS:
        raise InvalidRequest(f"action must be one of {', '.join(ACTIONS)}", param="action")
    since = (now or utcnow()) - WINDOW
    recent = and_(Order.merchant_id == merchant_id, Order.livemode == livemode, Order.kind == "purchase",
                  Order.created_at >= since)
    preview = Preview(orders=db.session.scalar(select(func.count()).select_from(Order).where(recent)) or 0)
    if params.get("currency"):  # a limit in yen says nothing about an order in dollars
        recent = and_(recent, Order.currency == params["currency"])
    if kind == "amount_limit":
        _collect(preview, and_(recent, Order.total > params["max_amount"]))
    elif kind == "first_purchase_limit":
        earlier = aliased(Order)
        paid_before = exists().where(earlier.merchant_id == Order.merchant_id, earlier.customer_id == Order.customer_id,
                                     earlier.livemode == Order.livemode, earlier.status.in_(PAID),
                                     earlier.created_at < Order.created_at)
        _collect(preview, and_(recent, Order.total > params["max_amount"], ~paid_before))
    elif kind == "velocity" and params["by"] in ("customer", "email"):
        _replay_velocity(preview, recent, params)
    else:
        raise InvalidRequest("this rule looks at the shopper's address, device or country, which orders do not keep: "
                             "it can only be tried on new orders", code="preview_unavailable", param="kind")
    return preview.as_dict(action)


def _collect(preview: Preview, hit) -> None:
    preview.flagged = db.session.scalar(select(func.count()).select_from(Order).where(hit)) or 0
    preview.examples = list(db.session.scalars(select(Order.id).where(hit).order_by(Order.created_at.desc())
                                               .limit(EXAMPLES)))


def _replay_velocity(preview: Preview, recent, params: dict) -> None:
    """Each order in time order: would it have taken its customer (or email) over the limit in the window?"""
    key = Order.customer_id if params["by"] == "customer" else func.lower(Order.customer_email)
    rows = db.session.execute(select(Order.id, key, Order.currency, Order.total, Order.created_at)
                              .where(recent, key.is_not(None))
                              .order_by(Order.created_at.desc()).limit(MAX_REPLAYED)).all()
    window = timedelta(seconds=params["window_seconds"])
    seen: dict[tuple, deque] = defaultdict(deque)
    for order_id, who, currency, total, at in reversed(rows):
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
