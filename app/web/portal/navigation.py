"""The portal's main navigation, in one list: add a page here and it appears for the roles that may use it."""

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


NAV_ITEMS: list[NavItem] = [
    NavItem("Dashboard", "portal.dashboard", "dashboard.view"),
    NavItem("Orders", "portal.orders", "orders.view"),
    NavItem("Customers", "portal.customers", "orders.view", area=("portal.customer",)),
    NavItem("Subscriptions", "portal.subscriptions", "orders.view"),
    NavItem("Disputes", "portal.disputes", "orders.refund"),
    # Catalog pages are another module's; they appear once their endpoints exist.
    NavItem("Products", "portal.products", "catalog.manage"),
    NavItem("Coupons", "portal.coupons", "catalog.manage"),
    NavItem("Channels", "portal.channels", "channels.manage"),
    NavItem("Risk", "portal.risk", "risk.manage"),
    NavItem("Books", "portal.balance", "books.view", area=("portal.settlements", "portal.partners", "portal.wallets")),
    # Everyone may watch where orders are; the switches inside need channels.manage.
    NavItem("Operations", "portal.operations_now", "orders.view", area=("portal.operations",)),
    NavItem("Developers", "portal.developers", "developers.manage"),
    NavItem("Settings", "portal.settings", "settings.manage"),
    NavItem("Team", "portal.team", "team.manage"),
    NavItem("Audit log", "portal.audit", "audit.view"),
]


def visible_nav(role: str | None) -> list[NavItem]:
    """The items this role may open whose pages exist."""
    return [item for item in NAV_ITEMS if item.endpoint in current_app.view_functions and can(role, item.permission)]
