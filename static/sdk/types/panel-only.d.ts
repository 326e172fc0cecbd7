import { Panel, type PanelOptions } from "./panel";
export { KassaError } from "./errors";
export type { KassaErrorType, SetupErrorCode } from "./errors";
export type { Panel, PanelOptions, PanelEvent, PanelEventType, PanelOrderEvent, PanelErrorEvent, PanelEvents } from "./panel";
export { version } from "./version";
export interface MountPanelOptions extends PanelOptions {
    /** Kassa's address (default: this page's origin). */
    baseUrl?: string;
}
/** Insert the panel into the element ``selector`` names, for ``publishableKey``'s merchant. */
export declare function mountPanel(selector: string | Element, publishableKey: string, options: MountPanelOptions): Panel;
