/*! Kassa SDK v1.0.0 | MIT */
// Types of kassa.mjs; the <script> build exposes the same API as the global `Kassa`.
export * from "./types/index";
export { default } from "./types/index";
import type { Kassa as KassaFn, KassaClient, KassaError } from "./types/index";
declare global {
  interface Window {
    Kassa: typeof KassaFn & { KassaError: typeof KassaError; KassaClient: typeof KassaClient; version: string };
  }
}
