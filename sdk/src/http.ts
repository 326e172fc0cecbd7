/** One HTTP call to the Kassa API, with retries that reuse the Idempotency-Key. */
import { KassaError, errorFromResponse } from "./errors";

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

const RETRY_STATUSES = new Set([429, 500, 503, 504]);
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 4000;

export function newIdempotencyKey(random: () => number = Math.random): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c && typeof c.randomUUID === "function") return `kassa-js-${c.randomUUID()}`;
  let out = "kassa-js-";
  for (let i = 0; i < 32; i++) out += Math.floor(random() * 16).toString(16);
  return out;
}

/** Exponential back-off with full jitter: attempt 1 waits up to 250 ms, then 500, 1000… ≤ 4 s. */
export function retryDelay(attempt: number, random: () => number): number {
  const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempt - 1));
  return Math.round(cap / 2 + (cap / 2) * random());
}

function shouldRetry(status: number, body: unknown): boolean {
  if (RETRY_STATUSES.has(status)) return true;
  // The first try is still running on the server: ask again later with the same key.
  const code = (body as { error?: { code?: string } } | null)?.error?.code;
  return status === 409 && code === "idempotency_request_in_progress";
}

function urlFor(options: RequestOptions): string {
  const url = new URL(`${options.baseUrl.replace(/\/$/, "")}/api/v1${options.path}`);
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return url.toString();
}

/** The body as JSON, or null when it is not (a proxy's error page); ``CUT_OFF`` for a success that did not come
 * whole (the connection dropped while it came: the text stopped, or is JSON cut short). A success is always JSON. */
const CUT_OFF = Symbol("cut off");

async function readJson(response: Response): Promise<unknown> {
  let text: string;
  try {
    text = await response.text();
  } catch {
    return response.ok ? CUT_OFF : null;
  }
  try {
    return JSON.parse(text);
  } catch {
    return response.ok && response.status !== 204 ? CUT_OFF : null;
  }
}

/** Send the request; retry network failures, 429 and 5xx (not 502: a channel's own answer). */
export async function request<T>(options: RequestOptions): Promise<T> {
  const headers: Record<string, string> = { Authorization: `Bearer ${options.key}` };
  let body: string | undefined;
  if (options.method === "POST") {
    headers["Content-Type"] = "application/json";
    headers["Idempotency-Key"] = options.idempotencyKey ?? newIdempotencyKey(options.transport.random);
    body = JSON.stringify(options.body ?? {});
  }
  const url = urlFor(options);
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await options.transport.fetch(url, { method: options.method, headers, body, credentials: "omit" });
    } catch (cause) {
      if (attempt < options.maxRetries) {
        await options.transport.sleep(retryDelay(attempt + 1, options.transport.random));
        continue;
      }
      throw new KassaError("api_connection_error", "network_error",
        `could not reach Kassa at ${options.baseUrl}: ${(cause as Error)?.message ?? cause}`);
    }
    const parsed = await readJson(response);
    if (parsed === CUT_OFF) {
      // Answered, but the answer did not arrive whole: ask again as after a network failure (a POST with the same
      // Idempotency-Key gets the stored answer, never a second order), never resolve with nothing.
      if (attempt < options.maxRetries) {
        await options.transport.sleep(retryDelay(attempt + 1, options.transport.random));
        continue;
      }
      throw new KassaError("api_connection_error", "network_error",
        `the answer from Kassa at ${options.baseUrl} did not arrive whole (HTTP ${response.status})`);
    }
    if (response.ok) return parsed as T;
    if (attempt < options.maxRetries && shouldRetry(response.status, parsed)) {
      await options.transport.sleep(retryDelay(attempt + 1, options.transport.random));
      continue;
    }
    throw errorFromResponse(response.status, parsed);
  }
}
