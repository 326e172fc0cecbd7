"""The API's JSON shapes (shared/API.md). Views call these; nothing else builds API JSON."""

from __future__ import annotations

from dataclasses import dataclass

from flask import url_for

from app.catalog.coupon_models import CouponRedemption
from app.catalog.coupons import discounts_for_order, discounts_for_orders
from app.catalog.models import Product, Sku
from app.catalog.services import Quote
from app.checkout_sessions.models import CheckoutSession
from app.checkout_sessions.services import checkout_session_object, session_orders
from app.ledger.balance import MerchantBalance
from app.ledger.wallet.services import WalletBalance
from app.orders.entitlements import CustomerEntitlements
from app.orders.models import Order, SubOrder
from app.orders.representation import order_object
from app.orders.sub_orders import load_sub_orders, sub_order_status
from app.orders.timeline_kinds import shopper_reason
from app.orders.topups import topup_status
from app.payments.channels.agreement_models import OrderAgreement
from app.payments.channels.agreements import accepted_agreements, has_agreements
from app.payments.disputes.services import dispute_summary, disputes_for_order, disputes_for_orders
from app.payments.models import Dispute, PaymentAttempt, Refund
from app.payments.refunds.representation import refund_object, refunds_for_order, refunds_for_orders
from app.payments.representation import payment_object, payments_for_order, payments_for_orders
from app.platform.outbox.events import Event
from app.platform.values.times import iso_time
from app.signing.contracts import subscription_object
from app.signing.paying import channels_for
from app.web.api.shopper_view import shopper_object
from app.web.checkout.media import media_url
from app.webhooks.models import WebhookDelivery, WebhookEndpoint
from app.webhooks.secrets import previous_secret_in_overlap


def image_url(path: str | None) -> str | None:
    if not path:
        return None
    # The API's URL stays the file's plain address (v=None: no digest), as clients may store it.
    return (
        path if path.startswith(("http://", "https://")) else url_for("static", filename=path, v=None, _external=True)
    )


def sku_json(sku: Sku, *, livemode: bool) -> dict:
    """A SKU as a caller of ``livemode`` sees it: its stock is the one that mode's orders take from."""
    prices = {p.currency: p.amount for p in sku.prices} | {sku.currency: sku.price_amount}
    subscription = None
    if sku.subscription_interval:
        subscription = {"interval": sku.subscription_interval, "interval_count": sku.subscription_interval_count or 1}
        if sku.subscription_trial_days:
            subscription["trial_days"] = sku.subscription_trial_days
    return {
        "id": sku.id,
        "object": "sku",
        "name": sku.name,
        "price": sku.price.to_json(),
        "specs": sku.specs or {},
        "stock": sku.stock_in(livemode),
        "subscription": subscription,
        "product": sku.product_id,
        "status": sku.status,
        "prices": [{"amount": a, "currency": c} for c, a in sorted(prices.items())],
        "purchase_limit": sku.purchase_limit,
        "fulfilment": sku.fulfilment,
        "clearing": sku.clearing,
    }


def product_images(product: Product) -> list[str]:
    """Absolute URLs of a product's images: its uploads, then the legacy single image."""
    urls = [media_url(image.filename) for image in product.images]
    legacy = image_url(product.image_path)
    return urls + ([legacy] if legacy else [])


def product_json(product: Product, *, livemode: bool, all_skus: bool = False) -> dict:
    """A product as a caller of ``livemode`` sees it; shoppers see its active SKUs, the merchant's own tools
    (``all_skus``) every one."""
    return {
        "id": product.id,
        "object": "product",
        "name": product.name,
        "description": product.description,
        "images": product_images(product),
        "attributes": product.attributes or {},
        "status": product.status,
        "skus": [sku_json(s, livemode=livemode) for s in product.skus if all_skus or s.status == "active"],
        "settlement_delay_days": product.settlement_delay_days,
        "category": product.category,
        "checkout_url": url_for("checkout.product_page", product_id=product.id, _external=True),
        "business_line": product.business_line_id,
    }


def quote_json(quote: Quote) -> dict:
    return {
        "object": "quote",
        "subtotal": quote.subtotal.amount,
        "discount": quote.discount.amount,
        "total": quote.total.amount,
        "currency": quote.currency,
        "lines": [
            {
                "sku": line.sku.id,
                "name": f"{line.sku.product.name} — {line.sku.name}",
                "quantity": line.quantity,
                "unit_amount": line.unit.amount,
                "amount": line.amount.amount,
            }
            for line in quote.lines
        ],
        "discounts": [d.to_json() for d in quote.discounts],
    }


def payment_with_action_json(attempt: PaymentAttempt) -> dict:
    return {**payment_object(attempt), "next_action": attempt.next_action or {"type": "none"}}


def order_json(order: Order, page: "OrderListParts | None" = None, *, shopper: bool = False) -> dict:
    """An order: what its row and lines tell (the object its events carry), and what needs reads of its own. What
    it cannot have is not read: an order never moved (version 1) has no payment or refund, one without a discount
    redeemed no coupon, and one whose lines name no sub-order has none. ``page``: what was read once for a list.
    ``shopper``: as a publishable key (the shopper's browser) may see it (app/web/api/shopper_view.py), with the
    timeline's reasons chosen by each entry's kind (app/orders/timeline_kinds.py)."""
    untouched = order.version == 1
    if page is not None:
        discounts, payments, refunds = (
            page.discounts.get(order.id, ()),
            page.payments.get(order.id, ()),
            page.refunds.get(order.id, ()),
        )
        disputes = page.disputes.get(order.id, ())
        agreement = page.agreements.get(order.id)
    else:
        discounts = discounts_for_order(order.id) if order.discount else ()
        payments = () if untouched else payments_for_order(order.id)
        refunds = () if untouched else refunds_for_order(order.id)
        disputes = () if untouched else disputes_for_order(order.id)
        agreement = (
            None
            if untouched or not has_agreements(order.merchant_id)
            else accepted_agreements([order.id]).get(order.id)
        )
    body = {
        **order_object(order),
        "discounts": [{"coupon": r.code, "description": r.description, "amount": r.amount} for r in discounts],
        "client_secret": order.client_secret,
        # The hosted order page: a subscription's first order and a renewal are paid there too. It carries the
        # client secret, so it is the shopper's capability like a checkout session's url.
        "url": order_page_url(order),
        # None for an order of nothing: it is paid without a channel (app/payments/attempts/free_orders.py).
        "available_channels": [c.to_json() for c in channels_for(order)],
        "timeline": [
            {"status": t.status, "at": iso_time(t.at), "reason": shopper_reason(t) if shopper else t.reason}
            for t in order.timeline
        ],
        "payments": [payment_object(p) for p in payments],
        "refunds": [refund_object(r) for r in refunds],
        "disputes": [dispute_summary(d) for d in disputes],
        # Every sub-order is named by its lines: an order none of whose lines names one has none to read.
        "sub_orders": (
            [sub_order_json(order, sub) for sub in order.sub_orders] if any(i.sub_order_id for i in order.items) else []
        ),
        "agreement": _agreement_json(agreement),
    }
    return shopper_object(body) if shopper else body


def _agreement_json(agreement: OrderAgreement | None) -> dict | None:
    if agreement is None:
        return None
    return {
        "channel": agreement.channel_code,
        "version": agreement.version,
        "language": agreement.language,
        "text": agreement.text,
        "accepted_at": iso_time(agreement.accepted_at),
    }


def order_page_url(order: Order) -> str:
    """The absolute address of the order's hosted page, where the shopper pays it or sees how it went."""
    return url_for("checkout.order_page", order_id=order.id, client_secret=order.client_secret, _external=True)


@dataclass(frozen=True)
class OrderListParts:
    """A list's orders' payments, refunds, disputes and discount lines, each kind read in one statement for the
    page."""

    payments: dict[str, list[PaymentAttempt]]
    refunds: dict[str, list[Refund]]
    disputes: dict[str, list[Dispute]]
    discounts: dict[str, list[CouponRedemption]]
    agreements: dict[str, OrderAgreement]


def orders_json(orders: list[Order]) -> list[dict]:
    """A page of orders, each as ``order_json`` shows it, in a few statements for the page instead of several per
    order. The caller loads the orders with their lines and timelines (``list_orders`` does)."""
    moved = [o.id for o in orders if o.version != 1]
    page = OrderListParts(
        payments=payments_for_orders(moved),
        refunds=refunds_for_orders(moved),
        disputes=disputes_for_orders(moved),
        discounts=discounts_for_orders([o.id for o in orders if o.discount]),
        agreements=accepted_agreements(moved),
    )
    load_sub_orders(orders)
    return [order_json(order, page) for order in orders]


def sub_order_json(order: Order, sub: SubOrder) -> dict:
    """A sub-order: the lines of an order that clear to one partner (or one product, or one category), with their own
    amount, status and refunds."""
    return {
        "id": sub.id,
        "object": "sub_order",
        "partner": sub.partner_id,
        "product": sub.product_id,
        "category": sub.category,
        "status": sub_order_status(order, sub),
        "refunded_amount": sub.refunded_amount,
        "items": [
            {
                "sku": i.sku_id,
                "name": i.name,
                "quantity": i.quantity,
                "amount": i.amount,
                "net_amount": i.net_amount,
                "clearing": i.clearing,
            }
            for i in order.items
            if i.sub_order_id == sub.id
        ],
        "amount": {"subtotal": sub.subtotal, "discount": sub.discount, "total": sub.total, "currency": sub.currency},
    }


def checkout_session_json(session: CheckoutSession) -> dict:
    """A checkout session (the object its events carry); its ``url`` carries the client secret (the shopper's
    capability)."""
    return {
        **checkout_session_object(session),
        "url": url_for(
            "checkout.session_page", session_id=session.id, client_secret=session.client_secret, _external=True
        ),
        "client_secret": session.client_secret,
        "orders": session_orders(session),
    }


def entitlements_json(held: CustomerEntitlements) -> dict:
    membership = None
    if held.membership_until is not None:
        membership = {"active": held.membership_active(), "until": iso_time(held.membership_until)}
    return {
        "object": "entitlements",
        "customer": held.customer_id,
        "livemode": held.livemode,
        "membership": membership,
        "credits": held.credits,
        "grants": [
            {
                "order": g.order_id,
                "kind": g.kind,
                "membership_days": g.membership_days,
                "credits": g.credits,
                "membership_until": iso_time(g.membership_until),
                "granted_at": iso_time(g.granted_at),
                "taken_back": _taken_back(g),
            }
            for g in held.grants
        ],
    }


def _taken_back(grant) -> dict | None:
    """What a full refund of the grant's order took back (what the customer still held), or None."""
    if grant.taken_back_at is None:
        return None
    return {
        "credits": grant.credits_taken_back,
        "membership_days": grant.membership_days_taken_back,
        "at": iso_time(grant.taken_back_at),
    }


def topup_json(order: Order) -> dict:
    return {
        "id": order.id,
        "object": "topup",
        "status": topup_status(order),
        "customer": order.customer_id,
        "livemode": order.livemode,
        "amount": {"amount": order.total, "currency": order.currency},
        "created_at": iso_time(order.created_at),
    }


def customer_balance_json(balance: WalletBalance) -> dict:
    return {
        "object": "customer_balance",
        "customer": balance.customer_id,
        "livemode": balance.livemode,
        "available": [{"amount": a, "currency": c} for c, a in balance.available.items()],
        "frozen": [{"amount": a, "currency": c} for c, a in balance.frozen.items()],
    }


def _amounts(by_currency: dict[str, int]) -> list[dict]:
    return [{"amount": amount, "currency": currency} for currency, amount in sorted(by_currency.items())]


def merchant_balance_json(balance: MerchantBalance) -> dict:
    return {
        "object": "balance",
        "available": _amounts(balance.available),
        "pending": _amounts(balance.pending),
        "frozen": _amounts(balance.frozen),
        "wallets": _amounts(balance.wallets),
    }


def event_json(event: Event, *, shopper: bool = False) -> dict:
    """An event exactly as webhooks deliver it: ``{id, object, type, created_at, data: {object}}``; ``shopper``: as
    a publishable key may read it (app/web/api/shopper_view.py)."""
    body = event.to_json()
    if shopper and isinstance(body["data"], dict) and isinstance(body["data"].get("object"), dict):
        body["data"] = {**body["data"], "object": shopper_object(body["data"]["object"])}
    return body


def webhook_endpoint_json(endpoint: WebhookEndpoint, *, with_secret: bool = False) -> dict:
    """An endpoint; its signing secret only in the answer to the create and roll calls."""
    overlapping = previous_secret_in_overlap(endpoint) is not None
    body = {
        "id": endpoint.id,
        "object": "webhook_endpoint",
        "livemode": endpoint.livemode,
        "url": endpoint.url,
        "events": list(endpoint.events),
        "enabled": endpoint.enabled,
        "status": "enabled" if endpoint.enabled else "disabled",
        "previous_secret_expires_at": iso_time(endpoint.previous_expires_at) if overlapping else None,
        "created_at": iso_time(endpoint.created_at),
    }
    if with_secret:
        body["secret"] = endpoint.secret
    return body


def webhook_delivery_json(delivery: WebhookDelivery) -> dict:
    """A delivery of one event to one endpoint, as of its latest attempt."""
    return {
        "id": delivery.id,
        "object": "webhook_delivery",
        "endpoint": delivery.endpoint_id,
        "event": delivery.event_id,
        "status": delivery.status,
        "attempts": delivery.attempts,
        "last_status_code": delivery.last_status_code,
        "next_attempt_at": iso_time(delivery.next_attempt_at),
    }


def risk_list_entry_json(entry) -> dict:
    return {
        "id": entry.id,
        "object": "risk_list_entry",
        "kind": entry.kind,
        "value": entry.value,
        "action": entry.action,
        "note": entry.note,
        "livemode": entry.livemode,
        "expires_at": iso_time(entry.expires_at),
        "created_at": iso_time(entry.created_at),
    }


def risk_rule_json(rule) -> dict:
    return {
        "id": rule.id,
        "object": "risk_rule",
        "kind": rule.kind,
        "params": rule.params,
        "action": rule.action,
        "enabled": rule.enabled,
        "livemode": rule.livemode,
        "created_at": iso_time(rule.created_at),
    }


def subscription_json(sub, agreements: dict[str, OrderAgreement] | None = None) -> dict:
    """A contract as API.md's Subscription (times in ISO 8601 UTC): its row, as its events carry it, with its
    renewals, timeline and findings. ``agreements``: the first orders' accepted agreements, read once for a list."""
    if agreements is None:
        agreements = accepted_agreements([sub.first_order_id])
    return {
        **subscription_object(sub),
        "renewals": [
            {
                "period": r.period,
                "order": r.order_id,
                "status": r.status,
                "attempts": r.attempts,
                "period_start": iso_time(r.period_start),
                "period_end": iso_time(r.period_end),
                "due_at": iso_time(r.due_at),
                "paid_at": iso_time(r.paid_at),
                "next_attempt_at": iso_time(r.next_attempt_at),
                "last_error": r.last_error,
            }
            for r in sub.renewals
        ],
        "timeline": [{"status": t.status, "at": iso_time(t.at), "reason": t.reason} for t in sub.timeline],
        # The mandate was signed by paying the first order: what its shopper agreed to then.
        "agreement": _agreement_json(agreements.get(sub.first_order_id)),
        "findings": [
            {
                "kind": f.kind,
                "period": f.period,
                "detail": f.detail,
                "status": f.status,
                "found_at": iso_time(f.found_at),
                "fixed_at": iso_time(f.fixed_at),
            }
            for f in sub.findings
        ],
    }
