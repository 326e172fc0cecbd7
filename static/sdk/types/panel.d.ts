/** mountPanel: Kassa's hosted htmx panel in an iframe, heard through origin-checked postMessage. */
import { Emitter } from "./emitter";
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
/** The frame's address: a session's panel, or a product's panel for a guest. */
export declare function panelUrl(baseUrl: string, publishableKey: string, parentOrigin: string, frameId: string, options: PanelOptions): URL;
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
    constructor(container: Element, baseUrl: string, publishableKey: string, options: PanelOptions);
    private destroyed;
    /** Remove the frame, stop listening to it and drop the page's listeners: the container is left as it was before
     * mountPanel. Safe to call more than once (a single-page app unmounting twice). */
    destroy(): void;
}
