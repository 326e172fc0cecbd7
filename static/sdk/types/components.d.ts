/** Headless components: Kassa's state and validation bound to the merchant's own markup through
 * data-kassa-* attributes. The SDK never styles anything here; it fills text, toggles
 * aria-invalid, disabled and data-kassa-state, and emits events. */
import { Emitter } from "./emitter";
import { KassaError } from "./errors";
import type { KassaClient } from "./client";
import { type Locale, type Messages } from "./i18n";
import type { Order, RecurringTerms } from "./types";
export declare const MAX_QUANTITY = 99;
export interface CheckoutState {
    product: string;
    sku: string | null;
    quantity: number | null;
    channel: string | null;
    agreed: boolean;
    total: {
        amount: number;
        currency: string;
    } | null;
    /** The coupon code typed (upper case), or null. */
    coupon: string | null;
    /** What the coupon takes off the total, or null without one that applies. */
    discount: {
        amount: number;
        currency: string;
    } | null;
    /** The recurring terms shown before signing ("$9.99 every month, cancel anytime"), or null for a one-off SKU. */
    recurring: string | null;
    errors: Partial<Record<"quantity" | "channel" | "agreement" | "sku" | "coupon" | "form", string>>;
    state: "loading" | "ready" | "paying" | "paid" | "failed";
    order: Order | null;
}
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
export interface CheckoutEvents extends Record<string, unknown> {
    ready: CheckoutState;
    change: CheckoutState;
    paid: Order;
    failed: KassaError;
}
/** The terms a subscription SKU is sold on, worded as Kassa's own checkout words them in ``locale``: with its free
 * trial ("14-day free trial, then $9.99 every month") when the signup starts one. */
export declare function recurringTerms(price: {
    amount: number;
    currency: string;
}, terms: RecurringTerms, locale?: Locale): string;
/** Whether the basket as quoted costs nothing and signs no contract (a 100 % coupon): Kassa completes its order
 * without a payment, so no channel is asked for. */
export declare function nothingDue(state: Partial<Pick<CheckoutState, "total" | "recurring">>): boolean;
/** Check the shopper's input the way the API will, so mistakes show before any request (said in ``locale``). */
export declare function validateCheckout(state: Pick<CheckoutState, "quantity" | "channel" | "agreed" | "sku"> & Partial<Pick<CheckoutState, "recurring" | "total">>, locale?: Locale): CheckoutState["errors"];
export declare class Checkout extends Emitter<CheckoutEvents> {
    private readonly kassa;
    readonly root: Element;
    readonly state: CheckoutState;
    /** The language this checkout speaks. */
    readonly locale: Locale;
    /** The currency asked for, if any (a SKU without a price in it is sold in its own). */
    readonly currency: string | null;
    private product;
    constructor(kassa: KassaClient, root: Element, options?: CheckoutOptions);
    /** A checkout session's client secret: the order is then for its customer; otherwise a guest's. */
    private readonly session?;
    private el;
    private listen;
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
    /** Validate, then create the order, pay it through the chosen channel and wait for the result. */
    pay(): Promise<Order | null>;
    /** A new order of the shopper's choice; a subscription SKU opens a contract whose first order this is (paying it
     * signs the mandate). */
    private newOrder;
    /** Pay ``order`` through the chosen channel; false when it is a ``reused`` order Kassa has closed meanwhile. */
    private startPayment;
    private switching;
    private basketOfOrder;
    private basketKey;
    /** The order a changed payment method reopened, while the shopper's choice is still what it was made of. */
    private reusable;
    /** Closing the QR modal, or "Change payment method", gives the waiting payment up (Kassa reopens the order)
     * and brings the shopper back to choosing how to pay, quantity and coupon as they were, focus on Pay. */
    private changeMethod;
    private backToChoosing;
    private fail;
    private text;
    /** Write state into the markup: texts, error messages, aria-invalid, disabled, data-kassa-state. */
    private render;
}
/** What the shopper reads of a failure: the SDK's own words in the checkout's language, worded as Kassa's hosted
 * checkout words them; the API's refusals (a coupon, stock) as the API words them. */
export declare function shopperMessage(error: KassaError, words: Messages): string;
/** A coupon code as the API stores it (upper case), or null for an empty field. */
export declare function couponCode(raw: string): string | null;
/** kassa.components: bind one element, or every [data-kassa-checkout] under a root. An element is bound once;
 * binding it again answers the Checkout it already has. */
export declare class Components {
    private readonly kassa;
    constructor(kassa: KassaClient);
    checkout(target: string | Element, options?: CheckoutOptions): Checkout;
    bindAll(root?: ParentNode): Checkout[];
    private bind;
}
