import { type Locale } from "./i18n";
/** An accessible modal that shows a QR next_action until the payment is decided: announced as a modal dialog,
 * focus kept inside (Tab and Shift+Tab cycle) and given back to what had it, Escape closes it, and it counts
 * down to the code's expiry. */
export interface QrModal {
    close(): void;
}
export interface QrAction {
    url: string;
    image: string;
    expires_at?: string;
}
export interface QrModalOptions {
    /** The shopper closed it (Escape or Close). */
    onClose?: () => void;
    /** The shopper asked to pay another way; the button is shown only with this callback. */
    onChangeMethod?: () => void;
    /** The language of its words (default English). */
    locale?: Locale;
    /** Clock and timers, for tests. */
    now?: () => number;
    setInterval?: (fn: () => void, ms: number) => unknown;
    clearInterval?: (handle: unknown) => void;
}
/** The countdown's words for the time left until ``expiresAt`` (ms since the epoch) at ``now``. */
export declare function countdownText(expiresAt: number, now: number, locale?: Locale): string;
/** Where Tab (or Shift+Tab) moves focus among ``count`` controls so it never leaves the dialog; ``current``
 * is the focused control's index, or -1 when the dialog itself has focus. */
export declare function trappedFocus(count: number, current: number, backwards: boolean): number;
export declare function showQrModal(doc: Document, action: QrAction, options?: QrModalOptions | (() => void)): QrModal;
