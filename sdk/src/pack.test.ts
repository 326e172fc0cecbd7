import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// `npm pack` as a shop's developer meets it: a versioned tarball with ESM, IIFE and types behind an exports map,
// installed into an app of its own with `npm install ./kassa-sdk-<version>.tgz` and checked by tsc --strict.
const tsc = resolve("node_modules", "typescript", "bin", "tsc");
const { version } = JSON.parse(readFileSync("package.json", "utf8")) as { version: string };

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((done, fail) => execFile(command, args, { cwd, encoding: "utf8" }, (error, stdout, stderr) =>
    (error ? fail(new Error(`${command} ${args.join(" ")}: ${stdout}${stderr}`)) : done(stdout))));
}

const shopCode = `
import Kassa, { KassaError, type Order } from "@kassa/sdk";
import { mountPanel } from "@kassa/sdk/panel";
const kassa = Kassa("pk_test_x", { baseUrl: "https://pay.example.com" });
kassa.mountPanel("#checkout", { product: "prod_1" }).on("paid", ({ orderId }) => { const id: string = orderId; console.log(id); });
mountPanel("#c", "pk_test_x", { product: "prod_1" }).on("error", ({ code }) => console.warn(code));
export async function buy(): Promise<Order> {
  const order = await kassa.createOrder({ items: [{ sku: "sku_1", quantity: 1 }], agreementAccepted: true });
  try {
    await kassa.pay(order.id, "sandbox_qr");
  } catch (error) {
    if (error instanceof KassaError) console.warn(error.code);
  }
  return kassa.waitForPayment(order.id);
}
`;

test("npm pack makes an installable package whose types check strictly", async () => {
  const packed = mkdtempSync(join(tmpdir(), "kassa-pack-"));
  await run("npm", ["pack", "--pack-destination", packed, "--loglevel=error"], process.cwd());
  const tarball = join(packed, `kassa-sdk-${version}.tgz`);
  const listing = await run("tar", ["-tzf", tarball], packed);
  for (const file of ["kassa.mjs", "kassa.js", "kassa.d.mts", "kassa-panel.mjs", "kassa-panel.js", "types/index.d.ts"]) {
    assert.ok(listing.includes(`package/dist/${file}`), `${file} missing from the tarball:\n${listing}`);
  }
  const app = mkdtempSync(join(tmpdir(), "kassa-app-"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "shop", private: true, type: "module" }));
  await run("npm", ["install", "--offline", "--no-audit", "--no-fund", "--loglevel=error", tarball], app);
  writeFileSync(join(app, "shop.ts"), shopCode);
  for (const [module, resolution] of [["ESNext", "Bundler"], ["NodeNext", "NodeNext"]]) {
    await run(process.execPath, [tsc, "--strict", "--noEmit", "--target", "ES2020", "--lib", "ES2020,DOM",
      "--module", module, "--moduleResolution", resolution, "shop.ts"], app);
  }
});
