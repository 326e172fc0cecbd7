/** The Kassa client: orders, payments, waiting for the result, panels, components and plugins. */
import type { CheckoutClient, CreateAndPayOptions, PayOptions, WaitForPaymentOptions } from "./checkout-client";
import { Components } from "./components";
import { Panel, type PanelOptions } from "./panel";
import { type KassaPlugin } from "./plugins";
import { type Locale } from "./i18n";
import { type PageLike, type PaymentReturn } from "./redirect";
import type { ChannelCode, CreateOrderParams, Order, Payment, PersonalCoupon, Quote, QuoteOptions, Subscription, SubscribeParams } from "./types";
import { type EventSourceLike } from "./wait";
export interface KassaOptions {
    /** Where Kassa runs, e.g. https://pay.example.com. Default: the page's own origin. */
    baseUrl?: string;
    /** Retries of a failed request (network, 429, 5xx); POST retries reuse their Idempotency-Key. */
    maxRetries?: number;
    fetch?: typeof fetch;
    EventSource?: (new (url: string) => EventSourceLike) | null;
    sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
    random?: () => number;
    /** The page whose address may carry a redirect return (default: window; null: none). */
    page?: PageLike | null;
    /** The language of the SDK's words and amounts (components, QR modal, panel): "en", "de" or "fr" ("de-AT"
     * counts as "de"). Default: the browser's (navigator.language) when it is one of those, else English. */
    locale?: string;
}
export declare class KassaClient implements CheckoutClient {
    readonly publishableKey: string;
    readonly baseUrl: string;
    readonly components: Components;
    /** The language the SDK speaks (see ``KassaOptions.locale``). */
    readonly locale: Locale;
    /** The ``locale`` option as given: only that is imposed on the panel (else the frame follows the browser). */
    private readonly askedLocale?;
    private readonly transport;
    private readonly maxRetries;
    private readonly EventSourceImpl;
    private readonly plugins;
    private readonly secrets;
    private readonly payments;
    private readonly modals;
    private readonly statuses;
    private readonly page;
    private paymentReturnRead?;
    private returned?;
    private pickup?;
    constructor(publishableKey: string, options?: KassaOptions);
    /** Add a plugin; hooks run in the order plugins were added. */
    use(plugin: KassaPlugin): this;
    /** One API request; a failure reaches the plugins' onError unless ``quiet`` (a caller that tries again, and
     * reports only the failure it gives up on). */
    private call;
    getProduct(productId: string): Promise<any>;
    /** Price items without creating anything: with a coupon code (a string, as before) or ``{coupon, currency}``,
     * where ``currency`` (lowercase ISO, e.g. "eur") prices every item from its price in that currency. */
    quote(items: {
        sku: string;
        quantity: number;
    }[], options?: string | QuoteOptions): Promise<Quote>;
    /** Create an order; plugins may amend or veto it first. Retries never create a second order. */
    createOrder(params: CreateOrderParams, options?: {
        idempotencyKey?: string;
    }): Promise<Order>;
    /** Create an order and start paying it through ``channel`` in the same request: one round trip less than
     * ``createOrder`` then ``pay``, with the same outcome — the payment's ``next_action`` is followed as ``pay``
     * follows it, and plugins hear ``afterCreateOrder`` and then the order's move to ``paying``. An order that
     * costs nothing is completed without the channel (``payment`` is null, the order ``paid``). When the payment
     * cannot start (the channel is unavailable, risk blocks it, the provider failed) the order is made all the same:
     * this rejects with the error ``pay`` would have, whose ``order`` is that order (``created``; pay it with
     * ``pay``). */
    createOrderAndPay(params: CreateOrderParams, channel: ChannelCode, options?: CreateAndPayOptions): Promise<{
        order: Order;
        payment: Payment | null;
    }>;
    /** POST /orders with ``params`` as the plugins amended them, plus ``extra``; the order's secret is remembered.
     * ``method`` is the call a refusal names. */
    private placeOrder;
    /** Open a subscription to a recurring SKU and its first order; pay that order (``pay``) to start it — a
     * card payment asks the shopper to authorise the recurring charge, and later periods are charged by
     * Kassa. Plugins see the first order as they see any created order. */
    subscribe(params: SubscribeParams, options?: {
        idempotencyKey?: string;
    }): Promise<{
        subscription: Subscription;
        order: Order;
    }>;
    /** Read an order with its client secret (remembered from createOrder, or given). */
    getOrder(orderId: string, clientSecret?: string): Promise<Order>;
    /** The personal coupons of the order's customer that they can use now (their wallet), to offer before paying;
     * apply one by creating the order with its ``code``. Empty for a guest or a customer only the browser named:
     * only a checkout session (or the merchant's server) vouches for who the shopper is. */
    listCoupons(orderId: string, clientSecret?: string): Promise<PersonalCoupon[]>;
    /** The order, read with ``secret``; a secret is remembered only once Kassa has taken it, so a mistyped one given
     * once never stands in for the order's own. */
    private readOrder;
    /** Start a payment and follow its next_action: redirect the page, show a QR code, or nothing. A
     * publishable key proves it may pay the order with the order's client secret. An order that costs nothing (a
     * 100 % coupon) needs no channel (pass null; one given is not used): Kassa completes it at once and this
     * resolves with null, no payment having been made; ``waitForPayment`` then resolves with the paid order. */
    pay(orderId: string, channel: ChannelCode | null, options?: PayOptions): Promise<Payment | null>;
    /** Where a redirect brings the shopper back by default: this page, when it has a web address. */
    private pageAddress;
    private follow;
    /** The shopper pays another way: Kassa fails the order's waiting payment (one this client started, e.g. an
     * unscanned QR code) and reopens the order, with the same items and coupon, for a new ``pay``. A waiting
     * ``waitForPayment`` then rejects with ``payment_failed``. Rejects with ``payment_not_waiting`` (409) when the
     * payment was decided meanwhile. */
    changePaymentMethod(orderId: string, options?: {
        clientSecret?: string;
    }): Promise<Order>;
    private noteStatus;
    /** Resolve with the paid order; reject with a KassaError on failure, close or timeout. Listens to
     * the order's status stream (SSE) and polls with back-off when the stream is unavailable. */
    waitForPayment(orderId: string, options?: WaitForPaymentOptions): Promise<Order>;
    /** The paid order, read whole. It is paid: a connection lost just now (a phone between cells) is waited out
     * until the wait's deadline, as the poller would, rather than reported as a failure the shopper would believe. */
    private readPaidOrder;
    /** The redirect return this page was loaded with — ``kassa_order``, ``kassa_client_secret`` and
     * ``redirect_status`` in its address — or null. Read once per client; the address bar is cleaned of it at once
     * (history.replaceState), so a reload does not pick the payment up again. */
    paymentReturn(): PaymentReturn | null;
    /** The order the page came back for, read with the return's client secret (once), or null when the page is
     * no return. A wrong client secret, or another shop's order, rejects with ``payment_not_found`` and reveals
     * nothing about the order. */
    returnedOrder(): Promise<Order | null>;
    private readReturnedOrder;
    /** Pick up the payment this page came back for from a redirect channel, as ``waitForPayment`` would have:
     * resolves with the paid Order (waiting, by stream or polling, while the provider is still processing), or
     * null when the page is no return; rejects with a KassaError (``payment_failed``, ``order_closed``,
     * ``wait_timeout``, ``payment_not_found``). The outcome is the order Kassa holds, never ``redirect_status``.
     * Every call shares one pickup (the first call's options set its timeouts); called without a ``signal`` it
     * answers the same promise. A ``signal`` ends that caller's share (``wait_aborted``), and the pickup itself once
     * every caller has stopped this way: a destroyed checkout leaves nothing polling behind it. */
    resumePayment(options?: Omit<WaitForPaymentOptions, "clientSecret">): Promise<Order | null>;
    private settleReturned;
    /** Insert Kassa's ready-made panel (an iframe) into the element ``selector`` names: a product for a
     * guest, or a checkout session (its client secret) for the customer your server created it for. */
    mountPanel(selector: string | Element, options: PanelOptions): Panel;
}
