/** The ES module entry: importing it touches nothing; call Kassa(publishableKey, options). */
import { KassaClient, type KassaOptions } from "./client";

export { KassaClient } from "./client";
export type { KassaOptions } from "./client";
export type { CreateAndPayOptions, PayOptions, WaitForPaymentOptions } from "./checkout-client";
export { KassaError } from "./errors";
export type { KassaErrorType, SetupErrorCode } from "./errors";
export type { KassaPlugin, StatusChange } from "./plugins";
export type { Panel, PanelOptions, PanelEvent, PanelEventType, PanelOrderEvent, PanelErrorEvent, PanelEvents } from "./panel";
export type { Checkout, CheckoutEvents, CheckoutOptions, CheckoutState } from "./components";
export type { PageLike, PaymentReturn, RedirectStatus } from "./redirect";
export type * from "./types";
export { version } from "./version";
export type { Locale } from "./i18n";

const clients = new Map<string, KassaClient>();

/** One client per key and base URL (memoised: calling Kassa() twice gives the same client). */
export function Kassa(publishableKey: string, options: KassaOptions = {}): KassaClient {
  const custom = options.fetch || options.EventSource !== undefined || options.sleep || options.random
    || options.page !== undefined;
  const id = `${publishableKey}|${options.baseUrl ?? ""}|${options.maxRetries ?? ""}|${options.locale ?? ""}`;
  if (custom) return new KassaClient(publishableKey, options);
  let client = clients.get(id);
  if (!client) {
    client = new KassaClient(publishableKey, options);
    clients.set(id, client);
  }
  return client;
}

export default Kassa;
