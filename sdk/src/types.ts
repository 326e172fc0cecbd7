/** Shapes of the API objects the SDK hands to callers (see docs/api.md; extra fields may appear). */

export interface Money { amount: number; currency: string }

export interface Channel { code: string; name: string; icon: string; note?: string | null }

export type OrderStatus =
  | "created" | "paying" | "paid" | "fulfilled" | "completed" | "refunding" | "refunded" | "closed";

export interface Order {
  id: string;
  object: "order";
  status: OrderStatus;
  items: { sku: string; product: string; name: string; quantity: number; unit_amount: number; amount: number }[];
  amount: { subtotal: number; discount: number; total: number; currency: string };
  livemode: boolean;
  /** ``source`` says how the customer was established; only ``verified`` customers may use their wallet. */
  customer: { id: string; email: string | null; source: "secret_key" | "checkout_session" | "publishable_key" | "guest";
    verified: boolean };
  checkout_session: string | null;
  client_secret: string;
  expires_at: string;
  available_channels: Channel[];
  payments: Payment[];
  [extra: string]: unknown;
}

export type NextAction =
  | { type: "redirect"; url: string }
  /** ``expires_at``: when the code stops working (ISO 8601); Kassa then fails the payment and reopens the order. */
  | { type: "qr"; url: string; image: string; expires_at?: string }
  | { type: "none" };

export interface Payment {
  id: string;
  channel: string;
  status: string;
  next_action?: NextAction;
  failure_reason?: string | null;
  [extra: string]: unknown;
}

/** What the status stream (and a poll) says about an order. */
export interface OrderSnapshot {
  order: string;
  status: OrderStatus;
  payment: { id: string; channel: string; status: string; failure_reason: string | null } | null;
}

/** Amounts are integers in minor units of ``currency``. */
export interface Quote {
  subtotal: number; discount: number; total: number; currency: string;
  lines: { sku: string; name: string; quantity: number; unit_amount: number; amount: number }[];
}

export interface CreateOrderParams {
  /** Required, except with a session that fixes the items. */
  items?: { sku: string; quantity: number }[];
  /** The client_secret of a checkout session your server created: the order is for that session's
   * customer, who may then pay from their wallet. */
  session?: string;
  /** Without a session: only your reference for a customer the page cannot prove (never their wallet).
   * Leave it out to check out as a guest. */
  customer?: { id: string; email?: string };
  agreementAccepted: boolean;
  coupon?: string;
  /** Lowercase ISO code ("eur"): price every item from its price in that currency (each must have one, else a
   * 400 with param "currency" naming the item). Leave it out for the items' default prices. */
  currency?: string;
  metadata?: Record<string, unknown>;
}

/** What ``quote`` may add to the items. */
export interface QuoteOptions {
  coupon?: string;
  /** Lowercase ISO code: price the items in this currency instead of their default prices. */
  currency?: string;
}

/** A SKU's recurring terms, when it is sold as a subscription. */
export interface RecurringTerms {
  interval: "day" | "week" | "month" | "year";
  interval_count: number;
  /** The free trial a new contract starts with (days), when the SKU has one. */
  trial_days?: number;
}

export type SubscriptionStatus =
  | "pending" | "trialing" | "active" | "past_due" | "paused" | "canceled" | "expired";

export interface Subscription {
  id: string;
  object: "subscription";
  status: SubscriptionStatus;
  customer: { id: string; email: string | null };
  sku: string;
  price: Money;
  interval: RecurringTerms["interval"];
  interval_count: number;
  /** The free trial this contract starts (days; 0: none, also when the customer has had the product's trial: its
   * first order then charges the first period, as ``order.amount.total`` says). */
  trial_days: number;
  /** ISO 8601 UTC, e.g. ``2026-11-27T15:07:48Z`` (as every time the API answers). */
  current_period_end: string | null;
  /** ISO 8601 UTC, e.g. ``2026-11-27T15:07:48Z``. */
  next_renewal_at: string | null;
  cancel_at_period_end: boolean;
  [extra: string]: unknown;
}

export interface SubscribeParams {
  /** A SKU sold as a subscription. */
  sku: string;
  /** Only your reference for the customer (the page cannot prove it); leave it out for a guest. A customer has a
   * product's free trial once: one who has had the product is charged the first period at once. */
  customer?: { id: string; email?: string };
  agreementAccepted: boolean;
  /** The currency the contract charges in, its first order and every renewal (lowercase ISO, e.g. "eur"); the
   * SKU needs a price in it. Left out: the SKU's default price. */
  currency?: string;
  /** A coupon code: it discounts the first order only; every renewal charges the SKU's price. */
  coupon?: string;
}
