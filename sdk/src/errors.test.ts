import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaError, errorFromResponse, setupError } from "./errors";

test("an API error body becomes a KassaError with its type, code, message and param", () => {
  const error = errorFromResponse(422, { error: { type: "invalid_request_error", code: "agreement_required",
    message: "agreement_accepted must be true", param: "agreement_accepted" } });
  assert.ok(error instanceof KassaError);
  assert.ok(error instanceof Error);
  assert.equal(error.type, "invalid_request_error");
  assert.equal(error.code, "agreement_required");
  assert.equal(error.message, "agreement_accepted must be true");
  assert.equal(error.param, "agreement_accepted");
  assert.equal(error.status, 422);
});

test("a body that is not Kassa's error falls back to the type the status implies", () => {
  assert.equal(errorFromResponse(401, null).type, "authentication_error");
  assert.equal(errorFromResponse(403, "<html>").type, "permission_error");
  assert.equal(errorFromResponse(429, {}).type, "rate_limit_error");
  assert.equal(errorFromResponse(502, {}).type, "channel_error");
  assert.equal(errorFromResponse(503, {}).code, "http_503");
  assert.equal(errorFromResponse(404, { error: { type: "made_up" } }).type, "invalid_request_error");
});

test("an API error keeps the request id Kassa gave it, for the merchant to quote to support", () => {
  const error = errorFromResponse(409, { error: { type: "invalid_request_error", code: "order_state_invalid",
    message: "order is closed and cannot be paid", request_id: "req_01abc" } });
  assert.equal(error.requestId, "req_01abc");
  assert.equal(errorFromResponse(502, "<html>").requestId, undefined);
});

test("a checkout that cannot load says which part of the page's setup is wrong, in the SDK's option names", () => {
  const key = setupError(errorFromResponse(401, { error: { type: "authentication_error", code: "invalid_api_key",
    message: "the API key is unknown or revoked" } }), "prod_1");
  assert.deepEqual([key?.type, key?.code, key?.param], ["setup_error", "api_key_unknown", "publishableKey"]);
  const product = setupError(errorFromResponse(404, { error: { type: "invalid_request_error", code: "resource_missing",
    message: "no such product" } }), "prod_nope");
  assert.deepEqual([product?.code, product?.param], ["product_unknown", "product"]);
  assert.match(product!.message, /"prod_nope".*product option/);
  const origin = setupError(errorFromResponse(403, { error: { type: "permission_error", code: "origin_not_allowed",
    message: "origin https://shop.example is not among this merchant's allowed origins" } }), "prod_1");
  assert.equal(origin?.code, "origin_not_allowed");
  // Not the page's setup: a server error or a lost connection is a failure the shopper may retry.
  assert.equal(setupError(errorFromResponse(503, {}), "prod_1"), null);
});
