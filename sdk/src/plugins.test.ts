import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaClient } from "./client";
import { KassaError } from "./errors";

const order = { id: "ord_1", object: "order", status: "created", client_secret: "cs_1", payments: [] };

function client(log: string[], bodies: unknown[] = []): KassaClient {
  const fakeFetch = (async (_url: string, init: RequestInit) => {
    log.push("fetch");
    bodies.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify(order), { status: 201 });
  }) as unknown as typeof fetch;
  return new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined });
}

const params = { items: [{ sku: "sku_1", quantity: 1 }], customer: { id: "c1" }, agreementAccepted: true };

test("hooks run in the order plugins were added, each seeing the amendments before it", async () => {
  const log: string[] = [];
  const bodies: unknown[] = [];
  const kassa = client(log, bodies)
    .use({ name: "a", beforeCreateOrder: (p) => { log.push("a.before"); return { ...p, metadata: { campaign: "spring" } }; },
      afterCreateOrder: (o) => { log.push(`a.after ${o.id}`); } })
    .use({ name: "b", beforeCreateOrder: async (p) => { log.push(`b.before ${JSON.stringify(p.metadata)}`); },
      afterCreateOrder: () => { log.push("b.after"); }, onStatusChange: (c) => { log.push(`b.status ${c.status}`); } });
  await kassa.createOrder(params);
  assert.deepEqual(log, ["a.before", 'b.before {"campaign":"spring"}', "fetch", "a.after ord_1", "b.after"]);
  assert.deepEqual((bodies[0] as { metadata: unknown }).metadata, { campaign: "spring" });
});

test("a veto stops the order before any request and reaches onError", async () => {
  const log: string[] = [];
  const errors: KassaError[] = [];
  const kassa = client(log)
    .use({ name: "limits", beforeCreateOrder: () => false, onError: (e) => { errors.push(e); } })
    .use({ name: "later", beforeCreateOrder: () => { log.push("later.before"); } });
  await assert.rejects(kassa.createOrder(params),
    (e: KassaError) => e instanceof KassaError && e.type === "plugin_error" && e.code === "order_vetoed");
  assert.deepEqual(log, []);
  assert.equal(errors.length, 1);
});

test("a beforeCreateOrder that throws stops the order with a KassaError, which onError hears", async () => {
  const log: string[] = [];
  const errors: unknown[] = [];
  const kassa = client(log).use({ name: "analytics", onError: (e) => { errors.push(e); },
    // README's example on an order of a checkout session, whose items the session fixes (no items given)
    beforeCreateOrder: (p) => (p.items!.some((i) => i.quantity > 10) ? false : p) });
  const rejected = await kassa.createOrder({ session: "cs_1_secret_s", agreementAccepted: true }).catch((e) => e);
  assert.ok(rejected instanceof KassaError);
  assert.equal(rejected.type, "plugin_error");
  assert.equal(rejected.code, "plugin_failed");
  assert.match(rejected.message, /plugin analytics beforeCreateOrder failed.*some/);
  assert.deepEqual(log, []);  // nothing was sent
  assert.deepEqual(errors, [rejected]);
});

test("an observer that throws does not break the payment", async () => {
  const log: string[] = [];
  const kassa = client(log).use({ afterCreateOrder: () => { throw new Error("analytics down"); } });
  const original = console.error;
  console.error = () => undefined;
  try {
    assert.equal((await kassa.createOrder(params)).id, "ord_1");
  } finally {
    console.error = original;
  }
});

test("API errors reach onError with their type", async () => {
  const errors: KassaError[] = [];
  const failing = (async () => new Response(JSON.stringify({ error: { type: "invalid_request_error",
    code: "out_of_stock", message: "only 1 left of sku_1" } }), { status: 409 })) as unknown as typeof fetch;
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: failing, EventSource: null })
    .use({ onError: (e) => { errors.push(e); } });
  await assert.rejects(kassa.createOrder({ ...params, agreementAccepted: true }), KassaError);
  await assert.rejects(kassa.createOrder({ ...params, agreementAccepted: false }), KassaError);
  assert.deepEqual(errors.map((e) => [e.type, e.code]), [["invalid_request_error", "out_of_stock"],
    ["invalid_request_error", "agreement_required"]]);
});

test("a secret key is refused outright", () => {
  assert.throws(() => new KassaClient("sk_test_x"), (e: KassaError) => e.type === "authentication_error");
});

test("onStatusChange hears 'paid' even when the order is first seen fulfilled, as a poll may see it", async () => {
  const fakeFetch = (async (url: string) => {
    if (url.endsWith("/orders")) return new Response(JSON.stringify(order), { status: 201 });
    if (url.endsWith("/pay")) {
      return new Response(JSON.stringify({ payment: { id: "pay_1", channel: "sandbox_qr", status: "pending",
        next_action: { type: "none" } } }));
    }
    return new Response(JSON.stringify({ ...order, status: "fulfilled",  // the worker fulfilled it between two polls
      payments: [{ id: "pay_1", channel: "sandbox_qr", status: "succeeded" }] }));
  }) as unknown as typeof fetch;
  const heard: string[] = [];
  const purchases: string[] = [];
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined }).use({ name: "analytics", onStatusChange: ({ orderId, status, previous }) => {
    heard.push(`${previous}->${status}`);
    if (status === "paid") purchases.push(orderId);  // README's example
  } });
  await kassa.createOrder(params);
  await kassa.pay("ord_1", "sandbox_qr");
  assert.equal((await kassa.waitForPayment("ord_1", { timeoutMs: 5000 })).status, "fulfilled");
  assert.deepEqual(heard, ["created->paying", "paying->paid", "paid->fulfilled"]);
  assert.deepEqual(purchases, ["ord_1"]);
});
