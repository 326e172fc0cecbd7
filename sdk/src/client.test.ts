import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaClient } from "./client";
import { KassaError } from "./errors";
import { recurringTerms, validateCheckout } from "./components";

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

test("subscribe opens the contract and remembers its first order's secret, so pay needs nothing more", async () => {
  const calls: Call[] = [];
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : null;
    calls.push({ url, body });
    if (url.endsWith("/pay")) {
      return new Response(JSON.stringify({ payment: { id: "pay_1", channel: body.channel, status: "pending",
        next_action: { type: "none" } } }), { status: 200 });
    }
    return new Response(JSON.stringify({ subscription: { id: "sub_1", object: "subscription", status: "pending" },
      order: { id: "ord_9", object: "order", status: "created", client_secret: "ord_9_secret_z", payments: [] } }),
    { status: 201 });
  }) as unknown as typeof fetch;
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined });
  const created = await kassa.subscribe({ sku: "sku_month", agreementAccepted: true });
  assert.equal(calls[0].url, "https://kassa.test/api/v1/subscriptions");
  assert.deepEqual(calls[0].body, { sku: "sku_month", agreement_accepted: true });
  assert.equal(created.subscription.id, "sub_1");
  await kassa.pay(created.order.id, "sandbox_card", { returnUrl: "https://shop.test/" });
  assert.deepEqual(calls[1].body, { channel: "sandbox_card", client_secret: "ord_9_secret_z",
    return_url: "https://shop.test/" });
});

test("subscribe passes the currency the contract is signed in, and a coupon for its first order", async () => {
  const bodies: unknown[] = [];
  const fakeFetch = (async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return new Response(JSON.stringify({ subscription: { id: "sub_2", object: "subscription", status: "pending" },
      order: { id: "ord_8", object: "order", status: "created", client_secret: "ord_8_secret_y", payments: [],
        amount: { subtotal: 899, discount: 0, total: 899, currency: "eur" } } }), { status: 201 });
  }) as unknown as typeof fetch;
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined });
  await kassa.subscribe({ sku: "sku_month", agreementAccepted: true, currency: "eur" });
  assert.deepEqual(bodies, [{ sku: "sku_month", agreement_accepted: true, currency: "eur" }]);
  await kassa.subscribe({ sku: "sku_month", agreementAccepted: true, coupon: "FIRSTMONTH" });
  assert.deepEqual(bodies[1], { sku: "sku_month", agreement_accepted: true, coupon: "FIRSTMONTH" });
});

test("subscribe without a SKU fails before any request", async () => {
  const calls: Call[] = [];
  await assert.rejects(client(calls).subscribe({ sku: "", agreementAccepted: true }),
    (e: KassaError) => e.code === "parameter_missing" && e.param === "sku");
  assert.equal(calls.length, 0);
});

test("the headless checkout words a subscription's terms like Kassa's own page and sells one at a time", () => {
  assert.equal(recurringTerms({ amount: 999, currency: "usd" }, { interval: "month", interval_count: 1 }, "en"),
    "$9.99 every month, cancel anytime");
  assert.equal(recurringTerms({ amount: 5000, currency: "usd" }, { interval: "month", interval_count: 3 }, "en"),
    "$50.00 every 3 months, cancel anytime");
  assert.equal(recurringTerms({ amount: 999, currency: "usd" }, { interval: "month", interval_count: 1, trial_days: 14 },
    "en"), "14-day free trial, then $9.99 every month");
  const base = { sku: "sku_month", channel: "sandbox_card", agreed: true };
  assert.match(validateCheckout({ ...base, quantity: 2, recurring: "$9.99 every month, cancel anytime" }).quantity!,
    /one at a time/);
  assert.equal(validateCheckout({ ...base, quantity: 2, recurring: null }).quantity, undefined);
});

test("quote sends a coupon only when there is one", async () => {
  const calls: Call[] = [];
  const kassa = client(calls);
  await kassa.quote([{ sku: "sku_1", quantity: 2 }], "SPRING20");
  await kassa.quote([{ sku: "sku_1", quantity: 2 }]);
  assert.deepEqual(calls.map((c) => c.body), [{ items: [{ sku: "sku_1", quantity: 2 }], coupon: "SPRING20" },
    { items: [{ sku: "sku_1", quantity: 2 }] }]);
});

test("quote and createOrder pass a currency through, and leave it out when none is asked for", async () => {
  const calls: Call[] = [];
  const kassa = client(calls);
  await kassa.quote([{ sku: "sku_1", quantity: 2 }], { currency: "eur" });
  await kassa.quote([{ sku: "sku_1", quantity: 2 }], { coupon: "SPRING20", currency: "eur" });
  await kassa.createOrder({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true, currency: "eur" });
  await kassa.createOrder({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true });
  assert.deepEqual(calls.map((c) => c.body), [
    { items: [{ sku: "sku_1", quantity: 2 }], currency: "eur" },
    { items: [{ sku: "sku_1", quantity: 2 }], coupon: "SPRING20", currency: "eur" },
    { agreement_accepted: true, items: [{ sku: "sku_1", quantity: 1 }], currency: "eur" },
    { agreement_accepted: true, items: [{ sku: "sku_1", quantity: 1 }] }]);
});

test("changePaymentMethod gives up the payment this client started, with the order's client secret", async () => {
  const calls: Call[] = [];
  const kassa = client(calls);
  const order = await kassa.createOrder({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true });
  await kassa.pay(order.id, "sandbox_qr");
  const reopened = await kassa.changePaymentMethod(order.id);
  assert.equal(calls[2].url, "https://kassa.test/api/v1/orders/ord_1/change_payment_method");
  assert.deepEqual(calls[2].body, { client_secret: "ord_1_secret_s", payment: "pay_1" });
  assert.equal(reopened.status, "created");
  await assert.rejects(kassa.changePaymentMethod("ord_unknown"),
    (e: KassaError) => e.code === "client_secret_required" && e.param === "client_secret");
  assert.equal(calls.length, 3);
});

test("an order of nothing is paid with no channel: pay resolves with no payment and the order is paid", async () => {
  const calls: Call[] = [];
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : null;
    calls.push({ url, body });
    if (url.endsWith("/pay")) {
      return new Response(JSON.stringify({ payment: null, next_action: { type: "none" },
        order: { id: "ord_free", object: "order", status: "paid", payments: [] } }), { status: 200 });
    }
    return new Response(JSON.stringify({ id: "ord_free", object: "order", status: "created",
      client_secret: "ord_free_secret_s", amount: { subtotal: 999, discount: 999, total: 0, currency: "usd" },
      payments: [] }), { status: 201 });
  }) as unknown as typeof fetch;
  const statuses: string[] = [];
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined });
  kassa.use({ onStatusChange: (change) => { statuses.push(change.status); } });
  const order = await kassa.createOrder({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true,
    coupon: "ONUS" });
  assert.equal(await kassa.pay(order.id, null), null);
  assert.deepEqual(calls[1].body, { client_secret: "ord_free_secret_s" });  // no channel named
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(statuses, ["paid"]);  // created -> paid, heard by plugins
});

test("a basket of nothing asks for no channel, unless it signs a subscription (a free trial)", () => {
  const base = { quantity: 1, channel: null, agreed: true, sku: "sku_1" };
  assert.equal(validateCheckout({ ...base, total: { amount: 0, currency: "usd" } }).channel, undefined);
  assert.ok(validateCheckout({ ...base, total: { amount: 999, currency: "usd" } }).channel);
  assert.ok(validateCheckout({ ...base, total: { amount: 0, currency: "usd" },
    recurring: "14-day free trial, then $9.99 every month" }).channel);
});

test("a paid order whose final read meets a dropped connection still resolves paid, never as a failure", async () => {
  let reads = 0;
  const fakeFetch = (async () => {
    reads += 1;
    if (reads <= 6) throw new TypeError("Failed to fetch");  // longer than one request's retries
    return new Response(JSON.stringify({ id: "ord_1", object: "order", status: "paid", client_secret: "ord_1_secret_s",
      payments: [{ id: "pay_1", channel: "sandbox_qr", status: "succeeded" }] }), { status: 200 });
  }) as unknown as typeof fetch;
  class PaidStream {
    readyState = 1;
    private readonly listeners: Record<string, ((event: { data?: string }) => void)[]> = {};
    constructor() {
      setTimeout(() => this.fire("status", { order: "ord_1", status: "paid",
        payment: { id: "pay_1", channel: "sandbox_qr", status: "succeeded", failure_reason: null } }), 0);
    }
    addEventListener(type: string, listener: (event: { data?: string }) => void): void {
      (this.listeners[type] ??= []).push(listener);
    }
    close(): void { this.readyState = 2; }
    private fire(type: string, data: unknown): void {
      for (const listener of this.listeners[type] ?? []) listener({ data: JSON.stringify(data) });
    }
  }
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: PaidStream,
    sleep: async () => undefined });
  const paid = await kassa.waitForPayment("ord_1", { clientSecret: "ord_1_secret_s", timeoutMs: 5000 });
  assert.equal(paid.status, "paid");
  assert.equal(reads, 7);
});

test("onError hears how a wait ends, not the polls it recovered from", async () => {
  let reads = 0;
  const fakeFetch = (async () => {
    reads += 1;
    if (reads <= 5) throw new TypeError("Failed to fetch");  // one poll's every retry, and the next one's first
    return new Response(JSON.stringify({ id: "ord_1", object: "order", status: reads < 8 ? "paying" : "paid",
      client_secret: "ord_1_secret_s", payments: [{ id: "pay_1", channel: "sandbox_qr", status: "pending" }] }));
  }) as unknown as typeof fetch;
  const heard: string[] = [];
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined }).use({ onError: (error) => { heard.push(error.code); } });
  assert.equal((await kassa.waitForPayment("ord_1", { clientSecret: "ord_1_secret_s", timeoutMs: 5000 })).status, "paid");
  assert.deepEqual(heard, []);

  const missing = (async () => new Response(JSON.stringify({ error: { type: "invalid_request_error",
    code: "resource_missing", message: "No such order: 'ord_2'" } }), { status: 404 })) as unknown as typeof fetch;
  const other = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: missing, EventSource: null,
    sleep: async () => undefined }).use({ onError: (error) => { heard.push(error.code); } });
  await assert.rejects(other.waitForPayment("ord_2", { clientSecret: "ord_2_secret_x", timeoutMs: 5000 }),
    (error: KassaError) => error.code === "resource_missing");
  assert.deepEqual(heard, ["resource_missing"]);  // the failure it ends with, once
});

test("a wrong client secret given once is not remembered: the order's own one still pays it", async () => {
  const calls: Call[] = [];
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : null;
    calls.push({ url, body });
    if (url.includes("client_secret=typo") || body?.client_secret === "typo") {
      return new Response(JSON.stringify({ error: { type: "invalid_request_error", code: "resource_missing",
        message: "No such order: 'ord_1'" } }), { status: 404 });
    }
    if (url.endsWith("/pay")) {
      return new Response(JSON.stringify({ payment: { id: "pay_1", channel: "wallet", status: "succeeded",
        next_action: { type: "none" } } }));
    }
    return new Response(JSON.stringify({ id: "ord_1", object: "order", status: "created", client_secret: "ord_1_secret_s",
      payments: [] }), { status: 201 });
  }) as unknown as typeof fetch;
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined });
  await kassa.createOrder({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true });
  await assert.rejects(kassa.getOrder("ord_1", "typo"), (e: KassaError) => e.status === 404);
  await assert.rejects(kassa.pay("ord_1", "wallet", { clientSecret: "typo" }), (e: KassaError) => e.status === 404);
  await assert.rejects(kassa.waitForPayment("ord_1", { clientSecret: "typo" }), (e: KassaError) => e.status === 404);
  await kassa.pay("ord_1", "wallet");
  assert.equal(calls[calls.length - 1].body!.client_secret, "ord_1_secret_s");
});

test("pay with a saved card names it and no channel; asking to save a card sends save_payment_method", async () => {
  const calls: Call[] = [];
  const kassa = client(calls);
  const payment = await kassa.pay("ord_1", null, { clientSecret: "ord_1_secret_s", paymentMethod: "spm_1",
    returnUrl: "https://shop.test/" });
  assert.deepEqual(calls[0].body, { client_secret: "ord_1_secret_s", payment_method: "spm_1",
    return_url: "https://shop.test/" });
  assert.equal(payment?.status, "succeeded");
  await kassa.pay("ord_2", "sandbox_card", { clientSecret: "ord_2_secret_s", savePaymentMethod: true,
    returnUrl: "https://shop.test/" });
  assert.deepEqual(calls[1].body, { client_secret: "ord_2_secret_s", channel: "sandbox_card",
    save_payment_method: true, return_url: "https://shop.test/" });
});

test("an order the customer has not agreed to is refused before any request, in the SDK's option name", async () => {
  const calls: Call[] = [];
  for (const attempt of [
    () => client(calls).createOrder({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: false }),
    () => client(calls).subscribe({ sku: "sku_1", agreementAccepted: false }),
    () => client(calls).createOrderAndPay({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: false },
      "wallet"),
  ]) {
    await assert.rejects(attempt(), (e: KassaError) => e.code === "agreement_required" && e.param === "agreementAccepted"
      && e.message.includes("agreementAccepted: true") && !e.message.includes("agreement_accepted"));
  }
  await assert.rejects(client(calls).createOrderAndPay({ agreementAccepted: false }, "wallet"),
    (e: KassaError) => e.message.includes("call createOrderAndPay with"));
  assert.equal(calls.length, 0);
});

test("listCoupons reads the wallet of the order's customer with the order's client secret", async () => {
  const calls: Call[] = [];
  const fakeFetch = (async (url: string) => {
    calls.push({ url, body: null });
    return new Response(JSON.stringify({ object: "list", has_more: false, data: [{ id: "cpn_1", object: "coupon",
      code: "ABCDEFGHJKLM", description: "$5 off", customer: "cus_1" }] }));
  }) as unknown as typeof fetch;
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined });
  const coupons = await kassa.listCoupons("ord_1", "ord_1_secret_s");
  assert.deepEqual(coupons.map((c) => c.code), ["ABCDEFGHJKLM"]);
  assert.equal(calls[0].url, "https://kassa.test/api/v1/orders/ord_1/coupons?client_secret=ord_1_secret_s");
  await assert.rejects(kassa.listCoupons("ord_2"), (e: KassaError) => e.code === "client_secret_required");
});

/** A Kassa that makes orders with their payment in one call; ``refuse`` answers a payment_error instead. */
function payingAtOnce(calls: Call[], answer: Record<string, unknown>): KassaClient {
  const fakeFetch = (async (url: string, init: RequestInit) => {
    const body = init.body ? JSON.parse(String(init.body)) : null;
    calls.push({ url, body });
    if (url.endsWith("/pay")) {
      return new Response(JSON.stringify({ payment: { id: "pay_2", channel: body.channel, status: "pending",
        next_action: { type: "none" } } }), { status: 200 });
    }
    return new Response(JSON.stringify({ id: "ord_1", object: "order", client_secret: "ord_1_secret_s", payments: [],
      ...answer }), { status: 201 });
  }) as unknown as typeof fetch;
  return new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep: async () => undefined });
}

test("createOrderAndPay makes the order and starts its payment in one request, as createOrder then pay would",
  async () => {
    const calls: Call[] = [];
    const kassa = payingAtOnce(calls, { status: "paying", payment_error: null,
      payment: { id: "pay_1", channel: "wallet", status: "pending", next_action: { type: "none" } } });
    const heard: string[] = [];
    kassa.use({ afterCreateOrder: (order) => { heard.push(`made ${order.id}`); },
      onStatusChange: (change) => { heard.push(`${change.previous} -> ${change.status}`); } });
    const { order, payment } = await kassa.createOrderAndPay({ items: [{ sku: "sku_1", quantity: 1 }],
      agreementAccepted: true, coupon: "SPRING" }, "wallet", { returnUrl: "https://shop.test/done" });
    assert.equal(calls.length, 1);
    assert.equal(calls[0].url, "https://kassa.test/api/v1/orders");
    assert.deepEqual(calls[0].body, { agreement_accepted: true, items: [{ sku: "sku_1", quantity: 1 }],
      coupon: "SPRING", pay: { channel: "wallet", return_url: "https://shop.test/done" } });
    assert.equal(payment?.id, "pay_1");
    assert.equal(order.id, "ord_1");
    assert.equal("payment" in order, false);  // the order is an Order; the payment is beside it
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.deepEqual(heard, ["made ord_1", "created -> paying"]);  // what plugins hear of createOrder then pay
    await kassa.changePaymentMethod("ord_1").catch(() => undefined);
    assert.deepEqual(calls[1].body, { client_secret: "ord_1_secret_s", payment: "pay_1" });  // its payment is known
  });

test("a payment that cannot start rejects with the API's error and the order made, which pay then pays", async () => {
  const calls: Call[] = [];
  const kassa = payingAtOnce(calls, { status: "created", payment: null, payment_error: { type: "risk_error",
    code: "risk_blocked", message: "the merchant's risk rules block this payment", param: null,
    request_id: "req_9" } });
  const heard: string[] = [];
  kassa.use({ onError: (error) => { heard.push(error.code); } });
  const error = await kassa.createOrderAndPay({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true },
    "sandbox_card").then(() => null, (e: KassaError) => e);
  assert.ok(error instanceof KassaError);
  assert.equal(error.type, "risk_error");
  assert.equal(error.code, "risk_blocked");
  assert.equal(error.requestId, "req_9");
  assert.equal(error.param, undefined);
  assert.equal(error.order?.id, "ord_1");
  assert.equal(error.order?.status, "created");
  assert.deepEqual(heard, ["risk_blocked"]);
  await kassa.pay(error.order!.id, "wallet");  // its client secret is remembered
  assert.deepEqual(calls.map((call) => call.url), ["https://kassa.test/api/v1/orders",
    "https://kassa.test/api/v1/orders/ord_1/pay"]);
  assert.deepEqual(calls[1].body, { channel: "wallet", client_secret: "ord_1_secret_s" });
});

test("createOrderAndPay of an order of nothing resolves with no payment and the order paid", async () => {
  const calls: Call[] = [];
  const kassa = payingAtOnce(calls, { status: "paid", payment: null, payment_error: null });
  const statuses: string[] = [];
  kassa.use({ onStatusChange: (change) => { statuses.push(change.status); } });
  const made = await kassa.createOrderAndPay({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true,
    coupon: "ONUS" }, "sandbox_card");
  assert.equal(made.payment, null);
  assert.equal(made.order.status, "paid");
  await new Promise((resolve) => setTimeout(resolve, 0));
  assert.deepEqual(statuses, ["paid"]);
  assert.equal(calls.length, 1);
});

test("an answer that lost its payment (a retry after Kassa made the order) pays the order it names", async () => {
  const calls: Call[] = [];
  const kassa = payingAtOnce(calls, { status: "created" });  // as a recovered Idempotency-Key replays it
  const made = await kassa.createOrderAndPay({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true },
    "sandbox_qr", { returnUrl: "https://shop.test/" });
  assert.equal(made.payment?.id, "pay_2");
  assert.deepEqual(calls[1].body, { channel: "sandbox_qr", client_secret: "ord_1_secret_s",
    return_url: "https://shop.test/" });
});
