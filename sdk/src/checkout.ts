/** The headless checkout: Kassa's state and validation bound to the merchant's own markup through data-kassa-*
 * attributes. The SDK never styles anything here; it fills text, toggles aria-invalid, disabled and
 * data-kassa-state, and emits events; ``destroy()`` undoes all of it. */
import { Emitter } from "./emitter";
import { KassaError, setupError } from "./errors";
import type { CheckoutClient } from "./checkout-client";
import { formatMoney, messagesFor, resolveLocale, type Locale } from "./i18n";
import { MarkupLedger } from "./markup";
import { couponCode, nothingDue, parseQuantity, recurringTerms, sentence, shopperMessage, validateCheckout,
  type CheckoutState } from "./checkout-state";
import type { ChannelCode, Order, Quote, QuoteChannel, RecurringTerms } from "./types";

/** Where an element keeps its binding, whichever client (or copy of the SDK on the page) made it: a second binding
 * would answer every Pay press with a second order (and a second QR code), as when the zero-code tag bound a form
 * the page binds again for its events. ``destroy()`` removes it, so the element can be bound afresh. */
export const BINDING = Symbol.for("kassa.checkout");

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
  ready: CheckoutState; change: CheckoutState; paid: Order; failed: KassaError;
  /** The checkout cannot start on this page (``type`` ``setup_error``, ``code`` api_key_unknown, product_unknown or
   * origin_not_allowed): it shows "Checkout unavailable" with Pay disabled; the page may fall back (a link to
   * Kassa's hosted checkout, say). No ``ready`` follows. */
  error: KassaError;
}

type Money = { amount: number; currency: string };
type ProductSku = { id: string; name: string; price: Money; prices?: Money[]; subscription?: RecurringTerms | null };
interface Product { id: string; name: string; description: string; skus: ProductSku[] }

export class Checkout extends Emitter<CheckoutEvents> {
  readonly state: CheckoutState;
  /** The language this checkout speaks. */
  readonly locale: Locale;
  /** The currency asked for, if any (a SKU without a price in it is sold in its own). */
  readonly currency: string | null;
  private product: Product | null = null;
  /** What this checkout wrote into the markup, to put back on destroy. */
  private readonly markup = new MarkupLedger();
  /** Stops the wait for a payment (its stream, polls and timers) on destroy. */
  private readonly stop = new AbortController();
  /** The DOM listeners this checkout added, to remove on destroy. */
  private readonly unlisten: (() => void)[] = [];
  private destroyed = false;
  /** Whether this checkout fills ``[data-kassa-channels]`` itself (the merchant left it empty, or wrote "auto"). */
  private autoChannels = false;
  /** The channels the last quote offered, highest priority first; the radios drawn for them. */
  private channels: QuoteChannel[] = [];
  private drawn: ChildNode[] = [];

  constructor(private readonly kassa: CheckoutClient, readonly root: Element, options: CheckoutOptions = {}) {
    super();
    this.locale = resolveLocale(options.locale ?? root.getAttribute("data-kassa-locale"), kassa.locale);
    this.currency = (options.currency ?? root.getAttribute("data-kassa-currency") ?? "").trim().toLowerCase() || null;
    const product = options.product ?? root.getAttribute("data-kassa-product") ?? "";
    this.session = options.session ?? root.getAttribute("data-kassa-session") ?? undefined;
    this.state = { product, sku: null, quantity: 1, channel: null, agreed: false, total: null, coupon: null,
      discount: null, recurring: null, errors: {}, state: "loading", order: null };
    const channels = this.el("channels");
    this.autoChannels = !!channels && (channels.getAttribute("data-kassa-channels") === "auto"
      || !channels.querySelector("input"));
    this.listen();
    void this.load();
  }

  /** A checkout session's client secret: the order is then for its customer; otherwise a guest's. */
  private readonly session?: string;

  private el<T extends Element = HTMLElement>(name: string): T | null {
    return this.root.querySelector<T>(`[data-kassa-${name}]`);
  }

  private on_(target: EventTarget | null | undefined, type: string, listener: (event: Event) => void): void {
    if (!target) return;
    target.addEventListener(type, listener);
    this.unlisten.push(() => target.removeEventListener(type, listener));
  }

  private listen(): void {
    this.on_(this.root, "input", (event) => this.read(event.target as Element));
    this.on_(this.root, "change", (event) => this.read(event.target as Element));
    this.on_(this.root, "submit", (event) => { event.preventDefault(); void this.pay(); });
    this.on_(this.el("pay"), "click", (event) => {
      if ((event.currentTarget as HTMLButtonElement).type !== "submit") void this.pay();
    });
  }

  /** Unmount: stop waiting for a payment (its status stream, polls and timers), close a QR code it showed, remove
   * its listeners and put the markup back as it was before binding (texts, attributes, added options), so the
   * element can be bound again. Emits nothing more. Safe to call more than once. A payment already started is not
   * cancelled: Kassa still settles it, and the order can be read later. */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.stop.abort();
    for (const remove of this.unlisten.splice(0)) remove();
    this.markup.restore();
    const bound = this.root as Element & { [BINDING]?: Checkout };
    if (bound[BINDING] === this) delete bound[BINDING];
    this.clear();
  }

  private async load(): Promise<void> {
    try {
      const loaded = (await this.kassa.getProduct(this.state.product)) as Product;
      // A checkout session sells one-off purchases: Kassa refuses a subscription SKU there (sku_recurring).
      this.product = this.session ? { ...loaded, skus: loaded.skus.filter((sku) => !sku.subscription) } : loaded;
    } catch (error) {
      const setup = setupError(error as KassaError, this.state.product);
      if (setup) this.unavailable(setup);
      else this.fail(error as KassaError);
      return;
    }
    const product: Product = this.product;
    this.text("product-name", product.name);
    this.text("product-description", product.description);
    const select = this.el<HTMLSelectElement>("sku");
    if (select && select.tagName === "SELECT" && select.options.length === 0) {
      for (const sku of product.skus) {
        const price = this.priceOf(sku);
        this.markup.append(select, new Option(`${sku.name} — ${formatMoney(price.amount, price.currency, this.locale)}`, sku.id));
      }
    }
    // Until the shopper picks, the option chosen is the hosted panel's: the cheapest one-off purchase (the API lists
    // SKUs cheapest first), never a subscription unless it is all the product sells, so the panel and the
    // components beside it start on the same plan.
    const preselected = (product.skus.find((sku) => !sku.subscription) ?? product.skus[0])?.id ?? null;
    if (select && select.tagName === "SELECT" && preselected && this.markup.added(select)) {
      this.markup.property(select, "value", preselected);
    }
    this.state.sku = select?.value || preselected;
    const quantity = this.el<HTMLInputElement>("quantity");
    if (quantity && quantity.value) this.state.quantity = parseQuantity(quantity.value);
    this.state.coupon = couponCode(this.el<HTMLInputElement>("coupon")?.value ?? "");
    this.readChannel();
    this.state.agreed = Boolean(this.el<HTMLInputElement>("agreement")?.checked);
    const returned = await this.returnedHere();
    this.state.state = returned && !(returned instanceof KassaError) ? "paying" : "ready";
    await this.reprice();
    this.render();
    this.emit("ready", this.state);
    if (returned instanceof KassaError) this.fail(returned);
    else if (returned) await this.resume();
  }

  /** The order this page came back for from a redirect payment, when it is for this checkout's product (it shows
   * it as bought), an error when the return cannot be read (nothing about the order), or null. */
  private async returnedHere(): Promise<Order | KassaError | null> {
    let order: Order | null;
    try {
      order = await this.kassa.returnedOrder();
    } catch (error) {
      return error as KassaError;
    }
    const item = order?.items?.find((line) => line.product === this.state.product);
    if (!order || !item) return null;
    this.state.order = order;
    this.state.sku = item.sku;
    this.state.quantity = item.quantity;
    const select = this.el<HTMLSelectElement>("sku");
    if (select) this.markup.property(select, "value", item.sku);
    const quantity = this.el<HTMLInputElement>("quantity");
    if (quantity) this.markup.property(quantity, "value", String(item.quantity));
    return order;
  }

  /** Wait for the returned order's real outcome and show it, as after a payment that never left the page. */
  private async resume(): Promise<void> {
    try {
      const paid = await this.kassa.resumePayment({ signal: this.stop.signal }) as Order;
      if (!this.destroyed) this.settle(paid);
    } catch (error) {
      if (this.destroyed) return;  // unmounted meanwhile: its share of the pickup ended, nothing to show
      this.fail(error as KassaError);
    }
  }

  private settle(paid: Order): void {
    this.state.order = paid;
    this.state.state = "paid";
    this.render();
    this.emit("paid", paid);
  }

  private read(target: Element): void {
    if (target.hasAttribute("data-kassa-quantity")) {
      this.state.quantity = parseQuantity((target as HTMLInputElement).value);
      this.state.errors = { ...this.state.errors, quantity: validateCheckout(this.state, this.locale).quantity };
      void this.reprice();
    } else if (target.hasAttribute("data-kassa-sku")) {
      this.state.sku = (target as HTMLSelectElement).value;
      void this.reprice();
    } else if (target.hasAttribute("data-kassa-coupon")) {
      const coupon = couponCode((target as HTMLInputElement).value);
      if (coupon === this.state.coupon) return;
      this.state.coupon = coupon;
      delete this.state.errors.coupon;
      void this.reprice();
    } else if (target.hasAttribute("data-kassa-agreement")) {
      this.state.agreed = (target as HTMLInputElement).checked;
      if (this.state.agreed) delete this.state.errors.agreement;
    } else if (target.closest("[data-kassa-channels]") || target.hasAttribute("data-kassa-channel")) {
      this.readChannel();
      if (this.state.channel) delete this.state.errors.channel;
    } else {
      return;
    }
    this.render();
    this.emit("change", this.state);
  }

  private readChannel(): void {
    const checked = this.root.querySelector<HTMLInputElement>(
      "[data-kassa-channels] input:checked, input[data-kassa-channel]:checked");
    this.state.channel = checked?.value || null;
  }

  /** What a SKU costs here: its price in the asked-for currency when it has one, else its own. */
  private priceOf(sku: ProductSku): Money {
    return (this.currency && sku.prices?.find((price) => price.currency === this.currency)) || sku.price;
  }

  private chosenSku(): ProductSku | undefined {
    return this.product?.skus.find((candidate) => candidate.id === this.state.sku);
  }

  /** The currency to ask the API for the chosen SKU in: none when it has no price in the one asked for, or the
   * order comes from a checkout session (which has its own). */
  private chargedCurrency(): string | undefined {
    const sku = this.chosenSku();
    return sku && !this.session && this.priceOf(sku).currency === this.currency ? this.currency : undefined;
  }

  private noteTerms(): void {
    const sku = this.chosenSku();
    this.state.recurring = sku?.subscription ? recurringTerms(this.priceOf(sku), sku.subscription, this.locale) : null;
  }

  /** Price the basket as the API will charge it. A coupon the API refuses is explained beside its field and
   * the basket priced without it, so the shopper still sees a total. */
  private async reprice(): Promise<void> {
    this.noteTerms();
    const { sku, quantity, coupon } = this.state;
    if (!sku || quantity === null || validateCheckout(this.state, this.locale).quantity) {
      this.state.total = null;
      this.state.discount = null;
      this.render();
      return;
    }
    let quote: Quote | null = null;
    let couponError: string | undefined;
    try {
      quote = await this.kassa.quote([{ sku, quantity }],
        { coupon: coupon ?? undefined, currency: this.chargedCurrency(), locale: this.locale });
    } catch (error) {
      const failure = error as KassaError;
      if (coupon && failure.param === "coupon") {
        couponError = sentence(failure.message);
        try {
          quote = await this.kassa.quote([{ sku, quantity }], { currency: this.chargedCurrency(), locale: this.locale });
        } catch (again) {
          this.state.errors.quantity = (again as KassaError).message;
        }
      } else {
        this.state.errors.quantity = failure.message;
      }
    }
    // A slower answer for an older choice must not overwrite the newer one.
    if (this.state.sku !== sku || this.state.quantity !== quantity || this.state.coupon !== coupon) return;
    // A trial's signup charges nothing today. The components subscribe as a guest (no customer), and a guest is
    // a new customer to Kassa on every signup, so the SKU's trial is theirs (a customer has it once).
    const trial = !this.session && !!this.chosenSku()?.subscription?.trial_days;
    this.state.total = quote ? { amount: trial ? 0 : quote.total, currency: quote.currency } : null;
    this.state.discount = quote && quote.discount ? { amount: quote.discount, currency: quote.currency } : null;
    if (couponError) this.state.errors.coupon = couponError;
    else delete this.state.errors.coupon;
    if (quote) this.offer(quote.available_channels ?? []);
    this.render();
  }

  /** Draw the channels Kassa offers for the basket as radios in an empty ``[data-kassa-channels]``, in Kassa's
   * order (the merchant's priority), each labelled with its icon and name; the shopper's choice stays while it is
   * offered, else the first is chosen. Markup the merchant wrote there is theirs and left alone. */
  private offer(channels: QuoteChannel[]): void {
    const container = this.el("channels");
    if (!this.autoChannels || !container) return;
    const same = channels.length === this.channels.length
      && channels.every((channel, i) => channel.code === this.channels[i].code && channel.name === this.channels[i].name);
    this.channels = channels;
    const chosen = channels.some((channel) => channel.code === this.state.channel)
      ? this.state.channel : channels[0]?.code ?? null;
    if (!same) {
      for (const node of this.drawn.splice(0)) node.remove();
      const name = `kassa-channel-${Math.random().toString(36).slice(2, 10)}`;
      for (const channel of channels) {
        const label = document.createElement("label");
        label.setAttribute("data-kassa-channel-option", channel.code);
        const radio = document.createElement("input");
        radio.type = "radio";
        radio.name = name;
        radio.value = channel.code;
        label.append(radio, " ", this.icon(channel), " ", channel.name);
        this.markup.append(container, label);
        this.drawn.push(label);
      }
    }
    container.querySelectorAll<HTMLInputElement>("input[data-kassa-channel], input[type=radio]").forEach((radio) => {
      radio.checked = radio.value === chosen;
    });
    this.state.channel = chosen as ChannelCode | null;
  }

  /** A channel's icon: its image, or an empty ``<span data-kassa-icon="card">`` the page may style. */
  private icon(channel: QuoteChannel): HTMLElement {
    if (/^(https?:)?\/\//.test(channel.icon) || channel.icon.startsWith("/")) {
      const image = document.createElement("img");
      image.src = channel.icon;
      image.alt = "";
      image.width = 24;
      image.height = 16;
      return image;
    }
    const span = document.createElement("span");
    span.setAttribute("data-kassa-icon", channel.icon);
    span.setAttribute("aria-hidden", "true");
    return span;
  }

  /** Validate, then create the order, pay it through the chosen channel and wait for the result. */
  async pay(): Promise<Order | null> {
    // Paid is the end: a second press (a shopper unsure it worked) must not buy it again. A new purchase is a
    // new checkout (a fresh page or a new binding).
    if (this.state.state !== "ready" && this.state.state !== "failed") return null;
    const couponError = this.state.errors.coupon;
    this.state.errors = validateCheckout(this.state, this.locale);
    if (couponError) this.state.errors.coupon = couponError;  // fix or clear the code before paying
    if (Object.keys(this.state.errors).length) {
      this.render();
      this.emit("change", this.state);
      return null;
    }
    this.state.state = "paying";
    this.render();
    try {
      // An order reopened by "Change payment method" or a decline is paid again as it is (its basket has not
      // changed), unless it closed meanwhile (its time ran out): then a new one is made, in the same press.
      let order = this.reusable();
      if (order && !(await this.startPayment(order, true))) order = null;
      if (!order) order = await this.newOrderPaying();
      const paid = await this.kassa.waitForPayment(order.id, { signal: this.stop.signal });
      this.settle(paid);
      return paid;
    } catch (error) {
      if (this.destroyed) return null;  // unmounted meanwhile: nothing to show
      if (this.switching) {
        // The wait can end (the payment given up) before Kassa's answer reopening the order: a press before that
        // answer found no order to pay again and made a second one. Back to choosing once the order is in hand.
        await this.reopening;
        if (this.switching) {
          this.backToChoosing();
          return null;
        }
      }
      this.fail(error as KassaError);
      return null;
    }
  }

  /** A new order of the shopper's choice, its payment started: made and paid in one request when the shopper pays
   * through a channel; a subscription SKU opens a contract whose first order this is (paying it signs the mandate),
   * and an order the quote says costs nothing is completed without a channel. */
  private async newOrderPaying(): Promise<Order> {
    const currency = this.chargedCurrency();
    const coupon = this.state.coupon ? { coupon: this.state.coupon } : {};
    if (this.state.recurring && !this.session) {
      const { order } = await this.kassa.subscribe({ sku: this.state.sku!, agreementAccepted: true, currency, ...coupon });
      await this.startPayment(order, false);
      return order;
    }
    const params = { items: [{ sku: this.state.sku!, quantity: this.state.quantity! }],
      ...(this.session ? { session: this.session } : {}), agreementAccepted: true, ...coupon,
      ...(currency ? { currency } : {}) };
    if (nothingDue(this.state) || !this.state.channel) {
      const order = await this.kassa.createOrder(params);
      await this.startPayment(order, false);
      return order;
    }
    this.switching = false;
    let made: Order | null = null;
    const changeMethod = () => { if (made) void this.changeMethod(made.id); };
    try {
      ({ order: made } = await this.kassa.createOrderAndPay(params, this.state.channel as ChannelCode,
        { onChangeMethod: changeMethod, onQrClose: changeMethod }));
    } catch (error) {
      // Made, but its payment could not start: the next press pays this order rather than making another.
      made = (error as KassaError).order ?? null;
      if (made) this.state.order = made;
      throw error;
    }
    this.state.order = made;
    return made;
  }

  /** Pay ``order`` through the chosen channel; false when it is a ``reused`` order Kassa has closed meanwhile. */
  private async startPayment(order: Order, reused: boolean): Promise<boolean> {
    this.state.order = order;
    this.switching = false;
    const changeMethod = () => { void this.changeMethod(order.id); };
    // An order of nothing is completed without a channel (pay resolves with no payment).
    // The shopper picked a channel the merchant's markup offers: its code is the page's to vouch for.
    const channel = order.amount?.total === 0 && !this.state.recurring ? null : this.state.channel as ChannelCode;
    try {
      await this.kassa.pay(order.id, channel, { onChangeMethod: changeMethod, onQrClose: changeMethod });
      return true;
    } catch (error) {
      const failure = error as KassaError;
      if (reused && failure.code === "order_expired") return false;  // its time ran out; Kassa closes it soon
      if (reused && failure.status === 409 && (await this.kassa.getOrder(order.id)).status === "closed") return false;
      throw error;
    }
  }

  private switching = false;
  private reopening: Promise<void> = Promise.resolve();
  private basketOfOrder = "";

  private basketKey(): string {
    return JSON.stringify([this.state.sku, this.state.quantity, this.state.coupon]);
  }

  /** The order a changed payment method reopened, while the shopper's choice is still what it was made of. */
  private reusable(): Order | null {
    const order = this.state.order;
    const reuse = order && order.status === "created" && this.basketOfOrder === this.basketKey() ? order : null;
    this.basketOfOrder = this.basketKey();
    return reuse;
  }

  /** Closing the QR modal, or "Change payment method", gives the waiting payment up (Kassa reopens the order)
   * and brings the shopper back to choosing how to pay, quantity and coupon as they were, focus on Pay. */
  private changeMethod(orderId: string): Promise<void> {
    this.switching = true;
    this.reopening = (async () => {
      try {
        this.state.order = await this.kassa.changePaymentMethod(orderId);
      } catch {
        this.switching = false;  // decided meanwhile (paid, say): the wait reports it
        return;
      }
      this.backToChoosing();
    })();
    return this.reopening;
  }

  private backToChoosing(): void {
    if (this.state.state !== "paying") return;
    this.state.state = "ready";
    this.render();
    this.emit("change", this.state);
    this.el<HTMLButtonElement>("pay")?.focus();
  }

  /** The page's setup is wrong: no shopper can pay here, so nothing reads as a failed payment; the integrator hears
   * why (the error event, and the console, where they look first). */
  private unavailable(error: KassaError): void {
    this.state.state = "unavailable";
    this.state.errors = {};
    this.render();
    if (typeof console !== "undefined") console.error(`[kassa] checkout unavailable (${error.code}): ${error.message}`);
    this.emit("error", error);
  }

  private fail(error: KassaError): void {
    this.state.state = "failed";
    const param = error.param?.includes("quantity") ? "quantity" : error.param === "channel" ? "channel"
      : error.param === "coupon" ? "coupon" : "form";
    this.state.errors = { ...this.state.errors, [param]: shopperMessage(error, messagesFor(this.locale)) };
    this.render();
    this.emit("failed", error);
  }

  private text(name: string, value: string): void {
    const el = this.el(name);
    if (el) this.markup.text(el, value);
  }

  /** Emit, unless destroyed: an answer arriving after the page unmounted the checkout tells it nothing. */
  override emit<K extends keyof CheckoutEvents>(type: K, event: CheckoutEvents[K]): void {
    if (!this.destroyed) super.emit(type, event);
  }

  /** Write state into the markup: texts, error messages, aria-invalid, disabled, data-kassa-state. */
  private render(): void {
    const s = this.state;
    const m = this.markup;
    m.attribute(this.root, "data-kassa-state", s.state);
    this.text("total", s.total ? formatMoney(s.total.amount, s.total.currency, this.locale) : "");
    this.text("discount", s.discount ? `−${formatMoney(s.discount.amount, s.discount.currency, this.locale)}` : "");
    this.text("terms", s.recurring ?? "");
    // The terms of the chosen channel (its agreement text), when the page has a place for them.
    const agreement = this.channels.find((channel) => channel.code === s.channel)?.agreement_text ?? "";
    const agreementText = this.el("agreement-text");
    if (agreementText) {
      m.text(agreementText, agreement);
      m.attribute(agreementText, "hidden", agreement ? null : "");
    }
    for (const field of ["quantity", "channel", "agreement", "sku", "coupon", "form"] as const) {
      const message = s.errors[field] ?? "";
      this.root.querySelectorAll(`[data-kassa-error="${field}"]`).forEach((el) => { m.text(el, message); });
      const input = field === "channel" ? this.el("channels") : this.el(field);
      if (input && field !== "form") m.attribute(input, "aria-invalid", message ? "true" : null);
    }
    // A basket of nothing is placed without a payment method: its choice is hidden while nothing is due.
    const free = nothingDue(s);
    const channels = this.el("channels");
    if (channels) m.attribute(channels, "hidden", free ? "" : null);
    m.attribute(this.root, "data-kassa-due", free ? "nothing" : null);
    const button = this.el<HTMLButtonElement>("pay");
    if (button) m.property(button, "disabled", s.state !== "ready" && s.state !== "failed");
    const words = messagesFor(this.locale);
    const paid = s.order?.amount?.total === 0 && !s.recurring ? words.complete : words.paid;  // nothing was paid
    const status = { loading: "", ready: "", paying: words.waiting, paid, failed: words.failed,
      unavailable: words.unavailable }[s.state];
    this.text("status", status);
  }
}

