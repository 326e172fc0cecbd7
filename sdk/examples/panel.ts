// The ready-made panel and the headless components, typed as an SDK user's code is (README sections 2 and 3).
// Not served: `npm test` type-checks it strictly.
import Kassa, { type Checkout, type Order, type Panel } from "@kassa/sdk";

const kassa = Kassa("pk_test_example");

export function mount(clientSecret?: string): Panel {
  const panel = clientSecret
    ? kassa.mountPanel("#checkout", { session: clientSecret })
    : kassa.mountPanel("#checkout", { product: "prod_example", sku: "sku_example", quantity: 1, locale: "fr" });
  panel.on("paid", ({ orderId }) => location.assign(`/thanks?order=${orderId}`));
  panel.on("error", ({ code, message }) => console.warn(code, message));
  return panel;
}

export function bind(form: HTMLFormElement): () => void {
  const checkout: Checkout = kassa.components.checkout(form, { currency: "eur" });
  checkout.on("paid", (order: Order) => location.assign(`/thanks?order=${order.id}`))
    .on("failed", (error) => console.warn(error.code));
  return () => checkout.destroy();
}
