/** The Kassa client: orders, payments, waiting for the result, panels, components and plugins. */
import type { CheckoutClient, CreateAndPayOptions, PayOptions, WaitForPaymentOptions } from "./checkout-client";
import { Components } from "./components";
import { KassaError } from "./errors";
import { request, type Transport } from "./http";
import { Panel, type PanelOptions } from "./panel";
import { PluginHost, type KassaPlugin } from "./plugins";
import { browserLanguage, resolveLocale, type Locale } from "./i18n";
import { showQrModal, type QrModal } from "./qr";
import { takePaymentReturn, type PageLike, type PaymentReturn } from "./redirect";
import { SharedWait } from "./shared-wait";
import type { components } from "./api-schema";
import type { ChannelCode, CreateOrderParams, NextAction, Order, OrderSnapshot, Payment, PersonalCoupon, Quote,
  QuoteOptions, Subscription, SubscribeParams } from "./types";
import { DEFAULT_TIMEOUT_MS, PAID_STATUSES, verdict, waitAborted, waitForOrder, type EventSourceLike } from "./wait";

type Schemas = components["schemas"];

/** POST /orders's answer: the order, and with ``pay`` its payment or why it could not start. */
type PlacedOrder = Order & { payment?: Payment | null; payment_error?: Schemas["ErrorDetail"] | null };

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

/** The default sleep: a timer that a stopped wait (``signal``) clears at once rather than leaving it to run out. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => { clearTimeout(timer); signal?.removeEventListener("abort", done); resolve(); };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Refuse, before any request, an order the customer has not agreed to, in the SDK's words (the API's message names
 * its own field, agreement_accepted). */
function agreed(method: string, value: unknown): void {
  if (value !== true) throw new KassaError("invalid_request_error", "agreement_required",
    `the customer must accept your terms first: call ${method} with agreementAccepted: true`,
    { param: "agreementAccepted" });
}

function snapshotOf(order: Order): OrderSnapshot {
  const last = order.payments?.[order.payments.length - 1];
  return { order: order.id, status: order.status, payment: last ? {
    id: last.id, channel: last.channel, status: last.status, failure_reason: last.failure_reason ?? null } : null };
}

export class KassaClient implements CheckoutClient {
  readonly publishableKey: string;
  readonly baseUrl: string;
  readonly components: Components;
  /** The language the SDK speaks (see ``KassaOptions.locale``). */
  readonly locale: Locale;
  /** The ``locale`` option as given: only that is imposed on the panel (else the frame follows the browser). */
  private readonly askedLocale?: string;
  private readonly transport: Transport;
  private readonly maxRetries: number;
  private readonly EventSourceImpl: (new (url: string) => EventSourceLike) | null;
  private readonly plugins = new PluginHost();
  private readonly secrets = new Map<string, string>();
  private readonly payments = new Map<string, string>();
  private readonly modals = new Map<string, QrModal>();
  private readonly statuses = new Map<string, string>();
  private readonly page: PageLike | null;
  private paymentReturnRead?: PaymentReturn | null;
  private returned?: Promise<Order | null>;
  private pickup?: SharedWait<Order | null>;

  constructor(publishableKey: string, options: KassaOptions = {}) {
    if (typeof publishableKey !== "string" || !/^pk_(test|live)_/.test(publishableKey)) {
      throw new KassaError("authentication_error", "publishable_key_required",
        "Kassa() takes a publishable key (pk_test_… or pk_live_…); never put a secret key in a web page");
    }
    this.publishableKey = publishableKey;
    const origin = typeof location !== "undefined" ? location.origin : "";
    this.baseUrl = (options.baseUrl ?? origin).replace(/\/$/, "");
    const fetchImpl = options.fetch ?? (typeof fetch !== "undefined" ? fetch.bind(globalThis) : undefined);
    if (!fetchImpl) throw new KassaError("api_connection_error", "fetch_missing", "this environment has no fetch()");
    this.transport = {
      fetch: fetchImpl,
      sleep: options.sleep ?? pause,
      random: options.random ?? Math.random,
    };
    this.maxRetries = options.maxRetries ?? 3;
    const globalES = (globalThis as { EventSource?: new (url: string) => EventSourceLike }).EventSource;
    this.EventSourceImpl = options.EventSource === undefined ? globalES ?? null : options.EventSource;
    this.page = options.page !== undefined ? options.page : typeof window !== "undefined" ? window : null;
    this.locale = resolveLocale(options.locale, browserLanguage());
    this.askedLocale = options.locale;
    this.components = new Components(this);
  }

  /** Add a plugin; hooks run in the order plugins were added. */
  use(plugin: KassaPlugin): this {
    this.plugins.add(plugin);
    return this;
  }

  /** One API request; a failure reaches the plugins' onError unless ``quiet`` (a caller that tries again, and
   * reports only the failure it gives up on). */
  private async call<T>(method: "GET" | "POST", path: string, extra: { body?: unknown; query?: Record<string, string | undefined>;
    idempotencyKey?: string; quiet?: boolean } = {}): Promise<T> {
    const { quiet, ...sent } = extra;
    try {
      return await request<T>({ baseUrl: this.baseUrl, key: this.publishableKey, method, path, maxRetries: this.maxRetries,
        transport: this.transport, ...sent });
    } catch (error) {
      if (!quiet) await this.plugins.notify("onError", error as KassaError);
      throw error;
    }
  }

  getProduct(productId: string): Promise<any> {
    return this.call("GET", `/products/${encodeURIComponent(productId)}`);
  }

  /** Price items without creating anything: with a coupon code (a string, as before) or ``{coupon, currency}``,
   * where ``currency`` (lowercase ISO, e.g. "eur") prices every item from its price in that currency. */
  quote(items: { sku: string; quantity: number }[], options?: string | QuoteOptions): Promise<Quote> {
    const { coupon, currency, locale } = typeof options === "string"
      ? { coupon: options, currency: undefined, locale: undefined } : options ?? {};
    const body: Record<string, unknown> = { items };
    if (coupon) body.coupon = coupon;
    if (currency !== undefined) body.currency = currency;
    if (locale !== undefined) body.locale = locale;
    return this.call("POST", "/quotes", { body });
  }

  /** Create an order; plugins may amend or veto it first. Retries never create a second order. */
  async createOrder(params: CreateOrderParams, options: { idempotencyKey?: string } = {}): Promise<Order> {
    const order = await this.placeOrder("createOrder", params, {}, options.idempotencyKey);
    this.statuses.set(order.id, order.status);
    await this.plugins.notify("afterCreateOrder", order);
    return order;
  }

  /** Create an order and start paying it through ``channel`` in the same request: one round trip less than
   * ``createOrder`` then ``pay``, with the same outcome — the payment's ``next_action`` is followed as ``pay``
   * follows it, and plugins hear ``afterCreateOrder`` and then the order's move to ``paying``. An order that
   * costs nothing is completed without the channel (``payment`` is null, the order ``paid``). When the payment
   * cannot start (the channel is unavailable, risk blocks it, the provider failed) the order is made all the same:
   * this rejects with the error ``pay`` would have, whose ``order`` is that order (``created``; pay it with
   * ``pay``). */
  async createOrderAndPay(params: CreateOrderParams, channel: ChannelCode, options: CreateAndPayOptions = {}):
    Promise<{ order: Order; payment: Payment | null }> {
    const returnUrl = options.returnUrl ?? this.pageAddress();
    const pay: Record<string, string> = { channel };
    if (returnUrl) pay.return_url = returnUrl;
    const { payment, payment_error: refused, ...order } = await this.placeOrder("createOrderAndPay", params, { pay },
      options.idempotencyKey);
    this.statuses.set(order.id, "created");
    await this.plugins.notify("afterCreateOrder", order);
    if (refused) {
      const error = new KassaError(refused.type, refused.code, refused.message,
        { param: refused.param ?? undefined, requestId: refused.request_id, order });
      await this.plugins.notify("onError", error);
      throw error;
    }
    if (payment === undefined) {
      // A retry whose first request died after Kassa made the order answers the order alone: pay it now, or, when
      // its payment started already, wait for it (its next_action went with the lost answer).
      if (order.status === "created") return { order, payment: await this.pay(order.id, channel, options) };
      this.noteStatus(order.id, order.status);
      return { order, payment: null };
    }
    if (payment === null) {
      this.noteStatus(order.id, order.status);  // nothing was due: paid already
      return { order, payment: null };
    }
    this.payments.set(order.id, payment.id);
    this.noteStatus(order.id, "paying");
    this.follow(order.id, payment.next_action ?? { type: "none" }, options);
    return { order, payment };
  }

  /** POST /orders with ``params`` as the plugins amended them, plus ``extra``; the order's secret is remembered.
   * ``method`` is the call a refusal names. */
  private async placeOrder(method: string, params: CreateOrderParams, extra: Record<string, unknown>,
    idempotencyKey?: string): Promise<PlacedOrder> {
    let amended: CreateOrderParams;
    try {
      amended = await this.plugins.beforeCreateOrder(params);
      agreed(method, amended.agreementAccepted);
    } catch (error) {
      await this.plugins.notify("onError", error as KassaError);
      throw error;
    }
    const body: Record<string, unknown> = { agreement_accepted: amended.agreementAccepted };
    if (amended.items !== undefined) body.items = amended.items;
    if (amended.session !== undefined) body.checkout_session = amended.session;
    if (amended.customer !== undefined) body.customer = amended.customer;
    if (amended.coupon !== undefined) body.coupon = amended.coupon;
    if (amended.currency !== undefined) body.currency = amended.currency;
    if (amended.metadata !== undefined) body.metadata = amended.metadata;
    const order = await this.call<PlacedOrder>("POST", "/orders", { body: { ...body, ...extra }, idempotencyKey });
    this.secrets.set(order.id, order.client_secret);
    return order;
  }

  /** Open a subscription to a recurring SKU and its first order; pay that order (``pay``) to start it — a
   * card payment asks the shopper to authorise the recurring charge, and later periods are charged by
   * Kassa. Plugins see the first order as they see any created order. */
  async subscribe(params: SubscribeParams, options: { idempotencyKey?: string } = {}): Promise<{
    subscription: Subscription; order: Order }> {
    if (!params || typeof params.sku !== "string" || !params.sku) throw new KassaError("invalid_request_error",
      "parameter_missing", "subscribe needs the SKU sold as a subscription", { param: "sku" });
    try {
      agreed("subscribe", params.agreementAccepted);
    } catch (error) {
      await this.plugins.notify("onError", error as KassaError);
      throw error;
    }
    const body: Record<string, unknown> = { sku: params.sku, agreement_accepted: params.agreementAccepted };
    if (params.customer !== undefined) body.customer = params.customer;
    if (params.currency !== undefined) body.currency = params.currency;
    if (params.coupon !== undefined) body.coupon = params.coupon;
    const created = await this.call<{ subscription: Subscription; order: Order }>("POST", "/subscriptions",
      { body, idempotencyKey: options.idempotencyKey });
    this.secrets.set(created.order.id, created.order.client_secret);
    this.statuses.set(created.order.id, created.order.status);
    await this.plugins.notify("afterCreateOrder", created.order);
    return created;
  }

  /** Read an order with its client secret (remembered from createOrder, or given). */
  async getOrder(orderId: string, clientSecret?: string): Promise<Order> {
    const secret = clientSecret ?? this.secrets.get(orderId);
    if (!secret) throw new KassaError("invalid_request_error", "client_secret_required",
      "getOrder needs the order's client_secret", { param: "client_secret" });
    return this.readOrder(orderId, secret);
  }

  /** The personal coupons of the order's customer that they can use now (their wallet), to offer before paying;
   * apply one by creating the order with its ``code``. Empty for a guest or a customer only the browser named:
   * only a checkout session (or the merchant's server) vouches for who the shopper is. */
  async listCoupons(orderId: string, clientSecret?: string): Promise<PersonalCoupon[]> {
    const secret = clientSecret ?? this.secrets.get(orderId);
    if (!secret) throw new KassaError("invalid_request_error", "client_secret_required",
      "listCoupons needs the order's client_secret", { param: "client_secret" });
    const wallet = await this.call<{ data: PersonalCoupon[] }>("GET", `/orders/${encodeURIComponent(orderId)}/coupons`,
      { query: { client_secret: secret } });
    return wallet.data;
  }

  /** The order, read with ``secret``; a secret is remembered only once Kassa has taken it, so a mistyped one given
   * once never stands in for the order's own. */
  private async readOrder(orderId: string, secret: string, quiet = false): Promise<Order> {
    const order = await this.call<Order>("GET", `/orders/${encodeURIComponent(orderId)}`,
      { query: { client_secret: secret }, quiet });
    this.secrets.set(orderId, secret);
    this.noteStatus(order.id, order.status);
    return order;
  }

  /** Start a payment and follow its next_action: redirect the page, show a QR code, or nothing. A
   * publishable key proves it may pay the order with the order's client secret. An order that costs nothing (a
   * 100 % coupon) needs no channel (pass null; one given is not used): Kassa completes it at once and this
   * resolves with null, no payment having been made; ``waitForPayment`` then resolves with the paid order. */
  async pay(orderId: string, channel: ChannelCode | null, options: PayOptions = {}): Promise<Payment | null> {
    const secret = options.clientSecret ?? this.secrets.get(orderId);
    if (!secret) throw new KassaError("invalid_request_error", "client_secret_required",
      "pay needs the order's client_secret: create the order with this client, or pass { clientSecret }",
      { param: "client_secret" });
    const returnUrl = options.returnUrl ?? this.pageAddress();
    const body: Record<string, string | boolean> = { client_secret: secret };
    if (channel !== null) body.channel = channel;
    if (options.paymentMethod !== undefined) body.payment_method = options.paymentMethod;
    if (options.savePaymentMethod) body.save_payment_method = true;
    if (returnUrl) body.return_url = returnUrl;
    const { payment, order } = await this.call<{ payment: Payment | null; order?: Order }>("POST",
      `/orders/${encodeURIComponent(orderId)}/pay`, { body });
    this.secrets.set(orderId, secret);
    if (payment === null) {
      // Nothing was due: the order is paid already, with no payment to follow.
      this.payments.delete(orderId);
      this.noteStatus(orderId, order?.status ?? "paid");
      return null;
    }
    this.payments.set(orderId, payment.id);
    this.noteStatus(orderId, "paying");
    this.follow(orderId, payment.next_action ?? { type: "none" }, options);
    return payment;
  }

  /** Where a redirect brings the shopper back by default: this page, when it has a web address. */
  private pageAddress(): string | undefined {
    return typeof location !== "undefined" && /^https?:/.test(location.href) ? location.href : undefined;
  }

  private follow(orderId: string, action: NextAction, options: PayOptions): void {
    if (typeof document === "undefined") return;
    if (action.type === "redirect" && options.redirect !== false) {
      location.assign(action.url);
    } else if (action.type === "qr" && options.qr !== false) {
      this.modals.get(orderId)?.close();
      const forget = () => this.modals.delete(orderId);
      this.modals.set(orderId, showQrModal(document, action, {
        onClose: () => { forget(); options.onQrClose?.(); },
        onChangeMethod: options.onChangeMethod && (() => { forget(); options.onChangeMethod!(); }),
        locale: this.locale,
      }));
    }
  }

  /** The shopper pays another way: Kassa fails the order's waiting payment (one this client started, e.g. an
   * unscanned QR code) and reopens the order, with the same items and coupon, for a new ``pay``. A waiting
   * ``waitForPayment`` then rejects with ``payment_failed``. Rejects with ``payment_not_waiting`` (409) when the
   * payment was decided meanwhile. */
  async changePaymentMethod(orderId: string, options: { clientSecret?: string } = {}): Promise<Order> {
    const secret = options.clientSecret ?? this.secrets.get(orderId);
    if (!secret) throw new KassaError("invalid_request_error", "client_secret_required",
      "changePaymentMethod needs the order's client_secret", { param: "client_secret" });
    this.modals.get(orderId)?.close();
    this.modals.delete(orderId);
    const body: Record<string, string> = { client_secret: secret };
    const payment = this.payments.get(orderId);
    if (payment) body.payment = payment;
    const order = await this.call<Order>("POST", `/orders/${encodeURIComponent(orderId)}/change_payment_method`, { body });
    this.noteStatus(order.id, order.status);
    return order;
  }

  private noteStatus(orderId: string, status: string): void {
    const previous = this.statuses.get(orderId) ?? null;
    if (previous === status) return;
    // A poll (or a stream that caught up late) may first see a paid order fulfilled or completed. It went through
    // "paid" all the same, and plugins waiting for "paid" (the README's purchase event) must hear it.
    if ((previous === "created" || previous === "paying") && status !== "paid" && PAID_STATUSES.includes(status)) {
      this.noteStatus(orderId, "paid");
      this.noteStatus(orderId, status);
      return;
    }
    this.statuses.set(orderId, status);
    void this.plugins.notify("onStatusChange", { orderId, status: status as Order["status"], previous: previous as Order["status"] | null });
  }

  /** Resolve with the paid order; reject with a KassaError on failure, close or timeout. Listens to
   * the order's status stream (SSE) and polls with back-off when the stream is unavailable. */
  async waitForPayment(orderId: string, options: WaitForPaymentOptions = {}): Promise<Order> {
    const secret = options.clientSecret ?? this.secrets.get(orderId);
    if (!secret) throw new KassaError("invalid_request_error", "client_secret_required",
      "waitForPayment needs the order's client_secret", { param: "client_secret" });
    const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const streamUrl = `${this.baseUrl}/api/v1/orders/${encodeURIComponent(orderId)}/stream?client_secret=${encodeURIComponent(secret)}`;
    const ES = this.EventSourceImpl;
    const decided = () => this.modals.get(orderId)?.close();  // the code is no use once the payment is decided
    try {
      await waitForOrder({
        openStream: ES ? () => new ES(streamUrl) : null,
        poll: async () => snapshotOf(await this.readOrder(orderId, secret, true)),
        sleep: this.transport.sleep,
        setTimer: (fn, ms) => setTimeout(fn, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
        onSnapshot: (snapshot) => {
          this.secrets.set(orderId, secret);  // Kassa took it
          this.noteStatus(orderId, snapshot.status);
        },
      }, { ...options, paymentId: this.payments.get(orderId) }).finally(decided);
      return await this.readPaidOrder(orderId, secret, deadline, options.pollIntervalMs ?? 1000, options.signal);
    } catch (error) {
      if ((error as KassaError).code === "wait_aborted") throw error;  // the page stopped it: no failure to report
      // Only the failure the wait ends with: the polls it recovered from were the SDK's business, not the page's.
      await this.plugins.notify("onError", error as KassaError);
      throw error;
    }
  }

  /** The paid order, read whole. It is paid: a connection lost just now (a phone between cells) is waited out
   * until the wait's deadline, as the poller would, rather than reported as a failure the shopper would believe. */
  private async readPaidOrder(orderId: string, secret: string, deadline: number, interval: number,
    signal?: AbortSignal): Promise<Order> {
    for (;;) {
      if (signal?.aborted) throw waitAborted();
      try {
        return await this.readOrder(orderId, secret, true);
      } catch (error) {
        const status = (error as KassaError).status;
        const lasting = status !== undefined && status >= 400 && status < 500 && status !== 429;
        if (lasting || Date.now() >= deadline) throw error;
      }
      await this.transport.sleep(interval, signal);
    }
  }

  /** The redirect return this page was loaded with — ``kassa_order``, ``kassa_client_secret`` and
   * ``redirect_status`` in its address — or null. Read once per client; the address bar is cleaned of it at once
   * (history.replaceState), so a reload does not pick the payment up again. */
  paymentReturn(): PaymentReturn | null {
    if (this.paymentReturnRead === undefined) this.paymentReturnRead = this.page ? takePaymentReturn(this.page) : null;
    return this.paymentReturnRead;
  }

  /** The order the page came back for, read with the return's client secret (once), or null when the page is
   * no return. A wrong client secret, or another shop's order, rejects with ``payment_not_found`` and reveals
   * nothing about the order. */
  returnedOrder(): Promise<Order | null> {
    return (this.returned ??= this.readReturnedOrder());
  }

  private async readReturnedOrder(): Promise<Order | null> {
    const back = this.paymentReturn();
    if (!back) return null;
    try {
      return await this.getOrder(back.orderId, back.clientSecret);
    } catch (error) {
      if ((error as KassaError).status !== 404) throw error;
      throw new KassaError("invalid_request_error", "payment_not_found",
        "this payment could not be found: the return link is incomplete or was not made for this shop", { status: 404 });
    }
  }

  /** Pick up the payment this page came back for from a redirect channel, as ``waitForPayment`` would have:
   * resolves with the paid Order (waiting, by stream or polling, while the provider is still processing), or
   * null when the page is no return; rejects with a KassaError (``payment_failed``, ``order_closed``,
   * ``wait_timeout``, ``payment_not_found``). The outcome is the order Kassa holds, never ``redirect_status``.
   * Every call shares one pickup (the first call's options set its timeouts); called without a ``signal`` it
   * answers the same promise. A ``signal`` ends that caller's share (``wait_aborted``), and the pickup itself once
   * every caller has stopped this way: a destroyed checkout leaves nothing polling behind it. */
  resumePayment(options: Omit<WaitForPaymentOptions, "clientSecret"> = {}): Promise<Order | null> {
    const { signal, ...rest } = options;
    this.pickup ??= new SharedWait((stop) => this.returnedOrder()
      .then((order) => order && this.settleReturned(order, { ...rest, signal: stop })));
    return this.pickup.join(signal);
  }

  private async settleReturned(order: Order, options: Omit<WaitForPaymentOptions, "clientSecret">): Promise<Order> {
    const payments = order.payments ?? [];
    const latest = payments[payments.length - 1];
    if (verdict(snapshotOf(order), latest?.id) === "paid") return order;
    if (!latest) throw new KassaError("payment_error", "payment_not_started",
      "this order has no payment to pick up; it was never paid");
    this.payments.set(order.id, latest.id);  // an earlier declined attempt of the order is not this one
    return this.waitForPayment(order.id, options);
  }

  /** Insert Kassa's ready-made panel (an iframe) into the element ``selector`` names: a product for a
   * guest, or a checkout session (its client secret) for the customer your server created it for. */
  mountPanel(selector: string | Element, options: PanelOptions): Panel {
    const container = typeof selector === "string" ? document.querySelector(selector) : selector;
    if (!container) throw new KassaError("invalid_request_error", "element_missing", `no element matches ${String(selector)}`);
    if (!options || (!options.product && !options.session)) throw new KassaError("invalid_request_error",
      "parameter_missing", "mountPanel needs a product id or a checkout session's client secret", { param: "product" });
    // A page back from a provider's page opens the panel at that order's outcome (the frame checks it is this panel's).
    const back = this.paymentReturn();
    return new Panel(container, this.baseUrl, this.publishableKey,
      { ...options, locale: options.locale ?? this.askedLocale }, back);
  }
}
