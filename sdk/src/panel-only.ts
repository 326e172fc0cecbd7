/** The panel-only build (kassa-panel.js, kassa-panel.mjs): a page that only mounts Kassa's ready-made panel loads
 * this, not the headless client, components and QR modal it never uses (the size budget in build.mjs holds it to
 * it). The same Panel as ``Kassa(key).mountPanel``. */
import { KassaError } from "./errors";
import { Panel, type PanelOptions } from "./panel";
import { takePaymentReturn } from "./redirect";

export { KassaError } from "./errors";
export type { KassaErrorType, SetupErrorCode } from "./errors";
export type { Panel, PanelOptions, PanelEvent, PanelEventType, PanelOrderEvent, PanelErrorEvent, PanelEvents }
  from "./panel";
export { version } from "./version";

export interface MountPanelOptions extends PanelOptions {
  /** Kassa's address (default: this page's origin). */
  baseUrl?: string;
}

/** Insert the panel into the element ``selector`` names, for ``publishableKey``'s merchant. */
export function mountPanel(selector: string | Element, publishableKey: string, options: MountPanelOptions): Panel {
  const container = typeof selector === "string" ? document.querySelector(selector) : selector;
  if (!container) throw new KassaError("invalid_request_error", "element_missing", `no element matches ${String(selector)}`);
  if (!options || (!options.product && !options.session)) throw new KassaError("invalid_request_error",
    "parameter_missing", "mountPanel needs a product id or a checkout session's client secret", { param: "product" });
  const { baseUrl, ...panel } = options;
  // A page back from a provider's page opens the panel at that order's outcome, as Kassa(key).mountPanel does.
  return new Panel(container, (baseUrl ?? location.origin).replace(/\/$/, ""), publishableKey, panel,
    takePaymentReturn(window));
}
