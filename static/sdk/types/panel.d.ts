/** mountPanel: Kassa's hosted htmx panel in an iframe, heard through origin-checked postMessage. */
import { Emitter } from "./emitter";
import type { SetupErrorCode } from "./errors";
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
export type PanelEventType = "ready" | "paid" | "failed" | "closed" | "error";
export interface PanelEvent {
    type: PanelEventType;
    orderId?: string;
    status?: string;
    height?: number;
}
/** ``paid``, ``failed`` and ``closed`` are about an order, always named. */
export interface PanelOrderEvent extends PanelEvent {
    type: "paid" | "failed" | "closed";
    orderId: string;
}
/** Why Kassa shows no panel here, and the sentence the frame shows the shopper ("Checkout unavailable"). */
export interface PanelErrorEvent {
    type: "error";
    /** ``api_key_unknown`` (the publishable key is unknown or malformed), ``product_unknown`` (the ``product`` option
     * names no active product of the key's merchant), ``origin_not_allowed`` (a live key on a page whose origin the
     * merchant has not listed). */
    code: SetupErrorCode;
    message: string;
}
export interface PanelEvents {
    ready: PanelEvent;
    paid: PanelOrderEvent;
    failed: PanelOrderEvent;
    closed: PanelOrderEvent;
    /** Kassa will not show the panel on this page (a setup error: see PanelErrorEvent); no ``ready`` follows. */
    error: PanelErrorEvent;
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
