import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaClient } from "./client";
import { Checkout, type CheckoutState } from "./components";
import { KassaError } from "./errors";
import type { PageLike } from "./redirect";
import type { Order } from "./types";

const RETURN = "https://shop.test/buy?kassa_order=ord_1&kassa_client_secret=ord_1_secret_s&redirect_status=";

function order(status: Order["status"], paymentStatus: string | null, product = "prod_1"): Order {
  return { id: "ord_1", object: "order", status, client_secret: "ord_1_secret_s",
    items: [{ sku: "sku_b", product, name: "Gold", quantity: 2, unit_amount: 500, amount: 1000 }],
    payments: paymentStatus ? [{ id: "pay_2", channel: "sandbox_card", status: paymentStatus,
      failure_reason: paymentStatus === "failed" ? "declined by the shopper" : null }] : [] } as unknown as Order;
}

interface Shop { kassa: KassaClient; requests: string[]; page: PageLike & { location: { href: string } } }

/** A client on a page at ``href`` whose order reads answer ``reads`` in turn (the last one repeats). */
function shop(href: string, reads: (Order | number)[], locale?: string,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = async () => undefined): Shop {
  const requests: string[] = [];
  const fakeFetch = (async (url: string) => {
    requests.push(url);
    if (url.includes("/products/")) {
      return new Response(JSON.stringify({ id: "prod_1", name: "Coins", description: "", skus: [
        { id: "sku_a", name: "Silver", price: { amount: 300, currency: "usd" } },
        { id: "sku_b", name: "Gold", price: { amount: 500, currency: "usd" } }] }), { status: 200 });
    }
    if (url.endsWith("/quotes")) {
      return new Response(JSON.stringify({ subtotal: 1000, discount: 0, total: 1000, currency: "usd", lines: [] }));
    }
    const read = reads.length > 1 ? reads.shift()! : reads[0];
    if (typeof read === "number") {
      return new Response(JSON.stringify({ error: { type: "invalid_request_error", code: "resource_missing",
        message: "No such order: 'ord_1'" } }), { status: read });
    }
    return new Response(JSON.stringify(read), { status: 200 });
  }) as unknown as typeof fetch;
  const page = { location: { href }, history: { state: null, replaceState(_: unknown, __: string, url?: string) {
    page.location.href = url!;
  } } };
  const kassa = new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", fetch: fakeFetch, EventSource: null,
    sleep, page, locale });
  return { kassa, requests, page };
}

const orderReads = (requests: string[]): string[] => requests.filter((url) => url.includes("/orders/"));

test("a page that is no return resumes nothing and asks Kassa nothing", async () => {
  const { kassa, requests } = shop("https://shop.test/buy?step=1", [order("paid", "succeeded")]);
  assert.equal(await kassa.resumePayment(), null);
  assert.deepEqual(requests, []);
});

test("a return of a paid order resolves with it from one read, and the address bar is cleaned", async () => {
  const { kassa, requests, page } = shop(`${RETURN}succeeded`, [order("paid", "succeeded")]);
  const heard: string[] = [];
  kassa.use({ name: "analytics", onStatusChange: ({ status }) => { heard.push(status); } });
  const paid = await kassa.resumePayment();
  assert.equal(paid!.status, "paid");
  assert.deepEqual(orderReads(requests), ["https://kassa.test/api/v1/orders/ord_1?client_secret=ord_1_secret_s"]);
  assert.equal(page.location.href, "https://shop.test/buy");
  assert.deepEqual(heard, ["paid"]);  // plugins see the purchase as after any payment
  assert.equal(await kassa.resumePayment(), paid);  // asked again: the same answer, no new read
  assert.equal(orderReads(requests).length, 1);
});

test("while the provider is still processing, it keeps reading until the order is paid", async () => {
  const { kassa, requests } = shop(`${RETURN}processing`,
    [order("paying", "pending"), order("paying", "pending"), order("paying", "pending"), order("paid", "succeeded")]);
  const paid = await kassa.resumePayment({ pollIntervalMs: 1 });
  assert.equal(paid!.status, "paid");
  assert.ok(orderReads(requests).length >= 4);
});

test("redirect_status is never trusted: the order Kassa holds decides, either way", async () => {
  const declined = shop(`${RETURN}succeeded`, [order("created", "failed")]);
  await assert.rejects(declined.kassa.resumePayment(),
    (e: KassaError) => e.type === "payment_error" && e.code === "payment_failed" && /declined/.test(e.message));
  const paid = shop(`${RETURN}failed`, [order("paid", "succeeded")]);
  assert.equal((await paid.kassa.resumePayment())!.status, "paid");
  const closed = shop(`${RETURN}succeeded`, [order("closed", "canceled")]);
  await assert.rejects(closed.kassa.resumePayment(), (e: KassaError) => e.code === "order_closed");
});

test("a wrong or another shop's client secret reveals nothing and is not remembered", async () => {
  const { kassa, page } = shop(`${RETURN}succeeded`, [404]);
  await assert.rejects(kassa.resumePayment(), (e: KassaError) => e instanceof KassaError
    && e.code === "payment_not_found" && e.status === 404 && !e.message.includes("ord_1"));
  assert.equal(page.location.href, "https://shop.test/buy");
  await assert.rejects(kassa.getOrder("ord_1"), (e: KassaError) => e.code === "client_secret_required");
});

test("an order that was never paid is nothing to wait for", async () => {
  const { kassa } = shop(`${RETURN}processing`, [order("created", null)]);
  await assert.rejects(kassa.resumePayment(), (e: KassaError) => e.code === "payment_not_started");
});

/** Just enough of an element for the headless component: a form with a status line, a SKU and a quantity. */
class FakeElement {
  readonly attributes = new Map<string, string>();
  textContent = "";
  value = "";
  disabled = false;
  tagName = "DIV";
  constructor(readonly children: Record<string, FakeElement> = {}) {}
  addEventListener(): void {}
  removeEventListener(): void {}
  getAttribute(name: string): string | null { return this.attributes.get(name) ?? null; }
  setAttribute(name: string, value: string): void { this.attributes.set(name, value); }
  removeAttribute(name: string): void { this.attributes.delete(name); }
  querySelector(selector: string): FakeElement | null { return this.children[selector] ?? null; }
  querySelectorAll(selector: string): FakeElement[] { return this.children[selector] ? [this.children[selector]] : []; }
}

interface Mounted { root: FakeElement; checkout: Checkout; events: [string, unknown][]; settled: Promise<void> }

function mount(kassa: KassaClient, product = "prod_1"): Mounted {
  const root = new FakeElement({ "[data-kassa-status]": new FakeElement(), "[data-kassa-sku]": new FakeElement(),
    "[data-kassa-total]": new FakeElement(),
    "[data-kassa-quantity]": new FakeElement(), '[data-kassa-error="form"]': new FakeElement(),
    "[data-kassa-pay]": new FakeElement() });
  root.setAttribute("data-kassa-product", product);
  root.children["[data-kassa-quantity]"].value = "1";
  const checkout = new Checkout(kassa, root as unknown as Element);
  const events: [string, unknown][] = [];
  const settled = new Promise<void>((resolve) => {
    checkout.on("ready", (state: CheckoutState) => { events.push(["ready", state.state]); });
    checkout.on("paid", (paid) => { events.push(["paid", paid.status]); resolve(); });
    checkout.on("failed", (error) => { events.push(["failed", error.code]); resolve(); });
  });
  return { root, checkout, events, settled };
}

const text = (root: FakeElement, selector: string): string => root.children[selector].textContent;

test("headless components show a returned payment as bought and emit paid once the order is", async () => {
  const { kassa } = shop(`${RETURN}processing`, [order("paying", "pending"), order("paid", "succeeded")]);
  const { root, checkout, events, settled } = mount(kassa);
  await new Promise((resolve) => checkout.on("ready", resolve));
  assert.equal(root.children["[data-kassa-pay]"].disabled, true);  // no second payment while this one settles
  await settled;
  assert.deepEqual(events, [["ready", "paying"], ["paid", "paid"]]);
  assert.equal(root.getAttribute("data-kassa-state"), "paid");
  assert.equal(text(root, "[data-kassa-status]"), "Payment successful");
  assert.equal(checkout.state.order!.id, "ord_1");
  // What was bought, not the page's defaults.
  assert.equal(root.children["[data-kassa-sku]"].value, "sku_b");
  assert.equal(root.children["[data-kassa-quantity]"].value, "2");
  assert.equal(checkout.state.quantity, 2);
});

test("headless components show a declined return as failed, with the order, and may pay again", async () => {
  const { kassa } = shop(`${RETURN}failed`, [order("created", "failed")]);
  const { root, checkout, events, settled } = mount(kassa);
  await settled;
  assert.deepEqual(events, [["ready", "paying"], ["failed", "payment_failed"]]);
  assert.equal(root.getAttribute("data-kassa-state"), "failed");
  assert.equal(text(root, "[data-kassa-status]"), "Payment failed");
  assert.match(text(root, '[data-kassa-error="form"]'), /declined by the shopper/);
  assert.equal(checkout.state.order!.id, "ord_1");
  assert.equal(root.children["[data-kassa-pay]"].disabled, false);
});

test("headless components say a return they cannot read failed, and show nothing of the order", async () => {
  const { kassa } = shop(`${RETURN}succeeded`, [404]);
  const { root, checkout, events, settled } = mount(kassa);
  await settled;
  assert.deepEqual(events, [["ready", "ready"], ["failed", "payment_not_found"]]);
  assert.equal(checkout.state.order, null);
  assert.equal(root.children["[data-kassa-quantity]"].value, "1");
  assert.match(text(root, '[data-kassa-error="form"]'), /could not be found/);
});

test("a checkout of another product on the page leaves the returned order alone", async () => {
  const { kassa, requests } = shop(`${RETURN}succeeded`, [order("paid", "succeeded", "prod_other")]);
  const { root, checkout } = mount(kassa);
  const ready = new Promise((resolve) => checkout.on("ready", resolve));
  await ready;
  assert.equal(root.getAttribute("data-kassa-state"), "ready");
  assert.equal(checkout.state.order, null);
  assert.equal(orderReads(requests).length, 1);
});

test("headless components speak the client's locale: status words and amounts the German way", async () => {
  const { kassa } = shop(`${RETURN}succeeded`, [order("paid", "succeeded")], "de-AT");
  const { root, checkout, settled } = mount(kassa);
  await settled;
  assert.equal(checkout.locale, "de");
  assert.equal(text(root, "[data-kassa-status]"), "Zahlung erfolgreich");
  assert.equal(text(root, "[data-kassa-total]"), "10,00\u00a0$");
});

test("a declined payment is explained in the checkout's language, as Kassa's hosted checkout words it", async () => {
  for (const [locale, said] of [
    ["en", "The payment was not completed: declined by the shopper. No money was taken. You can try again."],
    ["de", "Die Zahlung wurde nicht abgeschlossen: declined by the shopper. Es wurde kein Geld abgebucht. Sie können es "
      + "erneut versuchen."],
    ["fr", "Le paiement n’a pas abouti : declined by the shopper. Aucun argent n’a été débité. Vous pouvez réessayer."],
  ]) {
    const { kassa } = shop(`${RETURN}failed`, [order("created", "failed")], locale);
    const { root, settled } = mount(kassa);
    await settled;
    assert.equal(text(root, '[data-kassa-error="form"]'), said);
  }
});

/** A poller's sleep of a few real milliseconds that ends early when its wait is stopped, as the browser's does. */
const briefSleep = (ms: number, signal?: AbortSignal): Promise<void> => new Promise((resolve) => {
  const stopped = (): void => { clearTimeout(timer); resolve(); };
  const timer = setTimeout(() => { signal?.removeEventListener("abort", stopped); resolve(); }, 5);
  signal?.addEventListener("abort", stopped, { once: true });
});
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

test("a checkout destroyed while its returned payment is picked up stops the pickup: nothing reads on", async () => {
  const { kassa, requests } = shop(`${RETURN}processing`, [order("paying", "pending")], undefined, briefSleep);
  const { checkout, events } = mount(kassa);
  await new Promise((resolve) => checkout.on("ready", resolve));
  while (orderReads(requests).length < 3) await pause(5);  // the pickup polls the order
  checkout.destroy();
  await pause(20);  // a read in flight as it was destroyed may still land
  const reads = orderReads(requests).length;
  await pause(100);
  assert.equal(orderReads(requests).length, reads, "the destroyed checkout's pickup kept reading the order");
  assert.deepEqual(events, [["ready", "paying"]]);  // and it said nothing more
});

test("a pickup the page itself waits on outlives a destroyed checkout, and a checkout bound again rejoins it",
  async () => {
    const reads = [order("paying", "pending")];
    const { kassa, requests } = shop(`${RETURN}processing`, reads, undefined, briefSleep);
    const first = mount(kassa);
    await new Promise((resolve) => first.checkout.on("ready", resolve));
    const pageWait = kassa.resumePayment();
    first.checkout.destroy();
    const again = mount(kassa);
    await new Promise((resolve) => again.checkout.on("ready", resolve));
    const before = orderReads(requests).length;
    await pause(50);
    assert.ok(orderReads(requests).length > before, "the page's own pickup stopped with the checkout");
    again.checkout.destroy();
    reads.push(order("paid", "succeeded"));  // the provider decides
    assert.equal((await pageWait)!.status, "paid");  // still the page's wait, undisturbed
  });
