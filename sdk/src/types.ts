/** Shapes of the API objects the SDK hands to callers (see docs/api.md; extra fields may appear).
 *
 * They come from the API's OpenAPI document (sdk/openapi.json → src/api-schema.ts, generated: see sdk/README.md,
 * "Where the types come from"), so they follow the API as it changes. Only what the document cannot say is written
 * here: the SDK's own camelCase parameters (``agreementAccepted``, ``session``), the looser ``currency`` and the
 * firmer ``quantity`` it has always taken, and the index signatures that let callers read a field newer than this
 * SDK. */
import type { components } from "./api-schema";

type Schemas = components["schemas"];
// An interface extends only a named type, not an indexed one: these names are for ``extends``.
type PaymentSchema = Schemas["Payment"];
type QuoteSchema = Schemas["Quote"];
type SubscriptionSchema = Schemas["Subscription"];
type OrderStatusEventSchema = Schemas["OrderStatusEvent"];

export type Money = Schemas["Money"];

/** The channels a page may name to ``pay``: Kassa's built-in codes. A channel installed into Kassa as a package
 * (docs/channels.md) has its own code, which the page adds here by declaration merging, once, where it pays with it:
 *
 *     declare module "@kassa/sdk" { interface ChannelCodes { bank_transfer: true } }
 *
 * A closed list, not ``string``: a typo (``"sandbox_crad"``) does not compile, and an installed channel is named
 * on purpose. */
export interface ChannelCodes {
  sandbox_card: true; sandbox_qr: true; stripe: true; wallet: true;
}

export type ChannelCode = Extract<keyof ChannelCodes, string>;

/** A channel an order may be paid through (its ``code`` is one ``pay`` takes). */
export type Channel = Omit<Schemas["Order"]["available_channels"][number], "code"> & { code: ChannelCode };

export type OrderStatus = Schemas["Order"]["status"];

/** A card a vouched-for customer saved for one-press purchases (GET /customers/{id}/payment_methods, secret key). */
export type SavedPaymentMethod = Schemas["PaymentMethod"];

/** A single-use coupon only its customer can use (listCoupons: the wallet of an order's customer). */
export type PersonalCoupon = Schemas["PersonalCoupon"];

/** What the client does next after ``pay``: the document's PaymentWithAction.next_action (redirect, qr or none). */
export type NextAction = Schemas["PaymentWithAction"]["next_action"];

export interface Payment extends PaymentSchema {
  /** What the client does next; answered by ``pay`` (the document's PaymentWithAction), not by a read order. */
  next_action?: NextAction;
  [extra: string]: unknown;
}

export interface Order extends Omit<Schemas["Order"], "payments" | "available_channels"> {
  payments: Payment[];
  available_channels: Channel[];
  [extra: string]: unknown;
}

/** What the status stream (and a poll) says about an order: the document's OrderStatusEvent. */
export interface OrderSnapshot extends OrderStatusEventSchema {}

/** Amounts are integers in minor units of ``currency``. */
export interface Quote extends QuoteSchema {}

type OrderInput = Schemas["OrderInput"];

/** Lowercase ISO 4217 ("eur"). The document lists every code the API knows; the SDK takes any string (a page's
 * data-kassa-currency, a variable), as it always has, and the API's 400 names a code it does not know. */
type CurrencyParam = string;

/** The body of POST /orders, in the SDK's words: ``session`` is ``checkout_session``, ``agreementAccepted`` is
 * ``agreement_accepted`` (false is refused before any request). */
export interface CreateOrderParams extends Pick<OrderInput, "customer" | "coupon" | "metadata"> {
  /** The API takes a line without a quantity as 1; the SDK asks for it, as it always has, so plugins reading the
   * items always see one. */
  items?: Required<Schemas["ItemInput"]>[] | null;
  currency?: CurrencyParam;
  /** The client_secret of a checkout session your server created: the order is for that session's
   * customer, who may then pay from their wallet. */
  session?: OrderInput["checkout_session"];
  agreementAccepted: boolean;
}

/** What ``quote`` may add to the items. */
export interface QuoteOptions extends Pick<Schemas["QuoteInput"], "coupon"> {
  currency?: CurrencyParam;
  /** The language of the channels' names in ``available_channels`` (en, de or fr). */
  locale?: string;
}

/** A channel a quote's basket may be paid with now, highest priority first. */
export type QuoteChannel = Schemas["QuoteChannel"];

/** A SKU's recurring terms, when it is sold as a subscription. */
export type RecurringTerms = NonNullable<Schemas["Sku"]["subscription"]>;

export type SubscriptionStatus = Schemas["Subscription"]["status"];

export interface Subscription extends SubscriptionSchema {
  [extra: string]: unknown;
}

type SubscriptionInput = Schemas["SubscriptionInput"];

/** The body of POST /subscriptions, in the SDK's words (``agreementAccepted`` is ``agreement_accepted``). */
export interface SubscribeParams extends Pick<SubscriptionInput, "sku" | "coupon"> {
  currency?: CurrencyParam;
  /** Only your reference for the customer (the page cannot prove it); leave it out for a guest. A customer has a
   * product's free trial once: one who has had the product is charged the first period at once. */
  customer?: SubscriptionInput["customer"];
  agreementAccepted: boolean;
}
