/** What a headless checkout asks of the Kassa client, and the options of its payment calls. The client implements
 * it (client.ts); the checkout and the components know only this, so they never import the client back. */
import type { components } from "./api-schema";
import type { Locale } from "./i18n";
import type { ChannelCode, CreateOrderParams, Order, Payment, Quote, QuoteOptions, Subscription, SubscribeParams } from "./types";
import type { WaitOptions } from "./wait";
type Schemas = components["schemas"];
export interface PayOptions {
    /** The order's client secret; remembered from createOrder/getOrder when not given. */
    clientSecret?: string;
    /** Where the provider sends the shopper back after a redirect. Default: this page. */
    returnUrl?: string;
    /** Follow a redirect next_action (default true); false leaves it to the caller. */
    redirect?: boolean;
    /** Show a qr next_action in a modal (default true). */
    qr?: boolean;
    /** The shopper closed the QR modal (Escape or Close); the payment still waits. */
    onQrClose?: () => void;
    /** The modal offers "Change payment method" and calls this when chosen; see ``changePaymentMethod``. */
    onChangeMethod?: () => void;
    /** Pay with the customer's saved card (its ``spm_`` id) in one press; pass ``null`` as the channel to use the
     * card's own. Only an order of a checkout session (a customer the merchant's server vouched for) may. */
    paymentMethod?: NonNullable<Schemas["PayInput"]["payment_method"]>;
    /** Keep the card that pays for the customer's next purchases ("Save this card for next time"). */
    savePaymentMethod?: Schemas["PayInput"]["save_payment_method"];
}
/** ``createOrderAndPay``'s options: the order's idempotency key and how the payment's next_action is followed. */
export interface CreateAndPayOptions extends Pick<PayOptions, "returnUrl" | "redirect" | "qr" | "onQrClose" | "onChangeMethod"> {
    idempotencyKey?: string;
}
export interface WaitForPaymentOptions extends Omit<WaitOptions, "paymentId"> {
    clientSecret?: string;
}
/** The client's calls a checkout makes (``KassaClient`` is one). */
export interface CheckoutClient {
    readonly locale: Locale;
    getProduct(productId: string): Promise<any>;
    quote(items: {
        sku: string;
        quantity: number;
    }[], options?: string | QuoteOptions): Promise<Quote>;
    createOrder(params: CreateOrderParams, options?: {
        idempotencyKey?: string;
    }): Promise<Order>;
    createOrderAndPay(params: CreateOrderParams, channel: ChannelCode, options?: CreateAndPayOptions): Promise<{
        order: Order;
        payment: Payment | null;
    }>;
    subscribe(params: SubscribeParams, options?: {
        idempotencyKey?: string;
    }): Promise<{
        subscription: Subscription;
        order: Order;
    }>;
    getOrder(orderId: string, clientSecret?: string): Promise<Order>;
    pay(orderId: string, channel: ChannelCode | null, options?: PayOptions): Promise<Payment | null>;
    changePaymentMethod(orderId: string, options?: {
        clientSecret?: string;
    }): Promise<Order>;
    waitForPayment(orderId: string, options?: WaitForPaymentOptions): Promise<Order>;
    returnedOrder(): Promise<Order | null>;
    resumePayment(options?: Omit<WaitForPaymentOptions, "clientSecret">): Promise<Order | null>;
}
export {};
