/** The postMessage protocol between the SDK (parent page) and the embedded panel (Kassa's frame). */

export const NAMESPACE = "kassa";
export const PROTOCOL_VERSION = 1;

/** ``redirect``: the frame asks the page to go to a provider's page in the whole window (``data.url``). */
export type FrameEventType = "ready" | "resize" | "paid" | "failed" | "closed" | "error" | "redirect";

export interface FrameMessage {
  ns: typeof NAMESPACE;
  v: number;
  frame: string;
  type: FrameEventType;
  data: Record<string, unknown>;
}

const FRAME_EVENTS: ReadonlySet<string> = new Set(["ready", "resize", "paid", "failed", "closed", "error", "redirect"]);

/** The message, if it comes from exactly ``expectedOrigin`` and ``expectedSource`` and is ours. */
export function acceptFrameMessage(
  event: { origin: string; source: unknown; data: unknown },
  expectedOrigin: string, expectedSource: unknown, frameId: string,
): FrameMessage | null {
  if (event.origin !== expectedOrigin) return null;
  if (expectedSource !== undefined && event.source !== expectedSource) return null;
  const data = event.data as Partial<FrameMessage> | null;
  if (!data || typeof data !== "object" || data.ns !== NAMESPACE || data.v !== PROTOCOL_VERSION) return null;
  if (data.frame !== frameId || typeof data.type !== "string" || !FRAME_EVENTS.has(data.type)) return null;
  return { ns: NAMESPACE, v: PROTOCOL_VERSION, frame: data.frame, type: data.type as FrameEventType,
    data: data.data && typeof data.data === "object" ? data.data : {} };
}

/** A message for the other side, namespaced so a page's other postMessage traffic never collides. */
export function frameMessage(frame: string, type: string, data: Record<string, unknown> = {}): object {
  return { ns: NAMESPACE, v: PROTOCOL_VERSION, frame, type, data };
}

/** The origin (scheme://host:port) of an absolute URL. */
export function originOf(url: string): string {
  return new URL(url).origin;
}
