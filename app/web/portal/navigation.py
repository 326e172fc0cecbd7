"""The portal's main navigation, in one list: add a page here and it appears for the roles that may use it.

Pages are grouped under a few top-level entries so the bar fits one line on a laptop (1280 px); a group opens as a
small menu of its pages."""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app, request, url_for

from app.merchants.permissions import can


@dataclass(frozen=True)
class NavItem:
    label: str
    endpoint: str
    permission: str
    # Other pages of the same area (an area with tabs of its own): their endpoints mark this item current too.
    area: tuple[str, ...] = ()

    @property
    def url(self) -> str:
        return url_for(self.endpoint)

    @property
    def current(self) -> bool:
        # Endpoints of one area share a prefix: portal.orders, portal.orders_detail, …
        endpoint = request.endpoint or ""
        return any(endpoint == e or endpoint.startswith(e + "_") for e in (self.endpoint, *self.area))


@dataclass(frozen=True)
class NavGroup:
    """A top-level entry that opens a menu of pages; it is shown when the role may open one of them."""

    label: str
    items: tuple[NavItem, ...]

    @property
    def current(self) -> bool:
        return any(item.current for item in self.items)


NAV_ITEMS: list[NavItem | NavGroup] = [
    NavItem("Dashboard", "portal.dashboard", "dashboard.view"),
    # Money first: what the merchant has, what is pending and when it is paid out.
    NavGroup(
        "Balance & payouts",
        (
            NavItem("Balance", "portal.balance", "books.view"),
            NavItem("Settlements & payouts", "portal.settlements", "books.view"),
            NavItem("Partners", "portal.partners", "books.view"),
            NavItem("Reconciliation", "portal.reconciliation", "books.view"),
            NavItem("Customer wallets", "portal.wallets", "books.view"),
        ),
    ),
    NavGroup(
        "Sales",
        (
            NavItem("Orders", "portal.orders", "orders.view"),
            NavItem("Customers", "portal.customers", "orders.view", area=("portal.customer",)),
            NavItem("Subscriptions", "portal.subscriptions", "orders.view"),
            NavItem("Disputes", "portal.disputes", "orders.refund"),
        ),
    ),
    # Catalog pages are another module's; they appear once their endpoints exist.
    NavGroup(
        "Catalog",
        (
            NavItem("Products", "portal.products", "catalog.manage"),
            NavItem("Coupons", "portal.coupons", "catalog.manage"),
            NavItem("Campaigns", "portal.campaigns", "catalog.manage", area=("portal.campaign",)),
        ),
    ),
    # Everyone may watch where orders are; the switches inside need channels.manage.
    NavItem("Operations", "portal.operations_now", "orders.view", area=("portal.operations",)),
    NavGroup(
        "Setup",
        (
            NavItem("Channels", "portal.channels", "channels.manage"),
            NavItem("Risk", "portal.risk", "risk.manage"),
            NavItem("Developers", "portal.developers", "developers.manage"),
            NavItem("Settings", "portal.settings", "settings.manage"),
            NavItem("Team", "portal.team", "team.manage"),
            NavItem("Audit log", "portal.audit", "audit.view"),
        ),
    ),
]


def _visible(item: NavItem, role: str | None) -> bool:
    return item.endpoint in current_app.view_functions and can(role, item.permission)


def visible_nav(role: str | None) -> list[NavItem | NavGroup]:
    """The entries this role may open whose pages exist; a group keeps only such pages, and goes if none is left."""
    entries: list[NavItem | NavGroup] = []
    for entry in NAV_ITEMS:
        if isinstance(entry, NavGroup):
            items = tuple(item for item in entry.items if _visible(item, role))
            if items:
                entries.append(NavGroup(entry.label, items))
        elif _visible(entry, role):
            entries.append(entry)
    return entries
