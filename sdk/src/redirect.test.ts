import { test } from "node:test";
import assert from "node:assert/strict";
import { readPaymentReturn, takePaymentReturn, withoutPaymentReturn, type PageLike } from "./redirect";

const back = "https://shop.test/checkout?step=pay&kassa_order=ord_1&kassa_client_secret=ord_1_secret_s"
  + "&redirect_status=succeeded#summary";

test("a return address names the order, its client secret and Kassa's hint of the outcome", () => {
  assert.deepEqual(readPaymentReturn(back),
    { orderId: "ord_1", clientSecret: "ord_1_secret_s", redirectStatus: "succeeded" });
  assert.equal(readPaymentReturn("https://shop.test/?kassa_order=ord_1&kassa_client_secret=s&redirect_status=maybe")!
    .redirectStatus, null);  // an unknown hint is no hint
  assert.equal(readPaymentReturn("https://shop.test/?kassa_order=ord_1&kassa_client_secret=s")!.redirectStatus, null);
});

test("an address without the order and its client secret is no return", () => {
  assert.equal(readPaymentReturn("https://shop.test/checkout"), null);
  assert.equal(readPaymentReturn("https://shop.test/?kassa_order=ord_1&redirect_status=succeeded"), null);
  assert.equal(readPaymentReturn("https://shop.test/?kassa_client_secret=s"), null);
  assert.equal(readPaymentReturn("https://shop.test/?kassa_order=&kassa_client_secret=s"), null);
  assert.equal(readPaymentReturn(`https://shop.test/?kassa_order=ord_1&kassa_client_secret=${"s".repeat(201)}`), null);
  assert.equal(readPaymentReturn("https://shop.test/?kassa_order=ord%201&kassa_client_secret=s"), null);
  assert.equal(readPaymentReturn("not a url"), null);
});

test("cleaning takes only the return's parameters out and keeps the page's own ones exactly as written", () => {
  assert.equal(withoutPaymentReturn(back), "https://shop.test/checkout?step=pay#summary");
  assert.equal(withoutPaymentReturn("https://shop.test/p?kassa_order=o&q=a+b%20c&kassa_client_secret=s&x&redirect_status=failed"),
    "https://shop.test/p?q=a+b%20c&x");
  assert.equal(withoutPaymentReturn("https://shop.test/p?kassa_order=o&kassa_client_secret=s"), "https://shop.test/p");
  assert.equal(withoutPaymentReturn("https://shop.test/p?kassa%5Forder=o#top"), "https://shop.test/p#top");
  assert.equal(withoutPaymentReturn("https://shop.test/p?a=1#kassa_order=o"), "https://shop.test/p?a=1#kassa_order=o");
  assert.equal(withoutPaymentReturn("https://shop.test/p?a=%E0%A4%A"), "https://shop.test/p?a=%E0%A4%A");
});

function fakePage(href: string): PageLike & { replaced: unknown[][] } {
  const replaced: unknown[][] = [];
  const page = {
    location: { href },
    history: { state: { step: 2 }, replaceState(data: unknown, unused: string, url?: string) {
      replaced.push([data, unused, url]);
      page.location.href = url!;
    } },
    replaced,
  };
  return page;
}

test("taking the return cleans the address bar in place, keeping the page's history state", () => {
  const page = fakePage(back);
  assert.equal(takePaymentReturn(page)!.orderId, "ord_1");
  assert.deepEqual(page.replaced, [[{ step: 2 }, "", "https://shop.test/checkout?step=pay#summary"]]);
  assert.equal(takePaymentReturn(page), null);  // a reload of the cleaned page is no return
  assert.equal(page.replaced.length, 1);
});

test("a half return is still cleaned away, and a page without one is left alone", () => {
  const half = fakePage("https://shop.test/?redirect_status=succeeded");
  assert.equal(takePaymentReturn(half), null);
  assert.equal(half.location.href, "https://shop.test/");
  const plain = fakePage("https://shop.test/?a=1");
  assert.equal(takePaymentReturn(plain), null);
  assert.equal(plain.replaced.length, 0);
});
