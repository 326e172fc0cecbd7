/** mountPanel: Kassa's hosted htmx panel in an iframe, heard through origin-checked postMessage. */
import { Emitter } from "./emitter";
import { acceptFrameMessage, frameMessage, originOf } from "./messages";

export interface PanelOptions {
  product: string;
  sku?: string;
  quantity?: number;
  /** The merchant's id for the shopper; otherwise Kassa makes up a guest id. */
  customer?: string;
  /** Accessible name of the frame. */
  title?: string;
}

export interface PanelEvent { type: string; orderId?: string; status?: string; height?: number }

export interface PanelEvents extends Record<string, unknown> {
  ready: PanelEvent; paid: PanelEvent; failed: PanelEvent; closed: PanelEvent;
}

let frames = 0;

export class Panel extends Emitter<PanelEvents> {
  readonly iframe: HTMLIFrameElement;
  private readonly kassaOrigin: string;
  private readonly frameId: string;
  private readonly listener: (event: MessageEvent) => void;

  constructor(container: Element, baseUrl: string, publishableKey: string, options: PanelOptions) {
    super();
    const win = container.ownerDocument.defaultView!;
    this.kassaOrigin = originOf(baseUrl);
    this.frameId = `kassa-panel-${++frames}`;
    const src = new URL(`${baseUrl.replace(/\/$/, "")}/embed/${encodeURIComponent(options.product)}`);
    src.searchParams.set("key", publishableKey);
    src.searchParams.set("origin", win.location.origin);
    src.searchParams.set("frame", this.frameId);
    if (options.sku) src.searchParams.set("sku", options.sku);
    if (options.quantity !== undefined) src.searchParams.set("quantity", String(options.quantity));
    if (options.customer) src.searchParams.set("customer", options.customer);

    const iframe = container.ownerDocument.createElement("iframe");
    iframe.src = src.toString();
    iframe.title = options.title ?? "Checkout";
    iframe.name = this.frameId;
    iframe.setAttribute("allow", "payment");
    iframe.style.cssText = "width:100%;border:0;display:block;height:480px;color-scheme:normal";
    this.iframe = iframe;

    this.listener = (event: MessageEvent) => {
      // Only the frame we made, from Kassa's exact origin, speaking our namespace, is heard.
      const message = acceptFrameMessage(event, this.kassaOrigin, iframe.contentWindow, this.frameId);
      if (!message) return;
      const data = message.data as { height?: number; order?: string; status?: string };
      if (typeof data.height === "number" && data.height > 0) iframe.style.height = `${Math.ceil(data.height)}px`;
      if (message.type === "resize") return;
      if (message.type === "ready") iframe.contentWindow?.postMessage(frameMessage(this.frameId, "hello"), this.kassaOrigin);
      this.emit(message.type, { type: message.type, orderId: data.order, status: data.status, height: data.height });
    };
    win.addEventListener("message", this.listener);
    container.appendChild(iframe);
  }

  /** Remove the frame and stop listening. */
  destroy(): void {
    this.iframe.ownerDocument.defaultView?.removeEventListener("message", this.listener);
    this.iframe.remove();
  }
}
