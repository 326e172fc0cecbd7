import { DEFAULT_LOCALE, messagesFor, type Locale } from "./i18n";

/** An accessible modal that shows a QR next_action until the payment is decided: announced as a modal dialog,
 * focus kept inside (Tab and Shift+Tab cycle) and given back to what had it, Escape closes it, and it counts
 * down to the code's expiry. */

export interface QrModal { close(): void }

export interface QrAction { url: string; image: string; expires_at?: string }

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
export function countdownText(expiresAt: number, now: number, locale: Locale = DEFAULT_LOCALE): string {
  const words = messagesFor(locale);
  const left = Math.max(0, Math.ceil((expiresAt - now) / 1000));
  if (left === 0) return words.expired;
  return words.expiresIn(`${Math.floor(left / 60)}:${String(left % 60).padStart(2, "0")}`);
}

/** Where Tab (or Shift+Tab) moves focus among ``count`` controls so it never leaves the dialog; ``current``
 * is the focused control's index, or -1 when the dialog itself has focus. */
export function trappedFocus(count: number, current: number, backwards: boolean): number {
  if (count === 0) return -1;
  if (backwards) return current <= 0 ? count - 1 : current - 1;
  return current < 0 || current >= count - 1 ? 0 : current + 1;
}

const FOCUSABLE = "a[href], button:not([disabled])";
let dialogs = 0;

export function showQrModal(doc: Document, action: QrAction, options: QrModalOptions | (() => void) = {}): QrModal {
  const opts: QrModalOptions = typeof options === "function" ? { onClose: options } : options;
  const locale = opts.locale ?? DEFAULT_LOCALE;
  const words = messagesFor(locale);
  const now = opts.now ?? Date.now;
  const every = opts.setInterval ?? ((fn, ms) => setInterval(fn, ms));
  const stop = opts.clearInterval ?? ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));
  const opener = doc.activeElement as HTMLElement | null;
  const id = `kassa-qr-${++dialogs}`;
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, css = "", text = ""): HTMLElementTagNameMap[K] => {
    const el = doc.createElement(tag);
    if (css) el.style.cssText = css;
    if (text) el.textContent = text;
    return el;
  };

  const backdrop = make("div", "position:fixed;inset:0;background:rgba(20,33,61,.55);display:flex;align-items:center;"
    + "justify-content:center;padding:16px;box-sizing:border-box;overflow-y:auto;z-index:2147483000");
  backdrop.setAttribute("data-kassa-qr", "");
  const dialog = make("div", "background:#fff;color:#14213d;padding:20px;border-radius:12px;width:100%;max-width:360px;"
    + "margin:auto;box-sizing:border-box;text-align:center;font:16px/1.5 system-ui,sans-serif;"
    + "box-shadow:0 12px 40px rgba(20,33,61,.3);outline:none");
  dialog.setAttribute("role", "dialog");
  dialog.setAttribute("aria-modal", "true");
  dialog.setAttribute("aria-labelledby", `${id}-title`);
  dialog.tabIndex = -1;
  const heading = make("h2", "margin:0 0 12px;font-size:20px", words.scanToPay);
  heading.id = `${id}-title`;
  const image = make("img", "width:min(220px,60vw);height:auto;aspect-ratio:1;border:1px solid #dfe3ea;border-radius:8px");
  image.src = action.image;
  image.alt = words.qrAlt;
  const link = make("a", "display:block;margin:12px 0;color:#3a55d8", words.openPaymentPage);
  link.href = action.url;
  link.target = "_blank";
  link.rel = "noopener";
  dialog.append(heading, image, link);

  let timer: unknown = null;
  const expiresAt = action.expires_at ? Date.parse(action.expires_at) : NaN;
  if (Number.isFinite(expiresAt)) {
    const expiry = make("p", "margin:8px 0");
    expiry.id = `${id}-expiry`;
    const countdown = make("strong", "font-variant-numeric:tabular-nums", countdownText(expiresAt, now(), locale));
    countdown.setAttribute("data-kassa-qr-countdown", "");
    const after = make("span", "display:block;font-size:14px;color:#5c677d", words.afterExpiry);
    expiry.append(countdown, after);
    dialog.appendChild(expiry);
    dialog.setAttribute("aria-describedby", expiry.id);
    timer = every(() => { countdown.textContent = countdownText(expiresAt, now(), locale); }, 1000);
  }

  const buttonCss = "font:inherit;padding:8px 14px;border-radius:8px;border:1px solid #dfe3ea;background:#fff;"
    + "color:#14213d;cursor:pointer;margin:4px";
  const actions = make("div", "display:flex;flex-wrap:wrap;justify-content:center;margin-top:8px");
  let change: HTMLButtonElement | null = null;
  if (opts.onChangeMethod) {
    change = make("button", buttonCss, words.changeMethod);
    change.type = "button";
    actions.appendChild(change);
  }
  const close = make("button", buttonCss, words.close);
  close.type = "button";
  actions.appendChild(close);
  dialog.appendChild(actions);
  backdrop.appendChild(dialog);
  doc.body.appendChild(backdrop);
  link.focus();

  let open = true;
  const modal: QrModal = {
    close() {
      if (!open) return;
      open = false;
      if (timer !== null) stop(timer);
      backdrop.remove();
      if (opener && opener !== doc.body && doc.contains(opener)) opener.focus();
    },
  };
  const dismiss = (then?: () => void) => () => { modal.close(); then?.(); };
  close.addEventListener("click", dismiss(opts.onClose));
  change?.addEventListener("click", dismiss(opts.onChangeMethod));
  dialog.addEventListener("keydown", (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      dismiss(opts.onClose)();
    } else if (event.key === "Tab") {
      event.preventDefault();
      const items = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE));
      const next = trappedFocus(items.length, items.indexOf(doc.activeElement as HTMLElement), event.shiftKey);
      (items[next] ?? dialog).focus();
    }
  });
  return modal;
}
