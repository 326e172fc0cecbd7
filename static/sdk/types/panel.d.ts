/** mountPanel: Kassa's hosted htmx panel in an iframe, heard through origin-checked postMessage. */
import { Emitter } from "./emitter";
export interface PanelOptions {
    product: string;
    sku?: string;
    quantity?: number;
    /** The merchant's id for the shopper; otherwise Kassa makes up a guest id. */
    customer?: string;
    /** Accessible name of the frame. */
    title?: string;
}
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
