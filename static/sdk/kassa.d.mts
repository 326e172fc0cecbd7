/*! Kassa SDK v1.0.0 | MIT */
// Types of kassa.mjs; the <script> build exposes the same API as the global `Kassa`.
export * from "./types/index.js";
export { Kassa as default } from "./types/index.js";
import type { Kassa as KassaFn, KassaClient, KassaError } from "./types/index.js";
declare global {
  interface Window {
    Kassa: typeof KassaFn & { KassaError: typeof KassaError; KassaClient: typeof KassaClient; version: string };
  }
}
