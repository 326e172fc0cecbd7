import { test } from "node:test";
import assert from "node:assert/strict";
import { acceptFrameMessage, frameMessage } from "./messages";

const KASSA = "https://pay.example.com";
const frameWindow = { name: "the frame" };
const good = { origin: KASSA, source: frameWindow, data: frameMessage("kassa-panel-1", "paid", { order: "ord_1" }) };

test("a message from the panel's exact origin and window is accepted", () => {
  const message = acceptFrameMessage(good, KASSA, frameWindow, "kassa-panel-1");
  assert.equal(message?.type, "paid");
  assert.deepEqual(message?.data, { order: "ord_1" });
});

test("messages from another origin, window, frame or namespace are ignored", () => {
  const check = (event: typeof good) => acceptFrameMessage(event, KASSA, frameWindow, "kassa-panel-1");
  assert.equal(check({ ...good, origin: "https://evil.example" }), null);
  assert.equal(check({ ...good, origin: "https://pay.example.com.evil.example" }), null);
  assert.equal(check({ ...good, origin: "http://pay.example.com" }), null);
  assert.equal(check({ ...good, source: { name: "another window" } }), null);
  assert.equal(check({ ...good, data: frameMessage("kassa-panel-2", "paid") }), null);
  assert.equal(check({ ...good, data: { type: "paid" } }), null);
  assert.equal(check({ ...good, data: { ...frameMessage("kassa-panel-1", "paid"), ns: "other" } }), null);
  assert.equal(check({ ...good, data: frameMessage("kassa-panel-1", "steal-secrets") }), null);
  assert.equal(check({ ...good, data: "paid" }), null);
});
