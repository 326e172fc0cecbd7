"""What a checkout panel sells and to whom, and the steps every panel shares: price the basket, list the
channels this shopper may use, place the order.

The hosted product page and the embedded panel sell a product to a guest (a customer named in their URL
is ignored: a web page cannot vouch for anyone). Opened for a checkout session, either panel sells the
session's basket to the session's customer, whose wallet may then be offered.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import request
from flask_babel import gettext

from app.catalog.coupon_channels import allowed_channels
from app.catalog.coupon_wallet import wallet
from app.catalog.models import Product, Sku
from app.catalog.services import Quote, price_items, shared_currencies
from app.checkout_sessions.models import CheckoutSession
from app.checkout_sessions.services import create_session_order, session_options
from app.errors import Conflict, KassaError
from app.extensions import db
from app.merchants.business_lines import display_name_of
from app.merchants.models import Merchant
from app.orders.business_line import line_of_products, line_of_quote
from app.orders.customers import CHECKOUT_SESSION, GUEST, is_authenticated
from app.orders.models import Order
from app.orders.services import create_order
from app.payments.channels.agreements import purchase, with_agreements
from app.payments.channels.available import Prospect, available_channels
from app.payments.saved_methods.services import active_methods, may_save, saves_methods
from app.platform.switches import maintenance_for
from app.signing.contracts import open_subscription
from app.signing.terms import checkout_terms, recurring_sku_in, terms_text
from app.signing.trials import trial_days_for
from app.web.checkout.forms import PanelInput
from app.web.shopper_locale import browser_currencies, shopper_language


@dataclass(frozen=True)
class Sale:
    """One panel's sale: the merchant, the product the shopper picks from (None when a session fixes the
    items), the session if any, and the customer as far as Kassa knows them."""

    merchant: Merchant
    product: Product | None
    checkout: CheckoutSession | None
    customer_id: str
    customer_source: str
    livemode: bool

    @property
    def fixed(self) -> bool:
        """Whether the basket is the session's fixed items (no option or quantity to choose)."""
        return self.checkout is not None and self.checkout.items is not None

    @property
    def options(self) -> list[Sku] | None:
        """The SKUs the shopper picks from, None when a session fixes the basket. A checkout session sells
        one-off purchases only: a subscription is opened with POST /subscriptions, which signs its renewals."""
        if self.product is None:
            return None
        if self.checkout is not None:
            return session_options(self.product)
        return [s for s in self.product.skus if s.status == "active"]

    @property
    def shop_name(self) -> str:
        """The name the shopper sees at the head of the panel: the business line's display name when the products
        sold are of a line that has one, else the merchant's name."""
        if self.fixed:
            skus = (db.session.get(Sku, item["sku"]) for item in self.checkout.items)
            products = [sku.product for sku in skus if sku is not None]
        else:
            products = [self.product] if self.product is not None else []
        return display_name_of(self.merchant.id, line_of_products(products), self.merchant.name)

    def basket(self, data: PanelInput) -> list | None:
        """The items to price and order, or None while the shopper's choice is not valid."""
        if self.fixed:
            return self.checkout.items
        if data.sku_id and data.quantity and "sku" not in data.errors:
            return [{"sku": data.sku_id, "quantity": data.quantity}]
        return None


def guest_sale(product: Product, customer_id: str, *, livemode: bool) -> Sale:
    """A product sold to a guest (the hosted product page, an embed without a session)."""
    return Sale(db.session.get(Merchant, product.merchant_id), product, None, customer_id, GUEST, livemode)


def session_sale(checkout: CheckoutSession) -> Sale:
    """A checkout session's basket sold to its customer."""
    product = db.session.get(Product, checkout.product_id) if checkout.product_id else None
    return Sale(
        db.session.get(Merchant, checkout.merchant_id),
        product,
        checkout,
        checkout.customer_id,
        CHECKOUT_SESSION,
        checkout.livemode,
    )


@dataclass(frozen=True)
class CurrencyChoice:
    """The currency the panel prices in (None: the SKUs' default prices) and those the shopper may pick from."""

    currency: str | None
    offered: list[str]

    @property
    def shown(self) -> str | None:
        """The currency the selector marks as chosen."""
        return self.currency or (self.offered[0] if self.offered else None)


def _basket_skus(sale: Sale, data: PanelInput) -> list[Sku]:
    if sale.fixed:
        return [sku for item in sale.checkout.items if (sku := db.session.get(Sku, item["sku"])) is not None]
    chosen = [s for s in sale.options or [] if s.id == data.sku_id]
    return chosen[:1]


def choose_currency(sale: Sale, data: PanelInput) -> CurrencyChoice:
    """The shopper's currency: the one a checkout session fixes; else the one they asked for (selector or link),
    else their browser's region's (Accept-Language de-DE: eur), when the basket has a price in it; else the
    default prices."""
    if sale.checkout is not None and sale.checkout.currency:
        return CurrencyChoice(sale.checkout.currency, [sale.checkout.currency])
    offered = shared_currencies(_basket_skus(sale, data))
    for wish in ([data.currency] if data.currency else []) + browser_currencies():
        if wish in offered:
            return CurrencyChoice(wish, offered)
    return CurrencyChoice(None, offered)


def price(sale: Sale, data: PanelInput, currency: str | None = None) -> tuple[Quote | None, str | None, str | None]:
    """The quote in ``currency``, with the coupon when it can be used; otherwise the price without it and the
    reason, so the shopper still sees a total beside the coupon message. Returns (quote, quote error, coupon
    error). A subscription SKU's free trial is priced in (nothing due today) when this customer has not had it: the
    panel sells it only as a contract's first order."""
    items = sale.basket(data)
    if items is None:
        return None, None, None
    free_trial = _trial_offered(sale, items) > 0
    try:
        return (
            price_items(
                sale.merchant.id,
                items,
                data.coupon,
                livemode=sale.livemode,
                customer_id=sale.customer_id,
                currency=currency,
                free_trial=free_trial,
            ),
            None,
            None,
        )
    except KassaError as exc:
        if exc.param != "coupon":
            return None, exc.message, None
        coupon_error = exc.message[0].upper() + exc.message[1:] + "."
    try:
        return (
            price_items(sale.merchant.id, items, livemode=sale.livemode, currency=currency, free_trial=free_trial),
            None,
            coupon_error,
        )
    except KassaError as exc:
        return None, exc.message, coupon_error


def _trial_offered(sale: Sale, items: list) -> int:
    """The free trial (days; 0: none) a subscription basket starts for this shopper (a customer has it once)."""
    recurring = recurring_sku_in(sale.merchant.id, items)
    if recurring is None:
        return 0
    return trial_days_for(
        recurring, customer_id=sale.customer_id, livemode=sale.livemode, vouched=is_authenticated(sale.customer_source)
    )


def nothing_due(quote: Quote | None) -> bool:
    """Whether the basket costs nothing and signs no contract (a 100 % coupon, say): it is placed without a payment
    method, and its order completes without a payment (app/payments/attempts/free_orders.py). A free trial's basket also
    costs nothing today, but its payment signs the mandate the renewals are charged on."""
    return quote is not None and quote.total.amount == 0 and checkout_terms(quote) is None


def waive_channel_when_free(sale: Sale, data: PanelInput) -> None:
    """A basket of nothing is offered no payment method, so none is asked for when it is placed."""
    if "channel" in data.errors and nothing_due(price(sale, data, choose_currency(sale, data).currency)[0]):
        del data.errors["channel"]


def panel_context(sale: Sale, data: PanelInput, *, error: str | None = None) -> dict:
    """What the panel templates show: the basket as priced and the channels this shopper may use (none for a
    basket of nothing)."""
    choice = choose_currency(sale, data)
    quote, quote_error, coupon_error = price(sale, data, choice.currency)
    free = nothing_due(quote)
    skus = sale.options or []
    prospect = Prospect(
        customer_id=sale.customer_id,
        customer_source=sale.customer_source,
        livemode=sale.livemode,
        total=quote.total.amount if quote else 0,
        currency=quote.currency if quote else "usd",
        # A product of a business line is offered the line's channels, in the line's order.
        business_line_id=line_of_quote(quote) if quote else getattr(sale.product, "business_line_id", None),
    )
    channels = [] if free else available_channels(sale.merchant.id, prospect)
    # A coupon limited to some channels is valid only when paying with one of them: only those are offered.
    limit = allowed_channels(d.coupon for d in quote.discounts) if quote else None
    channels = [c for c in channels if limit is None or c.code in limit]
    if channels and quote is not None:
        language = shopper_language(sale.merchant)
        terms = checkout_terms(quote)  # {period}: the contract's terms, as paying records them (recurring_terms)
        bought = purchase(
            sale.merchant.name,
            quote.total.amount,
            quote.currency,
            language,
            [f"{line.sku.product.name} — {line.sku.name}" for line in quote.lines],
            terms_text(terms["amount"], terms["currency"], terms["interval"], terms["interval_count"])
            if terms
            else None,
        )
        channels = with_agreements(channels, sale.merchant.id, language, bought)
    vouched = may_save(sale.customer_source)
    return {
        "saved_methods": active_methods(
            sale.merchant.id, sale.customer_id, livemode=sale.livemode, channels=[c.code for c in channels]
        )
        if vouched and channels
        else [],
        "can_save": vouched and any(saves_methods(c.code) for c in channels),
        # A customer the merchant's server vouched for sees their personal coupons, to apply one in a press.
        "wallet_coupons": wallet(sale.merchant.id, sale.customer_id, livemode=sale.livemode)
        if is_authenticated(sale.customer_source)
        else [],
        "product": sale.product,
        "merchant": sale.merchant,
        "shop_name": sale.shop_name,
        "checkout": sale.checkout,
        "fixed": sale.fixed,
        "livemode": sale.livemode,
        "maintenance": maintenance_for(sale.merchant.id),
        "data": data,
        "quote": quote,
        "quote_error": quote_error,
        "coupon_error": coupon_error,
        "error": error,
        "channels": channels,
        "nothing_due": free,
        "skus": skus,
        "currency": choice,
        # Each option in the chosen currency where it is sold in it, else at its default price.
        "option_prices": {
            s.id: s.price_in(choice.shown) if choice.shown in shared_currencies([s]) else s.price for s in skus
        },
        # Whether picking another option may change the currencies on offer (then the whole panel re-renders).
        "currency_choice": any(len(shared_currencies([s])) > 1 for s in skus),
        "recurring": checkout_terms(quote),
    }


def replaces_panel() -> bool:
    """Whether a re-price asks for the whole panel (a currency change: option prices and payment methods follow
    it) rather than the summary (quantity, coupon)."""
    return request.headers.get("HX-Target") == "panel"


def payment_methods_changed(context: dict) -> bool:
    """Whether a re-price turns the basket free, or no longer free, so the payment methods shown must change (the
    form says what it shows). They are sent again only then: a re-render would undo a channel the shopper is
    choosing while the answer arrives."""
    return (request.form.get("methods_shown") == "none") != context["nothing_due"]


def _customer(sale: Sale, data: PanelInput) -> dict:
    """The customer as the order records them: the shopper's email is where the receipt goes."""
    return {"id": sale.customer_id, "email": data.email} if data.email else {"id": sale.customer_id}


def pay_choice(data: PanelInput) -> dict:
    """How the panel's choice pays: a saved card (its channel follows), or a channel, saving the card that pays when
    the shopper asked and the channel keeps cards (a QR code has no card to keep)."""
    if data.payment_method is not None:
        return {"channel": None, "payment_method": data.payment_method}
    return {"channel": data.channel, "save_method": data.save_method and saves_methods(data.channel or "")}


def place_order(sale: Sale, data: PanelInput, *, actor: str) -> Order:
    """Open the order the shopper just agreed to pay, in the currency the panel showed and the language their
    page speaks."""
    currency = choose_currency(sale, data).currency
    language = shopper_language(sale.merchant)
    if sale.checkout is not None:
        return create_session_order(
            sale.checkout,
            items=None if sale.fixed else sale.basket(data),
            coupon=data.coupon,
            agreement_accepted=True,
            actor=actor,
            email=data.email,
            currency=currency,
            language=language,
        )
    basket = sale.basket(data)
    recurring = recurring_sku_in(sale.merchant.id, basket)
    if recurring is not None and basket[0].get("quantity") == 1:
        # A subscription SKU opens a contract; its first order is what the shopper pays now, with the coupon the
        # summary showed ("First charge today"), or nothing when the summary offered the free trial: a signup that
        # lost it meanwhile (the same shopper's other one took it) is refused, never charged after "Start free trial".
        shown = data.trial_shown if data.trial_shown is not None else _trial_offered(sale, basket) > 0
        try:
            _, order = open_subscription(
                sale.merchant.id,
                sku=recurring.id,
                customer=_customer(sale, data),
                customer_source=sale.customer_source,
                agreement_accepted=True,
                livemode=sale.livemode,
                actor=actor,
                language=language,
                currency=currency,
                coupon=data.coupon,
                expect_trial=shown,
            )
        except KassaError as exc:
            if exc.code == "trial_unavailable":
                raise Conflict(
                    gettext(
                        "You have already had this product's free trial. Nothing was charged: "
                        "see the price due today and pay again if you wish."
                    ),
                    code=exc.code,
                ) from exc
            raise
        return order
    return create_order(
        sale.merchant.id,
        items=basket,
        customer=_customer(sale, data),
        customer_source=sale.customer_source,
        livemode=sale.livemode,
        agreement_accepted=True,
        coupon=data.coupon,
        actor=actor,
        currency=currency,
        language=language,
    )
