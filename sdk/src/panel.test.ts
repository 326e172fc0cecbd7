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
