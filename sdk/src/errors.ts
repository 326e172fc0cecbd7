/** Every failure the SDK reports is a KassaError: the API's error fields, plus the SDK's own types. */
import type { Order } from "./types";

export type KassaErrorType =
  | "invalid_request_error" | "authentication_error" | "permission_error" | "rate_limit_error"
  | "risk_error" | "channel_error" | "api_error"
  // raised by the SDK itself
  | "api_connection_error" | "payment_error" | "timeout_error" | "plugin_error"
  // the page's setup is wrong (a key, a product, an origin): no shopper can pay here until the integrator fixes it
  | "setup_error";

/** Why a checkout cannot start on this page: the publishable key is unknown (or malformed), the product is unknown
 * to that key, or a live key is used from an origin the merchant has not allowed. */
export type SetupErrorCode = "api_key_unknown" | "product_unknown" | "origin_not_allowed";

const API_TYPES: ReadonlySet<string> = new Set([
  "invalid_request_error", "authentication_error", "permission_error", "rate_limit_error",
  "risk_error", "channel_error", "api_error",
]);

export class KassaError extends Error {
  readonly type: KassaErrorType;
  readonly code: string;
  readonly param?: string;
  /** The HTTP status, when the error came from the API. */
  readonly status?: number;
  /** ``payment_failed``: why the payment failed, as the provider said (e.g. "declined by the card holder"). */
  readonly reason?: string;
  /** The API request's id (``error.request_id``; Kassa's logs and the portal's request log find it by this). */
  readonly requestId?: string;
  /** ``createOrderAndPay``: the order Kassa made although its payment could not start (``created``: pay it again
   * with ``pay``, it needs no second order). */
  readonly order?: Order;

  constructor(type: KassaErrorType, code: string, message: string,
    options: { param?: string; status?: number; reason?: string; requestId?: string; order?: Order } = {}) {
    super(message);
    this.name = "KassaError";
    this.type = type;
    this.code = code;
    if (options.param !== undefined) this.param = options.param;
    if (options.status !== undefined) this.status = options.status;
    if (options.reason !== undefined) this.reason = options.reason;
    if (options.requestId !== undefined) this.requestId = options.requestId;
    if (options.order !== undefined) this.order = options.order;
  }
}

/** The type an HTTP status implies when a body did not say (a proxy's HTML page, for example). */
export function typeForStatus(status: number): KassaErrorType {
  if (status === 401) return "authentication_error";
  if (status === 403) return "permission_error";
  if (status === 429) return "rate_limit_error";
  if (status === 402) return "risk_error";
  if (status === 502) return "channel_error";
  if (status >= 500) return "api_error";
  return "invalid_request_error";
}

/** Map an API error response (status + parsed body, possibly not JSON) to a KassaError. */
export function errorFromResponse(status: number, body: unknown): KassaError {
  const error = (body && typeof body === "object" ? (body as { error?: unknown }).error : undefined) as
    | { type?: unknown; code?: unknown; message?: unknown; param?: unknown; request_id?: unknown }
    | undefined;
  const type = error && typeof error.type === "string" && API_TYPES.has(error.type)
    ? (error.type as KassaErrorType) : typeForStatus(status);
  const code = error && typeof error.code === "string" ? error.code : `http_${status}`;
  const message = error && typeof error.message === "string" ? error.message : `Kassa answered HTTP ${status}`;
  const param = error && typeof error.param === "string" ? error.param : undefined;
  const requestId = error && typeof error.request_id === "string" ? error.request_id : undefined;
  return new KassaError(type, code, message, { param, status, requestId });
}

/** The setup_error a failure to load a checkout amounts to, or null when it is not the page's setup (a network
 * failure, a server error): the message names the SDK's own options, so the integrator knows what to change. */
export function setupError(error: KassaError, product: string): KassaError | null {
  const options = { status: error.status, requestId: error.requestId };
  if (error.type === "setup_error") return error;
  if (error.type === "authentication_error") {
    return new KassaError("setup_error", "api_key_unknown",
      `the publishable key given to Kassa() is not accepted: ${error.message}`, { ...options, param: "publishableKey" });
  }
  if (error.code === "origin_not_allowed") {
    return new KassaError("setup_error", "origin_not_allowed", error.message, options);
  }
  if (error.status === 404) {
    return new KassaError("setup_error", "product_unknown", `the product ${JSON.stringify(product)} is unknown to this `
      + "publishable key (or not active): check the product option (or data-kassa-product)", { ...options, param: "product" });
  }
  return null;
}
