/** Coming back from a redirect payment (a provider's card page): Kassa sends the shopper back to the page that
 * started the payment with ?kassa_order=…&kassa_client_secret=…&redirect_status=…; the page reads them once and
 * takes them out of the address bar, so a reload or a shared link does not pick the payment up again. */

export const RETURN_PARAMS = ["kassa_order", "kassa_client_secret", "redirect_status"] as const;

/** Kassa's hint of the outcome as the shopper came back; never the outcome itself (anyone can edit a URL). */
export type RedirectStatus = "succeeded" | "failed" | "processing";

export interface PaymentReturn {
  orderId: string;
  clientSecret: string;
  redirectStatus: RedirectStatus | null;
}

/** The parts of window the return needs (tests pass a fake). */
export interface PageLike {
  location: { href: string };
  history?: { state: unknown; replaceState(data: unknown, unused: string, url?: string): void };
}

const REDIRECT_STATUSES: readonly string[] = ["succeeded", "failed", "processing"];
const MAX_PARAM_LENGTH = 200;

function usable(value: string | null): value is string {
  return value !== null && value.length > 0 && value.length <= MAX_PARAM_LENGTH && !/\s/.test(value);
}

/** The return an address carries, or null when it carries none (or only part of one). */
export function readPaymentReturn(href: string): PaymentReturn | null {
  let params: URLSearchParams;
  try {
    params = new URL(href).searchParams;
  } catch {
    return null;
  }
  const orderId = params.get("kassa_order");
  const clientSecret = params.get("kassa_client_secret");
  if (!usable(orderId) || !usable(clientSecret)) return null;
  const status = params.get("redirect_status");
  return { orderId, clientSecret,
    redirectStatus: status !== null && REDIRECT_STATUSES.includes(status) ? status as RedirectStatus : null };
}

/** The address without the return's parameters; the page's own parameters (exactly as written) and its fragment
 * stay. */
export function withoutPaymentReturn(href: string): string {
  const hash = href.indexOf("#");
  const fragment = hash >= 0 ? href.slice(hash) : "";
  const rest = hash >= 0 ? href.slice(0, hash) : href;
  const question = rest.indexOf("?");
  if (question < 0) return href;
  const ours = (part: string): boolean => {
    const name = part.split("=")[0].replace(/\+/g, " ");
    try {
      return (RETURN_PARAMS as readonly string[]).includes(decodeURIComponent(name));
    } catch {
      return false;
    }
  };
  const parts = rest.slice(question + 1).split("&");
  const kept = parts.filter((part) => !ours(part));
  if (kept.length === parts.length) return href;
  const query = kept.filter((part) => part !== "").join("&");
  return `${rest.slice(0, question)}${query ? `?${query}` : ""}${fragment}`;
}

/** Read the page's return and clean the address bar (history.replaceState: no new history entry). */
export function takePaymentReturn(page: PageLike): PaymentReturn | null {
  const href = page.location.href;
  const found = readPaymentReturn(href);
  const clean = withoutPaymentReturn(href);
  if (clean !== href && page.history) {
    try {
      page.history.replaceState(page.history.state, "", clean);
    } catch { /* a sandboxed frame may refuse; the return is still read only once per client */ }
  }
  return found;
}
