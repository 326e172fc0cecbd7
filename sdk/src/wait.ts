/** waitForPayment's engine: the SSE status stream first, polling with back-off when it fails. */
import { KassaError } from "./errors";
import type { OrderSnapshot } from "./types";

/** The part of the browser's EventSource this module uses (tests pass a fake). */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: { data?: string }) => void): void;
  close(): void;
}

export interface WaitDeps {
  /** Open the order's status stream, or null when the browser has no EventSource. */
  openStream: (() => EventSourceLike) | null;
  /** Read the order once (GET /orders/{id}). */
  poll: () => Promise<OrderSnapshot>;
  /** Wait ``ms``; a sleep that honours ``signal`` ends (and clears its timer) when the wait is stopped. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  setTimer: (fn: () => void, ms: number) => unknown;
  clearTimer: (handle: unknown) => void;
  onSnapshot?: (snapshot: OrderSnapshot) => void;
}

export interface WaitOptions {
  timeoutMs?: number;
  /** The payment this wait is about; an earlier failed attempt of the order is ignored. */
  paymentId?: string;
  pollIntervalMs?: number;
  maxPollIntervalMs?: number;
  /** Stops the wait (a component being destroyed): the stream is closed, polling and the timeout timer end, and
   * the wait rejects with ``wait_aborted``. */
  signal?: AbortSignal;
}

/** The rejection of a wait stopped through its ``signal``. */
export function waitAborted(): KassaError {
  return new KassaError("payment_error", "wait_aborted", "the wait for the payment was stopped by the page");
}

export const PAID_STATUSES = ["paid", "fulfilled", "completed", "refunding", "refunded"];
export const DEFAULT_TIMEOUT_MS = 10 * 60 * 1000;
const BACKOFF = 1.5;
const STREAM_ERRORS_BEFORE_POLLING = 3;
const EVENTSOURCE_CLOSED = 2;

type Verdict = "paid" | "failed" | "closed" | null;

/** What a snapshot means for the wait: decided one way or the other, or not yet. */
export function verdict(snapshot: OrderSnapshot, paymentId?: string): Verdict {
  if (PAID_STATUSES.includes(snapshot.status)) return "paid";
  if (snapshot.status === "closed") return "closed";
  const payment = snapshot.payment;
  if (snapshot.status === "created" && payment && (!paymentId || payment.id === paymentId)
      && (payment.status === "failed" || payment.status === "canceled")) return "failed";
  return null;
}

/** The poll intervals: grow by 1.5× while nothing changes, capped; back to the start on a change. */
export function nextInterval(current: number, changed: boolean, base: number, max: number): number {
  return changed ? base : Math.min(max, Math.round(current * BACKOFF));
}

export function waitForOrder(deps: WaitDeps, options: WaitOptions = {}): Promise<OrderSnapshot> {
  const base = options.pollIntervalMs ?? 1000;
  const max = options.maxPollIntervalMs ?? 8000;
  return new Promise<OrderSnapshot>((resolve, reject) => {
    let done = false;
    let stream: EventSourceLike | null = null;
    let polling = false;
    let lastStatus: string | null = null;

    const signal = options.signal;
    const stop = (): void => finish(() => reject(waitAborted()));
    const finish = (fn: () => void): void => {
      if (done) return;
      done = true;
      deps.clearTimer(timer);
      if (stream) stream.close();
      signal?.removeEventListener("abort", stop);
      fn();
    };
    const handle = (snapshot: OrderSnapshot): void => {
      if (done) return;
      deps.onSnapshot?.(snapshot);
      const outcome = verdict(snapshot, options.paymentId);
      if (outcome === "paid") finish(() => resolve(snapshot));
      else if (outcome === "closed") {
        finish(() => reject(new KassaError("payment_error", "order_closed", "the order closed before it was paid")));
      } else if (outcome === "failed") {
        const reason = snapshot.payment?.failure_reason;
        finish(() => reject(new KassaError("payment_error", "payment_failed",
          `the payment failed${reason ? `: ${reason}` : ""}`, { reason: reason ?? undefined })));
      }
    };
    const timer = deps.setTimer(() => finish(() => reject(new KassaError("timeout_error", "wait_timeout",
      `the order was not paid within ${options.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms`))), options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

    const aborted = new Promise<void>((resolve) => signal?.addEventListener("abort", () => resolve(), { once: true }));
    const pollLoop = async (): Promise<void> => {
      if (polling || done) return;
      polling = true;
      let interval = base;
      while (!done) {
        let changed = false;
        try {
          const snapshot = await deps.poll();
          changed = lastStatus !== null && snapshot.status !== lastStatus;
          lastStatus = snapshot.status;
          handle(snapshot);
        } catch (error) {
          const status = (error as KassaError).status;
          if (status !== undefined && status >= 400 && status < 500 && status !== 429) {
            finish(() => reject(error));  // a wrong id or secret will not fix itself
            return;
          }
        }
        if (done) return;
        await Promise.race([deps.sleep(interval, signal), aborted]);
        interval = nextInterval(interval, changed, base, max);
      }
    };

    if (signal?.aborted) {
      stop();
      return;
    }
    signal?.addEventListener("abort", stop, { once: true });
    if (!deps.openStream) {
      void pollLoop();
      return;
    }
    let opened = false;
    let errors = 0;
    try {
      stream = deps.openStream();
    } catch {
      void pollLoop();
      return;
    }
    stream.addEventListener("open", () => { opened = true; errors = 0; });
    stream.addEventListener("status", (event) => {
      errors = 0;
      try {
        handle(JSON.parse(event.data ?? "") as OrderSnapshot);
      } catch { /* a malformed event is skipped; the next one or the poller decides */ }
    });
    const fallBackToPolling = (): void => {
      stream!.close();
      stream = null;
      void pollLoop();
    };
    // An end that does not ask to reconnect (the database went away, the order is gone): the stream has no more to
    // say, and the browser's reconnection would only meet a 503 or a 404 later. Polling carries on (or decides) now.
    stream.addEventListener("end", (event) => {
      if (done) return;
      let reconnect = false;
      try {
        reconnect = (JSON.parse(event.data ?? "") as { reconnect?: boolean }).reconnect === true;
      } catch { /* a bare end */ }
      if (!reconnect) fallBackToPolling();
    });
    stream.addEventListener("error", () => {
      if (done) return;
      errors += 1;
      // Never connected (blocked, no SSE on this server) or keeps failing: poll instead.
      if (!opened || errors >= STREAM_ERRORS_BEFORE_POLLING || stream!.readyState === EVENTSOURCE_CLOSED) {
        fallBackToPolling();
      }
    });
  });
}
