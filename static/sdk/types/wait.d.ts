/** waitForPayment's engine: the SSE status stream first, polling with back-off when it fails. */
import { KassaError } from "./errors";
import type { OrderSnapshot } from "./types";
/** The part of the browser's EventSource this module uses (tests pass a fake). */
export interface EventSourceLike {
    readonly readyState: number;
    addEventListener(type: string, listener: (event: {
        data?: string;
    }) => void): void;
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
export declare function waitAborted(): KassaError;
export declare const PAID_STATUSES: string[];
export declare const DEFAULT_TIMEOUT_MS: number;
type Verdict = "paid" | "failed" | "closed" | null;
/** What a snapshot means for the wait: decided one way or the other, or not yet. */
export declare function verdict(snapshot: OrderSnapshot, paymentId?: string): Verdict;
/** The poll intervals: grow by 1.5× while nothing changes, capped; back to the start on a change. */
export declare function nextInterval(current: number, changed: boolean, base: number, max: number): number;
export declare function waitForOrder(deps: WaitDeps, options?: WaitOptions): Promise<OrderSnapshot>;
export {};
