/** kassa.components: headless checkouts bound to the merchant's markup (the checkout itself is in checkout.ts, its
 * state's rules in checkout-state.ts). */
import { KassaError } from "./errors";
import type { CheckoutClient } from "./checkout-client";
import { BINDING, Checkout, type CheckoutOptions } from "./checkout";

export { Checkout, type CheckoutEvents, type CheckoutOptions } from "./checkout";
export { MAX_QUANTITY, couponCode, nothingDue, recurringTerms, shopperMessage, validateCheckout,
  type CheckoutState } from "./checkout-state";

type Bound = Element & { [BINDING]?: Checkout };

/** kassa.components: bind one element, or every [data-kassa-checkout] under a root. An element is bound once;
 * binding it again answers the Checkout it already has. */
export class Components {
  constructor(private readonly kassa: CheckoutClient) {}

  checkout(target: string | Element, options: CheckoutOptions = {}): Checkout {
    const root = typeof target === "string" ? document.querySelector(target) : target;
    if (!root) throw new KassaError("invalid_request_error", "element_missing", `no element matches ${String(target)}`);
    return this.bind(root, options);
  }

  bindAll(root: ParentNode = document): Checkout[] {
    return Array.from(root.querySelectorAll("[data-kassa-checkout]")).map((el) => this.bind(el));
  }

  private bind(root: Element, options: CheckoutOptions = {}): Checkout {
    return ((root as Bound)[BINDING] ??= new Checkout(this.kassa, root, options));
  }
}
