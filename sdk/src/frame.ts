/** Runs inside Kassa's embedded panel (templates/embed/): tells the parent page, and only the
 * origin that embedded it, when the panel is ready, changes height, the payment is decided, or the shopper is to go
 * to a provider's page. */
import { NAMESPACE, PROTOCOL_VERSION, frameMessage } from "./messages";

const root = document.documentElement;
const parentOrigin = root.getAttribute("data-kassa-parent") ?? "";
const frameId = root.getAttribute("data-kassa-frame") ?? "";
let lastState = "";
let lastHeight = 0;
let lastRedirect = "";

function post(type: string, data: Record<string, unknown> = {}): void {
  if (!parentOrigin || window.parent === window) return;
  // An exact targetOrigin: if anyone else framed us, the browser drops the message.
  window.parent.postMessage(frameMessage(frameId, type, { ...data, height: lastHeight }), parentOrigin);
}

function measure(): void {
  const height = Math.ceil(document.body.getBoundingClientRect().height + 2);
  if (height === lastHeight) return;
  lastHeight = height;
  post("resize");
}

function readState(): void {
  const el = document.querySelector("[data-kassa-state]");
  const state = el?.getAttribute("data-kassa-state") ?? "";
  if (!state || state === lastState) return;
  lastState = state;
  const detail = { order: el?.getAttribute("data-kassa-order") ?? undefined, status: state };
  if (state === "paid" || state === "failed" || state === "closed") post(state, detail);
  else if (state === "open") post("ready", detail);
  else if (state === "refused") {  // Kassa would not show the panel here (an origin not allowed): say why
    post("error", { code: el?.getAttribute("data-kassa-code") ?? "", message: el?.getAttribute("data-kassa-message") ?? "" });
  }
}

/** A provider's page to open in the whole window (the SDK does; templates/checkout/order.html says which). */
function readRedirect(): void {
  const url = document.querySelector("[data-kassa-redirect]")?.getAttribute("data-kassa-redirect") ?? "";
  if (!url || url === lastRedirect) return;
  lastRedirect = url;
  post("redirect", { url });
}

window.addEventListener("message", (event) => {
  // Only the embedding page may talk to the frame; anything else is ignored.
  if (event.origin !== parentOrigin || event.source !== window.parent) return;
  const data = event.data as { ns?: string; v?: number; frame?: string; type?: string } | null;
  if (!data || data.ns !== NAMESPACE || data.v !== PROTOCOL_VERSION || data.frame !== frameId) return;
  if (data.type === "hello") { lastHeight = 0; measure(); }
});

function start(): void {
  measure();
  readState();
  readRedirect();
  if (typeof ResizeObserver !== "undefined") new ResizeObserver(measure).observe(document.body);
  document.body.addEventListener("htmx:afterSettle", () => { readState(); readRedirect(); measure(); });
}

if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
else start();
