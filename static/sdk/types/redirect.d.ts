/** Coming back from a redirect payment (a provider's card page): Kassa sends the shopper back to the page that
 * started the payment with ?kassa_order=…&kassa_client_secret=…&redirect_status=…; the page reads them once and
 * takes them out of the address bar, so a reload or a shared link does not pick the payment up again. */
export declare const RETURN_PARAMS: readonly ["kassa_order", "kassa_client_secret", "redirect_status"];
/** Kassa's hint of the outcome as the shopper came back; never the outcome itself (anyone can edit a URL). */
export type RedirectStatus = "succeeded" | "failed" | "processing";
export interface PaymentReturn {
    orderId: string;
    clientSecret: string;
    redirectStatus: RedirectStatus | null;
}
/** The parts of window the return needs (tests pass a fake). */
export interface PageLike {
    location: {
        href: string;
    };
    history?: {
        state: unknown;
        replaceState(data: unknown, unused: string, url?: string): void;
    };
}
/** The return an address carries, or null when it carries none (or only part of one). */
export declare function readPaymentReturn(href: string): PaymentReturn | null;
/** The address without the return's parameters; the page's own parameters (exactly as written) and its fragment
 * stay. */
export declare function withoutPaymentReturn(href: string): string;
/** Read the page's return and clean the address bar (history.replaceState: no new history entry). */
export declare function takePaymentReturn(page: PageLike): PaymentReturn | null;
