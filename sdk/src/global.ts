/** The <script> build: window.Kassa, plus the zero-code integration of its own script tag. */
import { autoMount } from "./auto";
import { Kassa, KassaClient, KassaError, version } from "./index";

const api = Object.assign(Kassa, { KassaError, KassaClient, version });
(window as unknown as { Kassa: typeof api }).Kassa = api;
autoMount(document.currentScript as HTMLScriptElement | null);
