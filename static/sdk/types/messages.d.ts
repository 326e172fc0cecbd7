/** The postMessage protocol between the SDK (parent page) and the embedded panel (Kassa's frame). */
export declare const NAMESPACE = "kassa";
export declare const PROTOCOL_VERSION = 1;
/** ``redirect``: the frame asks the page to go to a provider's page in the whole window (``data.url``). */
export type FrameEventType = "ready" | "resize" | "paid" | "failed" | "closed" | "error" | "redirect";
export interface FrameMessage {
    ns: typeof NAMESPACE;
    v: number;
    frame: string;
    type: FrameEventType;
    data: Record<string, unknown>;
}
/** The message, if it comes from exactly ``expectedOrigin`` and ``expectedSource`` and is ours. */
export declare function acceptFrameMessage(event: {
    origin: string;
    source: unknown;
    data: unknown;
}, expectedOrigin: string, expectedSource: unknown, frameId: string): FrameMessage | null;
/** A message for the other side, namespaced so a page's other postMessage traffic never collides. */
export declare function frameMessage(frame: string, type: string, data?: Record<string, unknown>): object;
/** The origin (scheme://host:port) of an absolute URL. */
export declare function originOf(url: string): string;
