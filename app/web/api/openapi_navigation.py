"""The sections of the API reference: every operation gets one tag by its path; the tags, then the webhooks'
(app/web/api/openapi_event_payloads.py), are the navigation of /docs/api in this order. (No x-tagGroups: Redoc
renders a group as a menu item named by its heading alone, which screen readers would misread.)"""

from __future__ import annotations

import re

# (tag, what it covers, path pattern) in reading order: a developer meets the catalog and orders first.
# Each path must match exactly one pattern.
API_SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("Catalog", "Products and their SKUs: prices, stock, subscription terms.", r"^/products|^/skus/"),
    (
        "Orders",
        "Price a basket, open an order, pay it (or change how), follow its status, report its fulfilment, confirm or "
        "cancel it, or one part of a split order.",
        r"^/quotes$|^/orders(/\{id\}(/(pay|cancel|confirm|fulfilment|stream|change_payment_method))?)?$"
        r"|^/orders/\{id\}/sub_orders/\{sub_order_id\}/(confirm|cancel)$",
    ),
    (
        "Coupons",
        "Discount codes and automatic promotions: create one or a generated batch, change, deactivate, read uses.",
        r"^/coupons",
    ),
    (
        "Campaigns and personal coupons",
        "Campaigns that issue a customer a single-use coupon when they pay or subscribe, within a budget; coupons "
        "issued by hand; a customer's wallet of coupons, which their checkout offers.",
        r"^/campaigns|^/customers/\{id\}/coupons$|^/orders/\{id\}/coupons$",
    ),
    ("Checkout sessions", "Hand a verified customer to a browser checkout.", r"^/checkout_sessions"),
    (
        "Refunds",
        "Refund a paid order in full or in part (idempotent; never more than was captured), retry a "
        "failed refund, and shoppers' refund requests.",
        r"^/orders/\{id\}/refund|^/orders/\{id\}/sub_orders/\{sub_order_id\}/refunds|^/refunds/",
    ),
    (
        "Disputes",
        "Chargebacks: the shopper's bank took a payment back. List and read them, and answer with "
        "evidence before the due date.",
        r"^/disputes",
    ),
    (
        "Customers and wallets",
        "A customer's wallet (top-ups, balance, withdrawals, transfers, statement), "
        "entitlements, saved payment methods, and the erasure of their personal data.",
        r"^/customers/\{id\}/(topups|balance|entitlements|withdrawals|transfers|wallet/|payment_methods|erase$|export$)"
        r"|^/withdrawals/",
    ),
    (
        "Subscriptions",
        "Recurring contracts, their renewals, and the customer's self-service billing link.",
        r"^/subscriptions|^/customers/\{id\}/billing_links$",
    ),
    ("Test clocks", "Move time forward for test-mode subscriptions.", r"^/test_clocks"),
    (
        "Risk",
        "Blacklists, rules and their preview, and review decisions on held orders.",
        r"^/risk/|^/orders/\{id\}/review$",
    ),
    (
        "Events and webhook endpoints",
        "The events Kassa recorded, and the endpoints it delivers them to "
        "(see [Receiving webhooks](#tag/Receiving-webhooks) for the deliveries "
        "themselves).",
        r"^/events$|^/orders/\{id\}/events$|^/webhook_endpoints",
    ),
    (
        "Balance and settlements",
        "The merchant's money: balance, partners' splits, settlement batches and payouts.",
        r"^/balance$|^/partners|^/settlements",
    ),
    (
        "Business lines",
        "Parts of one merchant (a games line, a music line) with their own products, orders and settlements.",
        r"^/business_lines",
    ),
    ("Reconciliation", "Compare Kassa's books with each channel's statements.", r"^/reconciliation_runs"),
)


def section_of(path: str) -> str:
    """The tag of the operations on ``path``; none or two sections claiming it is a bug in API_SECTIONS."""
    claims = [tag for tag, _, pattern in API_SECTIONS if re.search(pattern, path)]
    if len(claims) != 1:
        raise LookupError(f"{path} belongs to {claims or 'no section'} of the API reference: fix API_SECTIONS")
    return claims[0]


def tagged(paths: dict) -> dict:
    """``paths`` with each operation tagged by its section (in place: tagging twice is harmless)."""
    for path, operations in paths.items():
        for operation in operations.values():
            operation["tags"] = [section_of(path)]
    return paths


def api_tags() -> list[dict]:
    """The API's sections in reading order."""
    return [{"name": tag, "description": description} for tag, description, _ in API_SECTIONS]
