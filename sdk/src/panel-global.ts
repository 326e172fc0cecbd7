/** The panel-only <script> build: window.KassaPanel (kassa-panel.js). */
import { KassaError, mountPanel, version } from "./panel-only";

(window as unknown as { KassaPanel: object }).KassaPanel = { mountPanel, KassaError, version };
