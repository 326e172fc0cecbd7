/** mountPanel: Kassa's hosted htmx panel in an iframe, heard through origin-checked postMessage. */
import { Emitter } from "./emitter";
import { type PaymentReturn } from "./redirect";
export interface PanelOptions {
    /** The product a guest buys. Not needed with a session. */
    product?: string;
    /** The client_secret of a checkout session your server created: the panel sells the session's basket to
     * its customer (wallet included). Without one the shopper is a guest. */
    session?: string;
    sku?: string;
    quantity?: number;
    /** Accessible name of the frame (default: "Checkout" in the panel's language). */
    title?: string;
    /** The panel's language: "en", "de" or "fr". Default: the client's ``locale`` option, else the browser's
     * languages. The merchant's fixed checkout language (portal → Settings), when set, still wins in the frame. */
    locale?: string;
}
/** Where the panel is: ``page``, the embedding page's address (a provider sends the shopper back there); ``back``,
 * the redirect return that page was loaded with, for the frame to open at that order's outcome. */
export interface PanelPlace {
    page?: string;
    back?: PaymentReturn | null;
}
/** The frame's address: a session's panel, or a product's panel for a guest. */
export declare function panelUrl(baseUrl: string, publishableKey: string, parentOrigin: string, frameId: string, options: PanelOptions, place?: PanelPlace): URL;
/** The provider's page a frame's ``redirect`` names, when it is an http(s) address (never ``javascript:``). */
export declare function providerPage(url: unknown): string | null;
export interface PanelEvent {
    type: string;
    orderId?: string;
    status?: string;
    height?: number;
    /** On ``error``: why Kassa shows no panel here, e.g. ``origin_not_allowed`` (a live key on a page whose origin
     * the merchant has not listed), and the sentence the frame shows. */
    code?: string;
    message?: string;
}
export interface PanelEvents extends Record<string, unknown> {
    ready: PanelEvent;
    paid: PanelEvent;
    failed: PanelEvent;
    closed: PanelEvent;
    /** Kassa refused to show the panel on this page (``code``: ``origin_not_allowed``); no ``ready`` follows. */
    error: PanelEvent;
}
export declare class Panel extends Emitter<PanelEvents> {
    readonly iframe: HTMLIFrameElement;
    private readonly kassaOrigin;
    private readonly frameId;
    private readonly listener;
    /** ``back``: the redirect return the page was loaded with (the panel opens at that order, if it is the panel's). */
    constructor(container: Element, baseUrl: string, publishableKey: string, options: PanelOptions, back?: PaymentReturn | null);
    private destroyed;
    /** Remove the frame, stop listening to it and drop the page's listeners: the container is left as it was before
     * mountPanel. Safe to call more than once (a single-page app unmounting twice). */
    destroy(): void;
}
