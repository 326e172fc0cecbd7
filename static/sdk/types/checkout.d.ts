/** The headless checkout: Kassa's state and validation bound to the merchant's own markup through data-kassa-*
 * attributes. The SDK never styles anything here; it fills text, toggles aria-invalid, disabled and
 * data-kassa-state, and emits events; ``destroy()`` undoes all of it. */
import { Emitter } from "./emitter";
import { KassaError } from "./errors";
import type { CheckoutClient } from "./checkout-client";
import { type Locale } from "./i18n";
import { type CheckoutState } from "./checkout-state";
import type { Order } from "./types";
/** Where an element keeps its binding, whichever client (or copy of the SDK on the page) made it: a second binding
 * would answer every Pay press with a second order (and a second QR code), as when the zero-code tag bound a form
 * the page binds again for its events. ``destroy()`` removes it, so the element can be bound afresh. */
export declare const BINDING: unique symbol;
export interface CheckoutOptions {
    /** The product id (or the root's data-kassa-product). */
    product?: string;
    /** A checkout session's client secret (or the root's data-kassa-session), for a product session. */
    session?: string;
    /** The language of this checkout's words and amounts (en, de or fr; or the root's data-kassa-locale).
     * Default: the client's ``locale``. */
    locale?: string;
    /** The currency to charge in, lowercase ISO ("eur"; or the root's data-kassa-currency), as Kassa's own checkout
     * charges a shopper in theirs: a SKU priced in it is shown, quoted and charged in it, any other in its own
     * price. Default: each SKU's own price. */
    currency?: string;
}
export interface CheckoutEvents {
    ready: CheckoutState;
    change: CheckoutState;
    paid: Order;
    failed: KassaError;
    /** The checkout cannot start on this page (``type`` ``setup_error``, ``code`` api_key_unknown, product_unknown or
     * origin_not_allowed): it shows "Checkout unavailable" with Pay disabled; the page may fall back (a link to
     * Kassa's hosted checkout, say). No ``ready`` follows. */
    error: KassaError;
}
export declare class Checkout extends Emitter<CheckoutEvents> {
    private readonly kassa;
    readonly root: Element;
    readonly state: CheckoutState;
    /** The language this checkout speaks. */
    readonly locale: Locale;
    /** The currency asked for, if any (a SKU without a price in it is sold in its own). */
    readonly currency: string | null;
    private product;
    /** What this checkout wrote into the markup, to put back on destroy. */
    private readonly markup;
    /** Stops the wait for a payment (its stream, polls and timers) on destroy. */
    private readonly stop;
    /** The DOM listeners this checkout added, to remove on destroy. */
    private readonly unlisten;
    private destroyed;
    /** Whether this checkout fills ``[data-kassa-channels]`` itself (the merchant left it empty, or wrote "auto"). */
    private autoChannels;
    /** The channels the last quote offered, highest priority first; the radios drawn for them. */
    private channels;
    private drawn;
    constructor(kassa: CheckoutClient, root: Element, options?: CheckoutOptions);
    /** A checkout session's client secret: the order is then for its customer; otherwise a guest's. */
    private readonly session?;
    private el;
    private on_;
    private listen;
    /** Unmount: stop waiting for a payment (its status stream, polls and timers), close a QR code it showed, remove
     * its listeners and put the markup back as it was before binding (texts, attributes, added options), so the
     * element can be bound again. Emits nothing more. Safe to call more than once. A payment already started is not
     * cancelled: Kassa still settles it, and the order can be read later. */
    destroy(): void;
    private load;
    /** The order this page came back for from a redirect payment, when it is for this checkout's product (it shows
     * it as bought), an error when the return cannot be read (nothing about the order), or null. */
    private returnedHere;
    /** Wait for the returned order's real outcome and show it, as after a payment that never left the page. */
    private resume;
    private settle;
    private read;
    private readChannel;
    /** What a SKU costs here: its price in the asked-for currency when it has one, else its own. */
    private priceOf;
    private chosenSku;
    /** The currency to ask the API for the chosen SKU in: none when it has no price in the one asked for, or the
     * order comes from a checkout session (which has its own). */
    private chargedCurrency;
    private noteTerms;
    /** Price the basket as the API will charge it. A coupon the API refuses is explained beside its field and
     * the basket priced without it, so the shopper still sees a total. */
    private reprice;
    /** Draw the channels Kassa offers for the basket as radios in an empty ``[data-kassa-channels]``, in Kassa's
     * order (the merchant's priority), each labelled with its icon and name; the shopper's choice stays while it is
     * offered, else the first is chosen. Markup the merchant wrote there is theirs and left alone. */
    private offer;
    /** A channel's icon: its image, or an empty ``<span data-kassa-icon="card">`` the page may style. */
    private icon;
    /** Validate, then create the order, pay it through the chosen channel and wait for the result. */
    pay(): Promise<Order | null>;
    /** A new order of the shopper's choice, its payment started: made and paid in one request when the shopper pays
     * through a channel; a subscription SKU opens a contract whose first order this is (paying it signs the mandate),
     * and an order the quote says costs nothing is completed without a channel. */
    private newOrderPaying;
    /** Pay ``order`` through the chosen channel; false when it is a ``reused`` order Kassa has closed meanwhile. */
    private startPayment;
    private switching;
    private reopening;
    private basketOfOrder;
    private basketKey;
    /** The order a changed payment method reopened, while the shopper's choice is still what it was made of. */
    private reusable;
    /** Closing the QR modal, or "Change payment method", gives the waiting payment up (Kassa reopens the order)
     * and brings the shopper back to choosing how to pay, quantity and coupon as they were, focus on Pay. */
    private changeMethod;
    private backToChoosing;
    /** The page's setup is wrong: no shopper can pay here, so nothing reads as a failed payment; the integrator hears
     * why (the error event, and the console, where they look first). */
    private unavailable;
    private fail;
    private text;
    /** Emit, unless destroyed: an answer arriving after the page unmounted the checkout tells it nothing. */
    emit<K extends keyof CheckoutEvents>(type: K, event: CheckoutEvents[K]): void;
    /** Write state into the markup: texts, error messages, aria-invalid, disabled, data-kassa-state. */
    private render;
}
