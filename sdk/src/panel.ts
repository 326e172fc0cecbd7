/** mountPanel: Kassa's hosted htmx panel in an iframe, heard through origin-checked postMessage. */
import { Emitter } from "./emitter";
import type { SetupErrorCode } from "./errors";
import { browserLanguage, messagesFor, resolveLocale } from "./i18n";
import { acceptFrameMessage, frameMessage, originOf } from "./messages";
import { withoutPaymentReturn, type PaymentReturn } from "./redirect";

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
export function panelUrl(baseUrl: string, publishableKey: string, parentOrigin: string, frameId: string,
  options: PanelOptions, place: PanelPlace = {}): URL {
  const base = baseUrl.replace(/\/$/, "");
  const src = new URL(options.session ? `${base}/embed/session` : `${base}/embed/${encodeURIComponent(options.product ?? "")}`);
  src.searchParams.set("key", publishableKey);
  if (options.session) src.searchParams.set("session", options.session);
  src.searchParams.set("origin", parentOrigin);
  src.searchParams.set("frame", frameId);
  if (options.sku) src.searchParams.set("sku", options.sku);
  if (options.quantity !== undefined) src.searchParams.set("quantity", String(options.quantity));
  if (options.locale) src.searchParams.set("locale", resolveLocale(options.locale));
  if (place.page) src.searchParams.set("page", place.page);
  if (place.back) {
    src.searchParams.set("order", place.back.orderId);
    src.searchParams.set("client_secret", place.back.clientSecret);
  }
  return src;
}

/** The provider's page a frame's ``redirect`` names, when it is an http(s) address (never ``javascript:``). */
export function providerPage(url: unknown): string | null {
  try {
    const parsed = new URL(String(url));
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

export type PanelEventType = "ready" | "paid" | "failed" | "closed" | "error";

export interface PanelEvent {
  type: PanelEventType; orderId?: string; status?: string; height?: number;
}

/** ``paid``, ``failed`` and ``closed`` are about an order, always named. */
export interface PanelOrderEvent extends PanelEvent {
  type: "paid" | "failed" | "closed"; orderId: string;
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
  ready: PanelEvent; paid: PanelOrderEvent; failed: PanelOrderEvent; closed: PanelOrderEvent;
  /** Kassa will not show the panel on this page (a setup error: see PanelErrorEvent); no ``ready`` follows. */
  error: PanelErrorEvent;
}

const ORDER_EVENTS: ReadonlySet<string> = new Set(["paid", "failed", "closed"]);

let frames = 0;

export class Panel extends Emitter<PanelEvents> {
  readonly iframe: HTMLIFrameElement;
  private readonly kassaOrigin: string;
  private readonly frameId: string;
  private readonly listener: (event: MessageEvent) => void;

  /** ``back``: the redirect return the page was loaded with (the panel opens at that order, if it is the panel's). */
  constructor(container: Element, baseUrl: string, publishableKey: string, options: PanelOptions,
    back: PaymentReturn | null = null) {
    super();
    const win = container.ownerDocument.defaultView!;
    this.kassaOrigin = originOf(baseUrl);
    this.frameId = `kassa-panel-${++frames}`;
    const src = panelUrl(baseUrl, publishableKey, win.location.origin, this.frameId, options,
      { page: withoutPaymentReturn(win.location.href), back });

    const iframe = container.ownerDocument.createElement("iframe");
    iframe.src = src.toString();
    iframe.title = options.title ?? messagesFor(resolveLocale(options.locale, browserLanguage())).checkoutTitle;
    iframe.name = this.frameId;
    iframe.setAttribute("allow", "payment");
    iframe.style.cssText = "width:100%;border:0;display:block;height:480px;color-scheme:normal";
    this.iframe = iframe;

    this.listener = (event: MessageEvent) => {
      // Only the frame we made, from Kassa's exact origin, speaking our namespace, is heard.
      const message = acceptFrameMessage(event, this.kassaOrigin, iframe.contentWindow, this.frameId);
      if (!message) return;
      const data = message.data as { height?: number; order?: string; status?: string; code?: string; message?: string;
        url?: string };
      if (typeof data.height === "number" && data.height > 0) iframe.style.height = `${Math.ceil(data.height)}px`;
      if (message.type === "resize") return;
      if (message.type === "redirect") {
        // A provider's page goes in the whole window, as the hosted checkout's does: framed, it could not say its
        // height (and many refuse a frame). It sends the shopper back to this page, where the panel resumes.
        const target = providerPage(data.url);
        if (target) win.location.assign(target);
        return;
      }
      if (message.type === "ready") iframe.contentWindow?.postMessage(frameMessage(this.frameId, "hello"), this.kassaOrigin);
      if (message.type === "error") {
        this.emit("error", { type: "error", code: String(data.code ?? "") as SetupErrorCode,
          message: String(data.message ?? "") });
        return;
      }
      if (ORDER_EVENTS.has(message.type)) {
        if (typeof data.order !== "string" || !data.order) return;  // the frame names the order it decided
        const type = message.type as PanelOrderEvent["type"];
        this.emit(type, { type, orderId: data.order, status: data.status, height: data.height });
      } else if (message.type === "ready") {
        this.emit("ready", { type: "ready", orderId: data.order, status: data.status, height: data.height });
      }
    };
    win.addEventListener("message", this.listener);
    container.appendChild(iframe);
  }

  private destroyed = false;

  /** Remove the frame, stop listening to it and drop the page's listeners: the container is left as it was before
   * mountPanel. Safe to call more than once (a single-page app unmounting twice). */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.iframe.ownerDocument.defaultView?.removeEventListener("message", this.listener);
    this.iframe.remove();  // its document goes with it: its status stream and polls stop
    this.clear();
  }
}
