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
