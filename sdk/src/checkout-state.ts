/** A headless checkout's state and the rules it is checked by, as Kassa's API and hosted checkout apply them:
 * pure functions, no DOM. */
import type { KassaError } from "./errors";
import { DEFAULT_LOCALE, formatMoney, messagesFor, type Locale, type Messages } from "./i18n";
import type { Order, RecurringTerms } from "./types";

export const MAX_QUANTITY = 99;

export interface CheckoutState {
  product: string;
  sku: string | null;
  quantity: number | null;
  channel: string | null;
  agreed: boolean;
  total: { amount: number; currency: string } | null;
  /** The coupon code typed (upper case), or null. */
  coupon: string | null;
  /** What the coupon takes off the total, or null without one that applies. */
  discount: { amount: number; currency: string } | null;
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
export function recurringTerms(price: { amount: number; currency: string }, terms: RecurringTerms,
  locale: Locale = DEFAULT_LOCALE): string {
  const words = messagesFor(locale);
  const amount = formatMoney(price.amount, price.currency, locale);
  const every = words.every(terms.interval, terms.interval_count);
  return terms.trial_days ? words.trial(terms.trial_days, amount, every) : words.recurring(amount, every);
}

/** Whether the basket as quoted costs nothing and signs no contract (a 100 % coupon): Kassa completes its order
 * without a payment, so no channel is asked for. */
export function nothingDue(state: Partial<Pick<CheckoutState, "total" | "recurring">>): boolean {
  return Boolean(state.total && state.total.amount === 0 && !state.recurring);
}

/** Check the shopper's input the way the API will, so mistakes show before any request (said in ``locale``). */
export function validateCheckout(state: Pick<CheckoutState, "quantity" | "channel" | "agreed" | "sku">
  & Partial<Pick<CheckoutState, "recurring" | "total">>, locale: Locale = DEFAULT_LOCALE): CheckoutState["errors"] {
  const words = messagesFor(locale);
  const errors: CheckoutState["errors"] = {};
  if (!state.sku) errors.sku = words.chooseOption;
  if (state.quantity === null || !Number.isInteger(state.quantity) || state.quantity < 1 || state.quantity > MAX_QUANTITY) {
    errors.quantity = words.quantityRange(MAX_QUANTITY);
  } else if (state.recurring && state.quantity !== 1) {
    errors.quantity = words.oneSubscriptionAtATime;
  }
  if (!state.channel && !nothingDue(state)) errors.channel = words.chooseChannel;
  if (!state.agreed) errors.agreement = words.acceptTerms;
  return errors;
}

/** What the shopper reads of a failure: the SDK's own words in the checkout's language, worded as Kassa's hosted
 * checkout words them; the API's refusals (a coupon, stock) as the API words them. */
export function shopperMessage(error: KassaError, words: Messages): string {
  if (error.code === "payment_failed") return words.notCompleted(error.reason ?? null);
  if (error.code === "order_closed") return words.orderClosed;
  if (error.type === "api_connection_error") return words.unreachable;
  return error.message;
}

/** A coupon code as the API stores it (upper case), or null for an empty field. */
export function couponCode(raw: string): string | null {
  const code = raw.trim().toUpperCase();
  return code ? code.slice(0, 64) : null;
}

/** An API message as a sentence beside a field ("the coupon X expired on …" → "The coupon X expired on ….") */
export function sentence(message: string): string {
  const text = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

export function parseQuantity(raw: string): number | null {
  return /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : null;
}

