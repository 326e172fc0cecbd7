import { test } from "node:test";
import assert from "node:assert/strict";
import { countdownText, trappedFocus } from "./qr";
import { couponCode } from "./components";

test("the countdown shows minutes and seconds left, rounding up, then says the code expired", () => {
  const expires = Date.parse("2026-11-23T08:05:00Z");
  assert.equal(countdownText(expires, expires - 299_500), "Expires in 5:00");
  assert.equal(countdownText(expires, expires - 299_000), "Expires in 4:59");
  assert.equal(countdownText(expires, expires - 61_000), "Expires in 1:01");
  assert.equal(countdownText(expires, expires - 9_000), "Expires in 0:09");
  assert.equal(countdownText(expires, expires), "This code has expired");
  assert.equal(countdownText(expires, expires + 5_000), "This code has expired");
});

test("Tab and Shift+Tab cycle through the dialog's controls and never leave it", () => {
  assert.equal(trappedFocus(3, 0, false), 1);
  assert.equal(trappedFocus(3, 2, false), 0);   // past the last: back to the first
  assert.equal(trappedFocus(3, 0, true), 2);    // before the first: round to the last
  assert.equal(trappedFocus(3, 1, true), 0);
  assert.equal(trappedFocus(3, -1, false), 0);  // the dialog itself had focus
  assert.equal(trappedFocus(3, -1, true), 2);
  assert.equal(trappedFocus(0, -1, false), -1); // nothing to focus: stay on the dialog
});

test("a coupon code is read as the API stores it, and an empty field is no coupon", () => {
  assert.equal(couponCode("  spring20 "), "SPRING20");
  assert.equal(couponCode("   "), null);
  assert.equal(couponCode("x".repeat(80))!.length, 64);
});
