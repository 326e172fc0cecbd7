/** Every failure the SDK reports is a KassaError: the API's error fields, plus the SDK's own types. */
export type KassaErrorType = "invalid_request_error" | "authentication_error" | "permission_error" | "rate_limit_error" | "risk_error" | "channel_error" | "api_error" | "api_connection_error" | "payment_error" | "timeout_error" | "plugin_error";
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
    constructor(type: KassaErrorType, code: string, message: string, options?: {
        param?: string;
        status?: number;
        reason?: string;
        requestId?: string;
    });
}
/** The type an HTTP status implies when a body did not say (a proxy's HTML page, for example). */
export declare function typeForStatus(status: number): KassaErrorType;
/** Map an API error response (status + parsed body, possibly not JSON) to a KassaError. */
export declare function errorFromResponse(status: number, body: unknown): KassaError;
