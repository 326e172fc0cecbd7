export interface Transport {
    fetch: typeof fetch;
    sleep(ms: number, signal?: AbortSignal): Promise<void>;
    random(): number;
}
export interface RequestOptions {
    baseUrl: string;
    key: string;
    method: "GET" | "POST";
    path: string;
    query?: Record<string, string | undefined>;
    body?: unknown;
    /** POSTs always carry one: given, or made up once here and reused by every retry. */
    idempotencyKey?: string;
    maxRetries: number;
    transport: Transport;
}
export declare function newIdempotencyKey(random?: () => number): string;
/** Exponential back-off with full jitter: attempt 1 waits up to 250 ms, then 500, 1000… ≤ 4 s. */
export declare function retryDelay(attempt: number, random: () => number): number;
/** Send the request; retry network failures, 429 and 5xx (not 502: a channel's own answer). */
export declare function request<T>(options: RequestOptions): Promise<T>;
