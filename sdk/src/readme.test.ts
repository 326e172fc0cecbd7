import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

// Every js/ts snippet of the README, as a developer pastes it into a TypeScript project: checked by tsc --strict
// against the SDK's own source. A snippet is a fragment of a page, so the names it takes from around it (the page's
// `kassa`, your own `showThanks`) are declared for it; a snippet that declares a name itself keeps its own.
const tsc = resolve("node_modules", "typescript", "bin", "tsc");

const surroundings: Record<string, string> = {
  Kassa: "declare const Kassa: typeof SDK.Kassa;",
  kassa: "declare const kassa: SDK.KassaClient;",
  panel: "declare const panel: SDK.Panel;",
  clientSecret: "declare const clientSecret: string;",
  items: "declare const items: { sku: string; quantity: number }[];",
  sku: "declare const sku: string;",
  form: "declare const form: HTMLFormElement;",
  formRef: "declare const formRef: { current: HTMLFormElement | null };",
  useEffect: "declare function useEffect(effect: () => void | (() => void), deps: unknown[]): void;",
  report: "declare function report(code: string, message: string): void;",
  showFallback: "declare function showFallback(code: string): void;",
  showSpinner: "declare function showSpinner(text: string): void;",
  showThanks: "declare function showThanks(order: SDK.Order): void;",
  showRetry: "declare function showRetry(message: string): void;",
  render: "declare function render(state: SDK.CheckoutState): void;",
  gtag: "declare function gtag(...args: unknown[]): void;",
};

function snippets(): { line: number; code: string }[] {
  const lines = readFileSync("README.md", "utf8").split("\n");
  const found: { line: number; code: string }[] = [];
  let start = -1;
  lines.forEach((text, index) => {
    if (start < 0 && /^```(js|ts)\s*$/.test(text)) start = index + 1;
    else if (start >= 0 && text.startsWith("```")) {
      found.push({ line: start + 1, code: lines.slice(start, index).join("\n") });
      start = -1;
    }
  });
  return found;
}

function declaresItself(code: string, name: string): boolean {
  return new RegExp(`\\b(const|let|var|function)\\s+${name}\\b|import\\s+${name}\\b|[{,]\\s*${name}\\s*[,}]\\s*from`)
    .test(code);
}

test("every js/ts snippet in the README type-checks with tsc --strict", async () => {
  const found = snippets();
  assert.ok(found.length >= 10, `only ${found.length} snippets found in README.md`);
  const project = mkdtempSync(join(tmpdir(), "kassa-readme-"));
  const files = found.map(({ line, code }) => {
    const prelude = Object.entries(surroundings)
      .filter(([name]) => new RegExp(`\\b${name}\\b`).test(code) && !declaresItself(code, name))
      .map(([, declaration]) => declaration);
    const file = `readme-line-${line}.ts`;
    writeFileSync(join(project, file),
      ['import type * as SDK from "@kassa/sdk";', ...prelude, code, "export {};", ""].join("\n"));
    return file;
  });
  writeFileSync(join(project, "tsconfig.json"), JSON.stringify({
    compilerOptions: {
      strict: true, noEmit: true, skipLibCheck: true, target: "ES2022", module: "ESNext",
      moduleResolution: "Bundler", lib: ["ES2022", "DOM"], types: [],
      paths: { "@kassa/sdk": [resolve("src/index.ts")], "@kassa/sdk/panel": [resolve("src/panel-only.ts")] },
    },
    files,
  }));
  const output = await new Promise<string>((done) =>
    execFile(process.execPath, [tsc, "-p", project], { encoding: "utf8" }, (_error, stdout, stderr) =>
      done(stdout + stderr)));
  // tsc names the file readme-line-N.ts: N is the README line where the snippet starts.
  assert.equal(output.trim(), "", `README snippets fail tsc --strict:\n${output}`);
});
