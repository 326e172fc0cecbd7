"""Who may do what in the portal: the one table of roles and permissions.

Every portal route names one permission (``permission_required("orders.refund")`` in
``app/web/portal/access.py``); a role either has it or gets a 403. Change access here, nowhere else.
"""

from __future__ import annotations

ROLES: dict[str, str] = {
    "owner": "Everything, including the team and business settings.",
    "operator": "Day-to-day operations: orders and refunds, maintenance actions, channels, catalog.",
    "finance": "Money: dashboard, orders and refunds, approving money moved by hand, the audit log.",
    "developer": "Integration: API keys, webhooks, the embed snippet; reads orders.",
}

PERMISSIONS: dict[str, str] = {
    "dashboard.view": "See the dashboard",
    "orders.view": "See orders, their payments, events and deliveries",
    "orders.refund": "Refund orders",
    "orders.maintain": "Run maintenance actions on an order (re-query, close, mark a payment, re-run fulfilment, "
    "replay an event) and ask for those that move money",
    "orders.approve": "Approve or reject someone else's maintenance action that moves money",
    "channels.manage": "Enable, order and configure payment channels",
    "developers.manage": "Manage API keys and webhook endpoints, resend deliveries, read the API request log",
    "api_keys.secret": "Create, roll and revoke secret API keys (a secret key can do everything by API: refunds, "
    "customer data exports and erasures; revoking it stops the merchant's server)",
    "settings.manage": "Change the business profile, checkout branding and order policies",
    "team.manage": "Add and remove users, change roles",
    "audit.view": "Read the audit log",
    "catalog.manage": "Manage products, prices and coupons",
    "risk.manage": "Manage risk lists and rules, decide orders and wallet withdrawals held for review",
    "subscriptions.manage": "Cancel, pause and resume subscriptions; run test clocks",
    "books.view": "See the ledger, partners, settlements and payouts",
    "books.manage": "Manage partners and clearing defaults, run settlements, send failed payouts again",
    "customers.erase": "Erase a customer's personal data (a shopper's erasure request)",
    "customers.export": "Download everything Kassa holds about a customer (a shopper's access request)",
    "account.manage": "Change one's own password",
}

_EVERYONE = {"dashboard.view", "orders.view", "account.manage"}

# A key can never be stronger than the user who mints it: a secret key can do everything by API, so only a role with
# every permission (the owner) gets "api_keys.secret"; taking it away stops the merchant's whole integration, so the
# same permission revokes one. Developers create, roll and revoke publishable keys.
GRANTS: dict[str, frozenset[str]] = {
    "owner": frozenset(PERMISSIONS),
    "operator": frozenset(
        _EVERYONE
        | {
            "orders.refund",
            "orders.maintain",
            "channels.manage",
            "catalog.manage",
            "risk.manage",
            "subscriptions.manage",
        }
    ),
    # A second pair of eyes on money moved by hand: finance approves what operators ask for. Finance keeps the books.
    "finance": frozenset(_EVERYONE | {"orders.refund", "orders.approve", "audit.view", "books.view", "books.manage"}),
    "developer": frozenset(_EVERYONE | {"developers.manage"}),
}


def can(role: str | None, permission: str) -> bool:
    """Whether ``role`` has ``permission``; an unknown permission is a programming error."""
    if permission not in PERMISSIONS:
        raise KeyError(f"unknown permission {permission!r}; add it to app/merchants/permissions.py")
    return permission in GRANTS.get(role or "", frozenset())


def roles_with(permission: str) -> list[str]:
    """The roles that have ``permission``, for messages such as "ask an owner"."""
    return [role for role in ROLES if can(role, permission)]
