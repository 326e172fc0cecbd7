import { test } from "node:test";
import assert from "node:assert/strict";
import { panelUrl } from "./panel";

test("a session's panel is addressed by the session's client secret, not by a customer", () => {
  const url = panelUrl("https://kassa.test/", "pk_test_x", "https://shop.test", "f1", { session: "cs_1_secret_a b" });
  assert.equal(url.origin + url.pathname, "https://kassa.test/embed/session");
  assert.equal(url.searchParams.get("session"), "cs_1_secret_a b");
  assert.equal(url.searchParams.get("key"), "pk_test_x");
  assert.equal(url.searchParams.get("origin"), "https://shop.test");
  assert.equal(url.searchParams.get("customer"), null);
});

test("a guest's panel is addressed by the product", () => {
  const url = panelUrl("https://kassa.test", "pk_test_x", "https://shop.test", "f2",
    { product: "prod/1", sku: "sku_1", quantity: 2 });
  assert.equal(url.pathname, "/embed/prod%2F1");
  assert.deepEqual([...url.searchParams.keys()], ["key", "origin", "frame", "sku", "quantity"]);
});

test("the frame's refusal (an origin not allowed) is heard as an error event's message", async () => {
  const { acceptFrameMessage } = await import("./messages");
  const source = {};
  const message = acceptFrameMessage({ origin: "https://kassa.test", source, data: { ns: "kassa", v: 1, frame: "f3",
    type: "error", data: { code: "origin_not_allowed", message: "no" } } }, "https://kassa.test", source, "f3");
  assert.equal(message?.type, "error");
  assert.deepEqual(message?.data, { code: "origin_not_allowed", message: "no" });
});

test("the frame learns the embedding page, which a provider sends the shopper back to, and the order it came back for",
  () => {
    const url = panelUrl("https://kassa.test", "pk_test_x", "https://shop.test", "f4", { product: "prod_1" },
      { page: "https://shop.test/buy?plan=pro#checkout",
        back: { orderId: "ord_1", clientSecret: "ord_1_secret_s", redirectStatus: "succeeded" } });
    assert.equal(url.searchParams.get("page"), "https://shop.test/buy?plan=pro#checkout");
    assert.equal(url.searchParams.get("order"), "ord_1");
    assert.equal(url.searchParams.get("client_secret"), "ord_1_secret_s");
    const plain = panelUrl("https://kassa.test", "pk_test_x", "https://shop.test", "f5", { product: "prod_1" },
      { page: "https://shop.test/buy", back: null });
    assert.deepEqual([...plain.searchParams.keys()], ["key", "origin", "frame", "page"]);
  });

test("the frame may send the page only to an http(s) provider page", async () => {
  const { providerPage } = await import("./panel");
  assert.equal(providerPage("https://sandbox.test/sandbox/pay/sbp_1"), "https://sandbox.test/sandbox/pay/sbp_1");
  assert.equal(providerPage("http://127.0.0.1:5001/pay"), "http://127.0.0.1:5001/pay");
  for (const bad of ["javascript:alert(1)", "data:text/html,hi", "/relative", "", undefined, 42]) {
    assert.equal(providerPage(bad), null, String(bad));
  }
});

test("a redirect from the frame is a message the page hears", async () => {
  const { acceptFrameMessage } = await import("./messages");
  const source = {};
  const message = acceptFrameMessage({ origin: "https://kassa.test", source, data: { ns: "kassa", v: 1, frame: "f6",
    type: "redirect", data: { url: "https://sandbox.test/pay" } } }, "https://kassa.test", source, "f6");
  assert.equal(message?.type, "redirect");
});
