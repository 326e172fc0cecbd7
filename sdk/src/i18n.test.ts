import { test } from "node:test";
import assert from "node:assert/strict";
import { KassaClient } from "./client";
import { recurringTerms, validateCheckout } from "./components";
import { formatMoney, resolveLocale } from "./i18n";
import { panelUrl } from "./panel";
import { countdownText } from "./qr";

const NBSP = "\u00a0";

test("the locale asked for wins, by its primary subtag; else the browser's; else English", () => {
  assert.equal(resolveLocale("fr", "de-DE"), "fr");
  assert.equal(resolveLocale("de-AT", undefined), "de");
  assert.equal(resolveLocale("FR_ca", undefined), "fr");
  assert.equal(resolveLocale(undefined, "de-CH"), "de");
  assert.equal(resolveLocale("ja", "fr-FR"), "fr");  // a language the SDK does not speak is passed over
  assert.equal(resolveLocale("ja", "es-ES"), "en");
  assert.equal(resolveLocale(undefined, undefined), "en");
});

test("a client defaults to navigator.language and takes the locale option over it", () => {
  const make = (locale?: string) => new KassaClient("pk_test_x", { baseUrl: "https://kassa.test", locale,
    fetch: (async () => new Response("{}")) as unknown as typeof fetch, EventSource: null, page: null });
  const had = Object.getOwnPropertyDescriptor(globalThis, "navigator");
  Object.defineProperty(globalThis, "navigator", { value: { language: "fr-BE" }, configurable: true });
  try {
    assert.equal(make().locale, "fr");
    assert.equal(make("de").locale, "de");
  } finally {
    if (had) Object.defineProperty(globalThis, "navigator", had);
    else delete (globalThis as { navigator?: unknown }).navigator;
  }
  assert.equal(make().locale, "en");  // no browser: English
});

test("amounts are formatted the locale's way, as the hosted checkout shows them", () => {
  assert.equal(formatMoney(1998, "usd", "en"), "$19.98");
  assert.equal(formatMoney(1998, "usd", "de"), `19,98${NBSP}$`);
  assert.equal(formatMoney(1998, "usd", "fr"), `19,98${NBSP}$US`);
  assert.equal(formatMoney(1998, "eur", "de"), `19,98${NBSP}€`);
  // Amounts are in the currency's minor unit as Kassa stores it: a yen has none, a dinar three.
  assert.equal(formatMoney(500, "jpy", "en"), "¥500");
  assert.equal(formatMoney(1500, "kwd", "en"), `KWD${NBSP}1.500`);
});

test("validation messages, subscription terms and the QR countdown speak the locale", () => {
  const empty = { sku: null, quantity: 0, channel: null, agreed: false };
  assert.deepEqual(validateCheckout(empty, "de"), {
    sku: "Wählen Sie eine der Optionen.", quantity: "Geben Sie eine ganze Zahl von 1 bis 99 ein.",
    channel: "Wählen Sie, wie Sie bezahlen möchten.", agreement: "Bitte akzeptieren Sie die Bedingungen, um fortzufahren." });
  assert.equal(validateCheckout(empty, "fr").channel, "Choisissez votre moyen de paiement.");
  assert.equal(validateCheckout(empty).channel, "Choose how you want to pay.");
  assert.equal(recurringTerms({ amount: 999, currency: "eur" }, { interval: "month", interval_count: 1 }, "de"),
    `9,99${NBSP}€ monatlich, jederzeit kündbar`);
  assert.equal(recurringTerms({ amount: 5000, currency: "eur" }, { interval: "week", interval_count: 2 }, "fr"),
    `50,00${NBSP}€ toutes les 2 semaines, résiliable à tout moment`);
  const trial = { interval: "month", interval_count: 1, trial_days: 14 } as const;
  assert.equal(recurringTerms({ amount: 999, currency: "eur" }, trial, "de"),
    `14 Tage kostenlos testen, dann 9,99${NBSP}€ monatlich`);
  assert.equal(recurringTerms({ amount: 999, currency: "eur" }, trial, "fr"),
    `Essai gratuit de 14 jours, puis 9,99${NBSP}€ chaque mois`);
  const expires = Date.UTC(2026, 0, 1);
  assert.equal(countdownText(expires, expires - 61_000, "de"), "Läuft ab in 1:01");
  assert.equal(countdownText(expires, expires, "fr"), "Ce code a expiré");
});

test("a panel asked for a language passes it to the frame; without one the frame follows the browser", () => {
  const asked = panelUrl("https://kassa.test", "pk_test_x", "https://shop.test", "f1", { product: "p", locale: "de-AT" });
  assert.equal(asked.searchParams.get("locale"), "de");
  const browser = panelUrl("https://kassa.test", "pk_test_x", "https://shop.test", "f1", { product: "p" });
  assert.equal(browser.searchParams.get("locale"), null);
});
