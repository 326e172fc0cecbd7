import type { CheckoutClient } from "./checkout-client";
import { Checkout, type CheckoutOptions } from "./checkout";
export { Checkout, type CheckoutEvents, type CheckoutOptions } from "./checkout";
export { MAX_QUANTITY, couponCode, nothingDue, recurringTerms, shopperMessage, validateCheckout, type CheckoutState } from "./checkout-state";
/** kassa.components: bind one element, or every [data-kassa-checkout] under a root. An element is bound once;
 * binding it again answers the Checkout it already has. */
export declare class Components {
    private readonly kassa;
    constructor(kassa: CheckoutClient);
    checkout(target: string | Element, options?: CheckoutOptions): Checkout;
    bindAll(root?: ParentNode): Checkout[];
    private bind;
}
