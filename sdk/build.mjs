// Builds the SDK into ../static/sdk (committed; CI fails when a rebuild differs) and, with
// --tests, bundles the unit tests for node's test runner. Deterministic: no timestamps, no
// absolute paths; the version comes from package.json.
//
// The API's types come from openapi.json (written by `flask --app wsgi kassa api-document sdk/openapi.json`;
// `make api-types` runs that and this build): a build regenerates src/api-schema.ts from it (committed, so editors
// and reviewers see the types without a build); --tests fails when that file is stale, then type-checks src and
// examples/ strictly.
import { build } from "esbuild";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "static", "sdk");
const { version } = JSON.parse(readFileSync(join(here, "package.json"), "utf8"));
const banner = `/*! Kassa SDK v${version} | MIT */`;
const common = {
  bundle: true, minify: true, target: "es2019", legalComments: "inline", charset: "utf8",
  define: { __KASSA_VERSION__: JSON.stringify(version) }, absWorkingDir: here, logLevel: "warning",
};

const schemaFile = join(here, "src", "api-schema.ts");

async function apiSchema() {
  const document = JSON.parse(readFileSync(join(here, "openapi.json"), "utf8"));
  // emptyObjectsUnknown: a bare {"type": "object"} (metadata, specs) is any object, not Record<string, never>.
  // defaultNonNullable false: a field with a default may be left out (a request's coupon, a line's quantity), as the
  // document says; by default openapi-typescript would make it required in every component schema.
  // JsonValue (any sound JSON value: what a request may carry in fields Kassa ignores) refers to itself, which a
  // TypeScript type alias inside an interface cannot: to TypeScript it is ``unknown``.
  const transform = (schema, options) =>
    options.path === "#/components/schemas/JsonValue" ? ts.factory.createKeywordTypeNode(ts.SyntaxKind.UnknownKeyword) : undefined;
  const ast = await openapiTS(document, {
    emptyObjectsUnknown: true,
    defaultNonNullable: false,
    silent: true,
    transform,
  });
  return `// Generated from sdk/openapi.json by build.mjs (openapi-typescript): do not edit. Regenerate: make api-types.\n${
    astToString(ast)}`;
}

function tsc(...args) {
  execFileSync(process.execPath, [join(here, "node_modules", "typescript", "bin", "tsc"), ...args],
    { cwd: here, stdio: "inherit" });
}

// A page that only mounts the panel loads kassa-panel.js: at most this many bytes gzipped (npm test fails past it).
const PANEL_BUDGET = 8 * 1024;

function withinBudget() {
  const size = gzipSync(readFileSync(join(out, "kassa-panel.js")), { level: 9 }).length;
  if (size > PANEL_BUDGET) {
    console.error(`static/sdk/kassa-panel.js is ${size} bytes gzipped, over its budget of ${PANEL_BUDGET}: keep the `
      + "headless client, components and QR modal out of src/panel-only.ts");
    process.exit(1);
  }
}

if (process.argv.includes("--pack")) {
  // npm pack (prepack): the committed build, as built, is the package's dist/ (ESM, IIFE, types: the exports map).
  rmSync(join(here, "dist"), { recursive: true, force: true });
  cpSync(out, join(here, "dist"), { recursive: true });
  // The declarations import each other without extensions, as static/sdk serves them (no package.json above them):
  // read as CommonJS-format declarations there, and so here, whatever the package's "type" says.
  writeFileSync(join(here, "dist", "types", "package.json"), `${JSON.stringify({ type: "commonjs" })}\n`);
} else if (process.argv.includes("--tests")) {
  withinBudget();
  let committed = "";
  try { committed = readFileSync(schemaFile, "utf8"); } catch { /* missing: stale too */ }
  if (committed !== await apiSchema()) {
    console.error("sdk/src/api-schema.ts differs from what sdk/openapi.json generates: run `make api-types` (or "
      + "`npm run build` in sdk/) and commit the result");
    process.exit(1);
  }
  // tsc --strict --noEmit over src and the typed examples, as an SDK user's compiler would see them.
  tsc("-p", "tsconfig.check.json");
  const tests = readdirSync(join(here, "src")).filter((f) => f.endsWith(".test.ts")).map((f) => `src/${f}`);
  rmSync(join(here, ".test-build"), { recursive: true, force: true });
  await build({ ...common, minify: false, entryPoints: tests, outdir: ".test-build", platform: "node",
    format: "esm", outExtension: { ".js": ".mjs" } });
} else {
  writeFileSync(schemaFile, await apiSchema());
  await build({ ...common, entryPoints: ["src/global.ts"], outfile: join(out, "kassa.js"), format: "iife",
    banner: { js: banner } });
  await build({ ...common, entryPoints: ["src/index.ts"], outfile: join(out, "kassa.mjs"), format: "esm",
    banner: { js: banner } });
  await build({ ...common, entryPoints: ["src/panel-global.ts"], outfile: join(out, "kassa-panel.js"), format: "iife",
    banner: { js: banner } });
  await build({ ...common, entryPoints: ["src/panel-only.ts"], outfile: join(out, "kassa-panel.mjs"), format: "esm",
    banner: { js: banner } });
  await build({ ...common, entryPoints: ["src/frame.ts"], outfile: join(out, "kassa-frame.js"), format: "iife",
    banner: { js: banner } });
  rmSync(join(out, "types"), { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Type declarations (and a type check of the whole source) by the TypeScript compiler.
  tsc("-p", "tsconfig.json");
  const declarations = `${banner}
// Types of kassa.mjs; the <script> build exposes the same API as the global \`Kassa\`.
export * from "./types/index.js";
export { Kassa as default } from "./types/index.js";
import type { Kassa as KassaFn, KassaClient, KassaError } from "./types/index.js";
declare global {
  interface Window {
    Kassa: typeof KassaFn & { KassaError: typeof KassaError; KassaClient: typeof KassaClient; version: string };
  }
}
`;
  // TypeScript looks for an import of kassa.mjs's types in kassa.d.mts, of any other name's in its .d.ts.
  writeFileSync(join(out, "kassa.d.ts"), declarations);
  writeFileSync(join(out, "kassa.d.mts"), declarations);
  const panelDeclarations = `${banner}
// Types of kassa-panel.mjs; the <script> build (kassa-panel.js) exposes the same as the global \`KassaPanel\`.
export * from "./types/panel-only.js";
`;
  writeFileSync(join(out, "kassa-panel.d.ts"), panelDeclarations);
  writeFileSync(join(out, "kassa-panel.d.mts"), panelDeclarations);
}
