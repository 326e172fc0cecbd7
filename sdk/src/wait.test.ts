import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaError } from "./errors";
import type { OrderSnapshot } from "./types";
import { nextInterval, verdict, waitForOrder, type EventSourceLike, type WaitDeps } from "./wait";

const snap = (status: OrderSnapshot["status"], payment: OrderSnapshot["payment"] = null): OrderSnapshot =>
  ({ order: "ord_1", status, payment });
const pending = { id: "pay_1", channel: "sandbox_card", status: "pending", failure_reason: null };

class FakeStream implements EventSourceLike {
  readyState = 0;
  closed = false;
  private readonly listeners: Record<string, ((event: { data?: string }) => void)[]> = {};
  addEventListener(type: string, listener: (event: { data?: string }) => void): void {
    (this.listeners[type] ??= []).push(listener);
  }
  fire(type: string, data?: unknown): void {
    if (type === "open") this.readyState = 1;
    for (const l of this.listeners[type] ?? []) l(data === undefined ? {} : { data: JSON.stringify(data) });
  }
  close(): void { this.closed = true; this.readyState = 2; }
}

function deps(overrides: Partial<WaitDeps> & { polls?: OrderSnapshot[] }): WaitDeps & { sleeps: number[]; pollCount: () => number } {
  const sleeps: number[] = [];
  let count = 0;
  const polls = overrides.polls ?? [];
  return {
    openStream: null,
    poll: async () => { count++; return polls.shift() ?? snap("paying", pending); },
    sleep: async (ms) => { sleeps.push(ms); },
    setTimer: () => 1,
    clearTimer: () => undefined,
    ...overrides,
    sleeps,
    pollCount: () => count,
  };
}

test("polling backs off by 1.5x while nothing changes, capped, and resolves on paid", async () => {
  const d = deps({ polls: [snap("paying"), snap("paying"), snap("paying"), snap("paying"), snap("paying"),
    snap("paying"), snap("paying"), snap("paid")] });
  const result = await waitForOrder(d, { pollIntervalMs: 1000, maxPollIntervalMs: 4000 });
  assert.equal(result.status, "paid");
  assert.deepEqual(d.sleeps, [1000, 1500, 2250, 3375, 4000, 4000, 4000]);
});

test("a change of status resets the poll interval", () => {
  assert.equal(nextInterval(4000, true, 1000, 8000), 1000);
  assert.equal(nextInterval(6000, false, 1000, 8000), 8000);
});

test("with the stream working the result arrives without a single poll", async () => {
  const stream = new FakeStream();
  const d = deps({ openStream: () => stream });
  const waiting = waitForOrder(d, {});
  stream.fire("open");
  stream.fire("status", snap("paying", pending));
  stream.fire("status", snap("paid", { ...pending, status: "succeeded" }));
  assert.equal((await waiting).status, "paid");
  assert.equal(d.pollCount(), 0);
  assert.ok(stream.closed);
});

test("a stream that never opens falls back to polling", async () => {
  const stream = new FakeStream();
  const d = deps({ openStream: () => stream, polls: [snap("paying"), snap("paid")] });
  const waiting = waitForOrder(d, {});
  stream.fire("error");
  assert.equal((await waiting).status, "paid");
  assert.ok(stream.closed);
  assert.equal(d.pollCount(), 2);
});

test("an open stream survives a reconnect but polls after three errors in a row", async () => {
  const stream = new FakeStream();
  const d = deps({ openStream: () => stream, polls: [snap("paid")] });
  const waiting = waitForOrder(d, {});
  stream.fire("open");
  stream.fire("error");
  stream.fire("error");
  assert.equal(d.pollCount(), 0);
  stream.fire("error");
  assert.equal((await waiting).status, "paid");
  assert.equal(d.pollCount(), 1);
});

test("a stream that ends because the database went away gives way to polling at once", async () => {
  const stream = new FakeStream();
  const d = deps({ openStream: () => stream, polls: [snap("paying", pending), snap("paid")] });
  const waiting = waitForOrder(d, {});
  stream.fire("open");
  stream.fire("status", snap("paying", pending));
  stream.fire("end", { reason: "unavailable" });
  assert.ok(stream.closed);  // no reconnection to a server that would answer 503
  assert.equal((await waiting).status, "paid");
  assert.equal(d.pollCount(), 2);
});

test("a stream that ends asking to reconnect keeps the stream, not polling", () => {
  const stream = new FakeStream();
  const d = deps({ openStream: () => stream });
  void waitForOrder(d, {});
  stream.fire("open");
  stream.fire("end", { reason: "timeout", reconnect: true });
  assert.equal(stream.closed, false);
  assert.equal(d.pollCount(), 0);
});

test("a failed payment, a closed order and a timeout reject with typed errors", async () => {
  const failed = snap("created", { ...pending, status: "failed", failure_reason: "declined by the issuer" });
  await assert.rejects(waitForOrder(deps({ polls: [failed] }), { paymentId: "pay_1" }),
    (e: KassaError) => e.type === "payment_error" && e.code === "payment_failed" && /declined/.test(e.message));
  await assert.rejects(waitForOrder(deps({ polls: [snap("closed")] }), {}),
    (e: KassaError) => e.type === "payment_error" && e.code === "order_closed");
  let fire: () => void = () => undefined;
  const d = deps({ setTimer: (fn) => { fire = fn; return 1; }, sleep: () => new Promise(() => undefined) });
  const waiting = waitForOrder(d, { timeoutMs: 5 });
  fire();
  await assert.rejects(waiting, (e: KassaError) => e.type === "timeout_error" && e.code === "wait_timeout");
});

test("an earlier failed attempt of the order does not end a wait for a newer payment", () => {
  const old = snap("created", { ...pending, id: "pay_0", status: "failed" });
  assert.equal(verdict(old, "pay_1"), null);
  assert.equal(verdict(old, "pay_0"), "failed");
  assert.equal(verdict(snap("fulfilled")), "paid");
});

test("a stopped wait closes its stream, clears its timer, polls no more and says it was stopped", async () => {
  const stream = new FakeStream();
  const cleared: unknown[] = [];
  const stop = new AbortController();
  const d = deps({ openStream: () => stream, setTimer: () => "timeout", clearTimer: (handle) => { cleared.push(handle); } });
  const waiting = waitForOrder(d, { signal: stop.signal });
  stream.fire("open");
  stop.abort();
  await assert.rejects(waiting, (e: KassaError) => e.code === "wait_aborted");
  assert.equal(stream.closed, true);
  assert.deepEqual(cleared, ["timeout"]);
  assert.equal(d.pollCount(), 0);
});

test("a wait stopped while polling ends its sleep at once and reads the order no more", async () => {
  const stop = new AbortController();
  let sleeping = 0;
  // A sleep that never ends by itself: only the stop can end the loop.
  const d = deps({ sleep: (_ms, signal) => new Promise((resolve) => {
    sleeping++;
    signal?.addEventListener("abort", () => resolve());
  }) });
  const waiting = waitForOrder(d, { signal: stop.signal });
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(d.pollCount(), 1);
  assert.equal(sleeping, 1);
  stop.abort();
  await assert.rejects(waiting, (e: KassaError) => e.code === "wait_aborted");
  await new Promise((resolve) => setTimeout(resolve, 5));
  assert.equal(d.pollCount(), 1);
});

test("a wait whose signal was stopped before it began opens nothing", async () => {
  const stop = new AbortController();
  stop.abort();
  let opened = 0;
  const d = deps({ openStream: () => { opened++; return new FakeStream(); } });
  await assert.rejects(waitForOrder(d, { signal: stop.signal }), (e: KassaError) => e.code === "wait_aborted");
  assert.equal(opened, 0);
  assert.equal(d.pollCount(), 0);
});
