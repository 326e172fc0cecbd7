import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaClient } from "./client";
import { Checkout } from "./components";

/** Just enough of an element: texts, attributes, properties and listeners that can be counted. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  readonly listeners = new Map<string, Set<unknown>>();
  textContent = "";
  value = "";
  disabled = false;
  tagName = "DIV";
  constructor(readonly children: Record<string, FakeElement> = {}) {}
  addEventListener(type: string, listener: unknown): void {
    if (!this.listeners.has(type)) this.listeners.set(type, new Set());
    this.listeners.get(type)!.add(listener);
  }
  removeEventListener(type: string, listener: unknown): void { this.listeners.get(type)?.delete(listener); }
  listenerCount(): number { return [...this.listeners.values()].reduce((n, set) => n + set.size, 0); }
  getAttribute(name: string): string | null { return this.attributes.get(name) ?? null; }
  setAttribute(name: string, value: string): void { this.attributes.set(name, value); }
  removeAttribute(name: string): void { this.attributes.delete(name); }
  querySelector(selector: string): FakeElement | null { return this.children[selector] ?? null; }
  querySelectorAll(selector: string): FakeElement[] { return this.children[selector] ? [this.children[selector]] : []; }
}

const ORDER = { id: "ord_1", object: "order", status: "created", client_secret: "ord_1_secret_s",
  amount: { subtotal: 500, discount: 0, total: 500 }, currency: "usd", items: [], payments: [] };

/** A client whose payment never gets decided: a waiting checkout reads the order again and again. */
function client(requests: string[]): KassaClient {
  const fakeFetch = (async (url: string, init?: { method?: string }) => {
    requests.push(`${init?.method ?? "GET"} ${url}`);
    const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
    if (url.includes("/products/")) return json({ id: "prod_1", name: "Coins", description: "Shiny",
      skus: [{ id: "sku_a", name: "Silver", price: { amount: 500, currency: "usd" } }] });
    if (url.endsWith("/quotes")) return json({ subtotal: 500, discount: 0, total: 500, currency: "usd", lines: [] });
    if (url.endsWith("/orders")) return json(ORDER, 201);
    if (url.endsWith("/pay")) return json({ payment: { id: "pay_1", channel: "sandbox_card", status: "pending",
      next_action: { type: "none" } } });
    return json({ ...ORDER, status: "paying", payments: [{ id: "pay_1", channel: "sandbox_card", status: "pending" }] });
  }) as unknown as typeof fetch;
  return new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null, page: null });
}

function markup(): FakeElement {
  const root = new FakeElement({ "[data-kassa-product-name]": new FakeElement(), "[data-kassa-total]": new FakeElement(),
    "[data-kassa-status]": new FakeElement(), "[data-kassa-quantity]": new FakeElement(),
    "[data-kassa-pay]": new FakeElement(), '[data-kassa-error="form"]': new FakeElement() });
  root.setAttribute("data-kassa-product", "prod_1");
  root.children["[data-kassa-product-name]"].textContent = "Our coins";  // the merchant's own placeholder
  root.children["[data-kassa-total]"].textContent = "—";
  root.children["[data-kassa-quantity]"].value = "1";
  return root;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test("a destroyed checkout stops waiting for its payment, forgets its listeners and leaves the markup as it was",
  async () => {
    const requests: string[] = [];
    const root = markup();
    const before = JSON.stringify([...root.attributes]);
    const checkout = new Checkout(client(requests), root as unknown as Element);
    const events: string[] = [];
    for (const type of ["ready", "change", "paid", "failed"] as const) checkout.on(type, () => events.push(type));
    await new Promise((resolve) => checkout.on("ready", resolve));
    assert.equal(root.children["[data-kassa-total]"].textContent, "$5.00");
    assert.ok(root.listenerCount() > 0);

    checkout.state.channel = "sandbox_card";
    checkout.state.agreed = true;
    const paying = checkout.pay();
    await sleep(1300);  // paid nowhere: the checkout reads the order about once a second
    const reads = () => requests.filter((r) => r.startsWith("GET https://kassa.test/api/v1/orders/ord_1")).length;
    assert.ok(reads() >= 1, requests.join("\n"));
    assert.equal(root.getAttribute("data-kassa-state"), "paying");
    assert.equal(root.children["[data-kassa-pay]"].disabled, true);

    checkout.destroy();
    checkout.destroy();  // twice, as an app unmounting in two places would: harmless
    assert.equal(await paying, null);
    const after = requests.length;
    await sleep(2500);
    assert.equal(requests.length, after, "nothing reads the order after destroy");
    assert.equal(root.listenerCount(), 0);
    assert.equal(root.children["[data-kassa-pay]"].listenerCount(), 0);
    assert.equal(JSON.stringify([...root.attributes]), before);  // no data-kassa-state left behind
    assert.equal(root.children["[data-kassa-product-name]"].textContent, "Our coins");
    assert.equal(root.children["[data-kassa-total]"].textContent, "—");
    assert.equal(root.children["[data-kassa-status]"].textContent, "");
    assert.equal(root.children["[data-kassa-pay]"].disabled, false);
    assert.deepEqual(events, ["ready"]);  // nothing after destroy: no "failed" for a wait the page stopped
  });

test("a checkout destroyed before its product arrives writes nothing when it does", async () => {
  const requests: string[] = [];
  const root = markup();
  const checkout = new Checkout(client(requests), root as unknown as Element);
  let heard = 0;
  checkout.on("ready", () => { heard++; });
  checkout.destroy();
  await sleep(50);
  assert.ok(requests.length >= 1);  // the product was being read
  assert.equal(heard, 0);
  assert.equal(root.children["[data-kassa-product-name]"].textContent, "Our coins");
  assert.equal(root.getAttribute("data-kassa-state"), null);
});
