/** A headless checkout's state and the rules it is checked by, as Kassa's API and hosted checkout apply them:
 * pure functions, no DOM. */
import type { KassaError } from "./errors";
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
    /** ``unavailable``: the page's setup is wrong (an unknown key or product, an origin not allowed): Pay stays
     * disabled and the ``error`` event says why. */
    state: "loading" | "ready" | "paying" | "paid" | "failed" | "unavailable";
    order: Order | null;
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
/** What the shopper reads of a failure: the SDK's own words in the checkout's language, worded as Kassa's hosted
 * checkout words them; the API's refusals (a coupon, stock) as the API words them. */
export declare function shopperMessage(error: KassaError, words: Messages): string;
/** A coupon code as the API stores it (upper case), or null for an empty field. */
export declare function couponCode(raw: string): string | null;
/** An API message as a sentence beside a field ("the coupon X expired on …" → "The coupon X expired on ….") */
export declare function sentence(message: string): string;
export declare function parseQuantity(raw: string): number | null;
