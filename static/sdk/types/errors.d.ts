/** Every failure the SDK reports is a KassaError: the API's error fields, plus the SDK's own types. */
import type { Order } from "./types";
export type KassaErrorType = "invalid_request_error" | "authentication_error" | "permission_error" | "rate_limit_error" | "risk_error" | "channel_error" | "api_error" | "api_connection_error" | "payment_error" | "timeout_error" | "plugin_error" | "setup_error";
/** Why a checkout cannot start on this page: the publishable key is unknown (or malformed), the product is unknown
 * to that key, or a live key is used from an origin the merchant has not allowed. */
export type SetupErrorCode = "api_key_unknown" | "product_unknown" | "origin_not_allowed";
export declare class KassaError extends Error {
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
    constructor(type: KassaErrorType, code: string, message: string, options?: {
        param?: string;
        status?: number;
        reason?: string;
        requestId?: string;
        order?: Order;
    });
}
/** The type an HTTP status implies when a body did not say (a proxy's HTML page, for example). */
export declare function typeForStatus(status: number): KassaErrorType;
/** Map an API error response (status + parsed body, possibly not JSON) to a KassaError. */
export declare function errorFromResponse(status: number, body: unknown): KassaError;
/** The setup_error a failure to load a checkout amounts to, or null when it is not the page's setup (a network
 * failure, a server error): the message names the SDK's own options, so the integrator knows what to change. */
export declare function setupError(error: KassaError, product: string): KassaError | null;
