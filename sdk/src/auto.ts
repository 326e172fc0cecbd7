/** Zero-code integration: <script src=".../kassa.js" data-kassa-key="pk_…" data-kassa-product="prod_…">
 * (or data-kassa-session="<a checkout session's client secret>"; data-kassa-locale="de" for its language) renders the panel right after the script
 * tag (or into data-kassa-target) and binds every
 * [data-kassa-checkout] element. Panel events are re-dispatched as DOM events "kassa:ready" etc. */
import { Kassa } from "./index";

export function autoMount(script: HTMLScriptElement | null): void {
  if (!script) return;
  const key = script.getAttribute("data-kassa-key");
  if (!key) return;
  const baseUrl = script.getAttribute("data-kassa-base-url") ?? new URL(script.src, location.href).origin;
  const start = (): void => {
    const kassa = Kassa(key, { baseUrl, locale: script.getAttribute("data-kassa-locale") ?? undefined });
    const product = script.getAttribute("data-kassa-product") ?? undefined;
    const session = script.getAttribute("data-kassa-session") ?? undefined;
    if (product || session) {
      const targetSelector = script.getAttribute("data-kassa-target");
      let container = targetSelector ? document.querySelector(targetSelector) : null;
      if (!container) {
        container = document.createElement("div");
        container.className = "kassa-panel";
        script.insertAdjacentElement("afterend", container);
      }
      const quantity = script.getAttribute("data-kassa-quantity");
      const panel = kassa.mountPanel(container, {
        product, session, sku: script.getAttribute("data-kassa-sku") ?? undefined,
        quantity: quantity ? Number(quantity) : undefined,
      });
      for (const type of ["ready", "paid", "failed", "closed"] as const) {
        panel.on(type, (detail) => container!.dispatchEvent(new CustomEvent(`kassa:${type}`, { detail, bubbles: true })));
      }
    }
    kassa.components.bindAll(document);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start, { once: true });
  else start();
}
