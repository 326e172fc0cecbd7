"""What makes a campaign issue a coupon (app/catalog/campaigns.py): outbox handlers of a paid order and of a
subscription that starts. Each runs once per event; the issuance's reason, unique per campaign, makes a rerun (or a
customer's second "first" order) issue nothing more."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, select

from app.catalog.campaigns import has_active_campaigns, issue_from_campaign, running_campaigns
from app.extensions import db
from app.orders.customers import is_authenticated
from app.orders.models import Order, OrderTimelineEntry
from app.platform.outbox.events import Event, only_for_events, subscribe


def _vouched_purchase(order: dict) -> bool:
    # Only a customer the merchant's server named has a wallet to put a coupon in (a guest's id is made up, a
    # browser's is only claimed); a wallet top-up buys nothing to reward.
    return order.get("kind", "purchase") == "purchase" and is_authenticated((order.get("customer") or {}).get("source"))


def _paid_before(order: dict, paid_at: datetime) -> bool:
    """Whether the order's customer had another order paid before this one (of the same merchant and mode)."""
    return bool(
        db.session.scalar(
            select(
                exists().where(
                    Order.merchant_id == order["merchant_id"],
                    Order.livemode.is_(order["livemode"]),
                    Order.customer_id == order["customer"]["id"],
                    Order.id != order["id"],
                    OrderTimelineEntry.order_id == Order.id,
                    OrderTimelineEntry.status == "paid",
                    OrderTimelineEntry.at < paid_at,
                )
            )
        )
    )


_PAID_ORDER_RULES = ("first_order", "paid_order")


def _may_issue(event: Event) -> bool:
    return has_active_campaigns(event.merchant_id, livemode=event.livemode, rules=_PAID_ORDER_RULES)


# A merchant without such a campaign (most paid orders): handled in the dispatcher's batch, no transaction of its own.
@subscribe("order.paid", applies=_vouched_purchase, batch=only_for_events(_may_issue))
def issue_for_paid_order(event: Event) -> None:
    """A paid order earns its customer a coupon from each running paid_order campaign it qualifies for (its total
    reaches the campaign's minimum), and from each first_order campaign when it is their first paid order."""
    order = {**event.data["object"], "merchant_id": event.merchant_id}
    campaigns = running_campaigns(
        event.merchant_id, livemode=event.livemode, rules=_PAID_ORDER_RULES, at=event.created_at
    )
    customer_id, amount = order["customer"]["id"], order["amount"]
    first: bool | None = None
    for campaign in campaigns:
        if campaign.rule == "paid_order":
            if campaign.min_amount is not None and (
                amount["currency"] != campaign.min_amount_currency or amount["total"] < campaign.min_amount
            ):
                continue
            reason = f"order:{order['id']}"
        else:
            if first is None:
                first = not _paid_before(order, event.created_at)
            if not first:
                continue
            reason = f"customer:{customer_id}"  # one first-order coupon per customer, whatever is retried
        issue_from_campaign(campaign, customer_id, reason_key=reason, source_id=order["id"], at=event.created_at)


@subscribe("subscription.activated")
def issue_for_subscription_start(event: Event) -> None:
    """A subscription that starts earns its customer a coupon from each running subscription_start campaign."""
    subscription = event.data["object"]
    for campaign in running_campaigns(
        event.merchant_id, livemode=event.livemode, rules=("subscription_start",), at=event.created_at
    ):
        issue_from_campaign(
            campaign,
            subscription["customer"]["id"],
            reason_key=f"subscription:{subscription['id']}",
            source_id=subscription["id"],
            at=event.created_at,
        )
