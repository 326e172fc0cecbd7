/** The SDK version, stamped at build from package.json (see build.mjs). */
declare const __KASSA_VERSION__: string;
export const version: string = typeof __KASSA_VERSION__ === "string" ? __KASSA_VERSION__ : "dev";
