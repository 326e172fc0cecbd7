import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// The committed build (npm run build writes it; make test fails when it is stale), as a merchant's TypeScript
// project meets it: README's own examples, under strict checking, for each way a project resolves modules.
const built = resolve("..", "static", "sdk");
const tsc = resolve("node_modules", "typescript", "bin", "tsc");

const merchantCode = `
import Kassa, { KassaError, type KassaPlugin, type Order } from ${JSON.stringify(join(built, "kassa.mjs"))};
import { mountPanel } from ${JSON.stringify(join(built, "kassa-panel.mjs"))};
mountPanel("#checkout", "pk_test_x", { product: "prod_1", baseUrl: "https://pay.example.com" })
  .on("paid", ({ orderId }) => { const id: string = orderId; console.log(id); });
const kassa = Kassa("pk_test_x", { baseUrl: "https://pay.example.com" });
const panel = kassa.mountPanel("#checkout", { product: "prod_1", sku: "sku_1", quantity: 1 });
panel.on("paid", ({ orderId }) => location.assign(\`/thanks?order=\${orderId}\`));
export async function buy(sku: string, currency?: string): Promise<Order> {
  const order = await kassa.createOrder({ items: [{ sku, quantity: 1 }], agreementAccepted: true });
  console.log(order.amount.total, order.status === "paid", order.available_channels.map((channel) => channel.name));
  const quote = await kassa.quote([{ sku, quantity: 2 }], { currency });
  console.log(quote.lines.length, quote.total - quote.discount);
  const payment = await kassa.pay(order.id, "sandbox_qr");
  if (payment?.next_action?.type === "qr") console.log(payment.next_action.expires_at?.slice(0, 10));
  try {
    return await kassa.waitForPayment(order.id, { timeoutMs: 60000 });
  } catch (error) {
    if (error instanceof KassaError) console.warn(error.type, error.code, error.message, error.param, error.status);
    throw error;
  }
}
const checkout = kassa.components.checkout("form[data-kassa-checkout]");
checkout.on("paid", (order) => order.id).on("failed", (error) => error.code).on("change", (state) => state.state);
panel.on("error", ({ code, message }) => console.warn(code, message));
const stop = new AbortController();
void kassa.waitForPayment("ord_1", { signal: stop.signal });
checkout.destroy();
panel.destroy();
const analytics: KassaPlugin = {
  name: "analytics",
  beforeCreateOrder(params) {
    if (params.items?.some((i) => i.quantity > 10)) return false;
    return { ...params, metadata: { ...params.metadata, campaign: "spring" } };
  },
  onStatusChange({ orderId, status, previous }) { if (status === "paid") console.log(orderId, previous); },
  onError(error) { console.warn("kassa", error.type, error.code); },
};
kassa.use(analytics);
console.log(window.Kassa.version);
// README's pattern: a paid panel's order is always named.
panel.on("paid", ({ orderId }) => { const id: string = orderId; console.log(id); });
panel.on("error", ({ code }) => { if (code === "product_unknown" || code === "api_key_unknown") console.warn(code); });
checkout.on("error", (error) => console.warn(error.type === "setup_error", error.code));
// @ts-expect-error: no such event
panel.on("succeeded", () => undefined);
// @ts-expect-error: a mistyped channel code
void kassa.pay("ord_1", "sandbox_crad");
// An installed channel (docs/channels.md) is named by the page on purpose: declaration merging adds its code.
declare module ${JSON.stringify(join(built, "kassa.mjs"))} { interface ChannelCodes { bank_transfer: true } }
void kassa.pay("ord_1", "bank_transfer");
`;

// Both projects at once: each tsc run takes about ten seconds of one core, and the SDK tests come first in make test.
test("a merchant's TypeScript project checks, whichever way it resolves modules", { concurrency: true }, async (t) => {
  await Promise.all(["Bundler", "NodeNext"].map((resolution) =>
    t.test(`a TypeScript project (moduleResolution ${resolution}) gets kassa.mjs's types and README's examples check`,
      async () => {
        const project = mkdtempSync(join(tmpdir(), "kassa-types-"));
        writeFileSync(join(project, "package.json"), JSON.stringify({ type: "module" }));
        writeFileSync(join(project, "shop.ts"), merchantCode);
        writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ files: ["shop.ts"], compilerOptions: {
          strict: true, noEmit: true, target: "ES2020", lib: ["ES2020", "DOM"], types: [],
          module: resolution === "Bundler" ? "ESNext" : "NodeNext", moduleResolution: resolution } }));
        const run = await new Promise<{ status: number; output: string }>((done) =>
          execFile(process.execPath, [tsc, "-p", project], { encoding: "utf8" }, (error, stdout, stderr) =>
            done({ status: error ? Number(error.code ?? 1) : 0, output: stdout + stderr })));
        assert.equal(run.status, 0, run.output);
      })));
});
