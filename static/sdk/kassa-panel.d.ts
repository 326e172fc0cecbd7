/*! Kassa SDK v1.0.0 | MIT */
// Types of kassa-panel.mjs; the <script> build (kassa-panel.js) exposes the same as the global `KassaPanel`.
export * from "./types/panel-only.js";
