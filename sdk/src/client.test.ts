import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaClient } from "./client";
import { KassaError } from "./errors";

type Call = { url: string; body: Record<string, unknown> | null };

function client(calls: Call[]): KassaClient {
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : null;
    calls.push({ url, body });
    if (url.endsWith("/pay")) {
      return new Response(JSON.stringify({ payment: { id: "pay_1", channel: body.channel, status: "succeeded",
        next_action: { type: "none" } } }), { status: 200 });
    }
    return new Response(JSON.stringify({ id: "ord_1", object: "order", status: "created", client_secret: "ord_1_secret_s",
      payments: [] }), { status: 201 });
  }) as unknown as typeof fetch;
  return new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined });
}

test("createOrder with a session sends its client secret and names no customer", async () => {
  const calls: Call[] = [];
  await client(calls).createOrder({ session: "cs_1_secret_abc", agreementAccepted: true });
  assert.deepEqual(calls[0].body, { agreement_accepted: true, checkout_session: "cs_1_secret_abc" });
});

test("createOrder without a session or customer checks out a guest", async () => {
  const calls: Call[] = [];
  await client(calls).createOrder({ items: [{ sku: "sku_1", quantity: 2 }], agreementAccepted: true });
  assert.deepEqual(calls[0].body, { agreement_accepted: true, items: [{ sku: "sku_1", quantity: 2 }] });
});

test("pay sends the order's client secret remembered from createOrder", async () => {
  const calls: Call[] = [];
  const kassa = client(calls);
  const order = await kassa.createOrder({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true });
  await kassa.pay(order.id, "wallet");
  assert.equal(calls[1].url, "https://kassa.test/api/v1/orders/ord_1/pay");
  assert.deepEqual(calls[1].body, { channel: "wallet", client_secret: "ord_1_secret_s" });
});

test("pay takes a client secret it was given, and without one asks for it before any request", async () => {
  const calls: Call[] = [];
  const kassa = client(calls);
  await assert.rejects(kassa.pay("ord_other", "wallet"),
    (e: KassaError) => e instanceof KassaError && e.code === "client_secret_required" && e.param === "client_secret");
  assert.equal(calls.length, 0);
  await kassa.pay("ord_other", "sandbox_card", { clientSecret: "ord_other_secret_t", returnUrl: "https://shop.test/" });
  assert.deepEqual(calls[0].body, { channel: "sandbox_card", client_secret: "ord_other_secret_t",
    return_url: "https://shop.test/" });
});
