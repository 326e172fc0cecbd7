import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaError } from "./errors";
import { request, retryDelay, type Transport } from "./http";

type Step = Error | { status: number; body: unknown };

function transport(steps: Step[]): Transport & { calls: { url: string; init: RequestInit }[]; sleeps: number[] } {
  const calls: { url: string; init: RequestInit }[] = [];
  const sleeps: number[] = [];
  return {
    calls, sleeps,
    random: () => 0.5,
    sleep: async (ms) => { sleeps.push(ms); },
    fetch: (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      const step = steps.shift();
      if (!step) throw new Error("no more steps");
      if (step instanceof Error) throw step;
      return new Response(JSON.stringify(step.body), { status: step.status });
    }) as unknown as typeof fetch,
  };
}

const order = { id: "ord_1", object: "order" };
const base = { baseUrl: "https://kassa.test", key: "pk_test_x", maxRetries: 3 };

test("network failures and 5xx are retried with the same Idempotency-Key: one order, not three", async () => {
  const t = transport([new TypeError("connection reset"), { status: 503, body: {} }, { status: 201, body: order }]);
  const result = await request({ ...base, method: "POST", path: "/orders", body: { items: [] }, transport: t });
  assert.deepEqual(result, order);
  assert.equal(t.calls.length, 3);
  const keys = t.calls.map((c) => (c.init.headers as Record<string, string>)["Idempotency-Key"]);
  assert.ok(keys[0]?.startsWith("kassa-js-"));
  assert.deepEqual(new Set(keys).size, 1);
  assert.deepEqual(t.calls.map((c) => c.init.body), Array(3).fill(JSON.stringify({ items: [] })));
  assert.equal(t.sleeps.length, 2);
});

test("a caller's own Idempotency-Key is sent as given", async () => {
  const t = transport([{ status: 201, body: order }]);
  await request({ ...base, method: "POST", path: "/orders", idempotencyKey: "mine-1", transport: t });
  assert.equal((t.calls[0].init.headers as Record<string, string>)["Idempotency-Key"], "mine-1");
});

test("a request still in flight (409 idempotency_request_in_progress) is asked again", async () => {
  const t = transport([{ status: 409, body: { error: { code: "idempotency_request_in_progress" } } },
    { status: 201, body: order }]);
  assert.deepEqual(await request({ ...base, method: "POST", path: "/orders", transport: t }), order);
});

test("client errors and 502 channel errors are not retried", async () => {
  for (const status of [400, 402, 409, 422, 502]) {
    const t = transport([{ status, body: { error: { type: "invalid_request_error", code: "x", message: "no" } } }]);
    await assert.rejects(request({ ...base, method: "POST", path: "/orders", transport: t }), KassaError);
    assert.equal(t.calls.length, 1, `status ${status}`);
  }
});

test("after the last retry a network failure is an api_connection_error", async () => {
  const t = transport([new TypeError("down"), new TypeError("down"), new TypeError("down"), new TypeError("down")]);
  await assert.rejects(request({ ...base, method: "GET", path: "/products", transport: t }),
    (error: KassaError) => error.type === "api_connection_error" && error.code === "network_error");
  assert.equal(t.calls.length, 4);
  assert.deepEqual(t.sleeps, [188, 375, 750]);
});

test("retry delays grow exponentially and stay capped", () => {
  assert.equal(retryDelay(1, () => 1), 250);
  assert.equal(retryDelay(3, () => 1), 1000);
  assert.equal(retryDelay(10, () => 1), 4000);
  assert.equal(retryDelay(10, () => 0), 2000);
});

test("GETs carry the key and query, and no Idempotency-Key", async () => {
  const t = transport([{ status: 200, body: order }]);
  await request({ ...base, method: "GET", path: "/orders/ord_1", query: { client_secret: "cs 1" }, transport: t });
  assert.equal(t.calls[0].url, "https://kassa.test/api/v1/orders/ord_1?client_secret=cs+1");
  const headers = t.calls[0].init.headers as Record<string, string>;
  assert.equal(headers.Authorization, "Bearer pk_test_x");
  assert.equal(headers["Idempotency-Key"], undefined);
});

test("a success whose body was cut off (the connection dropped mid-answer) is asked again with the same key", async () => {
  // The order was created; its 201 arrived but its JSON did not whole. Resolving with null made createOrder throw a
  // TypeError (reading `id` of null) instead of a KassaError; the same Idempotency-Key gets the stored order back.
  const calls: RequestInit[] = [];
  const answers = [new Response('{"id": "ord_1", "obj', { status: 201 }), new Response(JSON.stringify(order), { status: 201 })];
  const t: Transport = { random: () => 0.5, sleep: async () => {},
    fetch: (async (_url: string, init: RequestInit) => { calls.push(init); return answers.shift()!; }) as unknown as typeof fetch };
  const result = await request({ ...base, method: "POST", path: "/orders", body: { items: [] }, transport: t });
  assert.deepEqual(result, order);
  const keys = calls.map((c) => (c.headers as Record<string, string>)["Idempotency-Key"]);
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1]);
});

test("a success body that never comes whole is an api_connection_error, not a null result", async () => {
  const t: Transport = { random: () => 0.5, sleep: async () => {},
    fetch: (async () => new Response("<html>gateway</html>", { status: 200 })) as unknown as typeof fetch };
  await assert.rejects(request({ ...base, method: "GET", path: "/orders/ord_1", transport: t }),
    (error: unknown) => error instanceof KassaError && error.type === "api_connection_error");
});
