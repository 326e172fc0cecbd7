"""Who holds a wallet, for the portal's list: every customer whose wallet of one mode has postings, with their
balances per currency and the email their orders last gave, searchable by customer id or email and paged by
customer id.

Customers and their balances are read from the journal: a wallet account is ``[live:]wallet:<customer>:available``
or ``…:frozen``, so the customer id is the account name less that prefix and suffix (ids may contain ``:``). One
page is one grouped read over the merchant's wallet postings, then the balances of that page's customers.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import case, func, select

from app.extensions import db
from app.ledger.accounts import available_account, frozen_account, in_book
from app.ledger.journal import account_balances
from app.ledger.models import Posting
from app.orders.models import Order
from app.platform.db.types import begins_with

MAX_EMAIL_MATCHES = 1000
_AVAILABLE, _FROZEN = ":available", ":frozen"


@dataclass
class WalletHolder:
    customer_id: str
    email: str | None = None
    available: dict[str, int] = field(default_factory=dict)  # currency -> minor units
    frozen: dict[str, int] = field(default_factory=dict)

    @property
    def currencies(self) -> list[str]:
        return sorted({*self.available, *self.frozen})


def _customer_of_account(prefix: str):
    """SQL: the customer id inside a wallet account name of this book."""
    start, name = len(prefix) + 1, Posting.account
    return case(
        (name.like("%" + _AVAILABLE), func.substr(name, start, func.length(name) - len(prefix) - len(_AVAILABLE))),
        else_=func.substr(name, start, func.length(name) - len(prefix) - len(_FROZEN)),
    )


def _customers_with_email(merchant_id: str, text: str, livemode: bool) -> list[str]:
    return list(
        db.session.scalars(
            select(Order.customer_id)
            .distinct()
            .where(
                Order.merchant_id == merchant_id,
                Order.livemode == livemode,
                Order.customer_id.isnot(None),
                func.lower(Order.customer_email).contains(text.lower(), autoescape=True),
            )
            .limit(MAX_EMAIL_MATCHES)
        )
    )


def _emails(merchant_id: str, customer_ids: list[str], livemode: bool) -> dict[str, str]:
    rows = db.session.execute(
        select(Order.customer_id, Order.customer_email)
        .where(
            Order.merchant_id == merchant_id,
            Order.livemode == livemode,
            Order.customer_id.in_(customer_ids),
            Order.customer_email.isnot(None),
        )
        .order_by(Order.created_at)
    )
    return {customer: email for customer, email in rows}  # the latest order's email wins


def wallet_holders(
    merchant_id: str, *, livemode: bool, q: str | None = None, after: str | None = None, limit: int = 25
) -> tuple[list[WalletHolder], bool]:
    """One page of the customers holding a wallet of one mode, by customer id, after ``after``; ``q`` keeps those
    whose id contains it or whose orders' email does (case-insensitive)."""
    prefix = in_book("wallet:", livemode=livemode)
    customer = _customer_of_account(prefix)
    query = (
        select(customer.label("customer"))
        .where(Posting.merchant_id == merchant_id, begins_with(Posting.account, prefix))
        .group_by(customer)
    )
    if q:
        by_email = _customers_with_email(merchant_id, q, livemode)
        query = query.having(func.lower(customer).contains(q.lower(), autoescape=True) | customer.in_(by_email))
    if after:
        query = query.having(customer > after)
    ids = list(db.session.scalars(query.order_by(customer).limit(limit + 1)))
    page, has_more = ids[:limit], len(ids) > limit
    holders = {c: WalletHolder(c) for c in page}
    accounts = {available_account(c, livemode=livemode): (c, "available") for c in page}
    accounts |= {frozen_account(c, livemode=livemode): (c, "frozen") for c in page}
    for (account, currency), total in account_balances(merchant_id, accounts).items():
        who, bucket = accounts[account]
        getattr(holders[who], bucket)[currency] = total
    for who, email in _emails(merchant_id, page, livemode).items():
        holders[who].email = email
    return list(holders.values()), has_more
