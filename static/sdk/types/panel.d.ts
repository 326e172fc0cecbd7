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
}
export interface PanelEvents extends Record<string, unknown> {
    ready: PanelEvent;
    paid: PanelEvent;
    failed: PanelEvent;
    closed: PanelEvent;
}
export declare class Panel extends Emitter<PanelEvents> {
    readonly iframe: HTMLIFrameElement;
    private readonly kassaOrigin;
    private readonly frameId;
    private readonly listener;
    constructor(container: Element, baseUrl: string, publishableKey: string, options: PanelOptions);
    /** Remove the frame and stop listening. */
    destroy(): void;
}
